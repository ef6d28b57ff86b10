"""nodeshim against real node and against the bare trio+h11 floor, in one run.

    python bench/run.py [--quick] [--only NAME ...] [--json FILE] [--markdown FILE]

Three servers answer the same HTTP workloads: ``node`` (real node, the
reference), ``floor`` (bench/http/floor_server.py: trio + h11 in plain Python,
the floor of nodeshim's stack) and ``nodeshim``.  Each server is pinned to one
core and the load generator (``wrk``, installed with apt-get when missing and
allowed) to another.  Every workload warms each server up, then runs N rounds
with the servers in rotated order, and reports medians.

Workloads (``--only`` takes these names):

  hello          keep-alive hello world, 50 connections: rps, p50/p99, server CPU/request
  newconn        a new connection per request (Connection: close), 8 connections
  upload         1 MiB POST bodies, 8 connections: MB/s
  download       1 MiB responses, 8 connections: MB/s
  idle1k         1,000 idle keep-alive connections: server RSS per connection
  idle10k        10,000 idle keep-alive connections (not in --quick)
  client         a keep-alive client loop (node vs nodeshim as the *client*) against node's server
  startup        `-e 0`: wall time and peak RSS
  require-all    a script requiring every public builtin: wall time and peak RSS
  smoke          1 round of 1 s keep-alive hello, 4 connections (the smoke test's workload)

Output: a markdown table with nodeshim/node and nodeshim/floor ratios, then the
raw JSON.  Loopback only; only processes this script started are stopped, by
their own pid.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import errno
import json
import os
import platform
import resource
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTTP = ROOT / "bench" / "http"
HELLO = ROOT / "examples" / "hello-server.js"
TRANSFER = HTTP / "server.js"
FLOOR = HTTP / "floor_server.py"
LUA = HTTP / "report.lua"
MIB = 1 << 20
SERVERS = ("node", "floor", "nodeshim")
BASELINE: str | None = None  # --baseline: another nodeshim package dir, run as server "base"

REQUIRE_ALL = r"""
const { builtinModules } = require('module');
let ok = 0, failed = [];
for (const id of builtinModules) {
  try { require(id); ok++; } catch (e) { failed.push(id); }
}
if (process.env.BENCH_VERBOSE) console.log(ok, failed.join(','));
"""


# ---------------------------------------------------------------------------
# environment
# ---------------------------------------------------------------------------


def venv_python() -> str:
    """The interpreter that has nodeshim, trio and h11 (the repo's .venv)."""
    cand = ROOT / ".venv" / "bin" / "python"
    return str(cand) if cand.exists() else sys.executable


def ensure_wrk(install: bool = True) -> str | None:
    """Path of wrk; installs the distribution's package when missing and
    we may (root, apt-get present).  None when it cannot be had."""
    path = shutil.which("wrk")
    if path or not install:
        return path
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "install", "-y", "wrk"], ["apt-get", "update"], ["apt-get", "install", "-y", "wrk"]):
        try:
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        except (OSError, subprocess.TimeoutExpired):
            return None
        path = shutil.which("wrk")
        if path:
            return path
    return None


