"""The published/unpublished decision: substance is published, logistics, banter, contact hunting
and bare follow-ups are kept but not published; every decision has a score and its reasons."""
import json

import sqlite_utils

from extractor import pipeline

# a day of a payments group: a few substantive threads, and the chat around them
DAY = [
    ("09:00:00", "林晓峰", "请教下各位，代金券参与的订单做部分退款，券的金额怎么分摊？"),
    ("09:01:00", "周敏", "按商品行的实付比例分摊，最后一笔退款用减法兜底"),
    ("09:02:00", "林晓峰", "明白了，多谢"),
    ("09:10:00", "赵一鸣", "T+1 对账的时候渠道有我们没有的单子，你们一般怎么处理？"),
    ("09:11:00", "王磊", "先查是不是日切时间不一致，跨日的单子第二天会自动平"),
    ("09:12:00", "赵一鸣", "并发量？"),
    ("09:13:00", "王磊", "日均两百万笔，峰值三千 TPS"),
    ("09:20:00", "陈安", "群里有先锋支付的产品么？"),
    ("09:21:00", "刘一洋", "我认识一个，私聊你"),
    ("09:30:00", "孙悦", "今晚的分享几点开始？"),
    ("09:31:00", "刘一洋", "八点"),
    ("09:40:00", "何平", "中午大家吃什么？"),
    ("09:41:00", "孙悦", "楼下的面馆"),
    ("09:50:00", "郑凯", "有没有做过跨境收单清算的朋友，外卡的拒付一般怎么处理？"),
    ("09:52:00", "周敏", "先看拒付原因码，欺诈类的走举证，要在时限内提交材料"),
]


def _questions(tmp_path, write_day, more=()):
    """The questions of a built day (DAY, then ``more``), by text."""
    write_day("支付群", "2024-03-11", DAY + list(more))
    db_path = str(tmp_path / "kb.db")
    pipeline.build([str(tmp_path / "chats")], db_path)
    db = sqlite_utils.Database(db_path)
    rows = {r["text"]: r for r in db.query("select text, published, publish_score, publish_reasons from questions")}
    db.close()
    return rows


def _finds(pattern, yes, no):
    """``pattern`` finds something in each text of ``yes`` and nothing in those of ``no``."""
    for text in yes:
        assert pattern.search(text), text
    for text in no:
        assert not pattern.search(text), text


def _unpublished_for(rows, fragment, reason):
    """The question whose text has ``fragment`` is kept unpublished, with ``reason`` among its reasons."""
    found = [r for t, r in rows.items() if fragment in t]
    assert found and not found[0]["published"] and reason in found[0]["publish_reasons"]


def test_substance_is_published_and_the_rest_is_kept_unpublished(tmp_path, write_day):
    qs = _questions(tmp_path, write_day)
    published = {t for t, r in qs.items() if r["published"]}
    assert any("代金券" in t for t in published)
    assert any("对账" in t for t in published)
    assert any("拒付" in t for t in published)  # looking for experience with a topic, then asking it
    # a short question following up the asker's own question just before it is the next step of that inquiry
    assert qs["并发量？"]["published"] and "following up the asker's own question" in qs["并发量？"]["publish_reasons"]
    for text, why in [("群里有先锋支付的产品么？", "contact at a company"),
                      ("今晚的分享几点开始？", "logistics"), ("中午大家吃什么？", "small talk")]:
        assert text in qs, f"{text} should still be a stored question"
        assert not qs[text]["published"], text
        assert any(why in r for r in json.loads(qs[text]["publish_reasons"])), (text, qs[text]["publish_reasons"])


def test_every_decision_has_a_score_and_reasons(tmp_path, write_day):
    for r in _questions(tmp_path, write_day).values():
        assert 0.0 <= r["publish_score"] <= 1.0
        assert json.loads(r["publish_reasons"]) or not r["published"]


def test_this_fields_own_words_are_not_group_logistics():
    """二维码 (QR payments), 密码 (payment passwords), 营销活动, IP地址 and 停车场 are payment topics;
    the group's own QR code, a share's password and an event's address are logistics."""
    from extractor.curate import LOGISTICS

    for text in ["银联二维码的编码规则和微信的一样吗？", "他们支付密码设置咋做的？", "建行二维码支持满减活动么？",
                 "停车场出场直接扣款算不算二清？", "回调地址是配在商户后台吗？", "数据库链接池一般配多大？"]:
        assert not LOGISTICS.search(text), text
    for text in ["群二维码过期了，谁再发一个？", "网盘的提取码是多少？", "活动地址在哪？", "能发下链接吗？", "今晚的分享几点开始？"]:
        assert LOGISTICS.search(text), text


