"""The build: files -> conversations -> normalised messages -> members ->
words -> questions -> answers -> kb.db, in one transaction.

Only new and changed files are read; a changed file replaces its own rows, a
file that is gone removes its own rows, unchanged files are left alone.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from . import store
from .answers import Idf, link_answers
from .curate import keywords, publish
from .members import Directory, collect_evidence
from .normalize import (
    copy_candidates,
    doubled_export,
    link_quotes,
    mark_copies,
    normalize_conversation,
    source_id_for,
)
from .questions import detect_questions
from .readers import InputFile, iter_files, read_bytes
from .readers.common import get_zone
from .records import Answer, Conversation, Message, Problem, Question
from .segment import content_words, search_text, words


@dataclass
class Summary:
    files: int = 0
    stored: int = 0  # files read and (re)stored
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # files not stored, with why
    auxiliary: list[str] = field(default_factory=list)  # files of an export that hold no messages (users.json ...)
    problems: list[Problem] = field(default_factory=list)  # warnings about files that were stored
    totals: dict = field(default_factory=dict)
    new_messages: int = 0

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "removed": self.removed,
            "skipped": [str(p) for p in self.skipped],
            "auxiliary": self.auxiliary,
            "problems": [str(p) for p in self.problems],
            **self.totals,
        }


@dataclass
class Parsed:
    source: dict
    conv: Conversation
    msgs: list[Message]
    candidates: list[tuple[int, int]]
    evidence: dict = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)


def file_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def group_tag(group: str) -> str:
    return hashlib.sha1(group.encode("utf-8")).hexdigest()[:8]


def build(
    paths: Iterable[str],
    db_path: str,
    group: Optional[str] = None,
    progress: Optional[Callable[[list[InputFile]], Iterable[InputFile]]] = None,
    timezone: Optional[str] = None,
) -> Summary:
    """Build or update the knowledge base at db_path from files and folders.

    ``timezone`` (an IANA name or an offset; default UTC) is the zone in which
    formats with absolute instants (Telegram, Slack, Discord) get their dates
    and times; formats with local times keep what the file says."""
    paths = [os.path.normpath(p) for p in paths]
    return build_files(list(iter_files(paths)), db_path, roots=paths, group=group, progress=progress, timezone=timezone)


def build_files(
    files: list[InputFile],
    db_path: str,
    roots: Iterable[str] = (),
    group: Optional[str] = None,
    progress=None,
    timezone: Optional[str] = None,
) -> Summary:
    zone = get_zone(timezone)  # a bad name fails here, before anything is read
    summary = Summary()
    db = store.open_db(db_path)
    existing = store.stored_sources(db)
    roots = {os.path.normpath(p) for p in roots}
    summary.files = len(files)
    parsed: list[Parsed] = []
    seen_paths: set[str] = set()
    kept_paths: set[str] = set()  # stored paths that stay (unchanged or unreadable now)
    used_rel: set[str] = set()
    iterator = progress(files) if progress else files
    for f in iterator:
        if f.rel in used_rel:  # the same relative path under two roots: tell them apart
            f.rel = f"{os.path.basename(os.path.abspath(f.root))}/{f.rel}"
        used_rel.add(f.rel)
        try:
            with open(f.path, "rb") as fh:
                data = fh.read()
        except OSError as e:
            summary.skipped.append(Problem(f.rel, f"cannot be read: {e.strerror}", severity="error"))
            continue
        digest = file_hash(data)
        if zone is not get_zone(None):
            # times of some formats depend on the zone: a build in another zone re-reads the file
            digest = file_hash(data + b"\0timezone=" + str(timezone).encode("utf-8"))
        grp = group or f.group
        old = [r for p, r in existing.items() if p == f.rel or p.startswith(f.rel + "#")]
        seen_paths.update(r["path"] for r in old)
        # a source grouped by its folder is unchanged when its bytes and group are; one whose
        # file names its own chat (Telegram, WechatExporter ...) keeps that name whatever the
        # folder is, so its stored hash carries the fallback group it was read with instead
        named = f"{digest}:{group_tag(grp)}"
        if old and all((r["content_hash"] == digest and r["group_name"] == grp) or r["content_hash"] == named for r in old):
            summary.unchanged += 1
            kept_paths.update(r["path"] for r in old)
            continue
        convs, problems, encoding = read_bytes(data, f.rel, grp, source_path=f.path, timezone=zone)
        if not convs and not problems:
            summary.auxiliary.append(f.rel)  # part of an export (users.json, a sidecar): read through its siblings
            continue
        if not convs:
            summary.skipped.extend(problems)
            if old:
                kept_paths.update(r["path"] for r in old)  # keep what was stored before
            continue
        summary.problems.extend(p for p in problems if p.severity != "error")
        summary.skipped.extend(p for p in problems if p.severity == "error")
        summary.stored += 1
        if old:
            summary.replaced.append(f.rel)
        for conv in convs:
            path = conv.path + ("#" + conv.key if conv.key else "")
            p = parse_conversation(conv)
            p.source.update({
                "path": path, "root": f.root,
                "group_name": conv.group, "date": conv.date, "format": conv.format, "encoding": encoding,
                "title": conv.title, "author": conv.author,
                "content_hash": digest if conv.group == grp else named,
                "message_count": len(p.msgs),
                "problems": store.dumps([str(x) for x in conv.problems]) if conv.problems else None,
            })
            parsed.append(p)
    # files that were stored before under these roots and are gone now
    gone = [r for p, r in existing.items() if r["root"] in roots and p not in seen_paths]
    summary.removed = [r["path"] for r in gone]
    changed_ids = [r["id"] for p, r in existing.items() if p in seen_paths and p not in kept_paths]
    new_ids = {p.source["id"] for p in parsed}
    old_evidence = [
        json.loads(r["evidence"]) for r in existing.values()
        if r["id"] not in new_ids and r["id"] not in changed_ids and r not in gone and r["evidence"]
    ]

    directory = prepare(parsed, old_evidence)

    with db.atomic():
        # IDF: take out what changed or went away, add what is new
        df, docs = store.load_terms(db)
        delta: Counter = Counter()
        for w in store.source_words(db, changed_ids + [r["id"] for r in gone]):
            ws = set(w.split())
            delta.subtract(ws)
            docs -= 1
        for p in parsed:
            for m in p.msgs:
                if not m.copy_of and m.tokens:
                    delta.update(set(content_words(m.tokens)))
                    docs += 1
        for t, v in delta.items():
            if v:
                df[t] = df.get(t, 0) + v
        idf = Idf(df, docs)
        store.delete_sources(db, set(changed_ids) | {r["id"] for r in gone} | new_ids)
        for p in parsed:
            analyse(p, directory, idf)
            write_source(db, p, idf, directory)
        store.save_terms(db, {t: df.get(t, 0) for t, v in delta.items() if v}, docs)
        remap_members(db, directory)
        store.write_members(db, member_rows(db, directory), directory.aliases())
    summary.new_messages = sum(len(p.msgs) for p in parsed)
    summary.totals = store.counts(db)
    db.close()
    return summary


def parse_conversation(conv: Conversation, source: Optional[dict] = None) -> Parsed:
    sid = source_id_for(conv.path, conv.key)
    msgs = normalize_conversation(conv, sid)
    return Parsed(source or {"id": sid}, conv, msgs, copy_candidates(msgs))


def prepare(parsed: list[Parsed], old_evidence: list[dict] = ()) -> Directory:
    """Duplicate copies, quoted replies and words of new conversations, and the
    directory of members over them and the evidence kept from earlier builds."""
    # members from copies first, to know which copies are one person
    for p in parsed:
        p.evidence = collect_evidence(p.msgs, p.candidates, doubled_export(p.msgs, p.candidates))
        p.evidence["mentions"] = []
    directory = Directory(list(old_evidence) + [p.evidence for p in parsed])
    for p in parsed:
        mark_copies(p.msgs, p.candidates, directory.same_person)
        link_quotes(p.msgs, lambda q, s: directory.same_person(q, s) or directory.resolve(q)[0] == directory.member(s))
        for m in p.msgs:
            m.tokens = words(m.body) if m.body else []
        p.evidence = collect_evidence(p.msgs, p.candidates, doubled_export(p.msgs, p.candidates))
    return Directory(list(old_evidence) + [p.evidence for p in parsed])


def analyse(p: Parsed, directory: Directory, idf: Idf) -> None:
    """Members, questions and answers of one prepared conversation."""
    for m in p.msgs:
        m.member_id = directory.member(m.sender)
    p.questions = detect_questions(p.msgs, directory.member)
    p.answers = link_answers(p.msgs, p.questions, directory, idf)


def idf_of(parsed: list[Parsed]) -> Idf:
    df: Counter = Counter()
    docs = 0
    for p in parsed:
        for m in p.msgs:
            if not m.copy_of and m.tokens:
                df.update(set(content_words(m.tokens)))
                docs += 1
    return Idf(dict(df), docs)


def analyse_conversations(convs: list[Conversation]) -> list[Parsed]:
    """The whole analysis of some conversations in memory, without a database (for tests and tools)."""
    parsed = [parse_conversation(c) for c in convs]
    directory = prepare(parsed)
    idf = idf_of(parsed)
    for p in parsed:
        analyse(p, directory, idf)
    return parsed


def write_source(db, p: Parsed, idf: Idf, directory: Optional[Directory] = None) -> None:
    src = p.source
    by_q: dict[str, list[Answer]] = {}
    for a in p.answers:
        by_q.setdefault(a.question.message.id, []).append(a)
    q_rows, a_rows = [], []
    originals = [m for m in p.msgs if not m.copy_of]
    for q in p.questions:
        answers = sorted(by_q.get(q.message.id, []), key=lambda a: a.rank)
        start = next(i for i, m in enumerate(originals) if m is q.message)
        before = [m for m in originals[max(0, start - 3):start] if m not in q.context]
        ok, pscore, preasons = publish(q, answers, idf, directory, before)
        chrono = sorted(q.messages, key=lambda m: m.n)
        qid = q.message.id
        best = answers[0] if answers else None
        accepted = next((a for a in answers if a.accepted), None)
        q_rows.append({
            "id": qid, "source_id": src["id"], "message_id": q.message.id,
            "message_ids": store.dumps([m.id for m in q.messages]),
            "group_name": src["group_name"], "date": q.message.date,
            "month": (q.message.date or "")[:7] or None, "time": q.message.time,
            "timestamp": q.message.timestamp, "asker_id": q.asker, "asker": q.message.sender,
            "text": q.message.text, "context_text": "\n".join(m.text for m in chrono if m.text),
            "score": q.score, "reasons": store.dumps(q.reasons),
            "keywords": store.dumps(keywords(q, idf, directory)), "published": int(ok),
            "publish_score": pscore, "publish_reasons": store.dumps(preasons),
            "answer_count": len(answers), "answered": int(bool(answers)),
            "best_answer_id": answer_id(best) if best else None,
            "accepted_answer_id": answer_id(accepted) if accepted else None,
            "search": search_text([t for m in chrono for t in m.tokens] + [t for a in answers for m in a.messages for t in m.tokens]),
        })
        for a in answers:
            lead = a.lead
            delay = None
            if lead.seconds is not None and q.message.seconds is not None:
                delay = lead.seconds - q.message.seconds
            a_rows.append({
                "id": answer_id(a), "question_id": qid, "source_id": src["id"], "message_id": lead.id,
                "message_ids": store.dumps([m.id for m in a.messages]), "group_name": src["group_name"],
                "date": lead.date, "time": lead.time, "timestamp": lead.timestamp,
                "answerer_id": a.answerer, "answerer": lead.sender,
                "text": "\n".join(m.text or ("[image]" if m.images else "") for m in a.messages),
                "rank": a.rank, "score": a.score, "reasons": store.dumps(a.reasons), "accepted": int(a.accepted),
                "delay_seconds": delay, "search": search_text([t for m in a.messages for t in m.tokens]),
            })
    src = dict(src)
    src["question_count"] = len(q_rows)
    src["answered_count"] = sum(r["answered"] for r in q_rows)
    src["evidence"] = json.dumps(p.evidence, ensure_ascii=False)
    db["sources"].insert(src, pk="id", replace=True)
    store.insert_rows(db, "messages", [message_row(m, src["group_name"]) for m in p.msgs])
    store.insert_rows(db, "questions", q_rows)
    store.insert_rows(db, "answers", a_rows)


def answer_id(a: Answer) -> str:
    return f"{a.question.message.id}>{a.lead.n}"


def message_row(m: Message, group: str) -> dict:
    return {
        "id": m.id, "source_id": m.source_id, "n": m.n, "line": m.line, "group_name": group,
        "date": m.date, "time": m.time, "timestamp": m.timestamp, "sender": m.sender,
        "member_id": m.member_id, "text": m.text, "raw": m.raw, "kind": m.kind,
        "mentions": store.dumps(m.mentions) if m.mentions else None,
        "images": store.dumps(m.images) if m.images else None,
        "links": store.dumps(m.links) if m.links else None,
        "emojis": store.dumps(m.emojis) if m.emojis else None,
        "quote_sender": m.quote_sender, "quote_text": m.quote_text, "reply_to": m.reply_to,
        "copy_of": m.copy_of, "native_id": m.native_id,
        "words": " ".join(sorted(set(content_words(m.tokens)))) if m.tokens and not m.copy_of else None,
    }


def remap_members(db, directory: Directory) -> None:
    """Messages stored earlier whose sender now belongs to another member (new alias evidence)."""
    current = {r[0]: r[1] for r in db.execute("select distinct sender, member_id from messages")}
    for sender, member in current.items():
        new = directory.member(sender)
        if new != member:
            db.execute("update messages set member_id = ? where sender = ?", [new, sender])
            db.execute("update questions set asker_id = ? where asker = ?", [new, sender])
            db.execute("update answers set answerer_id = ? where answerer = ?", [new, sender])


def member_rows(db, directory: Directory) -> list[dict]:
    stats = {}
    for r in db.execute(
        "select member_id, count(*), min(date), max(date), group_concat(distinct group_name) "
        "from messages where copy_of is null group by member_id"
    ):
        stats[r[0]] = r
    qc = dict(db.execute("select asker_id, count(*) from questions group by asker_id").fetchall())
    ac = dict(db.execute("select answerer_id, count(*) from answers group by answerer_id").fetchall())
    rows = []
    for mid, info in directory.members.items():
        s = stats.get(mid)
        if not s:
            continue
        rows.append({
            "id": mid, "name": info["name"], "names": store.dumps(info["names"]),
            "message_count": s[1], "question_count": qc.get(mid, 0), "answer_count": ac.get(mid, 0),
            "first_date": s[2], "last_date": s[3],
            "groups": store.dumps(sorted(set((s[4] or "").split(",")) - {""})),
        })
    return rows
