"""internalBinding('tcp_wrap'): Node's TCP handle, TCPConnectWrap, constants.

The JS classes live in ``polyfills/internal/bindings/stream_handles.js``; this
module holds the TCP-specific half of the Python handle (sockets per address
family, bind with libuv's deferred EADDRINUSE, socket options, addresses).
"""

from __future__ import annotations

import socket

from .stream_wrap import StreamHandle, errno_of, stream_bindings
from .uv import CODES

UV_TCP_IPV6ONLY = 1
_EADDRINUSE = CODES["EADDRINUSE"]


class TCPHandle(StreamHandle):
    family_default = socket.AF_INET

    def bind(self, address: str, port: int, flags: int, family: int) -> int:
        if self.raw is not None and self.raw.family != family:
            return CODES["EINVAL"]
        err = self.ensure_socket(family)
        if err:
            return err
        raw = self.raw
        try:
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                raw.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY,
                               1 if flags & UV_TCP_IPV6ONLY else 0)
            raw.bind((address, int(port)))
        except OSError as exc:
            code = errno_of(exc)
            if code == _EADDRINUSE:
                # libuv reports it from listen()/connect(), as Node's tests expect.
                self.delayed_error = code
                return 0
            return code
        return 0

    def connect(self, req, address: str, port: int, family: int) -> int:
        err = self.ensure_socket(family)
        if err:
            return err
        if self.raw.family != family:
            return CODES["EINVAL"]
        return self.start_connect(req, (address, int(port)))

    def address_of(self, peer: bool):
        """[address, family, port] or a negative errno."""
        addr = self.sockname(peer)
        if isinstance(addr, int):
            return addr
        if self.raw is not None and self.raw.family == socket.AF_INET6:
            host = addr[0]
            return [host, "IPv6", addr[1]]
        return [addr[0], "IPv4", addr[1]]

    def set_no_delay(self, enable) -> int:
        try:
            if self.raw is not None:
                self.raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if enable else 0)
        except OSError as exc:
            return errno_of(exc)
        return 0

    def set_keep_alive(self, enable, delay) -> int:
        raw = self.raw
        if raw is None:
            return 0
        try:
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1 if enable else 0)
            if enable and delay and hasattr(socket, "TCP_KEEPIDLE"):
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, max(1, int(delay)))
        except OSError as exc:
            return errno_of(exc)
        return 0


def native_functions(host) -> dict:
    text = host.engine.text
    return {
        "tcpBind": lambda h, addr, port, flags: h.bind(text(addr), port, int(flags or 0), socket.AF_INET),
        "tcpBind6": lambda h, addr, port, flags: h.bind(text(addr), port, int(flags or 0), socket.AF_INET6),
        "tcpConnect": lambda h, req, addr, port: h.connect(req, text(addr), port, socket.AF_INET),
        "tcpConnect6": lambda h, req, addr, port: h.connect(req, text(addr), port, socket.AF_INET6),
        "tcpAddress": lambda h, peer: h.address_of(bool(peer)),
        "tcpSetNoDelay": lambda h, enable: h.set_no_delay(enable),
        "tcpSetKeepAlive": lambda h, enable, delay: h.set_keep_alive(enable, delay),
    }


def create(host):
    return stream_bindings(host)["tcp_wrap"]
