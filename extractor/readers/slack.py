"""Slack workspace export (the folder Slack's "Export data" zip unpacks to).

Based on Slack's documented export layout: ``users.json``, ``channels.json``
(and ``groups.json``, ``mpims.json``, ``dms.json``, ``integration_logs.json``)
at the top, and one folder per channel holding a ``YYYY-MM-DD.json`` per day.
A day file is a JSON array of messages ``{type: "message", subtype?, user,
text, ts, thread_ts?, user_profile?, files?}``; ``ts`` (seconds since 1970,
with microseconds) is also the message id, and a thread reply has ``thread_ts``
= the ``ts`` of the thread's first message. Text uses Slack's markup:
``<@U123>`` mentions, ``<#C123|name>`` channels, ``<url|label>`` links,
``<!here>``, and HTML escapes for ``& < >``.

Each day file is one conversation; the channel (its folder) is the group.
``users.json`` two levels above the day file gives the display names;
it and the other top-level files are recognised and yield nothing. Times are
instants shown in the --timezone zone (default UTC).

Recognised by the structure of the JSON (an array of messages with ``ts``, an
array of users with profiles, an array of channels with ``created``).
"""
from __future__ import annotations

import html
import json
import os
import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import SYSTEM_SENDER, clean_body, clean_name, from_epoch, get_zone, json_head, load_json

NAME = "slack"
DESCRIPTION = ("Slack export folder: <channel>/YYYY-MM-DD.json day files (arrays of messages with ts), with users.json "
               "and channels.json at the top (recognised as part of the export; they hold no messages)")
REPLY_LINKS = "thread_ts (a thread reply points at the thread's first message)"

SYSTEM_SUBTYPES = {
    "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
    "channel_unarchive", "group_join", "group_leave", "group_topic", "group_purpose", "group_name",
    "group_archive", "group_unarchive", "pinned_item", "unpinned_item", "bot_add", "bot_remove", "tombstone",
    "channel_convert_to_private", "channel_convert_to_public", "reminder_add",
}
MARKUP = re.compile(r"<([^<>\n]+)>")


def _kind(data) -> Optional[str]:
    """'day', 'users', 'channels', 'logs' or None."""
    if isinstance(data, dict):
        logs = data.get("logs")
        if set(data) <= {"logs", "paging"} and isinstance(logs, list) and all(isinstance(x, dict) and "change_type" in x for x in logs[:5]):
            return "logs"
        return None
    if not isinstance(data, list):
        return None
    head = [x for x in data[:20] if isinstance(x, dict)]
    if not data:
        return "day"  # an empty day file (or an empty list of channels): holds no messages either way
    if not head:
        return None
    if all("ts" in x and ("type" in x or "text" in x) for x in head):
        return "day"
    if all("id" in x and "name" in x and ("profile" in x or "real_name" in x or "is_bot" in x) for x in head):
        return "users"
    if all("id" in x and "created" in x and ("name" in x or "members" in x) for x in head):
        return "channels"
    return None


def sniff(text: str) -> bool:
    head = json_head(text, 2048)
    if not head.startswith(("[", "{")):
        return False
    if head.startswith("{") and '"logs"' not in head:
        return False
    if head.startswith("[") and not re.search(r'"(ts|created|real_name|profile)"', text[:20000]) and head.rstrip() != "[]":
        return False
    return _kind(load_json(text)) is not None


def _load(path: str):
    try:
        with open(path, "rb") as fh:
            return json.loads(fh.read().decode("utf-8-sig"))
    except (OSError, ValueError):
        return None


def _users(source_path: Optional[str]) -> tuple[dict, set]:
    """(user id -> display name, channel names) from the export's top folder."""
    if not source_path:
        return {}, set()
    top = os.path.dirname(os.path.dirname(os.path.abspath(source_path)))
    names = {}
    for u in _load(os.path.join(top, "users.json")) or []:
        if isinstance(u, dict) and u.get("id"):
            p = u.get("profile") if isinstance(u.get("profile"), dict) else {}
            names[u["id"]] = clean_name(p.get("display_name") or p.get("real_name") or u.get("real_name") or u.get("name"))
    channels = set()
    for f in ("channels.json", "groups.json", "mpims.json"):
        for c in _load(os.path.join(top, f)) or []:
            if isinstance(c, dict) and c.get("name"):
                channels.add(c["name"])
    return names, channels


def plain(text: str, users: dict) -> str:
    """Slack markup to plain text: mentions as @name, links as 'label url'."""
    def sub(m):
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (users.get(target[1:]) or label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!subteam"):
            return label if label.startswith("@") else "@" + (label or "team")
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        if target.startswith("mailto:"):
            return label or target[7:]
        if label and label != target:
            return f"{label} {target}"
        return target
    return html.unescape(MARKUP.sub(sub, text or ""))


def _sender(m: dict, users: dict) -> str:
    p = m.get("user_profile") if isinstance(m.get("user_profile"), dict) else {}
    name = clean_name(p.get("display_name") or p.get("real_name"))
    if not name and m.get("user"):
        name = users.get(m["user"]) or clean_name(m["user"])
    if not name:
        bot = m.get("bot_profile") if isinstance(m.get("bot_profile"), dict) else {}
        name = clean_name(m.get("username") or bot.get("name")) or "bot"
    return name


def read(text: str, path: str, group: str, *, source_path: Optional[str] = None, timezone=None) -> Iterator[Conversation]:
    timezone = get_zone(None) if timezone is None else timezone  # UTC unless told
    data = load_json(text)
    if _kind(data) != "day" or not data:
        return  # users.json, channels.json …: part of the export, read by the day files
    users, channels = _users(source_path)
    folder = os.path.basename(os.path.dirname(os.path.abspath(source_path))) if source_path else ""
    name = folder if folder and folder in channels else group
    msgs: list[RawMessage] = []
    problems: list[Problem] = []
    for m in data:
        if not isinstance(m, dict) or m.get("type", "message") != "message":
            continue
        ts = str(m.get("ts") or "")
        try:
            date, time = from_epoch(float(ts), timezone)
        except ValueError:
            date = time = None
            problems.append(Problem(path, f"message with an unreadable ts {ts!r}"))
        subtype = m.get("subtype") or ""
        system = subtype in SYSTEM_SUBTYPES
        sender = _sender(m, users)
        body = clean_body(plain(m.get("text") or "", users))
        files = [f for f in (m.get("files") or []) if isinstance(f, dict)]
        for f in files:
            is_image = str(f.get("mimetype") or "").startswith("image/")
            body = (body + "\n" if body else "") + ("[图片]" if is_image else f"[文件] {f.get('name') or f.get('title') or ''}".strip())
        thread = str(m.get("thread_ts") or "")
        msgs.append(RawMessage(
            n=len(msgs), time=time, date=date, sender=SYSTEM_SENDER if system else sender, body=body,
            native_id=ts or f"n{len(msgs)}", reply_to_native=thread if thread and thread != ts else None,
            sender_id=m.get("user"), system=system,
        ))
    dates = sorted({x.date for x in msgs if x.date})
    yield Conversation(path=path, group=name, date=dates[0] if dates else None, format=NAME,
                       messages=msgs, problems=problems)
