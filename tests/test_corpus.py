"""Integration over the real corpus in ../shared (skipped when it is absent)."""
import hashlib
import os
import re

import pytest
import sqlite_utils

from extractor import pipeline
from tests.conftest import CORPUS, GOLD, SEEDS, needs_shared

HEADER = re.compile(r"^> \d\d:\d\d:\d\d  ")


def count_headers(path):
    with open(path, encoding="utf-8") as fh:
        return sum(1 for line in fh if HEADER.match(line))


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent (no ../shared beside the project)")
    db_path = str(tmp_path_factory.mktemp("corpus") / "kb.db")
    summary = pipeline.build([str(CORPUS), str(SEEDS)], db_path)
    return db_path, summary


@needs_shared(CORPUS)
def test_every_header_of_every_file_is_exactly_one_row(corpus_db):
    db_path, summary = corpus_db
    db = sqlite_utils.Database(db_path)
    stored = {r[0]: r[1] for r in db.execute(
        "select s.path, count(m.id) from sources s left join messages m on m.source_id = s.id group by s.path")}
    expected = {}
    for root in (CORPUS, SEEDS):
        for dirpath, _, files in os.walk(root):
            for name in files:
                full = os.path.join(dirpath, name)
                if name == "README.md":
                    continue
                expected[os.path.relpath(full, root).replace(os.sep, "/")] = count_headers(full)
    assert len(expected) == 543
    assert sum(expected.values()) == 92407
    assert stored == expected
    assert summary.stored == 543
    assert [str(p) for p in summary.skipped] == ["README.md: is not a chat log in any format this tool reads"]
    # n is the position of the header in its file, without gaps
    gaps = db.execute("select count(*) from (select source_id, max(n) + 1 - count(*) as g from messages group by source_id) where g != 0").fetchone()[0]
    assert gaps == 0


@needs_shared(CORPUS)
def test_the_seed_day_is_read_without_a_markdown_ending(corpus_db):
    db = sqlite_utils.Database(corpus_db[0])
    row = db.execute("select date, message_count, group_name from sources where path = '000_7b58991693db6b47.txt'").fetchone()
    assert row == ("2018-07-27", 167, "seeds")


@needs_shared(CORPUS)
def test_the_corpus_has_questions_answers_and_members(corpus_db):
    db = sqlite_utils.Database(corpus_db[0])
    t = corpus_db[1].totals
    assert t["questions"] > 5000 and t["answered"] > 0.5 * t["questions"] and t["answers"] > t["answered"]
    assert db.execute("pragma foreign_key_check").fetchall() == []
    # two members of the corpus, each under two display names: one with a company and role after
    # a short nickname, one renamed outright (the names are people's: named here by a hash of each)
    by_hash = {hashlib.sha1(a.encode("utf-8")).hexdigest()[:16]: m
               for a, m in db.execute("select alias, member_id from aliases").fetchall()}
    assert by_hash.get("38b3be9bd16a40a1") == by_hash.get("e8002c169040af08") is not None
    assert by_hash.get("2f1a901f98bca519") == by_hash.get("626a712666053048") is not None
    copies = db.execute("select count(*) from messages where copy_of is not null").fetchone()[0]
    assert copies > 1000


@needs_shared(GOLD)
def test_eval_beats_the_naive_rule(tmp_path):
    from extractor.evaluate import evaluate

    result = evaluate(str(GOLD), str(CORPUS))["all"]
    assert result["question_f1"] > 0.65
    assert result["answer_accuracy"] > 0.54
    assert result["pair_f1"] > 0.34
