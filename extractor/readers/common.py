"""Helpers shared by the readers: invisible characters, time zones, JSON and
CSV loading, and resolving quoted replies to the message they quote.

Nothing here knows a particular export format.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import re
from functools import lru_cache
from typing import Any, Iterator, Optional

from ..records import RawMessage

# Characters that carry no text: byte-order marks met inside a file (two exports
# pasted together), bidi marks, zero-width joiners. U+2005 (WeChat's mention
# separator) and U+202F (a narrow no-break space) are spaces, not invisible:
# bodies keep them, names turn them into plain spaces.
INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]")
ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

SYSTEM_SENDER = "系统消息"  # pseudo-sender for system lines that name no one


def strip_invisible(s: str) -> str:
    return INVISIBLE.sub("", s)


def clean_name(name: Optional[str]) -> str:
    """A display name without invisible characters and with odd spaces made plain."""
    if not name:
        return ""
    name = ODD_SPACE.sub(" ", strip_invisible(str(name)))
    return re.sub(r" {2,}", " ", name).strip()


def clean_body(text: Optional[str]) -> str:
    """A body with its line ends made "\\n", invisible characters dropped, outer blank lines trimmed."""
    if not text:
        return ""
    text = strip_invisible(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [l.rstrip() for l in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def quote_body(name: str, quoted: str, reply: str) -> str:
    """A quoted reply written the way WeChat shows it, which normalize reads:
    「name：quoted」, a line of dashes, then the reply."""
    quoted = re.sub(r"\s*\n\s*", " ", quoted or "").strip()
    name = (name or "").replace(":", " ").replace("：", " ").strip() or "?"
    return f"「{name}：{quoted}」\n- - - - - - - - - - - - - - -\n{reply}"


# ------------------------------------------------------------------ time zones

def get_zone(name: Optional[str]) -> datetime.tzinfo:
    """A time zone from an IANA name ('Asia/Shanghai'), 'UTC', or an offset
    ('+08:00', 'UTC+8', '-0530'). None means UTC. Raises ValueError."""
    if name is None or not str(name).strip() or str(name).strip().upper() in ("UTC", "Z", "GMT"):
        return datetime.timezone.utc
    s = str(name).strip()
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", s, re.I)
    if m:
        sign, h, mi = m.groups()
        delta = datetime.timedelta(hours=int(h), minutes=int(mi or 0))
        if delta > datetime.timedelta(hours=14):
            raise ValueError(f"time zone offset out of range: {name}")
        return datetime.timezone(-delta if sign == "-" else delta)
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(s)
    except Exception:
        raise ValueError(f"unknown time zone: {name} (use an IANA name such as Asia/Shanghai, or an offset such as +08:00)")


def from_epoch(seconds: float, zone: datetime.tzinfo) -> tuple[str, str]:
    """(date, time) of an instant, as seen in zone."""
    dt = datetime.datetime.fromtimestamp(float(seconds), datetime.timezone.utc).astimezone(zone)
    return dt.strftime("%Y-%m-%d"), dt.strftime("%H:%M:%S")


ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)


def parse_iso(value: str, zone: Optional[datetime.tzinfo] = None) -> Optional[tuple[str, str, bool]]:
    """(date, time, absolute) of an ISO-like date-time. With an offset ('Z',
    '+08:00') it is an instant and is shown in ``zone`` when one is given;
    without one it is a local time and is kept as written."""
    m = ISO.match(value or "")
    if not m:
        return None
    y, mo, d, h, mi, s, off = m.groups()
    try:
        dt = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
    except ValueError:
        return None
    if off:
        if off == "Z":
            tz = datetime.timezone.utc
        else:
            o = off.replace(":", "")
            delta = datetime.timedelta(hours=int(o[1:3]), minutes=int(o[3:5]))
            tz = datetime.timezone(-delta if o[0] == "-" else delta)
        dt = dt.replace(tzinfo=tz)
        if zone is not None:
            dt = dt.astimezone(zone)
        return dt.strftime("%Y-%m-%d"), dt.strftime("%H:%M:%S"), True
    return dt.strftime("%Y-%m-%d"), dt.strftime("%H:%M:%S"), False


def valid_date(y, m, d) -> Optional[str]:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def valid_time(h, m, s) -> Optional[str]:
    h, m, s = int(h), int(m), int(s or 0)
    if h > 23 or m > 59 or s > 59:
        return None
    return f"{h:02d}:{m:02d}:{s:02d}"


# ------------------------------------------------------------------ JSON and CSV

@lru_cache(maxsize=4)
def load_json(text: str) -> Any:
    """The parsed JSON of a text, or None. Cached: several sniffers look at one
    file, then its reader reads it. Callers must not change what they get."""
    t = text.lstrip("\ufeff \t\r\n")
    if not t or t[0] not in "{[":
        return None
    try:
        return json.loads(t)
    except ValueError:
        return None


def json_head(text: str, size: int = 4096) -> str:
    """The start of a JSON text, for a cheap look at its keys before parsing."""
    return text[:size].lstrip("\ufeff \t\r\n")


def csv_header(text: str) -> list[str]:
    """The cells of a CSV text's first row, trimmed, without a BOM."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].split("\r", 1)[0]
    try:
        row = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return []
    return [strip_invisible(c).strip() for c in row]


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(1-based line where the record starts, cells) for each record after the header."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    start = 1
    first = True
    for row in reader:
        line, start = start, reader.line_num + 1
        if first:
            first = False
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        yield line, row


# ------------------------------------------------------------------ quoted replies

def squash(s: Optional[str]) -> str:
    return re.sub(r"[\s?？\u2005\u202f]+", "", strip_invisible(s or ""))


def same_name(a: Optional[str], b: Optional[str]) -> bool:
    from ..normalize import name_key

    return bool(a) and bool(b) and name_key(a) == name_key(b)


def resolve_quote(
    msgs: list[RawMessage],
    texts: list[str],
    k: int,
    name: Optional[str] = None,
    text: Optional[str] = None,
    date: Optional[str] = None,
    time: Optional[str] = None,
    sender_ids: Optional[list[Optional[str]]] = None,
    quoted_id: Optional[str] = None,
) -> Optional[str]:
    """The native id of the earlier message (before index k) that a quote points
    at, or None. ``texts`` are the messages' own words (without their quotes).

    A quote carrying a time (sjzar/chatlog, PyWxDump) matches the sender and
    time; one carrying text (MemoTrace, WechatExporter) matches the text, the
    sender breaking ties. Nearest earlier message wins."""
    q = squash(text)
    best = None
    for i in range(k - 1, max(-1, k - 500), -1):
        m = msgs[i]
        if m.system:
            continue
        named = same_name(name, m.sender) or (quoted_id is not None and sender_ids is not None and sender_ids[i] == quoted_id)
        if time:
            if m.time == time and (date is None or m.date is None or m.date == date or m.date[5:] == date):
                if named or not name:
                    return m.native_id
                if best is None:  # the quote may name the sender otherwise (nickname vs. "我")
                    best = m.native_id
            continue
        if not q:
            continue
        t = squash(texts[i])
        if not t:
            continue
        if t == q or (len(q) >= 6 and (q in t or t in q)) or (len(q) >= 10 and t[:10] == q[:10]):
            if named:
                return m.native_id
            if best is None:
                best = m.native_id
    return best
