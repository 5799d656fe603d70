from extractor.readers import slack
from tests.readers_helpers import assert_recognised, fixture, read, rows

EXPORT = fixture("slack/export")
DAY1 = EXPORT / "general" / "2024-03-20.json"
DAY2 = EXPORT / "general" / "2024-03-21.json"
T0 = "1710900000.000100"


def test_recognised_day_files_and_top_level_files(tmp_path):
    for f in (DAY1, DAY2, EXPORT / "users.json", EXPORT / "channels.json"):
        assert_recognised(f, slack, tmp_path)


def test_day_file_field_by_field():
    [c], problems, _ = read(DAY1)
    assert problems == []
    assert (c.group, c.date) == ("general", "2024-03-20")
    assert rows(c) == [
        (0, "2024-03-20", "01:58:00", "系统消息", "@王芳 has joined the channel", "1710899880.000100", None, True),
        (1, "2024-03-20", "02:00:00", "韩梅", "CI 上 `npm ci` 一直报 EINTEGRITY，有人知道怎么回事吗？", T0, None, False),
        (2, "2024-03-20", "02:03:30", "Lei Li", "@韩梅 lockfile 里的 integrity 和 registry 对不上，删掉 node_modules 重新 `npm install` 再提交 lockfile",
         "1710900210.000200", T0, False),
        (3, "2024-03-20", "02:05:00", "王芳", "参考 npm ci 文档 https://docs.npmjs.com/cli/v10/commands/npm-ci，另外 a < b && c > d 这种脚本也要检查",
         "1710900300.000300", T0, False),
        (4, "2024-03-20", "02:06:10", "韩梅", "好了 :tada: 谢谢 @Lei Li\n[图片]", "1710900370.000400", None, False),
        (5, "2024-03-20", "02:10:00", "deploy-bot", "Deploy finished for @here", "1710900600.000500", None, False),
    ]


def test_without_users_json_mentions_keep_ids(tmp_path):
    [c], _, _ = read(DAY2, source=False)
    assert [(m.sender, m.body) for m in c.messages] == [("U01BBB", "下周谁值班？#general 里排一下"), ("U01CCC", "我可以，周三周四")]


def test_ts_in_another_zone():
    [c], _, _ = read(DAY2, timezone="Asia/Shanghai")
    assert [(m.date, m.time) for m in c.messages] == [("2024-03-21", "11:00:00"), ("2024-03-21", "11:05:00")]


def test_users_and_channels_yield_nothing_and_the_build_counts_them(tmp_path):
    assert read(EXPORT / "users.json")[:2] == ([], [])
    assert read(EXPORT / "channels.json")[:2] == ([], [])
    from extractor.pipeline import build

    s = build([str(EXPORT)], str(tmp_path / "kb.db"))
    assert (s.stored, s.skipped, sorted(s.auxiliary)) == (2, [], ["channels.json", "users.json"])
