"""Answer linking: the patterns of the gold guideline, in conversations written for these tests."""
from extractor.answers import Linker, reasons
from tests.helpers import analyse_day, analyse_days, top_answer_n

START = [("08:00:00", "路人甲", "大家早"), ("08:00:30", "路人乙", "早上好")]


def answers_of(p, qn):
    return sorted((a for a in p.answers if a.question.message.n == qn), key=lambda a: a.rank)


def test_direct_reply_is_the_top_answer_with_score_and_reasons():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "退款到原卡一般几天能到账？"),
        ("09:02:00", "周敏", "一般T+1到T+3，看发卡行"),
        ("09:03:00", "林晓峰", "明白了，多谢"),
    ])
    assert top_answer_n(p, 2) == 3
    a = answers_of(p, 2)[0]
    assert 0.5 <= a.score <= 1 and a.reasons and a.accepted


def test_emoji_laughter_and_plus_one_are_not_answers():
    p = analyse_day(START + [
        ("09:00:00", "甲", "你们的对账文件一般几点能拿到？"),
        ("09:00:20", "乙", "[强][强]"),
        ("09:00:30", "丙", "哈哈哈"),
        ("09:00:40", "丁", "+1"),
        ("09:00:50", "戊", "同问"),
        ("09:05:00", "己", "一般早上六点前渠道会推过来"),
    ])
    assert top_answer_n(p, 2) == 7
    assert {a.lead.n for a in answers_of(p, 2)} == {7}


def test_an_unanswered_question_is_kept_without_answers():
    p = analyse_day(START + [
        ("20:35:00", "maple", "跨境商户的拒付率你们一般控制在多少以内？"),
        ("20:50:00", "乙", "[月亮]"),
    ])
    assert 2 in {q.message.n for q in p.questions}
    assert answers_of(p, 2) == []


def test_a_quoted_reply_to_the_question_ranks_first_even_when_late():
    p = analyse_day(START + [
        ("09:00:00", "小雨", "退款对账大家是跟支付对账放在一起做，还是单独一套？"),
        ("09:01:00", "乙", "我们一般单独做"),
        ("09:02:00", "丙", "中午吃啥"),
        ("09:03:00", "丁", "楼下米线"),
        ("09:20:00", "戊", "「小雨:退款对账大家是跟支付对账放在一起做，还是单独一套？」 - - - - - - - - - - 放在一起，按交易类型分开比对"),
    ])
    assert top_answer_n(p, 2) == 6


def test_one_answerer_over_several_messages_is_one_answer():
    p = analyse_day(START + [
        ("09:00:00", "小雨", "想了解一下大家退款接口的幂等是怎么做的"),
        ("09:01:00", "maple", "用商户退款单号"),
        ("09:01:15", "maple", "加唯一索引"),
        ("09:01:31", "maple", "重复请求就查出原单，直接返回原结果"),
        ("09:03:00", "小雨", "受教了"),
    ])
    a = answers_of(p, 2)[0]
    assert [m.n for m in a.messages] == [3, 4, 5]


def test_several_people_answer_one_question():
    p = analyse_day(START + [
        ("09:00:00", "黄志强", "请教下各位，一个码背后绑多个商户号轮询收款，这个算不算违规"),
        ("09:01:20", "周敏", "算，这就是典型的套码"),
        ("09:02:05", "老马", "风控上也会盯一个码背后的商户号数量"),
        ("09:02:50", "Annie", "银行这边巡检查到就直接关停"),
    ])
    leads = {a.lead.n for a in answers_of(p, 2)}
    assert {3, 4, 5} <= leads
    assert top_answer_n(p, 2) in (3, 4)


def test_interleaved_threads_are_untangled_by_words():
    p = analyse_day(START + [
        ("09:00:00", "Kevin", "代金券参与的订单做部分退款，券的金额怎么分摊？"),
        ("09:00:30", "赵一鸣", "银联的对账文件字段有没有说明文档？"),
        ("09:01:30", "maple", "银联商户服务平台上能下载对账文件规范"),
        ("09:02:10", "周敏", "券按商品行的实付比例分摊，最后一笔退款用减法兜底"),
    ])
    assert top_answer_n(p, 3) == 4
    assert top_answer_n(p, 2) == 5


def test_a_late_answer_addressed_to_the_asker():
    chatter = [
        ("10:01:00", "路人丙", "@路人丁 你们今晚发版吗"), ("10:02:00", "路人丁", "@路人丙 发，十点开始"),
        ("10:03:00", "路人丙", "哈哈，又要熬夜了"), ("10:04:00", "路人戊", "[捂脸]"),
        ("10:05:00", "路人丁", "@路人丙 你们呢"), ("10:06:00", "路人丙", "@路人丁 我们下周"),
        ("10:07:00", "路人戊", "周末还要加班吗"), ("10:08:00", "路人丙", "@路人戊 不用"),
        ("10:09:00", "路人丁", "中午吃啥"), ("10:10:00", "路人戊", "楼下米线"),
        ("10:11:00", "路人丙", "走起"), ("10:12:00", "路人丁", "[OK]"),
    ]
    p = analyse_day(START + [("10:00:00", "林晓峰", "平台商户做T+1结算，碰到节假日是怎么顺延的？")] + chatter + [
        ("10:40:00", "周敏", "@林晓峰 节假日顺延到下一个工作日结算，备付金那边也一样"),
    ])
    assert top_answer_n(p, 2) == 15


def test_a_follow_up_question_is_not_the_answer():
    p = analyse_day(START + [
        ("09:00:00", "甲", "涉及库存数量扣减，是用分布式锁还是数据库悲观锁？"),
        ("09:01:00", "乙", "并发量多大？"),
        ("09:01:30", "乙", "并发不高的话悲观锁就够了，行锁没想象中那么慢"),
    ])
    assert top_answer_n(p, 2) == 4


def test_an_image_can_be_the_answer():
    p = analyse_day(START + [
        ("14:10:00", "小雨", "有没有人有退款的状态机图，想参考一下"),
        ("14:12:33", "黄志强", "![2024-01-02 14:12:33](http://static.example.org/img/1.png)"),
        ("14:12:50", "黄志强", "我们的，仅供参考"),
        ("14:13:30", "小雨", "多谢[抱拳]"),
    ])
    assert top_answer_n(p, 2) == 3


def test_a_question_addressed_with_at_is_answered_by_that_member():
    days = [(d, [
        ("09:00:00", "甲", "早"),
        ("10:00:00", "林晓峰", f"@陈安妮-某银行-架构?请教下，你们行接网联的时候{topic}"),
        ("10:01:30", "Annie", answer),
        ("10:02:00", "林晓峰", "明白了"),
    ]) for d, topic, answer in [
        ("2024-03-11", "退款是单独一类交易吗", "是的，退款是单独的交易类型，报文里带原交易流水号"),
        ("2024-03-12", "对账文件几点出", "早上六点前"),
        ("2024-03-13", "要不要单独申请证书", "要的，测试和生产各一套"),
    ]]
    days[0][1].insert(2, ("10:00:30", "Kevin", "我们不接网联"))
    parsed = analyse_days(days)
    assert top_answer_n(parsed[0], 1) == 3
    assert top_answer_n(parsed[1], 1) == 2


