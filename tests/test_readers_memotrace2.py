import shutil

from extractor.readers import memotrace2
from tests.readers_helpers import assert_recognised, fixture, read, rows

TXT = fixture("memotrace2/摄影交流群.txt")
SIDECAR = fixture("memotrace2/摄影交流群.html.json")
DASHES = "- - - - - - - - - - - - - - -"
ID = "74239184711000000"


def test_recognised_txt_and_sidecar(tmp_path):
    assert_recognised(TXT, memotrace2, tmp_path)
    assert_recognised(SIDECAR, memotrace2, tmp_path)


def expected(ids, quote_to):
    return [
        (0, "2024-05-18", "19:01:22", "林晓", "周末去拍日落，大家推荐用什么焦段？", ids[0], None, False),
        (1, "2024-05-18", "19:03:10", "郑凯", "[图片]", ids[1], None, False),
        (2, "2024-05-18", "19:03:40", "郑凯", "风光的话 16-35 够用，想压缩空间就带个 70-200", ids[2], None, False),
        (3, "2024-05-18", "19:05:00", "林晓", f"「郑凯：风光的话 16-35 够用，想压缩空间就带个 70-200」\n{DASHES}\n70-200 是不是太重了？",
         ids[3], quote_to, False),
        (4, "2024-05-18", "19:06:12", "何静", "[表情] 点赞", ids[4], None, False),
        (5, "2024-05-18", "19:08:30", "郑凯", "@林晓\u2005可以考虑 70-300 的轻便款", ids[5], None, False),
        (6, "2024-05-19", "07:45:00", "系统消息", '"何静"撤回了一条消息', ids[6], None, True),
        (7, "2024-05-19", "08:10:00", "林晓", "昨天拍的，大家看看构图\n还有哪里可以改进吗？", ids[7], None, False),
    ]


def test_txt_with_its_sidecar_takes_ids_and_quote_links_from_it():
    convs, problems, _ = read(TXT)
    assert problems == []
    [c] = convs
    assert c.format == "memotrace2_txt"
    ids = [f"{ID}{k:02d}" for k in range(1, 9)]
    assert rows(c) == expected(ids, f"{ID}03")
    assert [m.line for m in c.messages] == [1, 4, 7, 10, 14, 17, 20, 22]


def test_txt_without_sidecar_matches_the_quoted_text():
    [c], problems, _ = read(TXT, source=False)
    assert rows(c) == expected([f"n{k}" for k in range(8)], "n2")


def test_sidecar_beside_its_txt_yields_nothing_and_is_not_unreadable():
    convs, problems, _ = read(SIDECAR)
    assert convs == [] and problems == []


def test_sidecar_alone_is_read_with_the_timezone(tmp_path):
    lone = tmp_path / "摄影交流群.html.json"
    shutil.copyfile(SIDECAR, lone)
    [c], problems, _ = read(lone, timezone="Asia/Shanghai")
    assert c.format == "memotrace2_sidecar"
    got = rows(c)
    assert [r[1:4] for r in got] == [r[1:4] for r in expected([None] * 8, None)]
    assert got[3][5:7] == (f"{ID}04", f"{ID}03")
    [c_utc], _, _ = read(lone)
    assert c_utc.messages[0].time == "11:01:22"


def test_build_counts_the_sidecar_as_auxiliary(tmp_path):
    from extractor.pipeline import build

    s = build([str(TXT.parent)], str(tmp_path / "kb.db"))
    assert (s.stored, s.skipped, s.auxiliary) == (1, [], ["摄影交流群.html.json"])
