"""The speed benchmark: `make bench` (or `python -m benchmarks.run`).

Measures, in one run, each step in a subprocess of its own (wall and CPU time of the work
itself, interpreter start-up excluded; peak memory of the process tree, workers included):

  baseline      read the message texts of the corpus and the seeds and segment them with plain
                jieba.lcut in one process (dictionary loaded beforehand, not timed)
  full          build of the same input into a new database
  noop          the same build again: nothing changed
  incremental   the build after one new day was added
  full_10x      build of a corpus ten times the size: the shared one replicated ten times
                (dates shifted, member names renamed), generated into a temporary folder
  search        200 searches of 2-4 character words and phrases through Datasette's client
                on the 10x database (FTS5, ranked by bm25)

and the ratios against the targets of the speed issue, as a table and as JSON. Times vary on
a shared machine: each 1x step runs --runs times, medians are reported, and each ratio is taken
between steps of the same run. It also checks that the fast segmenter gives what jieba.lcut
gives on every message (segmentation identity) and, with --reference DB, that the full build
stores the same rows as that database (benchmarks/compare.py).

    python -m benchmarks.run [--runs 3] [--quick] [--json-out results.json] [--reference before.db]
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_CORPUS = os.path.join(SHARED, "corpus")
DEFAULT_SEEDS = os.path.join(SHARED, "seeds")
EXAMPLES = os.path.join(ROOT, "examples", "chats")

TARGETS = [
    # (name, numerator, denominator, limit, what)
    ("full / baseline", "full", "baseline", 1.0, "full build time / plain jieba time"),
    ("noop / full", "noop", "full", 0.05, "no-op rebuild / full build"),
    ("incremental / full", "incremental", "full", 0.05, "one new day / full build"),
    ("10x / 1x time", "full_10x", "full", 11.0, "10x build time / 1x build time"),
    ("10x / 1x peak RSS", "full_10x", "full", 1.5, "peak RSS of the 10x build / of the 1x build"),
    ("search p95 (ms)", None, None, 100.0, "search p95 on the 10x database"),
]
HEADER = re.compile(r"^(> \d\d:\d\d:\d\d  )(.+?)([ \t]*)$", re.M)
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


# ---------------------------------------------------------------- the steps, in a child process

def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def child(spec: dict) -> dict:
    """Run one step; its wall and CPU time (this process and the workers it waited for)."""
    step = spec["step"]
    if step == "baseline":
        import jieba

        from extractor.readers import iter_files, read_bytes

        jieba.initialize()
        t0, c0 = time.perf_counter(), _cpu()
        messages = words = 0
        for f in iter_files(spec["paths"]):
            with open(f.path, "rb") as fh:
                data = fh.read()
            convs, _, _ = read_bytes(data, f.rel, f.group, source_path=f.path)
            for conv in convs:
                for raw in conv.messages:
                    words += len(jieba.lcut(raw.body))
                    messages += 1
        return {"wall": time.perf_counter() - t0, "cpu": _cpu() - c0, "messages": messages, "words": words}
    if step == "build":
        from extractor import pipeline

        t0, c0 = time.perf_counter(), _cpu()
        s = pipeline.build(spec["paths"], spec["db"])
        return {"wall": time.perf_counter() - t0, "cpu": _cpu() - c0, "messages": s.new_messages,
                "stored": s.stored, "unchanged": s.unchanged, "totals": s.totals}
    if step == "search":
        return search(spec["db"], spec["queries"])
    if step == "identity":
        return segmentation_identity(spec["paths"])
    raise SystemExit(f"unknown step {step}")


def segmentation_identity(paths: list[str]) -> dict:
    """Messages whose fast segmentation differs from jieba.lcut: raw texts and normalised bodies."""
    import jieba

    from extractor import pipeline, segment
    from extractor.readers import iter_files, read_bytes

    jieba.initialize()
    texts = differ = 0
    examples = []
    for f in iter_files(paths):
        with open(f.path, "rb") as fh:
            convs, _, _ = read_bytes(fh.read(), f.rel, f.group, source_path=f.path)
        for conv in convs:
            for m in pipeline.parse_conversation(conv).msgs:
                for text in {m.raw, m.body}:
                    if not text:
                        continue
                    texts += 1
                    if segment.lcut(text) != jieba.lcut(text):
                        differ += 1
                        if len(examples) < 5:
                            examples.append(text[:80])
    return {"backend": segment.BACKEND, "texts": texts, "differ": differ, "examples": examples}


def search(db_path: str, queries: list[str]) -> dict:
    """Each query segmented like the index (every word quoted), run through Datasette's client."""
    import asyncio
    from urllib.parse import urlencode

    from datasette.app import Datasette

    from extractor.segment import query_terms

    name = os.path.splitext(os.path.basename(db_path))[0]
    sql = ("select q.id, q.text, q.asker, q.date from questions_fts f join questions q on q.rowid = f.rowid "
           "where questions_fts match :q order by rank limit 20")

    async def run() -> tuple[list[float], int, int]:
        ds = Datasette([db_path], settings={"sql_time_limit_ms": 10000})
        await ds.invoke_startup()
        times, hits, errors = [], 0, 0
        for i, query in enumerate(["支付"] * 3 + queries):
            match = " ".join('"' + t.replace('"', '""') + '"' for t in query_terms(query)) or '""'
            t0 = time.perf_counter()
            r = await ds.client.get(f"/{name}.json?" + urlencode({"sql": sql, "q": match, "_shape": "array"}))
            elapsed = time.perf_counter() - t0
            if i < 3:
                continue  # warm-up
            times.append(elapsed)
            if r.status_code != 200:
                errors += 1
            else:
                hits += len(r.json())
        return times, hits, errors

    times, hits, errors = asyncio.run(run())
    times_ms = sorted(t * 1000 for t in times)
    return {
        "searches": len(times_ms), "errors": errors, "hits": hits,
        "p50_ms": _percentile(times_ms, 50), "p95_ms": _percentile(times_ms, 95), "max_ms": times_ms[-1] if times_ms else 0,
        "wall": sum(times), "cpu": 0.0,
    }


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


