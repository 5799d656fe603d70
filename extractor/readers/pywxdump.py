"""PyWxDump (xaoyaoo/PyWxDump) chat exports: CSV and JSON, and their users.json.

Based on pywxdump/db/export/exportCSV.py, exportJSON.py and db/dbMSG.py
(MsgHandler.get_msg_detail): the CSV header is
``id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime``
(older versions: ``…,room_name,content,CreateTime``); the JSON is a list of
the same rows as objects. ``talker`` is ``我`` for one's own messages, else the
sender's wxid (older versions: a name); ``room_name`` is the chat's id;
``CreateTime`` is ``YYYY-MM-DD HH:MM:SS`` local time. A quoted reply (type_name
带有引用的文本消息, 49/57) has ``msg`` = ``{title}\\n\\n[引用]({time}){name}:{text}``.
``users.json`` beside the export maps wxids to ``{wxid, nickname, remark, …}``:
it is read for display names (and the room's name), and yields nothing itself.
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
    csv_header,
    csv_rows,
    json_head,
    load_json,
    parse_iso,
    quote_body,
    resolve_quote,
)

NAME = "pywxdump"
DESCRIPTION = ("PyWxDump CSV (header id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime) or JSON "
               "(list of those rows); its users.json (wxid -> nickname/remark) is read for names")
REPLY_LINKS = "'[引用](time)name:text' in msg: the quoted sender + time matched to the original"

HEADERS = [
    ["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"],
    ["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "content", "CreateTime"],
]
ROW_KEYS = {"MsgSvrID", "type_name", "is_sender", "talker", "CreateTime"}
QUOTE = re.compile(r"^(?P<title>.*?)\n\n\[引用\]\((?P<time>[^)]*)\)(?P<rest>.*)$", re.S)
PLACEHOLDER = {"图片": "[图片]", "视频": "[视频]", "动画表情": "[动画表情]", "表情": "[表情]"}


def _json_rows(text: str) -> Optional[list]:
    head = json_head(text)
    if not head.startswith("[") or '"MsgSvrID"' not in head:
        return None
    data = load_json(text)
    if isinstance(data, list) and data and isinstance(data[0], dict) and ROW_KEYS <= set(data[0]):
        return data
    return None


def _users(data) -> Optional[dict]:
    """A users.json: {wxid: {"wxid": wxid, "nickname": …, "remark": …}}."""
    if not isinstance(data, dict) or not data:
        return None
    values = list(data.values())[:20]
    if all(isinstance(v, dict) and "wxid" in v and ("nickname" in v or "remark" in v) for v in values):
        return data
    return None


def _is_users(text: str) -> bool:
    head = json_head(text)
    return head.startswith("{") and '"wxid"' in head and _users(load_json(text)) is not None


def sniff(text: str) -> bool:
    return csv_header(text) in HEADERS or _json_rows(text) is not None or _is_users(text)


def _load_users(source_path: Optional[str]) -> dict:
    if not source_path:
        return {}
    p = os.path.join(os.path.dirname(source_path), "users.json")
    try:
        with open(p, "rb") as fh:
            return _users(json.loads(fh.read().decode("utf-8-sig"))) or {}
    except (OSError, ValueError):
        return {}


def _display(users: dict, wxid: str) -> Optional[str]:
    u = users.get(wxid)
    if not isinstance(u, dict):
        return None
    return clean_name(u.get("remark") or u.get("nickname") or u.get("account")) or None


def read(text: str, path: str, group: str, *, source_path: Optional[str] = None) -> Iterator[Conversation]:
    if _is_users(text):
        return  # read by the exports beside it
    users = _load_users(source_path)
    rows = _json_rows(text)
    records: list[tuple[Optional[int], dict]] = []
    if rows is not None:
        records = [(None, r) for r in rows if isinstance(r, dict)]
    else:
        header = csv_header(text)
        for line, cells in csv_rows(text):
            records.append((line, dict(zip(header, cells + [""] * (len(header) - len(cells))))))
    msgs: list[RawMessage] = []
    texts: list[str] = []
    ids: list[Optional[str]] = []
    quotes = {}
    problems: list[Problem] = []
    rooms = set()
    for line, r in records:
        k = len(msgs)
        parsed = parse_iso(str(r.get("CreateTime") or ""))
        date, time = (parsed[0], parsed[1]) if parsed else (None, None)
        if not parsed:
            problems.append(Problem(path, f"unreadable CreateTime {r.get('CreateTime')!r}", line))
        type_name = str(r.get("type_name") or "")
        talker = clean_name(r.get("talker"))
        rooms.add(str(r.get("room_name") or ""))
        system = "系统" in type_name or talker in ("系统", SYSTEM_SENDER) or "撤回" in type_name
        if str(r.get("is_sender")) == "1":
            sender = "我"
        else:
            sender = _display(users, talker) or talker
        msg = r.get("msg") if "msg" in r else r.get("content")
        if isinstance(msg, (dict, list)):
            msg = json.dumps(msg, ensure_ascii=False)
        body = clean_body(str(msg or ""))
        body = PLACEHOLDER.get(body, body) if type_name in ("图片", "视频", "动画表情", "表情") else body
        q = QUOTE.match(body)
        if q and "引用" in type_name:
            name, _, quoted = q.group("rest").partition(":")
            own = q.group("title").strip()
            texts.append(own)
            when = parse_iso(q.group("time").strip())
            quotes[k] = (clean_name(name), when)
            body = quote_body(clean_name(name), quoted, own)
        else:
            texts.append(body)
        ids.append(talker)
        msgs.append(RawMessage(n=k, time=time, date=date, sender=SYSTEM_SENDER if system else sender, body=body,
                               line=line, native_id=str(r.get("MsgSvrID") or r.get("id") or f"n{k}"),
                               sender_id=talker or None, system=system))
    for k, (name, when) in quotes.items():
        if when:
            msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=name, date=when[0], time=when[1])
        else:
            msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=name, text=None)
    room = next(iter(rooms)) if len(rooms) == 1 else ""
    gname = _display(users, room) if room else None
    dates = sorted({m.date for m in msgs if m.date})
    if not msgs:
        problems.append(Problem(path, "no messages found", severity="error"))
    yield Conversation(path=path, group=gname or group, date=dates[0] if dates else None, format=NAME,
                       messages=msgs, title=gname, problems=problems)
