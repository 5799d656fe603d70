"""The table search box (``?_search=``) of the searchable knowledge-base tables.

Datasette quotes ``_search`` word by word at spaces, so an unsegmented Chinese
phrase (代金券退款) would be looked up as one word that the index never holds.
This ASGI middleware rewrites ``_search`` (and ``_search_<column>``) of
``/<db>/questions`` and ``/<db>/answers`` to the words of the query, segmented like
the index (代金券 退款), before Datasette reads it. The browser keeps the URL it
sent; static/kb.js puts the user's words back in the search box.

It also keeps what to mark of the request's search (``_search`` or ``q``) for the
request's cells, so that render_cell can mark them.
"""
from __future__ import annotations

import contextvars
import re
import urllib.parse

from datasette.utils import tilde_decode

from .kb import is_kb
from .search import marks, table_search

SEARCHABLE = re.compile(r"^/(?P<database>[^/]+)/(?P<table>questions|answers)(?:\.\w+)?$")
_terms: contextvars.ContextVar[tuple] = contextvars.ContextVar("kb_search_terms", default=())


def current_terms() -> tuple:
    """The search words of the request being answered (for highlighting)."""
    return _terms.get()


def rewrite_query_string(query_string: str) -> str | None:
    """The query string with its _search parameters segmented, or None when unchanged."""
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    out, changed = [], False
    for key, value in pairs:
        if key.startswith("_search") and key != "_searchmode":
            new = table_search(value)
            changed = changed or new != value
            if new is None:
                continue
            value = new
        out.append((key, value))
    return urllib.parse.urlencode(out) if changed else None


def request_terms(query_string: str) -> tuple:
    args = urllib.parse.parse_qs(query_string)
    query = (args.get("_search") or args.get("q") or [""])[0]
    return tuple(marks(query)) if query else ()


def _path(datasette, scope) -> str:
    raw = scope.get("raw_path")
    path = raw.decode("latin-1") if raw else scope.get("path", "")
    path = path.partition("?")[0]
    base = datasette.setting("base_url") or "/"
    if base != "/" and path.startswith(base):
        path = "/" + path[len(base):]
    return path


def wrapper(datasette):
    def wrap(app):
        async def search_box(scope, receive, send):
            if scope.get("type") != "http" or not scope.get("query_string"):
                return await app(scope, receive, send)
            query_string = scope["query_string"].decode("latin-1")
            match = SEARCHABLE.match(_path(datasette, scope))
            if match and "_search" in query_string and await is_kb(datasette, tilde_decode(match["database"])):
                rewritten = rewrite_query_string(query_string)
                if rewritten is not None:
                    scope = dict(scope, query_string=rewritten.encode("ascii"))
            token = _terms.set(request_terms(query_string))
            try:
                return await app(scope, receive, send)
            finally:
                _terms.reset(token)
        return search_box
    return wrap
