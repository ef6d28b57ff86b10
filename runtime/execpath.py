"""``process.execPath``: a program that ``spawn()`` can run to get nodeshim again.

Node's tests start ``process.execPath`` as a child (``spawn(process.execPath,
['-e', ...])``, ``fork(file)``) and expect a Node-like command line.  When
nodeshim runs as the ``nodeshim`` console script, that script is the answer.
When it runs as ``python -m nodeshim``, ``sys.argv[0]`` is the package's
``__main__.py``, which is not executable: the console script beside the
interpreter is used when it is ours, otherwise a small launcher that runs
``<this python> -m nodeshim`` is written once to a cache folder.  A real
``node`` is never chosen.
"""

from __future__ import annotations

import os
import sys
import zlib

_cached: str | None = None
_argv0: str | None = None

# How a parent nodeshim passes a child nodeshim its argv[0] (spawn's argv0
# option): the kernel drops argv[0] when it runs a script through its #!
# line, so it travels in the environment, which the child's CLI clears.
ARGV0_ENV = "NODESHIM_ARGV0"


def _is_our_script(path: str) -> bool:
    """A console script of this Python that starts nodeshim's CLI."""
    try:
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return False
        with open(path, "rb") as f:
            head = f.read(512)
    except OSError:
        return False
    return head.startswith(b"#!") and b"python" in head.split(b"\n", 1)[0] and b"nodeshim" in head


EXECPATH_ENV = "NODESHIM_EXECPATH"


def _launcher() -> str:
    python = os.path.abspath(sys.executable)
    # The launcher passes its own path on, so that a copy of it (fork's
    # execPath option) is the child's process.execPath.
    body = f"#!/bin/sh\n{EXECPATH_ENV}=\"$0\" exec '{python}' -m nodeshim \"$@\"\n"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    import tempfile  # noqa: PLC0415  (only when a launcher must be written)

    for folder in (os.path.join(base, "nodeshim"), os.path.join(tempfile.gettempdir(), f"nodeshim-{os.getuid()}")):
        path = os.path.join(folder, f"nodeshim-{zlib.crc32(python.encode()):08x}")
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == body:
                    return path
        except OSError:
            pass
        try:
            os.makedirs(folder, exist_ok=True)
            tmp = f"{path}.{os.getpid()}"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(body)
            os.chmod(tmp, 0o755)
            os.replace(tmp, path)
            return path
        except OSError:
            continue
    return python


def exec_path() -> str:
    """The absolute path nodeshim reports as ``process.execPath``."""
    global _cached
    if _cached is not None:
        return _cached
    # Resolved, as node's execPath (uv_exepath) is: a symlink to nodeshim
    # reports the file it points to.
    launched_as = os.environ.pop(EXECPATH_ENV, None)
    if launched_as and os.path.isfile(launched_as):
        _cached = os.path.realpath(launched_as)
        return _cached
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else ""
    path = os.path.abspath(argv0) if argv0 else ""
    # (setuptools' console script strips a trailing ".exe" from argv[0].)
    for candidate in (path, path + ".exe") if path else ():
        if not candidate.endswith(".py") and _is_our_script(candidate):
            _cached = os.path.realpath(candidate)
            return _cached
    beside = os.path.join(os.path.dirname(sys.executable), "nodeshim")
    if _is_our_script(beside):
        with open(beside, "rb") as f:
            shebang = f.readline()[2:].strip()
        if os.path.realpath(shebang.decode(errors="replace")) == os.path.realpath(sys.executable):
            _cached = os.path.realpath(beside)
            return _cached
    _cached = _launcher()
    return _cached


def take_argv0() -> str | None:
    """The argv[0] a parent nodeshim asked for (removed from os.environ)."""
    global _argv0
    value = os.environ.pop(ARGV0_ENV, None)
    if value is not None:
        _argv0 = value
    return _argv0


def argv0() -> str | None:
    return _argv0


def child_argv0_env(file: str, argv0_value: str) -> dict[str, str]:
    """Extra environment for a child: argv0 when the child is nodeshim."""
    try:
        if argv0_value != file and os.path.realpath(file) == os.path.realpath(exec_path()):
            return {ARGV0_ENV: argv0_value}
    except OSError:
        pass
    return {}
