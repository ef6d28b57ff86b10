"""Real HTTP clients against a nodeshim server (issue 6): curl (keep-alive,
chunked upload, Expect: 100-continue) and httpx (keep-alive pool, streamed
upload), byte-exact bodies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

FIXTURE = Path(__file__).with_name("fixtures") / "echo_server.js"
CURL = shutil.which("curl")


@pytest.fixture
def server():
    proc = subprocess.Popen([sys.executable, "-m", "nodeshim", str(FIXTURE)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline())
    yield f"http://127.0.0.1:{port}"
    proc.stdin.close()
    proc.wait(timeout=30)
    assert proc.returncode == 0


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
def test_curl_keep_alive_chunked_and_expect(server, tmp_path):
    body = os.urandom(3 * 1024 * 1024 + 17)
    data = tmp_path / "body.bin"
    data.write_bytes(body)
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    # Two URLs in one curl run share one connection when the server keeps it alive.
    r = subprocess.run([CURL, "-s", "-S", "--fail", "-o", str(out1), f"{server}/a", "-o", str(out2), f"{server}/b",
                        "-w", "%{num_connects}\n"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "0"]  # the second transfer reused the connection
    # Chunked upload, with Expect: 100-continue (curl waits for the 100).
    headers = tmp_path / "h.txt"
    r = subprocess.run([CURL, "-s", "-S", "--fail", "-D", str(headers), "-o", str(out1),
                        "-H", "Transfer-Encoding: chunked", "-H", "Expect: 100-continue",
                        "--data-binary", f"@{data}", f"{server}/upload"], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    head = headers.read_text().lower()
    assert "http/1.1 100 continue" in head
    assert "x-framing: chunked" in head and "x-expect: 100-continue" in head
    assert out1.read_bytes() == body


def test_httpx_pool_and_streamed_upload(server):
    body = os.urandom(2 * 1024 * 1024)

    def chunks():
        for i in range(0, len(body), 65536):
            yield body[i:i + 65536]

    with httpx.Client(timeout=30) as client:
        ports = set()
        for i in range(5):
            r = client.get(f"{server}/get/{i}")
            assert r.status_code == 200 and r.headers["x-url"] == f"/get/{i}"
            ports.add(r.headers["x-remote-port"])
        assert len(ports) == 1  # one kept-alive connection served all five
        r = client.post(f"{server}/stream", content=chunks())
        assert r.headers["x-framing"] == "chunked"
        assert r.content == body
        r = client.put(f"{server}/fixed", content=body)
        assert r.headers["x-framing"] == "length" and r.headers["x-method"] == "PUT"
        assert r.content == body
