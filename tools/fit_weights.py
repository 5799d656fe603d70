"""Fit the answer-linking weights on the tune split of the dev gold.

    .venv/bin/python tools/fit_weights.py ../shared/gold/dev.jsonl ../shared/corpus
    .venv/bin/python tools/fit_weights.py ../shared/gold/dev.jsonl ../shared/corpus --audit answers_audit.jsonl

Builds the tune days in memory and, for every gold question, takes the
messages the linker considers (with their features). The weights are fitted
as a choice among them plus "no answer" (a conditional logit with an L2
penalty): the likelihood that the top choice is one of the gold answers, or
"no answer" for questions the gold leaves unanswered. That is what the top
answer is judged by. "No answer" scores -BIAS, so a message beats it when
BIAS + w.f > 0, the same rule the linker applies. Prints the weights to paste
into extractor/answers.py (rounded there). The held days are never read.

Only the weights with a prior (PRIOR) are fitted; the others, and those named
with --fix, stay at their value in WEIGHTS (set by hand). --from-current pulls
toward the current WEIGHTS and BIAS instead of PRIOR.

--audit FILE (repeatable) adds the choices of a hand audit of top answers on
days outside the gold: one JSON object a line with the day's "file", the
"question" (the message index n of a question the extractor finds there), the
"label" ('right': the extractor's "top" is right; 'right-none': no answer is
right; 'wrong' / 'none-but-one-exists': the "right" message is, or no answer
when it is null). The question is the one the extractor predicts at that
message (as built with the tune and audit days together); the right choice is
the labelled message, or "no answer". Days of the gold are skipped.

The choice model leaves out part of the linker: its THRESHOLD (0.55, not 0.5), the
higher bar of doubtful questions, each message going to the question it fits best,
and an answer scored by the first message of its answerer's run. A fit that
looks better here can do worse in a build: judge weights by a build (the eval,
the audits), never by this likelihood alone. (Refits on tune + one answer audit,
checked on the other audit, did worse than the current weights both ways.)
"""
from __future__ import annotations

import argparse
import json
from typing import Iterable, Optional

import numpy as np

from extractor.answers import BIAS, PRIOR, PRIOR_BIAS, WEIGHTS, Linker
from extractor.evaluate import load_gold, split_of
from extractor.pipeline import analyse, idf_of, parse_conversation, prepare
from extractor.readers import read_bytes
from extractor.records import Question


def audit_target(row: dict) -> Optional[int]:
    """The message index of the right top answer of an audit row, or None for 'no answer'."""
    label = row["label"]
    if label == "right":
        return row["top"]
    if label == "right-none":
        return None
    if label in ("wrong", "none-but-one-exists"):
        return row.get("right")
    raise ValueError(f"unknown audit label {label!r}")


