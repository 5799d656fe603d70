"""DiscordChatExporter (Tyrrrz/DiscordChatExporter) JSON export.

Based on DiscordChatExporter's JsonMessageWriter: ``{"guild": {id, name},
"channel": {id, type, category, name, topic}, "dateRange", "exportedAt",
"messages": [...], "messageCount"}``. A message has ``id``, ``type``
(``Default``, ``Reply``, or a system type such as ``GuildMemberJoin``,
``RecipientAdd``, ``ChannelPinnedMessage``, ``ThreadCreated``), ``timestamp``
(ISO 8601 with an offset), ``content`` (plain text, mentions already written
``@name``, custom emoji ``:name:``), ``author`` ({id, name, discriminator,
nickname, isBot}), ``attachments``, ``embeds``, ``stickers``, ``mentions`` and
``reference`` ({messageId, channelId, guildId}) for replies.

The channel is the group; times are instants shown in the --timezone zone
(default UTC). The sender is the author's nickname (else name).
"""
from __future__ import annotations

from typing import Iterator

from ..records import Conversation, Problem, RawMessage
from .common import SYSTEM_SENDER, clean_body, clean_name, get_zone, json_head, load_json, parse_iso

NAME = "discord"
DESCRIPTION = "DiscordChatExporter JSON: {guild, channel, messages[] with author, timestamp, reference}; recognised by those keys"
REPLY_LINKS = "reference.messageId"

SYSTEM_PHRASES = {
    "GuildMemberJoin": "joined the server", "RecipientAdd": "added someone to the group",
    "RecipientRemove": "removed someone from the group", "ChannelPinnedMessage": "pinned a message",
    "ThreadCreated": "started a thread", "ChannelNameChange": "changed the channel name",
    "Call": "started a call", "GuildBoost": "boosted the server",
}
USER_TYPES = {"Default", "Reply", "ThreadStarterMessage", "ChatInputCommand", "ContextMenuCommand", ""}


def sniff(text: str) -> bool:
    head = json_head(text)
    if not head.startswith("{") or '"guild"' not in head or '"channel"' not in head:
        return False
    data = load_json(text)
    return (isinstance(data, dict) and isinstance(data.get("guild"), dict) and isinstance(data.get("channel"), dict)
            and isinstance(data.get("messages"), list))


def _body(m: dict) -> str:
    text = clean_body(m.get("content") or "")
    extra = []
    for a in m.get("attachments") or []:
        if isinstance(a, dict):
            name = str(a.get("fileName") or "")
            is_image = name.lower().rsplit(".", 1)[-1] in ("png", "jpg", "jpeg", "gif", "webp")
            extra.append("[图片]" if is_image else f"[文件] {name}".strip())
    for s in m.get("stickers") or []:
        if isinstance(s, dict):
            extra.append(f"[表情] {s.get('name') or ''}".strip())
    for e in m.get("embeds") or []:
        if isinstance(e, dict) and e.get("url") and e.get("url") not in text:
            extra.append(" ".join(x for x in (str(e.get("title") or ""), str(e["url"])) if x))
    return "\n".join([x for x in [text] + extra if x])


def read(text: str, path: str, group: str, *, timezone=None) -> Iterator[Conversation]:
    timezone = get_zone(None) if timezone is None else timezone  # UTC unless told
    data = load_json(text)
    channel = data.get("channel") or {}
    guild = data.get("guild") or {}
    msgs: list[RawMessage] = []
    problems: list[Problem] = []
    for m in data.get("messages") or []:
        if not isinstance(m, dict):
            continue
        parsed = parse_iso(str(m.get("timestamp") or ""), timezone)
        date, time = (parsed[0], parsed[1]) if parsed else (None, None)
        if not parsed:
            problems.append(Problem(path, f"message {m.get('id')} has no readable timestamp"))
        author = m.get("author") if isinstance(m.get("author"), dict) else {}
        system = str(m.get("type") or "") not in USER_TYPES
        sender = clean_name(author.get("nickname")) or clean_name(author.get("name")) or "Deleted User"
        ref = m.get("reference") if isinstance(m.get("reference"), dict) else {}
        same_channel = not ref.get("channelId") or str(ref.get("channelId")) == str(channel.get("id"))
        body = _body(m)
        if system:
            phrase = SYSTEM_PHRASES.get(str(m.get("type")), str(m.get("type")))
            body = f"{sender} {phrase}" + (f": {body}" if body else "")
            sender = SYSTEM_SENDER
        msgs.append(RawMessage(
            n=len(msgs), time=time, date=date, sender=sender, body=body,
            native_id=str(m.get("id")) if m.get("id") is not None else f"n{len(msgs)}",
            reply_to_native=str(ref["messageId"]) if ref.get("messageId") and same_channel else None,
            sender_id=str(author.get("id") or "") or None, system=system,
        ))
    name = clean_name(channel.get("name")) or None
    title = " / ".join(x for x in (clean_name(guild.get("name")), name) if x) or None
    dates = sorted({x.date for x in msgs if x.date})
    yield Conversation(path=path, group=name or group, date=dates[0] if dates else None, format=NAME,
                       messages=msgs, title=title, problems=problems)
