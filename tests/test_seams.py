"""One seam per foreign library: who may import QuickJS, h11, trio."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY_FILES = [p for d in ("runtime", "js_bindings") for p in (ROOT / d).rglob("*.py")]

# module -> files allowed to import it (relative to the repo root)
SEAMS = {
    "quickjs": {"runtime/engine.py"},
    "h11": {"js_bindings/http_parser.py"},
    "wsproto": {"js_bindings/websocket.py"},
}
# trio's run loop: trio.run / trio.lowlevel only in the event loop.
TRIO_RUN_ALLOWED = {"runtime/loop.py"}
# trio networking only in the socket/DNS bindings (and the loop, which owns trio).
TRIO_ALLOWED_PREFIXES = ("js_bindings/tcp_wrap", "js_bindings/pipe_wrap", "js_bindings/stream_wrap",
                         "js_bindings/cares_wrap", "js_bindings/udp_wrap", "js_bindings/_socket",
                         "js_bindings/process_wrap", "js_bindings/fs_event_wrap", "js_bindings/spawn",
                         "runtime/loop.py", "runtime/api.py")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_foreign_libraries_have_one_seam():
    for path in PY_FILES:
        rel = path.relative_to(ROOT).as_posix()
        mods = imported_modules(path)
        for mod, allowed in SEAMS.items():
            if mod in mods:
                assert rel in allowed, f"{rel} imports {mod}; only {sorted(allowed)} may"


def test_trio_only_in_loop_and_socket_bindings():
    for path in PY_FILES:
        rel = path.relative_to(ROOT).as_posix()
        if "trio" in imported_modules(path):
            assert rel.startswith(TRIO_ALLOWED_PREFIXES), f"{rel} imports trio"
        text = path.read_text(encoding="utf-8")
        if "trio.run(" in text or "start_guest_run" in text:
            assert rel in TRIO_RUN_ALLOWED, f"{rel} drives trio's run loop"


def test_seam_test_sees_the_files():
    # Guard against this test passing vacuously.
    assert any(p.name == "engine.py" for p in PY_FILES)
    assert "quickjs" in imported_modules(ROOT / "runtime" / "engine.py")