def test_payment_scenarios_are_not_small_talk():
    from extractor.curate import BANTER, LOGISTICS

    for text in ["是不是银行根据发货单付钱给发货方？", "确认发货以后担保交易的钱才结算给卖家吗？",
                 "云闪付红包这个推送模板所有商户都可以用吗？", "微信红包的资金是走零钱账户吗？"]:
        assert not BANTER.search(text) and not LOGISTICS.search(text), text
    for text in ["读研的时候玩啥游戏？", "为啥我买的书还没发货", "谁来个红包"]:
        assert BANTER.search(text) or LOGISTICS.search(text), text


def test_forms_of_address_are_people_not_subject_words():
    """老邵, 李总, 邵老师 name the person spoken to: neither a subject of the group nor a keyword,
    however often they come up; 老板, 总账, 小米 and 老用户 stay words."""
    from extractor.answers import Idf
    from extractor.curate import _may_weigh, keywords, topic_words
    from extractor.records import Message, Question

    for w in ["老邵", "老姜", "李总", "邵总", "姜老师", "高工", "马哥"]:
        assert not _may_weigh(w), w
    for w in ["老板", "总账", "小米", "清算", "老用户"]:
        assert _may_weigh(w), w
    # in a group where 李总 is asked everything, 李总 is frequent but still no subject
    df = {"李总": 40, "分账": 40, "协议": 40}
    idf = Idf(df, 2000)
    assert topic_words(["李总", "分账"], idf) == ["分账"]
    m = Message(id="s:1", source_id="s", n=1, line=1, date=None, time=None, timestamp=None, seconds=None,
                sender="甲", raw="李总，分账要签什么协议？", text="李总，分账要签什么协议？", kind="text",
                body="李总，分账要签什么协议？", tokens=["李总", "，", "分账", "要", "签", "什么", "协议", "？"])
    q = Question(message=m, context=[], score=0.9, reasons=[], asker="甲")
    assert "李总" not in keywords(q, idf)


def test_pet_names_and_chatty_words_are_no_subject():
    """柏哥, 芳姐, 萱萱 name a member; 小伙伴, 童鞋, 玩意, 搞定, 弱弱 are how a chat talks; none is the group's
    subject, however often it comes up. Doubled Latin letters (II 类户, QQ) and 汇总 stay words."""
    from extractor.answers import Idf
    from extractor.curate import _may_weigh, topic_words

    for w in ["柏哥", "芳姐", "萱萱", "苗苗", "恩恩", "棒棒", "小伙伴", "童鞋", "玩意", "搞定", "弱弱", "干货"]:
        assert not _may_weigh(w), w
    for w in ["ii", "qq", "汇总", "清分", "哥伦比亚"]:
        assert _may_weigh(w), w
    df = {"萌萌": 40, "小伙伴": 40, "分润": 40}
    idf = Idf(df, 2000)
    assert topic_words(["萌萌", "小伙伴", "分润"], idf) == ["分润"]


def test_a_thread_of_banter_with_a_member_is_not_published(tmp_path, write_day):
    day = [("10:00:00", "林晓峰", "萌萌，你周末又去哪浪了？"),
           ("10:01:00", "周敏", "萌萌肯定去逛街了"),
           ("10:02:00", "林晓峰", "萌萌，萌萌，快出来"),
           ("10:03:00", "王磊", "萌萌在开会吧"),
           ("10:05:00", "赵一鸣", "萌萌又在摸鱼？"),
           ("10:06:00", "周敏", "萌萌你的小伙伴们都在等你"),
           ] * 3
    write_day("支付群", "2024-03-12", day)
    write_day("支付群", "2024-03-11", DAY)
    db_path = str(tmp_path / "kb.db")
    pipeline.build([str(tmp_path / "chats")], db_path)
    db = sqlite_utils.Database(db_path)
    for r in db.query("select text, publish_reasons from questions where text like '%萌萌%'"):
        assert "萌萌" not in r["publish_reasons"], r
    db.close()


