"""The build: files -> conversations -> normalised messages -> members ->
words -> questions -> answers -> kb.db, in one transaction.

Only new and changed files are read; a changed file replaces its own rows, a
file that is gone removes its own rows, unchanged files are left alone.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import itertools
import json
import marshal
import multiprocessing
import operator
import os
import shutil
import sys
import time
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Callable, Iterable, Optional

from . import store, version
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
from .redact import Pseudonyms, mask_messages, pseudonymize
from .readers import InputFile, iter_files, read_bytes
from .readers.common import get_zone
from .records import Answer, Conversation, Message, Problem, Question
from .segment import message_words, messages_search_text, words
from .segment import preload as preload_segmenter


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


PLAIN_PRIVACY = json.dumps({"redact": False, "pseudonymize": False}, sort_keys=True)


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
    redact: bool = False,
    pseudonym_key: Optional[str] = None,
) -> Summary:
    """Build or update the knowledge base at db_path from files and folders.

    ``timezone`` (an IANA name or an offset; default UTC) is the zone in which
    formats with absolute instants (Telegram, Slack, Discord) get their dates
    and times; formats with local times keep what the file says. ``redact``
    masks phone numbers, e-mail addresses, ID and bank cards in everything
    stored; ``pseudonym_key`` replaces every member's names by a stable
    pseudonym made with that key."""
    paths = [os.path.normpath(p) for p in paths]
    return build_files(list(iter_files(paths)), db_path, roots=paths, group=group, progress=progress,
                       timezone=timezone, redact=redact, pseudonym_key=pseudonym_key)


def build_files(files: list[InputFile], db_path: str, **kw) -> Summary:
    """Build into db_path; a knowledge base made by another version of the schema is rebuilt whole
    into a new file that replaces it only when complete (the old one stays usable until then).
    So is a new knowledge base: written without a write-ahead log (a new file has nothing to
    protect, and the log would write every page twice), it becomes one in WAL mode, synced, when
    complete, and only then takes its name. Two builds that would both make that new file take
    turns (a lock on its folder): the second then finds the first one's knowledge base and
    updates it."""
    if _updatable(db_path):
        return _build_files(files, db_path, **kw)
    with _folder_lock(db_path):
        if _updatable(db_path):  # made by another build while this one waited?
            return _build_files(files, db_path, **kw)
        fresh = f"{db_path}.rebuild"
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(fresh + suffix):
                os.remove(fresh + suffix)
        summary = _build_files(files, fresh, new_file=True, **kw)
        store.finish_new_db(fresh)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.remove(db_path + suffix)
        os.replace(fresh, db_path)
    return summary


def _updatable(db_path: str) -> bool:
    """There is a file at db_path to build into where it is: a knowledge base of this schema, or a
    file without a schema version of ours (never replaced). Otherwise a new file is made."""
    version = store.stored_version(db_path)
    return version == store.SCHEMA_VERSION or (version is None and os.path.exists(db_path))


@contextlib.contextmanager
def _folder_lock(db_path: str):
    """An exclusive lock on the folder of db_path while a new knowledge base is made there (where
    the system has flock; a lock on the folder leaves no lock file behind)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not a POSIX system
        yield
        return
    fd = os.open(os.path.dirname(os.path.abspath(db_path)), os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the folder releases its lock


def _build_files(
    files: list[InputFile],
    db_path: str,
    roots: Iterable[str] = (),
    group: Optional[str] = None,
    progress=None,
    timezone: Optional[str] = None,
    workers: Optional[int] = None,
    redact: bool = False,
    pseudonym_key: Optional[str] = None,
    new_file: bool = False,
) -> Summary:
    """The build, in three passes over the new and changed sources, each file's work done by a
    pool of worker processes (``workers``; default: the machine's cores, or EXTRACTOR_WORKERS):

    1. read, normalise and segment each file; spool its messages to a temporary folder and
       keep only what it says about who is who (duplicate copies, quoted names);
    2. with the directory of members from that evidence: duplicate copies and quoted replies,
       the evidence about mentions, and the words for the IDF;
    3. with the final directory and IDF: questions, answers and the rows of each source, which
       the main process writes as they come, in the order of the files.

    Memory holds one batch of files per worker and the evidence, never the archive."""
    zone = get_zone(timezone)  # a bad name fails here, before anything is read
    _tick(None)
    summary = Summary()
    db = store.open_db(db_path, new_file=new_file)
    existing = store.stored_sources(db)
    privacy = json.dumps({"redact": bool(redact), "pseudonymize": bool(pseudonym_key)}, sort_keys=True)
    # rows stored under other privacy settings are all read again; so is everything when a
    # pseudonymized knowledge base (which keeps no names to resolve aliases with) has changes
    existing_changed = (store.get_meta(db, "privacy") or PLAIN_PRIVACY) != privacy and bool(existing)
    # rows made by another version of the analysis (an upgraded extractor) are all made again
    existing_changed = existing_changed or (bool(existing) and store.get_meta(db, "analysis") != version.analysis())
    reread_all = bool(pseudonym_key)
    unchanged_files: list = []
    existing_by_file: dict[str, list[dict]] = {}  # a file's sources (several when it holds several chats)
    for stored_path, row in existing.items():
        existing_by_file.setdefault(stored_path, []).append(row)
        if "#" in stored_path:  # path#key: one of the chats of a file
            existing_by_file.setdefault(stored_path.rsplit("#", 1)[0], []).append(row)
    roots = {os.path.normpath(p) for p in roots}
    summary.files = len(files)
    seen_paths: set[str] = set()
    kept_paths: set[str] = set()  # stored paths that stay (unchanged or unreadable now)
    used_rel: set[str] = set()
    todo: list[tuple[InputFile, str, str, str, list]] = []  # (file, group, digest, named digest, old rows)
    iterator = progress(files) if progress else files
    for f in iterator:
        if f.rel in used_rel:  # the same relative path under two roots: tell them apart
            f.rel = f"{os.path.basename(os.path.abspath(f.root))}/{f.rel}"
        used_rel.add(f.rel)
        grp = group or f.group
        old = existing_by_file.get(f.rel, [])
        try:
            st = os.stat(f.path)
        except OSError as e:
            summary.skipped.append(Problem(f.rel, f"cannot be read: {e.strerror}", severity="error"))
            continue
        if old and not existing_changed and all(
                r["file_size"] == st.st_size and r["file_mtime"] == st.st_mtime_ns and r["read_timezone"] == timezone
                and (r["group_name"] == grp or r["content_hash"].endswith(":" + group_tag(grp))) for r in old):
            # the same size and modification time as when it was read: unchanged, not even read again
            seen_paths.update(r["path"] for r in old)
            summary.unchanged += 1
            kept_paths.update(r["path"] for r in old)
            unchanged_files.append((f, grp, None, None, old))
            continue
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
        seen_paths.update(r["path"] for r in old)
        # a source grouped by its folder is unchanged when its bytes and group are; one whose
        # file names its own chat (Telegram, WechatExporter ...) keeps that name whatever the
        # folder is, so its stored hash carries the fallback group it was read with instead
        named = f"{digest}:{group_tag(grp)}"
        if old and not existing_changed and all(
                (r["content_hash"] == digest and r["group_name"] == grp) or r["content_hash"] == named for r in old):
            summary.unchanged += 1
            kept_paths.update(r["path"] for r in old)
            unchanged_files.append((f, grp, digest, named, old))
            continue
        todo.append((f, grp, digest, named, old))
    gone = [r for p, r in existing.items() if r["root"] in roots and p not in seen_paths]
    summary.removed = [r["path"] for r in gone]
    if reread_all and (todo or gone) and unchanged_files:
        for item in unchanged_files:
            kept_paths.difference_update(r["path"] for r in item[4])
        todo.extend(unchanged_files)
        summary.unchanged -= len(unchanged_files)
    if not todo and not gone:  # nothing changed: the knowledge base stays as it is
        summary.totals = store.counts(db)
        db.close()
        return summary

    _tick("files hashed")
    spool = tempfile.mkdtemp(prefix="extractor-spool-")
    try:
        with Workers(workers, len(todo)) as pool:
            if pool.n > 1:  # made once here rather than in each worker of each pass
                preload_segmenter()
            # pass 1: read, normalise, segment, spool
            sources: list[Spooled] = []
            delta: Counter = Counter()  # document frequencies of the new words, added up as they come
            new_docs = 0
            tasks = [(f.path, f.rel, f.root, grp, digest, named, timezone, spool, redact)
                     for f, grp, digest, named, old in todo]
            for (f, grp, digest, named, old), (kind, problems, spooled) in zip(
                    todo, pool.map(_read_file, tasks)):
                if kind == "auxiliary":
                    summary.auxiliary.append(f.rel)  # part of an export (users.json, a sidecar): read through its siblings
                    continue
                if kind == "skipped":
                    summary.skipped.extend(problems)
                    if old:
                        kept_paths.update(r["path"] for r in old)  # keep what was stored before
                    continue
                summary.problems.extend(p for p in problems if p.severity != "error")
                summary.skipped.extend(p for p in problems if p.severity == "error")
                summary.stored += 1
                if old:
                    summary.replaced.append(f.rel)
                for s in spooled:
                    if s.words is not None:
                        _merge_words(s.words[0], delta)
                        new_docs += s.words[1]
                        s.words = None
                sources.extend(spooled)
            _tick("pass 1: read, normalise, segment")
            changed_ids = [r["id"] for p, r in existing.items() if p in seen_paths and p not in kept_paths]
            if not sources and not changed_ids and not gone:  # only files that are no chat log: nothing changed
                summary.totals = store.counts(db)
                db.close()
                return summary
            new_ids = {s.source["id"] for s in sources}
            old_rows = [r for r in existing.values()
                        if r["id"] not in new_ids and r["id"] not in changed_ids and r not in gone and r["evidence"]]
            # pass 2: duplicate copies and quoted replies by the first directory; evidence; words
            # (needed only where there are copies to mark or quotes to link)
            marked = [s for s in sources if s.marks]
            old_evidence = _StoredEvidence(old_rows)
            del old_rows
            first = Directory(_Evidence(old_evidence, [s.evidence for s in marked], sources)) if marked else None
            _tick("first directory")
            for s, (df_part, docs_part, where) in zip(
                    marked, pool.map(_mark_source, [s.spool for s in marked], state=first)):
                s.spool = where
                _merge_words(df_part, delta)
                new_docs += docs_part
                s.evidence = None
            del first
            _tick("pass 2: copies, quotes, evidence")
            # evidence is read back from the spool, never all held in memory
            directory = Directory(_Evidence(old_evidence, None, sources))
            _tick("directory")

            with db.atomic():
                # IDF: take out what changed or went away, add what is new
                df, docs = store.load_terms(db)
                removed: Counter = Counter()
                for w in store.source_words(db, changed_ids + [r["id"] for r in gone]):
                    removed.update(set(w.split()))
                    docs -= 1
                delta = _merge_delta(removed, delta)
                docs += new_docs
                for t, v in delta.items():
                    if v:
                        df[t] = df.get(t, 0) + v
                idf = Idf(df, docs)
                _tick("idf")
                store.delete_sources(db, set(changed_ids) | {r["id"] for r in gone} | new_ids)
                # pass 3: questions and answers; rows written as they come, in order
                with store.bulk_search_index(db):
                    # from workers, the rows come packed by marshal (several times faster than pickle)
                    analyse_fn = _analyse_source_packed if pool.n > 1 else _analyse_source
                    results = pool.map(analyse_fn, [s.spool for s in sources],
                                       state=(directory, idf, pseudonym_key))
                    with contextlib.closing(results):
                        # the workers have started: the terms are saved meanwhile
                        store.save_terms(db, {t: df.get(t, 0) for t, v in delta.items() if v}, docs)
                        for rows in results:
                            if type(rows) is bytes:
                                rows = marshal.loads(rows)
                            store.write_source_rows(db, *rows)
                            summary.new_messages += len(rows[1])
                _tick("pass 3: questions, answers, rows written")
                stats = sender_stats(db)
                remap_members(db, directory, stats)
                _tick("terms saved, members remapped")
                if pseudonym_key:
                    pseudonyms = Pseudonyms(pseudonym_key)
                    members, aliases = pseudonymized_members(
                        member_rows(db, directory, stats, stored_as=pseudonyms), directory.aliases(), pseudonyms)
                else:
                    members, aliases = member_rows(db, directory, stats), directory.aliases()
                store.write_members(db, members, aliases)
                store.set_meta(db, "privacy", privacy)
                store.set_meta(db, "analysis", version.analysis())
                _tick("members written")
    finally:
        _close_spool()
        shutil.rmtree(spool, ignore_errors=True)
    _tick("committed")
    summary.totals = store.counts(db)
    db.close()
    return summary


_TIMINGS = os.environ.get("EXTRACTOR_TIMINGS")
_last = [0.0, 0.0]


def _tick(what: Optional[str]) -> None:
    """With EXTRACTOR_TIMINGS=1, the wall and CPU time (workers included) of each step of a
    build, on standard error."""
    if not _TIMINGS:
        return
    import resource

    now = time.perf_counter()
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    if what:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {now - _last[0]:7.3f}s wall {cpu - _last[1]:7.3f}s CPU {rss:6.0f} MB peak  {what}", file=sys.stderr)
    _last[0], _last[1] = now, cpu


def _merge_delta(removed: Counter, added: Counter) -> Counter:
    """The IDF change: words of the sources taken out (negative) then of the new ones, keys in
    the order a single pass over the removed then the new messages would first meet them."""
    delta: Counter = Counter()
    delta.subtract(removed)
    for t, v in added.items():
        delta[t] += v
    return delta


# ------------------------------------------------------------------ the passes, per source

@dataclass
class Spooled:
    """A conversation of pass 1: its source row so far, where its messages are spooled, and
    what it says about who is who."""
    source: dict
    spool: tuple  # where: see _save
    evidence: dict
    marks: bool  # it has duplicate copies to mark or quoted replies to link (pass 2 needs a directory)
    words: Optional[tuple] = None  # (document frequencies, documents) when pass 1 could finish it


MESSAGE_FIELDS = [f.name for f in dataclass_fields(Message)]
_message_tuple = operator.attrgetter(*MESSAGE_FIELDS)  # a message's fields as a tuple, in order


_spool_file: list = []  # [path, file, size]: the spool file this process appends to


def _save(spool: str, p: Parsed) -> tuple[str, int, int, int]:
    """A source appended to this process's spool file in the folder ``spool`` (one file per
    process, not per source: making files is slow on some file systems): its final evidence
    first (None until known), so that it can be read alone (_read_evidence), then its row so
    far, copy candidates and messages. Returns where it is: (file, offset, size of the
    evidence, size of both)."""
    source = dict(p.source)
    evidence = marshal.dumps(source.pop("evidence", None))
    # with each message, its content words when known (message_words): made once, in pass 1 or 2
    data = marshal.dumps((source, p.candidates, [_message_tuple(m) for m in p.msgs],
                          [m.__dict__.get("_content") for m in p.msgs]))
    path = os.path.join(spool, f"{os.getpid()}.spool")
    if not _spool_file or _spool_file[0] != path:  # a new build, or a new (forked) process
        _close_spool()
        _spool_file[:] = [path, open(path, "ab"), 0]
    _, fh, offset = _spool_file
    fh.write(evidence + data)
    fh.flush()  # read by other processes
    _spool_file[2] += len(evidence) + len(data)
    return path, offset, len(evidence), len(evidence) + len(data)


def _close_spool() -> None:
    if _spool_file:
        _spool_file[1].close()
        _spool_file.clear()


def _read_spooled(where: tuple[str, int, int, int], size: int) -> bytes:
    path, offset = where[0], where[1]
    with open(path, "rb") as fh:
        fh.seek(offset)
        return fh.read(size)


def _load(where: tuple[str, int, int, int]) -> Parsed:
    data = _read_spooled(where, where[3])
    evidence = marshal.loads(data[:where[2]])
    source, candidates, rows, contents = marshal.loads(memoryview(data)[where[2]:])
    if evidence is not None:
        source["evidence"] = evidence
    msgs = [Message(*r) for r in rows]
    for m, c in zip(msgs, contents):
        if c is not None:
            m.__dict__["_content"] = c
    return Parsed(source, None, msgs, [tuple(c) for c in candidates])


def _read_evidence(where: tuple[str, int, int, int]) -> dict:
    """The final evidence of a spooled source (see _set_evidence), without reading its messages."""
    return marshal.loads(_read_spooled(where, where[2]))


def _read_file(task) -> tuple[str, list[Problem], list[Spooled]]:
    """Pass 1 for one file: its conversations read, normalised, segmented and spooled."""
    path, rel, root, grp, digest, named, timezone, spool, redact = task
    st = os.stat(path)
    with open(path, "rb") as fh:
        data = fh.read()
    if digest is None:  # a file skipped unread as unchanged, read again (a pseudonymized rebuild)
        digest = file_hash(data)
        if timezone:
            digest = file_hash(data + b"\0timezone=" + str(timezone).encode("utf-8"))
        named = f"{digest}:{group_tag(grp)}"
    convs, problems, encoding = read_bytes(data, rel, grp, source_path=path, timezone=get_zone(timezone))
    if not convs and not problems:
        return "auxiliary", [], []
    if not convs:
        return "skipped", problems, []
    out = []
    for k, conv in enumerate(convs):
        p = parse_conversation(conv)
        if redact:
            mask_messages(p.msgs)
        p.source.update({
            "path": conv.path + ("#" + conv.key if conv.key else ""), "root": root,
            "group_name": conv.group, "date": conv.date, "format": conv.format, "encoding": encoding,
            "title": conv.title, "author": conv.author,
            "content_hash": digest if conv.group == grp else named,
            "file_size": st.st_size, "file_mtime": st.st_mtime_ns, "read_timezone": timezone,
            "message_count": len(p.msgs),
            "problems": store.dumps([str(x) for x in conv.problems]) if conv.problems else None,
        })
        for m in p.msgs:  # words depend on the text alone: segmented once, here
            m.tokens = words(m.body) if m.body else []
        if not p.candidates:  # quotes of a sender by that very name need no directory of members
            link_quotes(p.msgs, lambda quoted, sender: quoted == sender, certain_only=True)
        marks = bool(p.candidates) or any(m.quote_text and not m.reply_to for m in p.msgs)
        counted = None
        if marks:  # what it says about copies, for the first directory; pass 2 does the rest
            evidence = collect_evidence(p.msgs, p.candidates, doubled_export(p.msgs, p.candidates))
            evidence["mentions"] = []
        else:  # nothing to mark: its evidence and words are final now, pass 2 can skip it
            _mark(p, None)
            _set_evidence(p)
            evidence = None
            counted = _document_words(p)
        where = _save(spool, p)
        row = {k: v for k, v in p.source.items() if k != "evidence"}  # the evidence stays in the spool
        out.append(Spooled(row, where, evidence, marks, counted))
    return "stored", problems, out


def _mark_source(where: tuple, first: Optional[Directory]) -> tuple[bytes, int, tuple]:
    """Pass 2 for one source: copies and quotes marked, its evidence and messages spooled again;
    returns the document frequencies of its words and where it is spooled now."""
    p = _load(where)
    _mark(p, first)
    _set_evidence(p)
    return (*_document_words(p), _save(os.path.dirname(where[0]), p))


def _set_evidence(p: Parsed) -> None:
    """The final evidence of a source, into its row (spooled with it by _save, by marshal): in
    the plain form that JSON gives it (lists, plain dicts), which is what a stored source's
    evidence reads back as, made here in the worker rather than parsed in the main process."""
    p.source["evidence"] = json.loads(json.dumps(p.evidence, ensure_ascii=False))


class _Evidence:
    """What each source says about who is who, for a Directory: the stored sources' (from their
    rows), then the new ones' in file order, read from the spool each time it is iterated, so
    that it is never all in memory at once. ``partial`` (for the first directory): the copies of
    the sources still to be marked, in memory; the others' final evidence from the spool."""

    def __init__(self, old: "_StoredEvidence", partial: Optional[list[dict]], sources: list[Spooled]):
        self.old, self.partial, self.sources = old, partial, sources

    def __iter__(self):
        yield from self.old
        partial = iter(self.partial or ())
        for s in self.sources:
            if self.partial is not None and s.marks:
                yield next(partial)
            else:
                yield _read_evidence(s.spool)


class _StoredEvidence:
    """The evidence of the stored sources that stay, from their rows (JSON); each directory reads
    it twice, and a build may make two directories: after the first reading it is kept packed by
    marshal (about the size of the JSON, several times faster to read)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.packed: Optional[list[bytes]] = None

    def __iter__(self):
        if self.packed is not None:
            yield from map(marshal.loads, self.packed)
            return
        packed = []
        for r in self.rows:
            ev = json.loads(r["evidence"])
            packed.append(marshal.dumps(ev))
            yield ev
        self.packed, self.rows = packed, None


def _document_words(p: Parsed) -> tuple[bytes, int]:
    """The document frequencies of a source's words (one document per original message), packed
    as 'word\tcount' lines in one bytes object, and its number of documents. (Sent to the main
    process as one block: thousands of little dicts unpickled and dropped there would leave its
    memory fragmented, and every worker forked later would count it again.)"""
    df: Counter = Counter()
    docs = 0
    for m in p.msgs:
        if not m.copy_of and m.tokens:
            df.update(set(message_words(m)))  # kept with the message (spooled) for pass 3
            docs += 1
    return "\n".join(f"{w}\t{c}" for w, c in df.items()).encode("utf-8"), docs


def _merge_words(block: bytes, out: Counter) -> None:
    """The packed document frequencies of a source (_document_words), added to ``out``."""
    text = block.decode("utf-8")
    if not text:
        return
    lines = text.count("\n") + 1
    if text.count("\t") == lines:  # one tab a line (no word holds a tab): split in one go
        cells = text.replace("\n", "\t").split("\t")
        for w, c in zip(cells[0::2], map(int, cells[1::2])):
            out[w] += c
        return
    for line in text.split("\n"):
        if line:
            w, _, c = line.rpartition("\t")
            out[w] += int(c)


def _analyse_source(where: tuple, state) -> tuple:
    """Pass 3 for one source: questions, answers, and its rows."""
    directory, idf, pseudonym_key = state
    p = _load(where)
    p.evidence = p.source.pop("evidence")
    analyse(p, directory, idf)
    if pseudonym_key:
        pseudonymize(p, directory, Pseudonyms(pseudonym_key))
        p.evidence = None  # names: not kept (a pseudonymized knowledge base is rebuilt whole)
    return source_rows(p, idf, directory)


def _analyse_source_packed(where: tuple, state) -> bytes:
    """_analyse_source in a worker: its rows packed by marshal for the way back to the main
    process (pickle, which the pool would use, memoizes every string of every row)."""
    return marshal.dumps(_analyse_source(where, state))


NO_STATE = object()


class Workers:
    """A pool of forked worker processes, or the calling process when the work is small or
    processes cannot be forked. Each pass gets fresh workers forked after the state it needs
    (a directory, the IDF) exists, so that state is shared rather than sent.

    While it is open, the calling process pauses Python's cyclic garbage collector: a build
    makes millions of small objects that reference counting frees (it makes no reference
    cycles of its own), and the collector's passes over them and over everything the process
    holds cost more than a tenth of the build. A worker, forked with the collector paused,
    leaves what it inherits out of its collections (gc.freeze) and collects its own garbage
    once every COLLECT_EVERY items."""

    MIN_FILES = 16  # below this, the start-up of processes costs more than it saves

    def __init__(self, workers: Optional[int], files: int):
        if workers is None:
            workers = int(os.environ.get("EXTRACTOR_WORKERS", "0") or 0) or (os.cpu_count() or 1)
        self.n = max(1, min(workers, files))
        if files < self.MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
            self.n = 1

    def __enter__(self):
        self._gc = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc):
        if self._gc:
            gc.enable()
        return False

    def map(self, fn, items: list, state=NO_STATE):
        """fn(item) or fn(item, state) for each item, results in order, yielded as they come (at
        most a few batches ahead of the consumer); close() ends the work early."""
        if self.n == 1 or len(items) < 2:
            return (fn(x) if state is NO_STATE else fn(x, state) for x in items)
        global _STATE
        _STATE = state
        _release_free_memory()  # the workers inherit what the process holds: not its freed heap
        ctx = multiprocessing.get_context("fork")
        pool = ctx.Pool(self.n, initializer=_worker_start)
        # small batches: the last ones keep every worker busy to the end (a batch costs ~0.1 ms to send)
        chunk = max(1, min(2, len(items) // (self.n * 8)))
        return _bounded(pool, functools.partial(_work, fn, state is not NO_STATE), items, chunk, self.n)


_STATE = None


def _release_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's malloc_trim), where there is one:
    a forked worker shares the pages its parent holds, and what a pass freed (a pass's results,
    a first directory) would otherwise stay resident in the parent and count in every worker."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


_DONE = 0
COLLECT_EVERY = 64  # items a worker does between two garbage collections (a safety net: a build makes no cycles)


def _worker_start() -> None:
    """In a new worker: the objects inherited from the parent are left out of its garbage
    collections (they are the parent's to free)."""
    gc.freeze()


def _work(fn, with_state: bool, item):
    """fn(item) or fn(item, state) in a worker, and its own garbage collected now and then."""
    global _DONE
    out = fn(item, _STATE) if with_state else fn(item)
    _DONE += 1
    if _DONE % COLLECT_EVERY == 0:
        gc.collect()
    return out


def _bounded(pool, call, items, chunk, n) -> "_Stream":
    """Ordered results of a pool, with only a few batches in flight (bounded memory). The first
    batches are sent at once: the workers start before the results are asked for."""
    window = 16 * n  # batches in flight: a slow one at the head does not leave the workers idle
    batches = iter([items[i:i + chunk] for i in range(0, len(items), chunk)])
    return _Stream(pool, call, batches, [pool.map_async(call, b) for b in itertools.islice(batches, window)])


class _Stream:
    """The results of _bounded, in order; the pool ends when they are all read, or on close()."""

    def __init__(self, pool, call, batches, pending):
        self.pool, self.call, self.batches, self.pending = pool, call, batches, pending

    def __iter__(self):
        try:
            while self.pending:
                yield from self.pending.pop(0).get()
                b = next(self.batches, None)
                if b is not None:
                    self.pending.append(self.pool.map_async(self.call, b))
        finally:
            self.close()

    def close(self) -> None:
        global _STATE
        _STATE = None
        self.pending = []
        self.pool.terminate()
        self.pool.join()


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
        for m in p.msgs:
            m.tokens = words(m.body) if m.body else []
        _mark(p, directory)
    return Directory(list(old_evidence) + [p.evidence for p in parsed])


def _mark(p: Parsed, directory: Optional[Directory]) -> None:
    """Duplicate copies and quoted replies by the first directory, then the evidence about mentions.
    Without copies and quotes there is nothing to mark, and no directory is needed."""
    if directory is not None:
        mark_copies(p.msgs, p.candidates, directory.same_person)
        link_quotes(p.msgs, lambda q, s: directory.same_person(q, s) or directory.resolve(q)[0] == directory.member(s))
    p.evidence = collect_evidence(p.msgs, p.candidates, doubled_export(p.msgs, p.candidates))


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
                df.update(set(message_words(m)))  # as _document_words: kept with the message
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


def pseudonymized_members(members: list[dict], aliases: list[dict], pseudonyms: Pseudonyms) -> tuple[list, list]:
    """The members and aliases tables with pseudonyms for every name (alias rows keep their kind
    and confidence; their names are hidden too)."""
    out_members = [dict(m, id=pseudonyms(m["id"]), name=pseudonyms(m["id"]), names=store.dumps([pseudonyms(m["id"])]))
                   for m in members]
    out_aliases = {}
    for a in aliases:
        alias = pseudonyms(a["member_id"]) if a["member_id"] and a["kind"] in ("display name", "second display name") else pseudonyms(a["alias"])
        out_aliases.setdefault(alias, dict(a, alias=alias, member_id=pseudonyms(a["member_id"]) if a["member_id"] else None))
    return out_members, list(out_aliases.values())


def write_source(db, p: Parsed, idf: Idf, directory: Optional[Directory] = None) -> None:
    store.write_source_rows(db, *source_rows(p, idf, directory))


# a short question of an asker whose own published question came at most this many messages and
# seconds before, with no other member's question since, follows it up (curate.publish)
FOLLOW_UP_MESSAGES = 12
FOLLOW_UP_SECONDS = 600


def source_rows(p: Parsed, idf: Idf, directory: Optional[Directory] = None) -> tuple[dict, list[tuple], list[tuple], list[tuple]]:
    """The rows of one analysed source: its sources row, and its messages, questions and answers
    as tuples in the column order of store.TABLE_COLUMNS."""
    src = p.source
    by_q: dict[str, list[Answer]] = {}
    for a in p.answers:
        by_q.setdefault(a.question.message.id, []).append(a)
    q_rows, a_rows = [], []
    originals = [m for m in p.msgs if not m.copy_of]
    position = {m.id: i for i, m in enumerate(originals)}
    last_published = None  # (position, question) of the last published question, while only its asker asked since
    for q in p.questions:
        answers = sorted(by_q.get(q.message.id, []), key=lambda a: a.rank)
        start = position[q.message.id]
        context = {m.id for m in q.context}  # (by id: Message compares all its fields)
        before = [m for m in originals[max(0, start - 3):start] if m.id not in context]
        own = last_published if last_published and last_published[1].asker == q.asker else None
        follows = own[1].message if own and start - own[0] <= FOLLOW_UP_MESSAGES and (
            own[1].message.seconds is not None and q.message.seconds is not None
            and 0 <= q.message.seconds - own[1].message.seconds <= FOLLOW_UP_SECONDS) else None
        ok, pscore, preasons = publish(q, answers, idf, directory, before, follows)
        if ok:
            last_published = (start, q)
        elif own is None:
            last_published = None  # another member's question takes the talk over: no follow-up across it
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
            "search": messages_search_text(chrono + [m for a in answers for m in a.messages]),
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
                "delay_seconds": delay, "search": messages_search_text(a.messages),
            })
    src = dict(src)
    src["question_count"] = len(q_rows)
    src["answered_count"] = sum(r["answered"] for r in q_rows)
    src["evidence"] = json.dumps(p.evidence, ensure_ascii=False) if p.evidence is not None else None
    return (
        src,
        [message_tuple(m, src["group_name"]) for m in p.msgs],
        store.row_tuples("questions", q_rows),
        store.row_tuples("answers", a_rows),
    )