def test_an_answer_hours_later_addressed_to_the_asker():
    chatter = [(f"{10 + i // 12:02d}:{(i % 12) * 5:02d}:30", "路人丙" if i % 2 else "路人丁", f"@路人{'丁' if i % 2 else '丙'} 今天上线第{i}批")
               for i in range(35)]
    p = analyse_day(START + [("10:00:00", "林晓峰", "平台商户做T+1结算，碰到节假日是怎么顺延的？")] + chatter + [
        ("13:40:00", "周敏", "@林晓峰 上午节假日顺延那个问题：顺延到下一个工作日结算"),
    ])
    assert top_answer_n(p, 2) == 38


def test_a_reply_to_the_asker_the_next_morning_answers_a_late_night_question():
    # asked after midnight, the member asked replies @asker at breakfast: few messages between, many hours
    p = analyse_day([
        ("00:20:00", "路人甲", "收工了"),
        ("00:25:00", "林晓峰", "@周敏 你们对账文件是按清算日切的吗？"),
        ("00:27:00", "路人乙", "晚安各位"),
        ("07:50:00", "周敏", "@林晓峰 是按清算日，跨日的交易放到下一个批次"),
        ("08:30:00", "路人丙", "@周敏 早啊"),
    ])
    assert top_answer_n(p, 1) == 3
    # ... but a reply to the asker about something else, after a long talk, is not
    chatter = [(f"{9 + i // 12:02d}:{(i % 12) * 5:02d}:30", "路人丙" if i % 2 else "路人丁", f"@路人{'丁' if i % 2 else '丙'} 今天上线第{i}批")
               for i in range(90)]
    p = analyse_day([("00:25:00", "林晓峰", "你们对账文件是按清算日切的吗？")] + chatter + [
        ("18:10:00", "周敏", "@林晓峰 晚上一起吃饭？"),
    ])
    assert top_answer_n(p, 0) is None


def test_i_dont_know_and_a_promise_to_answer_are_not_the_answer():
    p = analyse_day(START + [
        ("09:00:00", "钱小满", "银行的理财接口，是否对外招渠道？或者合作？"),
        ("09:00:20", "autumnli", "这块不太了解"),
        ("09:00:40", "维森", "不招，银行一般只和大平台直连"),
    ])
    assert top_answer_n(p, 2) == 4
    p = analyse_day(START + [
        ("09:00:00", "贺佳佳", "有网联的老师在吗，协议支付签约的时候，能不能只验手机号？"),
        ("09:01:00", "赵一鸣", "我虽然不是网联的，不过可以回答下这个"),
        ("09:01:30", "邓子航", "不能，之前卡号加手机号是必须的，除非是新的免签模式"),
    ])
    assert top_answer_n(p, 2) == 4


def test_a_reply_that_only_takes_the_talk_private_is_not_the_answer():
    for defer in ("私聊吧", "可以私聊", "回头私信你"):
        p = analyse_day(START + [
            ("09:00:00", "钱小满", "有谁做过券核销对账的"),
            ("09:00:40", "老韩", "我"),
            ("09:01:00", "钱小满", "你们的核销是怎么设计的，"),
            ("09:01:20", "老韩", defer),
            ("09:01:30", "钱小满", "可以"),
        ])
        assert top_answer_n(p, 4) is None, defer
    # a reply with substance that mentions a private chat still answers
    p = analyse_day(START + [
        ("09:00:00", "钱小满", "你们的券核销是走实时接口还是每天批量对一次？"),
        ("09:00:20", "老韩", "实时接口核销，批量只做对账，细节可以私聊"),
    ])
    assert top_answer_n(p, 2) == 3


def test_a_reply_to_two_questions_asked_in_a_row_answers_both():
    """The asker asks twice in a row; the reply to the second answers the first too, though it
    fits the second better (it comes right after it)."""
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "你们的分期能支持市面上大部分信用卡吗？"),
        ("09:00:30", "林晓峰", "还款也是持卡人直接还给发卡行吗？"),
        ("09:01:00", "周敏", "是的，都是直接还给发卡行，我们只做聚合"),
    ])
    qs = sorted(q.message.n for q in p.questions)
    assert qs == [2, 3]
    assert top_answer_n(p, 3) == 4
    assert top_answer_n(p, 2) == 4


def test_a_reply_to_another_askers_question_does_not_answer_the_one_before():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "你们的分期能支持市面上大部分信用卡吗？"),
        ("09:00:30", "王强", "还款也是持卡人直接还给发卡行吗？"),
        ("09:01:00", "周敏", "是的，都是直接还给发卡行，我们只做聚合"),
    ])
    assert top_answer_n(p, 3) == 4
    assert top_answer_n(p, 2) is None  # two askers: the reply is to the second one's question


def test_a_question_mark_without_a_question_word_asks_yes_or_no():
    """能支持…？ asks yes or no by intonation: 是的 is a yes/no reply to it; not to 怎么…？"""
    from extractor.answers import _intonation_question

    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "你们的分期能支持市面上大部分信用卡？"),
        ("09:00:40", "周敏", "是的，大部分都支持"),
    ])
    reasons = answers_of(p, 2)[0].reasons
    assert any("yes/no" in r for r in reasons), reasons
    q = analyse_day(START + [
        ("09:00:00", "林晓峰", "你们的分期怎么支持市面上大部分信用卡？"),
        ("09:00:40", "周敏", "是的，大部分都支持"),
    ])
    assert not any("yes/no" in r for a in q.answers for r in a.reasons)
    msgs = {m.n: m for m in p.msgs}
    assert _intonation_question(msgs[2]) and not _intonation_question(q.msgs[2])


def test_thanks_from_a_third_member_is_not_the_answer_and_leaves_the_question_open():
    p = analyse_day(START + [
        ("20:00:00", "小雨", "请教下，分期扣款失败一般怎么补扣，有哪些坑？"),
        ("20:00:20", "老马", "谢谢分享"),
        ("20:01:10", "周敏", "一般是逾期后按天补扣，余额不足的卡要限制补扣次数"),
    ])
    assert top_answer_n(p, 2) == 4
    lead = answers_of(p, 2)[0]
    assert any("first reply" in r for r in lead.reasons), lead.reasons
    assert 3 not in {m.n for a in answers_of(p, 2) for m in a.messages}
    # thanks alone after a question answers nothing
    q = analyse_day(START + [
        ("20:00:00", "小雨", "网联的批次对账，批次号从哪里拿？"),
        ("20:00:40", "老马", "感谢分享[强]"),
    ])
    assert answers_of(q, 2) == []


def test_a_one_character_fragment_does_not_lead_the_answer():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "代付也要验四要素吗？"),
        ("09:00:20", "周敏", "上"),
        ("09:00:25", "周敏", "不用，一般卡号加户名就够了"),
    ])
    assert top_answer_n(p, 2) == 4
    assert 3 not in {m.n for a in answers_of(p, 2) for m in a.messages}


