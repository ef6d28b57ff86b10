"""The benchmark runner's own smoke test: its quick, trivial workload runs
node, the trio+h11 floor and nodeshim, and the report has the right shape.
Speeds are not asserted (the machine may be loaded): only that every server
answered every request."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("nodeshim_bench_run", ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def wrk():
    if shutil.which("node") is None:
        pytest.skip("real node is not installed: the benchmark compares against it")
    path = bench.ensure_wrk()
    if path is None:
        pytest.skip("wrk is missing and cannot be installed here (needs root and apt-get: apt-get install -y wrk)")
    return path


def test_smoke_report_shape(wrk, tmp_path):
    out_json = tmp_path / "bench.json"
    out_md = tmp_path / "bench.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--only", "smoke",
         "--json", str(out_json), "--markdown", str(out_md)],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out_json.read_text())
    for key in ("date", "machine", "node", "workloads"):
        assert key in data
    smoke = data["workloads"]["smoke"]
    assert set(smoke["servers"]) == {"node", "floor", "nodeshim"}
    for name, entry in smoke["servers"].items():
        for key in ("rps", "p50_ms", "p99_ms", "cpu_us_per_req", "requests", "errors"):
            assert key in entry, (name, key)
        assert entry["requests"] > 0, f"{name} answered no request"
        assert entry["errors"] == 0, f"{name}: {entry['errors']} failed requests"
        assert entry["rps"] > 0
    table = out_md.read_text()
    assert "| workload | node | floor (trio+h11) | nodeshim | nodeshim/node | nodeshim/floor |" in table
    assert "smoke" in table and "x |" in table
    # the printed report carries the same table and the raw JSON
    assert "```json" in proc.stdout and "nodeshim/floor" in proc.stdout


def test_only_rejects_unknown_workload():
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--only", "nope"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    if shutil.which("node") is None:
        assert proc.returncode == 2
        return
    assert proc.returncode == 2 and "unknown workloads" in proc.stderr


def test_markdown_ratios():
    results = {"workloads": {"hello": {"servers": {
        "node": {"rps": 1000.0}, "floor": {"rps": 500.0}, "nodeshim": {"rps": 450.0}}}}}
    table = bench.markdown(results)
    assert "| keep-alive hello, req/s | 1,000 | 500 | 450 | 0.45x | 0.90x |" in table