def answer_id(a: Answer) -> str:
    return f"{a.question.message.id}>{a.lead.n}"


def message_tuple(m: Message, group: str) -> tuple:
    """A message's row, as a tuple in the column order of store.MESSAGES."""
    dumps = store.dumps
    return (
        m.id, m.source_id, m.n, m.line, group, m.date, m.time, m.timestamp, m.sender,
        m.member_id, m.text, m.raw, m.kind,
        dumps(m.mentions) if m.mentions else None,
        dumps(m.images) if m.images else None,
        dumps(m.links) if m.links else None,
        dumps(m.emojis) if m.emojis else None,
        m.quote_sender, m.quote_text, m.reply_to, m.copy_of, m.native_id,
        " ".join(sorted(set(message_words(m)))) if m.tokens and not m.copy_of else None,
    )


def sender_stats(db) -> list[tuple]:
    """Per sender and stored member: the sender's original messages (not copies), first and last
    date, and groups; one scan of the messages for remap_members and member_rows."""
    return db.execute(
        "select sender, member_id, sum(copy_of is null), min(case when copy_of is null then date end), "
        "max(case when copy_of is null then date end), "
        "group_concat(distinct case when copy_of is null then group_name end) "
        "from messages group by sender, member_id"
    ).fetchall()


def remap_members(db, directory: Directory, stats: Optional[list[tuple]] = None) -> None:
    """Messages stored earlier whose sender now belongs to another member (new alias evidence)."""
    pairs = stats if stats is not None else sender_stats(db)
    for sender in dict.fromkeys(r[0] for r in pairs if directory.member(r[0]) != r[1]):
        new = directory.member(sender)
        db.execute("update messages set member_id = ? where sender = ?", [new, sender])
        db.execute("update questions set asker_id = ? where asker = ?", [new, sender])
        db.execute("update answers set answerer_id = ? where answerer = ?", [new, sender])