def test_a_one_character_answer_that_echoes_the_question_counts():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "@周敏 还在做跨境收单吗"),
        ("09:00:30", "周敏", "在"),
    ])
    assert top_answer_n(p, 2) == 3
    assert not any("fragment" in r for a in answers_of(p, 2) for r in a.reasons)


def test_a_reply_echoing_the_questions_verb_answers_a_yes_no_question():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "钟总，当年做快捷支付那批人可认识？"),
        ("09:00:40", "周敏", "我们那会儿主要在做跨境的收单业务，流程跟国内的完全两样"),
        ("09:01:10", "钟敏", "不认识，我在国际业务"),
    ])
    a = answers_of(p, 2)
    assert top_answer_n(p, 2) == 4, [(x.lead.n, x.score, x.reasons) for x in a]
    assert any("own verb" in r for r in a[0].reasons)
    # a topic word opening a longer reply is no echo
    q = analyse_day(START + [
        ("09:00:00", "林晓峰", "公众号支付能在电脑上的微信里用吗"),
        ("09:00:40", "周敏", "电脑上的微信打开链接默认走浏览器，所以一般都用扫码"),
    ])
    assert not any("own verb" in r for x in q.answers for r in x.reasons)


def test_a_reply_at_the_askers_other_display_name_is_addressed_to_the_asker():
    # the asker posts as 林晓峰 one day and as 林晓峰-某支付-产品 another: two members (no copies join them),
    # and an @林晓峰 reply to the second still addresses the asker
    chatter = [
        ("10:01:00", "路人丙", "@路人丁 你们今晚发版吗"), ("10:02:00", "路人丁", "@路人丙 发，十点开始"),
        ("10:03:00", "路人丙", "哈哈，又要熬夜了"), ("10:04:00", "路人戊", "[捂脸]"),
        ("10:05:00", "路人丁", "@路人丙 你们呢"), ("10:06:00", "路人丙", "@路人丁 我们下周"),
        ("10:07:00", "路人戊", "周末还要加班吗"), ("10:08:00", "路人丙", "@路人戊 不用"),
    ]
    parsed = analyse_days([
        ("2024-03-11", START + [("09:00:00", "林晓峰", "今天好冷"), ("09:01:00", "路人丙", "降温了")]),
        ("2024-03-12", START + [("10:00:00", "林晓峰-某支付-产品", "平台商户做T+1结算，碰到节假日是怎么顺延的？")]
         + chatter + [("10:40:00", "周敏", "@林晓峰 节假日顺延到下一个工作日结算，备付金那边也一样")]),
    ])
    p = parsed[1]
    assert p.msgs[2].member_id != parsed[0].msgs[2].member_id  # two members
    assert top_answer_n(p, 2) == 11
    a = answers_of(p, 2)[0]
    assert any("@mentions the asker" in r for r in a.reasons)


def test_an_image_sent_seconds_after_a_long_question_is_not_its_answer():
    """Reading the question and picking an image to send takes more than a few seconds: an image
    sent right after a long question was on its way before it (a reply to something else)."""
    p = analyse_day(START + [
        ("10:00:00", "钱小东", "我们在做代扣通道切换，切换期间的在途交易，对账一般怎么处理比较稳妥？"),
        ("10:00:03", "孙建", "![2024-03-01 10:00:03](http://static.example.org/img/7.png)"),
    ])
    assert top_answer_n(p, 2) is None
    p = analyse_day(START + [
        ("10:00:00", "钱小东", "我们在做代扣通道切换，切换期间的在途交易，对账一般怎么处理比较稳妥？"),
        ("10:00:40", "孙建", "![2024-03-01 10:00:40](http://static.example.org/img/7.png)"),
    ])
    assert top_answer_n(p, 2) == 3  # time enough to read it and pick the image


def test_a_reply_seconds_after_a_second_question_goes_on_with_the_first():
    """A reply two seconds after a question could not have been written for it (far too fast: it
    weighs double): it goes on with the answer to the asker's question before."""
    p = analyse_day(START + [
        ("09:00:00", "郑凯", "你们拒付的举证材料一般准备哪些？"),
        ("09:00:50", "冯涛", "订单记录和物流签收"),
        ("09:01:00", "郑凯", "拒付率有行业标准吗？"),
        ("09:01:02", "冯涛", "我们还会附上用户的交易凭证和聊天记录截图"),
        ("09:02:30", "吴磊", "有，行业标准一般是拒付率控制在千分之五以内"),
    ])
    assert top_answer_n(p, 4) == 6
    assert all(a.score < 0.55 for a in answers_of(p, 4) if a.lead.n == 5)
    assert any(5 in [m.n for m in a.messages] for a in answers_of(p, 2))


def test_a_question_whose_sure_reply_went_to_another_question_keeps_no_weaker_leftover():
    """老马's reply made the first question look answered, but it fits the second one (its own
    words) much better and goes there; a comment left below the threshold is no answer to the first."""
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "@老马 退款能原路退回吗？"),
        ("09:00:10", "周敏", "对账文件一般几点能拿到？"),
        ("09:00:40", "Annie", "今天外面好冷"),
        ("09:00:55", "路人乙", "是啊，降温了"),
        ("09:01:30", "老马", "对账文件一般早上六点前就推过来了"),
        ("09:02:10", "Annie", "原路退回这事挺麻烦"),
        ("09:04:00", "周敏", "好的，谢谢"),
    ])
    assert top_answer_n(p, 3) == 6
    assert top_answer_n(p, 2) is None


def test_a_reply_the_asker_sets_aside_gives_way_to_the_next():
    # 我是说… right after the first reply: it missed the question; the reply after the asker's words answers it
    p = analyse_day(START + [
        ("09:00:00", "小雨", "你们提现接口的幂等是怎么做的？"),
        ("09:00:40", "周敏", "看情况吧"),
        ("09:01:00", "小雨", "我是说同一笔提现被重复提交的时候"),
        ("09:02:30", "老马", "提现单号做唯一索引，重复提交的直接查出原单返回原结果"),
    ])
    first = [a for a in answers_of(p, 2) if a.lead.n == 3]
    assert not first or any("set it aside" in r for r in first[0].reasons)
    assert top_answer_n(p, 2) == 5


def test_the_asker_taking_a_reply_in_speaks_for_it():
    # 哦，这样啊 right after a reply (no thanks): the reply landed
    def day(reaction):
        return analyse_day(START + [
            ("09:00:00", "林晓峰", "代付失败退回的钱一般多久能回到备付金账户？"),
            ("09:01:00", "路人丙", "今天人好少"),
            ("09:01:40", "周敏", "看通道，一般当天日终"),
            ("09:02:00", "林晓峰", reaction),
        ])
    taken, neutral = day("哦，这样啊"), day("下午还要开会")
    a = [x for x in answers_of(taken, 2) if x.lead.n == 4][0]
    b = [x for x in answers_of(neutral, 2) if x.lead.n == 4][0]
    assert a.score > b.score
    assert any("took it in" in r for r in a.reasons)


