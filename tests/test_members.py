from extractor.pipeline import parse_conversation, prepare
from extractor.readers import archive
from tests.helpers import day_text


def directory_of(days, group="g"):
    convs = []
    for date, messages in days:
        convs += list(archive.read(day_text(date, messages), f"{group}/{date}-chat.markdown", group))
    return prepare([parse_conversation(c) for c in convs])


DOUBLED = [
    ("09:01:44", "郑小川", "早"), ("09:01:44", "郑小川-某某外卖-技术", "早"),
    ("09:02:46", "郑小川", "几度？"), ("09:02:46", "郑小川-某某外卖-技术", "几度？"),
    ("09:03:10", "晚晴", "今天降温了"), ("09:03:10", "晚晴-某某金融-产品", "今天降温了"),
    ("09:04:55", "郑小川", "深圳也挺冷"), ("09:04:55", "郑小川-某某外卖-技术", "深圳也挺冷"),
    ("09:05:20", "晚晴", "上海更冷"), ("09:05:20", "晚晴-某某金融-产品", "上海更冷"),
    ("09:06:00", "别人", "北京零下了"),
]


def test_copies_make_two_names_one_member():
    d = directory_of([("2017-12-18", DOUBLED)])
    assert d.member("郑小川-某某外卖-技术") == d.member("郑小川") == "郑小川"
    assert d.member("晚晴-某某金融-产品") == "晚晴"
    assert d.member("别人") == "别人"
    rows = {r["alias"]: r for r in d.aliases()}
    assert rows["郑小川-某某外卖-技术"]["member_id"] == "郑小川"
    assert rows["郑小川-某某外卖-技术"]["kind"] == "second display name"
    assert 0.5 < rows["郑小川-某某外卖-技术"]["confidence"] <= 1


def test_a_wave_of_applause_does_not_merge_two_people():
    day = [("10:00:00", "甲", "欢迎新朋友[鼓掌]"), ("10:00:00", "乙", "欢迎新朋友[鼓掌]")] + [
        (f"11:{i:02d}:00", "丙", f"第{i}条") for i in range(30)
    ]
    d = directory_of([("2018-05-04", day)])
    assert d.member("甲") != d.member("乙")


def test_mentions_resolve_by_name_prefix_and_parts():
    day = [
        ("10:00:00", "maple", "我们用的是自研的对账系统"),
        ("10:01:00", "黄一帆", "对公代付一般要填开户行"),
        ("10:02:00", "冯志远-某某金服 项目总监", "这个要看监管"),
        ("10:03:00", "甲", "@maple-汇安-技术?你们的对账多久跑一次"),
        ("10:04:00", "乙", "@黄一帆汇通宝产品 联行号怎么获取"),
        ("10:05:00", "丙", "@冯志远-某某金服-研发-北京?同意"),
    ]
    d = directory_of([("2018-01-02", day)])
    assert d.resolve("maple-汇安-技术")[0] == "maple"
    assert d.resolve("黄一帆汇通宝产品")[0] == "黄一帆"
    assert d.resolve("冯志远-某某金服-研发-北京")[0] == "冯志远-某某金服 项目总监"
    assert d.resolve("maple")[1] == 1.0


def test_a_nickname_that_shares_nothing_resolves_by_who_answers_after_being_mentioned():
    days = []
    for i, date in enumerate(["2024-03-11", "2024-03-12", "2024-03-13"]):
        days.append((date, [
            ("09:00:00", "林晓峰", "早"),
            ("09:10:00", "Kevin", "今天要上线"),
            ("10:00:00", "林晓峰", f"@陈安妮-某银行-架构?请教下，你们行的网联退款是单独交易吗{i}"),
            ("10:01:30", "Annie", "是的，单独的交易类型"),
            ("10:02:00", "林晓峰", "明白了，多谢"),
            ("11:00:00", "Kevin", "下午开会"),
        ]))
    d = directory_of(days)
    who, conf, how = d.resolve("陈安妮-某银行-架构")
    assert who == "Annie" and conf >= 0.3 and how == "replies around mentions"
    rows = {r["alias"]: r for r in d.aliases()}
    assert rows["陈安妮-某银行-架构"]["member_id"] == "Annie"
    assert rows["陈安妮-某银行-架构"]["kind"] == "mention"


