"""One conversation written in the same words in three formats (WechatExporter
TXT, Telegram result.json, generic CSV) gives the same questions and the same
top answers after a full build."""
import sqlite3

import pytest

from extractor.pipeline import build
from tests.readers_helpers import fixture

FILES = {
    "wechat_exporter": fixture("wechat_exporter/Python数据处理交流群.txt"),
    "telegram": fixture("telegram/result.json"),
    "generic": fixture("generic/python群.csv"),
}


def qa(tmp_path, name):
    db_path = tmp_path / f"{name}.db"
    summary = build([str(FILES[name])], str(db_path))
    assert summary.stored == 1 and summary.skipped == []
    db = sqlite3.connect(db_path)
    fmt = db.execute("select format from sources").fetchone()[0]
    assert fmt == name
    return db.execute(
        "select q.date, q.time, q.asker, q.text, a.answerer, a.text from questions q "
        "left join answers a on a.question_id = q.id and a.rank = 1 order by q.date, q.time"
    ).fetchall()


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("same")
    return {name: qa(tmp, name) for name in FILES}


def test_same_questions_and_top_answers(results):
    base = results["wechat_exporter"]
    assert results["telegram"] == base
    assert results["generic"] == base


def test_what_they_are(results):
    got = {q[3]: q[5] for q in results["wechat_exporter"]}
    assert got["@陈静 请问 DataFrame 合并的时候 merge 和 join 有什么区别？"] == \
        "merge 按列连接，join 默认按索引连接\n本质上 join 是 merge 的简化写法"
    assert got["有没有人用过 polars？性能比 pandas 好多少？"] == "用过，大数据量下快很多，而且默认多线程"
    assert "各位早，请教一下 pandas 读取 GBK 编码的 csv 文件总是报 UnicodeDecodeError，应该怎么处理？" in got
    # neither the system line nor the laughter is a question or an answer
    assert not any("加入了群聊" in q or q == "哈哈" for q in got)
