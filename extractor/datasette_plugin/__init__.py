"""Datasette plugin for knowledge bases built by ``extractor build``.

Registered through the ``datasette`` entry point of the package, so its templates
and static files ship with it. Every hook here is wiring; the work is in the modules:
search (Chinese full-text search), search_box (the table search box), chattext and
cells (safe rendering of chat text), queries (canned queries), question_page.
"""
from __future__ import annotations

from datasette import hookimpl

from . import cells, search, search_box
from .kb import is_kb, kb_databases, table_url
from .queries import canned_queries as kb_queries
from .question_page import question_view

PLUGIN = "chat-kb-extractor"


@hookimpl
def startup(datasette):
    async def inner():
        if await kb_databases(datasette):
            search.terms("退款")  # load jieba's dictionary now, not on the first search (about a second)
    return inner


@hookimpl
def prepare_connection(conn):
    # kb_match(q): the FTS5 MATCH expression of a query; kb_snippet(text, q): the passage of a text
    # with the query's words, without segmentation spaces; kb_coverage(text, q): share of the words in text
    conn.create_function("kb_match", 1, search.fts_match, deterministic=True)
    conn.create_function("kb_snippet", 2, search.snippet, deterministic=True)
    conn.create_function("kb_coverage", 2, search.coverage, deterministic=True)


@hookimpl
def canned_queries(datasette, database):
    async def inner():
        return kb_queries() if await is_kb(datasette, database) else {}
    return inner


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/]+)/question/(?P<id>[^/]+)$", question_view)]


@hookimpl
def asgi_wrapper(datasette):
    return search_box.wrapper(datasette)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    return cells.render_cell(row, value, column, table, database, datasette)


@hookimpl
def extra_template_vars(view_name, database, datasette):
    async def inner():
        home = []
        if view_name == "index":
            home = await kb_databases(datasette)
        elif view_name == "database" and await is_kb(datasette, database):
            home = [database]
        return {"kb_home": home, "kb_table_url": lambda db, table, **filters: table_url(datasette, db, table, **filters)}
    return inner


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "kb.css")]


@hookimpl
def extra_js_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "kb.js")]
