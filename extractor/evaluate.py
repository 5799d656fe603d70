"""Score the extractor against hand-checked gold labels, with exactly the
definitions of ../shared/gold/README.md, and list the errors so they can be read.

The dev days are split in two: ``tune`` (the days heuristics were tuned on)
and ``held`` (days kept aside, never looked at while tuning: two per group,
chosen by a hash of the file name), so that over-fitting shows.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

import sqlite_utils

from .export import records
from .pipeline import build_files
from .readers import InputFile

HELD_PER_GROUP = 2
# The salt of the hash that picks the held days: chosen, before any tuning, so that the days
# read in full while designing the reader (to learn the format) are on the tune side.
HELD_SALT = "18"


def load_gold(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_of(files: list[str]) -> dict[str, str]:
    """'held' for HELD_PER_GROUP files per group (by a salted hash of the name), 'tune' for the rest."""
    by_group = defaultdict(list)
    for f in sorted(set(files)):
        by_group[f.split("/")[0]].append(f)
    out = {}
    for group, fs in by_group.items():
        ranked = sorted(fs, key=lambda f: hashlib.sha1((HELD_SALT + f).encode()).hexdigest())
        for i, f in enumerate(ranked):
            out[f] = "held" if i < HELD_PER_GROUP else "tune"
    return out


def build_for_gold(gold: list[dict], corpus: str, db_path: str):
    files = sorted({g["file"] for g in gold})
    inputs = []
    for rel in files:
        path = os.path.join(corpus, rel)
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path}: a gold file is missing from the corpus")
        group = os.path.basename(os.path.dirname(os.path.abspath(path)))
        inputs.append(InputFile(path=path, rel=rel, group=group, root=corpus))
    return build_files(inputs, db_path, roots=[corpus])


def _key(file: str, ref: dict) -> tuple[str, int]:
    return (file, ref["n"])


@dataclass
class Match:
    pred: dict
    gold: Optional[dict]


def match(preds: list[dict], gold: list[dict]) -> list[Match]:
    """Each prediction to the gold question it matches: its first message is one of the gold
    question's messages, or, failing that, their message sets overlap."""
    by_msg: dict[tuple, dict] = {}
    for g in gold:
        for ref in g["question"]:
            by_msg.setdefault(_key(g["file"], ref), g)
    out = []
    for p in preds:
        first = _key(p["file"], p["question"][0])
        g = by_msg.get(first)
        if g is None:
            for ref in p["question"][1:]:
                g = by_msg.get(_key(p["file"], ref))
                if g:
                    break
        out.append(Match(p, g))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(preds: list[dict], gold: list[dict]) -> dict:
    matches = match(preds, gold)
    gold_answers = {id(g): {_key(g["file"], a) for a in g["answers"]} for g in gold}
    kb = [g for g in gold if g["kb"]]
    kb_answered = [g for g in kb if g["answers"]]
    matched_by_gold = defaultdict(list)
    for m in matches:
        if m.gold is not None:
            matched_by_gold[id(m.gold)].append(m.pred)

    def top_ok(pred: dict, g: dict) -> bool:
        return bool(pred["answers"]) and _key(pred["file"], pred["answers"][0]) in gold_answers[id(g)]

    n_pred = len(preds)
    q_prec = sum(1 for m in matches if m.gold is not None) / n_pred if n_pred else 0.0
    q_rec = sum(1 for g in kb if matched_by_gold[id(g)]) / len(kb) if kb else 0.0
    matched_kb_answered = [g for g in kb_answered if matched_by_gold[id(g)]]
    acc = (
        sum(1 for g in matched_kb_answered if any(top_ok(p, g) for p in matched_by_gold[id(g)])) / len(matched_kb_answered)
        if matched_kb_answered else 0.0
    )
    with_top = [m for m in matches if m.pred["answers"]]
    pair_prec = sum(1 for m in with_top if m.gold is not None and top_ok(m.pred, m.gold)) / len(with_top) if with_top else 0.0
    pair_rec = (
        sum(1 for g in kb_answered if any(top_ok(p, g) for p in matched_by_gold[id(g)])) / len(kb_answered)
        if kb_answered else 0.0
    )
    # all answer messages of matched questions, against all gold answers (a diagnostic: the
    # targets judge the top answer only)
    got = sum(len({_key(m.pred["file"], a) for a in m.pred["answers"]} & gold_answers[id(m.gold)])
              for m in matches if m.gold is not None)
    predicted_msgs = sum(len(m.pred["answers"]) for m in matches if m.gold is not None)
    gold_msgs = sum(len(gold_answers[id(g)]) for g in gold if matched_by_gold[id(g)])
    published = [m for m in matches if m.pred.get("published", True)]
    kb_prec = sum(1 for m in published if m.gold is not None and m.gold["kb"]) / len(published) if published else 0.0
    kb_matched = [m for m in matches if m.gold is not None and m.gold["kb"]]
    kb_kept = sum(1 for m in kb_matched if m.pred.get("published", True)) / len(kb_matched) if kb_matched else 0.0
    return {
        "predicted": n_pred,
        "gold_kb": len(kb),
        "question_precision": q_prec,
        "question_recall": q_rec,
        "question_f1": _f1(q_prec, q_rec),
        "kb_precision": kb_prec,
        "kb_published": kb_kept,
        "published": len(published),
        "answer_accuracy": acc,
        "pair_precision": pair_prec,
        "pair_recall": pair_rec,
        "pair_f1": _f1(pair_prec, pair_rec),
        "answer_msg_precision": got / predicted_msgs if predicted_msgs else 0.0,
        "answer_msg_recall": got / gold_msgs if gold_msgs else 0.0,
    }


