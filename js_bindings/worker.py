"""internalBinding('worker'): worker_threads.Worker on a real thread.

A worker is a whole NodeProcess (its own QuickJS runtime, loop and bindings)
running in a Python thread.  Nothing of one engine reaches the other: the
parent and the worker talk through an entangled message-port pair
(js_bindings/messaging.py) and a few control events (online, error, exit)
that cross as bytes through the parent loop's thread-safe queue.

JS (internal/worker.js) validates the options; ``createWorker`` takes them
already normalized.
"""

from __future__ import annotations

import itertools
import os
import threading
import time

from ..engine import ProcessExit
from ..loop import Handle
from .messaging import _CLOSE, channel_to_thread, expect_thread, forget_thread, ports_of

_thread_ids = itertools.count(1)
_thread_start_lock = threading.Lock()
_DEFAULT_THREAD_STACK = 8 * 1024 * 1024  # what a thread gets on Linux by default
_STACK_MARGIN = 4 * 1024 * 1024
# Flags only a worker's execArgv takes here (its eval'd source honours them).
_WORKER_FLAGS = {"--experimental-detect-module", "--no-experimental-detect-module"}
# Options of the whole process, which a worker's execArgv may not set.
# V8's flags count among them (one V8 per process).
_PER_PROCESS_FLAGS = {"--title", "--redirect-warnings", "--abort-on-uncaught-exception",
                      "--expose-gc", "--expose_gc", "--stack-size", "--allow-natives-syntax", "--harmony",
                      "--zero-fill-buffers", "--security-revert", "--stack-trace-limit"}


class WorkerInfo:
    """What a worker's process knows of itself (Options.worker)."""

    def __init__(self, thread_id, port_state, kind, value, worker_data, resource_limits, parent):
        self.thread_id = thread_id
        self.port_state = port_state
        self.kind = kind          # 'file' or 'eval'
        self.value = value        # the path or the source
        self.worker_data = worker_data  # a message (messaging.py)
        self.resource_limits = resource_limits
        self.parent = parent      # the WorkerHandle in the parent's loop
        self.env_port_state = None  # the worker's end of its internal control port
        self.stdin = False        # process.stdin is fed by the parent (Worker stdin: true)
        self.expose_gc = False    # the process runs with --expose-gc (V8's, process-wide)
        self.track_fds = True     # trackUnmanagedFds: fs.open's fds close with the worker
        self.unmanaged_fds: set[int] = set()
        self.error = None         # the serialized uncaught error, if any


class _ParentStream:
    """A worker's fd 1/2: the bytes become chunks of the parent's
    worker.stdout/stderr stream."""

    def __init__(self, handle, fd):
        self.handle = handle
        self.fd = fd

    def write(self, data: bytes) -> None:
        self.handle.forward(self.fd, bytes(data))


