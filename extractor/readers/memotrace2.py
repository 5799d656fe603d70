"""MemoTrace v2 TXT export and its ``.html.json`` sidecar.

Based on MemoTrace 2's message model (MemoTrace-message.py, Message.to_text /
to_json, Dec 2024; the v2 exporter itself is not public): the TXT has v1's
shape, ``{str_time} {display_name}``, the body, a blank line, but writes a
quoted reply as ``{content}\\n引用：{name}: {quoted}`` and media as ``【图片】``,
``【表情包】 desc``, ``【文件】…``. The HTML export keeps its data in a JSON
sidecar, a list of Message.to_json() entries: ``server_id``, ``display_name``,
``timestamp``, ``type``, ``text`` and, for quotes, ``quote_server_id`` and
``quote_text``.

The TXT ``X.txt`` reads ``X.html.json`` beside it (or the only ``*.html.json``
of its folder) for message ids and explicit quote links; without a sidecar the
quoted text is matched to the earlier message. The sidecar itself yields
nothing when its TXT is beside it, and is read on its own otherwise (times from
``timestamp``, an instant, shown in the --timezone zone).
"""
from __future__ import annotations

import os
from typing import Iterator, Optional

from ..records import Conversation
from . import memotrace_txt
from .common import get_zone, load_json

NAME = "memotrace2_txt"
DESCRIPTION = ("MemoTrace v2 TXT ('YYYY-MM-DD HH:MM:SS name' blocks with 引用：name: text and 【图片】 placeholders) "
               "and its .html.json sidecar (a JSON list of entries with server_id/display_name)")
REPLY_LINKS = "quote_server_id in the .html.json sidecar; without it, the quoted text matched to the earlier message"


def is_sidecar(text: str) -> bool:
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if not head.startswith(("[", "{")) or '"server_id"' not in head:
        return False
    return memotrace_txt.sidecar_entries(load_json(text)) is not None


def sniff(text: str) -> bool:
    if is_sidecar(text):
        return True
    return memotrace_txt.sniff_shape(text) and memotrace_txt.has_v2_markers(text)


def _txt_beside(source_path: str) -> bool:
    folder, name = os.path.split(source_path)
    stem = name[: -len(".html.json")] if name.lower().endswith(".html.json") else os.path.splitext(name)[0]
    return os.path.isfile(os.path.join(folder, stem + ".txt"))


def read(text: str, path: str, group: str, *, source_path: Optional[str] = None, timezone=None) -> Iterator[Conversation]:
    timezone = get_zone(None) if timezone is None else timezone  # UTC unless told
    if is_sidecar(text):
        # read through its TXT when there is one; on its own when it is alone
        if source_path and not _txt_beside(source_path):
            entries = memotrace_txt.sidecar_entries(load_json(text))
            yield memotrace_txt.read_sidecar_alone(entries, path, group, timezone)
        return
    yield from memotrace_txt.parse(text, path, group, NAME, source_path=source_path)
