"""internalBinding('stream_wrap') and the socket handle every stream binding shares.

A :class:`StreamHandle` is libuv's ``uv_stream_t`` on a non-blocking stdlib
socket driven by trio's readiness waits:

* one reader task, started by ``readStart`` and parked by ``readStop``; it
  reads 64 KiB at a time and hands each chunk to JS with a single call,
  ``handle.onread(nread, arrayBuffer)`` (``nread < 0`` is a libuv errno,
  ``UV_EOF`` at end of stream);
* one writer task that drains the queue of write and shutdown requests in
  order (trio allows one sender at a time, Node allows any number of queued
  writes).  A write is first tried synchronously, as ``uv_try_write`` does;
  only the remainder is queued, and its ``req.oncomplete(status)`` arrives
  when the kernel took the last byte, so a slow peer grows the JS stream's
  ``writableLength`` and ``'drain'`` waits for it.

Handle lifecycle (the state table; ``closing`` is terminal)::

    state       event              -> state       side effect
    new         bind/connect       -> open        socket created for the family
    open        listen             -> listening   accept task (active)
    open        connect            -> connecting  connect req (loop.active_reqs)
    connecting  completion         -> open        req.oncomplete(status, ...)
    open        readStart          -> reading     reader task (active)
    reading     readStop / EOF     -> open        reader parks / exits (inactive)
    any         close(cb)          -> closing     queued writes fail ECANCELED, cb in close phase

Everything JS calls returns 0 / a negative errno / a value and never raises.
The JS-visible classes (``TCP``, ``Pipe``, ``WriteWrap`` ...) are defined in
``polyfills/internal/bindings/*.js``, which wrap these Python handles.
"""

from __future__ import annotations

import errno
import socket
from collections import deque

from ._socket_trio import trio

from ..loop import Handle
from .uv import CODES, UV_EOF, errno_of

READ_SIZE = 64 * 1024
UV_EBADF = CODES["EBADF"]
UV_ECANCELED = CODES["ECANCELED"]
UV_EPIPE = CODES["EPIPE"]
UV_EINVAL = CODES["EINVAL"]
UV_ENOTCONN = CODES["ENOTCONN"]

_SHUTDOWN = object()  # a shutdown request in the write queue

from ._socket_trio import checkpoint as _checkpoint  # noqa: E402
from ._socket_trio import wait_readable as _wait_readable  # noqa: E402
from ._socket_trio import wait_writable as _wait_writable  # noqa: E402


def load_shim(host, ident: str, native: dict):
    """Run ``polyfills/<ident>.js`` as ``function (native, internalBinding)``
    and return what it returns: the JS object ``internalBinding`` gives."""
    source = host.read_builtin(ident)
    fn = host.compile_function(source, f"node:{ident}", "native, internalBinding")
    if isinstance(fn, list):  # pragma: no cover - a bug in our own JS
        raise RuntimeError(f"{ident}: {fn}")
    binding_fn = host.engine.function(host._js_binding, "internalBinding", 1)
    return host.engine.call(fn, native, binding_fn)


class Dispatch:
    """The JS trampolines Python calls through (``this`` is the receiver)."""

    __slots__ = ("onread", "write_done", "shutdown_done", "connect_done", "onconnection", "wrap_accepted")

    def __init__(self, onread, write_done, shutdown_done, connect_done, onconnection, wrap_accepted):
        self.onread = onread
        self.write_done = write_done
        self.shutdown_done = shutdown_done
        self.connect_done = connect_done
        self.onconnection = onconnection
        self.wrap_accepted = wrap_accepted


def notify_closing(raw) -> None:
    try:
        trio.lowlevel.notify_closing(raw)
    except RuntimeError:  # not inside trio.run: nobody can be waiting
        pass


def close_socket(raw) -> None:
    """Close a handle's socket: tasks of ours waiting on it are woken first
    (trio requires it), and a close error is nobody's to report."""
    if raw is None:
        return
    notify_closing(raw)
    try:
        raw.close()
    except OSError:
        pass


