"""The speed benchmark in quick mode: it runs end to end and reports every measure (no timing
assertions: times on a shared machine say nothing; `make bench` is for that)."""
import json
import os
import subprocess
import sys

from tests.conftest import ROOT

STEPS = ["baseline", "full", "noop", "incremental", "full_10x"]
RATIOS = ["full / baseline", "noop / full", "incremental / full", "10x / 1x time", "10x / 1x peak RSS", "search p95 (ms)"]


def test_quick_benchmark_reports_every_measure(tmp_path):
    out = tmp_path / "bench.json"
    examples = os.path.join(ROOT, "examples", "chats")
    subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--corpus", examples, "--scale", "5",
                    "--json-out", str(out), "--work", str(tmp_path)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=300)
    result = json.loads(out.read_text(encoding="utf-8"))
    for step in STEPS:
        s = result["steps"][step]
        assert set(s) >= {"wall_s", "cpu_s", "messages", "messages_per_s", "peak_rss_mb"}
        assert s["wall_s"] > 0 and s["peak_rss_mb"] > 0
    assert result["steps"]["full"]["messages"] > 0 and result["steps"]["full_10x"]["messages"] > 0
    assert result["steps"]["noop"]["messages"] == 0  # nothing changed, nothing read
    assert result["steps"]["incremental"]["messages"] > 0
    for name in RATIOS:
        r = result["ratios"][name]
        assert set(r) >= {"value", "target", "ok"}
    assert result["search"]["searches"] == 20 and result["search"]["errors"] == 0 and result["search"]["hits"] > 0
    assert result["segmentation_identity"]["differ"] == 0