class WorkerHandle(Handle):
    __slots__ = ("host", "info", "thread", "process", "terminated", "callbacks", "exited")

    def __init__(self, host):
        super().__init__(host.loop)
        self.host = host
        self.thread = None
        self.process = None
        self.terminated = False
        self.exited = False
        self.callbacks = None
        self.info = None

    # -- the worker's thread ---------------------------------------------

    def run(self, options) -> None:
        from ..host import NodeProcess  # noqa: PLC0415 - a cycle at import

        code = 1
        try:
            proc = NodeProcess(options)
            self.process = proc
            if self.terminated:
                return
            code = proc.run_main("worker", "")
            if self.terminated:
                code = 1
        except ProcessExit as done:
            code = done.code
        except BaseException:  # noqa: BLE001 - a failed start ends the worker
            code = 1
        finally:
            proc = self.process
            if proc is not None and proc.engine.memory_exceeded:
                # The heap limit (resourceLimits) stopped it: as Node, exit
                # code 1 and ERR_WORKER_OUT_OF_MEMORY for its Worker.
                code = 1
                self.info.error = "ERR_WORKER_OUT_OF_MEMORY"
            self._close_ports()
            self._close_unmanaged_fds()
            self.host.loop.queue_threadsafe(lambda: self._exited(code))

    def _close_unmanaged_fds(self) -> None:
        """trackUnmanagedFds: what the worker opened with fs.open/openSync
        and did not close closes with it."""
        info = self.info
        fds, info.unmanaged_fds = info.unmanaged_fds, set()
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def _close_ports(self) -> None:
        """The worker's environment is gone: its ports close, so that their
        peers in other threads see 'close' (and stop holding their loops)."""
        proc = self.process
        if self.info is not None:
            forget_thread(self.info.thread_id)
        if proc is not None:
            # Its sockets, servers and other OS handles close with it (the
            # process goes on without it).
            proc.loop.release_handles()
        ports = getattr(proc, "_message_ports", None) if proc is not None else None
        if ports is not None:
            for port in list(ports.ports.values()):
                port.close()
        info = self.info
        if info is None:
            return
        # Ports the worker never took (parentPort, workerData's) close too.
        pending = [st for st in (info.port_state, info.env_port_state) if st is not None]
        if info.worker_data is not None:
            pending.extend(info.worker_data[2])
        for state in pending:
            if state.peer is not None:
                state.peer.deliver(_CLOSE)

    def online(self) -> None:
        self.host.loop.queue_threadsafe(self._online)

    def forward(self, fd, data) -> None:
        self.host.loop.queue_threadsafe(lambda: self._call("onstdio", fd, data))

    def report_error(self, payload) -> None:
        self.info.error = payload

    # -- the parent's thread -----------------------------------------------

    def _call(self, name, *args):
        fn = self.callbacks[name] if self.callbacks is not None else None
        if fn is not None:
            self.host.make_callback(fn, *args)

    def _online(self) -> None:
        if not self.exited:
            self._call("ononline")

    def _exited(self, code) -> None:
        if self.exited:
            return
        self.exited = True
        self.set_active(False)
        error = self.info.error
        self._call("onexit", int(code), error if error is not None else None)

    def terminate(self) -> None:
        if self.exited or self.terminated:
            return
        self.terminated = True
        proc = self.process
        if proc is not None:
            proc.engine.terminate_from_thread(1)

            def stop():
                raise ProcessExit(1)

            proc.loop.queue_threadsafe(stop)