def test_looking_for_a_person_is_not_knowledge():
    """Who knows whom, adding a member on WeChat, talking in private, asking for an introduction: an
    introduction, not knowledge. Knowing (了解) a topic, a user's contact details as account data stay."""
    from extractor.curate import SEEKS_PERSON

    _finds(SEEKS_PERSON, ["有谁认识招商银行信用卡中心的人吗？", "你认识他们的技术负责人么", "我加你微信了，方便私聊吗？",
                 "哪位能给一下某某支付的商务联系方式？", "有做跨境的朋友求介绍", "能推荐一个懂清算的朋友给我么"],
           ["对风控的认识是不是太浅了？", "商户信息里要不要存联系方式？", "加密以后私钥放哪里？",
                 "这个接口加签怎么做？", "你们对账户体系怎么理解的？"])


def test_chat_artefacts_are_no_subject_words():
    """Placeholders (xx), pieces of links (http, com), WeChat and QQ ids, English little words and
    jieba's glue of an adverb to a word (哪块, 才行) are no subject; the field's Latin terms stay."""
    from extractor.curate import _may_weigh

    for w in ["xx", "xxx", "yy", "http", "com", "wxid", "abc123def456", "q12345678", "at", "to", "哪块", "才行", "没试", "刚看"]:
        assert not _may_weigh(w), w
    for w in ["p2p", "b2b", "h5", "t0", "sha256", "mysql", "人行", "不良", "iphone"]:
        assert _may_weigh(w), w


def test_rude_words_are_a_rant_not_a_question_of_the_field():
    from extractor.curate import BANTER

    _finds(BANTER, ["这是哪个白痴定的需求？", "还有比这更扯淡的规定吗", "卧槽，这也行？"],
           ["白名单和黑名单哪个先判断？", "扣款失败要不要重试？"])


def test_a_job_board_is_not_published_but_careers_are(tmp_path, write_day):
    """Posting a job or looking for one (求职, 招聘, 找坑, 还招人吗) is a job board, not knowledge; how
    people of the field find jobs is a question of careers. A member's name saying 求职 is no cue."""
    from extractor.curate import JOB_HUNT

    _finds(JOB_HUNT, ["上海求职，支付产品经理，有合适的麻烦推荐", "发个招聘：招清结算开发，坐标杭州", "你们部门还招人吗", "找坑中，三年风控经验"],
           ["做支付产品的一般几年能做到总监？", "你们找工作都是靠朋友介绍吗？", "清算系统要招什么样的开发？"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "深圳求职，做过几年产品，有合适的机会麻烦推荐一下？"),
        ("10:01:00", "周敏", "@王五(求职中) 对账文件里的手续费字段，渠道一般是按笔给还是汇总给？"),
        ("10:02:00", "王五", "按笔给的多，也有汇总的"),
    ])
    _unpublished_for(rows, "深圳求职", "looks for a job")
    fee = [r for t, r in rows.items() if "手续费字段" in t]
    assert fee and "looks for a job" not in fee[0]["publish_reasons"]


def test_the_groups_own_talks_and_meetups_are_logistics(tmp_path, write_day):
    """When a member will give a talk, whether last time's talk has notes, a meetup to organise: the
    group's own life, not knowledge. Asking for material on a subject, or about a product's sharing
    feature, is no such cue."""
    from extractor.curate import TALKS

    _finds(TALKS, ["张老师什么时候给大家讲讲风控的分享呀？", "上周的分享有人整理成文档了吗", "广州的朋友啥时候组织一次聚会？",
                 "哪天方便来做一期清结算的分享", "深圳这边能不能组织一场线下交流？"],
           ["有没有对账差错处理的资料可以分享一下？", "分享出去的支付链接多久失效？", "分账的比例一般什么时候确定？",
                 "组织机构代码证还要不要交？", "共享账户的额度怎么分配？"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "王老师什么时候再给我们做一期分享？"),
        ("10:01:00", "王磊", "下个月吧"),
    ])
    _unpublished_for(rows, "做一期", "own talks")


def test_a_members_own_investing_is_small_talk():
    """Trading stocks or coins for oneself (炒股, 抄底, 涨停) is market chat; the securities and clearing
    systems of the field (股票交易的结算, 证券账户) are not."""
    from extractor.curate import BANTER

    _finds(BANTER, ["最近炒股亏了不少吧？", "这波要不要抄底？", "你们还在炒币吗", "股市这么差还有人买吗？"],
           ["股票交易的资金结算是T+1吗？", "证券账户和银行账户怎么做三方存管？", "券商的清算系统怎么对账？"])


