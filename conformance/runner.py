"""Run Node's test/parallel files, each as its own process, and report.

Each selected file runs as ``<runtime> [flags] <abs path of test>`` with the
fetched tree's root as cwd and the environment Node's tools/test.py gives
(TEST_THREAD_ID per worker, TEST_SERIAL_ID per test, TEST_PARALLEL=1,
NODE_OPTIONS empty). Our own ``conformance/common`` is copied to
``test/common`` of the tree before a run, so ``require('../common')`` loads
our helpers.
"""

from __future__ import annotations

import fnmatch
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import fetch as fetch_mod

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
COMMON_SRC = HERE / "common"
STATUS_FILE = HERE / "status.txt"

# The selection that CI runs (and `run` without globs): the modules in scope.
DEFAULT_SELECTION = [
    "test-http-*",
    "test-net-*",
    "test-events-*",
    "test-event-emitter-*",
    "test-stream-*",
    "test-buffer-*",
    "test-util-*",
    "test-assert-*",
    "test-url-*",
    "test-timers-*",
    "test-websocket*",
    # Beyond the nine prefixes: the other modules nodeshim provides,
    # so a regression anywhere shows in CI.
    "test-child-process-*",
    "test-cluster-*",
    "test-fs-*",
    "test-stream2-*",
    "test-stream3-*",
    "test-whatwg-url-*",
    "test-whatwg-encoding-*",
    "test-path*",
    "test-querystring*",
    "test-string-decoder*",
    "test-os*",
    "test-dns*",
    "test-process-*",
    "test-vm-*",
    "test-async-local-storage-*",
    "test-async-hooks-*",
    "test-async-wrap-*",
    "test-diagnostics-channel-*",
    "test-domain-*",
    "test-module-*",
    "test-require-*",
    "test-console-*",
    "test-abort*",
    "test-eventtarget*",
    "test-errors-*",
    "test-promise*",
    "test-microtask*",
    "test-next-tick*",
    "test-global*",
    "test-dgram-*",
    "test-v8-*",
    "test-worker-*",
    "test-message*",
    "test-broadcastchannel*",
    # our own test/common, checked by Node's tests of test/common
    "test-common-*",
    # crypto and TLS (over the system's OpenSSL through Python)
    "test-crypto-*",
    "test-webcrypto-*",
    "test-tls-*",
    "test-https-*",
    "test-zlib-*",
    "test-compression-*",  # CompressionStream / DecompressionStream
    "test-whatwg-webstreams-compression*",
    "test-readline*",
    "test-performance*",  # perf_hooks (test-performanceobserver* too)
    "test-perf-*",
    "test-stdin-*",
    "test-pipe-*",
    "test-signal-*",
    "test-tty*",  # test-ttywrap* too
    "test-repl*",
]

# `// Flags:` that nodeshim accepts; a test asking for any other flag is
# reported as SKIP with the flag named. Flags with a value are listed by name.
SUPPORTED_FLAGS = {
    "--expose-internals",
    "--insecure-http-parser",
    "--no-warnings",
    "--max-http-header-size",
    "--experimental-websocket",  # the WebSocket global is always there (Node 22)
    "--test-udp-no-try-send",
    "--dns-result-order",
    "--expose-gc",  # global.gc() runs QuickJS's cycle collector
    "--unhandled-rejections",
    "--no-deprecation",
    "--pending-deprecation",
    "--preserve-symlinks",
    "--preserve-symlinks-main",
    "--no-experimental-require-module",  # the default of Node 20: require() of ES modules throws
    "--abort-on-uncaught-exception",  # an uncaught error aborts (SIGABRT) as node's
}

# Node's slowest tests here take half a minute under real node (the resolver
# retry schedule of test-dns-channel-timeout: 26 s); 60 s leaves them room on
# a loaded 2-core machine.
DEFAULT_TIMEOUT = 60.0
# Unexpected failures are re-run once (flakiness); beyond this many it is no
# longer flakiness and the re-run would only burn time.
MAX_RERUNS = 40
STATUSES = ("PASS", "FAIL", "TIMEOUT", "CRASH", "SKIP")
NOT_PASSING = ("FAIL", "TIMEOUT", "CRASH")

# what common.skip()/printSkipMessage() print
SKIP_RE = re.compile(r"^1\.\.0 # Skipped:\s*(.*)$", re.M)


