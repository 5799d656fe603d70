from extractor.readers import pywxdump
from tests.readers_helpers import assert_recognised, fixture, read, rows

CSV = fixture("pywxdump/20448866@chatroom_0_8.csv")
JSON = fixture("pywxdump/json/20448866@chatroom_0_5.json")
USERS = fixture("pywxdump/users.json")
DASHES = "- - - - - - - - - - - - - - -"
ID = "70010000000000001"


def test_recognised_csv_json_and_users(tmp_path):
    for f in (CSV, JSON, USERS):
        assert_recognised(f, pywxdump, tmp_path)


def test_csv_field_by_field_with_names_from_users_json():
    [c], problems, _ = read(CSV)
    assert problems == []
    assert (c.group, c.title) == ("新房装修交流群", "新房装修交流群")
    assert rows(c) == [
        (0, "2024-07-08", "20:58:40", "小周", "新房刷墙用乳胶漆还是艺术漆好？预算不太多", f"{ID}01", None, False),
        (1, "2024-07-08", "21:00:05", "装修老李", "预算有限就乳胶漆，艺术漆人工贵", f"{ID}02", None, False),
        (2, "2024-07-08", "21:01:00", "系统消息", '"装修老李"邀请"小周"加入了群聊', f"{ID}03", None, True),
        # [引用](time)name:text: the sender + time find the original
        (3, "2024-07-08", "21:03:30", "我", f"「装修老李：预算有限就乳胶漆，艺术漆人工贵」\n{DASHES}\n那乳胶漆选哪个牌子？", f"{ID}04", f"{ID}02", False),
        (4, "2024-07-08", "21:04:10", "装修老李", "[图片]", f"{ID}05", None, False),
        (5, "2024-07-08", "21:04:30", "装修老李", "@小周\u2005这几个都可以，看环保等级", f"{ID}06", None, False),
        (6, "2024-07-09", "09:15:00", "陶然", "谢谢大家\n我先去建材市场看看", f"{ID}07", None, False),
    ]
    assert [m.sender_id for m in c.messages][:2] == ["wxid_zx01", "wxid_zx02"]
    assert [m.line for m in c.messages] == [2, 3, 4, 5, 8, 9, 10]


def test_json_without_users_json_keeps_wxids():
    [c], problems, _ = read(JSON)
    assert problems == [] and c.group == "json"
    assert [(m.sender, m.native_id, m.reply_to_native) for m in c.messages] == [
        ("wxid_zx01", f"{ID}01", None), ("wxid_zx02", f"{ID}02", None), ("系统消息", f"{ID}03", None), ("我", f"{ID}04", f"{ID}02")]


def test_users_json_yields_nothing():
    assert read(USERS)[:2] == ([], [])
