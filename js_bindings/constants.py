"""internalBinding('constants'): errno, signal and fs numbers of this OS."""

from __future__ import annotations

import errno
import os
import signal


def create(host):
    errnos = {name: code for code, name in errno.errorcode.items()}
    signals = {
        name: int(getattr(signal, name))
        for name in dir(signal)
        if name.startswith("SIG") and not name.startswith("SIG_") and isinstance(getattr(signal, name), int)
    }
    fs = {name: getattr(os, name) for name in dir(os) if name.startswith(("O_", "F_", "R_", "W_", "X_"))}
    fs.update({"S_IFMT": 0o170000, "S_IFREG": 0o100000, "S_IFDIR": 0o040000, "S_IFCHR": 0o020000,
               "S_IFBLK": 0o060000, "S_IFIFO": 0o010000, "S_IFLNK": 0o120000, "S_IFSOCK": 0o140000,
               "UV_FS_COPYFILE_EXCL": 1, "COPYFILE_EXCL": 1,
               "UV_FS_SYMLINK_DIR": 1, "UV_FS_SYMLINK_JUNCTION": 2, "UV_FS_O_FILEMAP": 0,
               "UV_FS_COPYFILE_FICLONE": 2, "COPYFILE_FICLONE": 2,
               "UV_FS_COPYFILE_FICLONE_FORCE": 4, "COPYFILE_FICLONE_FORCE": 4})
    # libuv's uv_dirent_type_t
    for i, name in enumerate(("UNKNOWN", "FILE", "DIR", "LINK", "FIFO", "SOCKET", "CHAR", "BLOCK")):
        fs["UV_DIRENT_" + name] = i
    # messages for uv error names, as libuv's uv_strerror gives them
    messages = {name: os.strerror(code) for code, name in errno.errorcode.items()}
    return {"os": {"errno": errnos, "signals": signals}, "fs": fs, "errmessages": messages}