# ---------------------------------------------------------------------------
# selection and flags

def test_files(parallel_dir: Path) -> list[str]:
    return sorted(p.name for p in parallel_dir.iterdir()
                  if p.name.startswith("test-") and p.suffix in (".js", ".mjs", ".cjs")
                  and p.is_file())


def select(all_names: list[str], globs: list[str]) -> list[tuple[str, str]]:
    """[(name, pattern that selected it)] in name order, each name once."""
    chosen: dict[str, str] = {}
    for g in globs:
        pats = [g]
        if not any(ch in g for ch in "*?[") and not g.endswith((".js", ".mjs", ".cjs")):
            pats = [g + ".js", g + ".mjs", g + ".cjs"]
        elif not g.endswith((".js", ".mjs", ".cjs", "*")):
            pats = [g + ".js", g + ".mjs", g + ".cjs"]
        for name in all_names:
            if name not in chosen and any(fnmatch.fnmatchcase(name, p) for p in pats):
                chosen[name] = g
    return sorted(chosen.items())


def parse_flags(path: Path) -> list[str]:
    """The `// Flags:` of a test file, read from its head as Node's tools do."""
    try:
        with open(path, "rb") as f:
            head = f.read(1500).decode("utf-8", "replace")
    except OSError:
        return []
    m = re.search(r"//\s*Flags:\s+(--[^\r\n]*)", head)
    return m.group(1).split() if m else []


def unsupported_flags(flags: list[str]) -> list[str]:
    bad = []
    for flag in flags:
        name = flag.split("=", 1)[0]
        norm = "--" + name[2:].replace("_", "-")
        if norm not in SUPPORTED_FLAGS:
            bad.append(flag)
    return bad


# ---------------------------------------------------------------------------
# status file

@dataclass
class Expectation:
    status: str
    reason: str = ""


def read_status(path: Path) -> dict[str, Expectation]:
    out: dict[str, Expectation] = {}
    if not path.is_file():
        return out
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        body, _, reason = line.partition("#")
        parts = body.split()
        if len(parts) < 2 or parts[1] not in STATUSES:
            continue
        out[parts[0]] = Expectation(parts[1], reason.strip())
    return out


STATUS_HEADER = """\
# Expected results of Node's own tests under nodeshim (python -m conformance run).
# Every test of the selection that is not expected to pass is listed with a
# one-line reason; a test not listed here is expected to PASS.
# Format: <file> <FAIL|TIMEOUT|CRASH|SKIP>  # <reason>
# Regenerate entries with: python -m conformance run [GLOB ...] --update-status
"""


