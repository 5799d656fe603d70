"""The SQLite schema of the knowledge base, and writing to it with sqlite-utils.

Tables (the public schema, documented in the README):
  sources    one row per conversation read (a day file, usually)
  messages   every message of every source, in order (n), copies included
  members    people; aliases: every name a member is known by, with confidence
  questions  the questions found, with score, reasons, keywords, published flag
  answers    ranked answers of each question, with score, reasons, accepted flag
  qa         view: each question with its best answer
  terms      internal: document frequency of words (for IDF)
"""
from __future__ import annotations

import json
import operator
import os
import sqlite3
from contextlib import contextmanager
from typing import Iterable, Optional

import sqlite_utils

SCHEMA_VERSION = 2  # a knowledge base of another version is rebuilt (into a new file, swapped in)

SOURCES = {
    "id": str, "path": str, "root": str, "group_name": str, "date": str, "format": str, "encoding": str,
    "title": str, "author": str, "content_hash": str, "message_count": int, "question_count": int,
    "answered_count": int, "problems": str, "evidence": str, "file_size": int, "file_mtime": int,
    "read_timezone": str,
}
MESSAGES = {
    "id": str, "source_id": str, "n": int, "line": int, "group_name": str, "date": str, "time": str,
    "timestamp": str, "sender": str, "member_id": str, "text": str, "raw": str, "kind": str,
    "mentions": str, "images": str, "links": str, "emojis": str, "quote_sender": str, "quote_text": str,
    "reply_to": str, "copy_of": str, "native_id": str, "words": str,
}
MEMBERS = {"id": str, "name": str, "names": str, "message_count": int, "question_count": int,
           "answer_count": int, "first_date": str, "last_date": str, "groups": str}
ALIASES = {"alias": str, "member_id": str, "kind": str, "confidence": float, "evidence": str}
QUESTIONS = {
    "id": str, "source_id": str, "message_id": str, "message_ids": str, "group_name": str, "date": str,
    "month": str, "time": str, "timestamp": str, "asker_id": str, "asker": str, "text": str,
    "context_text": str, "score": float, "reasons": str, "keywords": str, "published": int,
    "publish_score": float, "publish_reasons": str, "answer_count": int, "answered": int,
    "best_answer_id": str, "accepted_answer_id": str, "search": str,
}
ANSWERS = {
    "id": str, "question_id": str, "source_id": str, "message_id": str, "message_ids": str,
    "group_name": str, "date": str, "time": str, "timestamp": str, "answerer_id": str, "answerer": str,
    "text": str, "rank": int, "score": float, "reasons": str, "accepted": int, "delay_seconds": int,
    "search": str,
}

QA_VIEW = """
select
  q.id as question_id, q.group_name, q.date, q.time, q.asker, q.text as question, q.published,
  q.score as question_score, q.answer_count, a.answerer, a.text as answer, a.score as answer_score,
  a.accepted, q.keywords, q.source_id, q.message_id, a.message_id as answer_message_id
from questions q
left join answers a on a.question_id = q.id and a.rank = 1
"""


def stored_version(path: str) -> Optional[int]:
    """The schema version of an existing knowledge base (None: no file, or not one of ours)."""
    if not os.path.exists(path):
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


def open_db(path: str, new_file: bool = False) -> sqlite_utils.Database:
    """A knowledge base, opened in WAL mode (readers go on while a build writes). ``new_file``:
    a file that nobody reads until finish_new_db, written with a rollback journal and without
    syncs (a crash leaves only that file behind, which the next build deletes)."""
    db = sqlite_utils.Database(path)
    if new_file:
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=OFF")
        # a larger page cache (64 MB, from the default 2 MB) for the inserts in random key order and
        # the indexes built at the end: about 6% less time writing the corpus (60 MB more memory)
        db.execute("PRAGMA cache_size=-65536")
    else:
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("PRAGMA synchronous=NORMAL")
    ensure_schema(db)
    return db