def test_where_a_member_works_is_a_personal_question():
    """你是在某银行吗, 你现在在上海么, 你们公司多少人: about the member; 你是在说清分吧 and where a test
    was run (在生产环境测的吗) are about the subject."""
    from extractor.curate import PERSONAL

    _finds(PERSONAL, ["老哥你是在招商银行吗？", "你现在在杭州么", "你们公司多少人啊", "您团队几个人？"],
           ["你是在说退款吧？", "你是在生产环境测的吗？", "你现在在测试环境？", "你还在用旧版接口吗",
                 "你们风控团队怎么分工？", "你是在线上改的吗"])


def test_where_the_difference_lies_is_substance_not_a_place():
    """区别在哪, 难点在哪里, 问题到底在哪: a question of substance; 会场在哪, 地址在哪里 stay logistics.
    发下 (send it) is logistics, the end of 并发, 开发 or 代发 is not."""
    from extractor.curate import ABSTRACT_WHERE, LOGISTICS

    def logistics(text):
        return LOGISTICS.search(ABSTRACT_WHERE.sub("", text))

    for text in ["快捷支付和网关支付的区别在哪里？", "这种架构的难点主要在哪", "对账差错的原因到底在哪儿？",
                 "在高并发下，订单号怎么生成？", "开发下一个版本要多久？", "代发下月工资走哪个通道？"]:
        assert not logistics(text), text
    for text in ["明天的会场在哪？", "活动地址在哪里", "课件能发下吗", "上次的资料可以一并发一下吗"]:
        assert logistics(text), text


def test_where_in_a_process_is_substance_not_a_place():
    """Where a thing of the field is done, used or kept (退货凭证在哪里生成, 授权书是在哪里签的, 这笔保证金沉淀在哪,
    在哪个环节做校验, 分账一般用在哪里, 这模式的盈利点在哪): how it works, not a place; where a member or a
    meetup is (你在哪, 工作地点在哪, 会场在哪里) stays logistics."""
    from extractor.curate import ABSTRACT_WHERE, LOGISTICS

    def logistics(text):
        return LOGISTICS.search(ABSTRACT_WHERE.sub("", text))

    for text in ["退货凭证在哪里生成？", "授权书是在哪里签的", "这笔保证金沉淀在哪？", "一般在哪个环节做风险校验",
                 "分账一般用在哪里呢", "这种模式的盈利点在哪里", "冲正记录存放在哪个系统？", "它的不足在哪儿"]:
        assert not logistics(text), text
    for text in ["你在哪？", "老周工作地点在哪", "周六的会场在哪里", "刚才那篇文章在哪", "红包在哪里抢"]:
        assert logistics(text), text


def test_asking_for_a_file_or_a_link_is_a_favour_not_knowledge(tmp_path, write_day):
    """发我一份, 能再发一下吗, 有完整版吗, 导一份出来: a member asks for a file to be sent, which is no
    knowledge to publish; sending an instruction again (再发一次代付) or telling us (发给我们的) is not it."""
    from extractor.curate import ASKS_FILE

    _finds(ASKS_FILE, ["那本书谁有，发我一份好吗？", "上次那个文档方便再发一下吗", "有完整版吗？", "你能导一份给我么",
                 "能否发我下么？", "链接发给我一下"],
           ["失败以后要不要再发一次代付？", "银行发给我们的对账文件是什么格式？", "开发我们自己的网关值得吗？",
                 "确认收款以后再发货可以吗？"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "谁有清算系统设计的电子书，发我一份可好？"),
        ("10:01:00", "王磊", "我有，私你"),
    ])
    _unpublished_for(rows, "发我一份", "a file or a link")


def test_asking_whether_someone_from_a_company_is_here_looks_for_a_contact():
    """有某某公司的人在吗, 某某的朋友在吗, 有人在这个群里么: looking for a contact; people 'in' a product
    (招行以外的人在用) are not."""
    from extractor.curate import SEEKS_CONTACT

    _finds(SEEKS_CONTACT, ["有某某金融的人在吗", "某某支付的朋友在吗？", "某某科技有人在这个群么？", "有某某的兄弟们在么"],
           ["我没看到招行以外的人在用这个钱包", "群里的人在讨论什么？", "商户的人在线下怎么签约？"])