def member_rows(db, directory: Directory, stats: Optional[list[tuple]] = None, stored_as=None) -> list[dict]:
    """Rows of the members table: each member's messages (not copies), dates and groups, questions and answers.
    ``stats`` (sender_stats, taken before or after remap_members) are summed per member;
    ``stored_as`` maps a member id to the id its rows were stored under (its pseudonym)."""
    if stats is None:
        stats = sender_stats(db)
    per: dict[str, list] = {}
    for sender, _, count, first, last, groups in stats:
        if not count:
            continue
        mid = directory.member(sender)
        s = per.get(mid)
        if s is None:
            per[mid] = [mid, count, first, last, set((groups or "").split(","))]
            continue
        s[1] += count
        if first is not None and (s[2] is None or first < s[2]):
            s[2] = first
        if last is not None and (s[3] is None or last > s[3]):
            s[3] = last
        s[4].update((groups or "").split(","))
    stats = {mid: (mid, c, a, b, ",".join(sorted(g))) for mid, (_, c, a, b, g) in per.items()}
    qc = dict(db.execute("select asker_id, count(*) from questions group by asker_id").fetchall())
    ac = dict(db.execute("select answerer_id, count(*) from answers group by answerer_id").fetchall())
    rows = []
    for mid, info in directory.members.items():
        key = stored_as(mid) if stored_as else mid
        s = stats.get(key)
        if not s:
            continue
        rows.append({
            "id": mid, "name": info["name"], "names": store.dumps(info["names"]),
            "message_count": s[1], "question_count": qc.get(key, 0), "answer_count": ac.get(key, 0),
            "first_date": s[2], "last_date": s[3],
            "groups": store.dumps(sorted(set((s[4] or "").split(",")) - {""})),
        })
    return rows
