"""Generic CSV or JSONL: for any chat that some other tool can write as a table.

Columns (CSV header names or JSONL keys, any order, case-insensitive):

- ``time`` (required): ``YYYY-MM-DD HH:MM:SS`` (or with ``T``, ``/``, seconds
  optional, fractions ignored); ``HH:MM:SS`` with a ``date`` column; a local
  time is kept as written. A time with a zone (``Z``, ``+08:00``) or a number
  (seconds since 1970) is an instant and is shown in the --timezone zone
  (default UTC).
- ``sender`` (required): the display name.
- ``text`` (required): the message; mentions as ``@name``.
- ``id``: the message's id; ``reply_to``: the id of the message it replies to.
- ``date``: ``YYYY-MM-DD``, when ``time`` has none.
- ``system``: ``1``/``true``/``yes`` for system messages (joins, recalls).
- ``chat``: the chat's name; a file holding several chats gives one
  conversation per chat. Without it the group is the folder's name.

Recognised by a CSV header row, or a first JSONL object, that has ``time``,
``sender`` and ``text``. It is the last reader tried.
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
    from_epoch,
    get_zone,
    parse_iso,
    strip_invisible,
    valid_date,
    valid_time,
)
from .decode import split_lines

NAME = "generic"
DESCRIPTION = ("generic CSV (header row) or JSONL (one object a line) with columns time, sender, text and optional "
               "id, reply_to, date, system, chat; recognised by those column names")
REPLY_LINKS = "optional reply_to column (the id of the replied message)"

REQUIRED = {"time", "sender", "text"}
TRUE = {"1", "true", "yes", "y", "t"}
CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")
SLASHED = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})[ T](.*)$")
EPOCH = re.compile(r"^\s*\d{9,11}(?:\.\d+)?\s*$")


def _jsonl_first(text: str) -> Optional[dict]:
    for line in split_lines(text[:20000])[:5]:
        line = strip_invisible(line).strip()
        if not line:
            continue
        if not line.startswith("{"):
            return None
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        return obj if isinstance(obj, dict) else None
    return None


def sniff(text: str) -> bool:
    first = _jsonl_first(text)
    if first is not None:
        return REQUIRED <= {str(k).strip().lower() for k in first}
    return REQUIRED <= {h.lower() for h in csv_header(text)}


def when(value: str, date: Optional[str], zone) -> tuple[Optional[str], Optional[str]]:
    value = str(value or "").strip()
    if not value:
        return date, None
    if EPOCH.match(value):
        return from_epoch(float(value), zone)
    m = SLASHED.match(value)
    if m:
        value = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d} {m.group(4)}"
    parsed = parse_iso(value, zone)
    if parsed:
        return parsed[0], parsed[1]
    m = CLOCK.match(value)
    if m:
        return date, valid_time(*m.groups())
    return date, None


def _records(text: str) -> Iterator[tuple[int, dict]]:
    if _jsonl_first(text) is not None:
        for i, line in enumerate(split_lines(text)):
            line = strip_invisible(line).strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                yield i + 1, {"__error__": "not a JSON object"}
                continue
            yield i + 1, {str(k).strip().lower(): v for k, v in obj.items()} if isinstance(obj, dict) else {"__error__": "not a JSON object"}
    else:
        header = [h.lower() for h in csv_header(text)]
        for line, cells in csv_rows(text):
            yield line, dict(zip(header, cells))


def read(text: str, path: str, group: str, *, timezone=None) -> Iterator[Conversation]:
    timezone = get_zone(None) if timezone is None else timezone  # UTC unless told
    chats: dict[str, tuple[list[RawMessage], list[Problem]]] = {}
    for line, r in _records(text):
        chat = clean_name(r.get("chat")) if r.get("chat") not in (None, "") else ""
        msgs, problems = chats.setdefault(chat, ([], []))
        if "__error__" in r:
            problems.append(Problem(path, r["__error__"] + "; line skipped", line))
            continue
        d = str(r.get("date") or "").strip()
        dm = re.match(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$", d)
        date = valid_date(*dm.groups()) if dm else None
        date, time = when(r.get("time"), date, timezone)
        if time is None:
            problems.append(Problem(path, f"unreadable time {r.get('time')!r}", line))
        system = str(r.get("system") or "").strip().lower() in TRUE
        rid = r.get("id")
        reply = r.get("reply_to")
        msgs.append(RawMessage(
            n=len(msgs), time=time, date=date, line=line,
            sender=SYSTEM_SENDER if system and not clean_name(r.get("sender")) else clean_name(r.get("sender")),
            body=clean_body(str(r.get("text") if r.get("text") is not None else "")),
            native_id=str(rid).strip() if rid not in (None, "") else f"n{len(msgs)}",
            reply_to_native=str(reply).strip() if reply not in (None, "") else None,
            system=system,
        ))
    many = len(chats) > 1
    for chat, (msgs, problems) in chats.items():
        dates = sorted({m.date for m in msgs if m.date})
        yield Conversation(path=path, group=chat or group, date=dates[0] if dates else None, format=NAME,
                           messages=msgs, key=chat if many else None, title=chat or None, problems=problems)