def test_a_favour_asked_of_members_is_unpublished_whatever_its_subject(tmp_path, write_day):
    """A favour (a link sent, an introduction, a job, a talk) stays unpublished even when many words of
    the field name what is wanted: the words say what the favour is about, not that it is knowledge."""
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴静", "@周敏 能麻烦把网联协议支付和银联无卡快捷的接口规范链接发我一下吗？"),
        ("10:01:00", "周敏", "好的"),
        ("10:05:00", "钱程", "谁认识跨境收单外卡清算拒付处理做得好的商户经理？我加你微信请教"),
        ("10:06:00", "孙悦", "我认识一个"),
    ])
    for fragment, reason in [("接口规范链接", "a file or a link"), ("商户经理", "a person to talk to")]:
        _unpublished_for(rows, fragment, reason)
    assert any("代金券" in t and r["published"] for t, r in rows.items())  # the questions of substance stay


def test_asking_how_it_is_done_or_how_things_differ_counts_for_publishing(tmp_path, write_day):
    """How something is done, how two things differ, how well it performs, how to see it: the questions
    a knowledge base keeps. Why-questions, offers of help and the chat's own 怎么了 are not this."""
    from extractor.curate import HOW

    _finds(HOW, ["高并发下订单号如何生成？", "你们的退款流程是怎么设计的", "这两种记账方式有什么区别", "这个方案性能如何？",
                 "大家怎么看这个新规"],
           ["为什么这么贵啊", "有什么问题？我懂一些", "今晚怎么这么冷", "怎么了", "你怎么还没下班"])
    rows = _questions(tmp_path, write_day, [("10:00:00", "吴静", "你们的退款流程是怎么设计的？")])
    found = [r for t, r in rows.items() if "退款流程" in t]
    assert found and "asks how it is done" in found[0]["publish_reasons"]


def test_the_chat_app_and_the_groups_own_reading_are_not_the_fields_technology(tmp_path, write_day):
    from extractor.curate import CHAT_TOOLS
    _finds(CHAT_TOOLS,
           ["有谁知道怎么翻墙看外网", "你平时用哪个输入法打字", "帮我把这个转到朋友圈好吗", "怎么把群聊天记录导出来",
            "昨天那篇文章看不了了，谁还有？", "这张图片怎么打不开", "打不开链接，能再发下吗"],
           ["收银台页面打不开怎么排查", "退款看不到记录是渠道的问题吗", "代扣接口怎么对接",
            "对账文件的记录怎么落库"])
    qs = _questions(tmp_path, write_day, [
        ("10:00:00", "孙悦", "有人知道微信的聊天记录怎么导出到电脑上吗？"),
        ("10:01:00", "何平", "用电脑版微信的备份功能"),
    ])
    _unpublished_for(qs, "聊天记录", "about the chat app")


def test_the_cheap_check_before_the_meaning_pattern_holds_for_each_of_its_forms():
    """_asks_meaning tries MEANING only on a lead that holds one of its fixed parts (_MEANING_HINT):
    every form MEANING finds must hold one, or a question would lose its term."""
    from extractor.curate import _MEANING_HINT, MEANING

    forms = ["什么叫拒付", "什么叫做清分", "啥叫头寸", "何谓轧差", "头寸是什么意思", "轧差啥意思", "清分到底是啥意思",
             "风控引擎是个什么东西", "备付金是个啥", "T0指的是什么", "T1是指？", "对账的英文是什么", "清算全称叫啥",
             "PCI缩写", "结算的全拼怎么说"]
    for text in forms:
        assert MEANING.search(text), text
        assert _MEANING_HINT.search(text), text


def test_asking_what_a_term_of_the_field_means_is_published_however_short(tmp_path, write_day):
    """什么叫X, X是什么意思, X是指, X的英文: the question names its subject, so it stands on its own
    however short it is, and the definition is what a knowledge base keeps. Not a pronoun or an
    adverb as the term, not the rhetorical 见识下什么叫…, and not an everyday word asked in banter."""
    from extractor.curate import MEANING

    _finds(MEANING, ["什么叫拒付？", "啥叫清分", "头寸是什么意思？", "T0是指？", "对账的英文怎么说",
                     "风控引擎究竟是个什么东西"],
           ["让你见识下什么叫速度", "为什么叫这个名字", "今天大家都很忙"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴静", "什么叫拒付？"),
        ("10:01:00", "周敏", "持卡人不认这笔交易，让发卡行把钱扣回去"),
        ("10:05:00", "何平", "你这是什么意思？"),
        ("10:06:00", "吴静", "没别的意思"),
        ("10:10:00", "孙悦", "悠哉啥意思？"),
        ("10:11:00", "何平", "就是闲着呗"),
    ])
    asked = [r for t, r in rows.items() if t.startswith("什么叫拒付")]
    assert asked and asked[0]["published"] and "asks what a term means (拒付)" in asked[0]["publish_reasons"]
    for fragment in ("你这是什么意思", "悠哉啥意思"):
        found = [r for t, r in rows.items() if fragment in t]
        assert not found or "asks what a term means" not in found[0]["publish_reasons"]