class StreamHandle(Handle):
    """A connected or listening stream socket (TCP or Unix)."""

    family_default = socket.AF_INET

    def __init__(self, host, dispatch: Dispatch, kind: int = 0):
        super().__init__(host.loop)
        self.host = host
        self.dispatch = dispatch
        self.kind = kind
        self.js = None  # the JS handle object (set by the shim)
        self.raw: socket.socket | None = None
        self.reading = False
        self.listening = False
        self.eof = False
        self.delayed_error = 0
        self.bytes_read = 0
        self.bytes_written = 0
        self._reader_running = False
        self._writer_running = False
        self._accept_running = False
        self._stash: deque = deque()  # chunks read while stopped
        self._writes: deque = deque()  # [req, memoryview | _SHUTDOWN]
        self._queued_bytes = 0
        self._connect_req = None
        # Node's StreamListener: an HTTP parser that consumed this handle
        # (parser.consume) gets the bytes read straight from Python; EOF and
        # errors still go to JS's onread (PassReadErrorToPreviousListener).
        self.read_listener = None

    # -- socket ------------------------------------------------------------

    def adopt(self, raw: socket.socket) -> None:
        raw.setblocking(False)
        self.raw = raw

    def ensure_socket(self, family: int) -> int:
        if self.raw is not None:
            return 0
        try:
            self.adopt(socket.socket(family, socket.SOCK_STREAM))
        except OSError as exc:
            return errno_of(exc)
        return 0

    def open_fd(self, fd: int) -> int:
        try:
            self.adopt(socket.socket(fileno=int(fd)))
        except OSError as exc:
            return errno_of(exc)
        return 0

    def fileno(self) -> int:
        raw = self.raw
        if raw is None or self.closing:
            return -1
        try:
            return raw.fileno()
        except OSError:
            return -1

    def _update_active(self) -> None:
        self.set_active(not self.closing and (self.reading or self.listening))

    # -- reading -----------------------------------------------------------

    def read_start(self) -> int:
        if self.closing or self.raw is None:
            return UV_EBADF if self.closing else UV_ENOTCONN
        if self.eof and not self._stash:
            return 0
        self.reading = True
        self._update_active()
        if self._stash:
            self.loop.queue_io(self._flush_stash)
        elif not self._reader_running:
            self._reader_running = True
            self.loop.spawn(self._read_loop)
        return 0

    def read_stop(self) -> int:
        self.reading = False
        self._update_active()
        return 0

    def _flush_stash(self) -> None:
        while self._stash and self.reading and not self.closing:
            nread, data = self._stash.popleft()
            self._deliver_now(nread, data)
        if self.reading and not self.closing and not self._stash and not self.eof \
                and not self._reader_running:
            self._reader_running = True
            self.loop.spawn(self._read_loop)

    async def _read_loop(self) -> None:
        raw = self.raw
        queue_io = self.loop.queue_io
        try:
            while self.reading and not self.closing:
                try:
                    data = raw.recv(READ_SIZE)
                except (BlockingIOError, InterruptedError):
                    await _wait_readable(raw)
                    continue
                except OSError as exc:
                    self.eof = True
                    queue_io(lambda e=errno_of(exc): self._deliver(e, None))
                    return
                if not data:
                    self.eof = True
                    queue_io(lambda: self._deliver(UV_EOF, None))
                    return
                queue_io(lambda d=data: self._deliver(len(d), d))
                await _checkpoint()
        except (trio.ClosedResourceError, OSError):
            pass
        finally:
            self._reader_running = False

    def _deliver(self, nread: int, data) -> None:
        if self.closing:
            return
        if not self.reading or self._stash:
            self._stash.append((nread, data))
            return
        self._deliver_now(nread, data)

    def _deliver_now(self, nread: int, data) -> None:
        if nread > 0:
            self.bytes_read += nread
            listener = self.read_listener
            if listener is not None:
                listener.on_stream_read(self, data)
                return
        else:
            # EOF or an error ends reading, as libuv's uv__stream_eof does.
            self.reading = False
            self._update_active()
        self.host.make_callback(self.dispatch.onread, nread, data, this=self.js)

    # -- writing -----------------------------------------------------------

    def write(self, req, data: bytes) -> int:
        """0: written synchronously; 1: queued (oncomplete follows); <0: errno."""
        raw = self.raw
        if raw is None or self.closing:
            return UV_EBADF
        # Counted when accepted, queued or not (StreamBase's bytes_written_).
        self.bytes_written += len(data)
        if not self._writes:
            try:
                sent = raw.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                self.bytes_written -= len(data)
                return errno_of(exc)
            if sent == len(data):
                return 0
            view = memoryview(data)[sent:]
        else:
            view = memoryview(data)
        self._writes.append([req, view])
        self._queued_bytes += len(view)
        self.loop.active_reqs += 1
        self._start_writer()
        return 1

    def writev(self, req, pieces: list) -> int:
        """:meth:`write` of several buffers: one gather ``sendmsg`` when
        nothing is queued; only the unsent tail is joined and queued."""
        raw = self.raw
        if raw is None or self.closing:
            return UV_EBADF
        sendmsg = getattr(raw, "sendmsg", None)  # fd adapters (FIFOs) have none
        if self._writes or len(pieces) > 64 or sendmsg is None:
            return self.write(req, b"".join(pieces))
        total = 0
        for piece in pieces:
            total += len(piece)
        self.bytes_written += total
        try:
            sent = sendmsg(pieces)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError as exc:
            self.bytes_written -= total
            return errno_of(exc)
        if sent == total:
            return 0
        tail = []
        for piece in pieces:
            n = len(piece)
            if sent >= n:
                sent -= n
                continue
            tail.append(memoryview(piece)[sent:] if sent else piece)
            sent = 0
        view = memoryview(b"".join(tail))
        self._writes.append([req, view])
        self._queued_bytes += len(view)
        self.loop.active_reqs += 1
        self._start_writer()
        return 1

    def shutdown(self, req) -> int:
        if self.raw is None or self.closing:
            return UV_ENOTCONN
        self.loop.active_reqs += 1
        if not self._writes:
            # Nothing queued: half-close now (the peer sees EOF after our
            # completion runs, as with libuv).
            try:
                self.raw.shutdown(socket.SHUT_WR)
                status = 0
            except OSError as exc:
                status = errno_of(exc)
            self._complete(req, status, shutdown=True)
            return 0
        self._writes.append([req, _SHUTDOWN])
        self._start_writer()
        return 0

    def _start_writer(self) -> None:
        if not self._writer_running:
            self._writer_running = True
            self.loop.spawn(self._write_loop)

    async def _write_loop(self) -> None:
        raw = self.raw
        writes = self._writes
        try:
            while writes and not self.closing:
                entry = writes[0]
                view = entry[1]
                if view is _SHUTDOWN:
                    writes.popleft()
                    try:
                        raw.shutdown(socket.SHUT_WR)
                        status = 0
                    except OSError as exc:
                        status = errno_of(exc)
                    self._complete(entry[0], status, shutdown=True)
                    continue
                try:
                    sent = raw.send(view)
                except (BlockingIOError, InterruptedError):
                    await _wait_writable(raw)
                    continue
                except OSError as exc:
                    self._fail_writes(errno_of(exc))
                    return
                self._queued_bytes -= sent
                if sent < len(view):
                    entry[1] = view[sent:]
                    await _wait_writable(raw)
                    continue
                writes.popleft()
                self._complete(entry[0], 0)
                await _checkpoint()
        except (trio.ClosedResourceError, OSError):
            pass
        finally:
            self._writer_running = False

    def _fail_writes(self, status: int) -> None:
        # The failing request reports the error; libuv fails the rest with the
        # same status (uv__write_callbacks after uv__stream_destroy).
        while self._writes:
            req, view = self._writes.popleft()
            if view is not _SHUTDOWN:
                self._queued_bytes -= len(view)
            self._complete(req, status, shutdown=view is _SHUTDOWN)

    def _complete(self, req, status: int, shutdown: bool = False) -> None:
        fn = self.dispatch.shutdown_done if shutdown else self.dispatch.write_done

        def done():
            self.loop.active_reqs -= 1
            self.host.make_callback(fn, status, self.js, this=req)

        self.loop.queue_io(done)

    @property
    def write_queue_size(self) -> int:
        return self._queued_bytes

    # -- listening ---------------------------------------------------------

    def listen(self, backlog: int) -> int:
        if self.delayed_error:
            err, self.delayed_error = self.delayed_error, 0
            return err
        if self.closing:
            return UV_EINVAL
        if self.raw is None:
            err = self.ensure_socket(self.family_default)
            if err:
                return err
        try:
            self.raw.listen(int(backlog) if isinstance(backlog, (int, float)) else 511)
        except OSError as exc:
            return errno_of(exc)
        self.listening = True
        self._update_active()
        if not self._accept_running:
            self._accept_running = True
            self.loop.spawn(self._accept_loop)
        return 0

    async def _accept_loop(self) -> None:
        raw = self.raw
        queue_io = self.loop.queue_io
        try:
            while not self.closing:
                try:
                    conn, _addr = raw.accept()
                except (BlockingIOError, InterruptedError):
                    await _wait_readable(raw)
                    continue
                except OSError as exc:
                    queue_io(lambda e=errno_of(exc): self._on_connection(e, None))
                    await trio.sleep(0.01)
                    continue
                conn.setblocking(False)
                queue_io(lambda c=conn: self._on_connection(0, c))
                await _checkpoint()
        except (trio.ClosedResourceError, OSError):
            pass
        finally:
            self._accept_running = False

    def new_child(self):
        return type(self)(self.host, self.dispatch, 0)

    def _on_connection(self, status: int, conn) -> None:
        if self.closing:
            if conn is not None:
                conn.close()
            return
        client_js = None
        if conn is not None:
            child = self.new_child()
            child.adopt(conn)
            client_js = self.host.engine.call(self.dispatch.wrap_accepted, self.js,
                                             self.host.engine.host_object(child))
            child.js = client_js
        self.host.make_callback(self.dispatch.onconnection, status, client_js, this=self.js)

    # -- connecting ----------------------------------------------------------

    def start_connect(self, req, address) -> int:
        """Begin a non-blocking connect; completion calls req.oncomplete."""
        raw = self.raw
        status = self.delayed_error
        self.delayed_error = 0
        pending = False
        if not status:
            try:
                code = raw.connect_ex(address)
            except OSError as exc:
                return errno_of(exc)
            unix = raw.family == socket.AF_UNIX
            if code == 0:
                status = 0
            elif code in (errno.EINPROGRESS, errno.EALREADY) or (code == errno.EAGAIN and not unix):
                pending = True
            elif code == errno.ECONNREFUSED or unix:
                status = -code  # reported through the callback, as libuv does
            else:
                return -code
        self._connect_req = req
        self.loop.active_reqs += 1
        if pending:
            self.loop.spawn(self._connect_wait, req)
        else:
            self.loop.queue_io(lambda: self._connected(req, status))
        return 0

    async def _connect_wait(self, req) -> None:
        raw = self.raw
        if self.closing:
            return  # closed before this task started: close() reports ECANCELED
        try:
            await _wait_writable(raw)
            code = raw.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            status = -code if code else 0
        except (trio.ClosedResourceError, OSError):
            return  # closed while connecting: close() reports ECANCELED
        self.loop.queue_io(lambda: self._connected(req, status))

    def _connected(self, req, status: int) -> None:
        if self._connect_req is not req:
            return  # cancelled by close()
        self._connect_req = None
        self.loop.active_reqs -= 1
        self.host.make_callback(self.dispatch.connect_done, status, self.js, True, True, this=req)

    # -- names / options -----------------------------------------------------

    def sockname(self, peer: bool):
        raw = self.raw
        if raw is None:
            return UV_EBADF
        try:
            addr = raw.getpeername() if peer else raw.getsockname()
        except OSError as exc:
            return errno_of(exc)
        return addr

    # -- closing -------------------------------------------------------------

    def reset(self, cb) -> int:
        raw = self.raw
        if raw is not None and not self.closing:
            try:
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError as exc:
                return errno_of(exc)
        self.close(cb)
        return 0

    def _drop_socket(self) -> None:
        self.closing = True
        self.reading = False
        self.listening = False
        self.set_active(False)
        raw, self.raw = self.raw, None
        close_socket(raw)

    def release(self) -> None:
        """The owning runtime is torn down: close the socket now, no JS."""
        self._drop_socket()

    def close(self, cb=None) -> None:
        if self.closing:
            return
        self._drop_socket()
        self.read_listener = None
        cancelled = list(self._writes)
        self._writes.clear()
        self._queued_bytes = 0
        connect_req, self._connect_req = self._connect_req, None
        self._stash.clear()

        def finish():
            mc = self.host.make_callback
            d = self.dispatch
            js = self.js
            if connect_req is not None:
                self.loop.active_reqs -= 1
                mc(d.connect_done, UV_ECANCELED, js, False, False, this=connect_req)
            for req, view in cancelled:
                self.loop.active_reqs -= 1
                mc(d.shutdown_done if view is _SHUTDOWN else d.write_done, UV_ECANCELED, js, this=req)
            if cb is not None:
                mc(cb, this=js)
            self.js = None

        self.loop.queue_close(finish)