def evaluate(gold_path: str, corpus: str, db_path: Optional[str] = None) -> dict:
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        path = db_path or os.path.join(tmp, "eval.db")
        build_for_gold(gold, corpus, path)
        db = sqlite_utils.Database(path)
        preds = list(records(db, published_only=False))
        context = _context(db)
        db.close()
    splits = split_of([g["file"] for g in gold])
    result = {"all": score(preds, gold)}
    for name in ("tune", "held"):
        fs = {f for f, s in splits.items() if s == name}
        result[name] = score([p for p in preds if p["file"] in fs], [g for g in gold if g["file"] in fs])
    result["splits"] = splits
    result["_preds"] = preds
    result["_gold"] = gold
    result["_context"] = context
    return result


def _context(db) -> dict:
    """Messages, question and answer scores and reasons, for the error listing."""
    msgs = defaultdict(dict)
    for r in db.query("select s.path, m.n, m.time, m.sender, m.text, m.kind, m.copy_of, m.images from messages m "
                      "join sources s on s.id = m.source_id"):
        msgs[r["path"]][r["n"]] = r
    q = {}
    for r in db.query("select s.path, m.n, q.score, q.reasons, q.published, q.publish_reasons from questions q "
                      "join messages m on m.id = q.message_id join sources s on s.id = q.source_id"):
        q[(r["path"], r["n"])] = r
    a = {}
    for r in db.query("select s.path, m.n, qm.n as qn, a.score, a.reasons, a.rank from answers a "
                      "join messages m on m.id = a.message_id join messages qm on qm.id = a.question_id "
                      "join sources s on s.id = a.source_id"):
        a[(r["path"], r["qn"], r["n"])] = r
    return {"messages": msgs, "questions": q, "answers": a}


METRICS = [
    ("question_precision", "question precision"),
    ("question_recall", "question recall (kb)"),
    ("question_f1", "question F1"),
    ("kb_precision", "question precision vs kb:true (published)"),
    ("kb_published", "found kb:true questions that are published"),
    ("answer_accuracy", "answer accuracy"),
    ("pair_precision", "pair precision"),
    ("pair_recall", "pair recall"),
    ("pair_f1", "pair F1"),
    ("answer_msg_precision", "all answer messages: precision"),
    ("answer_msg_recall", "all answer messages: recall"),
]


