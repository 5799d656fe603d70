from extractor.readers import wechat_exporter
from tests.readers_helpers import assert_recognised, fixture, read, rows

F = fixture("wechat_exporter/Python数据处理交流群.txt")
DASHES = "- - - - - - - - - - - - - - -"


def test_recognised_by_first_line(tmp_path):
    assert_recognised(F, wechat_exporter, tmp_path)


def test_messages_field_by_field():
    convs, problems, encoding = read(F)
    assert problems == [] and encoding == "utf-8"
    [c] = convs
    assert (c.group, c.title, c.format, c.date) == ("Python数据处理交流群", "Python数据处理交流群", "wechat_exporter", "2024-03-11")
    assert rows(c) == [
        (0, "2024-03-11", "09:02:11", "王磊", "各位早，请教一下 pandas 读取 GBK 编码的 csv 文件总是报 UnicodeDecodeError，应该怎么处理？", "n0", None, False),
        (1, "2024-03-11", "09:03:40", "陈静", 'read_csv 里加上 encoding="gb18030" 就行，gb18030 兼容 GBK', "n1", None, False),
        (2, "2024-03-11", "09:04:05", "赵强", "或者先用 chardet 检测一下编码", "n2", None, False),
        (3, "2024-03-11", "09:05:30", "王磊", "谢谢，加上 gb18030 可以了", "n3", None, False),
        # system lines carry no time in this format: the day of the message before
        (4, "2024-03-11", None, "系统消息", '"王磊"邀请"刘一洋"加入了群聊', "n4", None, True),
        (5, "2024-03-11", "10:20:12", "刘一洋", "大家好，新人报到", "n5", None, False),  # U+200E dropped from the name
        (6, "2024-03-11", "14:30:45", "赵强", "@陈静\u2005请问 DataFrame 合并的时候 merge 和 join 有什么区别？", "n6", None, False),
        (7, "2024-03-11", "14:32:10", "王磊", "哈哈", "n7", None, False),
        (8, "2024-03-11", "14:33:02", "陈静",
         f"「赵强：@陈静 请问 DataFrame 合并的时候 merge 和 join 有什么区别？」\n{DASHES}\nmerge 按列连接，join 默认按索引连接\n本质上 join 是 merge 的简化写法",
         "n8", "n6", False),
        (9, "2024-03-12", "08:50:00", "刘一洋", "有没有人用过 polars？性能比 pandas 好多少？", "n9", None, False),
        (10, "2024-03-12", "08:52:30", "陈静", "用过，大数据量下快很多，而且默认多线程", "n10", None, False),
        (11, "2024-03-12", "09:10:00", "王磊", "多线程这个很关键，我们的报表跑太慢了", "n11", None, False),
        # a body line shaped like a header but earlier in time stays body
        (12, "2024-03-12", "09:12:40", "赵强", "我把上周的记录贴一下：\n王磊 (2024-03-05 18:00:00):报表今天又超时了\n大家看看这个是不是同一个问题", "n12", None, False),
    ]
    assert [m.line for m in c.messages][:6] == [3, 4, 5, 6, 7, 8]


def test_quote_without_the_quoted_message_stays_unlinked():
    text = ("测试群 - 微信聊天记录\n\n甲 (2024-01-01 10:00:00):你好\n"
            "乙 (2024-01-01 10:01:00):「丙：一条不在文件里的话」\n- - - - - -\n回复\n")
    [c] = wechat_exporter.read(text, "t.txt", "g")
    assert [m.reply_to_native for m in c.messages] == [None, None]
