"""internalBinding('fs_event_wrap'): Node's FSEvent handle (fs.watch) over
Linux inotify, through libc with ctypes.

Events follow libuv's inotify backend: IN_ATTRIB/IN_MODIFY are ``change``,
everything else ``rename``; the filename is the entry's name inside a
watched directory, or the watched file's basename.  A recursive watch adds
an inotify watch for every directory below the root (and for directories
created later) and reports names relative to the root.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import struct

from ._socket_trio import trio

from nodeshim.loop import Handle

from .stream_wrap import load_shim

IN_ACCESS = 0x001
IN_MODIFY = 0x002
IN_ATTRIB = 0x004
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_IGNORED = 0x8000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
# libuv's mask.
WATCH_MASK = (IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
              | IN_MOVED_FROM | IN_MOVED_TO)
UV_RENAME = "rename"
UV_CHANGE = "change"
_EVENT = struct.Struct("iIII")

_libc = None


def _lib():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        _libc.inotify_init1.argtypes = [ctypes.c_int]
        _libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        _libc.inotify_rm_watch.argtypes = [ctypes.c_int, ctypes.c_int]
    return _libc


class FSEventHandle(Handle):
    def __init__(self, host, onchange):
        super().__init__(host.loop)
        self.host = host
        self.js = None
        self._onchange = onchange
        self.fd = -1
        self.path = b""
        self.recursive = False
        self.encoding = "utf8"
        self.dirs: dict[int, bytes] = {}  # wd -> path relative to the root ('' = root)
        self.is_dir = False
        self.started = False

    def _add(self, path: bytes, rel: bytes) -> int:
        wd = _lib().inotify_add_watch(self.fd, path, WATCH_MASK)
        if wd < 0:
            return -ctypes.get_errno()
        self.dirs[wd] = rel
        return wd

    def _add_tree(self, top: bytes, rel: bytes, report: bool) -> None:
        """Watch every directory below top (rel: its name under the root);
        report=True emits 'rename' for entries found (created before the
        watch existed)."""
        try:
            entries = list(os.scandir(top))
        except OSError:
            return
        for entry in entries:
            name = rel + b"/" + entry.name if rel else entry.name
            if report:
                self._emit(UV_RENAME, name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if self._add(entry.path, name) >= 0:
                    self._add_tree(entry.path, name, report)

    def start(self, path, persistent, recursive, encoding) -> int:
        if self.started:
            return 0
        engine = self.host.engine
        self.path = os.fsencode(engine.text(path))
        self.recursive = bool(recursive)
        self.encoding = engine.text(encoding) if encoding is not None else "utf8"
        fd = _lib().inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return -ctypes.get_errno()
        self.fd = fd
        err = self._add(self.path, b"")
        if err < 0:
            os.close(fd)
            self.fd = -1
            return err
        self.is_dir = os.path.isdir(self.path)
        if self.recursive and self.is_dir:
            self._add_tree(self.path, b"", False)
        self.started = True
        self.set_active(True)
        if not persistent:
            self.unref()
        self.loop.spawn(self._reader)
        return 0

    async def _reader(self) -> None:
        fd = self.fd
        while self.fd == fd and fd >= 0:
            try:
                await trio.lowlevel.wait_readable(fd)
            except (trio.ClosedResourceError, OSError, ValueError):
                return
            if self.fd != fd:
                return
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                continue
            except OSError:
                return
            events = []
            offset = 0
            while offset + _EVENT.size <= len(data):
                wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                raw = data[offset + _EVENT.size: offset + _EVENT.size + length]
                offset += _EVENT.size + length
                events.append((wd, mask, raw.split(b"\0", 1)[0]))
            if events:
                self.loop.queue_io(lambda ev=events: self._dispatch(ev))

    def _emit(self, kind: str, name: bytes | None) -> None:
        if self.closing or self.fd < 0:
            return
        if name is None:
            filename = None
        elif self.encoding == "buffer":
            filename = name
        else:
            filename = name.decode("utf-8", "surrogateescape")
        self.host.make_callback(self._onchange, 0, kind, filename, this=self.js)

    def _dispatch(self, events) -> None:
        for wd, mask, name in events:
            if self.closing or self.fd < 0:
                return
            if mask & IN_IGNORED:
                self.dirs.pop(wd, None)
                continue
            rel = self.dirs.get(wd)
            if rel is None:
                continue
            if name:
                full = rel + b"/" + name if rel else name
            elif rel:
                full = rel
            else:
                full = os.path.basename(self.path.rstrip(b"/")) or self.path
            kind = UV_CHANGE if not (mask & ~(IN_ATTRIB | IN_MODIFY | IN_ISDIR)) else UV_RENAME
            if self.recursive and name and (mask & IN_ISDIR) and (mask & (IN_CREATE | IN_MOVED_TO)):
                top = self.path + b"/" + full
                self._emit(kind, full)
                if self._add(top, full) >= 0:
                    self._add_tree(top, full, True)
                continue
            if self.recursive and not name and rel:
                # Events on a subdirectory itself are reported by its parent.
                continue
            self._emit(kind, full)

    def _stop(self) -> None:
        if self.fd >= 0:
            fd = self.fd
            self.fd = -1
            try:
                trio.lowlevel.notify_closing(fd)
            except Exception:  # noqa: BLE001 - not under trio yet, or not registered
                pass
            os.close(fd)
        self.dirs.clear()

    def close(self, cb=None) -> None:
        if self.closing:
            return
        self.closing = True
        self._stop()
        self.set_active(False)

        def finish():
            if cb is not None:
                self.host.make_callback(cb, this=self.js)

        self.loop.queue_close(finish)

    def release(self) -> None:
        self._stop()


def create(host):
    wrap = host.engine.host_object
    trampolines = []

    def init(onchange):
        trampolines.append(onchange)

    def new_handle(js):
        h = FSEventHandle(host, trampolines[0])
        h.js = js
        return wrap(h)

    native = {
        "init": init,
        "newHandle": new_handle,
        "start": lambda h, path, persistent, recursive, encoding: h.start(path, persistent, recursive, encoding),
        "close": lambda h, cb=None: h.close(cb),
        "ref": lambda h: h.ref(),
        "unref": lambda h: h.unref(),
        "hasRef": lambda h: h.has_ref(),
        "initialized": lambda h: h.started,
    }
    return load_shim(host, "internal/bindings/fs_event_wrap", native)


__all__ = ["create", "FSEventHandle", "errno"]
