"""internalBinding('fs'): synchronous file-system natives.

Every call returns its result, or a negative errno (an int) that JS turns
into Node's ``uvException`` (``ENOENT: no such file or directory, open 'x'``).
"""

from __future__ import annotations

import errno
import json
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


def _dirent_type(entry) -> int:
    # libuv's UV_DIRENT_*: UNKNOWN 0, FILE 1, DIR 2, LINK 3, FIFO 4, SOCKET 5, CHAR 6, BLOCK 7.
    # The common kinds come from the entry's d_type; the rarer ones need an lstat.
    try:
        if entry.is_symlink():
            return 3
        if entry.is_dir(follow_symlinks=False):
            return 2
        if entry.is_file(follow_symlinks=False):
            return 1
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return 0
    for test, t in ((statmod.S_ISREG, 1), (statmod.S_ISDIR, 2), (statmod.S_ISLNK, 3), (statmod.S_ISFIFO, 4),
                    (statmod.S_ISSOCK, 5), (statmod.S_ISCHR, 6), (statmod.S_ISBLK, 7)):
        if test(mode):
            return t
    return 0


def create(host):
    engine = host.engine

    def path_of(p):
        # A Buffer path travels as its bytes; those that are not UTF-8 stay
        # bytes, which the os functions take as the raw file name.
        if isinstance(p, str):
            return p
        raw = engine.to_bytes(p)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw

    def internal_module_stat(path):
        # Node's contract: 0 file, 1 directory, negative when missing.
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return -2
        return 1 if statmod.S_ISDIR(st.st_mode) else 0

    def internal_module_read_json(path):
        # A package.json as the module loader needs it: [] when unreadable,
        # else [text, has_fields] where text is a JSON object of only the
        # fields resolution uses (the file's own text when it is no JSON, so
        # the loader reports the parse error).
        try:
            with open(path, "rb") as f:
                data = f.read()
        except (OSError, ValueError):
            return []
        text = data.decode("utf-8", "replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            return ["", False]
        try:
            parsed = json.loads(text)
        except ValueError:
            return [text, True]
        if not isinstance(parsed, dict):
            return ["{}", False]
        fields = {k: parsed[k] for k in ("name", "main", "exports", "imports", "type") if k in parsed}
        return [json.dumps(fields), bool(fields)]

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

    def write_file_utf8(fd, data):
        text = engine.text(data)
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates become U+FFFD, as V8's UTF-8 encoder writes them.
            payload = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(int(fd), view):]
        except OSError as e:
            return _err(e)
        return 0

    def stat(path, follow):
        try:
            st = os.stat(path_of(path)) if follow else os.lstat(path_of(path))
        except OSError as e:
            return _err(e)
        return _stat_array(st)

    def fstat(fd):
        try:
            return _stat_array(os.fstat(int(fd)))
        except OSError as e:
            return _err(e)

    def scandir(path, encoding, with_types):
        # Names as UTF-8 text (invalid bytes replaced, as Node's default), or
        # raw bytes for JS to decode in any other encoding; libuv's byte order.
        try:
            with os.scandir(os.fsencode(path_of(path))) as it:
                entries = sorted((e.name, _dirent_type(e) if with_types else 0) for e in it)
        except OSError as e:
            return _err(e)
        utf8 = encoding in (None, "utf8", "utf-8")
        names = [n.decode("utf-8", "replace") if utf8 else n for n, _ in entries]
        return [names, [t for _, t in entries]] if with_types else names

    def readdir(path, encoding=None, with_types=False, req=None):
        if req is None or not engine.is_js_value(req):
            return scandir(path, encoding, bool(with_types))
        # Node's request form: the scan completes as an fs request and calls
        # req.oncomplete(negativeErrno) or req.oncomplete(null, result).
        host.loop.active_reqs += 1
        if not submitted:
            host.loop.queue_close(hand_over)
        submitted.append(lambda: finish_req(req, scandir(path, encoding, bool(with_types))))
        return None

    def simple(fn):
        def call(*args):
            try:
                r = fn(*args)
            except OSError as e:
                return _err(e)
            return 0 if r is None else r
        return call

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

    def open_(path, flags, mode):
        try:
            return os.open(path_of(path), int(flags) | os.O_CLOEXEC, int(mode))
        except OSError as e:
            return _err(e)

    def mkdtemp(prefix):
        import random
        import string
        chars = string.ascii_letters + string.digits
        prefix = path_of(prefix)
        for _ in range(100):
            path = prefix + "".join(random.choice(chars) for _ in range(6))
            try:
                os.mkdir(path, 0o700)
            except FileExistsError:
                continue
            except OSError as e:
                return _err(e)
            return path
        return -errno.EEXIST

    def mkdirp(path, mode):
        # Node's contract: the first folder created, None when all existed.
        path = path_of(path)
        first = None
        parts = []
        # Walk up the path as written (no lexical '..' folding): the kernel
        # resolves 'a/b/../c' through 'a/b', which must then exist.
        cur = path.rstrip("/") or "/"
        while True:
            try:
                st = os.stat(cur)
            except FileNotFoundError:
                parts.append(cur)
                parent = os.path.dirname(cur)
                if parent in (cur, ""):
                    break
                cur = parent
                continue
            except OSError as e:
                return _err(e)
            if not statmod.S_ISDIR(st.st_mode):
                return -errno.ENOTDIR if parts else -errno.EEXIST
            break
        for d in reversed(parts):
            try:
                os.mkdir(d, int(mode))
            except FileExistsError:
                continue
            except OSError as e:
                return _err(e)
            if first is None:
                first = d
        return first

    def access(p, m):
        try:
            os.stat(path_of(p))
        except OSError as e:
            return _err(e)
        return 0 if os.access(path_of(p), int(m)) else -errno.EACCES

    def realpath(path):
        path = path_of(path)
        try:
            os.stat(path)
        except OSError as e:
            return _err(e)
        return os.path.realpath(path)

    def copy_file(src, dst, mode):
        # libuv's order: the source is opened first (ENOENT before EEXIST),
        # then the destination; the copy keeps the source's permission bits.
        src, dst = path_of(src), path_of(dst)
        flags = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC
        if int(mode) & 1:
            flags |= os.O_EXCL
        try:
            sfd = os.open(src, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as e:
            return _err(e)
        try:
            sst = os.fstat(sfd)
            dfd = os.open(dst, flags, sst.st_mode & 0o7777)
            try:
                dst_st = os.fstat(dfd)
                if (dst_st.st_dev, dst_st.st_ino) == (sst.st_dev, sst.st_ino):
                    return 0
                if statmod.S_ISDIR(sst.st_mode):
                    return -errno.EISDIR
                os.fchmod(dfd, sst.st_mode & 0o7777)
                os.ftruncate(dfd, 0)
                while True:
                    chunk = os.read(sfd, 1 << 20)
                    if not chunk:
                        break
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(dfd, view):]
            finally:
                os.close(dfd)
        except OSError as e:
            return _err(e)
        finally:
            os.close(sfd)
        return 0

    def utimes(p, a, m, follow=True):
        try:
            os.utime(path_of(p), ns=(int(float(a) * 1e9), int(float(m) * 1e9)), follow_symlinks=follow)
        except OSError as e:
            return _err(e)
        return 0

    def futimes(fd, a, m):
        try:
            os.utime(int(fd), ns=(int(float(a) * 1e9), int(float(m) * 1e9)))
        except OSError as e:
            return _err(e)
        return 0

    def statfs(path):
        try:
            st = os.statvfs(path_of(path))
        except OSError as e:
            return _err(e)
        # type bsize blocks bfree bavail files ffree (f_type is not in statvfs)
        return [0, st.f_bsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files, st.f_ffree]

    # fs requests: fn runs through MakeCallback in the poll phase of the
    # next loop iteration, as a libuv threadpool request completing while the
    # loop was busy would (immediates queued meanwhile run first).
    submitted: list = []

    def hand_over():
        batch = submitted[:]
        submitted.clear()
        for fn in batch:
            host.loop.queue_io(lambda fn=fn: complete(fn))

    def complete(fn):
        host.loop.active_reqs -= 1
        if engine.is_js_value(fn):
            host.make_callback(fn)
        else:
            fn()

    call_oncomplete = engine.eval_script(
        "(function (err, result) { return this.oncomplete(err, result); })", "node:internal/fs/req")

    def finish_req(req, result):
        if isinstance(result, int):
            host.make_callback(call_oncomplete, result, this=req)
        else:
            host.make_callback(call_oncomplete, None, result, this=req)

    def defer(fn):
        host.loop.active_reqs += 1
        if not submitted:
            host.loop.queue_close(hand_over)
        submitted.append(fn)

    return {
        "internalModuleStat": internal_module_stat,
        "internalModuleReadJSON": internal_module_read_json,
        "readFileUtf8": read_file_utf8,
        "readFile": read_file,
        "writeFileUtf8": write_file_utf8,
        "realpath": realpath,
        "stat": stat,
        "fstat": fstat,
        "readdir": readdir,
        "open": open_,
        "close": simple(lambda fd: os.close(int(fd))),
        "read": read,
        "write": write,
        "access": access,
        "mkdir": simple(lambda p, mode: os.mkdir(path_of(p), int(mode))),
        "mkdirp": mkdirp,
        "mkdtemp": mkdtemp,
        "link": simple(lambda t, p: os.link(path_of(t), path_of(p))),
        "fchmod": simple(lambda fd, m: os.fchmod(int(fd), int(m))),
        "chown": simple(lambda p, u, g: os.chown(path_of(p), int(u), int(g))),
        "lchown": simple(lambda p, u, g: os.lchown(path_of(p), int(u), int(g))),
        "fchown": simple(lambda fd, u, g: os.fchown(int(fd), int(u), int(g))),
        "truncate": simple(lambda p, n: os.truncate(path_of(p), int(n))),
        "fdatasync": simple(lambda fd: os.fdatasync(int(fd))),
        "futimes": futimes,
        "lutimes": lambda p, a, m: utimes(p, a, m, False),
        "statfs": statfs,
        "defer": defer,
        "rmdir": simple(lambda p: os.rmdir(path_of(p))),
        "unlink": simple(lambda p: os.unlink(path_of(p))),
        "rename": simple(lambda a, b: os.rename(path_of(a), path_of(b))),
        "rmrf": simple(lambda p: __import__("shutil").rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.unlink(p)),
        "symlink": simple(lambda t, p: os.symlink(path_of(t), path_of(p))),
        "readlink": simple(lambda p: os.readlink(path_of(p))),
        "chmod": simple(lambda p, m: os.chmod(path_of(p), int(m))),
        "ftruncate": simple(lambda fd, n: os.ftruncate(int(fd), int(n))),
        "utimes": utimes,
        "copyFile": copy_file,
        "fsync": simple(lambda fd: os.fsync(int(fd))),
    }
