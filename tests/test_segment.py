"""The fast segmenter gives exactly what jieba.lcut gives; jieba stays the reference and fallback."""

import jieba
import pytest

from extractor import segment
from tests.conftest import CORPUS, needs_shared

SAMPLES = [
    "请教下各位，代金券参与的订单做部分退款，券的金额怎么分摊？",
    "项目文档： http://docs-demo.example.cn  由于证书续期问题，原来的docs.demo.example.cn被暂停了",
    "T+1对账的时候渠道有我们没有的单子 3.5%的费率 iPhone12 和 A股 4S店 c++ QQ号",
    "微信支付V3接口、支付宝2.0版本，api-v2.example.com/pay?x=1&y=2 #标签# 100元",
    "第一行\r\n第二行\n\t第三行  两个空格",
    "㐀㐁 兀 羽 \U00020000 罕见字和兼容字",
    "!!!???。。。[强][强] @张三 哈哈哈",
    "",
    "abc",
    "测试test测试123测试",
]


@pytest.mark.skipif(segment.BACKEND != "rjieba", reason="rjieba is not installed: jieba itself is used")
@pytest.mark.parametrize("text", SAMPLES)
def test_fast_segmentation_is_jiebas(text):
    assert segment.lcut(text) == jieba.lcut(text)


def test_jieba_is_the_fallback(monkeypatch):
    monkeypatch.setattr(segment, "BACKEND", "jieba")
    for text in SAMPLES:
        assert segment.lcut(text) == jieba.lcut(text)


def test_words_and_search_text():
    assert segment.words("用Python做退款") == ["用", "python", "做", "退款"]
    # sub-words of long words come from jieba's dictionary
    assert segment.search_text(["退款单"]) == "退款 退款单"
    short, other = segment._short_words(), segment._other_words()
    assert "退款" in short and all(2 <= len(w) <= 3 for w in list(short)[:1000])
    assert "A股" in other


@needs_shared(CORPUS)
@pytest.mark.skipif(segment.BACKEND != "rjieba", reason="rjieba is not installed: jieba itself is used")
def test_identical_on_a_sample_of_the_corpus():
    """The benchmark checks every message of the corpus; this, a sample of its days."""
    from extractor import pipeline
    from extractor.readers import iter_files, read_bytes

    files = list(iter_files([str(CORPUS)]))[::25]
    differ = texts = 0
    for f in files:
        with open(f.path, "rb") as fh:
            convs, _, _ = read_bytes(fh.read(), f.rel, f.group, source_path=f.path)
        for conv in convs:
            for m in pipeline.parse_conversation(conv).msgs:
                for text in (m.raw, m.body):
                    texts += 1
                    differ += segment.lcut(text) != jieba.lcut(text)
    assert texts > 1000 and differ == 0


def test_the_sorted_lines_lookup_of_short_words_agrees_with_the_set():
    from extractor import segment

    joined = segment._dictionary_words()[1]
    words = joined.split("\n")
    lines = segment._SortedLines(joined)
    known = segment._short_words()
    text = "退款到原卡一般几天能到账清算机构为什么要收网络服务费分布式事务一般是怎么解决的abc中国人民银行"
    probes = {text[i:i + k] for k in (2, 3) for i in range(len(text) - k + 1)}
    probes |= set(words[:50]) | set(words[-50:]) | set(words[::5000]) | {"", "\u4e00", "zz", "\uffff\uffff", words[0][:1]}
    assert any(p in known for p in probes) and any(p not in known for p in probes)
    for p in probes:
        assert (p in lines) == (p in known), p


def test_words_without_spaces_or_capitals_take_the_short_way_with_the_same_result():
    from extractor import segment

    for text in ["退款到原卡一般几天能到账", "用redis做缓存好不好", "T+1对账，跨日差额T+3冲平", "Spring Cloud 的配置中心",
                 "a\u3000b 中文\t制表", "ＡＢＣ全角字母", "ÄÖ大写", "ok啦"]:
        full = tuple(t.lower() if t.isascii() else t for t in segment.lcut(text) if not t.isspace())
        assert segment._cut.__wrapped__(text) == full, text
