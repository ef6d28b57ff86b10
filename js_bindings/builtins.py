"""internalBinding('builtins'): sources of the JS builtins, and compilation
with real filenames (QuickJS has no compileFunction with a file name)."""

from __future__ import annotations

import os


def _builtin_ids(root) -> list[str]:
    ids = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != "node_modules" and not d.startswith((".", "_"))]
        for name in filenames:
            if name.endswith(".js"):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                ids.append(rel[:-3].replace(os.sep, "/"))
    ids.sort()
    return ids


def create(host):
    def source_line(filename, line):
        src = host.sources.get(filename)
        if src is None:
            try:
                with open(filename, encoding="utf-8") as f:
                    src = f.read()
            except (OSError, UnicodeDecodeError, ValueError):
                return None
        lines = src.split("\n")
        line = int(line)
        if 1 <= line <= len(lines):
            return lines[line - 1].rstrip("\r")
        return None

    engine = host.engine
    stash = {}

    def eval_script(source, filename):
        # The script runs as a classic script (global `var`s, completion
        # value, as node -e).  The try/catch wrapper keeps the thrown value,
        # which the binding layer cannot carry; JS rethrows it.
        host.sources[filename] = source
        wrapped = f"try {{{source}\n}} catch (e) {{ globalThis[Symbol.for('nodeshim.stash')](e); throw e; }}"
        try:
            return [True, engine.eval_script(wrapped, filename)]
        except Exception as err:  # JSError: the value was stashed
            return [False, getattr(err, "message", str(err))]

    def eval_module(source, filename):
        host.sources[filename] = source
        host.enable_esm()
        try:
            return engine.eval_module(source, filename)
        except Exception as err:  # JSError from compiling or linking
            return [getattr(err, "name", "") or "SyntaxError", getattr(err, "message", str(err)), getattr(err, "stack", "")]

    npm_root = os.path.realpath(host.polyfills / "node_modules")

    def read_dep(rel):
        # A file of a vendored npm package (polyfills/node_modules/<rel>), for
        # realm.js's requireDep.  None when missing, a folder, or outside.
        path = os.path.realpath(os.path.join(npm_root, str(rel)))
        if not path.startswith(npm_root + os.sep) or not os.path.isfile(path):
            return None
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except (OSError, UnicodeDecodeError):
            return None
        return src

    return {
        "evalScript": eval_script,
        "readDep": read_dep,
        "evalModule": eval_module,
        "builtinIds": _builtin_ids(host.polyfills),
        "getSource": host.read_builtin,
        "compileFunction": host.compile_function,
        "getSourceLine": source_line,
        "npmRoot": str(host.polyfills / "node_modules"),
    }