def test_a_question_back_does_not_win_by_repeating_the_question_words():
    # a question back shares the question's words (and its specific terms) because it asks about it
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "请问大家代扣协议号一般是怎么签约拿到的？"),
        ("09:00:40", "周敏", "代扣协议号签约？你说的是银联还是银行直连？"),
        ("09:02:00", "老马", "先发短信验证码，验证通过后银行返回"),
    ])
    assert top_answer_n(p, 2) != 3
    assert 3 not in {a.lead.n for a in answers_of(p, 2)}


def test_an_a_not_a_question_is_a_yes_no_question():
    # 算不算 / 多不多 / 在不在 ask yes or no as 吗 does: a bare yes/no reply answers them
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "商户自己收款再分给门店，这种算不算二清"),
        ("09:01:10", "周敏", "应该算"),
    ])
    assert top_answer_n(p, 2) == 3
    a = answers_of(p, 2)[0]
    assert any("yes/no" in r for r in a.reasons)


def test_a_question_back_with_at_to_the_asker_is_not_the_answer():
    # "@asker 你们接的是哪家银行？" asks back, with a question mark: addressing the asker does not
    # make a question the answer (the asker's reply answers the question back)
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "快捷支付的签约短信一般多久过期？"),
        ("09:00:40", "周敏", "@林晓峰 你们接的是哪家银行？"),
        ("09:01:20", "林晓峰", "招行和中信"),
    ])
    assert top_answer_n(p, 2) is None
    assert top_answer_n(p, 3) == 4


def test_a_hedged_answer_with_at_ending_in_ba_still_answers():
    # "@asker 应该不用吧" hedges an answer (no question mark): still the answer
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "二类户绑卡的时候需要再做一次人脸识别吗"),
        ("09:00:40", "周敏", "@林晓峰 四要素验过了应该不用吧"),
    ])
    assert top_answer_n(p, 2) == 3


def test_a_message_sent_too_fast_does_not_lead_the_answer_after_it():
    # 周敏 goes on with her own talk seconds after the question (too fast to reply to it), then
    # answers: the answer starts with the message that answers, not with the one typed before
    p = analyse_day(START + [
        ("09:00:00", "周敏", "我们上个月刚把对账系统从日终批量改成了准实时"),
        ("09:00:20", "林晓峰", "准实时对账一般隔多久跑一次？"),
        ("09:00:25", "周敏", "上线以后差错处理的人力省了一半"),
        ("09:01:10", "周敏", "我们是每五分钟拉一次渠道流水"),
    ])
    assert top_answer_n(p, 3) == 5


def test_a_fast_first_message_that_fits_best_still_leads():
    # a quick reply that fits the question better than what follows still leads its answer
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "二清是指平台先收钱再分给商户吗？"),
        ("09:00:03", "周敏", "对，平台先收钱再分给商户就是二清"),
        ("09:00:40", "周敏", "监管查得很严"),
    ])
    assert top_answer_n(p, 2) == 3


def test_a_late_reply_to_the_askers_later_message_does_not_answer_the_question():
    # 林晓峰 asks, 周敏 answers, then 林晓峰 goes on about his own merchants; the @reply much later
    # takes up that later message (月结的商户), not the question: 周敏's answer stays on top
    chatter = [
        ("09:05:00", "路人丙", "今天上线顺利吗"), ("09:06:00", "路人丁", "还在灰度"),
        ("09:07:00", "路人丙", "辛苦"), ("09:08:00", "路人戊", "中午吃啥"),
        ("09:09:00", "路人丁", "楼下米线"), ("09:10:00", "路人戊", "走起"),
    ]
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "退款一般走原路返回还是退到用户余额？"),
        ("09:01:00", "周敏", "原路返回为主，卡失效了才退余额"),
        ("09:02:00", "林晓峰", "我们平台的商户都是月结的，退款手续费比较多"),
    ] + chatter + [
        ("09:30:00", "王磊", "@林晓峰 月结商户的退款手续费一般从下个月的结算款里扣"),
    ])
    assert top_answer_n(p, 2) == 3
    late = [a for a in answers_of(p, 2) if a.lead.n == 11]
    assert not late or any("later message" in r for r in late[0].reasons)


def test_a_late_reply_to_the_asker_that_takes_up_the_question_still_answers():
    # the asker's later message shares nothing with the @reply: the late reply answers the question
    chatter = [
        ("09:05:00", "路人丙", "今天上线顺利吗"), ("09:06:00", "路人丁", "还在灰度"),
        ("09:07:00", "路人丙", "辛苦"), ("09:08:00", "路人戊", "中午吃啥"),
        ("09:09:00", "路人丁", "楼下米线"), ("09:10:00", "路人戊", "走起"),
    ]
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "节假日的T+1结算一般怎么顺延？"),
        ("09:02:00", "林晓峰", "等一下再来看"),
    ] + chatter + [
        ("09:30:00", "王磊", "@林晓峰 节假日的结算顺延到下一个工作日"),
    ])
    assert top_answer_n(p, 2) == 10


def test_an_answer_word_counts_only_as_a_whole_word():
    # 行业/用户/对于… open with the character of an answer word (行, 用, 对) but are no yes/no reply;
    # 可以的, 有的, a verb negated with 没 (没试过) are
    def yes_no_reply(reply):
        p = analyse_day(START + [
            ("09:00:00", "林晓峰", "你们的代付接口支持批量提交吗？"),
            ("09:00:50", "周敏", reply),
        ])
        return any("yes/no" in r for a in answers_of(p, 2) for r in a.reasons)

    for reply in ("行业里最近代付的通道越来越难找了", "用户那边最近一直反馈到账慢", "对于我们这种小商户来说费率太高了"):
        assert not yes_no_reply(reply), reply
    for reply in ("可以的，一次最多五百笔", "有的，走批量文件接口", "没试过，文档上写了支持"):
        assert yes_no_reply(reply), reply



def test_words_named_in_a_reason_come_in_a_fixed_order():
    # words of equal weight come in alphabetical order, not in the order of a set (which changes
    # from process to process with string hashing): the same build gives the same reasons
    from extractor.answers import telling_words
    weight = {"终止": 5.0, "sprint": 5.0, "gitlab": 5.0, "发版": 2.0}.get
    assert telling_words({"终止", "sprint", "gitlab", "发版"}, weight) == "gitlab/sprint/终止"
    assert telling_words({"发版", "终止"}, weight, n=1) == "终止"


def test_a_reply_after_the_askers_next_question_answers_that_one_not_the_answered_first():
    # 林晓峰 asks, 周敏 answers; minutes later 林晓峰 asks something new and 王磊's bare yes right
    # after it answers the new question: the first question keeps 周敏's answer on top
    p = analyse_day(START + [
        ("08:59:00", "王磊", "刚开完会"),
        ("09:00:00", "林晓峰", "跨行转账能实时到账吗？"),
        ("09:01:00", "周敏", "大部分银行都是秒到的"),
        ("09:09:00", "林晓峰", "那对公账户的批量代发也支持吗？"),
        ("09:09:40", "王磊", "可以的"),
        ("09:10:30", "林晓峰", "好的明白了"),
    ])
    assert top_answer_n(p, 5) == 6
    assert any("moved on to this one" in r for r in answers_of(p, 5)[0].reasons)
    assert top_answer_n(p, 3) == 4
    assert 6 not in {m.n for a in answers_of(p, 3) for m in a.messages}


