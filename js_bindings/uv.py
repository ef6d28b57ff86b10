"""internalBinding('uv'): libuv's error names, numbers and messages.

The one errno table of the socket and DNS bindings: an ``OSError`` (or a
``socket.gaierror``) becomes a negative libuv errno with :func:`errno_of`,
and JS turns that number into Node's ``code``/``message`` through
``errname``/``getErrorMap`` (or ``internal/errors``, which holds the same
table).  On Linux libuv's numbers are ``-errno``; the ``EAI_*`` and the
libuv-only codes (``EOF``, ``UNKNOWN``, ``ECHARSET``, ``EFTYPE``) have fixed
numbers below -3000.
"""

from __future__ import annotations

import errno as _errno
import socket as _socket

# (name, number on Linux, libuv message), as libuv's UV_ERRNO_MAP.
UV_ERRORS: tuple[tuple[str, int, str], ...] = (
    ("E2BIG", -7, "argument list too long"),
    ("EACCES", -13, "permission denied"),
    ("EADDRINUSE", -98, "address already in use"),
    ("EADDRNOTAVAIL", -99, "address not available"),
    ("EAFNOSUPPORT", -97, "address family not supported"),
    ("EAGAIN", -11, "resource temporarily unavailable"),
    ("EAI_ADDRFAMILY", -3000, "address family not supported"),
    ("EAI_AGAIN", -3001, "temporary failure"),
    ("EAI_BADFLAGS", -3002, "bad ai_flags value"),
    ("EAI_BADHINTS", -3013, "invalid value for hints"),
    ("EAI_CANCELED", -3003, "request canceled"),
    ("EAI_FAIL", -3004, "permanent failure"),
    ("EAI_FAMILY", -3005, "ai_family not supported"),
    ("EAI_MEMORY", -3006, "out of memory"),
    ("EAI_NODATA", -3007, "no address"),
    ("EAI_NONAME", -3008, "unknown node or service"),
    ("EAI_OVERFLOW", -3009, "argument buffer overflow"),
    ("EAI_PROTOCOL", -3014, "resolved protocol is unknown"),
    ("EAI_SERVICE", -3010, "service not available for socket type"),
    ("EAI_SOCKTYPE", -3011, "socket type not supported"),
    ("EALREADY", -114, "connection already in progress"),
    ("EBADF", -9, "bad file descriptor"),
    ("EBUSY", -16, "resource busy or locked"),
    ("ECANCELED", -125, "operation canceled"),
    ("ECHARSET", -4080, "invalid Unicode character"),
    ("ECONNABORTED", -103, "software caused connection abort"),
    ("ECONNREFUSED", -111, "connection refused"),
    ("ECONNRESET", -104, "connection reset by peer"),
    ("EDESTADDRREQ", -89, "destination address required"),
    ("EEXIST", -17, "file already exists"),
    ("EFAULT", -14, "bad address in system call argument"),
    ("EFBIG", -27, "file too large"),
    ("EFTYPE", -4028, "inappropriate file type or format"),
    ("EHOSTDOWN", -112, "host is down"),
    ("EHOSTUNREACH", -113, "host is unreachable"),
    ("EILSEQ", -84, "illegal byte sequence"),
    ("EINTR", -4, "interrupted system call"),
    ("EINVAL", -22, "invalid argument"),
    ("EIO", -5, "i/o error"),
    ("EISCONN", -106, "socket is already connected"),
    ("EISDIR", -21, "illegal operation on a directory"),
    ("ELOOP", -40, "too many symbolic links encountered"),
    ("EMFILE", -24, "too many open files"),
    ("EMLINK", -31, "too many links"),
    ("EMSGSIZE", -90, "message too long"),
    ("ENAMETOOLONG", -36, "name too long"),
    ("ENETDOWN", -100, "network is down"),
    ("ENETUNREACH", -101, "network is unreachable"),
    ("ENFILE", -23, "file table overflow"),
    ("ENOBUFS", -105, "no buffer space available"),
    ("ENODATA", -61, "no data available"),
    ("ENODEV", -19, "no such device"),
    ("ENOENT", -2, "no such file or directory"),
    ("ENOMEM", -12, "not enough memory"),
    ("ENONET", -64, "machine is not on the network"),
    ("ENOPROTOOPT", -92, "protocol not available"),
    ("ENOSPC", -28, "no space left on device"),
    ("ENOSYS", -38, "function not implemented"),
    ("ENOTCONN", -107, "socket is not connected"),
    ("ENOTDIR", -20, "not a directory"),
    ("ENOTEMPTY", -39, "directory not empty"),
    ("ENOTSOCK", -88, "socket operation on non-socket"),
    ("ENOTSUP", -95, "operation not supported on socket"),
    ("ENOTTY", -25, "inappropriate ioctl for device"),
    ("ENXIO", -6, "no such device or address"),
    ("EOF", -4095, "end of file"),
    ("EOVERFLOW", -75, "value too large for defined data type"),
    ("EPERM", -1, "operation not permitted"),
    ("EPIPE", -32, "broken pipe"),
    ("EPROTO", -71, "protocol error"),
    ("EPROTONOSUPPORT", -93, "protocol not supported"),
    ("EPROTOTYPE", -91, "protocol wrong type for socket"),
    ("ERANGE", -34, "result too large"),
    ("EREMOTEIO", -121, "remote I/O error"),
    ("EROFS", -30, "read-only file system"),
    ("ESHUTDOWN", -108, "cannot send after transport endpoint shutdown"),
    ("ESOCKTNOSUPPORT", -94, "socket type not supported"),
    ("ESPIPE", -29, "invalid seek"),
    ("ESRCH", -3, "no such process"),
    ("ETIMEDOUT", -110, "connection timed out"),
    ("ETXTBSY", -26, "text file is busy"),
    ("EUNATCH", -49, "protocol driver not attached"),
    ("EXDEV", -18, "cross-device link not permitted"),
    ("UNKNOWN", -4094, "unknown error"),
)


