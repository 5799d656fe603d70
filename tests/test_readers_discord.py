from extractor.readers import discord
from tests.readers_helpers import FIXTURES, assert_recognised, read, rows

F = FIXTURES / "discord" / "独立游戏开发者 - 技术 - unity-问答 [9101].json"


def test_recognised_by_keys(tmp_path):
    assert_recognised(F, discord, tmp_path)


def test_messages_field_by_field_in_utc():
    [c], problems, _ = read(F)
    assert problems == []
    assert (c.group, c.title) == ("unity-问答", "独立游戏开发者 / unity-问答")
    assert rows(c) == [
        (0, "2024-08-09", "10:00:00", "Kevin 张", "Unity 里角色穿墙怎么解决？刚体速度快的时候碰撞检测不到", "880001", None, False),
        (1, "2024-08-09", "10:00:40", "小雨", "角色穿墙的话检查一下碰撞体大小", "880002", None, False),
        # written with +08:00, shown in UTC
        (2, "2024-08-09", "10:02:10", "老马", "把刚体的 Collision Detection 改成 Continuous，速度快的物体用连续碰撞检测就不会穿墙", "880003", "880001", False),
        (3, "2024-08-09", "10:03:00", "Kevin 张", "@老马 改了之后好了，感谢", "880004", "880003", False),
        (4, "2024-08-09", "11:00:00", "系统消息", "newbie joined the server", "880005", None, True),
        (5, "2024-08-10", "01:30:00", "小雨", "分享一下今天的进度\n[图片]", "880006", None, False),
    ]
    assert [m.sender_id for m in c.messages] == ["3001", "3002", "3003", "3001", "3004", "3002"]


def test_timestamps_in_another_zone():
    [c], _, _ = read(F, timezone="Asia/Shanghai")
    assert [(m.date, m.time) for m in c.messages][4:] == [("2024-08-09", "19:00:00"), ("2024-08-10", "09:30:00")]
