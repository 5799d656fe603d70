"""Telegram Desktop's JSON export (``result.json``).

Based on Telegram Desktop's export format (machine-readable JSON): one chat is
``{"name", "type", "id", "messages": [...]}``; a full export holds
``"chats": {"list": [chat, ...]}`` (and ``"left_chats"``), one conversation
per chat, keyed by the chat id and grouped by its name. A message has ``id``,
``type`` (``message`` or ``service``), ``date`` (local time of the exporting
machine, no zone), ``date_unixtime`` (the instant), ``from``/``from_id``,
``text`` (a string, or a list of strings and entities ``{"type", "text"}``
such as ``mention``, ``mention_name``, ``text_link`` with ``href``),
``reply_to_message_id``, media keys (``photo``, ``file`` with
``media_type``, ``sticker_emoji``). Service messages have ``actor`` and
``action`` (``invite_members``, ``join_group_by_link``, ``remove_members`` …).

Times: ``date_unixtime`` shown in the --timezone zone (default UTC); ``date``
as written when there is no ``date_unixtime``.
"""
from __future__ import annotations

from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .common import SYSTEM_SENDER, clean_body, clean_name, from_epoch, get_zone, json_head, load_json, parse_iso

NAME = "telegram"
DESCRIPTION = ("Telegram Desktop result.json: one chat ({name, type, id, messages}) or a full export "
               "(chats.list, one conversation per chat); recognised by those keys")
REPLY_LINKS = "reply_to_message_id"

CHAT_TYPES = {"personal_chat", "private_group", "private_supergroup", "public_supergroup", "public_channel",
              "private_channel", "bot_chat", "saved_messages", "channel"}
MEDIA = {"sticker": "[表情]", "animation": "[动画表情]", "video_file": "[视频]", "video_message": "[视频]",
         "voice_message": "[语音]", "audio_file": "[音乐]"}
ACTIONS = {
    "invite_members": "invited {members}", "remove_members": "removed {members}",
    "join_group_by_link": "joined the group via invite link", "create_group": "created the group «{title}»",
    "edit_group_title": "changed the group name to «{title}»", "pin_message": "pinned a message",
    "migrate_from_group": "upgraded the group to a supergroup", "edit_group_photo": "changed the group photo",
    "join_group_by_request": "joined the group",
}


def _chats(data) -> Optional[list[dict]]:
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("messages"), list) and ("type" in data or "name" in data) and "id" in data:
        return [data]
    out = []
    for key in ("chats", "left_chats"):
        box = data.get(key)
        if isinstance(box, dict) and isinstance(box.get("list"), list):
            out += [c for c in box["list"] if isinstance(c, dict) and isinstance(c.get("messages"), list)]
    return out if out or isinstance(data.get("chats"), dict) else None


def sniff(text: str) -> bool:
    head = json_head(text)
    if not head.startswith("{"):
        return False
    if '"messages"' not in head and '"chats"' not in text[:200000] and '"personal_information"' not in head:
        return False
    data = load_json(text)
    chats = _chats(data)
    if not chats:
        return chats is not None  # a full export with no chat in it is still Telegram's
    c = chats[0]
    msgs = c["messages"]
    return c.get("type") in CHAT_TYPES or any(isinstance(m, dict) and ("date_unixtime" in m or "from_id" in m) for m in msgs[:20])


def flatten(text) -> str:
    """Telegram's text: a string, or a list of strings and entities."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    out = []
    for part in text:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, dict):
            t = str(part.get("text") or "")
            kind = part.get("type")
            if kind == "mention_name" and not t.startswith("@"):
                out.append("@" + t)
            elif kind == "text_link" and part.get("href") and part.get("href") != t:
                out.append(f"{t} {part['href']}")
            else:
                out.append(t)
    return "".join(out)


def _body(m: dict) -> str:
    text = clean_body(flatten(m.get("text")))
    media = None
    if m.get("photo"):
        media = "[图片]"
    elif m.get("media_type") in MEDIA:
        media = MEDIA[m["media_type"]]
        if m.get("media_type") == "sticker" and m.get("sticker_emoji"):
            media += " " + m["sticker_emoji"]
    elif m.get("file"):
        media = f"[文件] {m.get('file_name') or ''}".strip()
    elif m.get("poll"):
        media = "[投票] " + str((m.get("poll") or {}).get("question") or "")
    if media and text:
        return f"{media}\n{text}"
    return text or media or ""


def _service(m: dict) -> str:
    actor = clean_name(m.get("actor")) or clean_name(m.get("from")) or ""
    action = str(m.get("action") or "")
    members = ", ".join(clean_name(x) for x in (m.get("members") or []) if x)
    phrase = ACTIONS.get(action, action.replace("_", " "))
    phrase = phrase.format(members=members, title=m.get("title") or "")
    text = clean_body(flatten(m.get("text")))
    return " ".join(x for x in (actor, phrase, text) if x).strip()


def read(text: str, path: str, group: str, *, timezone=None) -> Iterator[Conversation]:
    timezone = get_zone(None) if timezone is None else timezone  # UTC unless told
    chats = _chats(load_json(text)) or []
    many = len(chats) > 1
    for chat in chats:
        msgs: list[RawMessage] = []
        problems: list[Problem] = []
        for m in chat["messages"]:
            if not isinstance(m, dict):
                continue
            date = time = None
            if m.get("date_unixtime") not in (None, ""):
                try:
                    date, time = from_epoch(float(m["date_unixtime"]), timezone)
                except (TypeError, ValueError):
                    pass
            if date is None:
                parsed = parse_iso(str(m.get("date") or ""))
                if parsed:
                    date, time = parsed[0], parsed[1]
                else:
                    problems.append(Problem(path, f"message {m.get('id')} has no readable date"))
            system = m.get("type") == "service"
            sender = SYSTEM_SENDER if system else (clean_name(m.get("from")) or "Deleted Account")
            reply = m.get("reply_to_message_id")
            msgs.append(RawMessage(
                n=len(msgs), time=time, date=date, sender=sender,
                body=_service(m) if system else _body(m),
                native_id=str(m.get("id")) if m.get("id") is not None else f"n{len(msgs)}",
                reply_to_native=str(reply) if reply is not None else None,
                sender_id=str(m.get("actor_id" if system else "from_id") or "") or None, system=system,
            ))
        name = clean_name(chat.get("name")) or None
        dates = sorted({x.date for x in msgs if x.date})
        yield Conversation(path=path, group=name or group, date=dates[0] if dates else None, format=NAME,
                           messages=msgs, title=name, key=str(chat.get("id")) if many else None, problems=problems)