def finish_new_db(path: str) -> None:
    """A new knowledge base made by open_db(new_file=True), complete: into WAL mode, on disk."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_schema(db: sqlite_utils.Database) -> None:
    if "sources" in db.table_names():
        return
    with db.atomic():
        db["sources"].create(SOURCES, pk="id", not_null={"path"})
        db["sources"].create_index(["path"], unique=True)
        db["members"].create(MEMBERS, pk="id")
        db["aliases"].create(ALIASES, pk="alias", foreign_keys=[("member_id", "members", "id")])
        db["messages"].create(
            MESSAGES, pk="id",
            foreign_keys=[("source_id", "sources", "id"), ("member_id", "members", "id"),
                          ("reply_to", "messages", "id"), ("copy_of", "messages", "id")],
        )
        db["messages"].create_index(["source_id", "n"], unique=True)
        db["messages"].create_index(["member_id"])
        db["messages"].create_index(["timestamp"])
        # covers the per-sender statistics of members (one index scan instead of the table)
        db["messages"].create_index(["sender", "member_id", "copy_of", "date", "group_name"])
        db["questions"].create(
            QUESTIONS, pk="id",
            foreign_keys=[("source_id", "sources", "id"), ("message_id", "messages", "id"),
                          ("asker_id", "members", "id")],
        )
        for cols in (["source_id"], ["asker_id"], ["group_name", "month"], ["date"], ["published"]):
            db["questions"].create_index(cols)
        db["answers"].create(
            ANSWERS, pk="id",
            foreign_keys=[("question_id", "questions", "id"), ("source_id", "sources", "id"),
                          ("message_id", "messages", "id"), ("answerer_id", "members", "id")],
        )
        for cols in (["question_id", "rank"], ["answerer_id"], ["source_id"]):
            db["answers"].create_index(cols)
        db.add_foreign_keys([("questions", "best_answer_id", "answers", "id"),
                             ("questions", "accepted_answer_id", "answers", "id")])
        db["terms"].create({"term": str, "df": int}, pk="term")
        db["meta"].create({"key": str, "value": str}, pk="key")
        db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)})
        db["questions"].enable_fts(["search"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")
        db["answers"].enable_fts(["search"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")
        db.create_view("qa", QA_VIEW)


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(value, ensure_ascii=False) makes anew each call


_STRING = json.encoder.encode_basestring  # what _JSON writes for a string


def dumps(value) -> Optional[str]:
    if value is None:
        return None
    if type(value) is list:  # most values are lists of strings: written as _JSON writes them
        try:
            return "[" + ", ".join(map(_STRING, value)) + "]"
        except TypeError:  # an item that is not a string
            pass
    return _JSON.encode(value)


def stored_sources(db: sqlite_utils.Database) -> dict[str, dict]:
    return {r["path"]: r for r in db.query(
        "select id, path, root, group_name, content_hash, evidence, file_size, file_mtime, read_timezone from sources")}


def delete_sources(db: sqlite_utils.Database, ids: Iterable[str]) -> None:
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"delete from answers where source_id in ({marks})", chunk)
        db.execute(f"delete from questions where source_id in ({marks})", chunk)
        db.execute(f"delete from messages where source_id in ({marks})", chunk)
        db.execute(f"delete from sources where id in ({marks})", chunk)


def source_words(db: sqlite_utils.Database, ids: Iterable[str]) -> list[str]:
    """The words column of the original messages of these sources (to take them out of the IDF)."""
    out = []
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.extend(r[0] for r in db.execute(
            f"select words from messages where source_id in ({marks}) and copy_of is null and words is not null", chunk))
    return out


def load_terms(db: sqlite_utils.Database) -> tuple[dict[str, int], int]:
    df = {r[0]: r[1] for r in db.execute("select term, df from terms")}
    row = db.execute("select value from meta where key = 'documents'").fetchone()
    return df, int(row[0]) if row else 0


def save_terms(db: sqlite_utils.Database, changed: dict[str, int], docs: int) -> None:
    gone = [t for t, v in changed.items() if v <= 0]
    for i in range(0, len(gone), 500):
        chunk = gone[i:i + 500]
        db.execute(f"delete from terms where term in ({','.join('?' * len(chunk))})", chunk)
    db.conn.executemany("insert or replace into terms (term, df) values (?, ?)",
                        [(t, v) for t, v in changed.items() if v > 0])
    db["meta"].insert({"key": "documents", "value": str(docs)}, pk="key", replace=True)


FTS_TABLES = ["questions", "answers"]
TABLE_COLUMNS = {"sources": SOURCES, "messages": MESSAGES, "questions": QUESTIONS, "answers": ANSWERS}


def _insert_sql(table: str, verb: str = "insert") -> str:
    cols = list(TABLE_COLUMNS[table])
    return f"{verb} into [{table}] ({', '.join('[' + c + ']' for c in cols)}) values ({', '.join('?' * len(cols))})"


def row_tuples(table: str, rows: list[dict]) -> list[tuple]:
    """Rows as tuples in the column order of the table (a column a row lacks is null)."""
    cols = list(TABLE_COLUMNS[table])
    if all(len(r) == len(cols) for r in rows):  # rows with every column: taken in one go
        try:
            return list(map(operator.itemgetter(*cols), rows))
        except KeyError:
            pass
    return [tuple(r.get(c) for c in cols) for r in rows]


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Bulk insert into a table created above (plain executemany: the hot path of a build)."""
    if rows:
        db.conn.executemany(_insert_sql(table), row_tuples(table, rows))