def cores() -> tuple[set[int] | None, set[int] | None]:
    """(server core, load-generator cores): one core for servers, the rest
    for the client.  (None, None) on a single core machine: no pinning."""
    try:
        avail = sorted(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return None, None
    if len(avail) < 2:
        return None, None
    return {avail[0]}, set(avail[1:])


def raise_nofile(want: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{platform.node()}: {os.cpu_count()} x {model or platform.machine()}, Linux {platform.release()}"


# ---------------------------------------------------------------------------
# processes (only ours, stopped by pid)
# ---------------------------------------------------------------------------


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # fields[11], [12] are utime, stime (stat fields 14, 15)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_status_kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def proc_fds(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One server process, pinned, started on a free port, stopped by pid."""

    def __init__(self, name: str, cmd: list[str], core: set[int] | None):
        self.name = name
        self.port = free_port()
        env = dict(os.environ, PORT=str(self.port), HOST="127.0.0.1")
        env.pop("HELLO_ONESHOT", None)

        def pin():
            if core:
                os.sched_setaffinity(0, core)

        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                     preexec_fn=pin, text=True, cwd=ROOT)
        self.pid = self.proc.pid
        line = ""
        deadline = time.monotonic() + 60
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline and "listening on" not in line:
            if not sel.select(timeout=1):
                if self.proc.poll() is not None:
                    break
                continue
            line = self.proc.stdout.readline()
            if not line:
                break
        sel.close()
        if "listening on" not in line:
            err = self.stop()
            raise RuntimeError(f"{name} did not start: {cmd}: {err[-2000:]}")

    def cpu(self) -> float:
        return proc_cpu_s(self.pid)

    def stop(self) -> str:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                self.proc.wait()
        err = ""
        with contextlib.suppress(Exception):
            err = self.proc.stderr.read() or ""
        self.proc.stdout.close()
        self.proc.stderr.close()
        return err


def server_commands(script: Path) -> dict[str, list[str]]:
    node = shutil.which("node")
    py = venv_python()
    cmds = {
        "node": [node, str(script)],
        "floor": [py, str(FLOOR)],
        "nodeshim": [py, "-m", "nodeshim", str(script)],
    }
    if BASELINE:
        cmds["base"] = base_command() + [str(script)]
    return cmds


def base_command() -> list[str]:
    # `env` execs python: the pid stays the server's
    return ["env", f"PYTHONPATH={BASELINE}", venv_python(), "-m", "nodeshim"]


# ---------------------------------------------------------------------------
# wrk workloads
# ---------------------------------------------------------------------------


def run_wrk(wrk: str, port: int, path: str, seconds: int, conns: int, env_extra: dict) -> dict:
    cmd = [wrk, "-t1", f"-c{conns}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA),
           f"http://127.0.0.1:{port}{path}"]
    env = dict(os.environ, **env_extra)
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60)
    for line in out.stdout.splitlines():
        if line.startswith("JSON "):
            return json.loads(line[5:])
    raise RuntimeError(f"wrk gave no summary: {out.stdout[-500:]} {out.stderr[-500:]}")


WRK_WORKLOADS = {
    # name: (script, path, connections, wrk env, transfer bytes per request)
    "hello": (HELLO, "/", 50, {}, 0),
    "newconn": (HELLO, "/", 8, {"BENCH_CLOSE": "1"}, 0),
    "upload": (TRANSFER, "/upload", 8, {"BENCH_METHOD": "POST", "BENCH_BODY": str(MIB)}, MIB),
    "download": (TRANSFER, "/download", 8, {}, MIB),
    "smoke": (HELLO, "/", 4, {}, 0),
}


def wrk_workload(name: str, wrk: str, rounds: int, seconds: int, warmup: int, core) -> dict:
    script, path, conns, env_extra, transfer = WRK_WORKLOADS[name]
    cmds = server_commands(script)
    keys = tuple(cmds)
    servers: dict[str, Server] = {}
    samples: dict[str, list[dict]] = {k: [] for k in keys}
    try:
        for key in keys:
            servers[key] = Server(key, cmds[key], core)
        if warmup:
            for key in keys:
                run_wrk(wrk, servers[key].port, path, warmup, conns, env_extra)
        for r in range(rounds):
            order = keys[r % len(keys):] + keys[: r % len(keys)]
            for key in order:
                srv = servers[key]
                cpu0 = srv.cpu()
                res = run_wrk(wrk, srv.port, path, seconds, conns, env_extra)
                res["server_cpu_s"] = srv.cpu() - cpu0
                samples[key].append(res)
    finally:
        for srv in servers.values():
            srv.stop()
    result: dict = {"connections": conns, "rounds": rounds, "seconds": seconds, "servers": {}}
    for key, vals in samples.items():
        rps = [v["requests"] / (v["duration_us"] / 1e6) for v in vals]
        cpu = [v["server_cpu_s"] / v["requests"] * 1e6 if v["requests"] else 0.0 for v in vals]
        entry = {
            "rps": round(statistics.median(rps), 1),
            "p50_ms": round(statistics.median(v["p50_us"] for v in vals) / 1000, 2),
            "p99_ms": round(statistics.median(v["p99_us"] for v in vals) / 1000, 2),
            "cpu_us_per_req": round(statistics.median(cpu), 1),
            "requests": sum(v["requests"] for v in vals),
            "errors": sum(v["socket_errors"] - v["connect_errors"] + v["non2xx"] for v in vals),
            "rounds_rps": [round(x, 1) for x in rps],
        }
        if transfer:
            entry["mb_per_s"] = round(entry["rps"] * transfer / 1e6, 1)
        result["servers"][key] = entry
    return result


