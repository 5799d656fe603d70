"""Building kb.db: every message kept, stable ids, re-runs, changed and deleted files, search, export."""
import io
import json

import sqlite_utils

from extractor import export, pipeline
from extractor.segment import query_terms

DAY1 = [
    ("09:00:00", "林晓峰", "请教下各位，代金券参与的订单做部分退款，券的金额怎么分摊？"),
    ("09:01:00", "周敏-清算-产品", "@晓峰-杭州-支付研发?按商品行的实付比例分摊，最后一笔退款用减法兜底"),
    ("09:02:00", "林晓峰", "明白了，多谢"),
    ("09:03:00", "Kevin", "[强][强]"),
]
DAY2 = [
    ("10:00:00", "赵一鸣", "T+1 对账的时候渠道有我们没有的单子，你们一般怎么处理？"),
    ("10:02:00", "maple", "先查是不是日切时间不一致，跨日的单子第二天会自动平"),
    ("10:03:00", "赵一鸣", "学习了"),
    ("10:04:00", "小雨", "![2024-03-12 10:04:00](http://static.example.org/img/a.png)"),
]


def build(tmp_path, write_day, **kw):
    write_day("支付群", "2024-03-11", DAY1)
    write_day("支付群", "2024-03-12", DAY2)
    db_path = str(tmp_path / "kb.db")
    summary = pipeline.build([str(tmp_path / "chats")], db_path, **kw)
    return db_path, summary


def dump(db_path):
    db = sqlite_utils.Database(db_path)
    out = {t: list(db.query(f"select * from [{t}] order by 1")) for t in
           ("sources", "messages", "members", "aliases", "questions", "answers", "terms")}
    db.close()
    return out


def test_every_message_is_stored_with_its_source(tmp_path, write_day):
    db_path, summary = build(tmp_path, write_day)
    db = sqlite_utils.Database(db_path)
    assert summary.stored == 2 and summary.totals["messages"] == 8
    sources = list(db.query("select * from sources order by path"))
    assert [s["path"] for s in sources] == ["支付群/2024-03-11-chat.markdown", "支付群/2024-03-12-chat.markdown"]
    assert {s["group_name"] for s in sources} == {"支付群"} and sources[0]["date"] == "2024-03-11"
    assert all(len(s["content_hash"]) == 40 and s["message_count"] == 4 for s in sources)
    m = db.execute("select n, time, timestamp, sender, member_id, text, kind from messages where source_id = ? order by n",
                   [sources[0]["id"]]).fetchall()
    assert m[0] == (0, "09:00:00", "2024-03-11T09:00:00", "林晓峰", "林晓峰", DAY1[0][2], "text")
    assert m[3][-1] == "emoji"
    assert db.execute("select kind, images from messages where kind = 'image'").fetchone()[1] == '["http://static.example.org/img/a.png"]'
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_questions_answers_and_the_qa_view(tmp_path, write_day):
    db_path, summary = build(tmp_path, write_day)
    db = sqlite_utils.Database(db_path)
    qs = list(db.query("select * from questions order by timestamp"))
    assert [q["asker"] for q in qs] == ["林晓峰", "赵一鸣"]
    q = qs[0]
    assert q["score"] >= 0.5 and json.loads(q["reasons"]) and json.loads(q["keywords"])
    assert q["answered"] == 1 and q["published"] == 1
    a = db.execute("select answerer, rank, accepted, reasons from answers where question_id = ?", [q["id"]]).fetchone()
    assert a[:3] == ("周敏-清算-产品", 1, 1) and json.loads(a[3])
    row = next(db.query("select * from qa where question_id = ?", [q["id"]]))
    assert row["answerer"] == "周敏-清算-产品" and "分摊" in row["answer"]
    assert summary.totals["questions"] == 2 and summary.totals["answered"] == 2


def test_chinese_search_finds_a_two_character_word(tmp_path, write_day):
    db_path, _ = build(tmp_path, write_day)
    db = sqlite_utils.Database(db_path)
    match = " ".join(f'"{t}"' for t in query_terms("退款"))
    hits = db.execute("select questions.asker from questions_fts join questions on questions.rowid = questions_fts.rowid "
                      "where questions_fts match ?", [match]).fetchall()
    assert hits == [("林晓峰",)]
    match = " ".join(f'"{t}"' for t in query_terms("对账"))
    assert db.execute("select count(*) from questions_fts where questions_fts match ?", [match]).fetchone()[0] == 1
    match = " ".join(f'"{t}"' for t in query_terms("日切时间"))
    hits = db.execute("select answers.answerer from answers_fts join answers on answers.rowid = answers_fts.rowid "
                      "where answers_fts match ?", [match]).fetchall()
    assert hits == [("maple",)]


