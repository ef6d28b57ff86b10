"""internalBinding('async_wrap'): async ids, the execution-id stack, hook
counts, the destroy queue and the AsyncWrap base class.

All of it is JS state (``polyfills/internal/bindings/async_wrap.js``): the ids
belong to JS objects and are read on every callback into JS, so keeping them
on the JS side costs no crossing.  Python has nothing to add.
"""

from __future__ import annotations

from .stream_wrap import load_shim


def create(host):
    return load_shim(host, "internal/bindings/async_wrap", {})