def test_the_rest_of_a_reply_run_taken_by_a_later_question_stays_with_it():
    # 王磊's two messages after the second question go on together: neither answers the first one
    p = analyse_day(START + [
        ("08:59:00", "王磊", "刚开完会"),
        ("09:00:00", "林晓峰", "跨行转账能实时到账吗？"),
        ("09:01:00", "周敏", "大部分银行都是秒到的"),
        ("09:09:00", "林晓峰", "那对公账户的批量代发也支持吗？"),
        ("09:09:40", "王磊", "可以的"),
        ("09:10:10", "王磊", "上传一个文件就行，几千笔也没问题"),
        ("09:10:30", "林晓峰", "好的明白了"),
    ])
    assert [m.n for m in answers_of(p, 5)[0].messages] == [6, 7]
    assert top_answer_n(p, 3) == 4
    assert not {m.n for a in answers_of(p, 3) for m in a.messages} & {6, 7}


def test_a_reply_addressed_to_the_first_asker_still_answers_the_first_question():
    # another member asks in between, but the reply @mentions the first asker and takes up his words
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "跨行转账的到账时间一般是多久？"),
        ("09:01:00", "周敏", "看银行吧"),
        ("09:05:00", "赵一鸣", "有人用过那家的电子发票接口吗？"),
        ("09:06:00", "王磊", "@林晓峰 跨行转账工作日一般两小时内到账"),
    ])
    assert 5 in {a.lead.n for a in answers_of(p, 2)}


def test_a_reply_to_a_me_too_question_answers_the_first_one_too():
    # a second member asks the same thing again: the reply after it answers both
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "境外卡的拒付率一般有多高？"),
        ("09:01:00", "周敏", "看行业吧"),
        ("09:04:00", "赵一鸣", "境外卡的拒付率大概多少？"),
        ("09:05:00", "王磊", "境外卡的拒付率一般在千分之五上下"),
    ])
    assert top_answer_n(p, 4) == 5
    assert 5 in {a.lead.n for a in answers_of(p, 2)}


def test_praise_for_a_speaker_is_no_answer_and_leaves_the_question_open():
    # a short word of praise (for the one who asked, or someone else) is a reaction: the next real reply answers
    p = analyse_day(START + [
        ("10:00:00", "小雨", "你们做账户系统的时候，冻结金额是单独一个字段吗？"),
        ("10:00:20", "老马", "好问题"),
        ("10:00:40", "阿杰", "小雨老师太牛了"),
        ("10:01:30", "周敏", "单独一个冻结字段，可用余额等于总额减冻结"),
    ])
    assert top_answer_n(p, 2) == 5
    lead = answers_of(p, 2)[0]
    assert any("first reply" in r for r in lead.reasons), lead.reasons
    assert not {m.n for a in answers_of(p, 2) for m in a.messages} & {3, 4}
    # praise alone answers nothing
    q = analyse_day(START + [
        ("10:00:00", "小雨", "我们这边压测单机能到三千笔每秒，你们呢？"),
        ("10:00:15", "阿杰", "厉害了"),
    ])
    assert answers_of(q, 2) == []
    # praise before the answer in one run of the answerer does not lead it, and its reason names the word
    r = analyse_day(START + [
        ("10:00:00", "小雨", "有没有人试过把对账放到夜里跑？"),
        ("10:00:30", "阿杰", "666，大佬"),
        ("10:00:50", "阿杰", "我们就是夜里两点跑的"),
    ])
    assert top_answer_n(r, 2) == 4
    by_n = {m.n: m for m in r.msgs}
    assert Linker._praise(by_n[3], by_n[3].body, by_n[3].tokens) == "666"
    assert Linker._praise(by_n[4], by_n[4].body, by_n[4].tokens) == ""
    assert "praises" in reasons({"praise": 1}, {"praise": "666"})[0]


def test_praise_the_question_asks_about_answers_it():
    # the question asks whether something is good (牛不牛): a reply in the same words answers it
    p = analyse_day(START + [
        ("10:00:00", "小雨", "新上线的那个风控引擎牛不牛？"),
        ("10:00:40", "阿杰", "挺牛的"),
    ])
    assert top_answer_n(p, 2) == 3


def test_a_member_going_on_with_their_own_talk_does_not_answer_a_question_asked_meanwhile():
    # 阿杰 was talking about his team's storage when another member asks about something else; his next
    # message adds to his own talk (而且…) and shares no word with the question: it answers nothing
    p = analyse_day(START + [
        ("11:00:00", "阿杰", "我们的流水表按月分库，历史数据放冷存储"),
        ("11:00:30", "小雨", "你们开发票是用哪家的服务？"),
        ("11:00:50", "阿杰", "而且冷存储的查询慢一点也能接受"),
    ])
    assert top_answer_n(p, 3) is None
    # ... but an answerer's 而且 after their own answer still goes with it
    q = analyse_day(START + [
        ("11:00:00", "阿杰", "我们的流水表按月分库"),
        ("11:00:30", "小雨", "你们开发票是用哪家的服务？"),
        ("11:00:50", "阿杰", "开发票我们用的是税控盘直连"),
        ("11:01:10", "阿杰", "而且红冲也能在线做"),
    ])
    assert top_answer_n(q, 3) == 4
    assert [m.n for m in answers_of(q, 3)[0].messages] == [4, 5]
    # an aside (顺便说一句) from the one talking before counts against it even when it shares a word
    r = analyse_day(START + [
        ("11:00:00", "阿杰", "我们的流水表按月分库，历史数据放冷存储"),
        ("11:00:30", "小雨", "你们的发票系统是自己做的吗？"),
        ("11:00:50", "阿杰", "顺便说一句，冷存储那边的发票影像也按月归档"),
    ])
    assert any("goes on with" in x for a in answers_of(r, 3) for x in a.reasons)
    assert Linker._resumes("顺便说一句，也按月归档") == ("顺便说", True)
    assert Linker._resumes("我刚才说的那个方案") == ("我刚才", False)
    assert "goes on with" in reasons({"resumes_own_talk": 1}, {"resumes": "而且"})[0]


# asked by name without @ (老柯，…): the one named ranks first among the answers, and only ranks
BY_NAME = START + [
    ("09:00:00", "柯文博-某支付-清算", "今天清算系统升级，晚上可能慢一点"),
    ("09:01:00", "裴思远", "收到"),
    ("09:03:00", "祁雨桐", "老柯，升级以后对账文件还是早上六点前出吗？"),
    ("09:04:00", "裴思远", "应该不变吧"),
    ("09:05:30", "柯文博-某支付-清算", "改到七点前了，升级后第一周会晚一些"),
]


def test_a_question_put_to_a_member_by_name_ranks_that_members_answer_first():
    p = analyse_day(BY_NAME)
    got = answers_of(p, 4)
    assert [a.lead.n for a in got] == [6, 5]  # without the name: [5, 6]
    assert any("was asked by name (老柯)" in r for r in got[0].reasons)
    assert not any("asked by name" in r for a in got[1:] for r in a.reasons)


