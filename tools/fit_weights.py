"""Fit the answer-linking weights on the tune split of the dev gold.

    .venv/bin/python tools/fit_weights.py ../shared/gold/dev.jsonl ../shared/corpus

Builds the tune days in memory and, for every gold question, takes the
messages the linker considers (with their features). The weights are fitted
as a choice among them plus "no answer" (a conditional logit with an L2
penalty): the likelihood that the top choice is one of the gold answers, or
"no answer" for questions the gold leaves unanswered. That is what the top
answer is judged by. "No answer" scores -BIAS, so a message beats it when
BIAS + w.f > 0, the same rule the linker applies. Prints the weights to paste
into extractor/answers.py (rounded there). The held days are never read.
"""
from __future__ import annotations

import sys

import numpy as np

from extractor.answers import PRIOR, PRIOR_BIAS, WEIGHTS, Linker
from extractor.evaluate import load_gold, split_of
from extractor.pipeline import analyse, idf_of, parse_conversation, prepare
from extractor.readers import read_bytes
from extractor.records import Question


def pairs(gold_path: str, corpus: str):
    gold = load_gold(gold_path)
    split = split_of([g["file"] for g in gold])
    files = sorted(f for f, s in split.items() if s == "tune")
    parsed = []
    for f in files:
        with open(f"{corpus}/{f}", "rb") as fh:
            convs, _, _ = read_bytes(fh.read(), f, f.split("/")[0])
        parsed += [parse_conversation(c) for c in convs]
    directory = prepare(parsed)
    idf = idf_of(parsed)
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
    return rows


def fit(rows, names, l2=6, steps=3000, lr=0.05):
    """Conditional logit over each question's candidates plus 'no answer' (score b0), with a
    Gaussian prior centred on the hand-set weights (an L2 penalty on the distance to them)."""
    qs = []
    for cands, answered in rows:
        X = np.array([[f.get(n, 0.0) for n in names] for f, _ in cands]).reshape(len(cands), len(names))
        y = np.array([lab for _, lab in cands], dtype=float)
        if answered and not y.any():
            continue  # the gold answers are out of the linker's reach
        qs.append((X, y, answered))
    prior = np.array([PRIOR[n] for n in names] + [-PRIOR_BIAS])
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
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w, qs


def main(gold_path: str, corpus: str) -> None:
    rows = pairs(gold_path, corpus)
    names = list(WEIGHTS)
    w, qs = fit(rows, names)
    top_ok = sum(1 for X, y, a in qs if a and (X @ w[:-1]).max() > w[-1] and y[int(np.argmax(X @ w[:-1]))])
    none_ok = sum(1 for X, y, a in qs if not a and (len(y) == 0 or (X @ w[:-1]).max() <= w[-1]))
    print(f"# {len(qs)} questions ({sum(1 for q in qs if q[2])} answered): top answer right on {top_ok}, "
          f"'no answer' right on {none_ok} of {sum(1 for q in qs if not q[2])}")
    print(f"BIAS = {-w[-1]:.2f}")
    print("WEIGHTS = {")
    for i, n in enumerate(names):
        used = sum(1 for X, _, _ in qs for row in X if row[i])
        print(f'    "{n}": {w[i]:.2f},  # on {used} pairs')
    print("}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
