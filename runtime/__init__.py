"""nodeshim: run unmodified Node.js node:http programs on QuickJS, trio and h11.

The public surface is the host API (see :mod:`nodeshim.api`): :class:`Runtime`
runs Node programs inside a trio program, :func:`run` runs one to its end
(the ``nodeshim`` command).  Everything else in the package is internal.
"""

from __future__ import annotations

from .api import (
    JSError,
    JSFunction,
    JSObject,
    JSPromise,
    NodeshimError,
    Runtime,
    RuntimeClosedError,
    RuntimeExited,
    Undefined,
    run,
)

__version__ = "0.1.0"

__all__ = [
    "Runtime",
    "run",
    "JSError",
    "NodeshimError",
    "RuntimeClosedError",
    "RuntimeExited",
    "JSObject",
    "JSFunction",
    "JSPromise",
    "Undefined",
    "__version__",
]