def write_source_rows(db: sqlite_utils.Database, source: dict, messages: list[tuple],
                      questions: list[tuple], answers: list[tuple]) -> None:
    """One source and its rows (tuples in column order), replacing a stored source of that id."""
    db.conn.execute(_insert_sql("sources", "insert or replace"), row_tuples("sources", [source])[0])
    for table, rows in (("messages", messages), ("questions", questions), ("answers", answers)):
        if rows:
            db.conn.executemany(_insert_sql(table), rows)


@contextmanager
def bulk_search_index(db: sqlite_utils.Database):
    """Around the writing of a build: when the searchable tables start empty (a new knowledge
    base), their FTS triggers and indexes are dropped and each is built once at the end, which is
    several times faster than a trigger per row (and than filling the full-text indexes in
    batches: on a large archive FTS5's merging of the batches costs more than one rebuild);
    otherwise the triggers do the work."""
    bulk = ["messages", *FTS_TABLES]
    empty = [t for t in bulk if not db.execute(f"select exists(select 1 from [{t}])").fetchone()[0]]
    triggers, indexes = [], []
    if len(empty) == len(bulk):
        # a new knowledge base: its indexes too are built once at the end, not row by row
        triggers = db.execute(
            "select name, sql from sqlite_master where type = 'trigger' and tbl_name in "
            f"({', '.join('?' * len(FTS_TABLES))})", FTS_TABLES).fetchall()
        indexes = db.execute(
            "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in "
            f"({', '.join('?' * len(bulk))})", bulk).fetchall()
        for name, _ in triggers:
            db.execute(f"drop trigger [{name}]")
        for name, _ in indexes:
            db.execute(f"drop index [{name}]")
    yield
    if indexes:
        db.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")  # the sorter of CREATE INDEX may use helper threads
    for _, sql in indexes:
        db.execute(sql)
    if triggers:
        for _, sql in triggers:
            db.execute(sql)
        for t in FTS_TABLES:
            db.execute(f"insert into [{t}_fts]([{t}_fts]) values('rebuild')")


def write_members(db: sqlite_utils.Database, members: list[dict], aliases: list[dict]) -> None:
    db.execute("delete from aliases")
    db.execute("delete from members")
    for table, columns, rows in (("members", MEMBERS, members), ("aliases", ALIASES, aliases)):
        cols = list(columns)
        db.conn.executemany(f"insert into [{table}] ({', '.join('[' + c + ']' for c in cols)}) "
                            f"values ({', '.join('?' * len(cols))})", [tuple(r.get(c) for c in cols) for r in rows])


def get_meta(db: sqlite_utils.Database, key: str) -> Optional[str]:
    row = db.execute("select value from meta where key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db["meta"].insert({"key": key, "value": value}, pk="key", replace=True)


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    one = lambda sql: db.execute(sql).fetchone()[0]
    return {
        "sources": one("select count(*) from sources"),
        "messages": one("select count(*) from messages"),
        "questions": one("select count(*) from questions"),
        "answered": one("select count(*) from questions where answered"),
        "published": one("select count(*) from questions where published"),
        "answers": one("select count(*) from answers"),
        "members": one("select count(*) from members"),
    }
