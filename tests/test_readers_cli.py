"""The readers through the command line and the build: `extractor formats`,
`extractor build --timezone`, and the corpus staying with the archive reader."""
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.readers import READERS, detect
from extractor.readers.decode import decode
from tests.readers_helpers import FIXTURES, fixture

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_formats_lists_every_reader_with_its_recognition_and_reply_links():
    out = CliRunner().invoke(cli, ["formats"]).output
    for r in READERS:
        assert r.NAME in out and r.DESCRIPTION in out and r.REPLY_LINKS in out
    assert len(READERS) == 12 and READERS[-1].NAME == "generic"


def test_every_reader_has_the_protocol():
    for r in READERS:
        assert r.NAME and r.DESCRIPTION and r.REPLY_LINKS and callable(r.sniff) and callable(r.read)


def test_build_with_a_timezone(tmp_path):
    db = tmp_path / "kb.db"
    src = str(fixture("telegram/result.json"))
    res = CliRunner().invoke(cli, ["build", src, "--db", str(db), "--timezone", "Asia/Shanghai"])
    assert res.exit_code == 0, res.output
    assert "1 files: 1 read" in res.output
    first = "select time from messages order by n limit 1"
    assert sqlite3.connect(db).execute(first).fetchone() == ("17:02:11",)
    # the same file built again in another zone is read again, not left as it was
    res = CliRunner().invoke(cli, ["build", src, "--db", str(db)])
    assert "1 read, 0 unchanged" in res.output
    assert sqlite3.connect(db).execute(first).fetchone() == ("09:02:11",)
    res = CliRunner().invoke(cli, ["build", src, "--db", str(db)])
    assert "0 read, 1 unchanged" in res.output
    # a file that names its chat keeps that name; another --group is only a fallback, and re-reads it
    res = CliRunner().invoke(cli, ["build", src, "--db", str(db), "--group", "其他"])
    assert "1 read, 0 unchanged" in res.output
    assert sqlite3.connect(db).execute("select distinct group_name from messages").fetchall() == [("Python数据处理交流群",)]
    res = CliRunner().invoke(cli, ["build", src, "--db", str(db), "--group", "其他"])
    assert "0 read, 1 unchanged" in res.output


def test_bad_timezone_is_refused(tmp_path):
    res = CliRunner().invoke(cli, ["build", str(fixture("telegram/result.json")), "--db", str(tmp_path / "kb.db"),
                                   "--timezone", "Mars/Olympus"])
    assert res.exit_code != 0 and "unknown time zone" in res.output


def test_build_of_every_fixture_reports_auxiliary_files_not_unreadable(tmp_path):
    res = CliRunner().invoke(cli, ["build", str(FIXTURES), "--db", str(tmp_path / "kb.db")])
    assert res.exit_code == 0, res.output
    assert "21 files: 17 read, 0 unchanged, 0 removed, 0 skipped, 4 auxiliary" in res.output
    res = CliRunner().invoke(cli, ["build", str(FIXTURES), "--db", str(tmp_path / "kb.db")])
    assert "21 files: 0 read, 17 unchanged, 0 removed, 0 skipped, 4 auxiliary" in res.output


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_no_new_reader_claims_the_corpus():
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    seeds = CORPUS.parent / "seeds"
    files += sorted(p for p in seeds.rglob("*") if p.is_file()) if seeds.is_dir() else []
    claimed = {}
    for p in files:
        text, _ = decode(p.read_bytes())
        r = detect(text.lstrip("\ufeff"))
        claimed.setdefault(r.NAME if r else None, []).append(p.name)
    assert set(claimed) == {"archive", None}
    assert claimed[None] == ["README.md"]
