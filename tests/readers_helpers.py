"""Shared helpers of the reader tests: read a fixture, flatten messages to tuples, check sniffing."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from extractor.readers import READERS, detect, read_bytes
from extractor.readers.decode import decode

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def fixture(rel: str) -> Path:
    return FIXTURES / rel


def text_of(path: Path) -> str:
    text, _ = decode(path.read_bytes())
    return text.lstrip("\ufeff")


def read(path: Path, source: bool = True, timezone: Optional[str] = None, name: Optional[str] = None):
    """(conversations, problems, encoding) of a fixture, read the way the pipeline reads it.
    Notices about the file's encoding and line ends are left out: they are tested on their own."""
    convs, problems, encoding = read_bytes(path.read_bytes(), name or path.name, path.parent.name,
                                           source_path=str(path) if source else None, timezone=timezone)
    return convs, [p for p in problems if p.severity != "notice"], encoding


def rows(conv, fields=("n", "date", "time", "sender", "body", "native_id", "reply_to_native", "system")):
    return [tuple(getattr(m, f) for f in fields) for m in conv.messages]


def sniffers(path: Path) -> list[str]:
    """Names of every reader whose sniff accepts the file."""
    text = text_of(path)
    return [r.NAME for r in READERS if r.sniff(text)]


def assert_recognised(path: Path, reader, tmp_path: Path) -> None:
    """The file is recognised by ``reader`` and by no other reader (so by no earlier
    one), and still is under a meaningless name."""
    assert sniffers(path) == [reader.NAME]
    odd = tmp_path / "q8x3k"
    shutil.copyfile(path, odd)
    assert detect(text_of(odd)) is reader
    assert sniffers(odd) == [reader.NAME]
