"""Readers: one module per export format, each turning a file's text into
Conversations of RawMessages. A file's format is recognised from its content.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator, Optional

from ..records import Conversation, Problem
from . import archive
from .decode import NotText, decode

READERS = [archive]


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


def read_bytes(data: bytes, rel: str, group: str) -> tuple[list[Conversation], list[Problem], Optional[str]]:
    """Parse one file's bytes. Returns (conversations, problems, encoding)."""
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
    conversations = list(reader.read(text, rel, group))
    problems = [p for c in conversations for p in c.problems]
    return conversations, problems, encoding
