"""internalBinding('block_list'): net.BlockList and net.SocketAddress handles.

Pure JS (polyfills/internal/bindings/block_list.js): matching addresses
against rules needs no system call, so nothing crosses into Python.
"""

from __future__ import annotations


def create(host):
    from .stream_wrap import load_shim  # noqa: PLC0415

    return load_shim(host, "internal/bindings/block_list", {})