# ---------------------------------------------------------------------------
# idle keep-alive connections
# ---------------------------------------------------------------------------


def _http_get(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /warm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return data.startswith(b"HTTP/1.1 200")


def hold_idle(srv: Server, n: int, timeout: float) -> dict:
    """Open n connections, wait until the server holds them all, then ask one
    request on each (they stay open: keep-alive) and read every answer."""
    assert _http_get(srv.port), f"{srv.name} did not answer"
    time.sleep(0.3)
    base_rss = proc_status_kib(srv.pid, "VmRSS")
    base_fds = proc_fds(srv.pid)
    sel = selectors.DefaultSelector()
    socks: list[socket.socket] = []
    pending: dict[socket.socket, bytes] = {}
    t0 = time.monotonic()
    deadline = t0 + timeout
    try:
        # connect in batches so the accept backlog never overflows
        batch = 256
        for start in range(0, n, batch):
            group = []
            for _ in range(min(batch, n - start)):
                s = socket.socket()
                s.setblocking(False)
                err = s.connect_ex(("127.0.0.1", srv.port))
                if err not in (0, errno.EINPROGRESS):
                    s.close()
                    raise RuntimeError(f"connect failed: {os.strerror(err)}")
                group.append(s)
                sel.register(s, selectors.EVENT_WRITE)
            left = set(group)
            while left and time.monotonic() < deadline:
                for key, _ in sel.select(timeout=1):
                    s = key.fileobj
                    if s in left:
                        left.discard(s)
                        sel.unregister(s)
            socks.extend(group)
            while proc_fds(srv.pid) < base_fds + len(socks) - batch and time.monotonic() < deadline:
                time.sleep(0.01)
        while proc_fds(srv.pid) < base_fds + n and time.monotonic() < deadline:
            time.sleep(0.05)
        held = proc_fds(srv.pid) - base_fds
        connect_s = time.monotonic() - t0
        time.sleep(0.5)
        idle_rss = proc_status_kib(srv.pid, "VmRSS")
        # one request on each: keep-alive connections with an HTTP exchange behind them
        req = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        for s in socks:
            try:
                s.send(req)
                pending[s] = b""
                sel.register(s, selectors.EVENT_READ)
            except OSError:
                pass
        answered = 0
        while pending and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=1):
                s = key.fileobj
                try:
                    chunk = s.recv(4096)
                except OSError:
                    chunk = b""
                buf = pending[s] + chunk
                if not chunk or b"\r\n\r\n" in buf:
                    if buf.startswith(b"HTTP/1.1 200"):
                        answered += 1
                    sel.unregister(s)
                    del pending[s]
                else:
                    pending[s] = buf
        answer_rss = proc_status_kib(srv.pid, "VmRSS")
        peak = proc_status_kib(srv.pid, "VmHWM")
    finally:
        for s in socks:
            s.close()
        sel.close()
    return {
        "connections": n,
        "held": held,
        "answered": answered,
        "connect_s": round(connect_s, 2),
        "base_rss_kib": base_rss,
        "idle_rss_kib": idle_rss,
        "after_answer_rss_kib": answer_rss,
        "peak_rss_kib": peak,
        "idle_kib_per_conn": round((idle_rss - base_rss) / n, 2),
        "peak_kib_per_conn": round((peak - base_rss) / n, 2),
    }


