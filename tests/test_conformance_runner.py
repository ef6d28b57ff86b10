"""The conformance runner on tiny synthetic test trees of our own.

The runtime under test is real `node` (`--node`), or node standing in for
nodeshim through NODESHIM_CMD, so that the runner's own logic (classification,
flags, status file, exit code) is checked independently of nodeshim's progress.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conformance import fetch as fetch_mod
from conformance import runner

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")

TESTS = {
    "test-demo-pass.js": "require('../common');\nsetTimeout(() => {}, 1);\n",
    "test-demo-fail.js": "require('../common');\nthrow new RangeError('wrong value here');\n",
    "test-demo-mustcall.js": "const common = require('../common');\ncommon.mustCall();\n",
    "test-demo-timeout.js": "require('../common');\nsetInterval(() => {}, 1000);\n",
    "test-demo-crash.js": "require('../common');\nprocess.kill(process.pid, 'SIGSEGV');\n",
    "test-demo-skip.js": "const common = require('../common');\ncommon.skip('not here');\n",
    "test-demo-flags.js": "// Flags: --zero-fill-buffers --no-warnings\n'use strict';\nrequire('../common');\n",
    "test-demo-okflags.js": "// Flags: --expose-internals --no-warnings\nrequire('../common');\n",
    "test-other-pass.js": "require('../common');\n",
    "test-env.js": ("require('../common');\nconst path = require('path');\n"
                    "if (process.cwd() !== path.resolve(__dirname, '..', '..')) throw new Error('cwd');\n"
                    "if (!/^\\d+$/.test(process.env.TEST_THREAD_ID)) throw new Error('thread id');\n"
                    "require('../common/tmpdir').refresh();\n"),
}


@pytest.fixture
def tree(tmp_path) -> Path:
    par = tmp_path / "test" / "parallel"
    par.mkdir(parents=True)
    (tmp_path / "test" / "fixtures").mkdir()
    for name, src in TESTS.items():
        (par / name).write_text(src)
    return tmp_path


def run(tree: Path, *args: str, status: Path | None = None, env: dict | None = None):
    cmd = [sys.executable, "-m", "conformance", "run", "--test-root", str(tree),
           "--timeout", "3", "-j", "4"]
    if status is not None:
        cmd += ["--status-file", str(status)]
    cmd += list(args)
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=full_env,
                          timeout=120)


def results_of(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text())
    return {r["name"]: r for r in data["results"]}


def test_classification_under_node(tree, tmp_path):
    out = tmp_path / "r.json"
    r = run(tree, "test-demo-*", "test-env", "--node", "--json", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    res = results_of(out)
    assert res["test-demo-pass.js"]["status"] == "PASS"
    assert res["test-env.js"]["status"] == "PASS", res["test-env.js"]
    assert res["test-demo-fail.js"]["status"] == "FAIL"
    assert res["test-demo-fail.js"]["reason"] == "RangeError: wrong value here"
    assert res["test-demo-mustcall.js"]["status"] == "FAIL"
    assert res["test-demo-mustcall.js"]["reason"].startswith(
        "Mismatched noop function calls. Expected exactly 1, actual 0.")
    assert res["test-demo-timeout.js"]["status"] == "TIMEOUT"
    assert res["test-demo-crash.js"]["status"] == "CRASH"
    assert "SIGSEGV" in res["test-demo-crash.js"]["reason"]
    assert res["test-demo-skip.js"]["status"] == "SKIP"
    assert res["test-demo-skip.js"]["reason"] == "not here"
    # real node accepts every flag
    assert res["test-demo-flags.js"]["status"] == "PASS"
    assert "test-other-pass.js" not in res
    lines = r.stdout.strip().splitlines()
    assert lines[-1] == "4 passed, 4 failed, 1 skipped"
    assert any(l.startswith("test-demo-*") for l in lines)   # per-prefix summary


def test_flags_skip_unsupported(tree, tmp_path):
    out = tmp_path / "r.json"
    r = run(tree, "test-demo-*flags*", "--json", str(out),
            status=tmp_path / "none.txt", env={"NODESHIM_CMD": shutil.which("node")})
    res = results_of(out)
    assert res["test-demo-flags.js"]["status"] == "SKIP"
    assert res["test-demo-flags.js"]["reason"] == "unsupported flag --zero-fill-buffers"
    assert res["test-demo-okflags.js"]["status"] == "PASS"
    assert res["test-demo-okflags.js"]["flags"] == ["--expose-internals", "--no-warnings"]
    # a SKIP of a test expected to pass is not a regression
    assert r.returncode == 0, r.stdout


def test_status_file_regressions_and_update(tree, tmp_path):
    status = tmp_path / "status.txt"
    env = {"NODESHIM_CMD": shutil.which("node")}
    status.write_text(
        "# comment\n"
        "test-demo-fail.js      FAIL    # RangeError: wrong value here\n"
        "test-demo-timeout.js   TIMEOUT # spins forever\n"
        "test-demo-crash.js     CRASH   # segfault\n"
        "test-demo-mustcall.js  FAIL    # mismatch\n"
        "test-demo-skip.js      SKIP    # not here\n"
        "test-demo-pass.js      FAIL    # used to fail\n"
    )
    r = run(tree, "test-demo-*", status=status, env=env)
    # everything failing is listed; one listed test now passes
    assert r.returncode == 0, r.stdout + r.stderr
    assert "NEW PASSES (1)" in r.stdout and "test-demo-pass.js (was FAIL)" in r.stdout
    assert "REGRESSIONS" not in r.stdout

    # drop an entry: that failing test is now a regression -> exit 1 (after a re-run)
    status.write_text(status.read_text().replace(
        "test-demo-mustcall.js  FAIL    # mismatch\n", ""))
    r = run(tree, "test-demo-*", status=status, env=env)
    assert r.returncode == 1
    assert "REGRESSIONS (1)" in r.stdout
    assert "re-running 1 unexpected failure(s) once" in r.stdout

    # --update-status rewrites the entries of the tests that ran, keeps others
    status.write_text(status.read_text() + "test-unrelated.js FAIL # not in this run\n")
    r = run(tree, "test-demo-*", "--update-status", status=status, env=env)
    entries = runner.read_status(status)
    assert "test-demo-pass.js" not in entries
    assert entries["test-demo-mustcall.js"].status == "FAIL"
    assert entries["test-demo-mustcall.js"].reason.startswith("Mismatched noop function calls.")
    assert entries["test-demo-timeout.js"].status == "TIMEOUT"
    assert entries["test-demo-skip.js"].status == "SKIP"
    assert entries["test-unrelated.js"].reason == "not in this run"
    r = run(tree, "test-demo-*", status=status, env=env)
    assert r.returncode == 0, r.stdout


def test_python_traceback_is_a_crash(tree, tmp_path):
    fake = tmp_path / "fake_runtime.py"
    fake.write_text("import sys\nraise RuntimeError('host exploded')\n")
    out = tmp_path / "r.json"
    run(tree, "test-other-pass", "--json", str(out), status=tmp_path / "s.txt",
        env={"NODESHIM_CMD": f"{sys.executable} {fake}"})
    res = results_of(out)["test-other-pass.js"]
    assert res["status"] == "CRASH"
    assert res["reason"] == "runtime: RuntimeError: host exploded"


def test_no_match_and_no_tree(tmp_path):
    (tmp_path / "test" / "parallel").mkdir(parents=True)
    r = run(tmp_path, "test-nothing-*", "--node")
    assert r.returncode == 2 and "no test matches" in r.stderr
    r = run(tmp_path / "missing", "--node")
    assert r.returncode == 2 and "fetch" in r.stderr


def test_select_and_flags_helpers(tmp_path):
    names = ["test-http-a.js", "test-http-b.mjs", "test-https-a.js", "test-net-a.js"]
    assert runner.select(names, ["test-http-*"]) == [
        ("test-http-a.js", "test-http-*"), ("test-http-b.mjs", "test-http-*")]
    assert runner.select(names, ["test-net-a"]) == [("test-net-a.js", "test-net-a")]
    assert runner.unsupported_flags(["--expose_internals", "--max-http-header-size=100", "--expose_gc",
                                     "--zero-fill-buffers"]) == ["--zero-fill-buffers"]
    f = tmp_path / "t.js"
    f.write_text("'use strict';\n// Flags: --expose-internals  --no-warnings\r\n")
    assert runner.parse_flags(f) == ["--expose-internals", "--no-warnings"]


# --- fetch ------------------------------------------------------------------

def test_derive_source_line_deb822(tmp_path):
    etc = tmp_path / "apt"
    (etc / "sources.list.d").mkdir(parents=True)
    (etc / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\n# a comment\nURIs: http://mirror.example/debian\n"
        "Suites: bookworm bookworm-updates\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
        "Types: deb\nURIs: http://mirror.example/debian-security\n"
        "Suites: bookworm-security\nComponents: main\n")
    (etc / "sources.list.d" / "other.list").write_text(
        "deb https://third.example/apt stable-thing main\n")
    line = fetch_mod.derive_source_line(etc, "trixie")
    assert line == ("deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                    "http://mirror.example/debian trixie main")


def test_derive_source_line_one_line_format(tmp_path):
    etc = tmp_path / "apt"
    etc.mkdir()
    (etc / "sources.list").write_text(
        "# deb http://old.example/debian buster main\n"
        "deb http://mirror.example/debian bookworm main contrib\n"
        "deb http://mirror.example/debian-security bookworm-security main\n")
    assert fetch_mod.derive_source_line(etc, "trixie") == \
        "deb-src http://mirror.example/debian trixie main"
    (etc / "sources.list").write_text("")
    with pytest.raises(fetch_mod.FetchError):
        fetch_mod.derive_source_line(etc, "trixie")


def test_fetch_from_node_src(tmp_path, monkeypatch):
    src = tmp_path / "node-src"
    for d in ("test/parallel", "test/fixtures/keys", "test/common", "src", "lib"):
        (src / d).mkdir(parents=True)
    (src / "test" / "parallel" / "test-x.js").write_text("1;\n")
    (src / "test" / "fixtures" / "keys" / "k.pem").write_text("key\n")
    (src / "test" / "common" / "index.js").write_text("// theirs\n")
    (src / "lib" / "http.js").write_text("// not wanted\n")
    (src / "src" / "node_version.h").write_text(
        "#define NODE_MAJOR_VERSION 20\n#define NODE_MINOR_VERSION 19\n"
        "#define NODE_PATCH_VERSION 2\n")
    cache = tmp_path / "cache"
    monkeypatch.setattr(fetch_mod, "CACHE", cache)
    monkeypatch.setattr(fetch_mod, "TREE", cache / "node")
    monkeypatch.setattr(fetch_mod, "REFERENCE", cache / "reference")
    monkeypatch.setattr(fetch_mod, "INFO", cache / "node-version.json")
    assert fetch_mod.fetch(str(src)) == 0
    assert (cache / "node" / "test" / "parallel" / "test-x.js").is_file()
    assert (cache / "node" / "test" / "fixtures" / "keys" / "k.pem").is_file()
    # Node's own common is kept apart, for reading only
    assert not (cache / "node" / "test" / "common").exists()
    assert (cache / "reference" / "common" / "index.js").is_file()
    assert not (cache / "node" / "lib").exists()
    info = json.loads((cache / "node-version.json").read_text())
    assert info["version"] == "20.19.2" and info["tests"] == 1
    assert fetch_mod.fetch(None, if_missing=True) == 0


def test_fetch_without_apt(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(fetch_mod, "CACHE", tmp_path / "c")
    monkeypatch.setattr(fetch_mod, "INFO", tmp_path / "c" / "info.json")
    monkeypatch.setattr(fetch_mod.shutil, "which", lambda name: None)
    assert fetch_mod.fetch(None) == 2
    assert "--node-src" in capsys.readouterr().err
