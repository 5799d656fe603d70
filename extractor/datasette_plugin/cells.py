"""render_cell: how the cells of a knowledge base show in HTML.

Chat text (escaped, links, images, mentions, search words marked), question text and
question ids linking to the question page, keywords linking to the questions that
share them, the images and links columns as links. Anything else: Datasette's own
rendering (which escapes).
"""
from __future__ import annotations

from markupsafe import Markup

from .chattext import chat_html, images_html, json_list, links_html
from .kb import is_kb, member_url, question_url, table_url
from .search_box import current_terms

# (table, column) pairs holding chat text; table None is a canned or custom SQL query.
CHAT = {
    ("messages", "text"), ("messages", "raw"), ("messages", "quote_text"),
    ("questions", "text"), ("questions", "context_text"), ("answers", "text"),
    ("qa", "question"), ("qa", "answer"),
    (None, "text"), (None, "question"), (None, "answer"), (None, "snippet"), (None, "context_text"),
}
# Question text that links to its page, and the column holding the question's id.
QUESTION_TEXT = {("questions", "text"): "id", ("qa", "question"): "question_id", (None, "question"): "question_id"}
JSON_LINKS = {"images": images_html, "links": links_html}
WANTED = {c for _, c in CHAT} | {"question_id", "keywords", "search", "member"} | set(JSON_LINKS)


def _get(row, key):
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


def render_cell(row, value, column, table, database, datasette):
    if column not in WANTED or value is None or value == "":
        return None

    async def render():
        if not await is_kb(datasette, database):
            return None
        return cell_html(row, value, column, table, database, datasette)

    return render


def cell_html(row, value, column, table, database, datasette):
    terms = current_terms()
    q = " ".join(terms) or None
    if column == "question_id":
        qid, label = (value.get("value"), value.get("label")) if isinstance(value, dict) else (value, value)
        return Markup('<a href="{}">{}</a>').format(question_url(datasette, database, qid, q), label or qid)
    if column == "member" and table is None:  # a member id in a canned query: their answers
        return Markup('<a href="{}">{}</a>').format(table_url(datasette, database, "answers", answerer_id=value), value)
    if (table, column) in QUESTION_TEXT and isinstance(value, str):
        qid = _get(row, QUESTION_TEXT[(table, column)])
        html = chat_html(value, terms, links=False)
        if qid is None:
            return Markup('<span class="kb-chat">{}</span>').format(html)
        return Markup('<a class="kb-chat kb-question-link" href="{}">{}</a>').format(
            question_url(datasette, database, qid, q), html)
    if (table, column) in CHAT and isinstance(value, str):
        mention = lambda name: member_url(datasette, database, name)
        return Markup('<span class="kb-chat">{}</span>').format(chat_html(value, terms, mention))
    if column == "keywords" and table in ("questions", "qa", None):
        return keywords_html(value, row, table, database, datasette)
    if column in JSON_LINKS and table in ("messages", None):
        return JSON_LINKS[column](value) or None
    if column == "search" and table in ("questions", "answers"):
        words = str(value).split()
        return Markup('<details class="kb-search-words"><summary>{} indexed words</summary>{}</details>').format(
            len(words), str(value))
    return None


def keywords_html(value, row, table, database, datasette):
    """A JSON list of keywords as links to the questions that have them (in the month of a
    query's row, as in top_keywords)."""
    words = [str(w) for w in json_list(value)]
    if not words:
        return None
    month = _get(row, "month") if table is None else None
    chips = []
    for w in words:
        filters = {"keywords__arraycontains": w, **({"month": month} if month else {})}
        chips.append(Markup('<a class="kb-keyword" href="{}">{}</a>').format(
            table_url(datasette, database, "questions", **filters), w))
    return Markup(" ").join(chips)