def create(host):
    info = host.options.worker
    engine = host.engine

    def create_worker(kind, value, argv, exec_argv, env, worker_data, resource_limits,
                      stdio, ononline, onexit, onstdio, track_fds=True):
        # worker_data: [payload, transferred buffers, transferred port numbers]
        data = engine.to_list(worker_data)
        message = ports_of(host).pack(data[0], data[1], data[2])
        handle = WorkerHandle(host)
        handle.callbacks = {"ononline": ononline, "onexit": onexit, "onstdio": onstdio}
        thread_id = next(_thread_ids)
        expect_thread(thread_id)
        # env: [key, value, key, value...], or null to share this thread's
        # (SHARE_ENV: JS made it the shared store first).
        pairs = [] if env is None else [engine.text(x) for x in engine.to_list(env)]
        env_dict = getattr(host, "_shared_env", None) if env is None else dict(zip(pairs[::2], pairs[1::2]))
        limits = [float(x) for x in engine.to_list(resource_limits)]
        # The heap's limit: the old generation's plus the young one's (V8's
        # two parts of the heap); none without an old generation limit.
        memory = int((limits[1] + max(limits[0], 0)) * 1024 * 1024) \
            if len(limits) > 1 and limits[1] > 0 else None
        winfo = WorkerInfo(thread_id, None, engine.text(kind), engine.text(value),
                           message, limits, handle)
        handle.info = winfo
        # A second channel for control messages ({type}), as Node's
        # environment message port (getEnvMessagePort() in the worker); made
        # first, so that its messages (the worker's uncaught error) are
        # handled before those of the public port that came in meanwhile.
        env_port, winfo.env_port_state = channel_to_thread(ports_of(host))
        port, winfo.port_state = channel_to_thread(ports_of(host))
        # The worker's fd 1/2 are chunks of the Worker's stdout/stderr streams
        # (which the parent pipes to its own unless asked for them).
        winfo.stdin = bool(engine.to_list(stdio)[0])
        winfo.track_fds = bool(track_fds)
        winfo.expose_gc = bool({"--expose-gc", "--expose_gc"} & set(host.options.exec_argv)) or \
            bool(info is not None and info.expose_gc)
        out = _ParentStream(handle, 1)
        err = _ParentStream(handle, 2)
        from ..host import Options  # noqa: PLC0415

        options_argv = [engine.text(a) for a in engine.to_list(exec_argv)]
        options = Options(
            argv=[engine.text(a) for a in engine.to_list(argv)],
            exec_argv=options_argv,
            env=env_dict, cwd=host.cwd, memory_limit=memory,
            expose_internals=host.options.expose_internals or "--expose-internals" in options_argv,
            stdout=out, stderr=err, worker=winfo,
        )
        handle.set_active(True)
        handle.thread = threading.Thread(target=handle.run, args=(options,),
                                         name=f"nodeshim-worker-{thread_id}", daemon=True)
        # The thread's own stack must hold the JS stack the engine allows
        # (resourceLimits.stackSizeMb) and the Python frames around it.
        stack = int(limits[3] * 1024 * 1024) if len(limits) > 3 and limits[3] > 0 else 0
        with _thread_start_lock:
            previous = threading.stack_size()
            if stack + _STACK_MARGIN > _DEFAULT_THREAD_STACK:
                threading.stack_size(stack + _STACK_MARGIN)
            try:
                handle.thread.start()
            finally:
                threading.stack_size(previous)
        return [thread_id, port.id, handle_api(handle), env_port.id]

    def loop_timing(handle):
        """The worker's loop as seen from here: [start, idle, now] in ns
        (start -1 before its loop runs and once the worker ended)."""
        proc = handle.process
        loop = proc.loop if proc is not None and not handle.exited else None
        start = getattr(loop, "loop_start_ns", -1) if loop is not None else -1
        idle = loop.idle_time_ns() if start >= 0 else 0
        return [start, idle, time.monotonic_ns()]

    def handle_api(handle):
        return {
            "loopTiming": lambda: loop_timing(handle),
            "terminate": handle.terminate,
            "ref": handle.ref,
            "unref": handle.unref,
            "hasRef": lambda: bool(handle.has_ref() and handle.active),
        }

    def invalid_exec_argv(args):
        """The flags of a Worker's execArgv (or NODE_OPTIONS) it cannot take:
        unknown ones, and those that set process-wide state."""
        from ..cli import _BOOL_FLAGS, _VALUE_FLAGS  # noqa: PLC0415

        bad = []
        items = [engine.text(a) for a in engine.to_list(args)]
        i = 0
        while i < len(items):
            arg = items[i]
            name, eq, _ = arg.partition("=")
            if not arg.startswith("-"):
                pass  # a value of the previous flag, or a script argument
            elif name in _PER_PROCESS_FLAGS:
                bad.append(arg)
            elif name in _VALUE_FLAGS:
                if not eq:
                    i += 1
            elif arg not in _BOOL_FLAGS and name not in _BOOL_FLAGS and name not in _WORKER_FLAGS:
                bad.append(arg)
            i += 1
        return bad

    def get_worker_data():
        from .messaging import Port  # noqa: PLC0415

        if info is None or info.worker_data is None:
            return None
        (payload, buffers, states), info.worker_data = info.worker_data, None
        return [payload, ports_of(host).buffers_here(buffers), [Port(ports_of(host), st).id for st in states]]

    def parent_port():
        from .messaging import Port  # noqa: PLC0415

        if info is None or info.port_state is None:
            return 0
        state, info.port_state = info.port_state, None
        return Port(ports_of(host), state).id

    def take_env_port():
        from .messaging import Port  # noqa: PLC0415

        if info is None or info.env_port_state is None:
            return 0
        state, info.env_port_state = info.env_port_state, None
        return Port(ports_of(host), state).id

    def track_fd(fd):
        """An fd fs.open gave the worker: False if it was open already."""
        fds = info.unmanaged_fds
        if int(fd) in fds:
            return False
        fds.add(int(fd))
        return True

    def untrack_fd(fd):
        """fs.close of an fd: False if the worker had not opened it."""
        fds = info.unmanaged_fds
        if int(fd) not in fds:
            return False
        fds.discard(int(fd))
        return True

    def notify_online():
        if info is not None:
            info.parent.online()

    def report_error(payload):
        if info is not None:
            info.parent.report_error(engine.to_bytes(payload))

    return {
        "isMainThread": info is None,
        "threadId": info.thread_id if info is not None else 0,
        "resourceLimits": info.resource_limits if info is not None else [],
        "createWorker": create_worker,
        "invalidExecArgv": invalid_exec_argv,
        "getWorkerData": get_worker_data,
        "takeParentPort": parent_port,
        "takeEnvPort": take_env_port,
        "notifyOnline": notify_online,
        "reportError": report_error,
        "hasStdin": bool(info is not None and info.stdin),
        "tracksFds": bool(info is not None and info.track_fds),
        "trackFd": track_fd,
        "untrackFd": untrack_fd,
        "kind": info.kind if info is not None else "",
        "value": info.value if info is not None else "",
    }
