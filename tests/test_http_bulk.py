"""100 MiB bodies, byte-exact, across real node and nodeshim in both roles:
uploads and downloads, Content-Length and chunked framing (issues 6 and 7)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).with_name("fixtures") / "http_bulk.js"
SIZE = 100 * 1024 * 1024
NODE = shutil.which("node")
NODESHIM = [sys.executable, "-m", "nodeshim"]

pytestmark = pytest.mark.skipif(NODE is None, reason="needs real node as the peer")


def expected_bytes(size: int) -> bytes:
    out = bytearray(size)
    step = 65536
    base = bytes((i * 7) & 255 for i in range(step))
    for offset in range(0, size, step):
        n = min(step, size - offset)
        # byte i = (i * 7 + (i >> 16)) & 255; within an aligned block i >> 16 is constant
        first = (offset * 7 + (offset >> 16)) & 255
        shift = (first - base[0]) & 255
        out[offset:offset + n] = bytes(base[:n]).translate(bytes((v + shift) & 255 for v in range(256)))
    return bytes(out)


@pytest.fixture(scope="module")
def expected() -> bytes:
    return expected_bytes(SIZE)


def start_server(cmd: list[str], directory: Path) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([*cmd, str(FIXTURE), "server", str(directory)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline())
    return proc, port


def run_client(cmd: list[str], *args: str) -> str:
    done = subprocess.run([*cmd, str(FIXTURE), "client", *args], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.parametrize("server_is_nodeshim", [True, False], ids=["nodeshim-server+node-client", "node-server+nodeshim-client"])
def test_bulk_bodies_byte_exact(tmp_path, expected, server_is_nodeshim):
    server_cmd = NODESHIM if server_is_nodeshim else [NODE]
    client_cmd = [NODE] if server_is_nodeshim else NODESHIM
    proc, port = start_server(server_cmd, tmp_path)
    try:
        for framing in ("fixed", "chunked"):
            assert run_client(client_cmd, str(port), "upload", framing, str(SIZE)) == f"200 {SIZE}"
            stored = (tmp_path / f"upload-{framing}").read_bytes()
            assert stored == expected, f"upload {framing} differs"
            out = tmp_path / f"download-{framing}"
            result = run_client(client_cmd, str(port), "download", framing, str(SIZE), str(out))
            assert result == f"200 {'length' if framing == 'fixed' else 'chunked'}"
            assert out.read_bytes() == expected, f"download {framing} differs"
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0
