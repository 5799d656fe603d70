"""WechatExporter (BlueMatthew/WechatExporter, iTunes backups) TXT output.

Based on its res/templates_txt: frame.html is ``%%DISPLAYNAME%% - 微信聊天记录``,
a blank line, then the messages; msg.html is ``%%NAME%% (%%TIME%%):%%MESSAGE%%``
(the time as ``YYYY-MM-DD HH:MM:SS``); refer.html writes a quoted reply as
``「name：quoted」``, a line of ``- - - …``, then the reply; system.html is
``系统消息：%%MESSAGE%%`` with no time. A message's further lines follow it
until the next header.

Recognised by the first line ``<chat> - 微信聊天记录``, which also names the group.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..records import Conversation, Problem, RawMessage
from .common import SYSTEM_SENDER, clean_body, clean_name, resolve_quote, strip_invisible
from .decode import split_lines

NAME = "wechat_exporter"
DESCRIPTION = "WechatExporter TXT: first line '<chat> - 微信聊天记录', then 'NAME (YYYY-MM-DD HH:MM:SS):text' lines"
REPLY_LINKS = "quoted replies 「name：quoted」 + '- - -' line, matched to the earlier message with that text"

TITLE = re.compile(r"^(.*?)\s*-\s*微信聊天记录\s*$")
HEADER = re.compile(r"^(.+?) \((\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})\)[:：](.*)$")
SYSTEM = re.compile(r"^系统消息[:：](.*)$")
QUOTE = re.compile(r"^「(?P<name>[^:：」\n]{1,60})[:：](?P<text>.*)」\s*\n\s*(?:-\s*){3,}\n?(?P<reply>.*)$", re.S)


def _first_line(text: str) -> str:
    for line in split_lines(text[:2000]):
        if line.strip():
            return strip_invisible(line)
    return ""


def sniff(text: str) -> bool:
    return bool(TITLE.match(_first_line(text)))


def read(text: str, path: str, group: str) -> Iterator[Conversation]:
    lines = split_lines(text)
    problems: list[Problem] = []
    title = None
    msgs: list[RawMessage] = []
    bodies: list[list[str]] = []
    last = ("", "")
    date = None
    start = 0
    for i, line in enumerate(lines):
        if line.strip():
            m = TITLE.match(strip_invisible(line))
            title = clean_name(m.group(1)) if m else None
            start = i + 1
            break
    for i in range(start, len(lines)):
        line = lines[i]
        plain = strip_invisible(line)
        m = HEADER.match(plain)
        if m:
            name, y, mo, d, h, mi, s, rest = m.groups()
            stamp = (f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", f"{int(h):02d}:{mi}:{s}")
            if stamp >= last:  # a body line shaped like a header goes back in time: it is body
                last = stamp
                date = stamp[0]
                msgs.append(RawMessage(n=len(msgs), time=stamp[1], sender=clean_name(name), body="", line=i + 1, date=stamp[0]))
                bodies.append([rest])
                continue
        m = SYSTEM.match(plain)
        if m:
            # system lines carry no time: they keep the day of the message before them
            msgs.append(RawMessage(n=len(msgs), time=None, sender=SYSTEM_SENDER, body="", line=i + 1, date=date, system=True))
            bodies.append([m.group(1)])
            continue
        if msgs:
            bodies[-1].append(line)
        elif line.strip():
            problems.append(Problem(path, "text before the first message is not part of any message; ignored", i + 1))
    texts: list[str] = []
    quotes = {}
    for k, (msg, b) in enumerate(zip(msgs, bodies)):
        msg.body = clean_body("\n".join(b))
        msg.native_id = f"n{k}"
        q = QUOTE.match(msg.body)
        if q and not msg.system:
            reply = clean_body(q.group("reply"))
            quotes[k] = (q.group("name").strip(), q.group("text").strip())
            texts.append(reply)
        else:
            texts.append(msg.body)
    for k, (name, quoted) in quotes.items():
        msgs[k].reply_to_native = resolve_quote(msgs, texts, k, name=name, text=quoted)
    if not msgs:
        problems.append(Problem(path, "no messages found", severity="error"))
    dates = sorted({m.date for m in msgs if m.date})
    yield Conversation(path=path, group=title or group, date=dates[0] if dates else None, format=NAME,
                       messages=msgs, title=title, problems=problems)
