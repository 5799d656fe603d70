"""MemoTrace (WeChatMsg, LC044) TXT export, version 1.

Based on WeChatMsg's app/DataBase/exporter_txt.py (v1, open source): every
message is ``{StrTime} {name}``, the body, then a blank line::

    2023-05-04 09:12:03 周小舟
    明天的发布窗口几点开始？

    2023-05-04 09:13:40 李娜
    十点
    引用:周小舟:明天的发布窗口几点开始？

A quoted reply ends its body with ``引用:{displayname}:{content}``; system
messages (joins, recalls) are a header line whose "name" is the whole system
text, with no body. Media are placeholders such as ``[图片]``.

MemoTrace v2 (memotrace2.py) writes the same shape with ``引用：name: text``
and ``【图片】`` placeholders, and a ``.html.json`` sidecar carrying message
ids; both versions are parsed here.

Recognised by content: the first line is such a header, and the following
headers come after blank lines.
"""
from __future__ import annotations

import json
import os
import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import (
    SYSTEM_SENDER,
    clean_body,
    clean_name,
    from_epoch,
    quote_body,
    resolve_quote,
    same_name,
    strip_invisible,
)
from .decode import split_lines

NAME = "memotrace_txt"
DESCRIPTION = ("MemoTrace/WeChatMsg v1 TXT: 'YYYY-MM-DD HH:MM:SS name', body, blank line; recognised by that "
               "header on the first line and the blank line before each header")
REPLY_LINKS = "quote line '引用:name:text' matched to the earlier message with that text"

HEADER = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (.*?))?\s*$")
QUOTE_LINE = re.compile(r"^引用[:：]")
# v2 placeholders (MemoTrace 2's Message.to_text) and v1's; written the way normalize reads them
PLACEHOLDERS = [
    (re.compile(r"^[【\[]表情包[】\]]\s*(.*)$", re.S), "[表情] {0}"),
    (re.compile(r"^【(图片|视频|文件|语音|名片|红包|位置分享|视频号|笔记|音视频通话)】\s*(.*)$", re.S), None),
    (re.compile(r"^【分享链接】\s*(.*)$", re.S), "[链接] {0}"),
    (re.compile(r"^【合并转发的聊天记录】\s*(.*)$", re.S), "[聊天记录] {0}"),
    (re.compile(r"^\[音乐分享\]$"), "[音乐]"),
]
V2_MARKERS = re.compile(r"^(引用：|【(图片|表情包|视频|语音|文件|分享链接|合并转发的聊天记录|名片|位置分享|音视频通话|红包|视频号|笔记)】)", re.M)
SNIFF_LINES = 400


def _header(line: str):
    return HEADER.match(strip_invisible(line))


def _stamp(m) -> str:
    return "{}-{}-{} {}:{}:{}".format(*m.groups()[:6])


def sniff_shape(text: str) -> bool:
    """A header first, and every later header of the first lines after a blank line."""
    lines = split_lines(text[:30000])[:SNIFF_LINES]
    body = [(i, l) for i, l in enumerate(lines) if l.strip()]
    if not body or not _header(body[0][1]) or not (_header(body[0][1]).group(7) or "").strip():
        return False
    after_blank = tight = 0
    last = _stamp(_header(body[0][1]))
    for i, l in body[1:]:
        m = _header(l)
        if m and _stamp(m) >= last:  # one going back in time is a pasted line, not a header
            last = _stamp(m)
            if lines[i - 1].strip():
                tight += 1
            else:
                after_blank += 1
    # several messages separated by blank lines (a log file's lines follow each other
    # without them), or a single message
    return tight <= after_blank


def has_v2_markers(text: str) -> bool:
    return bool(V2_MARKERS.search("\n".join(split_lines(text[:30000]))))  # lone CRs too


def sniff(text: str) -> bool:
    return sniff_shape(text) and not has_v2_markers(text)


def _placeholder(body: str) -> str:
    for rx, fmt in PLACEHOLDERS:
        m = rx.match(body)
        if m:
            if fmt is None:
                kind, rest = m.group(1), m.group(2)
                kind = {"位置分享": "位置", "音视频通话": "语音"}.get(kind, kind)
                return (f"[{kind}] {rest}").strip()
            return fmt.format(*[g.strip() for g in m.groups()]).strip()
    return body


def _split_quote(body: str, v2: bool) -> tuple[str, Optional[tuple[str, str]]]:
    """(own text, (quoted name, quoted text) or None)."""
    lines = body.split("\n")
    for k in range(len(lines) - 1, -1, -1):
        if QUOTE_LINE.match(lines[k]):
            rest = "\n".join([lines[k][3:]] + lines[k + 1:])
            own = "\n".join(lines[:k]).strip()
            if rest.strip() == "未知":
                return own, ("?", "")
            # v2: "name: text"; v1: "name:text"
            for sep in (": ", ":", "：") if v2 or lines[k][2] == "：" else (":", "：", ": "):
                if sep in rest:
                    name, _, quoted = rest.partition(sep)
                    return own, (name.strip(), quoted.strip())
            return own, (rest.strip(), "")
    return body, None


