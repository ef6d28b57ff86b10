"""internalBinding('process_wrap'): Node's Process handle (``uv_process_t``).

``spawn(options)`` starts the child (``js_bindings/spawn_sync.launch``) with
the stdio table of ``ChildProcess.prototype.spawn``:

* ``pipe`` (also the IPC channel): a Unix socketpair, as libuv makes for
  ``UV_CREATE_PIPE``; the parent's end is adopted by the given Pipe handle
  (a :class:`~.stream_wrap.StreamHandle`), so ``net.Socket`` reads and
  writes it like any stream, and the child gets the other end;
* ``wrap``: the fd of an existing stream handle; ``fd``/``inherit``: a parent
  fd; ``ignore``: ``/dev/null`` for fds 0-2, nothing above.

It returns 0 or a negative errno (``UV_ENOENT`` ...), as ``uv_spawn``.  The
handle is active while the child runs: a waiter task (a pidfd watched by
trio, or a polling fallback) reaps the child and calls
``onexit(exitStatus, signalName)`` in the poll phase; the signal name is ''
for a normal exit.  ``kill(signo)`` is ``uv_process_kill`` (``UV_ESRCH`` once
the child was reaped).
"""

from __future__ import annotations

import json
import os
import socket

from ._socket_trio import trio

from ..loop import Handle
from .spawn_sync import DEVNULL, exit_status, kill_process, launch
from .stream_wrap import load_shim
from .uv import CODES


class ProcessHandle(Handle):
    def __init__(self, host, onexit_trampoline):
        super().__init__(host.loop)
        self.host = host
        self.js = None
        self._onexit = onexit_trampoline
        self.proc = None
        self.pid = 0
        self.exited = False

    def spawn(self, options_json, handles) -> int:
        engine = self.host.engine
        opts = json.loads(engine.text(options_json))
        handle_list = engine.to_list(handles) if handles is not None else []
        child_fds: list = []
        child_ends: list[socket.socket] = []
        adopted = []
        for i, entry in enumerate(opts.get("stdio") or []):
            kind = entry.get("type")
            handle = handle_list[i] if i < len(handle_list) else None
            if kind in ("pipe", "overlapped"):
                try:
                    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
                except OSError as exc:
                    for s in child_ends:
                        s.close()
                    return -(exc.errno or 24)
                if handle is not None and handle.raw is None:
                    handle.adopt(parent)
                    adopted.append(handle)
                else:
                    parent.close()
                child_ends.append(child)
                child_fds.append(child.fileno())
            elif kind == "wrap":
                fd = handle.fileno() if handle is not None else -1
                child_fds.append(fd if fd >= 0 else (DEVNULL if i < 3 else None))
            elif kind in ("fd", "inherit"):
                child_fds.append(int(entry.get("fd", i)))
            else:
                child_fds.append(DEVNULL if i < 3 else None)
        proc, err = launch(opts["file"], opts.get("args") or [opts["file"]], opts.get("cwd"),
                           opts.get("envPairs"), child_fds, bool(opts.get("detached")),
                           opts.get("uid"), opts.get("gid"))
        for s in child_ends:
            s.close()
        if proc is None:
            return err
        self.proc = proc
        self.pid = proc.pid
        self.set_active(True)
        self.loop.spawn(self._wait)
        return 0

    async def _wait(self) -> None:
        proc = self.proc
        try:
            pidfd = os.pidfd_open(proc.pid)
        except (OSError, AttributeError):
            pidfd = -1
        try:
            if pidfd >= 0:
                await trio.lowlevel.wait_readable(pidfd)
            else:
                while proc.poll() is None:
                    await trio.sleep(0.02)
        finally:
            if pidfd >= 0:
                os.close(pidfd)
        proc.wait()
        self.loop.queue_io(self._exited)

    def _exited(self) -> None:
        self.exited = True
        self.set_active(False)
        if self.closing:
            return
        status, signame = exit_status(self.proc.returncode)
        self.host.make_callback(self._onexit, status, signame, this=self.js)

    def kill(self, signo) -> int:
        if self.proc is None:
            return CODES["ESRCH"]
        return kill_process(self.proc, int(signo))

    def release(self) -> None:
        # The owning runtime is torn down: the child keeps running, as
        # node's children outlive it; no JS is called for its exit.
        self.closing = True
        self.set_active(False)

    def close(self, cb=None) -> None:
        if self.closing:
            return
        self.closing = True
        self.set_active(False)

        def finish():
            if cb is not None:
                self.host.make_callback(cb, this=self.js)

        self.loop.queue_close(finish)


def create(host):
    wrap = host.engine.host_object
    trampolines = []

    def init(onexit):
        trampolines.append(onexit)

    def new_process(js):
        h = ProcessHandle(host, trampolines[0])
        h.js = js
        return wrap(h)

    to_bytes = host.engine.to_bytes

    def ipc_write(pipe, req, data, other):
        # As stream_wrap's writeBuffer: bytes * 2 + (1 if queued), or an errno.
        data = to_bytes(data)
        status = pipe.write_with_handle(req, data, other)
        return status if status < 0 else len(data) * 2 + status

    native = {
        "init": init,
        "newProcess": new_process,
        "spawn": lambda h, opts, handles: h.spawn(opts, handles),
        "pid": lambda h: h.pid,
        "kill": lambda h, sig: h.kill(sig),
        "close": lambda h, cb=None: h.close(cb),
        "ref": lambda h: h.ref(),
        "unref": lambda h: h.unref(),
        "hasRef": lambda h: h.has_ref(),
        # Handle passing over an IPC channel (internal/child_process only).
        "ipcTakeHandle": lambda pipe: pipe.take_pending() if hasattr(pipe, "take_pending") else None,
        "ipcWrite": ipc_write,
    }
    return load_shim(host, "internal/bindings/process_wrap", native)
