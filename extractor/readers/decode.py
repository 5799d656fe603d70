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


MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"%PDF", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
         b"Rar!", b"\x7fELF", b"MZ", b"SQLite format 3", b"ID3", b"OggS", b"RIFF", b"\x00\x00\x00\x18ftyp",
         b"\x00\x00\x00\x20ftyp", b"\xd0\xcf\x11\xe0")


def looks_binary(data: bytes) -> bool:
    """Images, archives and other binaries: a known signature, or many NUL bytes.
    A text file with a stray NUL is still text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if head.startswith(MAGIC):
        return True
    return head.count(b"\x00") > max(2, len(head) // 100)


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
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")  # stray NULs (a damaged file) carry no text
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
