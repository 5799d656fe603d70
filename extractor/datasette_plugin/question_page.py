"""The page of one question: the question and its context, the ranked answers, the
conversation around them, links to the people's other questions and answers."""
from __future__ import annotations

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response

from .chattext import chat_html, json_list, message_html
from .kb import is_kb, member_url, question_url, table_url
from .search import terms as search_terms

BEFORE, AFTER, AROUND_ANSWER = 8, 10, 3  # messages shown around the question and around late answers


def windows(anchors: list[int], first: int, last: int) -> list[tuple[int, int]]:
    """Ranges of message positions to show: around the question (the first anchor) and
    around each answer, merged where they touch."""
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


async def rows(db, sql, params=()):
    return [dict(r) for r in (await db.execute(sql, list(params))).rows]


async def counts(db, sql, ids):
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in (await db.execute(sql.format(marks=marks), list(ids))).rows}


async def conversation(db, question, answers, roles):
    """The messages around the question and its answers, with gaps between windows."""
    ids = [question["message_id"]] + [a["message_id"] for a in answers]
    marks = ",".join("?" * len(ids))
    pos = {r["id"]: r["n"] for r in await rows(db, f"select id, n from messages where id in ({marks})", ids)}
    bounds = (await db.execute("select min(n), max(n) from messages where source_id = ?", [question["source_id"]])).first()
    anchors = [pos[i] for i in ids if i in pos]
    parts, previous = [], None
    for lo, hi in windows(anchors, bounds[0] or 0, bounds[1] or 0):
        if previous is not None and lo > previous + 1:
            parts.append({"gap": lo - previous - 1})
        msgs = await rows(db, "select * from messages where source_id = ? and n between ? and ? and copy_of is null order by n",
                          [question["source_id"], lo, hi])
        for m in msgs:
            m["role"] = roles.get(m["id"], "")
        parts.extend(msgs)
        previous = hi
    return parts


async def question_view(request, datasette):
    database = tilde_decode(request.url_vars["database"])
    qid = tilde_decode(request.url_vars["id"])
    if not await is_kb(datasette, database):
        raise NotFound("No knowledge base called {}".format(database))
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, "questions")), ("view-database", database), "view-instance"])
    db = datasette.get_database(database)
    found = await rows(db, "select * from questions where id = ?", [qid])
    if not found:
        raise NotFound("No question {}".format(qid))
    question = found[0]
    answers = await rows(db, "select * from answers where question_id = ? order by rank", [qid])
    words = search_terms(request.args.get("q"))
    mention = lambda name: member_url(datasette, database, name)

    roles = {}
    for a in answers:
        for mid in json_list(a["message_ids"]):
            roles[mid] = f"answer answer-{a['rank']}"
    question_ids = json_list(question["message_ids"]) or [question["message_id"]]
    for mid in question_ids:
        roles[mid] = "question" if mid == question["message_id"] else "context"
    context = await rows(db, "select * from messages where id in ({}) and id != ? order by n".format(",".join("?" * len(question_ids))),
                         question_ids + [question["message_id"]])
    people = [question["asker_id"]] + [a["answerer_id"] for a in answers]
    people = [p for p in dict.fromkeys(people) if p]
    asked = await counts(db, "select asker_id, count(*) from questions where asker_id in ({marks}) group by asker_id", people)
    answered = await counts(db, "select answerer_id, count(*) from answers where answerer_id in ({marks}) group by answerer_id", people)

    def person(member_id, name):
        return {
            "name": name or member_id or "?", "id": member_id,
            "member_url": datasette.urls.row(database, "members", member_id) if member_id else None,
            "questions": asked.get(member_id, 0), "answers": answered.get(member_id, 0),
            "questions_url": table_url(datasette, database, "questions", asker_id=member_id) if member_id else None,
            "answers_url": table_url(datasette, database, "answers", answerer_id=member_id) if member_id else None,
        }

    for a in answers:
        a["html"] = chat_html(a["text"], words, mention)
        a["person"] = person(a["answerer_id"], a["answerer"])
        a["delay"] = duration(a["delay_seconds"])
        a["reasons_list"] = json_list(a["reasons"])
        a["best"] = a["id"] == question["best_answer_id"]
    parts = await conversation(db, question, answers, roles)
    for m in parts:
        if "gap" not in m:
            m["html"] = message_html(m, words, mention)
    for m in context:
        m["html"] = message_html(m, words, mention)
    keywords = [{"word": w, "url": table_url(datasette, database, "questions", keywords__arraycontains=w)}
                for w in json_list(question["keywords"])]
    context_dict = {
        "database": database,
        "question": question,
        "question_html": chat_html(question["text"], words, mention),
        "context_messages": context,
        "asker": person(question["asker_id"], question["asker"]),
        "answers": answers,
        "conversation": parts,
        "keywords": keywords,
        "reasons": json_list(question["reasons"]),
        "publish_reasons": json_list(question["publish_reasons"]),
        "words": words,
        "links": {
            "group": table_url(datasette, database, "questions", group_name=question["group_name"]),
            "month": table_url(datasette, database, "questions", group_name=question["group_name"], month=question["month"]),
            "source": datasette.urls.row(database, "sources", question["source_id"]),
            "day": table_url(datasette, database, "messages", source_id=question["source_id"], _sort="n"),
            "row": datasette.urls.row(database, "questions", question_url(datasette, database, qid).rsplit("/", 1)[-1]),
            "search": datasette.urls.query(database, "search"),
        },
    }
    html = await datasette.render_template("kb_question.html", context_dict, request=request, view_name="kb_question")
    return Response.html(html)