def load_audits(paths: Iterable[str]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def _parse(corpus: str, files: list[str]) -> list:
    parsed = []
    for f in files:
        with open(f"{corpus}/{f}", "rb") as fh:
            convs, _, _ = read_bytes(fh.read(), f, f.split("/")[0])
        parsed += [parse_conversation(c) for c in convs]
    return parsed


def pairs(gold_path: str, corpus: str, audits: list[dict] = (), stats: Optional[dict] = None):
    """(candidates, answered) per question: candidates are (features, 1 if a right answer else 0)."""
    gold = load_gold(gold_path)
    split = split_of([g["file"] for g in gold])
    files = sorted(f for f, s in split.items() if s == "tune")
    audits = [r for r in audits if r["file"] not in split]  # never a gold day (nor a held one)
    audit_files = sorted({r["file"] for r in audits})
    parsed = _parse(corpus, files + audit_files)
    directory = prepare(parsed)
    idf = idf_of(parsed)
    stats = {} if stats is None else stats
    stats.update(audit_rows=len(audits), audit_no_question=0, audit_out_of_reach=0)
    rows = []
    for p in parsed:
        analyse(p, directory, idf)
        by_n = {m.n: m for m in p.msgs}
        linker = Linker(p.msgs, p.questions, directory, idf)
        for g in gold:
            if g["file"] != p.conv.path:
                continue
            ms = [by_n[r["n"]] for r in g["question"]]
            q = Question(message=ms[0], context=ms[1:], score=1.0, reasons=[], asker=directory.member(ms[0].sender))
            answers = {a["n"] for a in g["answers"]}
            cands = [(f, int(c.n in answers)) for c, f, _, _ in linker.candidates(q)]
            rows.append((cands, bool(answers)))
        predicted = {q.message.n: q for q in p.questions}
        for r in audits:
            if r["file"] != p.conv.path:
                continue
            q = predicted.get(r["question"])
            if q is None:
                stats["audit_no_question"] += 1  # the extractor no longer finds this question
                continue
            right = audit_target(r)
            cands = [(f, int(right is not None and c.n == right)) for c, f, _, _ in linker.candidates(q)]
            if right is not None and not any(lab for _, lab in cands):
                stats["audit_out_of_reach"] += 1
            rows.append((cands, right is not None))
    return rows


def fit(rows, names, l2=6, steps=3000, lr=0.05, fixed: Iterable[str] = (), from_current: bool = False):
    """Conditional logit over each question's candidates plus 'no answer' (score b0), with a
    Gaussian prior centred on the hand-set weights (an L2 penalty on the distance to them), or on
    the current WEIGHTS and BIAS (from_current). Weights without a prior, and those in fixed, keep
    their value in WEIGHTS."""
    qs = []
    for cands, answered in rows:
        X = np.array([[f.get(n, 0.0) for n in names] for f, _ in cands]).reshape(len(cands), len(names))
        y = np.array([lab for _, lab in cands], dtype=float)
        if answered and not y.any():
            continue  # the gold answers are out of the linker's reach
        qs.append((X, y, answered))
    fixed = set(fixed)
    free = np.array([n in PRIOR and n not in fixed for n in names] + ["BIAS" not in fixed])
    if from_current:
        prior = np.array([WEIGHTS[n] for n in names] + [-BIAS])
    else:
        prior = np.array([PRIOR[n] if free[i] else WEIGHTS[n] for i, n in enumerate(names)]
                         + [-PRIOR_BIAS if free[-1] else -BIAS])
    w = prior.copy()  # last: b0, the score of "no answer"
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):  # Adam on the negative log likelihood
        grad = np.zeros_like(w)
        grad += 2 * l2 * (w - prior)
        for X, y, answered in qs:
            s = np.concatenate([X @ w[:-1], [w[-1]]])
            s -= s.max()
            e = np.exp(s)
            p = e / e.sum()
            target = np.concatenate([y, [0.0 if answered else 1.0]])
            pt = target * p
            pt = pt / pt.sum()
            # d(-log sum_target p)/ds = p - pt
            d = p - pt
            grad[:-1] += X.T @ d[:-1]
            grad[-1] += d[-1]
        grad[~free] = 0.0
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w, qs


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("corpus")
    ap.add_argument("--audit", action="append", default=[], metavar="FILE",
                    help="a hand audit of top answers (JSON lines) whose choices are added to the tune gold's")
    ap.add_argument("--fix", default="", help="comma-separated weights kept at their value in WEIGHTS (BIAS: keep BIAS)")
    ap.add_argument("--l2", type=float, default=6)
    ap.add_argument("--from-current", action="store_true",
                    help="pull toward the current WEIGHTS and BIAS instead of PRIOR (a refit that moves them only where the data speaks)")
    args = ap.parse_args(argv)
    stats: dict = {}
    rows = pairs(args.gold, args.corpus, load_audits(args.audit), stats)
    names = list(WEIGHTS)
    fixed = {n for n in args.fix.split(",") if n}
    unknown = fixed - set(names) - {"BIAS"}
    if unknown:
        ap.error(f"unknown weights: {', '.join(sorted(unknown))}")
    w, qs = fit(rows, names, l2=args.l2, fixed=fixed, from_current=args.from_current)
    top_ok = sum(1 for X, y, a in qs if a and (X @ w[:-1]).max() > w[-1] and y[int(np.argmax(X @ w[:-1]))])
    none_ok = sum(1 for X, y, a in qs if not a and (len(y) == 0 or (X @ w[:-1]).max() <= w[-1]))
    print(f"# {len(qs)} questions ({sum(1 for q in qs if q[2])} answered): top answer right on {top_ok}, "
          f"'no answer' right on {none_ok} of {sum(1 for q in qs if not q[2])}")
    if args.audit:
        print(f"# audits: {stats['audit_rows']} rows, {stats['audit_no_question']} questions not found, "
              f"{stats['audit_out_of_reach']} right answers out of the linker's reach")
    print(f"BIAS = {-w[-1]:.2f}")
    print("WEIGHTS = {")
    for i, n in enumerate(names):
        used = sum(1 for X, _, _ in qs for row in X if row[i])
        hand = "" if n in PRIOR and n not in fixed else ", fixed"
        print(f'    "{n}": {w[i]:.2f},  # on {used} pairs{hand}')
    print("}")


if __name__ == "__main__":
    main()