def idle_workload(n: int, rounds: int, core) -> dict:
    if raise_nofile(n + 1024) < n + 256:
        return {"skipped": f"RLIMIT_NOFILE too low for {n} connections"}
    cmds = server_commands(HELLO)
    keys = tuple(cmds)
    samples: dict[str, list[dict]] = {k: [] for k in keys}
    for r in range(rounds):
        order = keys[r % len(keys):] + keys[: r % len(keys)]
        for key in order:
            srv = Server(key, cmds[key], core)  # fresh process: a clean baseline
            try:
                samples[key].append(hold_idle(srv, n, timeout=max(30.0, n / 200)))
            finally:
                srv.stop()
    result: dict = {"connections": n, "rounds": rounds, "servers": {}}
    for key, vals in samples.items():
        entry = {k: statistics.median(v[k] for v in vals) for k in vals[0] if k != "connections"}
        entry["errors"] = sum(n - v["answered"] for v in vals)
        result["servers"][key] = entry
    return result


# ---------------------------------------------------------------------------
# nodeshim vs node as the HTTP client
# ---------------------------------------------------------------------------


def client_workload(rounds: int, seconds: int, server_core, client_core, warm: bool = True) -> dict:
    node = shutil.which("node")
    py = venv_python()
    clients = {"node": [node], "nodeshim": [py, "-m", "nodeshim"]}
    if BASELINE:
        clients["base"] = base_command()
    srv = Server("node", [node, str(HELLO)], server_core)
    samples: dict[str, list[dict]] = {k: [] for k in clients}
    try:
        keys = list(clients)
        first = 0 if warm else 1
        for r in range(first, rounds + 1):  # round 0 warms up
            order = keys[r % len(keys):] + keys[: r % len(keys)]
            for key in order:
                cmd = clients[key] + [str(HTTP / "client_loop.js"), str(srv.port), str(seconds), "4"]
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        preexec_fn=(lambda: os.sched_setaffinity(0, client_core))
                                        if client_core else None)
                _, status, usage = os.wait4(proc.pid, 0)
                out = proc.stdout.read()
                proc.stdout.close()
                proc.stderr.close()
                proc.returncode = os.waitstatus_to_exitcode(status)
                res = json.loads(out.strip().splitlines()[-1])
                res["cpu_s"] = usage.ru_utime + usage.ru_stime
                if r:
                    samples[key].append(res)
    finally:
        srv.stop()
    result: dict = {"rounds": rounds, "seconds": seconds, "loops": 4, "servers": {}}
    for key, vals in samples.items():
        rps = [v["requests"] / v["seconds"] for v in vals]
        result["servers"][key] = {
            "rps": round(statistics.median(rps), 1),
            "cpu_us_per_req": round(statistics.median(v["cpu_s"] / max(1, v["requests"]) * 1e6 for v in vals), 1),
            "requests": sum(v["requests"] for v in vals),
            "errors": sum(v["errors"] for v in vals),
        }
    return result


# ---------------------------------------------------------------------------
# startup
# ---------------------------------------------------------------------------


def measure_exact(cmd: list[str], core) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=(lambda: os.sched_setaffinity(0, core)) if core else None)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited {proc.returncode}")
    return wall, usage.ru_maxrss


def startup_workload(commands: dict[str, list[str]], rounds: int, core) -> dict:
    samples: dict[str, list[tuple[float, int]]] = {k: [] for k in commands}
    keys = list(commands)
    for r in range(rounds):
        order = keys[r % len(keys):] + keys[: r % len(keys)]
        for key in order:
            samples[key].append(measure_exact(commands[key], core))
    result: dict = {"rounds": rounds, "servers": {}}
    for key, vals in samples.items():
        result["servers"][key] = {
            "wall_ms": round(statistics.median(v[0] for v in vals) * 1000, 1),
            "peak_rss_kib": int(statistics.median(v[1] for v in vals)),
            "errors": 0,
        }
    return result


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------

