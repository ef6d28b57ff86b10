"""Echo benchmark: the same echo server under node and under nodeshim, the same
node load generator against each, side by side.  Prints MB/s, connections/s
and the nodeshim/node ratios.

    python bench/net/bench_echo.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def start(cmd):
    proc = subprocess.Popen(cmd + [str(HERE / "echo_server.js"), "0"], stdout=subprocess.PIPE, text=True)
    return proc, int(proc.stdout.readline())


def load(node, port, mode, seconds, concurrency):
    out = subprocess.run([node, str(HERE / "load.js"), str(port), mode, str(seconds), str(concurrency)],
                         capture_output=True, text=True, timeout=seconds + 60)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=3)
    args = p.parse_args()
    node = shutil.which("node")
    servers = {"node": [node], "nodeshim": [sys.executable, "-m", "nodeshim"]}
    results = {}
    for name, cmd in servers.items():
        proc, port = start(cmd)
        try:
            results[name] = {
                "mb_per_s": load(node, port, "throughput", args.seconds, 4)["mb_per_s"],
                "conns_per_s": load(node, port, "connections", args.seconds, 8)["conns_per_s"],
            }
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"{'server':<10} {'echo MB/s':>10} {'conns/s':>10}")
    for name, r in results.items():
        print(f"{name:<10} {r['mb_per_s']:>10.1f} {r['conns_per_s']:>10.0f}")
    ratio_tp = results["nodeshim"]["mb_per_s"] / results["node"]["mb_per_s"]
    ratio_c = results["nodeshim"]["conns_per_s"] / results["node"]["conns_per_s"]
    print(f"{'ratio':<10} {ratio_tp:>10.2f} {ratio_c:>10.2f}   (nodeshim / node)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
