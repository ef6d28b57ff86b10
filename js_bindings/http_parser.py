"""internalBinding('http_parser'): Node's HTTPParser contract on h11.

The only module that imports h11.  Node's parser is llhttp; the JS side
(``_http_common``, ``_http_server``, ``_http_client``) depends on llhttp's
observable behaviour: which callbacks fire in which order, the 0/1/2 answer of
``kOnHeadersComplete``, where ``execute`` stops on Upgrade/CONNECT, and which
``HPE_*`` code and reason a malformed input produces.  The split here:

* The message head (start line and header fields) is read by this module:
  a regex fast path for well-formed heads, and a byte scanner
  (:func:`_diagnose`) that runs only on incomplete or rejected heads and
  reports llhttp's code, reason and error position.  h11 cannot be used for
  the head as is: it refuses what llhttp accepts (no ``Host``, several
  ``Host``, ``Transfer-Encoding`` other than chunked, unknown methods are
  checked differently) and loses the error position.
* Whether a message has a body follows llhttp's rules
  (``after_headers_complete``: HEAD/1xx/204/304, CONNECT, Upgrade, the JS
  answer 1 = skip body, 2 = upgrade).  A Content-Length body is a byte count
  kept here (the read's bytes go to kOnBody as they are).  Chunked bodies
  with trailers and read-until-EOF bodies are framed by an ``h11.Connection`` fed a
  synthesized head carrying only the framing header, then the raw body bytes:
  h11 yields Data / EndOfMessage(trailers) and tells where the message ends
  (``trailing_data``), which is where the next pipelined message starts.  A
  shadow scanner (:class:`_ChunkCheck`) walks chunk-size lines alongside, only
  to give llhttp's errors (chunk size chars, extension chars, the 16 KiB
  extension limit) which h11 does not check.
* Every failure is a :class:`ParseError` (code, reason, position); h11's
  exceptions are translated in one place (:func:`_from_h11`); the JS shim
  (``polyfills/internal/bindings/http_parser.js``) turns the
  ``[code, reason, bytesParsed]`` triple into Node's ``Error('Parse Error')``.

JS callbacks run synchronously inside ``execute`` through a JS guard that
catches and stashes a throw; Python then stops parsing and ``execute``
returns ``None``, on which the shim rethrows the stashed error.
"""

from __future__ import annotations

import re
import time


class _LazyH11:
    """h11, imported when the first body needs framing: require('http')
    alone should not pay its import (8 ms of start-up)."""

    def __getattr__(self, name: str):
        import h11 as real  # noqa: PLC0415

        self.__dict__.update(real.__dict__)
        return getattr(real, name)


h11 = _LazyH11()

from ..engine import Undefined

# llhttp_type_t
REQUEST = 1
RESPONSE = 2

K_ON_MESSAGE_BEGIN = 0
K_ON_HEADERS = 1
K_ON_HEADERS_COMPLETE = 2
K_ON_BODY = 3
K_ON_MESSAGE_COMPLETE = 4
K_ON_EXECUTE = 5
K_ON_TIMEOUT = 6

LENIENT_HEADERS = 1 << 0
LENIENT_CHUNKED_LENGTH = 1 << 1
LENIENT_KEEP_ALIVE = 1 << 2
LENIENT_TRANSFER_ENCODING = 1 << 3
LENIENT_VERSION = 1 << 4
LENIENT_DATA_AFTER_CLOSE = 1 << 5
LENIENT_OPTIONAL_LF_AFTER_CR = 1 << 6
LENIENT_OPTIONAL_CRLF_AFTER_CHUNK = 1 << 7
LENIENT_OPTIONAL_CR_BEFORE_LF = 1 << 8
LENIENT_SPACES_AFTER_CHUNK_SIZE = 1 << 9
LENIENT_ALL = (1 << 10) - 1

MAX_HEADER_FIELDS = 32  # a flush to kOnHeaders happens when field #32 starts
MAX_CHUNK_EXTENSIONS = 16384
DEFAULT_MAX_HEADER_SIZE = 16384

# llhttp's method numbering (llhttp.h, HTTP_ALL_METHOD_MAP).  ``methods`` is
# the HTTP subset in its declaration order, as Node builds it; the index JS
# receives is llhttp's number (so QUERY, 46, is past the end of ``methods``
# exactly as in Node 20).
ALL_METHODS = (
    "DELETE GET HEAD POST PUT CONNECT OPTIONS TRACE COPY LOCK MKCOL MOVE PROPFIND "
    "PROPPATCH SEARCH UNLOCK BIND REBIND UNBIND ACL REPORT MKACTIVITY CHECKOUT MERGE "
    "M-SEARCH NOTIFY SUBSCRIBE UNSUBSCRIBE PATCH PURGE MKCALENDAR LINK UNLINK SOURCE "
    "PRI DESCRIBE ANNOUNCE SETUP PLAY PAUSE TEARDOWN GET_PARAMETER SET_PARAMETER "
    "REDIRECT RECORD FLUSH QUERY"
).split()
HTTP_METHODS = ALL_METHODS[:34] + ["QUERY"]
METHOD_INDEX = {m: i for i, m in enumerate(ALL_METHODS)}
_RTSP_ONLY = set(range(35, 46))
_METHOD_PREFIXES = {m[:k] for m in ALL_METHODS for k in range(1, len(m) + 1)}
M_CONNECT = METHOD_INDEX["CONNECT"]
M_PRI = METHOD_INDEX["PRI"]