def native_functions(host) -> dict:
    """The per-handle operations every stream shim calls (handle first)."""
    to_bytes = host.engine.to_bytes
    to_list = host.engine.to_list

    def write_buffer(h, req, data):
        # Buffers and strings (UTF-8) alike.  Result: a negative errno, or
        # bytes * 2 + (1 if the write was queued, 0 if it completed).
        data = to_bytes(data)
        status = h.write(req, data)
        return status if status < 0 else len(data) * 2 + status

    def writev(h, req, chunks):
        # A JS array of Buffers.  Result as write_buffer's.
        pieces = [to_bytes(c) for c in to_list(chunks)]
        status = h.writev(req, pieces)
        return status if status < 0 else sum(map(len, pieces)) * 2 + status

    def set_js(h, js):
        h.js = js

    return {
        "setJs": set_js,
        "readStart": lambda h: h.read_start(),
        "readStop": lambda h: h.read_stop(),
        "writeBuffer": write_buffer,
        "writev": writev,
        "shutdown": lambda h, req: h.shutdown(req),
        "close": lambda h, cb=None: h.close(cb),
        "reset": lambda h, cb=None: h.reset(cb),
        "ref": lambda h: h.ref(),
        "unref": lambda h: h.unref(),
        "hasRef": lambda h: h.has_ref(),
        "listen": lambda h, backlog: h.listen(backlog),
        "open": lambda h, fd: h.open_fd(fd),
        "fd": lambda h: h.fileno(),
        "bytesRead": lambda h: h.bytes_read,
        "bytesWritten": lambda h: h.bytes_written,
        "writeQueueSize": lambda h: h.write_queue_size,
        "isClosing": lambda h: h.closing,
    }