# ---------------------------------------------------------------- the parent: subprocesses, memory

def run_step(spec: dict) -> dict:
    """Run a step in a subprocess; sample the memory of its process tree (workers included)."""
    import psutil

    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.run", "--child", json.dumps(spec)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        try:
            p = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            total = 0
            try:
                for q in [p] + p.children(recursive=True):
                    try:
                        total += q.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            peak[0] = max(peak[0], total)
            done.wait(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    done.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"step {spec['step']} failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak[0] / 2**20, 1)
    return result


# ---------------------------------------------------------------- inputs: new day, 10x corpus

def shift_dates(text: str, days: int) -> str:
    def repl(m):
        try:
            d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + datetime.timedelta(days=days)
        except ValueError:
            return m.group(0)
        return d.isoformat()
    return DATE.sub(repl, text)


def replica(text: str, days: int, suffix: str) -> str:
    """A day file with its dates shifted (front matter) and its members renamed (headers, @mentions)."""
    head, sep, body = "", "", text
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            head, body = text[:end + 4], text[end + 4:]
    head = shift_dates(head, days)
    if suffix:
        names = sorted({m.group(2) for m in HEADER.finditer(body)}, key=len, reverse=True)
        body = HEADER.sub(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), body)
        if names:
            mention = re.compile("([@＠])(" + "|".join(re.escape(n) for n in names) + ")")
            body = mention.sub(lambda m: m.group(1) + m.group(2) + suffix, body)
    return head + body