_TOKEN = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TOKEN_CHARS = frozenset(_TOKEN.encode())
# llhttp's strict header value: HTAB, SP..~, obs-text.
_VALUE_BAD = frozenset(c for c in range(256) if not (c == 9 or 0x20 <= c <= 0x7E or c >= 0x80))
_URL_BAD = frozenset(list(range(0, 0x21)) + [0x7F])
_VERSIONS = {(0, 9), (1, 0), (1, 1), (2, 0)}

# Fast path, over the latin-1 decoded head (one char per byte).
_tok = re.escape(_TOKEN)
_REQUEST_LINE = re.compile(r"([A-Z_-]+) ([^\x00-\x20\x7f]+) HTTP/(\d)\.(\d)")
_STATUS_LINE = re.compile(r"HTTP/(\d)\.(\d) (\d\d\d)(?: ([\t\x20-\x7e\x80-\xff]*))?")
_HEADER_LINE = re.compile(rf"([{_tok}]+):[ \t]*([\t\x20-\x7e\x80-\xff]*)")
_CL_VALUE = re.compile(r"[0-9]+")
_OWS = " \t"


class ParseError(Exception):
    """A malformed input, as llhttp reports it: code, reason, position."""

    def __init__(self, code: str, reason: str, pos: int = 0):
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
        self.pos = pos


# What the shim's guard returns when a callback threw (the error is stashed).
THREW = "\x00nodeshim:threw"


class JSThrew(Exception):
    """A JS callback threw; its error waits in the shim's stash."""


