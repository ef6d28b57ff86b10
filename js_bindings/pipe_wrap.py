"""internalBinding('pipe_wrap'): Node's Pipe handle over Unix domain sockets.

Only the stream-socket uses of ``uv_pipe_t`` are supported: ``bind(path)``,
``listen``, ``connect(req, path)``, ``open(fd)``.  A name starting with NUL is
a Linux abstract socket, as in libuv.
"""

from __future__ import annotations

import os
import socket
import stat

from .stream_wrap import StreamHandle, errno_of, stream_bindings
from .uv import CODES


def _path(name: str):
    # Abstract names keep their leading NUL; Python takes them as str too.
    return name


class FdStream:
    """A FIFO (or other non-socket) fd behind the socket methods a
    StreamHandle calls, for ``Pipe.open(fd)`` on a real pipe (a child's
    stdin from a shell pipeline)."""

    family = socket.AF_UNIX

    def __init__(self, fd: int):
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def setblocking(self, flag: bool) -> None:
        os.set_blocking(self._fd, flag)

    def recv(self, size: int) -> bytes:
        return os.read(self._fd, size)

    def send(self, data) -> int:
        return os.write(self._fd, data)

    def shutdown(self, how) -> None:
        pass  # a pipe has no half-close; the reader sees EOF at close

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)

    def getsockname(self) -> str:
        return ""

    getpeername = getsockname


class PipeHandle(StreamHandle):
    family_default = socket.AF_UNIX
    bound_path: str | None = None

    def open_fd(self, fd: int) -> int:
        try:
            mode = os.fstat(int(fd)).st_mode
        except OSError as exc:
            return errno_of(exc)
        if stat.S_ISSOCK(mode):
            return super().open_fd(fd)
        self.adopt(FdStream(int(fd)))
        return 0

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