def test_a_quoted_name_is_an_alias_of_the_quoted_sender():
    day = [
        ("10:00:00", "Leo", "直营就是自己开门店，加盟就是别人出钱开店"),
        ("10:01:00", "甲", "「Leo-易付通-产品:直营就是自己开门店，加盟就是别人出钱开店」 - - - - - - - - 确实"),
    ]
    d = directory_of([("2018-01-02", day)])
    assert d.resolve("Leo-易付通-产品")[0] == "Leo"


def test_unknown_mentions_stay_unresolved():
    d = directory_of([("2018-01-02", [("10:00:00", "甲", "@完全不认识的人 你好"), ("10:01:00", "乙", "在吗")])])
    who, conf, _ = d.resolve("完全不认识的人")
    assert who is None and conf == 0.0


def test_a_mentioned_personal_name_is_not_given_to_a_bystander_with_another_surname():
    # 赵立明 happens to speak right before each mention, 钱文斌 answers after it: the name 钱某人 is 钱文斌's
    days = [(date, [
        ("09:00:00", "赵立明", f"今天的分享不错{i}"),
        ("09:00:30", "孙海", f"@钱某人-某行-上海 请教下，你们的二维码支持哪几种？{i}"),
        ("09:01:30", "钱文斌", "银联和两家钱包都支持"),
        ("09:02:00", "孙海", "多谢"),
    ]) for i, date in enumerate(["2024-03-11", "2024-03-12"])]
    days.append(("2024-03-13", [
        ("09:00:00", "赵立明", "今天下雨了"),
        ("09:00:30", "孙海", "@李明华-某银行-北京 在吗"),
    ]))
    d = directory_of(days)
    who, conf, how = d.resolve("钱某人-某行-上海")
    assert who == "钱文斌" and conf >= 0.5 and how == "replies around mentions"
    assert d.resolve("李明华-某银行-北京")[0] is None  # only another surname seen around it


def test_a_name_or_form_of_address_opening_a_message_calls_the_member_it_fits():
    day = [
        ("10:00:00", "柯文博-某支付-清算", "早"),
        ("10:01:00", "裴思远", "早上好"),
        ("10:02:00", "祁雨桐", "大家好"),
    ]
    d = directory_of([("2018-01-02", day)])
    kwb = d.member("柯文博-某支付-清算")
    psy = d.member("裴思远")
    assert d.called("老柯", kwb) == "form"
    assert d.called("柯总", kwb) == "form"
    assert d.called("文博", kwb) == "name"
    assert d.called("老柯", psy) is None
    assert d.called("思远哥", psy) == "form"
    # a form of address alone names nobody
    assert d.called("老师", kwb) is None and d.called("大佬", psy) is None


def test_the_quick_check_before_trying_each_member_never_rules_out_a_call():
    """Directory.may_call is False only when no member of the call_index is called by the opening:
    tried on every opening of two to four characters made from their names, forms of address around
    them, and some others."""
    day = [
        ("10:00:00", "柯文博-某支付-清算", "早"),
        ("10:01:00", "裴思远", "早上好"),
        ("10:02:00", "祁雨桐", "大家好"),
        ("10:03:00", "Tony-架构", "hi"),
    ]
    d = directory_of([("2018-01-02", day)])
    members = [d.member(n) for n in ("柯文博-某支付-清算", "裴思远", "祁雨桐", "Tony-架构")]
    cache: dict = {}
    index = d.call_index(members, cache)
    chars = "柯文博某支付清算裴思远祁雨桐老小阿总哥姐工师傅大神佬同学tony架构"
    openings = {a + b for a in chars for b in chars} | {"老" + a + b for a in "柯裴祁思文雨" for b in "总哥"}
    openings |= {"思远哥", "文博兄", "tony哥", "雨桐姐", "老师", "大佬", "Tony", "清算", "支付宝", "架构师"}
    called = 0
    for opening in sorted(openings):
        keys = d.call_keys(opening)
        hows = [d.how_called(keys, m, cache) for m in members]
        assert hows == [d.called(opening, m) for m in members], opening
        if any(hows):
            called += 1
            assert d.may_call(keys, index), opening
    assert called > 20  # the openings do call members
    assert not d.may_call(d.call_keys("今天"), index)
