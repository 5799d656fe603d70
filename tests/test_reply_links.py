"""A format's explicit reply link makes the replying message the top answer of
the question it replies to, even when someone else answered first."""
import sqlite3

from extractor.pipeline import build
from tests.readers_helpers import FIXTURES, fixture

DISCORD = FIXTURES / "discord" / "独立游戏开发者 - 技术 - unity-问答 [9101].json"


def answers(tmp_path, path, question):
    db_path = tmp_path / "kb.db"
    build([str(path)], str(db_path))
    db = sqlite3.connect(db_path)
    return db.execute(
        "select a.rank, a.answerer, a.text, a.reasons from answers a join questions q on q.id = a.question_id "
        "where q.text = ? order by a.rank", [question]).fetchall()


def test_discord_reference_ranks_the_reply_first(tmp_path):
    got = answers(tmp_path, DISCORD, "Unity 里角色穿墙怎么解决？刚体速度快的时候碰撞检测不到")
    assert [(r[0], r[1]) for r in got] == [(1, "老马"), (2, "小雨")]  # 小雨 answered first, without a link
    assert "quotes the question" in got[0][3]


def test_slack_thread_reply_ranks_first(tmp_path):
    got = answers(tmp_path, fixture("slack/export/general/2024-03-20.json"),
                  "CI 上 `npm ci` 一直报 EINTEGRITY，有人知道怎么回事吗？")
    assert got[0][1] == "Lei Li" and "quotes the question" in got[0][3]


def test_quote_resolved_by_text_counts_as_a_reply_link(tmp_path):
    got = answers(tmp_path, fixture("wechat_exporter/Python数据处理交流群.txt"),
                  "@陈静 请问 DataFrame 合并的时候 merge 和 join 有什么区别？")
    assert got[0][1] == "陈静" and "quotes the question" in got[0][3]