def write_status(path: Path, entries: dict[str, Expectation]) -> None:
    lines = [STATUS_HEADER]
    width = max((len(n) for n in entries), default=0)
    for name in sorted(entries):
        e = entries[name]
        reason = e.reason.replace("\n", " ").strip()
        lines.append(f"{name.ljust(width)} {e.status:<7} # {reason}".rstrip())
    path.write_text("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# running one test

@dataclass
class Result:
    name: str
    group: str
    status: str
    reason: str = ""
    duration: float = 0.0
    exit_code: int | None = None
    flags: list[str] = field(default_factory=list)
    stdout: str = ""
    stderr: str = ""
    expected: str = "PASS"
    expected_reason: str = ""
    retried: bool = False
    flaky: bool = False


ERROR_LINE = re.compile(
    r"^\s*((?:[A-Z]\w*)?(?:Error|Exception)(?: \[[A-Z0-9_]+\])?:.*|"
    r"Mismatched .* function calls\..*|"
    r"\w*Error \[[A-Z0-9_]+\].*|"
    r"(?:[A-Z]\w*)?Error$|"
    r"Uncaught .*|"
    r"Unexpected global\(s\) found.*|"
    r"\w+Error: .*)$")


def first_failure_line(stdout: str, stderr: str, exit_code: int | None) -> str:
    """A one-line reason: the first line that names the error."""
    for text in (stderr, stdout):
        for line in text.splitlines():
            if ERROR_LINE.match(line):
                return _trim(line)
    for text in (stderr, stdout):
        for line in text.splitlines():
            s = line.strip()
            if s and not s.startswith(("at ", "^", "node:", "NOTE:")) and not re.match(r"^/\S+:\d+$", s):
                return _trim(s)
    return f"exit code {exit_code}"


def _trim(line: str, limit: int = 160) -> str:
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def classify(rc: int | None, timed_out: bool, stdout: str, stderr: str,
             for_node: bool) -> tuple[str, str]:
    if timed_out:
        return "TIMEOUT", "no exit within the timeout"
    if rc is not None and rc < 0:
        try:
            sig = signal.Signals(-rc).name
        except ValueError:
            sig = f"signal {-rc}"
        return "CRASH", f"killed by {sig}"
    if not for_node and "Traceback (most recent call last):" in stderr:
        # the Python host itself failed, not the JavaScript under test
        lines = [l for l in stderr.splitlines() if l.strip()]
        tail = next((l for l in reversed(lines) if re.match(r"^\w[\w.]*(Error|Exception|Interrupt)\b", l)),
                    lines[-1] if lines else "")
        return "CRASH", _trim("runtime: " + tail.strip())
    if rc == 0:
        m = SKIP_RE.search(stdout)
        if m:
            return "SKIP", _trim(m.group(1) or "skipped")
        return "PASS", ""
    return "FAIL", first_failure_line(stdout, stderr, rc)


def _tail(text: str, limit: int = 4000) -> str:
    return text if len(text) <= limit else "...\n" + text[-limit:]


def run_one(cmd_prefix: list[str], tree: Path, name: str, group: str, flags: list[str],
            timeout: float, thread_id: int, serial_id: int, for_node: bool) -> Result:
    test_path = tree / "test" / "parallel" / name
    env = dict(os.environ)
    env.update({
        "TEST_THREAD_ID": str(thread_id),
        "TEST_SERIAL_ID": str(serial_id),
        "TEST_PARALLEL": "1",
        "NODE_OPTIONS": "",
        "PYTHONUNBUFFERED": "1",
    })
    for k in ("NODE_TEST_DIR", "NODE_COMMON_PORT", "NODE_SKIP_FLAG_CHECK"):
        env.pop(k, None)
    cmd = [*cmd_prefix, *flags, str(test_path)]
    start = time.monotonic()
    timed_out = False
    try:
        proc = subprocess.Popen(cmd, cwd=tree, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result(name, group, "CRASH", _trim(f"could not start: {e}"), flags=flags)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        out, err = proc.communicate()
    finally:
        # nothing the test started may outlive it
        _kill_group(proc, only_children=True)
    duration = time.monotonic() - start
    stdout = out.decode("utf-8", "replace")
    stderr = err.decode("utf-8", "replace")
    status, reason = classify(proc.returncode, timed_out, stdout, stderr, for_node)
    return Result(name, group, status, reason, round(duration, 2), proc.returncode, flags,
                  _tail(stdout), _tail(stderr))


def _kill_group(proc: subprocess.Popen, only_children: bool = False) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if not only_children:
        try:
            proc.kill()
        except ProcessLookupError:
            pass


# ---------------------------------------------------------------------------
# preparing the tree

def _same_tree(a: Path, b: Path) -> bool:
    import filecmp
    if not b.is_dir() or b.is_symlink():
        return False
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(
        _same_tree(a / d, b / d) for d in cmp.common_dirs)


def prepare_tree(tree: Path) -> None:
    """Put our common at test/common (Node's is never used there).

    Another run may be using the tree at the same time: an unchanged common
    is left alone, a changed one is swapped in by rename.
    """
    test_dir = tree / "test"
    dest = test_dir / "common"
    if not _same_tree(COMMON_SRC, dest):
        fresh = test_dir / f".common.new.{os.getpid()}"
        old = test_dir / f".common.old.{os.getpid()}"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(COMMON_SRC, fresh, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        if dest.is_symlink() or dest.is_file():
            dest.unlink()
        elif dest.exists():
            dest.rename(old)
        fresh.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    # scratch folders of tests killed before they could clean up
    cutoff = time.time() - 3600
    for tmp in test_dir.glob(".tmp.*"):
        try:
            if tmp.stat().st_mtime < cutoff:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass


def runtime_command(use_node: bool) -> list[str]:
    if use_node:
        node = shutil.which("node")
        if not node:
            raise SystemExit("conformance: --node given but no `node` on PATH")
        return [node]
    override = os.environ.get("NODESHIM_CMD")
    if override:
        return override.split()
    return [sys.executable, "-m", "nodeshim"]


# ---------------------------------------------------------------------------
# the run

def run_tests(cmd_prefix: list[str], tree: Path, selected: list[tuple[str, str]], jobs: int,
              timeout: float, for_node: bool, progress=None) -> list[Result]:
    work: queue.Queue = queue.Queue()
    for serial, (name, group) in enumerate(selected):
        work.put((serial, name, group))
    results: list[Result] = []
    lock = threading.Lock()

    def worker(thread_id: int) -> None:
        while True:
            try:
                serial, name, group = work.get_nowait()
            except queue.Empty:
                return
            flags = parse_flags(tree / "test" / "parallel" / name)
            bad = [] if for_node else unsupported_flags(flags)
            if bad:
                res = Result(name, group, "SKIP", f"unsupported flag {' '.join(bad)}", flags=flags)
            else:
                res = run_one(cmd_prefix, tree, name, group, flags, timeout, thread_id,
                              serial, for_node)
            with lock:
                results.append(res)
                if progress:
                    progress(res, len(results), len(selected))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True)
               for i in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(results, key=lambda r: r.name)


def group_of(name: str) -> str:
    parts = name.split("-")
    return "-".join(parts[:2]) + "-*" if len(parts) > 2 else name


def summarize(results: list[Result]) -> dict[str, dict[str, int]]:
    groups: dict[str, dict[str, int]] = {}
    for r in results:
        g = groups.setdefault(r.group, {s: 0 for s in STATUSES} | {"total": 0})
        g[r.status] += 1
        g["total"] += 1
    return groups


def print_report(results: list[Result], quiet: bool, out=sys.stdout,
                 with_expectations: bool = True) -> None:
    width = max((len(r.name) for r in results), default=10)
    print(f"{'RESULT':<8} {'TIME':>6}  {'TEST'.ljust(width)}  EXPECTED / REASON", file=out)
    for r in results:
        if quiet and r.status == "PASS" and r.expected == "PASS":
            continue
        note = r.reason
        if with_expectations and r.status != r.expected:
            note = f"[expected {r.expected}] {note}".rstrip()
        if r.flaky:
            note = f"[flaky: passed on re-run] {note}".rstrip()
        print(f"{r.status:<8} {r.duration:>5.1f}s  {r.name.ljust(width)}  {note}".rstrip(), file=out)
    print(file=out)
    groups = summarize(results)
    gw = max((len(g) for g in groups), default=6)
    head = f"{'PREFIX'.ljust(gw)}  {'TOTAL':>5}  " + "  ".join(f"{s:>7}" for s in STATUSES)
    print(head, file=out)
    print("-" * len(head), file=out)
    for g in sorted(groups):
        c = groups[g]
        print(f"{g.ljust(gw)}  {c['total']:>5}  " + "  ".join(f"{c[s]:>7}" for s in STATUSES),
              file=out)


def run_cli(args) -> int:
    t0 = time.monotonic()
    tree = Path(args.test_root).resolve() if args.test_root else fetch_mod.TREE
    if not (tree / "test" / "parallel").is_dir():
        print("conformance: no Node test tree; run `python -m conformance fetch` first "
              "(or `python -m conformance fetch --node-src DIR`)", file=sys.stderr)
        return 2
    status_path = Path(args.status_file) if args.status_file else STATUS_FILE
    globs = args.globs or DEFAULT_SELECTION
    names = test_files(tree / "test" / "parallel")
    selected = select(names, globs)
    if not selected:
        print(f"conformance: no test matches {' '.join(globs)}", file=sys.stderr)
        return 2
    # most tests mostly wait (timers, sockets): twice the cores keeps them busy
    jobs = args.jobs or 2 * (os.cpu_count() or 2)
    timeout = args.timeout or DEFAULT_TIMEOUT
    for_node = bool(args.node)
    cmd_prefix = runtime_command(for_node)
    prepare_tree(tree)

    runtime_name = "node " + subprocess.run([cmd_prefix[0], "--version"], capture_output=True,
                                            text=True).stdout.strip() if for_node else "nodeshim"
    info = fetch_mod.fetched_info() if not args.test_root else {}
    print(f"conformance: {len(selected)} tests from Node {info.get('version', '?')} "
          f"under {runtime_name}, -j {jobs}, timeout {timeout:g}s", flush=True)

    interactive = sys.stderr.isatty()

    def progress(res: Result, done: int, total: int) -> None:
        if interactive:
            print(f"\r[{done}/{total}] {res.status:<7} {res.name[:60]:<60}", end="",
                  file=sys.stderr, flush=True)
        elif res.status not in ("PASS", "SKIP") and not args.quiet:
            pass

    results = run_tests(cmd_prefix, tree, selected, jobs, timeout, for_node, progress)
    if interactive:
        print("\r" + " " * 80 + "\r", end="", file=sys.stderr)

    expectations = {} if for_node else read_status(status_path)
    for r in results:
        e = expectations.get(r.name)
        if e:
            r.expected, r.expected_reason = e.status, e.reason

    # re-run once what would count against us: under nodeshim a listed pass
    # that did not pass; under node every failure
    if not args.no_retry:
        again = [r for r in results if r.status in NOT_PASSING and
                 (for_node or r.expected in ("PASS", "SKIP") and r.status in NOT_PASSING
                  and r.expected == "PASS")]
        if len(again) > MAX_RERUNS:
            print(f"conformance: {len(again)} unexpected failures: too many to be flakiness, "
                  f"not re-running them", flush=True)
            again = []
        if again:
            print(f"conformance: re-running {len(again)} unexpected failure(s) once", flush=True)
            rerun = {x.name: x for x in run_tests(cmd_prefix, tree, [(r.name, r.group) for r in again],
                                                  jobs, timeout, for_node)}
            for i, r in enumerate(results):
                n = rerun.get(r.name)
                if n is None:
                    continue
                n.expected, n.expected_reason, n.retried = r.expected, r.expected_reason, True
                if n.status in ("PASS", "SKIP"):
                    n.flaky = True
                results[i] = n

    print_report(results, args.quiet, with_expectations=not for_node)

    if for_node:
        regressions, new_passes = [], []
    else:
        regressions = [r for r in results if r.expected == "PASS" and r.status in NOT_PASSING]
        new_passes = [r for r in results if r.expected != "PASS" and r.status == "PASS"]
    counts = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
    wall = time.monotonic() - t0

    if not for_node:
        print()
        if regressions:
            print(f"REGRESSIONS ({len(regressions)}): listed as passing in "
                  f"{_rel(status_path)}, now failing:")
            for r in regressions:
                print(f"  {r.name} {r.status}  # {r.reason}")
        if new_passes:
            print(f"NEW PASSES ({len(new_passes)}): listed in {_rel(status_path)} "
                  f"but passing now (update with --update-status):")
            for r in new_passes:
                print(f"  {r.name} (was {r.expected})")
        changed = [r for r in results if r.expected not in ("PASS",) and r.status not in ("PASS",)
                   and r.status != r.expected]
        if changed:
            print(f"note: {len(changed)} listed test(s) now end as another non-passing result")

    if args.update_status and not for_node:
        entries = read_status(status_path)
        for r in results:
            old = entries.pop(r.name, None)
            if r.status != "PASS":
                # a reason written by hand survives while the result is unchanged
                keep = old is not None and old.status == r.status and old.reason
                entries[r.name] = Expectation(r.status, old.reason if keep else
                                              (r.reason or r.status.lower()))
        write_status(status_path, entries)
        print(f"conformance: wrote {_rel(status_path)} "
              f"({sum(1 for r in results if r.status != 'PASS')} non-passing in this selection)")

    if args.json:
        data = {
            "node_version": info.get("version"),
            "runtime": runtime_name,
            "command": cmd_prefix,
            "jobs": jobs,
            "timeout": timeout,
            "wall_time": round(wall, 1),
            "counts": counts,
            "groups": summarize(results),
            "regressions": [r.name for r in regressions],
            "new_passes": [r.name for r in new_passes],
            "results": [asdict(r) for r in results],
        }
        Path(args.json).write_text(json.dumps(data, indent=1) + "\n")

    failed = counts["FAIL"] + counts["TIMEOUT"] + counts["CRASH"]
    if for_node:
        print(f"conformance: baseline under {runtime_name}, wall time {wall:.0f}s")
    else:
        print(f"conformance: {len(regressions)} regressions, {len(new_passes)} new passes, "
              f"wall time {wall:.0f}s")
    print(f"{counts['PASS']} passed, {failed} failed, {counts['SKIP']} skipped")
    return 1 if regressions else 0


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(p)
