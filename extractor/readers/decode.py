"""Turn a file's bytes into text: BOM first, then strict UTF-8, then GB18030."""
from __future__ import annotations

import codecs

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class NotText(ValueError):
    """The bytes are not text in any encoding we read."""


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    return b"\x00" in head


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Line ends are left as they are."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + "-bom"
            except UnicodeDecodeError as e:
                raise NotText(f"has a {encoding} byte-order mark but is not valid {encoding}: {e.reason} at byte {e.start}")
    if looks_binary(data):
        raise NotText("is binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        raise NotText(f"is neither UTF-8 nor GB18030 text (bad byte at {e.start})")


def split_lines(text: str) -> list[str]:
    """Split on CRLF, LF and lone CR alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
