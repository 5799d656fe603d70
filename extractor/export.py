"""Export questions and answers in the gold format of ../shared/gold (one JSON line per question)."""
from __future__ import annotations

import json
from typing import Iterator

import sqlite_utils


def records(db: sqlite_utils.Database, published_only: bool = True) -> Iterator[dict]:
    """One dict per question, in order of appearance: file, question messages, ranked answer messages."""
    msg = {}
    for r in db.query("select m.id, s.path, m.n, m.time, m.sender from messages m join sources s on s.id = m.source_id "
                      "where m.id in (select value from questions, json_each(questions.message_ids) "
                      "union select value from answers, json_each(answers.message_ids))"):
        msg[r["id"]] = r
    answers: dict[str, list[dict]] = {}
    for a in db.query("select question_id, message_ids, rank, score, answerer from answers order by question_id, rank"):
        answers.setdefault(a["question_id"], []).append(a)
    where = "where q.published = 1" if published_only else ""
    sql = f"""select q.id, q.message_ids, q.score, q.published, q.keywords, s.path
              from questions q join sources s on s.id = q.source_id
              join messages m on m.id = q.message_id {where} order by s.path, m.n"""
    for q in db.query(sql):
        ranked = []
        for a in answers.get(q["id"], []):
            ranked.extend(json.loads(a["message_ids"]))
        seen = set()
        out_answers = []
        for mid in ranked:
            if mid not in seen:
                seen.add(mid)
                out_answers.append(_ref(msg[mid]))
        yield {
            "file": q["path"],
            "question": [_ref(msg[mid]) for mid in json.loads(q["message_ids"])],
            "answers": out_answers,
            "score": q["score"],
            "published": bool(q["published"]),
        }


def _ref(r: dict) -> dict:
    return {"n": r["n"], "time": r["time"], "sender": r["sender"]}


def write_jsonl(db: sqlite_utils.Database, fh, published_only: bool = True) -> int:
    n = 0
    for rec in records(db, published_only):
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
