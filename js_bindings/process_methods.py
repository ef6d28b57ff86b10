"""internalBinding('process_methods'): the process-level natives behind
``process`` (exit, cwd, hrtime, memory, signals, raw stdio writes)."""

from __future__ import annotations

import errno
import grp
import os
import pwd
import resource
import signal
import sys
import threading
import time

from ..engine import ProcessExit
from ..execpath import argv0, exec_path


def _write_all(fd: int, data: bytes) -> int:
    """0, or the negative errno of a failed write (EPIPE when the reader left)."""
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except BlockingIOError:
            time.sleep(0.001)
            continue
        except OSError as exc:
            return -(exc.errno or errno.EIO)
        view = view[n:]
    return 0


class SharedEnv(dict):
    """process.env shared by threads (worker_threads SHARE_ENV): one store,
    read and written by each thread's process.env under a lock."""

    def __init__(self, items=()):
        super().__init__(items)
        self.lock = threading.Lock()


def create(host):
    engine = host.engine
    opts = host.options
    start = time.monotonic()

    def really_exit(code):
        engine.request_exit(int(code or 0) & 0xFF)
        # Unwind the JS stack now; the interrupt handler set above makes the
        # unwinding uncatchable at the next check (QuickJS has no
        # uncatchable throw in its public API).
        raise ProcessExit(int(code or 0) & 0xFF)

    def abort():
        if opts.hosted:  # the host process is not ours to end
            really_exit(134)
        os.abort()

    def write(fd, data):
        payload = engine.to_bytes(data)
        target = opts.stdout if fd == 1 else opts.stderr if fd == 2 else None
        if target is not None:
            target.write(payload)
            return len(payload)
        stream = sys.stdout if fd == 1 else sys.stderr if fd == 2 else None
        if stream is not None:  # None when the fd was closed at start-up
            stream.flush()
        err = _write_all(int(fd), payload)
        return err if err < 0 else len(payload)

    def chdir(path):
        try:
            os.chdir(path)
            return 0
        except OSError as e:
            return -(e.errno or errno.EIO)

    def umask(mask=None):
        if mask is None or mask is engine_undefined:
            old = os.umask(0)
            os.umask(old)
            return old
        return os.umask(int(mask))

    def memory_usage():
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        try:
            with open("/proc/self/statm") as f:
                rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            pass
        usage = engine.memory_usage()
        heap_total = int(usage.get("malloc_size", 0))
        heap_used = int(usage.get("memory_used_size", heap_total))
        return [rss, heap_total, heap_used, 0, 0]

    def kill(pid, sig):
        try:
            os.kill(int(pid), int(sig))
            return 0
        except OSError as e:
            return -(e.errno or errno.EPERM)

    def cpu_usage():
        r = resource.getrusage(resource.RUSAGE_SELF)
        return [int(r.ru_utime * 1e6), int(r.ru_stime * 1e6)]

    def guess_handle_type(fd):
        """uv_guess_handle: TTY, FILE, PIPE (FIFOs, Unix sockets), TCP, UDP, UNKNOWN."""
        import socket  # noqa: PLC0415
        import stat  # noqa: PLC0415

        fd = int(fd)
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            return "UNKNOWN"
        if stat.S_ISCHR(mode):
            return "TTY" if os.isatty(fd) else "FILE"
        if stat.S_ISREG(mode):
            return "FILE"
        if stat.S_ISFIFO(mode):
            return "PIPE"
        if stat.S_ISSOCK(mode):
            try:
                s = socket.socket(fileno=os.dup(fd))
            except OSError:
                return "UNKNOWN"
            try:
                if s.type == socket.SOCK_DGRAM:
                    return "UDP" if s.family in (socket.AF_INET, socket.AF_INET6) else "UNKNOWN"
                if s.family == socket.AF_UNIX:
                    return "PIPE"
                return "TCP" if s.family in (socket.AF_INET, socket.AF_INET6) else "UNKNOWN"
            finally:
                s.close()
        return "UNKNOWN"

    from ..engine import Undefined as engine_undefined

    # Credentials, as Node's setuid() family: a name is looked up first; 1
    # means "no such user/group" (the JS side throws ERR_UNKNOWN_CREDENTIAL),
    # otherwise 0 or a negative errno.
    def _uid(ident):
        if isinstance(ident, str):
            try:
                return pwd.getpwnam(ident).pw_uid
            except KeyError:
                return None
        return int(ident)

    def _gid(ident):
        if isinstance(ident, str):
            try:
                return grp.getgrnam(ident).gr_gid
            except KeyError:
                return None
        return int(ident)

    _setters = {
        "setuid": (_uid, os.setuid),
        "seteuid": (_uid, os.seteuid),
        "setgid": (_gid, os.setgid),
        "setegid": (_gid, os.setegid),
    }

    def set_credential(which, ident):
        lookup, setter = _setters[which]
        value = lookup(ident)
        if value is None:
            return 1
        try:
            setter(value)
        except OSError as e:
            return -(e.errno or errno.EPERM)
        return 0

    def setgroups(groups):
        gids = []
        for index, ident in enumerate(engine.to_list(groups)):
            gid = _gid(ident)
            if gid is None:
                return index + 1  # 1-based position of the unknown group
            gids.append(gid)
        try:
            os.setgroups(gids)
        except OSError as e:
            return -(e.errno or errno.EPERM)
        return 0

    def initgroups(user, extra_group):
        if isinstance(user, str):
            name = user
        else:
            try:
                name = pwd.getpwuid(int(user)).pw_name
            except KeyError:
                return 1
        gid = _gid(extra_group)
        if gid is None:
            return 2
        try:
            os.initgroups(name, gid)
        except OSError as e:
            return -(e.errno or errno.EPERM)
        return 0

    def _meminfo(field):
        try:
            with open("/proc/meminfo") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return 0

    def _cgroup_limit():
        """The cgroup memory limit, or None when unconstrained."""
        for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
            try:
                with open(path) as f:
                    text = f.read().strip()
            except OSError:
                continue
            if text == "max":
                return None
            try:
                value = int(text)
            except ValueError:
                continue
            # cgroup v1 reports "no limit" as a huge page-rounded number.
            return value if value < (1 << 62) else None
        return None

    def constrained_memory():
        # libuv's "no constraint" is UINT64_MAX (a double once in JS).
        limit = _cgroup_limit()
        return float(2**64 - 1) if limit is None else limit

    def available_memory():
        free = _meminfo("MemAvailable") or _meminfo("MemFree")
        limit = _cgroup_limit()
        if limit is None:
            return free
        used = 0
        for path in ("/sys/fs/cgroup/memory.current", "/sys/fs/cgroup/memory/memory.usage_in_bytes"):
            try:
                with open(path) as f:
                    used = int(f.read().strip())
                break
            except (OSError, ValueError):
                continue
        return min(free, max(limit - used, 0))

    def set_timezone(value):
        """process.env.TZ changed: the C library's local time follows it."""
        if opts.hosted:
            return  # a hosted runtime does not own the process's environment
        if value is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = value
        time.tzset()

    env = opts.env if opts.env is not None else dict(os.environ)
    if isinstance(opts.env, SharedEnv):
        host._shared_env = opts.env

    def share_env(pairs):
        """Make this thread's environment the shared store (from its current
        variables, flat [key, value...] pairs) unless it already is."""
        if getattr(host, "_shared_env", None) is None:
            items = [engine.text(x) for x in engine.to_list(pairs)]
            host._shared_env = SharedEnv(zip(items[::2], items[1::2]))
        return True

    def env_items():
        shared = host._shared_env
        with shared.lock:
            return [x for item in shared.items() for x in item]

    def env_set(key, value):
        shared = host._shared_env
        with shared.lock:
            if value is None:
                shared.pop(engine.text(key), None)
            else:
                shared[engine.text(key)] = engine.text(value)

    # process._getActiveHandles(): every open, ref'd handle, as Node's
    # handle_wrap_queue walk; names as Node's MemoryInfoName.
    loop = host.loop
    loop.track_handles()
    handle_names = {
        "TCPHandle": lambda h: "TCPServerWrap" if getattr(h, "kind", 0) == 1 else "TCPSocketWrap",
        "PipeHandle": lambda h: "PipeWrap",
        "TTYHandle": lambda h: "TTYWrap",
        "ProcessHandle": lambda h: "ProcessWrap",
        "UDPHandle": lambda h: "UDPWrap",
        "FSEventHandle": lambda h: "FSEventWrap",
    }

    def _live_handles():
        for h in list(getattr(loop, "_handles", None) or ()):
            if h.closing or not h._ref or getattr(h, "js", None) is None:
                continue
            yield h

    def active_handles():
        return [h.js for h in _live_handles()]

    def openssl_version():
        # The OpenSSL that node:tls and node:crypto run on (Python's _ssl is
        # linked against it); loaded on first read, not at start-up.
        import _ssl  # noqa: PLC0415

        major, minor, fix, patch, _status = _ssl.OPENSSL_VERSION_INFO
        if major >= 3:
            return f"{major}.{minor}.{patch}"
        return f"{major}.{minor}.{fix}" + (chr(ord("a") + patch - 1) if patch else "")

    def active_handle_names():
        out = []
        for h in _live_handles():
            name = handle_names.get(type(h).__name__)
            out.append(name(h) if name else type(h).__name__)
        return out

    return {
        "activeHandles": active_handles,
        "activeHandleNames": active_handle_names,
        "strerror": lambda code: os.strerror(int(code)),
        "reallyExit": really_exit,
        "opensslVersion": openssl_version,
        # SIGABRT, as abort(3): the parent sees the signal (and a core dump
        # where enabled).
        "abort": abort,
        "exitRequested": lambda: engine.exit_code is not None,
        "writeSync": write,
        "cwd": os.getcwd,
        "chdir": chdir,
        "umask": umask,
        "hrtimeNs": time.monotonic_ns,
        "uptime": lambda: time.monotonic() - start,
        "memoryUsage": memory_usage,
        "cpuUsage": cpu_usage,
        "kill": kill,
        "pid": os.getpid(),
        "ppid": os.getppid(),
        "execPath": exec_path(),
        "argv0": argv0() or opts.argv[0],
        "argv": list(opts.argv),
        "execArgv": list(opts.exec_argv),
        "env": env,
        "platform": sys.platform if sys.platform != "linux" else "linux",
        "arch": {"x86_64": "x64", "aarch64": "arm64", "AMD64": "x64"}.get(os.uname().machine, os.uname().machine),
        "signals": {name: int(getattr(signal, name)) for name in dir(signal) if name.startswith("SIG") and not name.startswith("SIG_") and isinstance(getattr(signal, name), int)},
        "isatty": lambda fd: os.isatty(int(fd)),
        "guessHandleType": guess_handle_type,
        "getgroups": lambda: sorted(set(os.getgroups()) | {os.getegid()}),
        "getuid": os.getuid,
        "geteuid": os.geteuid,
        "getgid": os.getgid,
        "getegid": os.getegid,
        "setCredential": set_credential,
        "setgroups": setgroups,
        "initgroups": initgroups,
        "constrainedMemory": constrained_memory,
        "availableMemory": available_memory,
        "setTimezone": set_timezone,
        "envShared": lambda: getattr(host, "_shared_env", None) is not None,
        "shareEnv": share_env,
        "envItems": env_items,
        "envSet": env_set,
        # Node restores the terminal state it saved for fds 0-2; nothing saved here.
        "resetStdioForTesting": lambda: None,
    }
