"""node:test scripts (tests/node_test_scripts/) run under real node and
nodeshim: the TAP output must match once durations and stack frames are
removed (they differ between engines), and the exit codes must be equal."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCRIPTS = sorted((HERE / "node_test_scripts").glob("*.js"))
NODE = shutil.which("node")


def normalize(text: str) -> str:
    out = []
    in_stack = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if in_stack is not None:
            if indent > in_stack:
                continue
            in_stack = None
        stripped = line.strip()
        if stripped.startswith("stack: |-"):
            in_stack = indent
            continue
        if stripped.startswith(("duration_ms", "# duration_ms")):
            continue
        out.append(re.sub(r"\s+$", "", line))
    return "\n".join(out)


def run(cmd: list[str], script: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    return subprocess.run(cmd + [script.name], cwd=script.parent, capture_output=True, timeout=60, env=env)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_node_test_like_node(script: Path) -> None:
    if NODE is None:
        pytest.skip("node is not installed")
    expected = run([NODE], script)
    actual = run([sys.executable, "-m", "nodeshim"], script)
    assert normalize(actual.stdout.decode()) == normalize(expected.stdout.decode()), actual.stderr.decode()[-3000:]
    assert actual.returncode == expected.returncode