def test_building_twice_gives_the_same_database(tmp_path, write_day):
    db_path, _ = build(tmp_path, write_day)
    first = dump(db_path)
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.unchanged == 2 and summary.stored == 0
    assert dump(db_path) == first
    # and a fresh build of the same files gives the same rows, with the same ids
    other = str(tmp_path / "other.db")
    pipeline.build([str(tmp_path / "chats")], other)
    assert dump(other) == first


def test_a_changed_file_replaces_its_own_rows_only(tmp_path, write_day):
    db_path, _ = build(tmp_path, write_day)
    before = dump(db_path)
    write_day("支付群", "2024-03-12", DAY2 + [("10:10:00", "Annie", "部分退款能不能直接冲正？")])
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.replaced == ["支付群/2024-03-12-chat.markdown"] and summary.unchanged == 1
    after = dump(db_path)
    day1 = before["sources"][0]["id"] if before["sources"][0]["path"].endswith("03-11-chat.markdown") else before["sources"][1]["id"]
    keep = lambda rows: [r for r in rows if r.get("source_id") == day1]
    assert keep(after["messages"]) == keep(before["messages"])
    assert keep(after["questions"]) == keep(before["questions"])
    assert len(after["messages"]) == 9


def test_a_deleted_file_removes_its_own_rows(tmp_path, write_day):
    db_path, _ = build(tmp_path, write_day)
    (tmp_path / "chats" / "支付群" / "2024-03-12-chat.markdown").unlink()
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.removed == ["支付群/2024-03-12-chat.markdown"]
    db = sqlite_utils.Database(db_path)
    assert db.execute("select count(*) from messages").fetchone()[0] == 4
    assert db.execute("select count(*) from questions where date = '2024-03-12'").fetchone()[0] == 0