# (workload, metric key, label, higher is better)
ROWS = [
    ("hello", "rps", "keep-alive hello, req/s", True),
    ("hello", "p50_ms", "keep-alive hello, p50 ms", False),
    ("hello", "p99_ms", "keep-alive hello, p99 ms", False),
    ("hello", "cpu_us_per_req", "keep-alive hello, server CPU us/req", False),
    ("smoke", "rps", "smoke (4 conns), req/s", True),
    ("newconn", "rps", "new connection per request, req/s", True),
    ("newconn", "p99_ms", "new connection per request, p99 ms", False),
    ("newconn", "cpu_us_per_req", "new connection per request, server CPU us/req", False),
    ("upload", "mb_per_s", "1 MiB upload, MB/s", True),
    ("upload", "cpu_us_per_req", "1 MiB upload, server CPU us/req", False),
    ("download", "mb_per_s", "1 MiB download, MB/s", True),
    ("download", "cpu_us_per_req", "1 MiB download, server CPU us/req", False),
    ("idle1k", "idle_kib_per_conn", "1,000 idle conns, RSS KiB/conn", False),
    ("idle1k", "peak_kib_per_conn", "1,000 conns after a request each, peak RSS KiB/conn", False),
    ("idle10k", "idle_kib_per_conn", "10,000 idle conns, RSS KiB/conn", False),
    ("idle10k", "peak_kib_per_conn", "10,000 conns after a request each, peak RSS KiB/conn", False),
    ("client", "rps", "keep-alive client loop (4 loops), req/s", True),
    ("client", "cpu_us_per_req", "keep-alive client loop, client CPU us/req", False),
    ("startup", "wall_ms", "startup `-e 0`, ms", False),
    ("startup", "peak_rss_kib", "startup `-e 0`, peak RSS KiB", False),
    ("require-all", "wall_ms", "require every builtin, ms", False),
    ("require-all", "peak_rss_kib", "require every builtin, peak RSS KiB", False),
]


def _fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and v >= 100:
        return f"{v:,.0f}"
    if isinstance(v, (int, float)) and abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:g}" if isinstance(v, float) else str(v)


def ratio(a, b) -> str:
    if a is None or b is None or not b:
        return "—"
    return f"{a / b:.2f}x"


def markdown(results: dict) -> str:
    wls = results.get("workloads", {})
    base = any("base" in r.get("servers", {}) for r in wls.values())
    head = "| workload | node | floor (trio+h11) | nodeshim | nodeshim/node | nodeshim/floor |"
    rule = "|---|---|---|---|---|---|"
    if base:
        head += " nodeshim before | before/floor |"
        rule += "---|---|"
    lines = [head, rule]
    for wl, key, label, _higher in ROWS:
        r = wls.get(wl)
        if not r or "servers" not in r:
            continue
        vals = {s: r["servers"].get(s, {}).get(key) for s in SERVERS + ("base",)}
        line = (f"| {label} | {_fmt(vals['node'])} | {_fmt(vals['floor'])} | {_fmt(vals['nodeshim'])} "
                f"| {ratio(vals['nodeshim'], vals['node'])} | {ratio(vals['nodeshim'], vals['floor'])} |")
        if base:
            line += f" {_fmt(vals['base'])} | {ratio(vals['base'], vals['floor'])} |"
        lines.append(line)
    return "\n".join(lines)


# ---------------------------------------------------------------------------


