"""js_bindings/bindings.d.ts declares every internalBinding the registry
serves, and nothing else; each declared binding loads and exposes what its
declaration names (for the plain-function bindings)."""

from __future__ import annotations

import re
from pathlib import Path

from nodeshim import js_bindings
from nodeshim.host import NodeProcess, Options

DTS = Path(js_bindings.__file__).with_name("bindings.d.ts").read_text()
DECLARED = set(re.findall(r"declare function internalBinding\(name: '(\w+)'\)", DTS))


def test_registry_matches_declarations():
    assert DECLARED == set(js_bindings.REGISTRY), (
        f"only declared: {sorted(DECLARED - set(js_bindings.REGISTRY))}, "
        f"only registered: {sorted(set(js_bindings.REGISTRY) - DECLARED)}")


def declared_members(name: str) -> set[str]:
    block = DTS.split(f"declare function internalBinding(name: '{name}'): {{", 1)[1].split("\n};", 1)[0]
    return set(re.findall(r"^  (\w+)[(:?]", block, re.M))


def test_declared_members_exist():
    proc = NodeProcess(Options(argv=["nodeshim"]))
    for name in ("builtins", "timers", "process_methods", "util", "constants", "os", "buffer"):
        binding = proc.binding(name)
        missing = declared_members(name) - set(binding)
        assert not missing, f"internalBinding('{name}') lacks {sorted(missing)}"
