"""internalBinding('pipe_wrap'): Node's Pipe handle over Unix domain sockets.

Only the stream-socket uses of ``uv_pipe_t`` are supported: ``bind(path)``,
``listen``, ``connect(req, path)``, ``open(fd)``.  A name starting with NUL is
a Linux abstract socket, as in libuv.
"""

from __future__ import annotations

import os
import socket

from .stream_wrap import StreamHandle, errno_of, stream_bindings
from .uv import CODES


def _path(name: str):
    # Abstract names keep their leading NUL; Python takes them as str too.
    return name


class PipeHandle(StreamHandle):
    family_default = socket.AF_UNIX
    bound_path: str | None = None

    def bind(self, name: str) -> int:
        err = self.ensure_socket(socket.AF_UNIX)
        if err:
            return err
        try:
            self.raw.bind(_path(name))
        except OSError as exc:
            return errno_of(exc)
        if name and not name.startswith("\0"):
            self.bound_path = name
        return 0

    def close(self, cb=None) -> None:
        # libuv removes the socket file of a pipe it bound (uv__pipe_close).
        path, self.bound_path = self.bound_path, None
        if path is not None and not self.closing:
            try:
                os.unlink(path)
            except OSError:
                pass
        super().close(cb)

    def connect(self, req, name: str) -> int:
        err = self.ensure_socket(socket.AF_UNIX)
        if err:
            return err
        if len(name.encode()) > 107:
            return CODES["ENAMETOOLONG"]
        return self.start_connect(req, _path(name))

    def fchmod(self, mode: int) -> int:
        raw = self.raw
        if raw is None:
            return CODES["EBADF"]
        try:
            name = raw.getsockname()
            if isinstance(name, str) and name and not name.startswith("\0"):
                os.chmod(name, 0o666 if mode == 3 else 0o644 if mode == 1 else 0o622)
        except OSError as exc:
            return errno_of(exc)
        return 0


def native_functions(host) -> dict:
    text = host.engine.text
    return {
        "pipeBind": lambda h, name: h.bind(text(name)),
        "pipeConnect": lambda h, req, name: h.connect(req, text(name)),
        "pipeFchmod": lambda h, mode: h.fchmod(int(mode)),
    }


def create(host):
    return stream_bindings(host)["pipe_wrap"]