def _links_with_and_without(monkeypatch, days, pattern: str):
    """The (question, answer messages) of each day, then the same with answers.<pattern> matching nothing."""
    import extractor.answers as answers

    def links(p):
        return sorted((a.question.message.n, tuple(m.n for m in a.messages)) for a in p.answers)

    on = [links(analyse_day(d)) for d in days]
    monkeypatch.setattr(answers, pattern, answers.re.compile(r"(?!x)x"))
    return on, [links(analyse_day(d)) for d in days]


def test_a_name_without_at_changes_only_the_ranking_never_which_messages_answer(monkeypatch):
    days = [
        BY_NAME,
        # the named member's late, vague reply does not make the question answered, even with the name
        START + [
            ("09:00:00", "柯文博-某支付-清算", "今天清算系统升级"),
            ("09:03:00", "祁雨桐", "柯总，升级那天晚上要停机吗？"),
            ("09:04:00", "裴思远", "周末去爬山吗"),
            ("09:05:00", "祁雨桐", "去哪里爬"),
            ("09:06:00", "裴思远", "香山"),
            ("09:30:00", "柯文博-某支付-清算", "看情况"),
        ],
    ]
    on, off = _links_with_and_without(monkeypatch, days, "VOCATIVE")
    assert not any(qn == 3 for qn, _ in on[1])
    assert on == off


# asked back (你/您 right after another member's message, nothing between, no @ and no name): the
# member who just spoke ranks first among the answers, and only ranks
ASKED_BACK = START + [
    ("14:00:00", "钮嘉禾", "我们上周把结算服务切到了灰度发布"),
    ("14:00:40", "鄢慕白", "你说的灰度发布是按商户切流量还是按比例切？"),
    ("14:01:30", "甄一苇", "一般是按比例切吧，先放百分之五"),
    ("14:03:00", "钮嘉禾", "按商户号切的，先切了几个自己的测试商户"),
]


def test_a_question_asked_back_ranks_the_answer_of_the_member_who_just_spoke_first(monkeypatch):
    import extractor.answers as answers
    p = analyse_day(ASKED_BACK)
    got = answers_of(p, 3)
    assert [a.lead.n for a in got] == [5, 4]
    assert any("asks back the member who just spoke (钮嘉禾)" in r for r in got[0].reasons)
    assert not any("asks back" in r for a in got[1:] for r in a.reasons)
    monkeypatch.setattr(answers, "ASKS_YOU", answers.re.compile(r"(?!x)x"))
    assert [a.lead.n for a in answers_of(analyse_day(ASKED_BACK), 3)] == [4, 5]


def test_no_question_is_asked_back_to_the_group_nor_past_another_message():
    def back(day, qn):
        return any("asks back" in r for a in analyse_day(day).answers if a.question.message.n == qn for r in a.reasons)

    assert back(ASKED_BACK, 3)
    # 你们 asks the group
    assert not back(ASKED_BACK[:3] + [("14:00:40", "鄢慕白", "你们的灰度发布是按商户切流量还是按比例切？")] + ASKED_BACK[4:], 3)
    # another member spoke between: 你 may be either
    assert not back(ASKED_BACK[:3] + [("14:00:20", "岑向晚", "灰度发布要配好回滚开关")] + ASKED_BACK[3:], 4)
    # the asker's own message between
    assert not back(ASKED_BACK[:3] + [("14:00:20", "鄢慕白", "灰度这个我们也在做")] + ASKED_BACK[3:], 4)
    # too long after the message
    assert not back(ASKED_BACK[:3] + [("14:20:40", "鄢慕白", "你说的灰度发布是按商户切流量还是按比例切？"),
                                      ("14:21:30", "甄一苇", "一般是按比例切吧，先放百分之五"),
                                      ("14:23:00", "钮嘉禾", "按商户号切的，先切了几个自己的测试商户")], 3)


def test_asking_back_changes_only_the_ranking_never_which_messages_answer(monkeypatch):
    days = [
        ASKED_BACK,
        # the member asked back replies late and vaguely: the question stays unanswered
        START + [
            ("14:00:00", "钮嘉禾", "我们上周把结算服务切到了灰度发布"),
            ("14:00:40", "鄢慕白", "你们灰度的时候对账怎么办，你有经验吗？"),
            ("14:01:00", "甄一苇", "晚上去吃火锅吗"),
            ("14:02:00", "鄢慕白", "去哪家"),
            ("14:03:00", "甄一苇", "公司楼下那家"),
            ("14:40:00", "钮嘉禾", "再说吧"),
        ],
    ]
    on, off = _links_with_and_without(monkeypatch, days, "ASKS_YOU")
    assert not any(qn == 3 for qn, _ in on[1])
    assert on == off


def test_a_reply_calling_another_member_by_name_is_said_to_them_not_the_answer():
    """A reply that opens by calling a third member (濮总，…) talks to that member: the member's own
    reply answers the question, and the reason says why the other one does not."""
    p = analyse_day(START + [
        ("09:00:00", "濮阳松", "上周我们把清算系统整体搬到了新机房"),
        ("09:01:00", "岑若溪", "新机房切换那几天对账文件怎么处理？"),
        ("09:01:40", "闵嘉禾", "濮总，新机房切换那次我们这边也晚到半天"),
        ("09:03:00", "濮阳松", "对账文件我们是切换前一晚先生成好，再同步过去"),
    ])
    assert top_answer_n(p, 3) == 5
    called = [a for a in answers_of(p, 3) if a.lead.n == 4]
    assert any("calls another member by name (濮总)" in r for r in called[0].reasons)


def test_a_reply_calling_the_member_the_question_was_put_to_is_not_said_to_someone_else():
    """@X …？ and a third member answers X，…: not addressed away from the question."""
    p = analyse_day(START + [
        ("09:00:00", "濮阳松", "上周我们把清算系统整体搬到了新机房"),
        ("09:01:00", "岑若溪", "@濮阳松 新机房放在哪个城市？"),
        ("09:01:40", "闵嘉禾", "濮总，新机房在廊坊吧"),
    ])
    assert top_answer_n(p, 3) == 4
    assert not any("calls another member" in r for a in answers_of(p, 3) for r in a.reasons)


def test_a_common_word_opening_a_reply_calls_no_one():
    """A display-name part that is a common word (…-产品) opening a reply (产品 …) is no vocative."""
    p = analyse_day(START + [
        ("09:00:00", "邝一鸣-产品", "大家的收银台一般怎么改版？"),
        ("09:01:00", "岑若溪", "收银台改版先看转化率吧？"),
        ("09:02:00", "闵嘉禾", "产品 改版之前先做灰度，收银台转化率要盯住"),
    ])
    assert not any("calls another member" in r for a in p.answers for r in a.reasons)