ALL = ["hello", "newconn", "upload", "download", "idle1k", "idle10k", "client", "startup", "require-all"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer and shorter rounds (under 2 minutes)")
    ap.add_argument("--only", nargs="*", default=None, help=f"workloads: {', '.join(ALL + ['smoke'])}")
    ap.add_argument("--json", default=None, help="also write the raw results here")
    ap.add_argument("--markdown", default=None, help="also write the table here")
    ap.add_argument("--rounds", type=int, default=None)
    ap.add_argument("--seconds", type=int, default=None)
    ap.add_argument("--baseline", default=None,
                    help="a directory holding another `nodeshim` package (e.g. an older tree), "
                         "run as a fourth server `base` for before/after comparisons")
    args = ap.parse_args(argv)
    global BASELINE
    BASELINE = str(Path(args.baseline).resolve()) if args.baseline else None
    node = shutil.which("node")
    if node is None:
        print("bench: real node is required for the comparison", file=sys.stderr)
        return 2
    selected = args.only if args.only else [w for w in ALL if not (args.quick and w == "idle10k")]
    unknown = [w for w in selected if w not in ALL + ["smoke"]]
    if unknown:
        print(f"bench: unknown workloads {unknown}; known: {ALL + ['smoke']}", file=sys.stderr)
        return 2
    server_core, client_core = cores()
    if client_core:
        os.sched_setaffinity(0, client_core)  # the runner, wrk and idle clients live here
    raise_nofile(20000)
    rounds = args.rounds or (2 if args.quick else 5)
    seconds = args.seconds or (1 if args.quick else 5)
    warmup = 1 if args.quick else 2
    startup_rounds = 3 if args.quick else 3 * rounds
    py = venv_python()
    wrk = None
    if any(w in WRK_WORKLOADS for w in selected):
        wrk = ensure_wrk()
        if wrk is None:
            print("bench: wrk is missing and could not be installed (apt-get install -y wrk)", file=sys.stderr)
            return 3
    started = time.monotonic()
    results: dict = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average": os.getloadavg(),
        "node": subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip(),
        "quick": args.quick,
        "server_core": sorted(server_core) if server_core else None,
        "client_cores": sorted(client_core) if client_core else None,
        "workloads": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "require-all.js")
        script.write_text(REQUIRE_ALL)
        for name in selected:
            t0 = time.monotonic()
            print(f"bench: {name} ...", file=sys.stderr, flush=True)
            if name == "smoke":
                res = wrk_workload(name, wrk, 1, 1, 0, server_core)
            elif name in WRK_WORKLOADS:
                res = wrk_workload(name, wrk, rounds, seconds, warmup, server_core)
            elif name in ("idle1k", "idle10k"):
                res = idle_workload(1000 if name == "idle1k" else 10000, 1, server_core)
            elif name == "client":
                res = client_workload(rounds, max(2, seconds), server_core, client_core, warm=not args.quick)
            elif name == "startup":
                cmds = {"node": [node, "-e", "0"], "floor": [py, "-c", "import trio, h11"],
                        "nodeshim": [py, "-m", "nodeshim", "-e", "0"]}
                if BASELINE:
                    cmds["base"] = base_command() + ["-e", "0"]
                res = startup_workload(cmds, startup_rounds, server_core)
            else:
                cmds = {"node": [node, str(script)], "nodeshim": [py, "-m", "nodeshim", str(script)]}
                if BASELINE:
                    cmds["base"] = base_command() + [str(script)]
                res = startup_workload(cmds, startup_rounds, server_core)
            res["elapsed_s"] = round(time.monotonic() - t0, 1)
            results["workloads"][name] = res
    results["elapsed_s"] = round(time.monotonic() - started, 1)
    table = markdown(results)
    head = (f"{results['date']}, {results['machine']}, node {results['node']}, "
            f"load average at start {results['load_average'][0]:.1f}"
            f"{' (--quick)' if args.quick else ''}; ratios are nodeshim/node and nodeshim/floor")
    print(head)
    print()
    print(table)
    print()
    print("```json")
    print(json.dumps(results, indent=1))
    print("```")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    if args.markdown:
        Path(args.markdown).write_text(head + "\n\n" + table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
