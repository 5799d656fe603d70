"""sjzar/chatlog: its HTTP API's JSON (``/api/v1/chatlog?format=json``) and its
plain-text form (the default format).

Based on sjzar/chatlog internal/model/message.go and internal/chatlog/http/
route.go. JSON: an array of messages ``{seq, time (RFC 3339 with the exporting
machine's offset), talker, talkerName, isChatRoom, sender, senderName, isSelf,
type, subType, content, contents}``; a quoted reply is type 49 / subType 57,
``content`` the reply and ``contents.refer`` the quoted message (its sender,
senderName, time and content, but no seq). System messages are type 10000 with
sender ``系统消息``.

Text: each message is ``SenderName(sender) TIME``, the content, a blank line,
where TIME is ``15:04:05``, ``01-02 15:04:05`` or ``2006-01-02 15:04:05``
depending on the range asked for; with several talkers ``[Room(roomid)]``
stands before the time. A quoted reply's content starts with
``> SenderName(sender) 01-02 15:04:05`` and ``> `` quoted lines.

Quotes are matched to the original by sender and time. Times are kept as the
export wrote them (the exporting machine's local time). A text form without a
year takes it from a date in the file name, if any.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import (
    SYSTEM_SENDER,
    clean_body,
    clean_name,
    json_head,
    load_json,
    parse_iso,
    quote_body,
    resolve_quote,
    strip_invisible,
    valid_date,
)
from .decode import split_lines

NAME = "chatlog"
DESCRIPTION = ("sjzar/chatlog: JSON array of {seq,time,talker,talkerName,isChatRoom,sender,senderName,type,subType,"
               "content,contents} (recognised by those keys), or its text form 'Name(wxid) time' + content + blank line")
REPLY_LINKS = "contents.refer / '> Name(wxid) time' quote lines: the quoted sender + time matched to the original"

KEYS = {"seq", "time", "talker", "sender", "type", "content"}
TEXT_HEADER = re.compile(
    r"^(?P<name>.+?)(?:\((?P<id>[^()\s]+)\))? (?:\[(?P<room>.+?)(?:\((?P<roomid>[^()\s]+)\))?\] )?"
    r"(?:(?P<y>\d{4})-)?(?:(?P<mo>\d{2})-(?P<d>\d{2}) )?(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})\s*$"
)
QUOTE_HEAD = re.compile(r"^> (?P<name>.+?)(?:\((?P<id>[^()\s]+)\))? (?:(?P<y>\d{4})-)?(?:(?P<mo>\d{2})-(?P<d>\d{2}) )?(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})\s*$")
# chatlog writes shares as [链接|title](url): the kind goes, the title stays a markdown link
LINK_KIND = re.compile(r"\[(?:链接|分享|文件|小程序|视频号)\|([^\]\n]*)\]\(")
DATE_IN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _is_json(text: str) -> Optional[list]:
    head = json_head(text)
    if not head.startswith("[") or '"talker"' not in head or '"seq"' not in head:
        return None
    data = load_json(text)
    if isinstance(data, list) and data and all(isinstance(e, dict) for e in data[:20]) and KEYS <= set(data[0]):
        return data
    return None


def _text_header(line: str):
    m = TEXT_HEADER.match(strip_invisible(line))
    if not m:
        return None
    # a sender without an id is only the system's pseudo-sender (or "我" for oneself)
    if not m.group("id") and m.group("name") not in (SYSTEM_SENDER, "我"):
        return None
    return m


def sniff(text: str) -> bool:
    if _is_json(text) is not None:
        return True
    lines = split_lines(text[:20000])[:300]
    body = [(i, l) for i, l in enumerate(lines) if l.strip()]
    if not body or not _text_header(body[0][1]):
        return False
    later = sum(1 for i, l in body[1:] if _text_header(l) and not lines[i - 1].strip())
    return later >= 1 or len(body) <= 3


# ------------------------------------------------------------------ JSON

def _sender(e: dict) -> tuple[str, Optional[str], bool]:
    sender = str(e.get("sender") or "")
    name = clean_name(e.get("senderName")) or clean_name(sender)
    system = e.get("type") == 10000 or sender == SYSTEM_SENDER
    if e.get("isSelf") and not e.get("senderName"):
        name = "我"
    return (SYSTEM_SENDER if system else name), (sender or None), system


def _content(e: dict) -> str:
    t, st = e.get("type"), e.get("subType")
    contents = e.get("contents") if isinstance(e.get("contents"), dict) else {}
    content = e.get("content") or ""
    if t == 3:
        return "[图片]"
    if t == 34:
        return "[语音]"
    if t == 43:
        return "[视频]"
    if t == 47:
        return "[动画表情]"
    if t == 49 and st in (4, 5) and contents.get("url"):
        return f"{contents.get('title') or ''} {contents.get('url')}".strip()
    if t == 49 and st == 6:
        return f"[文件] {contents.get('title') or ''}".strip()
    return content


def read_json(data: list, path: str, group: str, zone) -> Iterator[Conversation]:
    by_room: dict[str, list[dict]] = {}
    for e in data:
        if isinstance(e, dict):
            by_room.setdefault(str(e.get("talker") or ""), []).append(e)
    for room, entries in by_room.items():
        msgs: list[RawMessage] = []
        texts: list[str] = []
        ids: list[Optional[str]] = []
        problems: list[Problem] = []
        refers = {}
        for e in entries:
            parsed = parse_iso(str(e.get("time") or ""))  # kept as written: the exporter's local time
            date, time = (parsed[0], parsed[1]) if parsed else (None, None)
            if not parsed:
                problems.append(Problem(path, f"message {e.get('seq')} has no readable time"))
            name, sid, system = _sender(e)
            body = clean_body(_content(e))
            contents = e.get("contents") if isinstance(e.get("contents"), dict) else {}
            refer = contents.get("refer") if isinstance(contents.get("refer"), dict) else None
            k = len(msgs)
            texts.append(body)
            ids.append(sid)
            if refer and not system:
                rname, rsid, _ = _sender(refer)
                body = quote_body(rname, clean_body(_content(refer)), body)
                refers[k] = (rname, rsid, parse_iso(str(refer.get("time") or "")))
            msgs.append(RawMessage(n=k, time=time, date=date, sender=name, body=body,
                                   native_id=str(e.get("seq")) if e.get("seq") is not None else f"n{k}",
                                   sender_id=sid, system=system))
        for k, (rname, rsid, when) in refers.items():
            if when:
                msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=rname, date=when[0], time=when[1],
                                                        sender_ids=ids, quoted_id=rsid)
        first = entries[0]
        many = len(by_room) > 1
        gname = clean_name(first.get("talkerName")) if first.get("isChatRoom") or many else ""
        dates = sorted({m.date for m in msgs if m.date})
        yield Conversation(path=path, group=gname or group, date=dates[0] if dates else None, format=NAME,
                           messages=msgs, key=room if many else None, title=gname or None, problems=problems)


# ------------------------------------------------------------------ text

def read_text(text: str, path: str, group: str) -> Iterator[Conversation]:
    lines = split_lines(text)
    name_date = DATE_IN.search(path.replace("\\", "/").rsplit("/", 1)[-1])
    file_year = name_date.group(1) if name_date else None
    file_date = valid_date(*name_date.groups()) if name_date else None
    rooms: dict[str, tuple[str, list[RawMessage], list[list[str]]]] = {}
    problems: list[Problem] = []
    prev_blank = True
    last_key = ""
    current: Optional[list[str]] = None
    warned = False
    for i, line in enumerate(lines):
        m = _text_header(line) if prev_blank else None
        if m:
            y, mo, d = m.group("y"), m.group("mo"), m.group("d")
            if mo:
                date = valid_date(y or file_year, mo, d) if (y or file_year) else None
            else:
                date = file_date
            key = f"{date or (mo or '') + '-' + (d or '')} {m.group('h')}:{m.group('mi')}:{m.group('s')}"
            if key >= last_key:  # headers never go back in time; a body line shaped like one does
                last_key = key
                if date is None and not warned:
                    warned = True
                    problems.append(Problem(path, "times without a year (and no date in the file name): messages stored without a date", i + 1))
                room = m.group("roomid") or m.group("room") or ""
                entry = rooms.setdefault(room, (clean_name(m.group("room")) if m.group("room") else "", [], []))
                msgs, bodies = entry[1], entry[2]
                name = clean_name(m.group("name"))
                system = name == SYSTEM_SENDER and not m.group("id")
                msgs.append(RawMessage(n=len(msgs), time=f"{m.group('h')}:{m.group('mi')}:{m.group('s')}", date=date,
                                       sender=name, body="", line=i + 1, sender_id=m.group("id"), system=system))
                bodies.append([])
                current = bodies[-1]
                prev_blank = False
                continue
        if current is not None:
            current.append(line)
        elif line.strip():
            problems.append(Problem(path, "text before the first message header is not part of any message; ignored", i + 1))
        prev_blank = not line.strip()
    many = len(rooms) > 1
    for room, (rname, msgs, bodies) in rooms.items():
        texts: list[str] = []
        quotes = {}
        for k, (m, b) in enumerate(zip(msgs, bodies)):
            body = clean_body("\n".join(b))
            blines = body.split("\n")
            q = QUOTE_HEAD.match(blines[0]) if blines else None
            m.native_id = f"n{k}"
            if q and not m.system:
                j = 1
                quoted = []
                while j < len(blines) and blines[j].startswith(">"):
                    quoted.append(blines[j][1:].lstrip(" "))
                    j += 1
                own = "\n".join(blines[j:]).strip()
                texts.append(own)
                qdate = f"{q.group('mo')}-{q.group('d')}" if q.group("mo") else None
                if q.group("y") and q.group("mo"):
                    qdate = valid_date(q.group("y"), q.group("mo"), q.group("d"))
                quotes[k] = (clean_name(q.group("name")), q.group("id"), qdate, f"{q.group('h')}:{q.group('mi')}:{q.group('s')}")
                m.body = quote_body(quotes[k][0], "\n".join(quoted), own)
            else:
                m.body = LINK_KIND.sub(r"[\1](", body)
                texts.append(m.body)
        ids = [m.sender_id for m in msgs]
        for k, (qname, qid, qdate, qtime) in quotes.items():
            msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=qname, date=qdate, time=qtime,
                                                    sender_ids=ids, quoted_id=qid)
        dates = sorted({m.date for m in msgs if m.date})
        yield Conversation(path=path, group=rname or group, date=dates[0] if dates else None, format=NAME,
                           messages=msgs, key=room if many else None, title=rname or None,
                           problems=problems if room == next(iter(rooms)) else [])
    if not rooms:
        yield Conversation(path=path, group=group, date=None, format=NAME, messages=[],
                           problems=problems + [Problem(path, "no message headers found", severity="error")])


def read(text: str, path: str, group: str, *, timezone=None) -> Iterator[Conversation]:
    data = _is_json(text)
    if data is not None:
        yield from read_json(data, path, group, timezone)
    else:
        yield from read_text(text, path, group)
