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


def table_url(datasette, database: str, table: str, **filters) -> str:
    url = datasette.urls.table(database, table)
    return url + ("?" + urllib.parse.urlencode(filters) if filters else "")


def member_url(datasette, database: str, alias: str) -> str:
    """Where a mentioned name leads: the alias row, which links to its member."""
    return datasette.urls.row(database, "aliases", tilde_encode(alias))
