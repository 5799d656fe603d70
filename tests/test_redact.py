"""Masking private data: what must be masked, and numbers that must stay."""
import pytest

from extractor.redact import Pseudonyms, card_like, mask, valid_id_card

# A valid ID number (check digit computed per GB 11643) and Luhn-valid card numbers made up for the tests.
ID = "11010519491231002X"
UNIONPAY = "6222021234567890128"  # 19 digits, Luhn-valid
VISA = "4111111111111111"


def test_the_test_numbers_are_what_they_claim():
    assert valid_id_card(ID)
    assert card_like(UNIONPAY) and card_like(VISA)


@pytest.mark.parametrize("text, expected", [
    ("我手机13812345678，有事打我", "我手机[手机号]，有事打我"),
    ("电话 138 1234 5678 或 +86-139-1234-5678", "电话 [手机号] 或 [手机号]"),
    ("简历发 zhang.san+jobs@example.com.cn 谢谢", "简历发 [邮箱] 谢谢"),
    (f"身份证{ID}已经上传", "身份证[身份证号]已经上传"),
    (f"卡号{UNIONPAY}打款", "卡号[银行卡号]打款"),
    ("卡号 6222 0212 3456 7890 128 尾号128", "卡号 [银行卡号] 尾号128"),
    (f"visa卡 {VISA}", "visa卡 [银行卡号]"),
])
def test_private_data_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize("text", [
    "这笔交易金额是 12345678.90 元",
    "限额 5,000,000 元，手续费 0.38%",
    "订单号 20180107123456789012 已经退款",
    "流水号 2018010712345678 查不到",  # 16 digits that are not a card
    "日期 20180107，时间 2018-01-07 12:00:00",
    "订单 110105194912310021 的状态",  # 18 digits with a wrong check digit: not an ID
    "对账单编号 19900101123412341234",
    "QQ群 123456789 欢迎加入",
    "版本 2.3.13812345678",  # digits glued to other text
    "商户号 898310048161234",
    "联行号 102100099996",
])
def test_amounts_dates_and_order_numbers_are_not_masked(text):
    assert mask(text) == text


def test_pseudonyms_are_stable_and_keyed():
    a, b = Pseudonyms("key-1"), Pseudonyms("key-2")
    assert a("林晓峰") == a("林晓峰") == Pseudonyms("key-1")("林晓峰")
    assert a("林晓峰") != a("周敏") and a("林晓峰") != b("林晓峰")
    assert a("林晓峰").startswith("成员") and len(a("林晓峰")) == 8
    with pytest.raises(ValueError):
        Pseudonyms("")
