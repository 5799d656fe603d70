"""Which databases are knowledge bases, and the URLs of the plugin's pages."""
from __future__ import annotations

import urllib.parse
import weakref

from datasette.utils import tilde_encode

KB_TABLES = {"questions", "answers", "messages", "members", "questions_fts"}
_known: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


async def is_kb(datasette, database: str | None) -> bool:
    """True for a database built by ``extractor build`` (it has the knowledge-base tables)."""
    db = datasette.databases.get(database) if database else None
    if db is None:
        return False
    if db not in _known:
        _known[db] = KB_TABLES <= set(await db.table_names())
    return _known[db]


async def kb_databases(datasette) -> list[str]:
    return [name for name in datasette.databases if await is_kb(datasette, name)]


def question_url(datasette, database: str, question_id: str, q: str | None = None) -> str:
    url = f"{datasette.urls.database(database)}/question/{tilde_encode(str(question_id))}"
    return url + ("?" + urllib.parse.urlencode({"q": q}) if q else "")


# The columns a reader wants first; the plugin's links to these tables show them (?_col=).
READABLE_COLUMNS = {
    "questions": ["text", "asker", "group_name", "date", "time", "answer_count", "published", "keywords"],
    "answers": ["text", "answerer", "question_id", "rank", "accepted", "group_name", "date", "time"],
}


def table_url(datasette, database: str, table: str, **filters) -> str:
    """A table filtered by column=value (and ?_facet= etc.), with its readable columns."""
    pairs = list(filters.items()) + [("_col", c) for c in READABLE_COLUMNS.get(table, [])]
    return datasette.urls.table(database, table) + ("?" + urllib.parse.urlencode(pairs) if pairs else "")


def member_url(datasette, database: str, alias: str) -> str:
    """Where a mentioned name leads: the alias row, which links to its member."""
    return datasette.urls.row(database, "aliases", tilde_encode(alias))