def day_files(root: str) -> list[tuple[str, str]]:
    """(path, path relative to root) of the day files under a folder, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") or name == "README.md":
                continue
            full = os.path.join(dirpath, name)
            out.append((full, os.path.relpath(full, root)))
    return out


def make_scaled(files: list[tuple[str, str]], dest: str, times: int) -> int:
    """The corpus replicated: copy k has its dates moved k*10 years on and '-rk' after every name."""
    n = 0
    for path, rel in files:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        folder, name = os.path.split(rel)
        for k in range(times):
            out = os.path.join(dest, folder, f"r{k}-" + shift_dates(name, 3653 * k))
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as fh:
                fh.write(replica(text, 3653 * k, f"-r{k}" if k else ""))
            n += 1
    return n


def make_new_day(files: list[tuple[str, str]], dest: str) -> str:
    """One new day for the incremental build: the last day of the first group, a year on."""
    path, rel = files[-1]
    folder, name = os.path.split(rel)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    out = os.path.join(dest, folder, "new-" + shift_dates(name, 366))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(replica(text, 366, ""))
    return out


def search_queries(db_path: str, count: int, seed: int = 7) -> list[str]:
    """Words of 2-4 characters from the index's terms, and phrases of 2-4 characters from questions."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    terms = [r[0] for r in conn.execute(
        "select term from terms where length(term) between 2 and 4 and df >= 3 order by term")]
    texts = [r[0] for r in conn.execute("select text from questions where published order by id limit 5000")]
    conn.close()
    rnd = random.Random(seed)
    words = rnd.sample(terms, min(len(terms), count * 3 // 4))
    phrases = []
    han = re.compile(r"[\u4e00-\u9fff]{4,}")
    runs = [m.group(0) for t in texts for m in han.finditer(t)]
    while runs and len(phrases) < count - len(words):
        r = rnd.choice(runs)
        n = rnd.randint(2, 4)
        i = rnd.randint(0, len(r) - n)
        phrases.append(r[i:i + n])
    return words + phrases


# ---------------------------------------------------------------- the run

def measure(args) -> dict:
    corpus = args.corpus
    seeds = [args.seeds] if args.seeds and os.path.exists(args.seeds) else []
    work = tempfile.mkdtemp(prefix="extractor-bench-", dir=args.work)
    try:
        files = day_files(corpus)
        if args.files:
            files = files[:args.files]
            sub = os.path.join(work, "corpus")
            for path, rel in files:
                os.makedirs(os.path.join(sub, os.path.dirname(rel)), exist_ok=True)
                shutil.copy(path, os.path.join(sub, rel))
            corpus = sub
        extra = os.path.join(work, "extra")
        os.makedirs(extra)
        inputs = [corpus] + seeds + [extra]
        runs = []
        for i in range(args.runs):
            _log(f"run {i + 1}/{args.runs}")
            shutil.rmtree(extra)
            os.makedirs(extra)
            db = os.path.join(work, f"kb{i}.db")
            r = {"baseline": run_step({"step": "baseline", "paths": [corpus] + seeds})}
            _log(f"  baseline {r['baseline']['wall']:.2f}s")
            r["full"] = run_step({"step": "build", "paths": inputs, "db": db})
            _log(f"  full {r['full']['wall']:.2f}s")
            r["noop"] = run_step({"step": "build", "paths": inputs, "db": db})
            _log(f"  noop {r['noop']['wall']:.3f}s")
            make_new_day(files, extra)
            r["incremental"] = run_step({"step": "build", "paths": inputs, "db": db})
            _log(f"  incremental {r['incremental']['wall']:.3f}s")
            runs.append(r)
            if i == 0 and args.reference:
                from benchmarks.compare import differences

                # the reference was built from the corpus and seeds: compare a build of just those
                same = os.path.join(work, "same.db")
                run_step({"step": "build", "paths": [corpus] + seeds, "db": same})
                diff = differences(args.reference, same)
                runs[0]["reference"] = {"db": args.reference, "differences": diff}
                _log("  reference: " + ("identical" if not diff else "; ".join(diff)))
        _log("segmentation identity")
        identity = run_step({"step": "identity", "paths": [corpus] + seeds})
        _log(f"  {identity['differ']} of {identity['texts']} texts differ from jieba.lcut ({identity['backend']})")
        tenx_dir = os.path.join(work, "tenx")
        n = make_scaled(files, tenx_dir, args.scale)
        _log(f"{args.scale}x corpus: {n} files")
        tenx = []
        tenx_db = None
        for i in range(args.runs_10x):
            tenx_db = os.path.join(work, f"tenx{i}.db")
            tenx.append(run_step({"step": "build", "paths": [tenx_dir], "db": tenx_db}))
            _log(f"  {args.scale}x build {tenx[-1]['wall']:.2f}s")
        queries = search_queries(tenx_db, args.searches)
        found = run_step({"step": "search", "db": tenx_db, "queries": queries})
        _log(f"  search p95 {found['p95_ms']:.1f} ms")
        return summarise(runs, tenx, found, identity, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _median(values):
    return statistics.median(values) if values else 0.0


def summarise(runs: list[dict], tenx: list[dict], found: dict, identity: dict, args) -> dict:
    steps = {}
    for name in ("baseline", "full", "noop", "incremental"):
        rs = [r[name] for r in runs]
        steps[name] = _step_summary(rs)
    steps["full_10x"] = _step_summary(tenx)
    ratios = {}
    for label, num, den, limit, what in TARGETS:
        if num is None:
            value = found["p95_ms"]
        elif "RSS" in label:
            value = _median([t["peak_rss_mb"] for t in tenx]) / _median([r["full"]["peak_rss_mb"] for r in runs])
        elif num == "full_10x":
            value = _median([t["wall"] for t in tenx]) / _median([r["full"]["wall"] for r in runs])
        else:
            value = _median([r[num]["wall"] / r[den]["wall"] for r in runs])
        ratios[label] = {"value": round(value, 4), "target": limit, "ok": value <= limit, "what": what}
    return {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "runs": args.runs, "runs_10x": args.runs_10x, "scale": args.scale, "quick": args.quick,
        "steps": steps, "search": found, "ratios": ratios, "segmentation_identity": identity,
        "reference": runs[0].get("reference") if runs else None,
        "all_runs": runs, "all_10x": tenx,
    }


def _step_summary(rs: list[dict]) -> dict:
    wall = _median([r["wall"] for r in rs])
    messages = _median([r.get("messages", 0) for r in rs])
    return {
        "wall_s": round(wall, 4), "cpu_s": round(_median([r["cpu"] for r in rs]), 4),
        "messages": int(messages), "messages_per_s": round(messages / wall) if wall else 0,
        "peak_rss_mb": round(_median([r["peak_rss_mb"] for r in rs]), 1),
    }


def table(result: dict) -> str:
    lines = ["| step | wall (s) | CPU (s) | messages | messages/s | peak RSS (MB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    names = {"baseline": "baseline: plain jieba.lcut", "full": "full build", "noop": "no-op rebuild",
             "incremental": "incremental (one new day)", "full_10x": f"{result['scale']}x full build"}
    for key, label in names.items():
        s = result["steps"][key]
        lines.append(f"| {label} | {s['wall_s']:.3f} | {s['cpu_s']:.3f} | {s['messages']} | {s['messages_per_s']} | {s['peak_rss_mb']} |")
    f = result["search"]
    lines.append(f"| {f['searches']} searches, {result['scale']}x database | {f['wall']:.3f} | | | | {f['peak_rss_mb']} |")
    lines += ["", "| measure | value | target | |", "| --- | ---: | ---: | --- |"]
    for label, r in result["ratios"].items():
        lines.append(f"| {r['what']} | {r['value']:.3f} | ≤ {r['target']:g} | {'ok' if r['ok'] else 'MISSED'} |")
    i = result["segmentation_identity"]
    lines.append("")
    lines.append(f"segmentation ({i['backend']}): {i['differ']} of {i['texts']} message texts differ from jieba.lcut")
    lines.append(f"search: p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, max {f['max_ms']:.1f} ms, "
                 f"{f['hits']} hits, {f['errors']} errors")
    if result.get("reference"):
        d = result["reference"]["differences"]
        lines.append("reference database: " + ("identical rows" if not d else "; ".join(d)))
    return "\n".join(lines)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, default=3, help="runs of the 1x steps (medians are reported)")
    ap.add_argument("--runs-10x", type=int, default=1, help="runs of the 10x build")
    ap.add_argument("--scale", type=int, default=10, help="how many times the corpus is replicated")
    ap.add_argument("--searches", type=int, default=200)
    ap.add_argument("--corpus", default=None, help="folder of day files (default ../shared/corpus, else examples/chats)")
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    ap.add_argument("--files", type=int, default=0, help="only the first N day files of the corpus")
    ap.add_argument("--quick", action="store_true", help="a few files, one run, small searches: a check that it works")
    ap.add_argument("--reference", help="a database built before from the corpus and seeds, to compare the full build with")
    ap.add_argument("--json-out", help="also write the JSON to this file")
    ap.add_argument("--work", default=None, help="folder for the temporary files (default: the system's)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary files")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child)), ensure_ascii=False))
        return 0
    if args.corpus is None:
        args.corpus = DEFAULT_CORPUS if os.path.isdir(DEFAULT_CORPUS) else EXAMPLES
    if args.quick:
        args.runs, args.runs_10x, args.searches = 1, 1, 20
        args.files = args.files or 3
        args.seeds = None
    result = measure(args)
    print(table(result))
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
