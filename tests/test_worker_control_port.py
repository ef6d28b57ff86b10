"""A worker's control port to its parent (internalBinding('worker')
.getEnvMessagePort(), --expose-internals): the parent handles Node's
message types and fails on unknown ones."""

from __future__ import annotations

import subprocess
import sys

NODESHIM = [sys.executable, "-m", "nodeshim", "--expose-internals"]

WORKER = """
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { getEnvMessagePort } = require('internal/test/binding').internalBinding('worker');
  const { messageTypes } = require('internal/worker/io');
  getEnvMessagePort().postMessage({ type: %s });
`, { eval: true });
w.on('error', (e) => console.log('error', e.code, e.message));
w.on('exit', (code) => console.log('exit', code));
"""


def run(message_type: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NODESHIM, "-e", WORKER % message_type], capture_output=True, text=True,
                          timeout=60)


def test_unserializable_error_message_is_an_error_event():
    result = run("messageTypes.COULD_NOT_SERIALIZE_ERROR")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "error ERR_WORKER_UNSERIALIZABLE_ERROR Serializing an uncaught exception failed",
        "exit 0",
    ]


def test_known_types_are_ignored():
    result = run("messageTypes.UP_AND_RUNNING")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["exit 0"]


def test_unknown_type_fails_the_parent():
    result = run("'FHQWHGADS'")
    assert result.returncode == 1
    assert "Unknown worker message type FHQWHGADS" in result.stderr
