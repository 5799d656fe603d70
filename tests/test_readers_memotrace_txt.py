from extractor.readers import memotrace_txt
from tests.readers_helpers import assert_recognised, fixture, read, rows

F = fixture("memotrace_txt/运维交流群.txt")
DASHES = "- - - - - - - - - - - - - - -"


def test_recognised_by_header_and_blank_line_rhythm(tmp_path):
    assert_recognised(F, memotrace_txt, tmp_path)


def test_messages_field_by_field():
    convs, problems, encoding = read(F)
    assert problems == [] and encoding == "utf-8"
    [c] = convs
    assert (c.group, c.format, c.date) == ("memotrace_txt", "memotrace_txt", "2024-04-02")
    assert rows(c) == [
        (0, "2024-04-02", "20:15:31", "孙涛", "nginx 反向代理之后 websocket 连接老是断，有人遇到过吗？", "n0", None, False),
        # a header with no body is a system line: join
        (1, "2024-04-02", "20:16:02", "系统消息", '"周敏"邀请"吴昊"加入了群聊', "n1", None, True),
        (2, "2024-04-02", "20:17:45", "李娜",
         '要加 proxy_http_version 1.1 和 Upgrade 头\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection "upgrade";',
         "n2", None, False),
        (3, "2024-04-02", "20:18:10", "孙涛", "好的我试试", "n3", None, False),
        (4, "2024-04-02", "20:30:12", "吴昊", "大家好，我是新来的", "n4", None, False),  # U+200E dropped
        # 引用:name:text is matched to the earlier message and written as WeChat's quote
        (5, "2024-04-02", "21:05:00", "孙涛",
         f"「李娜：要加 proxy_http_version 1.1 和 Upgrade 头」\n{DASHES}\n加了还是 60 秒断一次，这是为什么？", "n5", "n2", False),
        (6, "2024-04-02", "21:06:30", "李娜", "@孙涛\u2005proxy_read_timeout 默认 60s，调大一点", "n6", None, False),
        (7, "2024-04-02", "21:07:02", "系统消息", '"孙涛" 撤回了一条消息', "n7", None, True),
        # the header after a U+FEFF (two exports pasted together) is found; body lines shaped
        # like headers (no blank line before, or going back in time) stay body
        (8, "2024-04-03", "09:00:05", "周敏",
         "早上好，贴一下昨天的排查记录：\n2024-04-02 20:17:45 李娜\n要加 proxy_http_version 1.1\n\n2024-04-01 10:00:00 旧记录\n以上供参考",
         "n8", None, False),
        (9, "2024-04-03", "09:20:41", "孙涛", "[图片]", "n9", None, False),
        (10, "2024-04-03", "09:21:00", "吴昊", "这个截图里的报错是什么意思？", "n10", None, False),
    ]
    assert [m.line for m in c.messages] == [1, 4, 6, 11, 14, 17, 21, 24, 26, 34, 37]


def test_system_lines_are_never_questions(tmp_path):
    from extractor.pipeline import build
    import sqlite3

    build([str(F)], str(tmp_path / "kb.db"))
    db = sqlite3.connect(tmp_path / "kb.db")
    kinds = dict(db.execute("select text, kind from messages where kind = 'system'").fetchall())
    assert kinds == {'"周敏"邀请"吴昊"加入了群聊': "system", '"孙涛" 撤回了一条消息': "system"}
    asked = [r[0] for r in db.execute("select text from questions")]
    assert not any("撤回" in t or "加入" in t for t in asked)
    assert "这个截图里的报错是什么意思？" in asked


def test_v1_quote_unknown_and_quote_of_nothing():
    text = "2024-01-01 10:00:00 甲\n你好\n\n2024-01-01 10:01:00 乙\n回复\n引用:未知\n\n"
    [c] = memotrace_txt.read(text, "t.txt", "g")
    assert c.messages[1].reply_to_native is None
    assert c.messages[1].body.endswith("\n回复")
