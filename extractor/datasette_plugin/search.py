"""Chinese full-text search: a user's query segmented like the index.

The ``search`` columns hold jieba words separated by spaces (``segment.search_text``),
indexed by FTS5 with the unicode61 tokenizer. A query is segmented by the same code
(``segment.query_terms``); every word is quoted, so nothing the user types is read as
FTS5 syntax (``OR``, ``*``, ``NEAR``, unbalanced quotes are plain words or dropped).
"""
from __future__ import annotations

import re

from .. import segment

# Quoted, this phrase tokenizes to nothing: a valid query that matches no row.
MATCH_NOTHING = '"*"'


def terms(query: str | None) -> list[str]:
    """The words to look for, in order, once each: function words are dropped
    when the query has other words (请问 退款 -> 退款), kept when it has nothing else."""
    words = list(dict.fromkeys(segment.query_terms(query or "")))
    content = [w for w in words if w not in segment.STOPWORDS]
    return content or words


ASCII_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-.#_]*")


def marks(query: str | None) -> list[str]:
    """What to mark in text for a query: its words, except that a one-letter ASCII word
    (t, 1 of T+1) is marked only as the run it was typed in (T+1), not wherever it occurs."""
    words = terms(query)
    out = [w for w in words if not (len(w) == 1 and w.isascii())]
    for run in ASCII_RUN.findall(query or ""):
        if len(run) > 1 and run.lower() not in out:
            out.append(run.lower())
    return out or words


def fts_match(query: str | None) -> str:
    """An FTS5 MATCH expression: every word quoted, all of them required."""
    words = terms(query)
    if not words:
        return MATCH_NOTHING
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def table_search(query: str) -> str | None:
    """What Datasette's own ``_search`` should receive for this query: the words
    separated by spaces (Datasette then quotes each one), ``*`` when nothing is
    left to search for (no row matches), None for a blank box (no search)."""
    if not query.strip():
        return None
    words = terms(query)
    return " ".join(words) if words else "*"


def term_pattern(words: list[str]) -> re.Pattern | None:
    """A case-insensitive pattern finding the words in plain text, longest first."""
    words = [w for w in words if w]
    if not words:
        return None
    words.sort(key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def coverage(text: str | None, query: str | None) -> float:
    """The share of the query's words found in ``text`` (case-insensitive)."""
    words = terms(query)
    if not words or not text:
        return 0.0
    text = text.lower()
    return sum(1 for w in words if w.lower() in text) / len(words)


def snippet(text: str | None, query: str | None, width: int = 80) -> str:
    """The passage of ``text`` (about ``width`` characters) with the most distinct
    query words, whitespace collapsed; the start of the text when none occurs."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    pattern = term_pattern(marks(query))
    hits = [(m.start(), m.group().lower()) for m in pattern.finditer(text)] if pattern else []
    start = 0
    if hits:
        best = -1
        for i, (pos, _) in enumerate(hits):
            covered = {w for p, w in hits[i:] if p < pos + width * 3 // 4}
            if len(covered) > best:
                best, start = len(covered), max(0, pos - width // 4)
        start = min(start, len(text) - width)
    end = start + width
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
