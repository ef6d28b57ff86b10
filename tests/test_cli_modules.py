"""Command-line options of the CommonJS loader: --require, --preserve-symlinks,
--pending-deprecation for module.parent; and the fs binding it reads
package.json with."""

from __future__ import annotations

import json
import subprocess
import sys

NODESHIM = [sys.executable, "-m", "nodeshim"]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*NODESHIM, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def test_require_preloads_before_entry_and_sees_patched_run_main(tmp_path):
    (tmp_path / "pre.js").write_text(
        "const M = require('module'); const orig = M.runMain;\n"
        "M.runMain = (...a) => { console.log('patched'); orig(...a); };\n"
        "globalThis.preloaded = true;\n")
    (tmp_path / "main.js").write_text("console.log('main', globalThis.preloaded);\n")
    r = run("-r", "./pre.js", "main.js", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "patched\nmain true\n"
    # -e runs no runMain, but preloads all the same.
    r = run("--require", "./pre.js", "-e", "console.log(globalThis.preloaded)", cwd=tmp_path)
    assert r.stdout == "true\n"


def test_preserve_symlinks_keeps_found_path(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "m.js").write_text("module.exports = __filename;\n")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    code = f"console.log(require({json.dumps(str(tmp_path / 'link' / 'm.js'))}))"
    assert run("-e", code).stdout.strip() == str(tmp_path / "real" / "m.js")
    assert run("--preserve-symlinks", "-e", code).stdout.strip() == str(tmp_path / "link" / "m.js")


def test_module_parent_deprecated_only_when_pending(tmp_path):
    (tmp_path / "main.js").write_text("console.log(module.parent);\n")
    r = run(str(tmp_path / "main.js"))
    assert r.stdout == "null\n" and "DEP0144" not in r.stderr
    r = run("--pending-deprecation", str(tmp_path / "main.js"))
    assert r.stdout == "null\n" and "DEP0144" in r.stderr


def test_internal_module_read_json(tmp_path):
    pkg = tmp_path / "package.json"
    pkg.write_text('\ufeff{"name": "x", "version": "1.0.0", "main": "m.js", "exports": {".": "./m.js"}}')
    (tmp_path / "empty.json").write_text("")
    code = (
        "const { internalModuleReadJSON: r } = require('internal/test/binding').internalBinding('fs');"
        f"console.log(JSON.stringify([r({json.dumps(str(pkg))}), r({json.dumps(str(tmp_path / 'empty.json'))}),"
        f" r({json.dumps(str(tmp_path / 'none.json'))})]))"
    )
    r = run("--expose-internals", "--no-warnings", "-e", code)
    assert r.returncode == 0, r.stderr
    found, empty, missing = json.loads(r.stdout)
    assert json.loads(found[0]) == {"name": "x", "main": "m.js", "exports": {".": "./m.js"}}
    assert found[1] is True
    assert empty == ["", False]
    assert missing == []