def test_when_a_member_joined_or_where_they_worked_before_is_a_personal_question():
    """你哪年去的那家银行, 您之前是某某科技的吧, 王总现在在风控部门？: the member's career, not the field's;
    how they did something before (你以前是怎么做对账的, 你之前是在测试环境吗) is the field's."""
    from extractor.curate import PERSONAL

    _finds(PERSONAL, ["你哪年去的那家银行？", "您之前是某某科技的吧", "王总现在在风控部门？", "你什么时候入职的",
                      "你以前在某某支付吗"],
           ["你以前是怎么做对账的？", "你之前是在测试环境跑的吗", "这个接口现在在哪个部门维护？",
            "你之前是这样处理退款的吗", "什么时候到账？"])


def test_looking_for_experience_in_the_group_is_no_group_logistics(tmp_path, write_day):
    """群里有没有做过X的, 群里有熟悉X的同学吗: looking for experience with a subject, not the group's
    logistics; 群里 about the group itself (群里发个通知, 群里人太多了) still is."""
    from extractor.curate import GROUP_EXPERIENCE, LOGISTICS

    for text in ["群里有没有做过跨境收单对账的？", "群里有熟悉预付卡备案的同学吗", "群里面哪位了解海外代扣？"]:
        assert not LOGISTICS.search(GROUP_EXPERIENCE.sub("", text)), text
    for text in ["群里发个通知好吗", "群里人太多了吧？"]:
        assert LOGISTICS.search(GROUP_EXPERIENCE.sub("", text)), text
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴静", "群里有没有做过跨境收单对账的？"),
        ("10:01:00", "周敏", "做过，外币的要先按清算汇率折算"),
    ])
    found = [r for t, r in rows.items() if "跨境收单对账" in t]
    assert found and "group logistics" not in found[0]["publish_reasons"]


def test_asking_what_it_is_done_with_counts_for_publishing(tmp_path, write_day):
    """用什么X画的, 用的啥框架, 一般用哪个, 采用哪种: which tool or technique does the work, a question a
    knowledge base keeps as it keeps how it is done; not a shrug (不管用什么, 管他用什么) or a refusal to choose."""
    from extractor.curate import HOW

    _finds(HOW, ["这种时序图平时用什么软件画的？", "你们网关现在用的啥框架", "排队削峰一般都用哪个中间件",
                 "他们家结算引擎采用哪种语言写的"],
           ["管他用什么，先跑起来再说", "这俩不能用哪个都行", "不用什么特别的"])
    rows = _questions(tmp_path, write_day, [("10:00:00", "吴静", "这种时序图平时用什么软件画的？"),
                                            ("10:01:00", "周敏", "我一般在网页上的绘图工具里画")])
    found = [r for t, r in rows.items() if "时序图" in t]
    assert found and found[0]["published"] and "(用什么)" in found[0]["publish_reasons"]


def test_the_official_account_as_a_payment_channel_is_no_group_logistics():
    """公众号 alone is a channel of this field (公众号支付, 用公众号调起收银台); an account a member writes,
    follows or reads (你的公众号, 关注了某个公众号, 那个公众号的文章) is the group's reading."""
    from extractor.curate import LOGISTICS

    _finds(LOGISTICS, ["你的公众号叫什么来着", "大家关注过那个讲清算的公众号吗", "这个公众号的文章写得真细"],
           ["服务号里的公众号支付能不能分账？", "用公众号调起收银台要配授权目录吗", "小程序和公众号的支付接口一样吗"])