def _from_h11(exc: h11.ProtocolError, chunked: bool, pos: int) -> ParseError:
    """The one translation of h11's errors into llhttp's (body phase)."""
    msg = str(exc)
    if msg.startswith("Receive buffer too long"):
        if chunked:
            return ParseError("HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow", pos)
        return ParseError("HPE_HEADER_OVERFLOW", "Header overflow", pos)
    if msg.startswith("illegal chunk header"):
        return ParseError("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", pos)
    if msg.startswith("malformed chunk footer"):
        return ParseError("HPE_STRICT", "Expected LF after chunk data", pos)
    if msg.startswith("peer closed") or msg.startswith("peer unexpectedly closed"):
        return ParseError("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
    if "header" in msg or "continuation line" in msg:
        return ParseError("HPE_INVALID_HEADER_TOKEN", "Invalid header token", pos)
    return ParseError("HPE_INTERNAL", msg, pos)


# ---------------------------------------------------------------------------
# The head: fast path and diagnosis
# ---------------------------------------------------------------------------


class _Head:
    """What the head said, as llhttp's parser fields and flags."""

    __slots__ = ("major", "minor", "method", "url", "status", "reason", "headers",
                 "content_length", "chunked", "te", "close", "keep_alive",
                 "conn_upgrade", "upgrade_hdr")

    def __init__(self):
        self.major = self.minor = 1
        self.method = 0
        self.url = ""
        self.status = 0
        self.reason = ""
        self.headers: list[str] = []
        self.content_length: int | None = None
        self.chunked = False
        self.te = False
        self.close = False
        self.keep_alive = False
        self.conn_upgrade = False
        self.upgrade_hdr = False


def _header_semantics(head: _Head, name: str, value: str, lenient: int, pos: int,
                      kind: int = REQUEST) -> None:
    """llhttp's per-header flags and errors (Content-Length, Transfer-Encoding,
    Connection, Upgrade).  Raises ParseError."""
    lname = name.lower()
    if lname == "content-length":
        if not value:
            raise ParseError("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length", pos)
        if not _CL_VALUE.fullmatch(value):
            raise ParseError("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", pos)
        if head.content_length is not None:
            raise ParseError("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", pos)
        if head.te and not lenient & LENIENT_CHUNKED_LENGTH:
            raise ParseError("HPE_INVALID_CONTENT_LENGTH",
                             "Content-Length can't be present with Transfer-Encoding", pos)
        n = int(value)
        if n >= 1 << 64:
            raise ParseError("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", pos)
        head.content_length = n
    elif lname == "transfer-encoding":
        if head.content_length is not None and not lenient & LENIENT_CHUNKED_LENGTH:
            raise ParseError("HPE_INVALID_TRANSFER_ENCODING",
                             "Transfer-Encoding can't be present with Content-Length", pos)
        if kind == REQUEST and not lenient & LENIENT_TRANSFER_ENCODING:
            # Once chunked is chosen no other coding may follow in a request
            # (RFC 9112 6.1), neither in this header nor in a later one.
            if head.chunked:
                raise ParseError("HPE_INVALID_TRANSFER_ENCODING",
                                 "Invalid `Transfer-Encoding` header value", pos)
            at = 0
            for tok in value.split(",")[:-1]:
                at += len(tok) + 1
                if tok.strip(_OWS).lower() == "chunked":
                    raise ParseError("HPE_INVALID_TRANSFER_ENCODING",
                                     "Invalid `Transfer-Encoding` header value", pos + at)
        head.te = True
        last = value.rsplit(",", 1)[-1].strip(_OWS).lower()
        head.chunked = last == "chunked"
    elif lname == "connection":
        for tok in value.lower().split(","):
            tok = tok.strip(_OWS)
            if tok == "close":
                head.close = True
            elif tok == "keep-alive":
                head.keep_alive = True
            elif tok == "upgrade":
                head.conn_upgrade = True
    elif lname == "upgrade":
        head.upgrade_hdr = True


def _parse_head(kind: int, text: str, lenient: int, max_size: int) -> _Head | None:
    """Fast path over a complete head (``text`` ends before the blank line).

    Returns None when anything does not match the common shape; the caller
    then asks :func:`_diagnose` for llhttp's exact error."""
    lines = text.split("\r\n")
    head = _Head()
    first = lines[0]
    size = 0
    if kind == REQUEST:
        m = _REQUEST_LINE.fullmatch(first)
        if m is None:
            return None
        method = METHOD_INDEX.get(m.group(1))
        if method is None or method in _RTSP_ONLY or method == M_PRI:
            return None
        url = m.group(2)
        c = url[0]
        if not (c == "/" or c == "*" or c.isalpha() or (method == M_CONNECT and c.isalnum())):
            return None
        head.method = method
        head.url = url
        size = len(url)
    else:
        m = _STATUS_LINE.fullmatch(first)
        if m is None:
            return None
        head.status = int(m.group(3))
        head.reason = m.group(4) or ""
        size = len(head.reason)
    if kind == REQUEST:
        head.major, head.minor = int(m.group(3)), int(m.group(4))
    else:
        head.major, head.minor = int(m.group(1)), int(m.group(2))
    if (head.major, head.minor) not in _VERSIONS and not lenient & LENIENT_VERSION:
        return None
    headers = head.headers
    match = _HEADER_LINE.fullmatch
    pos = len(first) + 2
    for line in lines[1:]:
        hm = match(line)
        if hm is None:
            return None
        name, value = hm.groups()
        value = value.rstrip(_OWS)
        size += len(name) + len(hm.group(2))
        if size >= max_size:
            raise ParseError("HPE_HEADER_OVERFLOW", "Header overflow", pos + len(line))
        headers.append(name)
        headers.append(value)
        if name[0] in "CcTtUu":
            _header_semantics(head, name, value, lenient, pos + hm.start(2), kind)
        pos += len(line) + 2
    if size >= max_size:
        raise ParseError("HPE_HEADER_OVERFLOW", "Header overflow", pos)
    return head


def _diagnose(kind: int, buf: bytes, lenient: int, max_size: int, complete: bool) -> None:
    """Walk a head (complete or not) as llhttp does and raise the first error.

    Returns None when ``buf`` is a valid prefix of a head, or the parsed
    :class:`_Head` when ``buf`` holds a whole head (through the blank line).
    The lenient parser (``insecureHTTPParser``) takes its heads from here:
    obs-fold continuation lines join the previous value, and header values
    may hold any byte but CR and LF, as llhttp's lenient mode allows."""
    n = len(buf)
    i = 0
    size = 0
    head = _Head()

    def err(code, reason, at):
        raise ParseError(code, reason, at)

    def version(i):
        for k, ch in enumerate(b"HTTP/"):
            if i + k >= n:
                return None
            if buf[i + k] != ch:
                err("HPE_INVALID_CONSTANT", "Expected HTTP/", i + k)
        i += 5
        if i >= n:
            return None
        if not 0x30 <= buf[i] <= 0x39:
            err("HPE_INVALID_VERSION", "Invalid major version", i)
        if i + 1 >= n:
            return None
        if buf[i + 1] != 0x2E:
            err("HPE_INVALID_VERSION", "Expected dot", i + 1)
        if i + 2 >= n:
            return None
        if not 0x30 <= buf[i + 2] <= 0x39:
            err("HPE_INVALID_VERSION", "Invalid minor version", i + 2)
        if (buf[i] - 48, buf[i + 2] - 48) not in _VERSIONS and not lenient & LENIENT_VERSION:
            err("HPE_INVALID_VERSION", "Invalid HTTP version", i + 2)
        return i + 3

    def crlf(i, cr_missing, lf_missing_code="HPE_STRICT", lf_missing="Expected LF after CR"):
        # -> index after the line end, or None when incomplete.
        if i >= n:
            return None
        c = buf[i]
        if c == 0x0D:
            if i + 1 >= n:
                return None
            if buf[i + 1] != 0x0A:
                if lenient & LENIENT_OPTIONAL_LF_AFTER_CR:
                    return i + 1
                err(lf_missing_code, lf_missing, i + 1)
            return i + 2
        if c == 0x0A:
            if lenient & LENIENT_OPTIONAL_CR_BEFORE_LF:
                return i + 1
            err(*cr_missing, i)
        return -1

    if kind == REQUEST:
        j = i
        while j < n and buf[j] != 0x20:
            if buf[i:j + 1].decode("latin-1") not in _METHOD_PREFIXES:
                err("HPE_INVALID_METHOD", "Invalid method encountered", j)
            j += 1
        if j >= n:
            return
        method = METHOD_INDEX.get(buf[i:j].decode("latin-1"))
        if method is None:
            err("HPE_INVALID_METHOD", "Expected space after method", j)
        head.method = method
        i = j + 1
        if i >= n:
            return
        c = buf[i]
        if not (c in (0x2F, 0x2A) or chr(c).isalpha() or (method == M_CONNECT and chr(c).isalnum())):
            err("HPE_INVALID_URL", "Unexpected start char in url", i)
        j = i
        while j < n and buf[j] not in (0x20, 0x0D, 0x0A):
            if buf[j] in _URL_BAD:
                err("HPE_INVALID_URL", "Invalid characters in url", j)
            j += 1
        size += j - i
        if size >= max_size:
            err("HPE_HEADER_OVERFLOW", "Header overflow", j)
        if j >= n:
            return
        if buf[j] != 0x20:
            err("HPE_INVALID_CONSTANT", "Expected HTTP/", j)
        head.url = buf[i:j].decode("latin-1")
        i = version(j + 1)
        if i is None:
            return
        if method in _RTSP_ONLY:
            err("HPE_INVALID_CONSTANT", "Invalid method for HTTP/x.x request", i)
        head.major, head.minor = buf[i - 3] - 48, buf[i - 1] - 48
        if method == M_PRI and buf[i - 3:i] == b"2.0":
            err("HPE_PAUSED_H2_UPGRADE", "Pause on PRI/Upgrade", i)
        r = crlf(i, ("HPE_STRICT", "Expected CRLF after version"))
        if r is None:
            return
        if r < 0:
            err("HPE_INVALID_VERSION", "Expected CRLF after version", i)
        i = r
    else:
        i = version(0)
        if i is None:
            return
        if i >= n:
            return
        head.major, head.minor = buf[i - 3] - 48, buf[i - 1] - 48
        if buf[i] != 0x20:
            err("HPE_INVALID_VERSION", "Expected space after version", i)
        i += 1
        for k in range(3):
            if i + k >= n:
                return
            if not 0x30 <= buf[i + k] <= 0x39:
                err("HPE_INVALID_STATUS", "Invalid status code", i + k)
        head.status = int(buf[i:i + 3])
        i += 3
        if i >= n:
            return
        if buf[i] == 0x20:
            i += 1
            j = i
            while j < n and buf[j] not in (0x0D, 0x0A):
                j += 1
            head.reason = buf[i:j].decode("latin-1")
            size += j - i
            if size >= max_size:
                err("HPE_HEADER_OVERFLOW", "Header overflow", j)
            i = j
        r = crlf(i, ("HPE_CR_EXPECTED", "Missing expected CR after response line"))
        if r is None:
            return
        if r < 0:
            err("HPE_INVALID_STATUS", "Invalid response status", i)
        i = r

    first = True
    headers = head.headers
    while i < n:
        c = buf[i]
        if c in (0x0D, 0x0A):
            r = crlf(i, ("HPE_STRICT", "Expected LF after headers"), "HPE_STRICT", "Expected LF after headers")
            if r is None or r < 0:
                return None
            return head
        if c in (0x20, 0x09):
            if first:
                err("HPE_UNEXPECTED_SPACE", "Unexpected space after start line", i)
            if not lenient & LENIENT_HEADERS:
                err("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", i)
            # obs-fold: the line, from its first whitespace, continues the
            # previous value.
            j = i
            while j < n and buf[j] not in (0x0D, 0x0A):
                j += 1
            size += j - i
            if size >= max_size:
                err("HPE_HEADER_OVERFLOW", "Header overflow", j)
            r = crlf(j, ("HPE_CR_EXPECTED", "Missing expected CR after header value"),
                     "HPE_LF_EXPECTED", "Missing expected LF after header value")
            if r is None:
                return None
            more = buf[i:j].decode("latin-1").rstrip(_OWS)
            if more.strip(_OWS):
                headers[-1] = headers[-1] + more if headers[-1] else more.lstrip(_OWS)
            i = r
            continue
        first = False
        j = i
        while j < n and buf[j] != 0x3A:
            if buf[j] not in _TOKEN_CHARS and not (buf[j] in (0x20, 0x09) and j > i
                                                   and lenient & LENIENT_HEADERS):
                err("HPE_INVALID_HEADER_TOKEN", "Invalid header token", j)
            j += 1
        size += j - i
        if size >= max_size:
            err("HPE_HEADER_OVERFLOW", "Header overflow", j)
        if j >= n:
            return
        if j == i:
            err("HPE_INVALID_HEADER_TOKEN", "Invalid header token", j)
        name = buf[i:j].decode("latin-1")
        j += 1
        while j < n and buf[j] in (0x20, 0x09):
            j += 1
        vstart = j
        while j < n and buf[j] not in (0x0D, 0x0A):
            if buf[j] in _VALUE_BAD and not lenient & LENIENT_HEADERS:
                err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", j)
            j += 1
        size += j - vstart
        if size >= max_size:
            err("HPE_HEADER_OVERFLOW", "Header overflow", j)
        r = crlf(j, ("HPE_CR_EXPECTED", "Missing expected CR after header value"),
                 "HPE_LF_EXPECTED", "Missing expected LF after header value")
        if r is None:
            return
        value = buf[vstart:j].decode("latin-1").rstrip(_OWS)
        _header_semantics(head, name, value, lenient, vstart, kind)
        headers.append(name)
        headers.append(value)
        i = r


# ---------------------------------------------------------------------------
# Chunk-size lines, checked as llhttp does beside h11's framing
# ---------------------------------------------------------------------------

_HEX = frozenset(b"0123456789abcdefABCDEF")


class _ChunkCheck:
    """Shadow of the chunked framing, only to raise llhttp's errors for the
    chunk-size line (size chars, extension chars, extension size)."""

    __slots__ = ("state", "left", "ext", "lenient", "digits")

    # states: 0 size, 1 extensions, 2 LF after size line, 3 data, 4 CR after
    # data, 5 LF after data, 6 trailers (h11 checks those)
    def __init__(self, lenient: int):
        self.state = 0
        self.left = 0
        self.ext = 0
        self.digits = 0
        self.lenient = lenient

    def feed(self, data, base: int) -> None:
        i = 0
        n = len(data)
        while i < n:
            st = self.state
            if st == 3:
                take = min(self.left, n - i)
                self.left -= take
                i += take
                if self.left == 0:
                    self.state = 4
                continue
            if st == 6:
                return
            c = data[i]
            if st == 0:
                if c in _HEX:
                    self.left = self.left * 16 + int(chr(c), 16)
                    self.digits += 1
                    if self.left >= 1 << 64:
                        raise ParseError("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", base + i)
                elif self.digits and c == 0x3B:
                    self.state = 1
                    self.ext = 0
                elif self.digits and c == 0x0D:
                    self.state = 2
                elif self.digits and c in (0x20, 0x09) and self.lenient & LENIENT_SPACES_AFTER_CHUNK_SIZE:
                    pass
                else:
                    raise ParseError("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", base + i)
            elif st == 1:
                if c == 0x0D:
                    self.state = 2
                elif c == 0x0A:
                    raise ParseError("HPE_CR_EXPECTED", "Missing expected CR after chunk extension name",
                                     base + i)
                elif c < 0x20 and c != 0x09 or c == 0x7F:
                    raise ParseError("HPE_STRICT", "Invalid character in chunk extensions", base + i)
                else:
                    self.ext += 1
                    if self.ext > MAX_CHUNK_EXTENSIONS:
                        raise ParseError("HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow",
                                         base + i)
            elif st == 2:
                if c != 0x0A:
                    raise ParseError("HPE_STRICT", "Expected LF after chunk size", base + i)
                if self.left == 0:
                    self.state = 6
                    return
                self.state = 3
                self.digits = 0
            elif st == 4:
                if c != 0x0D:
                    raise ParseError("HPE_CR_EXPECTED", "Missing expected CR after chunk data", base + i)
                self.state = 5
            elif st == 5:
                if c != 0x0A:
                    raise ParseError("HPE_STRICT", "Expected LF after chunk data", base + i)
                self.state = 0
                self.left = 0
                self.digits = 0
            i += 1


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------

# The callbacks after which a consumed read drains the task queues.
_DRAINING = frozenset((K_ON_HEADERS, K_ON_BODY))

# states
S_HEAD = 0
S_BODY = 1
S_CLOSED = 2  # after a message that was not keep-alive
S_DEAD = 3    # after an error

_SYNTH_REQ = b"PUT / HTTP/1.1\r\nhost: _\r\n"
_SYNTH_CHUNKED = _SYNTH_REQ + b"transfer-encoding: chunked\r\n\r\n"


class Parser:
    """One HTTPParser: llhttp's state, callbacks into JS by index."""

    def __init__(self, host, js, guard, default_max_header_size: int):
        self.host = host
        self.call = host.engine.call
        self.js = js
        self.guard = guard
        self.default_max = default_max_header_size
        self.kind = REQUEST
        self.max_header_size = default_max_header_size
        self.lenient = 0
        self.reset()
        self.current = b""
        self.paused = False
        self.last_start = 0
        self.headers_completed = False
        self.in_list = False
        self.active = False
        self.stream = None        # the StreamHandle this parser consumed
        self.on_read = None       # JS trampoline run for each consumed read
        self.pending = None       # the bytes of the read being delivered

    def reset(self) -> None:
        self.state = S_HEAD
        self.partial = b""
        self.body = None          # h11.Connection while a body is read
        self.body_left = 0        # Content-Length bytes still to come (no h11)
        self.chunks = None        # _ChunkCheck for chunked bodies
        self.eof_body = False
        self.head = None
        self.skip = False
        self.upgrade = False
        self.error = None
        self.begun = False

    # -- JS contract -------------------------------------------------------

    def initialize(self, kind, max_header_size=0, lenient=0, in_list=False):
        self.kind = int(kind)
        size = int(max_header_size or 0)
        self.max_header_size = size if size > 0 else self.default_max
        self.lenient = int(lenient or 0)
        self.reset()
        self.paused = False
        self.headers_completed = False
        self.in_list = bool(in_list)
        if self.in_list:
            self.last_start = time.monotonic_ns()
            self.active = True
        else:
            self.last_start = 0
            self.active = False

    def _cb(self, index, *args):
        stream = self.reading_from
        if stream is not None and index in _DRAINING:
            # A consumed read: node_http_parser.cc calls kOnHeaders and
            # kOnBody through MakeCallback with no JS below it, so nextTicks
            # and microtasks run after each of them (a 'data' listener added
            # by the request handler is resumed before the message
            # completes); the other callbacks skip the task queues.
            r = self.host.make_callback(self.guard, self.js, index, *args, this=stream.js)
        else:
            r = self.call(self.guard, self.js, index, *args)
        if r == THREW:
            raise JSThrew()
        return r

    def execute(self, data):
        if type(data) is not bytes:
            data = self.host.engine.to_bytes(data)
        self.current = data
        try:
            return self._execute(data)
        finally:
            self.current = b""

    # -- consume(handle): socket bytes straight into the parser ---------------

    def consume(self, stream, on_read) -> None:
        """Take the reads of a Python stream handle (Node's parser.consume):
        each read runs ``on_read`` once through MakeCallback on the handle,
        which calls :meth:`execute_pending` and then ``kOnExecute``; the bytes
        never become a JS Buffer or a ``'data'`` event.  A handle that is not
        ours (a JS stream) keeps the ``execute()`` path."""
        if not hasattr(stream, "read_listener") or stream.closing:
            return
        self.unconsume()
        self.stream = stream
        self.on_read = on_read
        stream.read_listener = self

    def unconsume(self) -> None:
        stream, self.stream = self.stream, None
        self.on_read = None
        if stream is not None and stream.read_listener is self:
            stream.read_listener = None

    def on_stream_read(self, stream, data: bytes) -> None:
        self.pending = data
        try:
            self.host.make_callback(self.on_read, self.js, this=stream.js)
        finally:
            self.pending = None
            self.current = b""

    def execute_pending(self):
        """The read being delivered, parsed; ``current`` stays set for
        kOnExecute (getCurrentBuffer), as node_http_parser.cc does."""
        data = self.pending
        if data is None:
            return 0
        self.pending = None
        self.current = data
        self.reading_from = self.stream
        try:
            return self._execute(data)
        finally:
            self.reading_from = None

    def _execute(self, data: bytes):
        if self.error is not None:
            code, reason = self.error
            return [code, reason, 0]
        if self.paused:
            return ["HPE_PAUSED", "Paused", 0]
        try:
            return self._run(data)
        except ParseError as e:
            self.state = S_DEAD
            self.error = (e.code, e.reason)
            pos = max(0, min(e.pos, len(data)))
            return [e.code, e.reason, pos]
        except JSThrew:
            self.state = S_DEAD
            self.error = ("HPE_USER", "JS Exception")
            return None

    def finish(self):
        """End of input.  None: fine; a triple: parse error; False: a
        callback threw (the shim rethrows)."""
        if self.error is not None:
            return None
        try:
            if self.state == S_HEAD:
                if self.partial or self.begun:
                    raise ParseError("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
                return None
            if self.state == S_BODY:
                if not self.eof_body:
                    raise ParseError("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)
                conn = self.body
                conn.receive_data(b"")
                self._drain(conn, 0, 0)
            return None
        except ParseError as e:
            self.state = S_DEAD
            self.error = (e.code, e.reason)
            return [e.code, e.reason, 0]
        except JSThrew:
            self.state = S_DEAD
            self.error = ("HPE_USER", "JS Exception")
            return False

    # -- the loop over one buffer -----------------------------------------

    def _run(self, data: bytes):
        n = len(data)
        pos = 0
        while pos < n:
            st = self.state
            if st == S_HEAD:
                pos = self._head(data, pos)
                if pos < 0:  # upgrade: stop here, the rest is another protocol
                    return -pos - 1
            elif st == S_BODY:
                pos = self._body(data, pos)
                if pos < 0:
                    return -pos - 1
            elif st == S_CLOSED:
                while pos < n and data[pos] in (0x0D, 0x0A):
                    pos += 1
                if pos < n:
                    if self.lenient & LENIENT_DATA_AFTER_CLOSE:
                        self.state = S_HEAD
                    else:
                        raise ParseError("HPE_CLOSED_CONNECTION", "Data after `Connection: close`", pos + 1)
            else:
                return n
        return n

    def _head(self, data: bytes, pos: int) -> int:
        partial = self.partial
        if partial:
            buf = partial + data[pos:]
            shift = pos - len(partial)  # buf index + shift = data index
        else:
            n = len(data)
            while pos < n and data[pos] in (0x0D, 0x0A):
                pos += 1
            if pos == n:
                return n
            buf = data[pos:] if pos else data
            shift = pos
        if not self.begun:
            self._message_begin()
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            try:
                _diagnose(self.kind, buf, self.lenient, self.max_header_size, False)
            except ParseError as e:
                e.pos += shift
                raise
            if len(buf) >= self.max_header_size + 8192:
                raise ParseError("HPE_HEADER_OVERFLOW", "Header overflow", len(data))
            self.partial = bytes(buf)
            return len(data)
        self.partial = b""
        try:
            head = _parse_head(self.kind, buf[:end].decode("latin-1"), self.lenient, self.max_header_size)
            if head is None:
                head = _diagnose(self.kind, buf[:end + 4], self.lenient, self.max_header_size, True)
                if head is None or not self.lenient & LENIENT_HEADERS:
                    raise ParseError("HPE_INVALID_HEADER_TOKEN", "Invalid header token", end)
        except ParseError as e:
            e.pos += shift
            raise
        return self._headers_complete(head, end + 4 + shift, data)

    def _message_begin(self) -> None:
        self.begun = True
        self.headers_completed = False
        if self.in_list:
            self.last_start = time.monotonic_ns()
            self.active = True
        if self.mask & (1 << K_ON_MESSAGE_BEGIN):
            self._cb(K_ON_MESSAGE_BEGIN)

    mask = 0  # which callbacks JS has installed (bit per index); set by the shim
    reading_from = None  # the consumed stream handle while its read is parsed

    def _headers_complete(self, head: _Head, pos: int, data: bytes) -> int:
        self.headers_completed = True
        kind = self.kind
        lenient = self.lenient
        # llhttp__before_headers_complete
        if head.upgrade_hdr and head.conn_upgrade:
            upgrade = kind == REQUEST or head.status == 101
        else:
            upgrade = kind == REQUEST and head.method == M_CONNECT
        keep_alive = self._keep_alive(head, False)
        headers = head.headers
        url = head.url if kind == REQUEST else Undefined
        if len(headers) >= 2 * MAX_HEADER_FIELDS:
            # More fields than llhttp's buffer: batches of 31 go to kOnHeaders,
            # the rest as well, and headers-complete gets neither.
            step = 2 * (MAX_HEADER_FIELDS - 1)
            first = True
            for k in range(0, len(headers), step):
                self._cb(K_ON_HEADERS, headers[k:k + step], url if first and kind == REQUEST else "")
                first = False
            headers = Undefined
            url = Undefined
        if kind == REQUEST:
            args = (head.major, head.minor, headers, head.method, url, Undefined, Undefined, upgrade,
                    keep_alive)
        else:
            args = (head.major, head.minor, headers, Undefined, Undefined, head.status, head.reason, upgrade,
                    keep_alive)
        r = 0
        if self.mask & (1 << K_ON_HEADERS_COMPLETE):
            r = self._cb(K_ON_HEADERS_COMPLETE, *args)
            if r is None or r is False:
                r = 0
            elif r is True:
                r = 1
            elif not isinstance(r, (int, float)) or r != r:
                r = 0
            r = int(r)
        if r == 1:
            self.skip = True
        elif r == 2:
            self.skip = True
            upgrade = True
        elif r != 0:
            raise ParseError("HPE_CB_HEADERS_COMPLETE", "User callback error", pos)
        self.upgrade = upgrade
        self.head = head
        # llhttp__after_headers_complete
        has_body = head.chunked or (head.content_length or 0) > 0
        if (upgrade and (head.method == M_CONNECT or self.skip or not has_body)) or \
                (kind == RESPONSE and head.status == 101):
            self._message_complete()
            return -pos - 1
        status = head.status
        if kind == RESPONSE and status == 100:
            return self._message_complete_at(pos)
        if self.skip or (kind == RESPONSE and status in (102, 103, 204, 304)):
            return self._message_complete_at(pos)
        if head.chunked:
            return self._start_body(data, pos, "chunked")
        if head.te:
            if kind == REQUEST and not lenient & (LENIENT_CHUNKED_LENGTH | LENIENT_TRANSFER_ENCODING):
                raise ParseError("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`",
                                 pos)
            return self._start_body(data, pos, "eof")
        if head.content_length is None:
            if self._needs_eof(head):
                return self._start_body(data, pos, "eof")
            return self._message_complete_at(pos)
        if head.content_length == 0:
            return self._message_complete_at(pos)
        return self._start_body(data, pos, head.content_length)

    def _needs_eof(self, head: _Head) -> bool:
        if self.kind == REQUEST:
            return False
        s = head.status
        if s // 100 == 1 or s == 204 or s == 304 or self.skip:
            return False
        if head.te and not head.chunked:
            return True
        if head.chunked or head.content_length is not None:
            return False
        return True

    def _keep_alive(self, head: _Head, after: bool) -> bool:
        if head.major > 0 and head.minor > 0:
            if head.close:
                return False
        elif not head.keep_alive:
            return False
        return not self._needs_eof(head)

    # -- bodies through h11 -------------------------------------------------

    def _start_body(self, data: bytes, pos: int, framing) -> int:
        if type(framing) is int:
            # Content-Length framing is a byte count: kept here, it spares
            # h11's receive buffer and Data events two copies of every read.
            self.body_left = framing
            self.state = S_BODY
            return self._body(data, pos)
        if framing == "eof":
            conn = h11.Connection(h11.CLIENT)
            conn.send(h11.Request(method="GET", target="/", headers=[("host", "_")]))
            conn.receive_data(b"HTTP/1.1 200 \r\n\r\n")
            self.eof_body = True
        else:
            conn = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_CHUNK_EXTENSIONS + 64)
            if framing == "chunked":
                conn.receive_data(_SYNTH_CHUNKED)
                self.chunks = _ChunkCheck(self.lenient)
            else:
                conn.receive_data(_SYNTH_REQ + b"content-length: %d\r\n\r\n" % framing)
        conn.next_event()  # the synthesized head
        self.body = conn
        self.state = S_BODY
        return self._body(data, pos)

    def _body(self, data: bytes, pos: int) -> int:
        left = self.body_left
        if left:
            n = len(data)
            take = n - pos
            if take <= 0:
                return n
            if take > left:
                take = left
            left -= take
            self.body_left = left
            if self.mask & (1 << K_ON_BODY):
                self._cb(K_ON_BODY, data if take == n else data[pos:pos + take])
            if left == 0:
                return self._message_complete_at(pos + take)
            return n
        conn = self.body
        chunk = data[pos:] if pos else data
        if not chunk:  # h11 reads b"" as end of stream
            return len(data)
        if self.chunks is not None:
            self.chunks.feed(chunk, pos)
        conn.receive_data(chunk)
        return self._drain(conn, pos, len(data))

    def _drain(self, conn, pos: int, n: int) -> int:
        next_event = conn.next_event
        Data = h11.Data
        while True:
            try:
                ev = next_event()
            except h11.RemoteProtocolError as exc:
                raise _from_h11(exc, self.chunks is not None, n) from None
            t = type(ev)
            if t is Data:
                if self.mask & (1 << K_ON_BODY):
                    self._cb(K_ON_BODY, bytes(ev.data))
                continue
            if t is h11.EndOfMessage:
                rest = len(conn.trailing_data[0])
                end = n - rest
                trailers = ev.headers
                if len(trailers) and self.mask & (1 << K_ON_HEADERS):
                    flat = []
                    for name, value in trailers.raw_items():
                        flat.append(name.decode("latin-1"))
                        flat.append(value.decode("latin-1"))
                    self._cb(K_ON_HEADERS, flat, "")
                self.body = None
                self.chunks = None
                self.eof_body = False
                return self._message_complete_at(max(end, pos))
            # NEED_DATA (or PAUSED, which cannot happen for one message)
            return n

    # -- end of a message ---------------------------------------------------

    def _message_complete(self) -> None:
        head = self.head
        if self.in_list:
            self.last_start = 0
            self.active = False
        keep = self._keep_alive(head, True) if head is not None else True
        upgrade = self.upgrade
        self.state = S_HEAD
        self.head = None
        self.skip = False
        self.upgrade = False
        self.begun = False
        self.body = None
        self.body_left = 0
        self.chunks = None
        if not keep and not upgrade and not self.lenient & LENIENT_KEEP_ALIVE:
            self.state = S_CLOSED
        if self.mask & (1 << K_ON_MESSAGE_COMPLETE):
            self._cb(K_ON_MESSAGE_COMPLETE)

    def _message_complete_at(self, pos: int) -> int:
        upgrade = self.upgrade
        self._message_complete()
        if upgrade:
            return -pos - 1
        return pos

    # -- timing for ConnectionsList --------------------------------------

    def duration(self) -> float:
        if self.last_start == 0:
            return 0
        return (time.monotonic_ns() - self.last_start) / 1e6

    def timing(self):
        return [self.last_start, self.headers_completed, self.active]

    def check_expired(self, headers_deadline: int, request_deadline: int) -> bool:
        if not self.active:
            return False
        start = self.last_start
        if (not self.headers_completed and headers_deadline > 0 and start < headers_deadline) or \
                (request_deadline > 0 and start < request_deadline):
            self.active = False
            return True
        return False

    def remove(self) -> None:
        self.in_list = False
        self.active = False




def create(host):
    engine = host.engine
    max_size = DEFAULT_MAX_HEADER_SIZE
    opts = getattr(host, "options", None)
    for flag in getattr(opts, "exec_argv", None) or []:
        if flag.startswith("--max-http-header-size="):
            try:
                max_size = int(flag.split("=", 1)[1])
            except ValueError:
                pass
    insecure = bool(getattr(opts, "insecure_http_parser", False))
    parsers: dict = {}

    def new_parser(js, guard):
        p = Parser(host, js, guard, max_size)
        wrap = engine.host_object(p)
        return wrap

    def expired(plist, headers_timeout, request_timeout):
        """Indices of the parsers past their headers/request deadline (ms)."""
        h = int(headers_timeout) * 1_000_000
        r = int(request_timeout) * 1_000_000
        if h == 0 and r == 0:
            return []
        if r > 0 and h > r:
            h, r = r, h
        now = time.monotonic_ns()
        hd = now - h if h > 0 and now > h else 0
        rd = now - r if r > 0 and now > r else 0
        if hd == 0 and rd == 0:
            return []
        plist = engine.to_list(plist)
        return [i for i, p in enumerate(plist) if p.check_expired(hd, rd)]

    native = {
        "newParser": new_parser,
        "initialize": lambda p, kind, size, lenient, in_list: p.initialize(kind, size, lenient, in_list),
        "execute": lambda p, data, mask: _set_mask(p, mask).execute(data),
        "finish": lambda p, mask: _set_mask(p, mask).finish(),
        "pause": lambda p: setattr(p, "paused", True),
        "resume": lambda p: setattr(p, "paused", False),
        "consume": lambda p, stream, on_read: p.consume(stream, on_read),
        "unconsume": lambda p: p.unconsume(),
        "executePending": lambda p, mask: _set_mask(p, mask).execute_pending(),
        "getCurrentBuffer": lambda p: p.current,
        "duration": lambda p: p.duration(),
        "headersCompleted": lambda p: p.headers_completed,
        "remove": lambda p: p.remove(),
        "timing": lambda p: p.timing(),
        "isActive": lambda p: p.active,
        "expired": expired,
        "constants": {
            "REQUEST": REQUEST, "RESPONSE": RESPONSE,
            "kOnMessageBegin": K_ON_MESSAGE_BEGIN, "kOnHeaders": K_ON_HEADERS,
            "kOnHeadersComplete": K_ON_HEADERS_COMPLETE, "kOnBody": K_ON_BODY,
            "kOnMessageComplete": K_ON_MESSAGE_COMPLETE, "kOnExecute": K_ON_EXECUTE,
            "kOnTimeout": K_ON_TIMEOUT,
            "kLenientNone": 0, "kLenientHeaders": LENIENT_HEADERS,
            "kLenientChunkedLength": LENIENT_CHUNKED_LENGTH, "kLenientKeepAlive": LENIENT_KEEP_ALIVE,
            "kLenientTransferEncoding": LENIENT_TRANSFER_ENCODING, "kLenientVersion": LENIENT_VERSION,
            "kLenientDataAfterClose": LENIENT_DATA_AFTER_CLOSE,
            "kLenientOptionalLFAfterCR": LENIENT_OPTIONAL_LF_AFTER_CR,
            "kLenientOptionalCRLFAfterChunk": LENIENT_OPTIONAL_CRLF_AFTER_CHUNK,
            "kLenientOptionalCRBeforeLF": LENIENT_OPTIONAL_CR_BEFORE_LF,
            "kLenientSpacesAfterChunkSize": LENIENT_SPACES_AFTER_CHUNK_SIZE,
            "kLenientAll": LENIENT_ALL,
        },
        "methods": list(HTTP_METHODS),
        "allMethods": list(ALL_METHODS),
        "insecure": insecure,
        # The parser class extends its AsyncWrap (async ids, init/destroy hooks).
        "asyncWrap": host.binding("async_wrap"),
    }
    return load_shim(host, "internal/bindings/http_parser", native)


def _set_mask(p: Parser, mask) -> Parser:
    p.mask = int(mask)
    return p


def load_shim(host, ident: str, native: dict):
    source = host.read_builtin(ident)
    fn = host.compile_function(source, f"node:{ident}", "native")
    if isinstance(fn, list):  # pragma: no cover - a bug in our own JS
        raise RuntimeError(f"{ident}: {fn}")
    return host.engine.call(fn, native)