def test_a_run_that_answers_another_question_first_starts_where_it_takes_up_this_one():
    # 钟离默 is asked two things in a row: his first message answers the first question (it shares
    # its words, not this one's), the next one answers the question put to him with @
    p = analyse_day(START + [
        ("14:00:00", "韩小溪", "你们渠道对账单里的手续费是按笔给还是按日汇总给？"),
        ("14:00:40", "祁岚", "@钟离默 你们退票重发最多试几次？"),
        ("14:01:30", "钟离默", "我们是按日汇总给的"),
        ("14:02:00", "钟离默", "退票重发最多试三次，再失败就转人工"),
    ])
    assert top_answer_n(p, 2) == 4
    assert top_answer_n(p, 3) == 5
    a = answers_of(p, 3)[0]
    assert any("takes up this question" in x for x in a.reasons)
    # ... but a run whose first message fits this question keeps it as the lead
    q = analyse_day(START + [
        ("14:00:00", "韩小溪", "你们渠道对账单里的手续费是按笔给还是按日汇总给？"),
        ("14:00:40", "祁岚", "@钟离默 你们退票重发最多试几次？"),
        ("14:01:30", "钟离默", "退票重发我们最多试三次"),
        ("14:02:00", "钟离默", "再失败就转人工处理退票"),
    ])
    assert top_answer_n(q, 3) == 4


def test_an_existential_you_opening_is_no_yes_to_a_question_not_asked_with_you():
    # 有一个…/有人… says what there is: to a 是…吗 question it is a story, not a yes; the direct
    # 是/不是 reply that follows is the answer
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "那家做保理的公司是持牌机构吗"),
        ("09:00:40", "周敏", "有一个老同学在那家公司做运维，听说待遇还可以"),
        ("09:01:20", "钟敏", "不是持牌的，只是挂靠"),
    ])
    a = answers_of(p, 2)
    assert top_answer_n(p, 2) == 4, [(x.lead.n, x.score, x.reasons) for x in a]
    assert not any("yes/no" in r for x in a if x.lead.n == 3 for r in x.reasons)
    assert any("what there is" in r for x in a if x.lead.n == 3 for r in x.reasons)
    # ... while to a question asked with 有 it still answers yes
    q = analyse_day(START + [
        ("09:00:00", "林晓峰", "有人对接过境外的收单通道吗"),
        ("09:00:40", "周敏", "有一家在做，下周我问问"),
    ])
    assert any("yes/no" in r for x in answers_of(q, 2) for r in x.reasons)


def test_a_reply_turned_to_the_asker_after_the_asker_spoke_is_a_new_answer():
    # 钟离默 first says something loose; the asker answers him (嗯, he has not followed yet); then
    # 钟离默 turns to the asker with @ and answers: that reply is an answer of its own, and the top
    # one, not the tail of his first remark
    p = analyse_day(START + [
        ("10:00:00", "林晓峰", "我们给商户开的子账户算不算二次清分？"),
        ("10:00:20", "钟离默", "这个和前面讲的那种情况其实差不多"),
        ("10:00:40", "林晓峰", "嗯"),
        ("10:01:00", "林晓峰", "前面那种我还没完全看懂"),
        ("10:01:30", "钟离默", "@林晓峰 算的，资金先进了你们的户再分给商户"),
    ])
    a = answers_of(p, 2)
    assert top_answer_n(p, 2) == 6, [(x.lead.n, x.score, x.reasons) for x in a]
    assert any("turned to the asker" in r for x in a if x.lead.n == 6 for r in x.reasons)
    assert 3 in {x.lead.n for x in a}  # the first remark stays an answer of its own
    # ... with no word of the asker between, the @ reply goes on with the same run
    q = analyse_day(START + [
        ("10:00:00", "林晓峰", "我们给商户开的子账户算不算二次清分？"),
        ("10:00:20", "钟离默", "这个和前面讲的那种情况其实差不多"),
        ("10:01:30", "钟离默", "@林晓峰 算的，资金先进了你们的户再分给商户"),
    ])
    assert top_answer_n(q, 2) == 3
    assert [m.n for m in answers_of(q, 2)[0].messages] == [3, 4]
    # ... and so it does when the run was already addressed to the asker
    r = analyse_day(START + [
        ("10:00:00", "林晓峰", "我们给商户开的子账户算不算二次清分？"),
        ("10:00:20", "钟离默", "@林晓峰 这个和前面讲的那种情况其实差不多"),
        ("10:00:40", "林晓峰", "嗯"),
        ("10:01:30", "钟离默", "@林晓峰 算的，资金先进了你们的户再分给商户"),
    ])
    assert top_answer_n(r, 2) == 3
    assert not any("turned to the asker" in x for a_ in answers_of(r, 2) for x in a_.reasons)


def test_a_question_back_the_asker_replied_to_does_not_lead_the_answer():
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "有谁对接过境外的收单通道吗"),
        ("09:01:00", "周敏", "你问的是哪个地区？"),
        ("09:01:30", "林晓峰", "东南亚那边"),
        ("09:03:00", "周敏", "我们接过两家，上线前后大概要两个月，准备材料最费时间"),
        ("09:04:00", "林晓峰", "好的，多谢"),
    ])
    a = answers_of(p, 2)
    assert a and a[0].lead.n == 5, [(x.lead.n, x.score, x.reasons) for x in a]
    assert 3 not in {m.n for x in a for m in x.messages}
    assert any("question back" in r for r in a[0].reasons)


def test_a_question_back_that_also_tells_something_still_leads():
    # long: it explains, then asks which one
    p = analyse_day(START + [
        ("09:00:00", "林晓峰", "绑卡签约为什么有的要短信验证码有的不要？"),
        ("09:01:00", "周敏", "签约分两种做法，一种由发卡行自己验证，另一种通过中间机构验证，你遇到的是哪种？"),
        ("09:01:30", "林晓峰", "中间机构那种"),
        ("09:02:30", "周敏", "那种一般都要验证码"),
    ])
    assert top_answer_n(p, 2) == 3
    # a statement after its question mark: it answers
    q = analyse_day(START + [
        ("09:00:00", "林晓峰", "对账不平的时候怎么跟商户解释？"),
        ("09:01:00", "周敏", "没跟商户说清楚吗？对账不平按协议条款来"),
        ("09:01:30", "林晓峰", "说过"),
        ("09:02:30", "周敏", "那就照着条款跟商户解释"),
    ])
    assert top_answer_n(q, 2) == 3


def test_what_a_question_back_tells_after_its_last_question_mark():
    """_tells_after_ask: four word characters or more after the last question mark. A long message
    with two question marks is read once (a pattern with four nested free runs backtracked on it)."""
    from extractor.answers import _tells_after_ask

    assert _tells_after_ask("你说的是哪一种？我先讲下背景")
    assert not _tells_after_ask("你说的是哪一种？")
    assert not _tells_after_ask("是这个吗？嗯嗯")
    assert not _tells_after_ask("没有问号的一句话")
    assert _tells_after_ask("要不要？abcd")
    assert not _tells_after_ask("前面一句？中间说了很多很多话？")
    # (with 480 word characters between its question marks: the old pattern backtracked for minutes)
    assert not _tells_after_ask("先问一句？" + "这里是很长的一段背景说明" * 40 + "？后面")


