"""internalBinding('os'): host facts for node:os."""

from __future__ import annotations

import os
import socket


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
        "tmpdir": lambda: os.environ.get("TMPDIR", "/tmp"),
        "userInfo": lambda: [os.getuid(), os.getgid(), os.environ.get("USER") or __import__("pwd").getpwuid(os.getuid()).pw_name, os.path.expanduser("~"), os.environ.get("SHELL", "")],
        "interfaces": lambda: [],
    }
