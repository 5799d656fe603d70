"""Normalise messages once: plain text, mentions, images, links, emoji codes,
quoted replies and a kind. Later stages never parse markup again.

Also finds the duplicate copies that some exports contain (the same message
at the same second under two names of one person) and resolves quoted
replies to the message they quote.
"""
from __future__ import annotations

import datetime
import hashlib
import html
import re
import unicodedata
from typing import Iterable, Optional

from .records import Conversation, Message, RawMessage

# patterns used in the hot paths, compiled once (re.<function>(pattern, ...) looks each up in re's cache)
_NAME_NOISE = re.compile(r"[\s?？\u2005'\"`·•.。]+")
_DASHES = re.compile(r"[-_]")
_NAME_STOP = re.compile(r"[，。！？,!@＠]")
_SPACES_QMARKS = re.compile(r"[\s?？]+")


IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]+)\)")
MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(((?:https?|ftp)://[^)\s]+)\)")
URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
# WeChat emoji codes: [强], [捂脸], [OK], [Grin] ... (a short name in brackets)
EMOJI = re.compile(r"\[([\u4e00-\u9fff]{1,4}|[A-Z][A-Za-z]{1,7})\]")
# Placeholders that some exports write instead of the content.
PLACEHOLDER_KIND = {
    "图片": "image", "圖片": "image", "动画表情": "emoji", "表情": "emoji", "语音": "media",
    "视频": "media", "文件": "file", "链接": "link", "位置": "media", "名片": "media",
    "红包": "system", "转账": "system", "音乐": "media", "小程序": "link", "聊天记录": "media",
}
PLACEHOLDER = re.compile(r"[\[【]\s*(" + "|".join(PLACEHOLDER_KIND) + r")\s*[\]】]")
# 「name: quoted text」 then a line of "- - -" then the reply (WeChat's quote rendering).
QUOTE = re.compile(r"^\s*「(?P<name>[^:：」\n]{1,60})[:：]\s?(?P<text>.*)」\s*(?:-\s*){3,}(?P<reply>.*)$", re.S)
# Mentions: @name, then a separator the export kept as U+2005, a space, or turned into '?'.
MENTION_SEP = "\u2005\u2006\u2009\u202f\u00a0\u3000 \t\n?？,，:：、"
FILE_SHARE = re.compile(r"^\S.{0,200}\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|txt|csv|vsdx?|xmind|mp4|apk)$", re.I)
SYSTEM = re.compile(
    r"(撤回了一条消息|recalled a message|加入了群聊|加入群聊|邀请.{0,40}加入了?群聊|移出了?群聊|"
    r"修改群名为|更改群名为|拍了拍|开启了朋友验证|以上是打招呼的内容|成为新群主|"
    r"joined the group|left the group|已成为新群主|领取了.{0,20}的红包|分享的二维码加入群聊)"
)
SYSTEM_WHOLE = re.compile(r"^.{0,60}(" + SYSTEM.pattern + r").{0,60}$")
# What is left when a message has no words: punctuation, '?' runs from lost characters, spaces.
NO_WORDS = re.compile(r"^[\s\W_]*$")
EPOCH = datetime.date(1970, 1, 1)
INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060\ufeff]")


def source_id_for(path: str, key: Optional[str] = None) -> str:
    return hashlib.sha1((path + ("#" + key if key else "")).encode("utf-8")).hexdigest()[:12]


def time_seconds(time: Optional[str], date: Optional[str] = None) -> Optional[int]:
    """Seconds since 1970-01-01 when the date is known, else since the day's midnight."""
    if not time:
        return None
    h, m, s = time.split(":")
    secs = int(h) * 3600 + int(m) * 60 + int(s)
    if date:
        try:
            secs += (datetime.date.fromisoformat(date) - EPOCH).days * 86400
        except ValueError:
            pass
    return secs


def name_key(name: str) -> str:
    """A name reduced for comparison: NFKC, lower case, no spaces, lost characters or marks."""
    name = unicodedata.normalize("NFKC", name).lower()
    return _NAME_NOISE.sub("", name)


def name_index(names: Iterable[str]) -> dict[str, list[str]]:
    """Known names by first character, longest first, for find_mentions."""
    index: dict[str, list[str]] = {}
    for name in set(names):
        if name:
            index.setdefault(name[0], []).append(name)
    for v in index.values():
        v.sort(key=len, reverse=True)
    return index


def find_mentions(text: str, known: Optional[dict[str, list[str]]] = None) -> tuple[list[str], str]:
    """Return (mentioned names, text with each mention as '@name ').

    ``known`` names (a name_index) are tried first, longest first, so that
    names containing spaces or '?' are kept whole; otherwise the name runs to
    the next separator.
    """
    if "@" not in text and "＠" not in text:
        return [], text
    known = known or {}
    in_url = set()
    for u in URL.finditer(text):
        in_url.update(range(u.start(), u.end()))
    names: list[str] = []
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "@＠" and i not in in_url and (i == 0 or not (text[i - 1].isascii() and text[i - 1].isalnum())):
            rest = text[i + 1:]
            name = None
            for k in known.get(rest[:1], ()):
                if rest.startswith(k) and (len(rest) == len(k) or rest[len(k)] in MENTION_SEP or rest[len(k)] in "@＠"):
                    name = k
                    break
            j = len(name) if name else 0
            if name is None:
                while j < len(rest) and rest[j] not in MENTION_SEP and rest[j] not in "@＠":
                    j += 1
            # a nickname with spaces ("Autumn 叶秋-汇鑫达-GM-SH?"): the lost separator '?' comes
            # after parts joined by '-' or '_'
            k = rest.find("?", j)
            if rest[j:j + 1] == " " and 0 < k - j <= 30:
                span = rest[j + 1:k]
                if _DASHES.search(span) and not _NAME_STOP.search(span):
                    j = k
            name = rest[:j]
            if name:
                names.append(name)
                out.append("@" + name)
                i += 1 + len(name)
                # swallow one separator ('?' or U+2005 or space) and write a space
                if i < n and text[i] in "?\u2005\u2006 ":
                    i += 1
                out.append(" ")
                continue
        out.append(c)
        i += 1
    return names, "".join(out).strip()


BLANKS = re.compile(r"[ \t]{2,}")
SPACES = re.compile(r"\s+")


def parse_body(raw: str, known_names: Optional[dict[str, list[str]]] = None) -> dict:
    """Pull the markup out of a message body. Pure function of the text."""
    text = INVISIBLE.sub("", raw)
    for _ in range(2):  # exports double-escape entities now and then (&amp;#183;)
        if "&" not in text:
            break
        text = html.unescape(text)
    quote_sender = quote_text = None
    m = QUOTE.match(text)
    if m:
        quote_sender = m.group("name").strip()
        quote_text = m.group("text").strip()
        text = m.group("reply").strip()
    # each pattern is tried only when the text has the characters it starts with (most
    # messages have no markup at all): the same result, without the scans
    images: list = []
    if "![" in text:
        images = [u for _, u in IMAGE.findall(text)]
        text = IMAGE.sub(" ", text)
    links: list = []
    if "](" in text:
        links = [{"title": t, "url": u} for t, u in MD_LINK.findall(text)]
        text = MD_LINK.sub(lambda mm: mm.group(1), text)
    if "://" in text:
        for u in URL.findall(text):
            links.append({"title": None, "url": u.rstrip(".,;:!?)")})
    mentions, text = find_mentions(text, known_names)
    if "\t" in text or "  " in text:
        text = BLANKS.sub(" ", text)
    text = text.strip()
    bracket = "[" in text
    emojis = EMOJI.findall(text) if bracket else []
    placeholders = PLACEHOLDER.findall(text) if bracket or "【" in text else []
    # the words of the message itself: no mentions, emoji codes, URLs, placeholders
    body = EMOJI.sub(" ", text) if emojis else text
    body = PLACEHOLDER.sub(" ", body) if "[" in body or "【" in body else body
    body = URL.sub(" ", body) if "://" in body else body
    for name in mentions:
        body = body.replace("@" + name, " ")
    body = SPACES.sub(" ", body).strip()
    return {
        "text": text,
        "body": body,
        "mentions": mentions,
        "images": images,
        "links": links,
        "emojis": emojis,
        "placeholders": placeholders,
        "quote_sender": quote_sender,
        "quote_text": quote_text,
    }


def kind_of(raw: RawMessage, parts: dict) -> str:
    text, body = parts["text"], parts["body"]
    if raw.system or (SYSTEM_WHOLE.match(text) and not parts["quote_sender"]):
        return "system"
    if not text and not parts["images"]:
        return "empty"
    words = body
    for link in parts["links"]:
        if link["title"]:
            words = words.replace(link["title"], " ")
    has_words = not NO_WORDS.match(words)
    if parts["images"] and not has_words:
        return "image"
    if parts["placeholders"] and not has_words:
        return PLACEHOLDER_KIND.get(parts["placeholders"][0], "media")
    if parts["links"] and not has_words:
        return "link"
    if FILE_SHARE.match(body):
        return "file"
    if not has_words and not parts["mentions"] and not parts["quote_sender"]:
        return "emoji"
    return "text"


def normalize(raw: RawMessage, source_id: str, date: Optional[str], known_names=None) -> Message:
    parts = parse_body(raw.body, known_names)
    msg_date = raw.date or date
    return Message(
        id=f"{source_id}:{raw.n}",
        source_id=source_id,
        n=raw.n,
        line=raw.line,
        date=msg_date,
        time=raw.time,
        timestamp=f"{msg_date}T{raw.time}" if msg_date and raw.time else None,
        seconds=time_seconds(raw.time, msg_date),
        sender=raw.sender,
        raw=raw.body,
        text=parts["text"],
        kind=kind_of(raw, parts),
        mentions=parts["mentions"],
        images=parts["images"],
        links=parts["links"],
        emojis=parts["emojis"],
        quote_sender=parts["quote_sender"],
        quote_text=parts["quote_text"],
        native_id=raw.native_id,
        reply_to_native=raw.reply_to_native,
        body=parts["body"],
    )


def normalize_conversation(conv: Conversation, source_id: str, known_names=None) -> list[Message]:
    index = name_index(set(known_names or ()) | {m.sender for m in conv.messages})
    msgs = [normalize(r, source_id, conv.date, index) for r in conv.messages]
    by_native = {m.native_id: m.id for m in msgs if m.native_id}
    for m in msgs:
        if m.reply_to_native and m.reply_to_native in by_native:
            m.reply_to = by_native[m.reply_to_native]
    return msgs


# ---------------------------------------------------------------- duplicate copies

def copy_candidates(msgs: list[Message]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of messages at the same second with the same content
    under two different sender names: possibly one person exported twice."""
    out = []
    by_second: dict[tuple, list[int]] = {}
    for j, m in enumerate(msgs):
        if m.seconds is None or not m.raw.strip() or m.kind == "system":
            continue
        key = (m.seconds, m.raw)
        for i in by_second.get(key, ()):
            if msgs[i].sender != m.sender:
                out.append((i, j))
        by_second.setdefault(key, []).append(j)
    return out


def doubled_export(msgs: list[Message], candidates: list[tuple[int, int]]) -> bool:
    """A file where copies are systematic (a large share of messages doubled)."""
    involved = {j for _, j in candidates}
    return len(involved) >= 5 and len(involved) >= 0.1 * len(msgs)


def mark_copies(msgs: list[Message], candidates: list[tuple[int, int]], same_person) -> list[tuple[str, str]]:
    """Mark the later message of each accepted candidate pair as a copy of the
    earlier one. ``same_person(a, b)`` says whether two sender names are one
    member. Returns the sender pairs marked."""
    doubled = doubled_export(msgs, candidates)
    taken: set[int] = set()
    marked = []
    # prefer pairs whose names are known to be one person, then the closest pairs
    ranked = sorted(candidates, key=lambda p: (not same_person(msgs[p[0]].sender, msgs[p[1]].sender), p[1] - p[0]))
    for i, j in ranked:
        if i in taken or j in taken:
            continue
        a, b = msgs[i], msgs[j]
        if not (same_person(a.sender, b.sender) or doubled):
            continue
        b.copy_of = a.id
        taken.update((i, j))
        marked.append((a.sender, b.sender))
    return marked


def link_quotes(msgs: list[Message], same_name, certain_only: bool = False) -> None:
    """Resolve quoted replies 「name: text」 to the earlier message they quote.
    ``same_name(quoted_name, sender)`` says whether a quoted name can be that sender.
    With ``certain_only`` a quote is linked only to a message of a sender of that very name
    (the rest waits for the directory of members)."""
    for k, m in enumerate(msgs):
        if not m.quote_text or m.reply_to:
            continue
        q = squash(m.quote_text)
        if not q:
            continue
        best = None
        for i in range(k - 1, max(-1, k - 400), -1):
            o = msgs[i]
            if o.copy_of:
                continue
            t = squash(o.text)
            if not t:
                continue
            if t == q or (len(q) >= 6 and (q in t or t in q)) or (len(q) >= 10 and t[:10] == q[:10]):
                score = 2 if same_name(m.quote_sender, o.sender) else 1
                if best is None or score > best[0]:
                    best = (score, o)
                    if score == 2:
                        break
        if best and (best[0] == 2 or not certain_only):
            m.reply_to = best[1].id


def squash(s: Optional[str]) -> str:
    """A text without spaces and question marks (the export's lost characters), to compare quotes."""
    return _SPACES_QMARKS.sub("", s or "")
