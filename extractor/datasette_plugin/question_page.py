"""The page of one question: the question and its context, the ranked answers, the
conversation around them, links to the people's other questions and answers."""
from __future__ import annotations

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from .chattext import chat_html, json_list, message_html
from .kb import is_kb, member_url, table_url
from .search import marks

BEFORE, AFTER, AROUND_ANSWER = 8, 10, 3  # messages shown around the question and around late answers


def windows(anchors: list[int], first: int, last: int) -> list[tuple[int, int]]:
    """Ranges of message positions to show: around the question (the first anchor) and
    around each answer, merged where they touch, clipped to [first, last]."""
    if not anchors:
        return []
    spans = [(anchors[0] - BEFORE, anchors[0] + AFTER)] + [(n - AROUND_ANSWER, n + AROUND_ANSWER) for n in anchors[1:]]
    spans = sorted((max(first, lo), min(last, hi)) for lo, hi in spans)
    merged = [spans[0]]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def duration(seconds) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{hours // 24} days"


async def rows(db, sql, params=()) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, list(params))).rows]


def placeholders(values) -> str:
    return ",".join("?" * len(values))


async def messages_by_id(db, ids) -> dict[str, dict]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    return {m["id"]: m for m in await rows(db, f"select * from messages where id in ({placeholders(ids)})", ids)}


async def conversation(db, question, anchors_ids, roles) -> list[dict]:
    """The messages around the question and its answers, with {"gap": n} between windows."""
    pos = {m["id"]: m["n"] for m in (await messages_by_id(db, anchors_ids)).values()}
    first, last = (await db.execute("select min(n), max(n) from messages where source_id = ?", [question["source_id"]])).first()
    parts, previous = [], None
    for lo, hi in windows([pos[i] for i in anchors_ids if i in pos], first or 0, last or 0):
        if previous is not None and lo > previous + 1:
            parts.append({"gap": lo - previous - 1})
        msgs = await rows(db, "select * from messages where source_id = ? and n between ? and ? and copy_of is null order by n",
                          [question["source_id"], lo, hi])
        parts.extend(dict(m, role=roles.get(m["id"], "")) for m in msgs)
        previous = hi
    return parts


async def people(datasette, database, db, members: dict[str, str]) -> dict[str, dict]:
    """Each member (id -> display name) with links to their questions and answers."""
    ids = [m for m in members if m]
    asked = {r[0]: r[1] for r in (await db.execute(
        f"select asker_id, count(*) from questions where asker_id in ({placeholders(ids)}) group by asker_id", ids)).rows}
    answered = {r[0]: r[1] for r in (await db.execute(
        f"select answerer_id, count(*) from answers where answerer_id in ({placeholders(ids)}) group by answerer_id", ids)).rows}
    return {m: {
        "name": members[m] or m,
        "member_url": datasette.urls.row(database, "members", tilde_encode(m)),
        "questions": asked.get(m, 0), "answers": answered.get(m, 0),
        "questions_url": table_url(datasette, database, "questions", asker_id=m),
        "answers_url": table_url(datasette, database, "answers", answerer_id=m),
    } for m in ids}


def roles_of(question, answers) -> dict[str, str]:
    """CSS roles of the linked messages: the question, its context, each answer (by rank)."""
    roles = {}
    for a in answers:
        for mid in json_list(a["message_ids"]):
            roles[mid] = f"answer answer-{a['rank']}"
    for mid in json_list(question["message_ids"]):
        roles[mid] = "context"
    roles[question["message_id"]] = "question"
    return roles


async def question_view(request, datasette):
    database, qid = tilde_decode(request.url_vars["database"]), tilde_decode(request.url_vars["id"])
    if not await is_kb(datasette, database):
        raise NotFound(f"No knowledge base called {database}")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, "questions")), ("view-database", database), "view-instance"])
    db = datasette.get_database(database)
    found = await rows(db, "select * from questions where id = ?", [qid])
    if not found:
        raise NotFound(f"No question {qid}")
    question = found[0]
    answers = await rows(db, "select * from answers where question_id = ? order by rank", [qid])
    words = marks(request.args.get("q"))
    mention = lambda name: member_url(datasette, database, name)
    render = lambda msgs: Markup("\n").join(message_html(m, words, mention) for m in msgs if m)

    answer_ids = [mid for a in answers for mid in json_list(a["message_ids"])]
    context_ids = [m for m in json_list(question["message_ids"]) if m != question["message_id"]]
    linked = await messages_by_id(db, [question["message_id"]] + context_ids + answer_ids)
    persons = await people(datasette, database, db, {question["asker_id"]: question["asker"],
                                                     **{a["answerer_id"]: a["answerer"] for a in answers}})
    for a in answers:
        a.update(html=render(linked.get(mid) for mid in json_list(a["message_ids"])),
                 person=persons.get(a["answerer_id"]) or {"name": a["answerer"]},
                 delay=duration(a["delay_seconds"]), reasons_list=json_list(a["reasons"]))
    parts = await conversation(db, question, [question["message_id"]] + [a["message_id"] for a in answers],
                               roles_of(question, answers))
    for m in parts:
        if "gap" not in m:
            m["html"] = message_html(m, words, mention)
    q_url = lambda **filters: table_url(datasette, database, "questions", **filters)
    context = {
        "database": database,
        "question": question,
        "question_html": chat_html(question["text"], words, mention),
        "question_extra": message_html(linked.get(question["message_id"]) or {}, words, mention, with_text=False),
        "context_messages": [dict(linked[m], html=render([linked[m]])) for m in context_ids if m in linked],
        "asker": persons.get(question["asker_id"]) or {"name": question["asker"]},
        "answers": answers,
        "conversation": parts,
        "keywords": [{"word": w, "url": q_url(keywords__arraycontains=w)} for w in json_list(question["keywords"])],
        "reasons": json_list(question["reasons"]),
        "publish_reasons": json_list(question["publish_reasons"]),
        "links": {
            "group": q_url(group_name=question["group_name"]),
            "month": q_url(group_name=question["group_name"], month=question["month"]),
            "source": datasette.urls.row(database, "sources", tilde_encode(question["source_id"])),
            "day": table_url(datasette, database, "messages", source_id=question["source_id"], _sort="n"),
            "row": datasette.urls.row(database, "questions", tilde_encode(qid)),
            "search": datasette.urls.query(database, "search"),
        },
    }
    html = await datasette.render_template("kb_question.html", context, request=request, view_name="kb_question")
    return Response.html(html)
