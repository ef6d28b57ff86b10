"""internalBinding('js_stream'): JSStream, a stream handle driven from JS.

The class is JS (``polyfills/internal/bindings/js_stream.js``); Python only
supplies the opaque value of its ``_externalStream``.
"""

from __future__ import annotations

from .stream_wrap import load_shim


class ExternalStream:
    """What ``_externalStream`` carries: an identity, nothing more."""

    __slots__ = ()


def create(host):
    native = {"newExternal": lambda: host.engine.host_object(ExternalStream())}
    return load_shim(host, "internal/bindings/js_stream", native)
