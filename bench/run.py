"""nodeshim against real node, side by side, in one run; reports ratios.

    python bench/run.py [--quick] [--only NAME ...]

Workloads so far (issue 9 adds the HTTP ones):
  startup      `-e 0`: wall time and peak RSS
  require-all  a script requiring every public builtin: wall time and peak RSS

Each command runs N rounds in rotated order; medians are reported.  Only the
processes this script starts are run and waited for.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUIRE_ALL = r"""
const { builtinModules } = require('module');
let ok = 0, failed = [];
for (const id of builtinModules) {
  try { require(id); ok++; } catch (e) { failed.push(id); }
}
if (process.env.BENCH_VERBOSE) console.log(ok, failed.join(','));
"""



def measure_exact(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited {proc.returncode}")
    return wall, usage.ru_maxrss


def run_workload(name: str, commands: dict[str, list[str]], rounds: int) -> dict:
    samples: dict[str, list[tuple[float, int]]] = {k: [] for k in commands}
    keys = list(commands)
    for r in range(rounds):
        order = keys[r % len(keys):] + keys[: r % len(keys)]
        for key in order:
            samples[key].append(measure_exact(commands[key]))
    result = {}
    for key, vals in samples.items():
        result[key] = {
            "wall_ms": round(statistics.median(v[0] for v in vals) * 1000, 1),
            "peak_rss_kib": int(statistics.median(v[1] for v in vals)),
        }
    result["ratio_wall"] = round(result["nodeshim"]["wall_ms"] / result["node"]["wall_ms"], 2)
    result["ratio_rss"] = round(result["nodeshim"]["peak_rss_kib"] / result["node"]["peak_rss_kib"], 2)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer rounds (under 2 minutes)")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--json", default=None, help="also write the raw results here")
    args = ap.parse_args(argv)
    node = shutil.which("node")
    if node is None:
        print("bench: real node is required for the comparison", file=sys.stderr)
        return 2
    nodeshim = [sys.executable, "-m", "nodeshim"]
    rounds = 5 if args.quick else 15
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "require-all.js")
        script.write_text(REQUIRE_ALL)
        workloads = {
            "startup": {"node": [node, "-e", "0"], "nodeshim": [*nodeshim, "-e", "0"]},
            "require-all": {"node": [node, str(script)], "nodeshim": [*nodeshim, str(script)]},
        }
        results = {}
        for name, commands in workloads.items():
            if args.only and name not in args.only:
                continue
            results[name] = run_workload(name, commands, rounds)
    print(f"| workload | node | nodeshim | nodeshim/node |")
    print(f"|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} wall | {r['node']['wall_ms']} ms | {r['nodeshim']['wall_ms']} ms | {r['ratio_wall']}x |")
        print(f"| {name} peak RSS | {r['node']['peak_rss_kib'] // 1024} MiB | {r['nodeshim']['peak_rss_kib'] // 1024} MiB | {r['ratio_rss']}x |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
