"""Which analysis made a knowledge base: a digest of the code that turns files into rows.

A knowledge base remembers the digest of the code that built it (``meta.analysis``). When the
extractor is upgraded and its readers, heuristics or weights change, the next build reads every
given file again instead of keeping rows made by the old code for unchanged files."""
from __future__ import annotations

import functools
import hashlib
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parent
# modules that only present, serve or evaluate what is stored
NOT_ANALYSIS = {"cli.py", "evaluate.py", "export.py", "serving.py", "config.py", "version.py", "__init__.py"}


@functools.lru_cache(maxsize=1)
def analysis() -> str:
    h = hashlib.sha1()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "datasette_plugin" or (len(rel.parts) == 1 and rel.name in NOT_ANALYSIS):
            continue
        h.update(str(rel).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]