def stream_bindings(host) -> dict:
    """The JS objects of tcp_wrap, pipe_wrap, tty_wrap and stream_wrap, made
    once per process by one shim (they share the handle classes' plumbing)."""
    cached = getattr(host, "_stream_bindings", None)
    if cached is not None:
        return cached
    from . import pipe_wrap, tcp_wrap, tty_wrap  # noqa: PLC0415

    native = native_functions(host)
    dispatch: list[Dispatch] = []

    def init(*fns):
        dispatch.append(Dispatch(*fns))

    native["init"] = init
    wrap = host.engine.host_object
    native["newTCP"] = lambda kind: wrap(tcp_wrap.TCPHandle(host, dispatch[0], int(kind)))
    native["newPipe"] = lambda kind: wrap(pipe_wrap.PipeHandle(host, dispatch[0], int(kind)))

    def new_tty(fd):
        handle = tty_wrap.TTYHandle(host, dispatch[0], 0)
        err = handle.open_tty(int(fd))
        return err if err else wrap(handle)

    native["newTTY"] = new_tty
    native.update(tcp_wrap.native_functions(host))
    native.update(tty_wrap.native_functions(host))
    native.update(pipe_wrap.native_functions(host))
    result = load_shim(host, "internal/bindings/stream_handles", native)
    host._stream_bindings = {
        "stream_wrap": result["stream_wrap"],
        "tcp_wrap": result["tcp_wrap"],
        "pipe_wrap": result["pipe_wrap"],
        "tty_wrap": result["tty_wrap"],
    }
    return host._stream_bindings


def create(host):
    return stream_bindings(host)["stream_wrap"]