def test_a_short_question_following_up_the_askers_own_question_is_no_bare_fragment(tmp_path, write_day):
    """A short question (那限额呢？, 都有哪些原因？) right after the asker's own published question, with no one
    else asking since, is the next step of one inquiry: the earlier question names its subject, so it
    loses the short-question penalty. After another member's question it is a fragment again."""
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴静", "请教下各位，境外发卡行发起的拒付一般怎么举证？"),
        ("10:02:00", "周敏", "先调原始交易凭证，再按卡组织规则在时限内提交材料"),
        ("10:03:00", "吴静", "凭证要盖章吗？"),
        ("10:04:00", "周敏", "电子凭证就行，卡组织认"),
        ("10:20:00", "何平", "代扣签约的鉴权短信一般由哪一方下发？"),
        ("10:21:00", "孙悦", "有人知道退票手续费的分摊规则吗？"),
        ("10:22:00", "何平", "鉴权通道呢？"),
        ("10:23:00", "周敏", "鉴权走的是渠道自己的通道"),
    ])
    follow = [r for t, r in rows.items() if t.startswith("凭证要盖章")]
    assert follow and follow[0]["published"], follow
    assert "following up the asker's own question" in follow[0]["publish_reasons"]
    after_other = [r for t, r in rows.items() if t.startswith("鉴权通道呢")]
    assert after_other and "a short question, meaningless outside" in after_other[0]["publish_reasons"]


def test_a_private_chat_by_any_name_is_looking_for_a_person():
    """私聊 and 单聊 alike: moving the talk to a private chat is no question of the field."""
    from extractor.curate import SEEKS_PERSON

    _finds(SEEKS_PERSON, ["还是单聊吧？", "方便私聊吗"], ["单笔限额是多少", "聊聊清算的流程"])


def test_please_share_asks_for_a_file_or_a_talk(tmp_path, write_day):
    """求分享 (please share it) asks a member for their material, a document or a talk: a favour, which
    the knowledge base has nothing to keep of, whatever field words say what is wanted. Looking for a
    named document (谁有…的pdf？求分享) is left to the other cues."""
    from extractor.curate import PLEASE_SHARE, _WHO_HAS

    _finds(PLEASE_SHARE, ["@老周 求分享一下", "求分享你们那份上线检查清单"], ["分享出去的收款码多久失效？", "这个求和怎么算"])
    assert _WHO_HAS.search("谁手上有清分对账的资料？") and _WHO_HAS.search("有没有网关改造的方案")
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "@周敏 求分享一下你们拒付举证的材料模板"),
        ("10:01:00", "周敏", "回头私你"),
        ("10:05:00", "钱程", "谁收藏了差错处理的规则清单？求分享"),
        ("10:06:00", "王磊", "我有"),
    ])
    _unpublished_for(rows, "拒付举证", "share their material")
    found = [r for t, r in rows.items() if "差错处理" in t]
    assert found and "share their material" not in found[0]["publish_reasons"]


def test_which_company_a_member_is_from_is_a_personal_question(tmp_path, write_day):
    """你是某某集团的？, 您原来也是某某银行的？: who the member is; 你是按笔收费的吗 (how they do it),
    你是说清分的吗 (what they mean) are about the subject."""
    from extractor.curate import PERSONAL

    _finds(PERSONAL, ["你是某某集团的？", "您原来也是某某银行的？", "你之前是做收单的吗"],
           ["你是按笔收费的吗？", "你是说清分的吗", "你是用消息队列实现的？", "你是直连银行还是走卡组织？",
            "你是不是算错了手续费？"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "@周敏 你是某某聚合支付那边的？"),
        ("10:01:00", "周敏", "不是"),
    ])
    _unpublished_for(rows, "那边的", "a personal question")


def test_the_host_asking_for_more_questions_is_the_sessions_logistics(tmp_path, write_day):
    """各位还有啥疑问吗 after a talk runs the session; 这个方案还有什么问题吗 asks about the subject."""
    from extractor.curate import LOGISTICS

    _finds(LOGISTICS, ["大家还有啥疑问么？", "各位还有其他疑问么", "大家还有问题吗~"],
           ["这个方案还有什么问题吗", "还有什么问题会导致掉单？", "对账大家有什么好办法"])
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "周敏", "分录就讲到这里，各位还有啥疑问吗？"),
        ("10:01:00", "王磊", "没了，谢谢"),
    ])
    _unpublished_for(rows, "还有啥疑问", "group logistics")


