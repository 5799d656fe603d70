"""extractor serve: Datasette read-only, with metadata.yml applied whatever the database is called."""
import sys

from extractor import serving
from tests.kb_site import METADATA


def test_metadata_applies_to_a_database_of_any_name():
    meta = serving.metadata_for("/data/corpus.db", str(METADATA))
    assert "corpus" in meta["databases"] and "kb" not in meta["databases"]
    assert meta["databases"]["corpus"]["tables"]["questions"]["label_column"] == "text"
    assert "kb" in serving.metadata_for("/data/kb.db", str(METADATA))["databases"]


def test_serve_runs_datasette_immutable_with_a_time_limit_and_the_metadata(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    db = tmp_path / "corpus.db"
    args = serving.datasette_args(str(db), "127.0.0.1", 8001, str(METADATA))
    assert args[:4] == [sys.executable, "-m", "datasette", "serve"]
    assert args[args.index("-i") + 1] == str(db)
    assert args[args.index("--setting") + 1:args.index("--setting") + 3] == ["sql_time_limit_ms", "3000"]
    assert "suggest_facets" in args and args[args.index("suggest_facets") + 1] == "off"
    written = args[args.index("--metadata") + 1]
    assert written.startswith(str(tmp_path)) and "corpus:" in open(written, encoding="utf-8").read()
    kb = serving.datasette_args(str(tmp_path / "kb.db"), "127.0.0.1", 8001, str(METADATA))
    assert kb[kb.index("--metadata") + 1] == str(METADATA)
