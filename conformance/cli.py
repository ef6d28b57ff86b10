"""Command line: python -m conformance fetch|run ..."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m conformance",
                                description="Run Node's own tests under nodeshim")
    sub = p.add_subparsers(dest="cmd", required=True)

    f = sub.add_parser("fetch", help="obtain Node's test tree into conformance/.cache")
    f.add_argument("--node-src", metavar="DIR",
                   help="a local Node checkout, unpacked release or release tarball")
    f.add_argument("--if-missing", action="store_true",
                   help="do nothing when a tree is already fetched")

    r = sub.add_parser("run", help="run tests and compare with conformance/status.txt")
    r.add_argument("globs", nargs="*", metavar="GLOB",
                   help="test name patterns, e.g. 'test-http-*' (default: the CI selection)")
    r.add_argument("-j", "--jobs", type=int, default=None, help="parallel processes")
    r.add_argument("--timeout", type=float, default=None, help="per-test timeout in seconds")
    r.add_argument("--node", action="store_true", help="run under a real node (baseline)")
    r.add_argument("--json", metavar="FILE", help="write machine-readable results")
    r.add_argument("--update-status", action="store_true",
                   help="rewrite the status file from this run")
    r.add_argument("--status-file", default=None, help=argparse.SUPPRESS)
    r.add_argument("--test-root", default=None, help=argparse.SUPPRESS)
    r.add_argument("--quiet", "-q", action="store_true", help="print only non-passing rows")
    r.add_argument("--no-retry", action="store_true", help="do not re-run failures once")

    args = p.parse_args(argv)
    if args.cmd == "fetch":
        from .fetch import fetch
        return fetch(args.node_src, if_missing=args.if_missing)
    from .runner import run_cli
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
