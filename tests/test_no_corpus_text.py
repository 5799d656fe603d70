"""The chats of ../shared/corpus are people's words: tests and benchmarks read them from there, but the
project does not copy them. No clause of the code, the tests (fixtures included), README.md or docs/
may occur verbatim in the corpus once it has MIN_HAN Han characters; shorter clauses are the stock
phrases anyone writes (什么时候开始, 有没有人用过). Test sentences are written anew in the same
construction, with other topic words and invented names.

A line that asserts on the real data a test reads from the corpus at run time (tests/test_corpus.py)
may name what it looks for there: it carries the marker REAL_DATA in a comment."""
import re

from tests.conftest import CORPUS, ROOT, needs_shared

MIN_HAN = 7
REAL_DATA = "# real data"
SCANNED = ["extractor", "tests", "docs", "README.md"]
# a line is cut into runs at spaces, quotes, brackets, slashes and semicolons, a run into clauses at
# sentence punctuation
_RUN_SEP = re.compile(r"[\s\"'()（）/|;；\[\]]+")
_CLAUSE_SEP = re.compile(r"[，,。？?！!：:、…]+")


def _han(s):
    return sum("\u4e00" <= ch <= "\u9fff" for ch in s)


def _text_files():
    for name in SCANNED:
        top = ROOT / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for p in paths:
            if "__pycache__" in p.parts:
                continue
            try:
                yield p, p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue  # images and other binary files


def _clauses(text):
    for i, line in enumerate(text.split("\n"), 1):
        if REAL_DATA in line:
            continue
        for run in _RUN_SEP.split(line):
            for clause in _CLAUSE_SEP.split(run):
                if _han(clause) >= MIN_HAN:
                    yield i, clause


@needs_shared(CORPUS)
def test_no_clause_of_the_project_is_copied_from_the_corpus():
    corpus = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(CORPUS.rglob("*.markdown")))
    assert len(corpus) > 1_000_000  # the corpus is there, not an empty folder
    found, seen = [], {}
    for path, text in _text_files():
        for line, clause in _clauses(text):
            if clause not in seen:
                seen[clause] = clause in corpus
            if seen[clause]:
                found.append(f"{path.relative_to(ROOT)}:{line}: {clause}")
    assert not found, (
        f"{len(found)} clause(s) of {MIN_HAN}+ Han characters occur verbatim in {CORPUS.name}/ "
        "(write a sentence of the same construction with other words and names):\n" + "\n".join(found))
