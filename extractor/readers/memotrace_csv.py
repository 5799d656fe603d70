"""MemoTrace (WeChatMsg) CSV exports, v1 and v2.

v1, based on WeChatMsg's app/DataBase/exporter_csv.py: UTF-8 with a BOM,
header ``localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,
StrTime,Remark,NickName,Sender``; the last three are filled for group chats
only. Type 1 is text, 3 image, 34 voice, 43 video, 47 sticker, 49 an app
message (SubType 57: a quoted reply, StrContent its XML when present, 6 a file,
5 a link), 10000 a system message. ``StrTime`` is the local time as written.

v2 (MemoTrace 2; its exporter is not public, the header is as its users show
it): ``消息ID,类型,发送人,时间,内容,备注,昵称,更多信息`` with the type as a
name (文本, 图片, 引用消息, 系统消息 …) and the content as MemoTrace 2's
to_text (a quoted reply ends with ``引用：name: text``). When 更多信息 holds
JSON with ``quote_server_id`` that id is the reply link.

Recognised by the exact header row.
"""
from __future__ import annotations

import json
import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import (
    SYSTEM_SENDER,
    clean_body,
    clean_name,
    csv_header,
    csv_rows,
    parse_iso,
    quote_body,
    resolve_quote,
)
from .memotrace_txt import _placeholder, _split_quote

NAME = "memotrace_csv"
DESCRIPTION = ("MemoTrace CSV: v1 header localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime"
               "[,Remark,NickName,Sender] (UTF-8 with BOM), v2 header 消息ID,类型,发送人,时间,内容,备注,昵称,更多信息")
REPLY_LINKS = "v1: quote type 49/57 (its XML's refermsg matched by text); v2: 引用：name: text matched by text, or quote_server_id"

V1 = ["localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime"]
V1_GROUP = ["Remark", "NickName", "Sender"]
V2 = ["消息ID", "类型", "发送人", "时间", "内容", "备注", "昵称", "更多信息"]
V1_PLACEHOLDER = {"3": "[图片]", "34": "[语音]", "43": "[视频]", "47": "[表情]"}
V2_SYSTEM = {"系统消息", "拍一拍"}


def _version(header: list[str]) -> Optional[int]:
    if header == V1 or header == V1 + V1_GROUP:
        return 1
    if header == V2:
        return 2
    return None


def sniff(text: str) -> bool:
    return _version(csv_header(text)) is not None


def _xml_tag(xml: str, tag: str) -> Optional[str]:
    m = re.search(rf"<{tag}>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</{tag}>", xml, re.S)
    return m.group(1).strip() if m else None


def _system_text(s: str) -> str:
    s = s.replace("<![CDATA[", "").replace("]]>", "")
    s = re.sub(r"<a [^>]*>.*?</a>", "", s)
    s = re.sub(r"<[^>]+>", "", s)
    return s.strip()


def read(text: str, path: str, group: str) -> Iterator[Conversation]:
    header = csv_header(text)
    version = _version(header)
    msgs: list[RawMessage] = []
    texts: list[str] = []
    quotes: dict[int, tuple[str, str]] = {}
    explicit: dict[int, str] = {}
    problems: list[Problem] = []
    for line, cells in csv_rows(text):
        r = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        k = len(msgs)
        quote = None
        if version == 1:
            stamp, native = r["StrTime"], r["localId"]
            typ, sub = r["Type"].strip(), r["SubType"].strip()
            system = typ == "10000"
            name = clean_name(r.get("Remark")) or clean_name(r.get("NickName")) or clean_name(r.get("Sender"))
            sender = name or ("我" if r["IsSender"].strip() == "1" else group)
            content = r["StrContent"]
            if system:
                body = _system_text(content)
            elif typ in V1_PLACEHOLDER:
                body = V1_PLACEHOLDER[typ]
            elif typ == "49" and sub == "57":
                own = _xml_tag(content, "title") if "<" in content else content
                refer = re.search(r"<refermsg>(.*?)</refermsg>", content, re.S)
                body = clean_body(own or "")
                if refer:
                    quote = (clean_name(_xml_tag(refer.group(1), "displayname") or "?"),
                             clean_body(_xml_tag(refer.group(1), "content") or ""))
            elif typ == "49" and sub == "6":
                body = f"[文件] {_xml_tag(content, 'title') or ''}".strip()
            else:
                body = content
        else:
            stamp, native = r["时间"], r["消息ID"]
            kind = r["类型"].strip()
            system = kind in V2_SYSTEM
            sender = clean_name(r["备注"]) or clean_name(r["昵称"]) or clean_name(r["发送人"]) or group
            body = clean_body(r["内容"])
            if not system:
                own, quote = _split_quote(body, True)
                body = _placeholder(own)
            try:
                more = json.loads(r["更多信息"]) if r["更多信息"].strip().startswith("{") else {}
            except ValueError:
                more = {}
            qid = str(more.get("quote_server_id") or "").strip() if isinstance(more, dict) else ""
            if qid and qid != "0":
                explicit[k] = qid
        parsed = parse_iso(stamp)
        date, time = (parsed[0], parsed[1]) if parsed else (None, None)
        if not parsed:
            problems.append(Problem(path, f"unreadable time {stamp!r}", line))
        body = clean_body(body)
        texts.append(body)
        if quote and not system:
            quotes[k] = quote
            body = quote_body(quote[0], quote[1], body)
        msgs.append(RawMessage(n=k, time=time, date=date, sender=SYSTEM_SENDER if system else sender, body=body,
                               line=line, native_id=str(native).strip() or f"n{k}", system=system))
    for k, (name, quoted) in quotes.items():
        msgs[k].reply_to_native = explicit.get(k) or resolve_quote(msgs, texts, k, name=name, text=quoted)
    for k, qid in explicit.items():
        msgs[k].reply_to_native = qid
    if not msgs:
        problems.append(Problem(path, "no messages found", severity="error"))
    dates = sorted({m.date for m in msgs if m.date})
    yield Conversation(path=path, group=group, date=dates[0] if dates else None, format=NAME,
                       messages=msgs, problems=problems)
