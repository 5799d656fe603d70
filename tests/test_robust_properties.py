"""Property tests over bad input: random text and random mutations of real-format
files never crash the reader or the pipeline, and every header the reader
accepts becomes exactly one stored row."""
import re

import sqlite_utils
from hypothesis import HealthCheck, given, settings, strategies as st

from extractor import pipeline
from extractor.readers import archive, read_bytes
from tests.helpers import day_text

DAY = day_text("2024-03-11", [
    ("09:00:00", "林晓峰", "请教下各位，部分退款的券怎么分摊？"),
    ("09:01:00", "周敏-清算-产品", "@晓峰-杭州-支付研发?按实付比例分摊\n第二行"),
    ("09:02:00", "Kevin", "![2024-03-11 09:02:00](http://static.example.org/a.png)"),
    ("09:03:00", "林晓峰", "「周敏-清算-产品:按实付比例分摊」 - - - - - - - - 明白了[抱拳]"),
])
HEADER = re.compile(r"^>[ \t]?\d{1,2}:\d{1,2}:\d{1,2}(?:[ \t]|$)")


def accepted_headers(text: str) -> int:
    """Headers the archive reader takes, counted independently of it (after the front matter)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _, start = archive.front_matter(lines)
    return sum(1 for line in lines[start:] if HEADER.match(line))


def mutate(text: str, data) -> str:
    """Cut, duplicate, delete or insert pieces of a real-format file."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["cut", "dup", "del", "ins", "junk"]))
        i = data.draw(st.integers(0, max(0, len(lines) - 1)))
        if op == "cut":
            lines = lines[:i] + [lines[i][: data.draw(st.integers(0, len(lines[i])))]] if lines else lines
        elif op == "dup" and lines:
            lines.insert(i, lines[i])
        elif op == "del" and lines:
            del lines[i]
        elif op == "ins":
            lines.insert(i, data.draw(st.sampled_from(["> 25:61:00  坏时间", "> 10:00:00  ", "---", "> 09:", "   ", "> 10:00:00\t甲"])))
        else:
            lines.insert(i, data.draw(st.text(max_size=40)))
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_crashes_the_readers(text):
    for data in (text.encode("utf-8", "surrogatepass"), text.encode("utf-16", "surrogatepass")):
        convs, problems, _ = read_bytes(data, "x.txt", "g")
        assert all(p.path == "x.txt" for p in problems)
        for c in convs:
            assert [m.n for m in c.messages] == list(range(len(c.messages)))


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_mutated_archive_files_keep_every_accepted_header(data):
    text = mutate(DAY, data)
    convs, problems, _ = read_bytes(text.encode("utf-8"), "g/2024-03-11-chat.markdown", "g")
    if convs:
        assert sum(len(c.messages) for c in convs) == accepted_headers(text)
    else:
        assert problems and accepted_headers(text) == 0


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_pipeline_stores_every_accepted_header_of_mutated_files(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("chats")
    texts = [mutate(DAY, data) for _ in range(3)]
    for i, text in enumerate(texts):
        (root / f"2024-03-1{i}-chat.markdown").write_text(text, encoding="utf-8")
    db_path = str(tmp_path_factory.mktemp("db") / "kb.db")
    summary = pipeline.build([str(root)], db_path)
    db = sqlite_utils.Database(db_path)
    stored = db.execute("select count(*) from messages").fetchone()[0]
    readable = [t for t in texts if archive.sniff(t)]
    assert stored == sum(accepted_headers(t) for t in readable)
    assert summary.stored + len({str(p).split(":")[0] for p in summary.skipped}) >= len(texts) - 0
    assert db.execute("pragma foreign_key_check").fetchall() == []
