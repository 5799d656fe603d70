from extractor.readers import archive, read_bytes
from tests.helpers import day_text


def read(text, path="g/2018-06-04-chat.markdown", group="g"):
    convs = list(archive.read(text, path, group))
    assert len(convs) == 1
    return convs[0]


def test_headers_become_messages_with_bodies():
    text = day_text("2018-06-04", [("08:06:04", "温小明", "第一行\n第二行"), ("08:20:58", "龚 晓冬", "@温小明?好的")])
    c = read(text)
    assert c.date == "2018-06-04"
    assert [(m.n, m.time, m.sender) for m in c.messages] == [(0, "08:06:04", "温小明"), (1, "08:20:58", "龚 晓冬")]
    assert c.messages[0].body == "第一行\n第二行"
    assert c.messages[1].body == "@温小明?好的"
    assert c.messages[0].line == 8


def test_date_from_file_name_when_front_matter_has_none():
    text = "> 09:00:00  甲  \n   \n你好  \n   \n"
    c = read(text, path="x/2017-05-06-chat.markdown")
    assert c.date == "2017-05-06"
    assert not c.problems


def test_no_date_anywhere_is_a_warning_not_a_loss():
    text = "> 09:00:00  甲  \n   \n你好  \n"
    c = read(text, path="x/notes.txt")
    assert c.date is None and len(c.messages) == 1
    assert any("no date" in p.message for p in c.problems)


def test_sniff_by_content_not_name():
    text = day_text("2018-07-27", [("00:03:09", "甲", "在吗")])
    assert archive.sniff(text)
    convs, problems, enc = read_bytes(text.encode(), "000_7b58991693db6b47.txt", "seeds")
    assert len(convs) == 1 and len(convs[0].messages) == 1 and enc == "utf-8"


def test_a_readme_with_sample_headers_is_not_a_chat():
    text = "# Notes\n\nThe format:\n```\n> 08:06:04  someone\n   \nhello\n```\n"
    assert not archive.sniff(text)
    convs, problems, _ = read_bytes(text.encode(), "README.md", "x")
    assert convs == [] and "not a chat log" in problems[0].message


def test_bad_time_and_missing_sender_are_kept_and_reported():
    text = "> 25:61:00  甲  \n   \n坏时间  \n   \n> 10:00:00  \n   \n没有发送人  \n"
    c = read(text)
    assert [m.body for m in c.messages] == ["坏时间", "没有发送人"]
    assert c.messages[0].time is None and c.messages[1].sender == ""
    lines = sorted(p.line for p in c.problems if p.line)
    assert lines == [1, 5]


def test_crlf_and_gb18030_and_bom_decode_to_the_same_text():
    text = day_text("2018-06-04", [("08:00:00", "张三", "退款多久到账？")])
    for data in (text.replace("\n", "\r\n").encode("utf-8"), text.encode("gb18030"), b"\xef\xbb\xbf" + text.encode()):
        convs, problems, _ = read_bytes(data, "g/2018-06-04-chat.markdown", "g")
        assert convs[0].messages[0].body == "退款多久到账？"
        assert convs[0].messages[0].sender == "张三"


def test_binary_and_empty_files_are_skipped_with_a_reason():
    convs, problems, _ = read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a.png", "g")
    assert convs == [] and "binary" in problems[0].message
    convs, problems, _ = read_bytes(b"   \n", "empty.markdown", "g")
    assert convs == [] and "empty" in problems[0].message
