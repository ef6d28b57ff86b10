"""--abort-on-uncaught-exception and node:domain: which uncaught errors abort."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys

import pytest

NODESHIM = [sys.executable, "-m", "nodeshim"]


def _no_core() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NODESHIM, *args], capture_output=True, text=True, timeout=60, preexec_fn=_no_core)


ABORTED = -signal.SIGABRT


@pytest.mark.parametrize("flag", ["--abort-on-uncaught-exception", "--abort_on_uncaught_exception"])
def test_uncaught_error_aborts_before_handlers(flag):
    r = run(flag, "-e", "process.on('uncaughtException', () => console.log('handler'));"
            "process.on('exit', () => console.log('exit'));"
            "setTimeout(function boom() { throw new Error('boom'); }, 1);")
    assert r.returncode == ABORTED
    assert r.stdout == ""
    assert r.stderr.startswith("Uncaught Error: boom\n\nFROM\n")


def test_unhandled_rejection_aborts():
    r = run("--abort-on-uncaught-exception", "-e", "Promise.reject(new Error('nope'))")
    assert r.returncode == ABORTED


@pytest.mark.parametrize("code", [
    "try { throw new Error('x'); } catch {} console.log('ok')",
    "process.setUncaughtExceptionCaptureCallback((e) => console.log('ok', e.message)); throw new Error('x')",
])
def test_caught_or_captured_errors_do_not_abort(code):
    r = run("--abort-on-uncaught-exception", "-e", code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok")


def test_domain_with_error_listener_does_not_abort():
    r = run("--abort-on-uncaught-exception", "-e",
            "const d = require('domain').create(); d.on('error', (e) => console.log('caught', e.message));"
            "d.run(() => { setImmediate(() => { throw new Error('later'); }); throw new Error('now'); });")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "caught now\ncaught later\n"


@pytest.mark.parametrize("body", [
    "d.run(() => { throw new Error('boom'); })",
    # The callback runs in d2 only: d's listener does not take its error.
    "d.on('error', () => console.log('d')); d.run(() => d2.run(() => setTimeout(() => { throw new Error('boom'); }, 1)))",
])
def test_domain_without_error_listener_aborts(body):
    r = run("--abort-on-uncaught-exception", "-e",
            f"const domain = require('domain'); const d = domain.create(); const d2 = domain.create(); {body}")
    assert r.returncode == ABORTED
    assert r.stdout == ""


DOMAIN_HANDLER_THROWS = (
    "process.on('uncaughtException', () => { console.log('uncaughtException'); process.exit(42); });"
    "const d = require('domain').create(); d.on('error', () => { throw new Error('from handler'); });"
    "d.run(() => process.nextTick(() => { throw new Error('first'); }));"
)


def test_throw_from_domain_error_handler_exits_7():
    r = run("-e", DOMAIN_HANDLER_THROWS)
    assert r.returncode == 7
    assert r.stdout == ""
    assert "from handler" in r.stderr
    assert "Error: first" not in r.stderr


def test_throw_from_domain_error_handler_aborts_with_flag():
    r = run("--abort-on-uncaught-exception", "-e", DOMAIN_HANDLER_THROWS)
    assert r.returncode == ABORTED
    assert "Uncaught Error: from handler" in r.stderr


def test_worker_error_does_not_abort_the_process():
    r = run("--abort-on-uncaught-exception", "-e",
            "const { Worker } = require('worker_threads');"
            "const w = new Worker('throw new Error(\"in worker\")', { eval: true });"
            "w.on('error', (e) => console.log('error', e.message)); w.on('exit', (c) => console.log('exit', c));")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "error in worker\nexit 1\n"
