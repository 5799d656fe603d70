"""The chat-archive format of the corpus: a Jekyll front matter, then one
``> HH:MM:SS  sender`` header per message, body lines ending in two spaces,
messages separated by lines of three spaces.

Recognised by content: a header line near the top (with or without the front
matter), whatever the file is called.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..records import Conversation, Problem, RawMessage
from .decode import split_lines

NAME = "archive"
DESCRIPTION = "chat-archive markdown (front matter + '> HH:MM:SS  sender' headers), as in cocolian-docs"
REPLY_LINKS = "quoted replies 「name: text」 - - - matched to the quoted message"

# A header: "> " then a time then the sender. The time is checked separately so
# that a header with an impossible time is still one message (and a warning).
HEADER = re.compile(r"^>[ \t]?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[ \t]+(.*?))?[ \t]*$")
DATE_IN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
SNIFF_LINES = 200


def sniff(text: str) -> bool:
    """Message headers near the top, after at most a few stray lines (a damaged front matter),
    not inside a document that merely quotes the format (prose or a code fence before them)."""
    lines = split_lines(text[:20000])[:SNIFF_LINES]
    fm, start = front_matter(lines)
    before = []
    for line in lines[start:]:
        if HEADER.match(line):
            return len(before) <= 8 and not any(l.lstrip().startswith("```") for l in before)
        if line.strip() and line.strip() != "---" and not re.match(r"^\s*[\w-]+:\s", line):
            before.append(line)  # prose, not front matter keys
    return fm is not None and "layout" in fm and ("title" in fm or "date" in fm)


def front_matter(lines: list[str]) -> tuple[Optional[dict], int]:
    """Return (keys, index of the first line after it) or (None, 0)."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "---":
        return None, 0
    keys = {}
    for j in range(i + 1, min(len(lines), i + 60)):
        line = lines[j]
        if line.strip() == "---":
            return keys, j + 1
        if ":" in line:
            k, _, v = line.partition(":")
            keys[k.strip().lower()] = v.strip().strip('"').strip("'").strip()
    return None, 0


def _valid_date(y: str, m: str, d: str) -> Optional[str]:
    import datetime

    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def find_date(fm: Optional[dict], path: str) -> tuple[Optional[str], str]:
    """The day of the file: the front matter's date, else the file name's."""
    if fm:
        for key in ("date", "title"):
            m = DATE_IN.search(fm.get(key, ""))
            if m and _valid_date(*m.groups()):
                return _valid_date(*m.groups()), f"front matter {key}"
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = DATE_IN.search(name)
    if m and _valid_date(*m.groups()):
        return _valid_date(*m.groups()), "file name"
    return None, ""


def _finish(body_lines: list[str]) -> str:
    start, end = 0, len(body_lines)
    while start < end and not body_lines[start].strip():
        start += 1
    while end > start and not body_lines[end - 1].strip():
        end -= 1
    return "\n".join(l.rstrip() if l.strip() else "" for l in body_lines[start:end])


def read(text: str, path: str, group: str) -> Iterator[Conversation]:
    lines = split_lines(text)
    fm, start = front_matter(lines)
    date, _ = find_date(fm, path)
    problems: list[Problem] = []
    if date is None:
        problems.append(Problem(path, "no date in the front matter or the file name; messages stored without a date"))
    messages: list[RawMessage] = []
    body: list[str] = []
    preamble = False
    for i in range(start, len(lines)):
        line = lines[i]
        m = HEADER.match(line)
        if m:
            if messages:
                messages[-1].body = _finish(body)
            body = []
            h, mi, s, sender = m.groups()
            sender = (sender or "").strip()
            time: Optional[str] = f"{int(h):02d}:{int(mi):02d}:{int(s):02d}"
            if int(h) > 23 or int(mi) > 59 or int(s) > 59:
                problems.append(Problem(path, f"header has an impossible time {h}:{mi}:{s}; stored without a time", i + 1))
                time = None
            if not sender:
                problems.append(Problem(path, "header has no sender; stored with an empty sender", i + 1))
            messages.append(RawMessage(n=len(messages), time=time, sender=sender, body="", line=i + 1, date=date))
        elif messages:
            body.append(line)
        elif line.strip() and not preamble:
            preamble = True
            problems.append(Problem(path, "text before the first message header is not part of any message; ignored", i + 1))
    if messages:
        messages[-1].body = _finish(body)
        tail = lines[-1] if lines else ""
        if tail.startswith(">") and not HEADER.match(tail) and re.match(r"^>\s?\d", tail):
            problems.append(Problem(path, "file ends in the middle of a message header (cut off?)", len(lines)))
        elif tail.strip() and not tail.endswith("  ") and not HEADER.match(tail):
            # every body line of this format ends in two spaces and the file in a line break
            problems.append(Problem(path, "file ends in the middle of a message (cut off?): its last message may be incomplete",
                                    len(lines)))
    elif fm is None:
        problems.append(Problem(path, "no message headers found", severity="error"))
    yield Conversation(
        path=path,
        group=group,
        date=date,
        format=NAME,
        messages=messages,
        title=(fm or {}).get("title"),
        author=(fm or {}).get("author"),
        problems=problems,
    )
