"""Masking private data before it is stored and published.

``mask`` replaces mainland mobile numbers, e-mail addresses, ID-card numbers
and bank-card numbers in a text. Numbers are recognised by their structure,
not by their length alone, so that amounts, dates and order numbers stay:
a mobile number is 1[3-9] and nine digits; an ID card has a valid birth date
and a valid check digit (GB 11643); a bank card passes the Luhn check and
starts like a card (62 UnionPay, 4 Visa, 51-55/2221-2720 Mastercard, 34/37
Amex, 35 JCB).

``Pseudonyms`` gives members stable pseudonyms (the same name always gives the
same pseudonym under the same key, and the key is not stored in the database).
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import re

# Boundaries are ASCII letters, digits and dots: Chinese characters around a number are fine.
PHONE = re.compile(r"(?<![0-9A-Za-z.])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z.])")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])")
ID_CARD = re.compile(r"(?<![0-9A-Za-z.])(\d{17}[\dXx])(?![0-9A-Za-z.])")
# 13 to 19 digits, possibly in groups separated by single spaces or dashes
CARD = re.compile(r"(?<![0-9A-Za-z.])(\d(?:[ -]?\d){12,18})(?![0-9A-Za-z.])")
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"

MASKS = {"phone": "[手机号]", "email": "[邮箱]", "id": "[身份证号]", "card": "[银行卡号]"}


def valid_id_card(number: str) -> bool:
    """An 18-character resident ID number: a real birth date and the right check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not (1900 <= birth.year <= datetime.date.today().year):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17].upper()


def luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_like(number: str) -> bool:
    """Digits that are a payment card number: a card prefix, a card length, the Luhn check."""
    n = len(number)
    if n < 13 or n > 19 or not luhn(number):
        return False
    if number.startswith("62"):
        return 16 <= n <= 19
    if number.startswith("4"):
        return n in (13, 16, 19)
    if number[:2] in ("51", "52", "53", "54", "55") or 2221 <= int(number[:4]) <= 2720:
        return n == 16
    if number[:2] in ("34", "37"):
        return n == 15
    if number.startswith("35"):
        return 16 <= n <= 19
    return False


def mask(text: str) -> str:
    """The text with private numbers and addresses replaced by [手机号], [邮箱], [身份证号], [银行卡号]."""
    if not text:
        return text
    text = EMAIL.sub(MASKS["email"], text)

    def id_or_keep(m: re.Match) -> str:
        return MASKS["id"] if valid_id_card(m.group(1)) else m.group(0)

    text = ID_CARD.sub(id_or_keep, text)

    def card_or_keep(m: re.Match) -> str:
        digits = re.sub(r"[ -]", "", m.group(1))
        grouped = bool(re.search(r"[ -]", m.group(1)))
        if grouped and not re.fullmatch(r"\d{4}(?:[ -]\d{4}){2,3}(?:[ -]?\d{1,3})?|\d{6}[ -]\d{2,13}", m.group(1)):
            return m.group(0)  # digits that merely sit next to each other ("2018 100 2000 ...")
        return MASKS["card"] if card_like(digits) else m.group(0)

    text = CARD.sub(card_or_keep, text)
    text = PHONE.sub(MASKS["phone"], text)
    return text


class Pseudonyms:
    """Stable pseudonyms for member names: 成员 + a keyed hash. Without the key the mapping
    cannot be recomputed from a guessed name."""

    def __init__(self, key: str):
        if not key:
            raise ValueError("pseudonymizing needs a key (pseudonym_key in the config)")
        self.key = key.encode("utf-8")
        self._cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if not name:
            return name
        p = self._cache.get(name)
        if p is None:
            digest = hmac.new(self.key, name.encode("utf-8"), hashlib.sha256).hexdigest()
            p = self._cache[name] = "成员" + digest[:6].upper()
        return p


def mask_messages(msgs) -> None:
    """Mask private data in the text of normalised messages, in place (before anything reads it)."""
    for m in msgs:
        m.raw = mask(m.raw)
        m.text = mask(m.text)
        m.body = mask(m.body)
        if m.quote_text:
            m.quote_text = mask(m.quote_text)
        for link in m.links:
            link["url"] = mask(link["url"])
            if link.get("title"):
                link["title"] = mask(link["title"])


def pseudonymize(parsed, directory, pseudonyms: Pseudonyms) -> None:
    """Replace every name of an analysed conversation by its member's pseudonym, in place: senders,
    members, @mentions (in text and lists), quoted names, askers and answerers. A name typed in
    plain text without @ is not recognised and stays."""

    def person(name: str) -> str:
        who = directory.member_of.get(name)
        if who is None:
            who, conf, _ = directory.resolve(name)
            who = who if who and conf >= 0.3 else name
        return pseudonyms(who)

    def replace_names(text: str, names) -> str:
        for name in sorted(set(names), key=len, reverse=True):
            text = text.replace("@" + name, "@" + person(name))
        return text

    for m in parsed.msgs:
        names = list(m.mentions)
        m.raw = replace_names(m.raw, names)
        m.text = replace_names(m.text, names)
        m.mentions = [person(n) for n in m.mentions]
        if m.quote_sender:
            m.raw = m.raw.replace("「" + m.quote_sender, "「" + person(m.quote_sender), 1)
            m.quote_sender = person(m.quote_sender)
        m.member_id = pseudonyms(m.member_id or directory.member(m.sender))
        m.sender = m.member_id
    for q in parsed.questions:
        q.asker = pseudonyms(q.asker)
    for a in parsed.answers:
        a.answerer = pseudonyms(a.answerer)
    src = parsed.source
    if src.get("author"):
        src["author"] = person(src["author"])
