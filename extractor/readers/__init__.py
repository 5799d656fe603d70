"""Readers: one module per export format, each turning a file's text into
Conversations of RawMessages. A file's format is recognised from its content.

The protocol of a reader module:

- ``NAME``, ``DESCRIPTION`` (what it reads and how it is recognised),
  ``REPLY_LINKS`` (the reply or quote link it carries, or "none");
- ``sniff(text) -> bool``: recognise the format by content, never by file name;
- ``read(text, path, group, *, source_path=None, timezone=None)`` yielding
  ``Conversation`` objects. The two keywords are optional: a reader declares
  the ones it uses. ``source_path`` is the file's real path on disk, for
  formats that read sibling files (Slack's users.json, a MemoTrace sidecar);
  ``timezone`` (a ``datetime.tzinfo``) is the zone in which formats with
  absolute instants (Telegram, Slack, Discord) show their times; UTC when not
  given.

A reader whose file belongs to an export but holds no messages of its own
(Slack's users.json, a MemoTrace sidecar read through its TXT) recognises it
and yields nothing: such a file is counted as auxiliary, not as unreadable.

Order matters: the first reader whose sniff accepts a text reads it, so the
more specific ones come first and the generic CSV/JSONL reader comes last.
"""
from __future__ import annotations

import datetime
import inspect
import os
from dataclasses import dataclass
from typing import Iterator, Optional, Union

from ..records import Conversation, Problem
from . import (
    archive,
    chatlog,
    discord,
    generic,
    memotrace_csv,
    memotrace_txt,
    memotrace2,
    pywxdump,
    qq,
    slack,
    telegram,
    wechat_exporter,
)
from .common import get_zone
from ..segment import MAX_ANALYSED_CHARS
from .decode import NotText, decode

READERS = [
    telegram,  # JSON: "messages" with "date_unixtime" / "chats": {"list": ...}
    discord,  # JSON: "guild", "channel", "messages" with "author"
    slack,  # JSON: a channel day file, users.json, channels.json ...
    chatlog,  # JSON array with seq/talker/senderName, or "Name(id) time" text
    pywxdump,  # CSV/JSON with MsgSvrID/type_name/room_name, and its users.json
    memotrace2,  # sidecar JSON with server_id; TXT with 引用：/【图片】
    memotrace_csv,  # CSV with MemoTrace's exact header rows
    qq,  # banner 消息记录（此消息记录为文本格式…
    wechat_exporter,  # first line "<chat> - 微信聊天记录"
    archive,  # front matter / "> HH:MM:SS  sender"
    memotrace_txt,  # "YYYY-MM-DD HH:MM:SS name", body, blank line
    generic,  # CSV or JSONL with time, sender, text: last, it is the loosest
]


@dataclass
class InputFile:
    path: str  # as found on disk
    rel: str  # relative to the root it was found under (the stored source path)
    group: str  # default group: the name of the file's folder
    root: str = ""  # the file or folder it was found under, as given


def iter_files(paths: list[str]) -> Iterator[InputFile]:
    """Files under the given files and folders (recursively, sorted, hidden ones skipped)."""
    seen: set[str] = set()
    for root in paths:
        root = os.path.normpath(root)
        if os.path.isdir(root):
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    full = os.path.join(dirpath, name)
                    rel = os.path.relpath(full, root).replace(os.sep, "/")
                    yield from _once(seen, full, rel, root)
        else:
            yield from _once(seen, root, os.path.basename(root), root)


def _once(seen: set[str], full: str, rel: str, root: str) -> Iterator[InputFile]:
    real = os.path.realpath(full)
    if real in seen:
        return
    seen.add(real)
    group = os.path.basename(os.path.dirname(os.path.abspath(full))) or "chat"
    yield InputFile(full, rel, group, root)


def detect(text: str):
    for reader in READERS:
        if reader.sniff(text):
            return reader
    return None


def read_with(reader, text: str, rel: str, group: str, source_path: Optional[str] = None,
              timezone: Union[None, str, datetime.tzinfo] = None) -> list[Conversation]:
    """Call a reader's ``read`` with the optional keywords it declares."""
    params = inspect.signature(reader.read).parameters
    kwargs = {}
    if "source_path" in params:
        kwargs["source_path"] = source_path
    if "timezone" in params:
        kwargs["timezone"] = get_zone(timezone) if not isinstance(timezone, datetime.tzinfo) else timezone
    return list(reader.read(text, rel, group, **kwargs))


def read_bytes(data: bytes, rel: str, group: str, source_path: Optional[str] = None,
               timezone: Union[None, str, datetime.tzinfo] = None) -> tuple[list[Conversation], list[Problem], Optional[str]]:
    """Parse one file's bytes. Returns (conversations, problems, encoding).

    ``source_path`` (the file on disk) lets a reader find sibling files;
    ``timezone`` (a name, an offset or a tzinfo; default UTC) is used by
    formats whose times are absolute instants. A file that belongs to an
    export but holds no messages gives ([], [], encoding)."""
    if not data.strip():
        return [], [Problem(rel, "is empty", severity="error")], None
    try:
        text, encoding = decode(data)
    except NotText as e:
        return [], [Problem(rel, str(e), severity="error")], None
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = detect(text)
    if reader is None:
        return [], [Problem(rel, "is not a chat log in any format this tool reads", severity="error")], encoding
    conversations = read_with(reader, text, rel, group, source_path=source_path, timezone=timezone)
    for c in conversations:
        for m in c.messages:
            if len(m.body) > MAX_ANALYSED_CHARS:
                c.problems.append(Problem(rel, f"a message of {len(m.body):,} characters: stored whole, only the first "
                                               f"{MAX_ANALYSED_CHARS:,} are analysed and indexed", m.line, severity="notice"))
    problems = [p for c in conversations for p in c.problems]
    if conversations:
        problems[:0] = _format_notes(data, rel, encoding)
    return conversations, problems, encoding


ENCODING_NAMES = {"utf-8-bom": "UTF-8 with a byte-order mark", "gb18030": "GB18030 (GBK)",
                  "utf-16-le-bom": "UTF-16 (little-endian, with a byte-order mark)",
                  "utf-16-be-bom": "UTF-16 (big-endian, with a byte-order mark)",
                  "utf-32-le-bom": "UTF-32 (little-endian)", "utf-32-be-bom": "UTF-32 (big-endian)"}


def _format_notes(data: bytes, rel: str, encoding: Optional[str]) -> list[Problem]:
    """What was unusual about a file that was read anyway (its encoding, its line ends)."""
    notes = []
    if encoding and encoding != "utf-8":
        notes.append(Problem(rel, f"read as {ENCODING_NAMES.get(encoding, encoding)}", severity="notice"))
    crlf = data.count(b"\r\n")
    lone_cr = data.count(b"\r") - crlf
    if encoding and encoding.startswith("utf-16"):
        crlf, lone_cr = data.count("\r\n".encode(encoding[:9])), 0
    if crlf:
        notes.append(Problem(rel, "has CRLF line ends", severity="notice"))
    if lone_cr > 0:
        notes.append(Problem(rel, "has lone CR line ends (old Mac style)", severity="notice"))
    return notes
