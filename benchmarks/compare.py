"""Compare two knowledge bases row by row: the proof that a faster build stores the same thing.

    python -m benchmarks.compare before.db after.db

Every table of the public schema (sources, messages, members, aliases, questions, answers) and
the internal terms and document count are compared as sets of rows, whatever order the rows
were written in. Exit status 1 when they differ."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import sys

TABLES = {
    "sources": "id", "messages": "id", "members": "id", "aliases": "alias",
    "questions": "id", "answers": "id", "terms": "term",
}


def canonical_evidence(text: str) -> str:
    """members.collect_evidence lists the mentions of a message in the order of a set of names,
    which changes with PYTHONHASHSEED from one run to the next of the same code: compare the
    mentions as a multiset (everything else in the order written)."""
    ev = json.loads(text)
    ev["mentions"] = sorted(ev.get("mentions", []), key=lambda x: json.dumps(x, ensure_ascii=False))
    return json.dumps(ev, ensure_ascii=False)


def digest(db_path: str) -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a hash of all of them, in key order."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = {}
    try:
        for table, key in TABLES.items():
            cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
            h = hashlib.sha256()
            n = 0
            ev = cols.index("evidence") if table == "sources" else None
            for row in conn.execute(f"select {', '.join('[' + c + ']' for c in cols)} from [{table}] order by [{key}]"):
                if ev is not None and row[ev]:
                    row = row[:ev] + (canonical_evidence(row[ev]),) + row[ev + 1:]
                h.update(repr(row).encode("utf-8"))
                n += 1
            out[table] = (n, h.hexdigest())
        row = conn.execute("select value from meta where key = 'documents'").fetchone()
        out["documents"] = (1, row[0] if row else "")
    finally:
        conn.close()
    return out


def differences(a: str, b: str) -> list[str]:
    da, db = digest(a), digest(b)
    return [f"{t}: {da[t][0]} rows vs {db[t][0]} rows" + (" (same count, different rows)" if da[t][0] == db[t][0] else "")
            for t in da if da[t] != db[t]]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    diff = differences(*argv)
    for line in diff:
        print(line)
    print("identical" if not diff else f"{len(diff)} tables differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
