"""QQ message manager (消息管理器) TXT export.

Based on the text export of the QQ PC client's message manager as users have
published it::

    消息记录（此消息记录为文本格式，不支持重新导入）

    ================================================================
    消息分组:我的QQ群
    ================================================================
    消息对象:支付技术交流
    ================================================================

    2016-03-05 10:12:01 【管理员】小明(10001234)
    大家好

    2016-03-05 10:12:30 小红<xiaohong@example.com>
    你好

A file may hold several 消息对象 blocks: one conversation each, keyed and
grouped by the block's name. Headers are ``date time nick(QQ number)`` or
``nick<email>``; dates may be unpadded or use '/', times may be 12-hour with
上午/下午 (or AM/PM) before or after them. A group title 【头衔】 before the
nick is dropped. ``系统消息(10000)`` is the system's pseudo-sender.

Recognised by the banner on the first line.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import SYSTEM_SENDER, clean_body, clean_name, strip_invisible, valid_date
from .decode import split_lines

NAME = "qq"
DESCRIPTION = ("QQ message manager TXT: banner '消息记录（此消息记录为文本格式…', '消息对象:' blocks (one conversation "
               "each), 'date time nick(QQ号)' or 'nick<email>' headers, 12/24-hour times")
REPLY_LINKS = "none"

BANNER = re.compile(r"^消息记录[（(]此消息记录为文本格式")
OBJECT = re.compile(r"^消息对象[:：]\s*(.*?)\s*$")
GROUP_OF_OBJECTS = re.compile(r"^消息分组[:：]")
RULE = re.compile(r"^={8,}\s*$")
AMPM = r"(上午|下午|凌晨|中午|晚上|AM|PM|am|pm)"
HEADER = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s+(?:" + AMPM + r"\s*)?(\d{1,2}):(\d{2}):(\d{2})(?:\s*" + AMPM + r")?\s+"
    r"(.*?)(?:\((\d{4,12})\)|<([^<>\s]+)>)\s*$"
)
TITLE_PREFIX = re.compile(r"^【[^】]{1,16}】\s*")


def sniff(text: str) -> bool:
    for line in split_lines(text[:2000]):
        if line.strip():
            return bool(BANNER.match(strip_invisible(line).strip()))
    return False


def _hour(h: int, marker: Optional[str]) -> int:
    if not marker:
        return h
    if marker.lower() in ("pm", "下午", "晚上") or (marker == "中午" and h < 11):
        return h if h == 12 else h + 12
    return 0 if h == 12 else h  # am, 上午, 凌晨: 12 is midnight


def read(text: str, path: str, group: str) -> Iterator[Conversation]:
    lines = split_lines(text)
    convs: list[tuple[Optional[str], list[RawMessage], list[list[str]], list[Problem]]] = []

    def current():
        if not convs:
            convs.append((None, [], [], []))
        return convs[-1]

    prev_blank = True
    for i, line in enumerate(lines):
        plain = strip_invisible(line).strip()
        if i == 0 and BANNER.match(plain):
            continue
        m = OBJECT.match(plain)
        if m:
            convs.append((clean_name(m.group(1)), [], [], []))
            prev_blank = True
            continue
        if RULE.match(plain) or GROUP_OF_OBJECTS.match(plain):
            prev_blank = True
            continue
        h = HEADER.match(plain) if prev_blank or not current()[1] else None
        if h:
            y, mo, d, ap1, hh, mi, ss, ap2, nick, qq, email = h.groups()
            _, msgs, bodies, problems = current()
            date = valid_date(y, mo, d)
            hour = _hour(int(hh), ap1 or ap2)
            time = f"{hour:02d}:{mi}:{ss}" if hour < 24 and int(mi) < 60 and int(ss) < 60 else None
            if date is None or time is None:
                problems.append(Problem(path, f"header has an impossible date or time: {plain[:40]}", i + 1))
            nick = clean_name(TITLE_PREFIX.sub("", nick))
            system = qq == "10000" or nick == SYSTEM_SENDER
            msgs.append(RawMessage(n=len(msgs), time=time, date=date, sender=SYSTEM_SENDER if system else nick,
                                   body="", line=i + 1, sender_id=qq or email, system=system))
            bodies.append([])
            prev_blank = False
            continue
        if current()[1]:
            current()[2][-1].append(line)
        prev_blank = not plain
    for key, msgs, bodies, problems in convs:
        for k, (m, b) in enumerate(zip(msgs, bodies)):
            m.body = clean_body("\n".join(b))
            m.native_id = f"n{k}"
        if not msgs:
            continue
        dates = sorted({m.date for m in msgs if m.date})
        yield Conversation(path=path, group=key or group, date=dates[0] if dates else None, format=NAME,
                           messages=msgs, key=key if len(convs) > 1 else None, title=key, problems=problems)
    if not any(c[1] for c in convs):
        yield Conversation(path=path, group=group, date=None, format=NAME, messages=[],
                           problems=[Problem(path, "no messages found", severity="error")])
