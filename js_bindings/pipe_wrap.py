"""internalBinding('pipe_wrap'): Node's Pipe handle over Unix domain sockets.

Only the stream-socket uses of ``uv_pipe_t`` are supported: ``bind(path)``,
``listen``, ``connect(req, path)``, ``open(fd)``.  A name starting with NUL is
a Linux abstract socket, as in libuv.
"""

from __future__ import annotations

import os
import socket
import stat
from array import array

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


class IPCSocket:
    """The socket of an IPC channel (``Pipe(IPC)``): reads with ``recvmsg`` and
    keeps the descriptors that arrive (SCM_RIGHTS) with the chunk they came
    with; a write registered by :meth:`attach` carries one descriptor on its
    first byte, as libuv's ``uv_write2``."""

    def __init__(self, sock: socket.socket, owner: "PipeHandle"):
        self._sock = sock
        self._owner = owner
        self._attach: dict[int, tuple[bytes, int]] = {}

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def fileno(self) -> int:
        return self._sock.fileno()

    def recv(self, size: int) -> bytes:
        data, ancdata, _flags, _addr = self._sock.recvmsg(size, socket.CMSG_SPACE(16 * 4))
        fds: list[int] = []
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                usable = len(payload) - len(payload) % 4
                fds.extend(array("i", payload[:usable]))
        if fds:
            self._owner.received.append((data, fds))
        return data

    def attach(self, data: bytes, fd: int) -> None:
        self._attach[id(data)] = (data, os.dup(fd))

    def send(self, buf) -> int:
        if self._attach:
            target = buf.obj if isinstance(buf, memoryview) else buf
            entry = self._attach.get(id(target))
            if entry is not None and entry[0] is target and len(buf) == len(target):
                n = self._sock.sendmsg([buf], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                                array("i", [entry[1]]))])
                del self._attach[id(target)]
                os.close(entry[1])
                return n
        return self._sock.send(buf)

    def close(self) -> None:
        for _data, fd in self._attach.values():
            try:
                os.close(fd)
            except OSError:
                pass
        self._attach.clear()
        self._sock.close()


def _fd_kind(fd: int) -> str:
    try:
        s = socket.socket(fileno=os.dup(fd))
    except OSError:
        return "UNKNOWN"
    try:
        if s.type != socket.SOCK_STREAM:
            return "UDP" if s.type == socket.SOCK_DGRAM else "UNKNOWN"
        return "PIPE" if s.family == socket.AF_UNIX else "TCP"
    finally:
        s.close()


class PipeHandle(StreamHandle):
    family_default = socket.AF_UNIX
    bound_path: str | None = None
    IPC = 2

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.received: list = []  # (chunk, [fds]) read but not delivered
        self.pending_fds: list[int] = []  # delivered with the last chunk

    def adopt(self, raw) -> None:
        if self.kind == self.IPC and isinstance(raw, socket.socket):
            raw = IPCSocket(raw, self)
        super().adopt(raw)

    def _deliver_now(self, nread: int, data) -> None:
        if self.received and data is not None:
            for i, (chunk, fds) in enumerate(self.received):
                if chunk is data:
                    self.pending_fds.extend(fds)
                    del self.received[i]
                    break
        super()._deliver_now(nread, data)

    def take_pending(self):
        """[fd, 'TCP' | 'PIPE' | 'UDP'] of the next received descriptor, or None."""
        while self.pending_fds:
            fd = self.pending_fds.pop(0)
            kind = _fd_kind(fd)
            if kind in ("TCP", "PIPE", "UDP"):
                return [fd, kind]
            os.close(fd)
        return None

    def write_with_handle(self, req, data: bytes, other) -> int:
        raw = self.raw
        if isinstance(raw, IPCSocket) and other is not None:
            fd = other.fileno()
            if fd >= 0:
                raw.attach(data, fd)
        return self.write(req, data)

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
        for fd in self.pending_fds:
            try:
                os.close(fd)
            except OSError:
                pass
        self.pending_fds = []
        for _chunk, fds in self.received:
            for fd in fds:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.received = []
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
