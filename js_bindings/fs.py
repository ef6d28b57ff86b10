"""internalBinding('fs'): synchronous file-system natives.

Every call returns its result, or a negative errno (an int) that JS turns
into Node's ``uvException`` (``ENOENT: no such file or directory, open 'x'``).
"""

from __future__ import annotations

import errno
import os
import stat as statmod


def _err(e: OSError) -> int:
    return -(e.errno or errno.EIO)


def _stat_array(st) -> list:
    return [
        st.st_dev, st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_rdev,
        st.st_blksize, st.st_ino, st.st_size, st.st_blocks,
        st.st_atime_ns / 1e6, st.st_mtime_ns / 1e6, st.st_ctime_ns / 1e6,
        getattr(st, "st_birthtime", st.st_ctime) * 1e3,
    ]


def create(host):
    engine = host.engine

    def internal_module_stat(path):
        # Node's contract: 0 file, 1 directory, negative when missing.
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return -2
        return 1 if statmod.S_ISDIR(st.st_mode) else 0

    def read_file_utf8(path):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            return _err(e)
        return data.decode("utf-8", "replace")

    def read_file(path):
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError as e:
            return _err(e)

    def write_file(path, data, flags, mode):
        payload = engine.to_bytes(data)
        try:
            fd = os.open(path, int(flags), int(mode))
            try:
                view = memoryview(payload)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        except OSError as e:
            return _err(e)
        return 0

    def realpath(path):
        try:
            os.stat(path)
        except OSError as e:
            return _err(e)
        return os.path.realpath(path)

    def stat(path, follow):
        try:
            st = os.stat(path) if follow else os.lstat(path)
        except OSError as e:
            return _err(e)
        return _stat_array(st)

    def fstat(fd):
        try:
            return _stat_array(os.fstat(int(fd)))
        except OSError as e:
            return _err(e)

    def readdir(path):
        try:
            return sorted(os.listdir(path))
        except OSError as e:
            return _err(e)

    def simple(fn):
        def call(*args):
            try:
                r = fn(*args)
            except OSError as e:
                return _err(e)
            return 0 if r is None else r
        return call

    def open_(path, flags, mode):
        try:
            return os.open(path, int(flags), int(mode))
        except OSError as e:
            return _err(e)

    def read(fd, length, position):
        try:
            if position is None or (isinstance(position, (int, float)) and position < 0):
                return os.read(int(fd), int(length))
            return os.pread(int(fd), int(length), int(position))
        except OSError as e:
            return _err(e)

    def write(fd, data, position):
        payload = engine.to_bytes(data)
        try:
            if position is None or (isinstance(position, (int, float)) and position < 0):
                return os.write(int(fd), payload)
            return os.pwrite(int(fd), payload, int(position))
        except OSError as e:
            return _err(e)

    return {
        "internalModuleStat": internal_module_stat,
        "readFileUtf8": read_file_utf8,
        "readFile": read_file,
        "writeFile": write_file,
        "realpath": realpath,
        "stat": stat,
        "fstat": fstat,
        "readdir": readdir,
        "open": open_,
        "close": simple(lambda fd: os.close(int(fd))),
        "read": read,
        "write": write,
        "access": simple(lambda p, m: None if os.access(p, int(m)) else (_ for _ in ()).throw(PermissionError(errno.EACCES, "access"))),
        "mkdir": simple(lambda p, mode: os.mkdir(p, int(mode))),
        "mkdirp": simple(lambda p, mode: os.makedirs(p, int(mode), exist_ok=True)),
        "rmdir": simple(os.rmdir),
        "unlink": simple(os.unlink),
        "rename": simple(os.rename),
        "rmrf": simple(lambda p: __import__("shutil").rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.unlink(p)),
        "symlink": simple(lambda t, p: os.symlink(t, p)),
        "readlink": simple(os.readlink),
        "chmod": simple(lambda p, m: os.chmod(p, int(m))),
        "ftruncate": simple(lambda fd, n: os.ftruncate(int(fd), int(n))),
        "utimes": simple(lambda p, a, m: os.utime(p, (float(a), float(m)))),
        "copyFile": simple(lambda s, d: __import__("shutil").copyfile(s, d) and None),
        "fsync": simple(lambda fd: os.fsync(int(fd))),
    }
