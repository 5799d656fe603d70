"""What ``extractor serve`` runs: Datasette serving one knowledge base read-only
(immutable, with a SQL time limit), with metadata.yml applied to it whatever the
database is called, and the plugin (extractor/datasette_plugin, found by its entry point)."""
from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path
from typing import Optional

import yaml

METADATA_KEY = "kb"  # the database name metadata.yml describes
PROJECT_METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
# Read-only serving: a SQL time limit; room for the keyword (topic) facet over every question;
# no facet suggestions (the useful facets are in metadata.yml, and suggesting costs every page).
SETTINGS = {"sql_time_limit_ms": 3000, "facet_time_limit_ms": 1500, "suggest_facets": False}


def find_metadata(db_path: str) -> Optional[str]:
    """metadata.yml beside the database, else in the current folder, else the project's."""
    for candidate in (Path(db_path).resolve().parent / "metadata.yml", Path("metadata.yml"), PROJECT_METADATA):
        if candidate.exists():
            return str(candidate)
    return None


def database_name(db_path: str) -> str:
    """The name Datasette gives a database file (its stem)."""
    return Path(db_path).stem


def metadata_for(db_path: str, metadata_path: str) -> dict:
    """The metadata with the ``kb`` database block applied to this database's name."""
    with open(metadata_path, encoding="utf-8") as fh:
        metadata = yaml.safe_load(fh) or {}
    name = database_name(db_path)
    databases = metadata.get("databases") or {}
    if name != METADATA_KEY and METADATA_KEY in databases and name not in databases:
        databases[name] = copy.deepcopy(databases.pop(METADATA_KEY))
    return metadata


def metadata_file(db_path: str, metadata_path: str) -> str:
    """A metadata file for this database: the given one when the database is kb.db,
    else a copy with the block renamed, in the temporary folder (rewritten each time)."""
    name = database_name(db_path)
    if name == METADATA_KEY:
        return metadata_path
    folder = Path(tempfile.gettempdir()) / "extractor-serve"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}-metadata.yml"
    path.write_text(yaml.safe_dump(metadata_for(db_path, metadata_path), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return str(path)


def datasette_args(db_path: str, host: str, port: int, metadata: Optional[str]) -> list[str]:
    args = [sys.executable, "-m", "datasette", "serve", "-i", db_path, "-h", host, "-p", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    metadata = metadata or find_metadata(db_path)
    if metadata:
        args += ["--metadata", metadata_file(db_path, metadata)]
    return args
