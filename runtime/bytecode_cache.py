"""A disk cache of compiled builtins (QuickJS bytecode).

Parsing the JS of the builtins is most of the cost of requiring them;
loading their bytecode is about ten times cheaper.  Entries are keyed by a
hash of the exact source text and file name plus the engine version, so an
edited polyfill or a new engine simply misses.  The cache is an optimisation
only: any failure to read or write it falls back to compiling.
"""

from __future__ import annotations

try:  # hashlib's import pulls in OpenSSL (3 ms of every start-up); blake2 alone is enough
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons without the builtin module
    from hashlib import blake2b
import os
from pathlib import Path

from .engine import ENGINE_VERSION, Engine, JSError


def default_dir() -> Path | None:
    configured = os.environ.get("NODESHIM_CACHE_DIR")
    if configured == "":
        return None  # explicitly disabled
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nodeshim" / f"bytecode-{ENGINE_VERSION}"


class BytecodeCache:
    def __init__(self, engine: Engine, directory: Path | None):
        self._engine = engine
        self._dir = directory
        self._writable = directory is not None

    def _path(self, source: str, filename: str) -> Path:
        digest = blake2b(f"{filename}\0{source}".encode("utf-8", "surrogatepass"), digest_size=16)
        return self._dir / f"{digest.hexdigest()}.qbc"

    def evaluate(self, source: str, filename: str):
        """Evaluate ``source`` as a script named ``filename``; returns its value."""
        engine = self._engine
        if self._dir is None:
            return engine.eval_script(source, filename)
        path = self._path(source, filename)
        try:
            data = path.read_bytes()
        except OSError:
            data = None
        if data is not None:
            try:
                return engine.run_compiled(engine.deserialize(data))
            except JSError:
                raise
            except Exception:  # a truncated or foreign file: recompile below
                pass
        compiled = engine.compile_script(source, filename)
        if self._writable:
            self._store(path, engine.serialize(compiled))
        return engine.run_compiled(compiled)

    def _store(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            self._writable = False
