from extractor.readers import generic
from tests.readers_helpers import assert_recognised, fixture, read, rows

CSV = fixture("generic/python群.csv")
JSONL = fixture("generic/多群.jsonl")


def test_recognised_csv_and_jsonl(tmp_path):
    assert_recognised(CSV, generic, tmp_path)
    assert_recognised(JSONL, generic, tmp_path)


def test_csv_field_by_field():
    [c], problems, _ = read(CSV)
    assert problems == [] and c.group == "generic"
    got = rows(c)
    assert len(got) == 13
    assert got[4] == (4, "2024-03-11", "10:15:00", "系统消息", '"王磊"邀请"刘一洋"加入了群聊', "105", None, True)
    assert got[8] == (8, "2024-03-11", "14:33:02", "陈静", "merge 按列连接，join 默认按索引连接\n本质上 join 是 merge 的简化写法", "109", "107", False)
    assert got[12][4] == "我把上周的记录贴一下：\n王磊 (2024-03-05 18:00:00):报表今天又超时了\n大家看看这个是不是同一个问题"
    assert [m.line for m in c.messages][7:10] == [9, 10, 12]  # a multi-line cell spans two lines


def test_jsonl_several_chats_instants_and_system_rows():
    convs, problems, _ = read(JSONL)
    assert problems == []
    assert [(c.key, c.group) for c in convs] == [("读书会", "读书会"), ("跑团", "跑团")]
    assert rows(convs[0]) == [
        (0, "2024-09-01", "12:00:00", "苏青", "这个月读《人类简史》，大家进度怎么样？", "a1", None, False),
        (1, "2024-09-01", "12:05:00", "江河", "看到第三章了", "a2", "a1", False),  # +08:00 shown in UTC
        (2, "2024-09-01", "12:10:00", "系统消息", '"江河"撤回了一条消息', "a3", None, True),  # seconds since 1970
    ]
    assert rows(convs[1]) == [
        (0, "2024-09-02", "06:30:00", "阿杰", "今天下雨，跑步取消吗？", "b1", None, False),  # local: kept as written
        (1, "2024-09-02", "06:31:10", "小马哥", "取消，改周日", "b2", "b1", False),
    ]
    convs, _, _ = read(JSONL, timezone="Asia/Shanghai")
    assert [m.time for m in convs[0].messages] == ["20:00:00", "20:05:00", "20:10:00"]
    assert [m.time for m in convs[1].messages] == ["06:30:00", "06:31:10"]


def test_unreadable_time_is_reported():
    [c] = generic.read("time,sender,text\nsoon,甲,你好\n", "t.csv", "g")
    assert c.messages[0].time is None and "unreadable time" in c.problems[0].message


def test_the_examples_in_docs_formats_md_read_as_documented():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "formats.md").read_text(encoding="utf-8")
    csv_text = re.search(r"```csv\n(.*?)```", doc, re.S).group(1)
    jsonl_text = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    assert generic.sniff(csv_text) and generic.sniff(jsonl_text)
    [c] = generic.read(csv_text, "x.csv", "g")
    assert [(m.sender, m.reply_to_native, m.system) for m in c.messages] == [
        ("王磊", None, False), ("陈静", "101", False), ("系统消息", None, True)]
    convs = list(generic.read(jsonl_text, "x.jsonl", "g"))
    assert [(c.group, [(m.date, m.time) for m in c.messages]) for c in convs] == [
        ("读书会", [("2024-09-01", "12:00:00"), ("2024-09-01", "12:05:00")]), ("跑团", [("2024-09-02", "06:30:00")])]
