from extractor.readers import telegram
from tests.readers_helpers import assert_recognised, fixture, read, rows

ONE = fixture("telegram/result.json")
FULL = fixture("telegram/full_export/result.json")


def test_recognised_single_chat_and_full_export(tmp_path):
    assert_recognised(ONE, telegram, tmp_path)
    assert_recognised(FULL, telegram, tmp_path)


def test_single_chat_field_by_field_in_utc():
    [c], problems, _ = read(ONE)
    assert problems == []
    assert (c.group, c.key, c.date) == ("Python数据处理交流群", None, "2024-03-11")
    got = rows(c)
    assert got[:5] == [
        (0, "2024-03-11", "09:02:11", "王磊", "各位早，请教一下 pandas 读取 GBK 编码的 csv 文件总是报 UnicodeDecodeError，应该怎么处理？", "101", None, False),
        (1, "2024-03-11", "09:03:40", "陈静", 'read_csv 里加上 encoding="gb18030" 就行，gb18030 兼容 GBK', "102", None, False),
        (2, "2024-03-11", "09:04:05", "赵强", "或者先用 chardet 检测一下编码", "103", None, False),
        (3, "2024-03-11", "09:05:30", "王磊", "谢谢，加上 gb18030 可以了", "104", None, False),
        (4, "2024-03-11", "10:15:00", "系统消息", "王磊 invited 刘一洋", "105", None, True),
    ]
    # text as a list of entities: mention_name becomes @name
    assert got[6] == (6, "2024-03-11", "14:30:45", "赵强", "@陈静 请问 DataFrame 合并的时候 merge 和 join 有什么区别？", "107", None, False)
    assert got[8] == (8, "2024-03-11", "14:33:02", "陈静", "merge 按列连接，join 默认按索引连接\n本质上 join 是 merge 的简化写法", "109", "107", False)
    assert [r[1:3] for r in got[9:]] == [("2024-03-12", "08:50:00"), ("2024-03-12", "08:52:30"), ("2024-03-12", "09:10:00"), ("2024-03-12", "09:12:40")]
    assert c.messages[0].sender_id == "user5001"


def test_date_unixtime_in_another_zone_matches_the_local_date_field():
    [c], _, _ = read(ONE, timezone="Asia/Shanghai")
    assert (c.messages[0].date, c.messages[0].time) == ("2024-03-11", "17:02:11")
    [c], _, _ = read(ONE, timezone="-05:00")
    assert (c.messages[0].date, c.messages[0].time) == ("2024-03-11", "04:02:11")


def test_full_export_gives_one_conversation_per_chat():
    convs, problems, _ = read(FULL)
    assert problems == []
    assert [(c.key, c.group, c.title) for c in convs] == [("1699000001", "骑行爱好者", "骑行爱好者"), ("7001", "高峰", "高峰")]
    assert rows(convs[0]) == [
        (0, "2024-04-19", "23:00:00", "系统消息", "骑行爱好者 created the group «骑行爱好者»", "1", None, True),
        (1, "2024-04-19", "23:30:00", "高峰", "周日环湖骑行有人去吗？", "2", None, False),
        (2, "2024-04-19", "23:31:10", "Amy Liu", "去！路线看这里 环湖路线 https://example.org/route/42 ，大概 60 公里", "3", "2", False),
        (3, "2024-04-20", "01:02:03", "高峰", "[图片]", "4", None, False),
        (4, "2024-04-20", "01:05:00", "Amy Liu", "[表情] 👍", "5", None, False),  # U+202F in the name became a space
        (5, "2024-04-20", "01:10:00", "系统消息", "唐宁 joined the group via invite link", "6", None, True),
        (6, "2024-04-20", "01:12:00", "Deleted Account", "这条消息来自已注销的账号", "7", None, False),
    ]
    assert rows(convs[1]) == [
        (0, "2024-04-21", "12:00:00", "高峰", "@amy_liu 明天几点出发？", "11", None, False),
        (1, "2024-04-21", "12:01:30", "Amy Liu", "七点，老地方", "12", "11", False),
    ]


def test_old_export_without_unixtime_keeps_the_local_date():
    text = '{"name": "x", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2019-01-02T03:04:05", "from": "A", "from_id": "user1", "text": "hi"}]}'
    [c] = telegram.read(text, "r.json", "g", timezone=None)
    assert (c.messages[0].date, c.messages[0].time) == ("2019-01-02", "03:04:05")
