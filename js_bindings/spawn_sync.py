"""internalBinding('spawn_sync'): Node's SyncProcessRunner, and the process
launcher that internalBinding('process_wrap') shares.

``launch`` is ``uv_spawn`` over :class:`subprocess.Popen`: the child gets the
stdio table Node built (child fd ``i`` = a parent fd, ``/dev/null``, or
nothing), the program is searched on the ``PATH`` of the child's
environment, ``args[0]`` is passed as given (``argv0``), and an exec or
``chdir`` failure comes back as a negative errno, as libuv reports it.

``spawn(options)`` runs a child to completion without the event loop
(``spawnSync`` / ``execSync`` / ``execFileSync``).  The result has Node's
shape: ``{error?, status, signal, output, pid}``, where ``output[i]`` is what
the child wrote to stdio pipe ``i`` (``null`` for its stdin and non-pipes),
``error`` a negative errno (``ETIMEDOUT`` after ``timeout``, ``ENOBUFS``
once the output passes ``maxBuffer``; the child is then killed with
``killSignal`` and its pipes closed), ``status``/``signal`` as the child
ended.  A spawn failure gives ``status: null, signal: null, output: null,
pid: 0``.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import selectors
import signal
import socket
import subprocess
import time

from ..execpath import child_argv0_env
from .uv import CODES

DEVNULL = "devnull"
UV_ETIMEDOUT = CODES["ETIMEDOUT"]
UV_ENOBUFS = CODES["ENOBUFS"]


def signal_name(signo: int) -> str:
    """libuv's signo_string: the canonical name of a signal number."""
    try:
        return signal.Signals(signo).name
    except ValueError:
        return ""


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def launch(file: str, args: list[str], cwd, env_pairs, stdio: list, detached: bool = False,
           uid=None, gid=None):
    """Start a child.  ``stdio[i]`` is a parent fd to become the child's fd ``i``,
    ``DEVNULL``, or None (the child has no fd ``i``; fds 0-2 get /dev/null).

    Returns ``(popen, 0)`` or ``(None, negative errno)``.
    """
    if env_pairs is None:
        env = None
    else:
        env = {}
        for pair in env_pairs:
            key, sep, value = pair.partition("=")
            if not sep:
                continue
            env.setdefault(key, value)  # the first of duplicates wins, as getenv(3)
    if args and args[0] != file:
        extra_env = child_argv0_env(file, args[0])
        if extra_env:
            env = dict(os.environ if env is None else env, **extra_env)
    std: list = []
    for i in range(3):
        entry = stdio[i] if i < len(stdio) else None
        std.append(subprocess.DEVNULL if entry is None or entry == DEVNULL else int(entry))
    extra = {i: int(entry) for i, entry in enumerate(stdio) if i >= 3 and isinstance(entry, int)}
    # libuv makes the child's fds 0-2 blocking (a non-blocking socket the
    # parent shares, as `stdio: [otherChild.stdout]`, would fail reads with
    # EAGAIN in a program that does not expect it).
    unblock = []
    for i, fd in enumerate(std):
        if isinstance(fd, int) and fd >= 0:
            try:
                if not os.get_blocking(fd):
                    unblock.append(i)
            except OSError:
                pass
    opened: list[int] = []
    kwargs: dict = {}
    remap = None
    try:
        if extra:
            top = max(extra)
            # Private copies of the sources (>= 3, so Popen's stdio dup2 cannot
            # clobber them), then fill every free fd up to the highest target so
            # that Popen's error pipe lands above the targets.
            sources = {}
            for target, fd in extra.items():
                dup = os.dup(fd)
                opened.append(dup)
                sources[target] = dup
            null = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
            opened.append(null)
            for fd in range(3, top + 1):
                if not _fd_open(fd):
                    os.dup2(null, fd, inheritable=False)
                    opened.append(fd)

            def remap():
                moved = {t: fcntl.fcntl(s, fcntl.F_DUPFD, top + 1) for t, s in sources.items()}
                for target, fd in moved.items():
                    os.dup2(fd, target, inheritable=True)

            kwargs["pass_fds"] = tuple(sorted(extra))
        if remap is not None or unblock:
            def child_setup():
                for i in unblock:
                    os.set_blocking(i, True)
                if remap is not None:
                    remap()

            kwargs["preexec_fn"] = child_setup
        if uid is not None:
            kwargs["user"] = int(uid)
        if gid is not None:
            kwargs["group"] = int(gid)
        proc = subprocess.Popen(
            list(args) if args else [file], executable=file, stdin=std[0], stdout=std[1],
            stderr=std[2], cwd=cwd, env=env, close_fds=True, start_new_session=bool(detached),
            **kwargs)
    except OSError as exc:
        return None, -(exc.errno or errno.EINVAL)
    except (subprocess.SubprocessError, ValueError, TypeError, UnicodeError):
        return None, CODES["EINVAL"]
    finally:
        for fd in opened:
            try:
                os.close(fd)
            except OSError:
                pass
    return proc, 0


def kill_process(proc, signo: int) -> int:
    """uv_process_kill: 0, or a negative errno (ESRCH once reaped)."""
    if proc.returncode is not None:
        return CODES["ESRCH"]
    try:
        os.kill(proc.pid, int(signo))
    except OSError as exc:
        return -(exc.errno or errno.EPERM)
    return 0


