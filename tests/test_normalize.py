from extractor.normalize import (
    copy_candidates,
    find_mentions,
    link_quotes,
    mark_copies,
    name_index,
    normalize,
    parse_body,
)
from extractor.records import RawMessage


def norm(body, sender="甲", n=0, time="10:00:00", known=None):
    return normalize(RawMessage(n=n, time=time, sender=sender, body=body), "src", "2024-01-02", name_index(known or []))


def test_mention_separators_question_mark_u2005_and_space():
    assert find_mentions("@陶冉-汇鑫-账务?官网就有") == (["陶冉-汇鑫-账务"], "@陶冉-汇鑫-账务 官网就有")
    assert find_mentions("@maple-汇安-技术\u2005你看下")[0] == ["maple-汇安-技术"]
    assert find_mentions("@黄一帆汇通宝产品 你说的是网点信息吧")[0] == ["黄一帆汇通宝产品"]
    assert find_mentions("请教 @甲 和 @乙?怎么做")[0] == ["甲", "乙"]


def test_known_names_keep_spaces_and_lost_characters():
    names, text = find_mentions("@苏晴晴 银联 开发?在吗", name_index(["苏晴晴 银联 开发"]))
    assert names == ["苏晴晴 银联 开发"] and text == "@苏晴晴 银联 开发 在吗"
    names, _ = find_mentions("@Howell?? 好的", name_index(["Howell??"]))
    assert names == ["Howell??"]


def test_nickname_with_a_space_ends_at_the_lost_separator():
    names, text = find_mentions("@Autumn 叶秋-汇鑫达-GM-SH?感谢分享")
    assert names == ["Autumn 叶秋-汇鑫达-GM-SH"] and text.endswith("感谢分享")


def test_emails_and_urls_are_not_mentions():
    assert find_mentions("发到 abc@example.com 就行")[0] == []
    assert find_mentions("见 https://example.com/@team/page")[0] == []


def test_image_link_emoji_and_kinds():
    m = norm("![2018-01-02 10:39:56](http://static.example.org/img/1.png)")
    assert m.kind == "image" and m.images == ["http://static.example.org/img/1.png"] and m.text == ""
    m = norm("[退款设计](https://example.com/a)")
    assert m.kind == "link" and m.links == [{"title": "退款设计", "url": "https://example.com/a"}] and m.text == "退款设计"
    m = norm("文档在这 http://doc.example.cn/x?id=1 你看下")
    assert m.kind == "text" and m.links[0]["url"] == "http://doc.example.cn/x?id=1"
    m = norm("[强][强][捂脸]")
    assert m.kind == "emoji" and m.emojis == ["强", "强", "捂脸"] and m.text == "[强][强][捂脸]"
    m = norm("[强]666")
    assert m.kind == "text" and m.body == "666"
    assert norm("").kind == "empty"
    assert norm("张三撤回了一条消息").kind == "system"
    assert norm("对账单.pdf").kind == "file"


def test_quoted_reply_is_split_from_the_reply():
    m = norm("「汇鑫付_周立_总监：一种是走同城清算」 - - - - - - - - - - - - - - - 啥叫账户的唯一性啊？")
    assert m.quote_sender == "汇鑫付_周立_总监"
    assert m.quote_text == "一种是走同城清算"
    assert m.text == "啥叫账户的唯一性啊？"


def test_entities_and_invisible_characters():
    p = parse_body("知乎专栏 &amp;#183;「支付」\u200e")
    assert p["text"] == "知乎专栏 ·「支付」"


def test_raw_is_kept_exactly():
    body = "@甲?看 [强] ![x](http://a/b.png)"
    assert norm(body).raw == body


def test_copies_same_second_same_text_two_names():
    msgs = [
        norm("早", sender="郑小川", n=0, time="09:01:44"),
        norm("早", sender="郑小川-某某外卖-技术", n=1, time="09:01:44"),
        norm("几度？", sender="郑小川", n=2, time="09:02:46"),
        norm("几度？", sender="郑小川-某某外卖-技术", n=3, time="09:02:46"),
        norm("几度？", sender="别人", n=4, time="09:02:47"),
    ]
    cands = copy_candidates(msgs)
    assert (0, 1) in cands and (2, 3) in cands and not any(j == 4 for _, j in cands)
    marked = mark_copies(msgs, cands, lambda a, b: {a, b} == {"郑小川", "郑小川-某某外卖-技术"})
    assert msgs[1].copy_of == msgs[0].id and msgs[3].copy_of == msgs[2].id
    assert msgs[0].copy_of is None and msgs[4].copy_of is None
    assert len(marked) == 2


def test_interleaved_copies_pair_by_known_names():
    msgs = [
        norm("二类户开立", sender="我", n=0, time="06:43:34"),
        norm("新群的分享", sender="方明远", n=1, time="06:43:34"),
        norm("新群的分享", sender="我", n=2, time="06:43:35"),
        norm("二类户开立", sender="方明远", n=3, time="06:43:35"),
    ]
    # different seconds: not copies
    assert copy_candidates(msgs) == []


def test_a_short_coincidence_is_not_a_copy_on_an_ordinary_day():
    msgs = [norm("[强]", sender="甲", n=0), norm("[强]", sender="乙", n=1)] + [
        norm(f"消息{i}", sender="丙", n=i, time=f"11:{i:02d}:00") for i in range(2, 40)
    ]
    cands = copy_candidates(msgs)
    assert cands == [(0, 1)]
    mark_copies(msgs, cands, lambda a, b: a == b)
    assert msgs[1].copy_of is None


def test_quotes_resolve_to_the_quoted_message():
    msgs = [
        norm("全额结算手续费是结算后扣吧", sender="温言", n=0),
        norm("别的话题", sender="乙", n=1),
        norm("「温言-某房通:全额结算手续费是结算后扣吧」 - - - - - - - - 是的", sender="丙", n=2),
    ]
    link_quotes(msgs, lambda q, s: s == "温言")
    assert msgs[2].reply_to == msgs[0].id