def test_how_with_any_verb_in_the_ask_counts_for_publishing(tmp_path, write_day):
    """怎么/咋 before a verb the list of HOW does not name (怎么流转, 咋核销, 怎么定价) asks how it is done as
    well; not 'how come' (怎么还没…, 怎么突然…, 你怎么在…), not surprise closed by 了, not a rhetorical
    potential complement (怎么付得起), not what now (怎么办, 咋整), and only in the asking message."""
    from extractor.curate import HOW_VERB

    _finds(HOW_VERB, ["预付卡的余额怎么核销", "退回的手续费咋入账的", "分润比例一般怎么定价？", "这笔垫资怎么回收呢"],
           ["你怎么还没下班", "利率怎么突然涨了", "他怎么在那家公司", "这报价谁怎么付得起啊", "接口又挂了咋整",
            "怎么办呢", "不知道怎么描述", "他们怎么都换工作了"])
    rows = _questions(tmp_path, write_day, [("10:00:00", "吴静", "平台垫付的营销款怎么回收呢？"),
                                            ("10:01:00", "周敏", "月底跟合作方按对账单轧差")])
    found = [r for t, r in rows.items() if "营销款" in t]
    assert found and found[0]["published"] and "(怎么回收)" in found[0]["publish_reasons"]


def test_where_a_line_is_drawn_or_the_money_sits_is_substance_not_a_place():
    """界限在哪, 边界在哪里, 资金到底在哪, 问题点在哪 and where a thing is filed or booked (在哪里备案, 在哪记, 在哪压测):
    how the field's rules, funds and books work; a member's office or a meetup (办公室在哪, 聚餐在哪里) stays
    logistics."""
    from extractor.curate import ABSTRACT_WHERE, LOGISTICS

    def logistics(text):
        return LOGISTICS.search(ABSTRACT_WHERE.sub("", text))

    for text in ["返现和补贴的界限在哪？", "合规的边界到底在哪里", "清算前这笔资金究竟在哪儿", "那真正的问题点在哪呢",
                 "储值卡要在哪里备案？", "预授权的冻结款在哪记", "大促前你们在哪压测"]:
        assert not logistics(text), text
    for text in ["你们办公室在哪", "周五聚餐在哪里", "刚说的那个文档在哪儿"]:
        assert logistics(text), text


def test_asking_the_group_who_knows_a_subject_is_no_group_logistics():
    """群里有人清楚X吗, 群里有没有接触过X的, 群里哪位实践过X: looking for knowledge of a subject, as 群里有做过X的
    is; 群里 about the group itself (群里发个通知, 群里还有名额吗) stays logistics."""
    from extractor.curate import GROUP_EXPERIENCE, LOGISTICS

    def logistics(text):
        return LOGISTICS.search(GROUP_EXPERIENCE.sub("", text))

    for text in ["群里有人清楚网联的差错规则吗", "群里有没有接触过境外钱包的", "群里哪位实践过双活机房切换",
                 "群里有谁知道虚拟卡的发行流程"]:
        assert not logistics(text), text
    for text in ["群里发个通知吧", "群里还有空位吗"]:
        assert logistics(text), text


def test_a_ma_clause_the_sender_answers_in_the_same_breath_is_not_published(tmp_path, write_day):
    """预授权不都要冻结么 所以… / 能撤销吗，那就…: a premise or an echo, then the sender's own point (那/所以/
    说明/关键/没准…): no ask left to the others. Not when the next clause asks again (…吗 那会不会…), nor when
    那 is 'that' (…吗 那个终端), nor the asker's own reason after a real ask (…吗 就是想了解下)."""
    from extractor.curate import SELF_ANSWERED, _ASKS_AGAIN

    def self_answered(text):
        m = SELF_ANSWERED.search(text)
        return bool(m and not _ASKS_AGAIN.search(m.group(1)))

    for text in ["预授权不都要冻结么 所以完成时再扣款就行", "@周敏 能撤销吗，那就按冲正的流程走一遍",
                 "渠道没回调吗 说明掉单要靠主动查询补回来", "银行也要做分账么，关键看监管让不让接"]:
        assert self_answered(text), text
    for text in ["渠道没回调吗 那会不会重复扣款", "收银台确定是离线的吗 那个刷卡终端",
                 "有人做过分账吗 就是想了解下流程", "能撤销吗？", "对账文件几点出来呢，那边一直没给"]:
        assert not self_answered(text), text
    rows = _questions(tmp_path, write_day, [
        ("10:00:00", "吴昊", "预授权不都要冻结么 所以完成时再扣款就行，清算也按完成的金额走"),
        ("10:01:00", "周敏", "对"),
    ])
    _unpublished_for(rows, "预授权不都要冻结么", "the sender answers in the same breath")
