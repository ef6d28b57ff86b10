"""internalBinding('os'): host facts for node:os."""

from __future__ import annotations

import os
import socket


def get_home_directory(ctx, env_home=None):
    """Like uv_os_homedir: $HOME when set, else the passwd entry."""
    if isinstance(env_home, str) and env_home:
        return env_home
    try:
        return __import__("pwd").getpwuid(os.getuid()).pw_dir
    except (KeyError, ImportError):
        return os.path.expanduser("~")


def user_info():
    """Like uv_os_get_passwd: every field from the passwd entry, never the
    environment (a CI shell without $SHELL or $USER still reports them)."""
    uid, gid = os.getuid(), os.getgid()
    try:
        pw = __import__("pwd").getpwuid(uid)
    except (KeyError, ImportError):
        return [uid, gid, os.environ.get("USER", ""), os.path.expanduser("~"), None]
    return [uid, gid, pw.pw_name, pw.pw_dir, pw.pw_shell]


def create(host):
    def loadavg():
        try:
            return list(os.getloadavg())
        except OSError:
            return [0, 0, 0]

    def meminfo():
        total = free = 0
        try:
            with open("/proc/meminfo") as f:
                for line in f:
                    k, v = line.split(":", 1)
                    if k == "MemTotal":
                        total = int(v.split()[0]) * 1024
                    elif k == "MemAvailable":
                        free = int(v.split()[0]) * 1024
        except OSError:
            pass
        return [total, free]

    def uptime():
        try:
            with open("/proc/uptime") as f:
                return float(f.read().split()[0])
        except OSError:
            return 0

    u = os.uname()
    return {
        "hostname": socket.gethostname,
        "uname": [u.sysname, u.release, u.version, u.machine],
        "loadavg": loadavg,
        "meminfo": meminfo,
        "uptime": uptime,
        "cpuCount": lambda: os.cpu_count() or 1,
        "homedir": lambda: os.path.expanduser("~"),
        "getHomeDirectory": get_home_directory,
        "tmpdir": lambda: os.environ.get("TMPDIR", "/tmp"),
        "userInfo": user_info,
        "interfaces": interfaces,
        "cpus": cpus,
        "constants": os_constants(),
        "getPriority": get_priority,
        "setPriority": set_priority,
        "unameVersion": u.version,
    }

ERRNO_NAMES = (
    "E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EALREADY EBADF EBADMSG EBUSY ECANCELED "
    "ECHILD ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDESTADDRREQ EDOM EDQUOT EEXIST EFAULT EFBIG "
    "EHOSTUNREACH EIDRM EILSEQ EINPROGRESS EINTR EINVAL EIO EISCONN EISDIR ELOOP EMFILE EMLINK EMSGSIZE "
    "EMULTIHOP ENAMETOOLONG ENETDOWN ENETRESET ENETUNREACH ENFILE ENOBUFS ENODATA ENODEV ENOENT ENOEXEC "
    "ENOLCK ENOLINK ENOMEM ENOMSG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTCONN ENOTDIR ENOTEMPTY "
    "ENOTSOCK ENOTSUP ENOTTY ENXIO EOPNOTSUPP EOVERFLOW EPERM EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE "
    "ERANGE EROFS ESPIPE ESRCH ESTALE ETIME ETIMEDOUT ETXTBSY EWOULDBLOCK EXDEV"
).split()
SIGNAL_NAMES = (
    "SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGIOT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2 "
    "SIGPIPE SIGALRM SIGTERM SIGCHLD SIGSTKFLT SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGXCPU "
    "SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPOLL SIGPWR SIGSYS"
).split()
_SIGNAL_FALLBACK = {"SIGIOT": 6, "SIGSTKFLT": 16, "SIGPOLL": 29, "SIGPWR": 30}


def os_constants():
    import errno as _errno
    import signal as _signal

    errnos = {n: getattr(_errno, n) for n in ERRNO_NAMES if hasattr(_errno, n)}
    signals = {}
    for n in SIGNAL_NAMES:
        v = getattr(_signal, n, None)
        if v is None:
            v = _SIGNAL_FALLBACK.get(n)
        if v is not None:
            signals[n] = int(v)
    dlopen = {}
    for n in ("RTLD_LAZY", "RTLD_NOW", "RTLD_GLOBAL", "RTLD_LOCAL", "RTLD_DEEPBIND"):
        if hasattr(os, n):
            dlopen[n] = getattr(os, n)
    return {"UV_UDP_REUSEADDR": 4, "dlopen": dlopen, "errno": errnos, "signals": signals}