def exit_status(returncode: int) -> tuple[int, str]:
    """(exit status, signal name or '') of a Popen return code."""
    if returncode < 0:
        return 0, signal_name(-returncode)
    return returncode, ""


# -- spawnSync -------------------------------------------------------------


def run_sync(opts: dict, inputs: dict[int, bytes]) -> dict:
    file = opts["file"]
    args = opts.get("args") or [file]
    entries = opts.get("stdio") or []
    timeout = opts.get("timeout") or 0
    max_buffer = opts.get("maxBuffer")
    kill_signal = opts.get("killSignal") or signal.SIGTERM
    child_fds: list = []
    parent_ends: dict[int, socket.socket] = {}
    to_close: list[socket.socket] = []
    for i, entry in enumerate(entries):
        kind = entry.get("type")
        if kind == "pipe":
            parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            parent_ends[i] = parent
            to_close.append(child)
            child_fds.append(child.fileno())
        elif kind in ("inherit", "fd"):
            child_fds.append(int(entry.get("fd", i)))
        else:  # ignore
            child_fds.append(DEVNULL if i < 3 else None)
    proc, err = launch(file, args, opts.get("cwd"), opts.get("envPairs"), child_fds,
                       bool(opts.get("detached")), opts.get("uid"), opts.get("gid"))
    for s in to_close:
        s.close()
    if proc is None:
        for s in parent_ends.values():
            s.close()
        return {"error": err, "status": None, "signal": None, "output": None, "pid": 0}

    outputs: dict[int, list[bytes]] = {i: [] for i, e in enumerate(entries)
                                       if e.get("type") == "pipe" and e.get("writable")}
    error = 0
    total = 0
    killed = False
    sel = selectors.DefaultSelector()
    pending_input: dict[int, memoryview] = {}
    for i, sock in parent_ends.items():
        sock.setblocking(False)
        data = inputs.get(i)
        if i in outputs:
            sel.register(sock, selectors.EVENT_READ, i)
        if data:
            pending_input[i] = memoryview(data)
            if i in outputs:
                sel.modify(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, i)
            else:
                sel.register(sock, selectors.EVENT_WRITE, i)
        elif i not in outputs:
            sock.close()  # a stdin pipe with no input: EOF at once
    deadline = time.monotonic() + timeout / 1000.0 if timeout and timeout > 0 else None

    def close_pipes():
        for key in list(sel.get_map().values()):
            sel.unregister(key.fileobj)
            key.fileobj.close()

    def kill():
        nonlocal killed
        if killed:
            return
        killed = True
        if kill_process(proc, kill_signal) not in (0, CODES["ESRCH"]):
            kill_process(proc, signal.SIGKILL)
        close_pipes()

    while sel.get_map():
        wait = None
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0:
                error = error or UV_ETIMEDOUT
                kill()
                break
        for key, events in sel.select(wait):
            i = key.data
            sock = key.fileobj
            if events & selectors.EVENT_WRITE and i in pending_input:
                view = pending_input[i]
                try:
                    n = sock.send(view)
                except (BlockingIOError, InterruptedError):
                    n = 0
                except OSError:
                    n = len(view)
                view = view[n:]
                if view:
                    pending_input[i] = view
                else:
                    del pending_input[i]
                    if i in outputs:
                        sel.modify(sock, selectors.EVENT_READ, i)
                        try:
                            sock.shutdown(socket.SHUT_WR)
                        except OSError:
                            pass
                    else:
                        sel.unregister(sock)
                        sock.close()
                continue
            if events & selectors.EVENT_READ:
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(sock)
                    sock.close()
                    continue
                outputs[i].append(data)
                total += len(data)
                if max_buffer is not None and max_buffer >= 0 and total > max_buffer:
                    error = error or UV_ENOBUFS
                    kill()
                    break
    sel.close()
    while True:
        wait = None
        if deadline is not None and not killed:
            wait = max(0.0, deadline - time.monotonic())
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            error = error or UV_ETIMEDOUT
            kill()
    status, signame = exit_status(proc.returncode)
    output = [b"".join(outputs[i]) if i in outputs else None for i in range(len(entries))]
    result: dict = {}
    if error:
        result["error"] = error
    result.update({
        "status": None if signame else status,
        "signal": signame or None,
        "output": output,
        "pid": proc.pid,
    })
    return result


def create(host):
    engine = host.engine

    def spawn(options_json, inputs):
        opts = json.loads(engine.text(options_json))
        data: dict[int, bytes] = {}
        for i, value in enumerate(engine.to_list(inputs) if inputs is not None else []):
            if value is not None:
                data[i] = engine.to_bytes(value)
        return run_sync(opts, data)

    # As stream_wrap.load_shim, without importing trio for a synchronous binding.
    ident = "internal/bindings/spawn_sync"
    fn = host.compile_function(host.read_builtin(ident), f"node:{ident}", "native, internalBinding")
    if isinstance(fn, list):  # pragma: no cover - a bug in our own JS
        raise RuntimeError(f"{ident}: {fn}")
    binding_fn = engine.function(host._js_binding, "internalBinding", 1)
    return engine.call(fn, {"spawn": spawn}, binding_fn)
