"""Builds are atomic: a build killed at any moment leaves the previous kb.db whole and usable,
the next run completes the work, and a reader querying during a build never sees an error or
a partial state."""
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from tests.helpers import day_text

TOPICS = ["退款多久到账？", "对账文件几点出？", "代金券怎么分摊？", "分账需要什么资质？", "幂等怎么做？"]


def make_days(root, first, count):
    d = root / "支付群"
    d.mkdir(parents=True, exist_ok=True)
    for k in range(first, first + count):
        date = f"2024-{1 + k // 28:02d}-{1 + k % 28:02d}"
        msgs = []
        for i in range(60):
            t = f"{9 + i // 10:02d}:{(i % 10) * 5:02d}:00"
            if i % 3 == 0:
                msgs.append((t, f"成员{i % 7}", f"请教下各位，{TOPICS[(k + i) % 5]}第{k}天"))
            else:
                msgs.append((t, f"成员{(i + 3) % 7}", f"一般是这样处理的，第{k}天第{i}条，看渠道的规定"))
        (d / f"{date}-chat.markdown").write_text(day_text(date, msgs), encoding="utf-8")


def run_build(chats, db, **kw):
    return subprocess.Popen([sys.executable, "-m", "extractor.cli", "build", str(chats), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def snapshot(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"select count(*), coalesce(sum(length(id)), 0) from [{t}]").fetchone()
                for t in ("sources", "messages", "questions", "answers", "members")}
    finally:
        con.close()


def timed_build(chats, db):
    """Build and return how long it took (a build to kill part way through takes about as long)."""
    start = time.monotonic()
    assert run_build(chats, db).wait() == 0
    return time.monotonic() - start


def kill_part_way(chats, db, seconds, finished):
    """Start a build into db and kill it after ``seconds`` (SIGKILL: no cleanup of any kind). On a
    busy machine the build may finish sooner: ``finished()`` then checks and undoes it, and the
    next try is killed sooner."""
    for attempt in range(6):
        proc = run_build(chats, db)
        time.sleep(seconds / 2 ** attempt)
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == -signal.SIGKILL:
            return
        finished()
    pytest.fail("the build always finished before it could be killed")


def _copy(a, b):
    src, dst = sqlite3.connect(str(a)), sqlite3.connect(str(b))
    src.backup(dst)
    src.close(), dst.close()


@pytest.mark.parametrize("fraction", [0.3, 0.6])
def test_a_killed_build_leaves_the_previous_database_whole(tmp_path, fraction):
    chats, db = tmp_path / "chats", tmp_path / "kb.db"
    make_days(chats, 0, 5)
    assert run_build(chats, db).wait() == 0
    before = snapshot(db)
    previous, reference = tmp_path / "previous.db", tmp_path / "reference.db"
    _copy(db, previous)
    _copy(db, reference)  # the same history, not interrupted
    make_days(chats, 5, 20)
    duration = timed_build(chats, reference)
    done = snapshot(reference)

    def finished():  # the new database, whole; then start again from the previous one
        assert snapshot(db) == done
        _copy(previous, db)

    kill_part_way(chats, db, duration * fraction, finished)
    con = sqlite3.connect(str(db))
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    con.close()
    # the previous knowledge base, whole and usable (or the new one, had it just committed)
    assert snapshot(db) in (before, done)
    assert run_build(chats, db).wait() == 0  # the next run completes the work
    assert snapshot(db) == done


def test_a_reader_during_a_build_sees_no_error_and_no_partial_state(tmp_path):
    chats, db = tmp_path / "chats", tmp_path / "kb.db"
    make_days(chats, 0, 5)
    assert run_build(chats, db).wait() == 0
    make_days(chats, 5, 30)
    seen, errors, stop = set(), [], threading.Event()

    def read_loop():
        while not stop.is_set():
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                with con:
                    sources = con.execute("select count(*) from sources").fetchone()[0]
                    messages = con.execute("select count(*) from messages").fetchone()[0]
                    expected = con.execute("select coalesce(sum(message_count), 0) from sources").fetchone()[0]
                con.close()
                seen.add(sources)
                if messages != expected:
                    errors.append(f"partial state: {messages} messages for sources that hold {expected}")
            except sqlite3.Error as e:
                errors.append(repr(e))
            time.sleep(0.01)

    reader = threading.Thread(target=read_loop)
    reader.start()
    proc = run_build(chats, db)
    assert proc.wait() == 0
    deadline = time.monotonic() + 10  # (on a busy machine the reader may take a while to look again)
    while 35 not in seen and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    reader.join()
    assert errors == []
    assert seen <= {5, 35} and 35 in seen


def test_a_new_knowledge_base_appears_only_when_complete(tmp_path):
    """A first build writes into kb.db.rebuild without a write-ahead log; killed, it leaves no
    kb.db at all; the next run deletes the leftover and builds kb.db whole, in WAL mode."""
    chats, db = tmp_path / "chats", tmp_path / "kb.db"
    make_days(chats, 0, 25)
    reference = tmp_path / "reference.db"
    duration = timed_build(chats, reference)
    done = snapshot(reference)
    kill_part_way(chats, db, duration * 0.5, db.unlink)  # finished: try again without it
    assert not db.exists() or snapshot(db) == done  # nothing half made under the knowledge base's name
    assert run_build(chats, db).wait() == 0
    assert snapshot(db) == done
    assert not (tmp_path / "kb.db.rebuild").exists() and not (tmp_path / "kb.db.rebuild-journal").exists()
    con = sqlite3.connect(str(db))
    assert con.execute("pragma journal_mode").fetchone() == ("wal",)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    con.close()


def test_two_first_builds_at_once_take_turns(tmp_path):
    """Two builds of the same new knowledge base started together: one makes it, the other waits,
    then finds it made and has nothing left to do; neither publishes half a file."""
    chats, db = tmp_path / "chats", tmp_path / "kb.db"
    make_days(chats, 0, 20)
    reference = tmp_path / "reference.db"
    assert run_build(chats, reference).wait() == 0
    first, second = run_build(chats, db), run_build(chats, db)
    assert first.wait() == 0 and second.wait() == 0
    assert snapshot(db) == snapshot(reference)
    assert not (tmp_path / "kb.db.rebuild").exists()
    con = sqlite3.connect(str(db))
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    con.close()
