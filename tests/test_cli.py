"""The nodeshim command line behaves like node's."""

from __future__ import annotations

import subprocess
import sys

import pytest

NODESHIM = [sys.executable, "-m", "nodeshim"]


def run(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*NODESHIM, *args], capture_output=True, text=True, input=stdin, timeout=60, cwd=cwd)


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == "v20.19.2"


def test_eval_and_print():
    assert run("-e", "console.log(1 + 1)").stdout == "2\n"
    assert run("-p", "6 * 7").stdout == "42\n"
    assert run("-p", "process.argv.length", "a", "b").stdout == "3\n"


def test_stdin_script():
    assert run(stdin="console.log('from stdin')").stdout == "from stdin\n"
    assert run("-", stdin="console.log(process.argv.slice(2).join())").stdout == "\n"


def test_missing_file_is_module_not_found(tmp_path):
    r = run(str(tmp_path / "nope.js"))
    assert r.returncode == 1
    assert "Cannot find module" in r.stderr
    assert "MODULE_NOT_FOUND" in r.stderr
    assert "Traceback" not in r.stderr


def test_syntax_error_shows_file_line(tmp_path):
    script = tmp_path / "bad.js"
    script.write_text("const ok = 1;\nlet x = ;\n")
    r = run(str(script))
    assert r.returncode == 1
    assert f"{script}:2" in r.stderr
    assert "SyntaxError" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_option_exits_9():
    r = run("--definitely-not-an-option")
    assert r.returncode == 9
    assert "bad option: --definitely-not-an-option" in r.stderr


def test_uncaught_error_prints_source_caret_and_exits_1(tmp_path):
    script = tmp_path / "throw.js"
    script.write_text("function f() {\n  throw new TypeError('boom');\n}\nf();\n")
    r = run(str(script))
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert lines[0] == f"{script}:2"
    assert lines[1] == "  throw new TypeError('boom');"
    assert lines[2].strip() == "^"
    assert "TypeError: boom" in r.stderr
    assert r.stderr.rstrip().endswith("Node.js v20.19.2")


@pytest.mark.parametrize("code,expected", [("process.exitCode = 3", 3), ("process.exit(5)", 5), ("throw 1", 1)])
def test_exit_codes(code, expected):
    assert run("-e", code).returncode == expected


def test_double_dash_passes_arguments():
    r = run("-e", "console.log(process.argv.slice(1).join(','))", "--", "--x", "y")
    assert r.stdout.strip() == "--x,y"


def test_expose_internals_flag():
    assert run("-e", "require('internal/timers')").returncode == 1
    assert run("--expose-internals", "-e", "require('internal/timers')").returncode == 0


def test_unhandled_rejections_value_is_checked_before_running():
    for args in (["--unhandled-rejections=foobar"], ["--unhandled-rejections", "foobar"]):
        r = run(*args, "-e", "console.log('ran')")
        assert r.returncode == 9
        assert r.stdout == ""
        assert "invalid value for --unhandled-rejections" in r.stderr
    assert run("--unhandled-rejections=none", "-e", "console.log('ran')").stdout == "ran\n"


def test_option_names_take_underscores():
    r = run("--unhandled_rejections=warn", "--stack_size=900", "-e", "Promise.reject(1)")
    assert r.returncode == 0
    assert "UnhandledPromiseRejectionWarning: 1" in r.stderr


def test_rejection_tracker_failing_on_exhausted_stack_is_reported_and_survived(tmp_path):
    script = tmp_path / "deep.js"
    script.write_text("async function f() { await f(); }\n"
                      "f().catch(() => console.log('caught'));\n")
    r = run(str(script))
    assert r.returncode == 0
    assert r.stdout == "caught\n"
    assert r.stderr.startswith("Exception in PromiseRejectCallback:\n")
    assert "RangeError: Maximum call stack size exceeded" in r.stderr
