"""internalBinding('tty_wrap'): Node's TTY handle and isTTY.

A TTY handle is a :class:`~.stream_wrap.StreamHandle` (same reader/writer
tasks, same JS class plumbing in ``polyfills/internal/bindings/stream_handles.js``)
whose "socket" is :class:`TTYFile`, a plain fd.  Like ``uv_tty_init`` it accepts
terminals, pipes and sockets, and refuses files and unknown fds with EINVAL.

A terminal's open file description is shared with the shell that started us,
so its O_NONBLOCK flag is left alone (libuv reopens the device to get a
private one; keeping the fd blocking is simpler and gives Node's blocking
terminal writes for free).  Reads ask ``select`` first, so a blocking fd never
stalls the loop.
"""

from __future__ import annotations

import os
import select
import stat

from .stream_wrap import StreamHandle, errno_of, stream_bindings
from .uv import CODES

UV_EINVAL = CODES["EINVAL"]
UV_EBADF = CODES["EBADF"]

# fd -> termios attributes saved before its first switch to raw mode; put back
# at exit as Node does (uv_tty_reset_mode), or the shell is left raw.
_saved_modes: dict[int, list] = {}
_reset_registered = False


def _reset_modes() -> None:
    import termios  # noqa: PLC0415

    for fd, attrs in list(_saved_modes.items()):
        try:
            termios.tcsetattr(fd, termios.TCSADRAIN, attrs)
        except (OSError, termios.error):
            pass
    _saved_modes.clear()


def tty_init_error(fd: int) -> int:
    """0 when ``uv_tty_init`` would take ``fd``, else its error."""
    try:
        mode = os.fstat(fd).st_mode
    except (OSError, OverflowError, ValueError):
        return UV_EINVAL
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return 0
    if stat.S_ISCHR(mode) and os.isatty(fd):
        return 0
    return UV_EINVAL


def is_tty(fd) -> bool:
    try:
        return os.isatty(int(fd))
    except (OSError, OverflowError, ValueError, TypeError):
        return False


class TTYFile:
    """The socket methods a StreamHandle calls, over a terminal fd."""

    family = None

    def __init__(self, fd: int):
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def setblocking(self, flag: bool) -> None:
        pass  # see the module docstring

    def recv(self, size: int) -> bytes:
        fd = self._fd
        if not select.select([fd], [], [], 0)[0]:
            raise BlockingIOError
        return os.read(fd, size)

    def send(self, data) -> int:
        return os.write(self._fd, data)

    def shutdown(self, how) -> None:
        pass  # a terminal has no half-close

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        # libuv never closes 0-2 behind the process's back.
        if fd > 2:
            os.close(fd)

    def getsockname(self) -> str:
        return ""

    getpeername = getsockname


class TTYHandle(StreamHandle):
    raw_mode = False

    def open_tty(self, fd: int) -> int:
        err = tty_init_error(fd)
        if err:
            return err
        self.adopt(TTYFile(fd))
        return 0

    def window_size(self):
        """[columns, rows] or a negative errno."""
        if self.raw is None:
            return UV_EBADF
        try:
            size = os.get_terminal_size(self.raw.fileno())
        except OSError as exc:
            return errno_of(exc)
        return [size.columns, size.lines]

    def set_raw_mode(self, flag: bool) -> int:
        global _reset_registered
        import termios  # noqa: PLC0415

        if self.raw is None:
            return UV_EBADF
        fd = self.raw.fileno()
        try:
            if flag:
                attrs = termios.tcgetattr(fd)
                if fd not in _saved_modes:
                    _saved_modes[fd] = [list(a) if isinstance(a, list) else a for a in attrs]
                    if not _reset_registered:
                        import atexit  # noqa: PLC0415
                        atexit.register(_reset_modes)
                        _reset_registered = True
                # libuv's UV_TTY_MODE_RAW: bytes as typed, no echo, no signals.
                attrs[0] &= ~(termios.BRKINT | termios.ICRNL | termios.INPCK
                              | termios.ISTRIP | termios.IXON)
                attrs[1] |= termios.ONLCR
                attrs[2] |= termios.CS8
                attrs[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
                attrs[6][termios.VMIN] = 1
                attrs[6][termios.VTIME] = 0
                termios.tcsetattr(fd, termios.TCSADRAIN, attrs)
            elif self.raw_mode and fd in _saved_modes:
                termios.tcsetattr(fd, termios.TCSADRAIN, _saved_modes[fd])
        except termios.error as exc:
            return -exc.args[0] if exc.args and isinstance(exc.args[0], int) else UV_EINVAL
        except OSError as exc:
            return errno_of(exc)
        self.raw_mode = bool(flag)
        return 0


def native_functions(host) -> dict:
    return {
        "isTTY": is_tty,
        "ttyWindowSize": lambda h: h.window_size(),
        "ttySetRawMode": lambda h, flag: h.set_raw_mode(bool(flag)),
    }


def create(host):
    return stream_bindings(host)["tty_wrap"]