def test_a_question_back_answering_a_clarification_leads():
    # 林晓峰 asks 周敏 what she meant: her reply, though a question, says it (it leads her answer to it);
    # 林晓峰's own question back leads no answer to her question
    p = analyse_day(START + [
        ("09:00:00", "周敏", "@林晓峰 分账新规对我们影响大吗？"),
        ("09:00:40", "林晓峰", "你们是平台方还是收单方？"),
        ("09:01:10", "周敏", "平台方和收单方都讲讲可以吗？"),
        ("09:01:40", "林晓峰", "内容太多，晚点整理一下"),
        ("09:02:30", "周敏", "平台方这块我们最关心"),
    ])
    a = answers_of(p, 3)
    assert a and a[0].lead.n == 4, [(x.lead.n, x.score, x.reasons) for x in a]
    assert top_answer_n(p, 2) == 5


def test_a_notice_to_the_whole_group_is_no_answer():
    p = analyse_day(START + [
        ("20:00:00", "林晓峰", "代扣失败以后一般隔多久重试比较合适？"),
        ("20:00:40", "群管家", "@所有人 本周四晚上照常举行线上交流，请提前报名"),
        ("20:03:00", "周敏", "我们是间隔半小时重试，最多三次"),
    ])
    assert top_answer_n(p, 2) == 4
    q = analyse_day(START + [
        ("20:00:00", "林晓峰", "代扣失败以后一般隔多久重试比较合适？"),
        ("20:00:40", "群管家", "@所有人 本周四晚上照常举行线上交流，请提前报名"),
    ])
    assert answers_of(q, 2) == []
    # a notice that takes up the question's words may answer it (各位同学，重试的问题…)
    r = analyse_day(START + [
        ("20:00:00", "林晓峰", "代扣失败以后一般隔多久重试比较合适？"),
        ("20:00:40", "群管家", "各位同学，代扣失败重试间隔建议半小时，周四线上交流再细说"),
    ])
    assert top_answer_n(r, 2) == 3
    assert not any("whole group" in x for a in answers_of(r, 2) for x in a.reasons)
    # the openings that call the whole group (not a question put to all: 各位怎么看)
    from extractor.answers import TO_EVERYONE
    assert TO_EVERYONE.match("各位同学，今晚的线上交流改到八点")
    assert TO_EVERYONE.match("给大家介绍一下新进群的两位朋友")
    assert not TO_EVERYONE.match("各位怎么看这个方案")


def test_a_late_reply_to_the_asker_after_their_new_question_answers_the_new_one():
    # the asker moved on to a different question; a late @reply to them after it goes with that one,
    # so the quick reply to the first question stays its top answer
    p = analyse_day(START + [
        ("10:00:00", "小周", "你们发票是按月统一开具还是逐笔开？"),
        ("10:00:40", "老马", "我们一般按月汇总开"),
        ("10:01:10", "阿强", "中午去哪吃"),
        ("10:01:30", "阿珍", "楼下面馆"),
        ("10:02:00", "小周", "另外问下，测试环境的证书过期了找谁续期？"),
        ("10:02:30", "阿强", "面馆人太多了"),
        ("10:03:00", "阿珍", "那就食堂吧"),
        ("10:03:30", "阿强", "好"),
        ("10:04:00", "阿珍", "走起"),
        ("10:05:00", "大刘", "@小周 我们发票都是系统自动出，证书的话找运维重新签发一份就行"),
    ])
    assert top_answer_n(p, 2) == 3
    a = answers_of(p, 2)
    late = next(x for x in a if x.lead.n == 11)
    assert any("asked something else since (question 6)" in r for r in late.reasons)


def test_a_late_reply_to_the_asker_after_they_put_the_same_question_again_still_counts():
    # the asker's later question goes on with the same subject (shares its words): no penalty
    p = analyse_day(START + [
        ("10:00:00", "小周", "发票逐笔开的话系统压力大吗？"),
        ("10:00:40", "阿强", "中午去哪吃"),
        ("10:01:10", "阿珍", "楼下面馆"),
        ("10:01:40", "小周", "就是发票量很大的情况下会不会卡？"),
        ("10:02:10", "阿强", "面馆人太多了"),
        ("10:02:40", "阿珍", "那就食堂吧"),
        ("10:03:10", "阿强", "好"),
        ("10:03:40", "阿珍", "走起"),
        ("10:05:00", "大刘", "@小周 发票逐笔开压力不大，我们一天几十万张也没问题"),
    ])
    a = answers_of(p, 2)
    assert a and a[0].lead.n == 10
    assert not any("asked something else since" in r for r in a[0].reasons)


def test_a_bare_yes_right_after_a_doubtful_check_answers_it():
    # a tentative check (…吧, no question word) scores low as a question; a bare 对 right after it
    # answers its form: the ordinary bar holds, and the answer says why
    p = analyse_day(START + [
        ("14:00:00", "老秦", "退货的手续费一般商户自己承担"),
        ("14:00:30", "小蔡", "分账的那部分应该也退回平台吧"),
        ("14:00:50", "老秦", "对"),
        ("14:03:00", "阿岚", "下午的评审改到四点了"),
    ])
    q = next(x for x in p.questions if x.message.n == 3)
    assert q.score < 0.6
    a = answers_of(p, 3)
    assert a and a[0].lead.n == 4
    assert any("a bare yes/no right after a yes/no check" in r for r in a[0].reasons)


def test_a_bare_yes_after_a_doubtful_intonation_check_with_a_remark_answers_it():
    p = analyse_day(START + [
        ("14:00:00", "老秦", "他们组今年招了两个应届生"),
        ("14:00:20", "小蔡", "三月毕业，一月就来上班了？挺早的"),
        ("14:00:40", "老秦", "嗯呢"),
    ])
    q = next(x for x in p.questions if x.message.n == 3)
    assert q.score < 0.6
    a = answers_of(p, 3)
    assert a and a[0].lead.n == 4


def test_a_bare_yes_does_not_answer_a_doubtful_question_with_a_question_word():
    # 哪家 asks for something a yes cannot give (the yes agrees with what was said before it)
    p = analyse_day(START + [
        ("14:00:00", "老秦", "这个通道的费率比别家高不少"),
        ("14:00:30", "小蔡", "话说他们现在接的哪家通道"),
        ("14:00:50", "老秦", "是的"),
    ])
    q = next(x for x in p.questions if x.message.n == 3)
    assert q.score < 0.6
    assert answers_of(p, 3) == []


def test_a_bare_yes_several_messages_after_a_doubtful_check_does_not_lower_the_bar():
    p = analyse_day(START + [
        ("14:00:00", "老秦", "他们组今年招了两个应届生"),
        ("14:00:20", "小蔡", "三月毕业，一月就来上班了？挺早的"),
        ("14:01:00", "阿岚", "下午的评审改到四点了"),
        ("14:01:20", "阿龙", "会议室订好了"),
        ("14:01:40", "阿岚", "投影也借到了"),
        ("14:02:00", "老秦", "对"),
    ])
    q = next(x for x in p.questions if x.message.n == 3)
    assert q.score < 0.6
    assert not any(any("a bare yes/no right after" in r for r in a.reasons) for a in answers_of(p, 3))