def _native(name: str, default: int) -> int:
    """The errno this OS uses for ``name`` (negative), else libuv's fixed one."""
    if default <= -3000:
        return default
    value = getattr(_errno, name, None)
    return -value if isinstance(value, int) else default


ERRORS: dict[int, tuple[str, str]] = {}
CODES: dict[str, int] = {}
for _name, _default, _message in UV_ERRORS:
    _code = _native(_name, _default)
    ERRORS.setdefault(_code, (_name, _message))
    CODES[_name] = _code

UV_EOF = CODES["EOF"]
UV_UNKNOWN = CODES["UNKNOWN"]

# getaddrinfo's EAI_* (negative in glibc) -> libuv's numbers.
_GAI = {}
for _name in ("EAI_ADDRFAMILY", "EAI_AGAIN", "EAI_BADFLAGS", "EAI_FAIL", "EAI_FAMILY",
              "EAI_MEMORY", "EAI_NODATA", "EAI_NONAME", "EAI_OVERFLOW", "EAI_SERVICE",
              "EAI_SOCKTYPE", "EAI_CANCELED"):
    _value = getattr(_socket, _name, None)
    if isinstance(_value, int):
        _GAI[_value] = CODES[_name]


def errno_of(exc: BaseException) -> int:
    """The negative libuv errno for an exception from a socket call.

    The single place where Python's errors become Node's numbers.
    """
    if isinstance(exc, _socket.gaierror):
        return _GAI.get(exc.errno, CODES["EAI_FAIL"])
    if isinstance(exc, OSError) and isinstance(exc.errno, int) and exc.errno > 0:
        return -exc.errno
    if isinstance(exc, OSError):
        return CODES["EINVAL"]
    return UV_UNKNOWN


def errname(err: int) -> str:
    entry = ERRORS.get(int(err))
    return entry[0] if entry else f"Unknown system error {err}"


def create(host):
    from .stream_wrap import load_shim  # noqa: PLC0415

    native: dict = {
        "errname": errname,
        "errorList": lambda: [[code, name, msg] for code, (name, msg) in ERRORS.items()],
        "codes": {f"UV_{name}": code for name, code in CODES.items()},
    }
    return load_shim(host, "internal/bindings/uv", native)