def parse(text: str, path: str, group: str, fmt: str, source_path: Optional[str] = None,
          timezone=None) -> Iterator[Conversation]:
    lines = split_lines(text)
    problems: list[Problem] = []
    msgs: list[RawMessage] = []
    bodies: list[list[str]] = []
    last_stamp = ""
    prev_blank = True
    for i, line in enumerate(lines):
        m = _header(line) if prev_blank else None
        if m:
            y, mo, d, h, mi, s, name = m.groups()
            stamp = f"{y}-{mo}-{d} {h}:{mi}:{s}"
            # a body line that looks like a header (after a blank line inside a body) is
            # told apart by its time: headers never go back in time
            if stamp >= last_stamp:
                last_stamp = stamp
                msgs.append(RawMessage(n=len(msgs), time=f"{h}:{mi}:{s}", sender=clean_name(name), body="",
                                       line=i + 1, date=f"{y}-{mo}-{d}"))
                bodies.append([])
                prev_blank = False
                continue
        if msgs:
            bodies[-1].append(line)
        elif line.strip():
            problems.append(Problem(path, "text before the first message header is not part of any message; ignored", i + 1))
        prev_blank = not line.strip()
    v2 = fmt != NAME
    texts: list[str] = []
    quotes: dict[int, tuple[str, str]] = {}
    for k, (m, body_lines) in enumerate(zip(msgs, bodies)):
        body = clean_body("\n".join(body_lines))
        if not body or m.sender == SYSTEM_SENDER:
            # a header with no body is a system line: its "name" is the system text
            if not body:
                body, m.sender = m.sender, SYSTEM_SENDER
            m.system = True
            m.body = body
            texts.append(body)
            continue
        own, quote = _split_quote(body, v2)
        own = _placeholder(own)
        texts.append(own)
        if quote:
            quotes[k] = quote
            m.body = quote_body(quote[0], quote[1], own)
        else:
            m.body = own
        m.native_id = f"n{k}"
    for k, m in enumerate(msgs):
        if m.native_id is None:
            m.native_id = f"n{k}"
    sidecar = find_sidecar(source_path) if source_path else None
    matched = apply_sidecar(msgs, sidecar) if sidecar is not None else set()
    for k, (name, quoted) in quotes.items():
        if k not in matched:
            msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=name, text=quoted)
    if not msgs:
        problems.append(Problem(path, "no message headers found", severity="error"))
    dates = sorted({m.date for m in msgs if m.date})
    yield Conversation(path=path, group=group, date=dates[0] if dates else None, format=fmt,
                       messages=msgs, problems=problems)


def read(text: str, path: str, group: str, *, source_path: Optional[str] = None) -> Iterator[Conversation]:
    yield from parse(text, path, group, NAME, source_path=source_path)


# ------------------------------------------------------------------ the v2 sidecar

def sidecar_entries(data) -> Optional[list[dict]]:
    """The message entries of a MemoTrace v2 sidecar (a list of Message.to_json
    dicts, or {"messages": [...]}) or None when it is not one."""
    if isinstance(data, dict):
        data = data.get("messages") if isinstance(data.get("messages"), list) else None
    if not isinstance(data, list) or not data:
        return None
    head = [e for e in data[:20] if isinstance(e, dict)]
    if not head or not all("server_id" in e and ("display_name" in e or "is_send" in e) for e in head):
        return None
    return [e for e in data if isinstance(e, dict)]


def sidecar_path_for(source_path: str) -> Optional[str]:
    folder, name = os.path.split(source_path)
    stem = name[:-4] if name.lower().endswith(".txt") else name
    candidate = os.path.join(folder, stem + ".html.json")
    if os.path.isfile(candidate):
        return candidate
    try:
        found = [n for n in os.listdir(folder or ".") if n.lower().endswith(".html.json")]
    except OSError:
        return None
    return os.path.join(folder, found[0]) if len(found) == 1 else None


def find_sidecar(source_path: str) -> Optional[list[dict]]:
    p = sidecar_path_for(source_path)
    if not p:
        return None
    try:
        with open(p, "rb") as fh:
            raw = fh.read()
        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    return sidecar_entries(data)


def _id(value) -> Optional[str]:
    if value is None:
        return None
    s = str(value).strip()
    return s if s and s != "0" else None


def apply_sidecar(msgs: list[RawMessage], entries: list[dict]) -> set[int]:
    """Give the TXT's messages the sidecar's ids and explicit quote links.
    Entries are aligned in order by sender name (system lines by type).
    Returns the indexes of the messages that got an entry."""
    matched: set[int] = set()
    j = 0
    for k, m in enumerate(msgs):
        for jj in range(j, min(len(entries), j + 8)):
            e = entries[jj]
            is_system = str(e.get("type")) == "10000"
            if (m.system and is_system) or (not m.system and not is_system and same_name(m.sender, e.get("display_name"))):
                sid = _id(e.get("server_id"))
                if sid:
                    m.native_id = sid
                m.reply_to_native = _id(e.get("quote_server_id"))
                matched.add(k)
                j = jj + 1
                break
    return matched


def read_sidecar_alone(entries: list[dict], path: str, group: str, zone) -> Conversation:
    """A sidecar whose TXT is not beside it: its own entries are the messages."""
    msgs: list[RawMessage] = []
    for e in entries:
        date = time = None
        try:
            date, time = from_epoch(float(e.get("timestamp")), zone)
        except (TypeError, ValueError):
            pass
        system = str(e.get("type")) == "10000"
        text = clean_body(e.get("text") or "")
        quote = e.get("quote_text")
        if quote and not system:
            name, _, quoted = str(quote).partition(": ")
            text = quote_body(name, quoted, text)
        msgs.append(RawMessage(
            n=len(msgs), time=time, date=date, sender=SYSTEM_SENDER if system else clean_name(e.get("display_name")),
            body=text, native_id=_id(e.get("server_id")), reply_to_native=_id(e.get("quote_server_id")),
            system=system,
        ))
    dates = sorted({m.date for m in msgs if m.date})
    return Conversation(path=path, group=group, date=dates[0] if dates else None, format="memotrace2_sidecar",
                        messages=msgs)
