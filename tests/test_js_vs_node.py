"""Each script under tests/js/ runs under real node and under nodeshim: the
same stdout and the same exit code are required.

A script that cannot be compared with node (node missing) is skipped, never
passed.  Scripts print deterministic output only (no ports, no timings).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCRIPTS = sorted(p for p in (HERE / "js").rglob("*.js") if "fixtures" not in p.parts) + sorted(
    p for p in (HERE / "js").rglob("*.mjs") if "fixtures" not in p.parts
)
NODE = shutil.which("node")
TIMEOUT = 60


def run(cmd: list[str], script: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    return subprocess.run(
        cmd + [str(script)], cwd=script.parent, capture_output=True, timeout=TIMEOUT, env=env
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=[str(p.relative_to(HERE / "js")) for p in SCRIPTS])
def test_same_as_node(script: Path) -> None:
    if NODE is None:
        pytest.skip("node is not installed")
    expected = run([NODE], script)
    actual = run([sys.executable, "-m", "nodeshim"], script)
    assert actual.stdout.decode(errors="replace") == expected.stdout.decode(errors="replace"), actual.stderr.decode(errors="replace")[-3000:]
    assert actual.returncode == expected.returncode, actual.stderr.decode(errors="replace")[-3000:]
