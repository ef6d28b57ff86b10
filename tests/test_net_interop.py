"""Interop with a real node: a nodeshim echo server serving a node client and
the reverse, 10,000 length-varying messages each way, compared byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "net"
NODE = shutil.which("node")
NODESHIM = [sys.executable, "-m", "nodeshim"]

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def start_server(cmd: list[str]) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen(cmd + [str(BENCH / "echo_server.js"), "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.strip().isdigit(), proc.stderr.read() if proc.poll() is not None else line
    return proc, int(line)


@pytest.mark.parametrize("server,client", [("nodeshim", "node"), ("node", "nodeshim")])
def test_echo_10000_messages(server: str, client: str) -> None:
    cmds = {"node": [NODE], "nodeshim": NODESHIM}
    proc, port = start_server(cmds[server])
    try:
        out = subprocess.run(cmds[client] + [str(BENCH / "interop_client.js"), str(port), "10000"],
                             capture_output=True, text=True, timeout=120)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert out.returncode == 0, out.stdout + out.stderr
    assert '"ok":true' in out.stdout and '"messages":10000' in out.stdout, out.stdout
