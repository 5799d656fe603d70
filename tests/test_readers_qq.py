from extractor.readers import qq
from tests.readers_helpers import assert_recognised, fixture, read, rows

F = fixture("qq/全部消息记录.txt")


def test_recognised_by_banner(tmp_path):
    assert_recognised(F, qq, tmp_path)


def test_one_conversation_per_message_object_field_by_field():
    convs, problems, encoding = read(F)
    assert problems == [] and encoding == "utf-16-le-bom"
    assert [(c.key, c.group) for c in convs] == [("户外徒步群", "户外徒步群"), ("老张", "老张")]
    group, friend = convs
    assert rows(group) == [
        (0, "2013-09-14", "08:05:12", "山鹰", "明天爬香山，早上七点东门集合，有问题吗？", "n0", None, False),  # 【管理员】 dropped
        (1, "2013-09-14", "08:07:40", "小溪", "要带多少水？", "n1", None, False),
        (2, "2013-09-14", "08:09:03", "山鹰", "@小溪 两瓶矿泉水够了，山上有补给", "n2", None, False),
        (3, "2013-09-14", "12:30:00", "系统消息", "Amy\u202fChen(20234567) 加入本群", "n3", None, True),  # 下午 12:30 is noon
        (4, "2013-09-14", "13:02:55", "Amy Chen", "新人报到\n第一次参加，需要准备登山杖吗？", "n4", None, False),
        (5, "2013-09-15", "00:15:00", "小溪", "睡不着，明天见", "n5", None, False),  # 上午 12:15 is past midnight
    ]
    assert [m.sender_id for m in group.messages] == ["10086001", "xiaoxi@example.com", "10086001", "10000", "20234567", "xiaoxi@example.com"]
    assert [m.line for m in group.messages] == [9, 12, 15, 18, 21, 25]
    assert rows(friend) == [
        (0, "2013-09-16", "21:40:05", "老张", "照片发你邮箱了", "n0", None, False),
        (1, "2013-09-16", "21:41:00", "山鹰", "收到，谢谢", "n1", None, False),
    ]


def test_pm_after_the_time_and_slashed_dates():
    text = ("消息记录（此消息记录为文本格式，不支持重新导入）\n\n消息对象:测试\n\n"
            "2012/3/4 9:05:06 PM 甲(12345)\n晚上好\n\n2012/3/5 8:00:00 AM 乙(23456)\n早\n")
    [c] = qq.read(text, "t.txt", "g")
    assert [(m.date, m.time, m.sender) for m in c.messages] == [("2012-03-04", "21:05:06", "甲"), ("2012-03-05", "08:00:00", "乙")]