def test_group_option_and_files_given_directly(tmp_path, write_day):
    p = write_day("whatever", "2024-03-11", DAY1, name="000_abc.txt")
    db_path = str(tmp_path / "kb.db")
    summary = pipeline.build([str(p)], db_path, group="支付产品群")
    db = sqlite_utils.Database(db_path)
    assert db.execute("select path, group_name, date from sources").fetchone() == ("000_abc.txt", "支付产品群", "2024-03-11")
    assert summary.totals["messages"] == 4


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_stored(tmp_path, write_day):
    write_day("支付群", "2024-03-11", DAY1)
    (tmp_path / "chats" / "支付群" / "README.md").write_text("# 说明\n\n这是聊天记录的导出。\n", encoding="utf-8")
    (tmp_path / "chats" / "支付群" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    summary = pipeline.build([str(tmp_path / "chats")], str(tmp_path / "kb.db"))
    assert summary.stored == 1 and summary.totals["messages"] == 4
    reasons = sorted(str(p) for p in summary.skipped)
    assert reasons == ["支付群/README.md: is not a chat log in any format this tool reads",
                       "支付群/pic.png: is binary, not text"]


def test_export_writes_the_gold_format(tmp_path, write_day):
    db_path, _ = build(tmp_path, write_day)
    out = io.StringIO()
    n = export.write_jsonl(sqlite_utils.Database(db_path), out)
    lines = [json.loads(l) for l in out.getvalue().splitlines()]
    assert n == len(lines) == 2
    first = lines[0]
    assert first["file"] == "支付群/2024-03-11-chat.markdown"
    assert first["question"] == [{"n": 0, "time": "09:00:00", "sender": "林晓峰"}]
    assert first["answers"][0] == {"n": 1, "time": "09:01:00", "sender": "周敏-清算-产品"}


def test_workers_store_what_one_process_stores(tmp_path, write_day, monkeypatch):
    """The passes over forked workers give the same rows as the same passes in one process."""
    from benchmarks.compare import differences

    for i, day in enumerate([DAY1, DAY2, DAY1, DAY2]):
        write_day("支付群", f"2024-03-1{i + 1}", day)
    chats = str(tmp_path / "chats")
    monkeypatch.setattr(pipeline.Workers, "MIN_FILES", 1)
    pipeline.build_files(list(pipeline.iter_files([chats])), str(tmp_path / "one.db"), roots=[chats], workers=1)
    pipeline.build_files(list(pipeline.iter_files([chats])), str(tmp_path / "two.db"), roots=[chats], workers=2)
    assert differences(str(tmp_path / "one.db"), str(tmp_path / "two.db")) == []
    assert dump(str(tmp_path / "one.db"))["questions"]


def test_builds_do_not_depend_on_the_hash_seed(tmp_path):
    """Every table, evidence included, is the same whatever order Python iterates sets in."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    dumps = []
    for seed in ("1", "2"):
        db = tmp_path / f"kb{seed}.db"
        subprocess.run([sys.executable, "-m", "extractor.cli", "build", str(ROOT / "examples" / "chats"), "--db", str(db)],
                       check=True, capture_output=True, env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        dumps.append(dump(str(db)))
    assert dumps[0] == dumps[1]


def test_an_unchanged_file_is_not_even_read_and_a_touched_one_is_checked_by_content(tmp_path, write_day, monkeypatch):
    db_path, _ = build(tmp_path, write_day)
    opened = []
    real_open = open

    def spy(path, *a, **kw):
        if str(path).endswith(".markdown"):
            opened.append(str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr("builtins.open", spy)
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.unchanged == 2 and opened == []
    day = tmp_path / "chats" / "支付群" / "2024-03-11-chat.markdown"
    import os
    os.utime(day, ns=(day.stat().st_atime_ns, day.stat().st_mtime_ns + 10**9))
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.unchanged == 2 and summary.stored == 0 and opened == [str(day)]


def test_a_knowledge_base_of_an_older_schema_is_rebuilt_whole(tmp_path, write_day):
    from extractor import store

    db_path, _ = build(tmp_path, write_day)
    before = dump(db_path)
    db = sqlite_utils.Database(db_path)
    db["meta"].insert({"key": "schema_version", "value": "1"}, pk="key", replace=True)
    db.execute("delete from questions")
    db.conn.commit()
    db.close()
    summary = pipeline.build([str(tmp_path / "chats")], db_path)
    assert summary.stored == 2
    assert store.stored_version(db_path) == store.SCHEMA_VERSION
    assert dump(db_path)["questions"] == before["questions"]


def test_an_upgraded_analysis_reads_every_file_again(tmp_path, write_day, monkeypatch):
    from extractor import version

    db_path, _ = build(tmp_path, write_day)
    assert sqlite_utils.Database(db_path)["meta"].get("analysis")["value"] == version.analysis()
    again = pipeline.build([str(tmp_path / "chats")], db_path)
    assert again.unchanged == 2 and again.stored == 0  # the same code: nothing to do
    monkeypatch.setattr(version, "analysis", lambda: "a-newer-version")
    upgraded = pipeline.build([str(tmp_path / "chats")], db_path)
    assert upgraded.stored == 2 and upgraded.unchanged == 0
    db = sqlite_utils.Database(db_path)
    assert db["meta"].get("analysis")["value"] == "a-newer-version"
    assert db["messages"].count == 8 and db["questions"].count == 2


def test_a_new_build_indexes_every_question_for_search(tmp_path, write_day):
    """A new knowledge base builds its full-text indexes once, after the rows: every question and
    answer is found, the index is sound, and the triggers are back for the next build."""
    topics = ["对账", "退款", "分润", "清算", "结算"]
    for k, topic in enumerate(topics):
        write_day("支付群", f"2024-03-{11 + k:02d}", [
            ("09:00:00", "林晓峰", f"请教下各位，{topic}系统一般怎么设计？"),
            ("09:01:00", "maple", f"{topic}要先把流水落库，再按批次处理"),
        ])
    db_path = str(tmp_path / "kb.db")
    pipeline.build([str(tmp_path / "chats")], db_path)
    db = sqlite_utils.Database(db_path)
    for table in ("questions", "answers"):
        db.execute(f"insert into [{table}_fts]([{table}_fts]) values('integrity-check')")
        for topic in topics:
            match = " ".join(f'"{t}"' for t in query_terms(topic))
            assert db.execute(f"select count(*) from [{table}_fts] where [{table}_fts] match ?", [match]).fetchone()[0] == 1
    assert {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")} >= {
        "questions_ai", "questions_ad", "questions_au", "answers_ai", "answers_ad", "answers_au"}
    db.close()
    # a day added later is indexed by those triggers
    write_day("支付群", "2024-03-20", [("09:00:00", "赵一鸣", "请教下各位，跨境收单一般怎么设计？"),
                                      ("09:01:00", "maple", "跨境收单要先看牌照")])
    pipeline.build([str(tmp_path / "chats")], db_path)
    db = sqlite_utils.Database(db_path)
    match = " ".join(f'"{t}"' for t in query_terms("跨境"))
    assert db.execute("select count(*) from questions_fts where questions_fts match ?", [match]).fetchone()[0] == 1
    db.execute("insert into questions_fts(questions_fts) values('integrity-check')")