def table(result: dict) -> str:
    cols = ["all", "tune", "held"]
    lines = [f"{'metric':44} " + " ".join(f"{c:>7}" for c in cols)]
    for key, label in METRICS:
        lines.append(f"{label:44} " + " ".join(f"{result[c][key]:7.3f}" for c in cols))
    lines.append(f"{'predicted questions':44} " + " ".join(f"{result[c]['predicted']:7d}" for c in cols))
    lines.append(f"{'gold kb:true questions':44} " + " ".join(f"{result[c]['gold_kb']:7d}" for c in cols))
    return "\n".join(lines)


def errors(result: dict, split: Optional[str] = None, around: int = 3) -> str:
    """Each false question, missed question and wrong top answer, with the messages around it."""
    preds, gold, ctx = result["_preds"], result["_gold"], result["_context"]
    if split:
        fs = {f for f, s in result["splits"].items() if s == split}
        preds = [p for p in preds if p["file"] in fs]
        gold = [g for g in gold if g["file"] in fs]
    matches = match(preds, gold)
    matched = defaultdict(list)
    for m in matches:
        if m.gold is not None:
            matched[id(m.gold)].append(m.pred)
    out = []

    def show(file: str, center: int, marks: dict[int, str], lo: Optional[int] = None, hi: Optional[int] = None):
        ms = ctx["messages"][file]
        lo = max(0, center - around) if lo is None else lo
        hi = min(max(ms) if ms else 0, center + around) if hi is None else hi
        for n in range(lo, hi + 1):
            r = ms.get(n)
            if not r:
                continue
            text = (r["text"] or ("[image]" if r["images"] else f"[{r['kind']}]")).replace("\n", " / ")[:120]
            copy = " (copy)" if r["copy_of"] else ""
            out.append(f"  {marks.get(n, '  '):>3} [{n}] {r['time']} {r['sender']}{copy}: {text}")

    def reasons(file: str, n: int) -> str:
        q = ctx["questions"].get((file, n))
        if not q:
            return ""
        return f"score {q['score']:.2f} {json.loads(q['reasons'])}"

    for m in matches:
        if m.gold is None:
            p = m.pred
            n = p["question"][0]["n"]
            out.append(f"\nFALSE QUESTION {p['file']} [{n}] {reasons(p['file'], n)}")
            show(p["file"], n, {n: "Q?"})
    for g in gold:
        if g["kb"] and not matched[id(g)]:
            n = g["question"][0]["n"]
            out.append(f"\nMISSED QUESTION {g['file']} [{n}] (kb)")
            marks = {r["n"]: "Q" for r in g["question"]}
            marks.update({a["n"]: "A" for a in g["answers"]})
            show(g["file"], n, marks)
    for g in gold:
        if not (g["kb"] and g["answers"] and matched[id(g)]):
            continue
        golds = {a["n"] for a in g["answers"]}
        p = matched[id(g)][0]
        if p["answers"] and p["answers"][0]["n"] in golds:
            continue
        n = g["question"][0]["n"]
        top = p["answers"][0]["n"] if p["answers"] else None
        qn = p["question"][0]["n"]
        head = f"\nWRONG ANSWER {g['file']} question [{n}] predicted top {top} gold {sorted(golds)} best {g['best']['n'] if g.get('best') else None}"
        if top is not None:
            a = ctx["answers"].get((g["file"], qn, top))
            if a:
                head += f"\n  top answer score {a['score']:.2f} {json.loads(a['reasons'])}"
        out.append(head)
        marks = {r["n"]: "Q" for r in g["question"]}
        marks.update({a: "A" for a in golds})
        if top is not None:
            marks[top] = marks.get(top, "") + "*"
        last = max([top or n] + list(golds))
        show(g["file"], n, marks, lo=max(0, n - 1), hi=min(last + 1, n + 40))
    return "\n".join(out)
