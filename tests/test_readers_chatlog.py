from extractor.readers import chatlog
from tests.readers_helpers import assert_recognised, fixture, read, rows

JSON = fixture("chatlog/chatlog.json")
TEXT = fixture("chatlog/前端技术交流_2024-06-03_2024-06-04.txt")
DASHES = "- - - - - - - - - - - - - - -"
QUOTED = f"「韩梅：Vite 打包后路由刷新 404，nginx 要怎么配？」\n{DASHES}\n加一行 try_files $uri $uri/ /index.html;"


def test_recognised_json_and_text(tmp_path):
    assert_recognised(JSON, chatlog, tmp_path)
    assert_recognised(TEXT, chatlog, tmp_path)


def test_json_field_by_field():
    [c], problems, _ = read(JSON)
    assert problems == []
    assert (c.group, c.key) == ("前端技术交流", None)
    s = [str(x) for x in (1717390800000, 1717390880001, 1717390925002, 1717390960003, 1717390980004, 1717467300005, 1717467390006)]
    assert rows(c) == [
        (0, "2024-06-03", "13:00:00", "韩梅", "Vite 打包后路由刷新 404，nginx 要怎么配？", s[0], None, False),
        (1, "2024-06-03", "13:01:20", "系统消息", '"李雷"邀请"王芳"加入了群聊', s[1], None, True),
        # contents.refer has no seq: its sender + time find the original
        (2, "2024-06-03", "13:02:05", "李雷", QUOTED, s[2], s[0], False),
        (3, "2024-06-03", "13:02:40", "王芳", "[图片]", s[3], None, False),
        (4, "2024-06-03", "13:03:00", "韩梅", "@李雷\u2005好了，谢谢！", s[4], None, False),
        (5, "2024-06-04", "10:15:00", "李雷", "今天有人去技术沙龙吗？\n地址在科技园 B 座", s[5], None, False),
        (6, "2024-06-04", "10:16:30", "系统消息", '"王芳"撤回了一条消息', s[6], None, True),
    ]
    assert [m.sender_id for m in c.messages][:3] == ["wxid_hm01", "系统消息", "wxid_ll02"]


def test_text_field_by_field_year_from_the_file_name():
    [c], problems, _ = read(TEXT)
    assert problems == []
    assert rows(c) == [
        (0, "2024-06-03", "13:00:00", "韩梅", "Vite 打包后路由刷新 404，nginx 要怎么配？", "n0", None, False),
        (1, "2024-06-03", "13:01:20", "系统消息", '"李雷"邀请"王芳"加入了群聊', "n1", None, True),
        (2, "2024-06-03", "13:02:05", "李雷", QUOTED, "n2", "n0", False),
        (3, "2024-06-03", "13:02:40", "王芳", "![图片](http://127.0.0.1:5030/image/9f8e7d6c5b4a39281706f5e4d3c2b1a0)", "n3", None, False),
        (4, "2024-06-03", "13:03:00", "韩梅", "@李雷\u2005好了，谢谢！", "n4", None, False),
        (5, "2024-06-04", "10:15:00", "李雷", "今天有人去技术沙龙吗？\n地址在科技园 B 座", "n5", None, False),
        (6, "2024-06-04", "10:16:30", "系统消息", '"王芳"撤回了一条消息', "n6", None, True),
    ]
    assert [m.line for m in c.messages] == [1, 4, 7, 12, 15, 18, 22]


def test_text_without_a_year_anywhere_keeps_times_and_warns(tmp_path):
    [c], problems, _ = read(TEXT, name="export.txt")
    assert [m.date for m in c.messages] == [None] * 7
    assert [m.time for m in c.messages][:2] == ["13:00:00", "13:01:20"]
    assert len(problems) == 1 and "without a year" in problems[0].message


def test_text_with_full_dates_and_several_rooms():
    text = ("张三(wxid_z) [甲群(1@chatroom)] 2023-12-31 23:59:00\n新年快乐\n\n"
            "李四(wxid_l) [乙群(2@chatroom)] 2024-01-01 00:00:10\n乙群也新年快乐\n\n"
            "王五(wxid_w) [甲群(1@chatroom)] 2024-01-01 00:01:00\n> 张三(wxid_z) 12-31 23:59:00\n> 新年快乐\n同乐\n\n")
    convs = list(chatlog.read(text, "x.txt", "g"))
    assert [(c.key, c.group, [m.date for m in c.messages]) for c in convs] == [
        ("1@chatroom", "甲群", ["2023-12-31", "2024-01-01"]), ("2@chatroom", "乙群", ["2024-01-01"])]
    assert convs[0].messages[1].reply_to_native == "n0"
