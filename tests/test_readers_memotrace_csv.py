from extractor.readers import memotrace_csv
from tests.readers_helpers import assert_recognised, fixture, read, rows

V1 = fixture("memotrace_csv/跑步群_utf8.csv")
V2 = fixture("memotrace_csv/v2_家常菜.csv")
DASHES = "- - - - - - - - - - - - - - -"


def test_recognised_by_exact_header(tmp_path):
    assert_recognised(V1, memotrace_csv, tmp_path)
    assert_recognised(V2, memotrace_csv, tmp_path)


def test_v1_field_by_field():
    [c], problems, encoding = read(V1)
    assert problems == [] and encoding == "utf-8-bom"
    assert rows(c) == [
        (0, "2024-06-01", "09:00:00", "小马哥", "明天早上有人一起去奥森跑步吗？", "1", None, False),
        (1, "2024-06-01", "09:01:30", "跑者阿杰", "我去，六点半南门集合？", "2", None, False),
        (2, "2024-06-01", "09:02:00", "系统消息", '"小马哥"邀请"林夕"加入了群聊', "3", None, True),
        (3, "2024-06-01", "09:05:10", "林夕（新人）", "[图片]", "4", None, False),  # the group remark first
        # type 49/57: the XML's title is the reply, its refermsg the quote, matched by text
        (4, "2024-06-01", "09:06:00", "林夕（新人）", f"「跑者阿杰：我去，六点半南门集合？」\n{DASHES}\n六点半太早了，七点行吗？", "5", "2", False),
        (5, "2024-06-01", "09:07:45", "跑者阿杰", "可以，七点南门见", "6", None, False),
        (6, "2024-06-01", "09:08:00", "系统消息", "你撤回了一条消息", "7", None, True),
        (7, "2024-06-02", "07:20:00", "小马哥", "今天配速 5 分 30\n心率有点高，是不是热身不够？", "8", None, False),  # U+FEFF inside dropped
        (8, "2024-06-02", "07:25:30", "林夕（新人）", "@小马哥\u2005热身至少十分钟，慢跑加动态拉伸", "9", None, False),
    ]
    assert [m.line for m in c.messages] == [2, 3, 4, 5, 6, 7, 8, 9, 11]


def test_v2_field_by_field_gb18030():
    [c], problems, encoding = read(V2)
    assert problems == [] and encoding == "gb18030"
    ids = [f"661100000000000000{k}" for k in range(1, 7)]
    assert rows(c) == [
        (0, "2024-07-01", "18:30:00", "厨房小白", "红烧肉炒糖色总是发苦，火候要怎么控制？", ids[0], None, False),
        (1, "2024-07-01", "18:32:15", "王师傅", "小火，糖化开冒小泡变枣红色就下肉", ids[1], None, False),
        (2, "2024-07-01", "18:32:40", "王师傅", "[图片]", ids[2], None, False),
        (3, "2024-07-01", "18:40:00", "厨房小白", f"「王师傅：小火，糖化开冒小泡变枣红色就下肉」\n{DASHES}\n冒小泡是大泡还是小泡？", ids[3], ids[1], False),
        (4, "2024-07-01", "18:41:00", "系统消息", '"老王"撤回了一条消息', ids[4], None, True),
        (5, "2024-07-02", "11:00:00", "阿香", "可以用冰糖，不容易糊", ids[5], None, False),
    ]


def test_v1_private_chat_without_name_columns():
    text = ("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
            "1,2,1,0,0,1700000000,2,在吗？,2023-11-15 06:13:20\n1,2,1,0,1,1700000060,2,在,2023-11-15 06:14:20\n")
    [c] = memotrace_csv.read(text, "老王_utf8.csv", "老王")
    assert [(m.sender, m.body) for m in c.messages] == [("老王", "在吗？"), ("我", "在")]
