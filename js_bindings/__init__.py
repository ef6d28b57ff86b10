"""Python natives exposed to JS as ``internalBinding(name)``.

Each binding module defines ``create(host) -> dict``: the object JS receives.
Bindings are thin: JS validates arguments before calling them, sync calls
return 0 or a negative errno, asynchronous completions call back into JS
through the loop.  ``bindings.d.ts`` beside this file declares the contract
of each; tests/test_bindings_contract.py keeps the two in step.
"""

from __future__ import annotations

import importlib

# internalBinding name -> module in this package.
REGISTRY: dict[str, str] = {
    "async_wrap": "async_wrap",
    "block_list": "block_list",
    "buffer": "buffer",
    "builtins": "builtins",
    "constants": "constants",
    "contextify": "contextify",
    "crypto": "crypto",
    "fs": "fs",
    "fs_event_wrap": "fs_event_wrap",
    "http_parser": "http_parser",
    "js_stream": "js_stream",
    "messaging": "messaging",
    "os": "os",
    "performance": "performance",
    "process_methods": "process_methods",
    "process_wrap": "process_wrap",
    "signal_wrap": "signal_wrap",
    "spawn_sync": "spawn_sync",
    "timers": "timers",
    "util": "util",
    "cares_wrap": "cares_wrap",
    "pipe_wrap": "pipe_wrap",
    "stream_wrap": "stream_wrap",
    "tcp_wrap": "tcp_wrap",
    "tls_wrap": "tls_wrap",
    "tty_wrap": "tty_wrap",
    "udp_wrap": "udp_wrap",
    "url": "url",
    "uv": "uv",
    "v8": "v8",
    "websocket": "websocket",
    "worker": "worker",
    "zlib": "zlib",
}


def create(name: str, host):
    module_name = REGISTRY.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.create(host)