def cpus():
    """[[model, speedMHz, user, nice, sys, idle, irq], ...] in ms like libuv."""
    models, speeds = [], []  # noqa: F841 (speeds kept for reference)
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if ":" not in line:
                    continue
                k, v = (x.strip() for x in line.split(":", 1))
                if k == "model name":
                    models.append(v)
                elif k == "cpu MHz":
                    try:
                        speeds.append(int(float(v)))
                    except ValueError:
                        speeds.append(0)
    except OSError:
        pass
    times = []
    try:
        tick = os.sysconf("SC_CLK_TCK") or 100
    except (ValueError, OSError):
        tick = 100
    mult = 1000 // tick
    try:
        with open("/proc/stat") as f:
            for line in f:
                parts = line.split()
                if parts and parts[0].startswith("cpu") and parts[0] != "cpu":
                    user, nice, sys_, idle, _iowait, irq = (int(x) for x in parts[1:7])
                    times.append([user * mult, nice * mult, sys_ * mult, idle * mult, irq * mult])
    except OSError:
        pass
    n = len(times) or (os.cpu_count() or 1)
    out = []
    for i in range(n):
        model = models[i] if i < len(models) else (models[0] if models else "unknown")
        # libuv reports the cpufreq driver's current frequency, else 0.
        speed = 0
        try:
            with open(f"/sys/devices/system/cpu/cpu{i}/cpufreq/scaling_cur_freq") as f:
                speed = int(f.read().strip()) // 1000
        except (OSError, ValueError):
            pass
        t = times[i] if i < len(times) else [0, 0, 0, 0, 0]
        out.append([model, speed] + t)
    return out


def interfaces():
    """[[name, address, netmask, family, mac, internal, scopeid], ...]."""
    import fcntl
    import struct

    out = []
    names = []
    try:
        names = [name for _i, name in socket.if_nameindex()]
    except OSError:
        names = ["lo"]

    def mac_of(name):
        try:
            with open(f"/sys/class/net/{name}/address") as f:
                return f.read().strip() or "00:00:00:00:00:00"
        except OSError:
            return "00:00:00:00:00:00"

    def is_loopback(name):
        try:
            with open(f"/sys/class/net/{name}/flags") as f:
                return bool(int(f.read().strip(), 16) & 0x8)
        except (OSError, ValueError):
            return name == "lo"

    def is_up(name):
        try:
            with open(f"/sys/class/net/{name}/flags") as f:
                return bool(int(f.read().strip(), 16) & 0x1)
        except (OSError, ValueError):
            return True

    v6 = {}
    try:
        with open("/proc/net/if_inet6") as f:
            for line in f:
                p = line.split()
                if len(p) < 6:
                    continue
                addr = socket.inet_ntop(socket.AF_INET6, bytes.fromhex(p[0]))
                prefix = int(p[2], 16)
                scope = int(p[3], 16)
                scopeid = int(p[1], 16) if scope == 0x20 else 0
                v6.setdefault(p[5], []).append((addr, prefix, scopeid))
    except OSError:
        pass

    s = None
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    except OSError:
        pass
    for name in names:
        if not is_up(name):
            continue
        mac = mac_of(name)
        internal = is_loopback(name)
        if s is not None:
            try:
                packed = struct.pack("256s", name.encode()[:15])
                addr = socket.inet_ntoa(fcntl.ioctl(s.fileno(), 0x8915, packed)[20:24])  # SIOCGIFADDR
                mask = socket.inet_ntoa(fcntl.ioctl(s.fileno(), 0x891B, packed)[20:24])  # SIOCGIFNETMASK
                out.append([name, addr, mask, "IPv4", mac, internal, -1])
            except OSError:
                pass
        for addr, prefix, scopeid in sorted(v6.get(name, []), key=lambda a: a[2] != 0):
            bits = (1 << 128) - (1 << (128 - prefix)) if prefix else 0
            mask = socket.inet_ntop(socket.AF_INET6, bits.to_bytes(16, "big"))
            out.append([name, addr, mask, "IPv6", mac, internal, scopeid])
    if s is not None:
        s.close()
    return out


def get_priority(pid):
    try:
        return os.getpriority(os.PRIO_PROCESS, int(pid))
    except OSError as e:
        return -e.errno - 100000


def set_priority(pid, prio):
    try:
        os.setpriority(os.PRIO_PROCESS, int(pid), int(prio))
        return 0
    except OSError as e:
        return -e.errno
