"""examples/hello-server.js in one-shot mode: the server answers a request
from its own http.get and exits by itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_hello_server_oneshot() -> None:
    env = dict(os.environ, HELLO_ONESHOT="1")
    env.pop("NODE_OPTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "nodeshim", str(ROOT / "examples" / "hello-server.js")],
        cwd=ROOT, env=env, capture_output=True, timeout=60,
    )
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    lines = out.splitlines()
    assert re.fullmatch(r"listening on http://127\.0\.0\.1:\d+/", lines[0]), out
    assert lines[1] == "200 Hello from node v20.19.2 at /oneshot", out
    assert len(lines) == 2, out
