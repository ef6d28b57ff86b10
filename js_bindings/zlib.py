"""internalBinding('zlib'): deflate/inflate streams over Python's zlib, and
Brotli over the ``brotli`` package.

A stream is a host object made by ``open``.  ``writeSync(stream, flush,
data, limit)`` feeds a whole buffer and returns ``[status, out, consumed,
more, message, code]``: ``status`` is 0 or zlib's error number (the JS side
builds Node's error from ``message``/``code``), ``consumed`` how much of the
input the stream took (less than all once the compressed stream has ended),
``more`` that output stopped at ``limit`` bytes and the caller must write
again (with the rest of the input, or none).  ``write`` does the same (off the
JS thread for large inputs) and calls ``callback(...)`` with that list.

Compression always runs zlib in raw mode and this module writes the zlib or
gzip wrapper itself: Python cannot change a compressor's level in place, so
``params`` swaps in a new raw compressor primed with the last window of
input, and the wrapper's checksum must run across both.
"""

from __future__ import annotations

import re
import struct
import threading
import zlib as _zlib
from concurrent.futures import ThreadPoolExecutor

try:
    import brotli as _brotli
except ImportError:  # pragma: no cover - a pinned dependency
    _brotli = None

DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE = range(1, 10)

Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK = range(6)
Z_NEED_DICT = 2
Z_STREAM_ERROR = -2
Z_DATA_ERROR = -3
Z_BUF_ERROR = -5

BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH = 0, 1, 2

ZCODES = {
    0: "Z_OK", 1: "Z_STREAM_END", 2: "Z_NEED_DICT", -1: "Z_ERRNO", -2: "Z_STREAM_ERROR",
    -3: "Z_DATA_ERROR", -4: "Z_MEM_ERROR", -5: "Z_BUF_ERROR", -6: "Z_VERSION_ERROR",
}

WINDOW = 32768
# Work below this many input bytes is done on the loop's thread: handing it to
# a worker thread costs more than compressing it.
THREAD_THRESHOLD = 64 * 1024
# Node's zlib work runs on libuv's pool of four threads; so does this.
POOL_SIZE = 4
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _thread_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix="zlib")
        return _pool


# Brotli cannot say where a stream ended inside a chunk; input is kept (up to
# this much) so that a chunk with trailing bytes can be replayed to find it.
# Past it, bytes after the end are reported as a decoding error.
BROTLI_REPLAY_LIMIT = 1024 * 1024

_ERROR_RE = re.compile(r"Error (-?\d+) while ([^:]*)(?:: (.*))?$", re.S)


class StreamError(Exception):
    def __init__(self, errno: int, message: str, code: str | None = None):
        super().__init__(message)
        self.errno = errno
        self.message = message
        self.code = code or ZCODES.get(errno, "Z_UNKNOWN")


def _zlib_failure(exc: Exception) -> StreamError:
    """zlib.error's text ("Error -3 while decompressing data: msg") as the
    number and message zlib itself reported, named as Node names them."""
    m = _ERROR_RE.match(str(exc))
    if not m:
        return StreamError(Z_DATA_ERROR, str(exc))
    errno, doing, msg = int(m.group(1)), m.group(2), m.group(3) or ""
    if errno == Z_NEED_DICT:
        return StreamError(Z_NEED_DICT, "Missing dictionary")
    if "zdict" in doing:
        return StreamError(Z_DATA_ERROR, "Bad dictionary")
    return StreamError(errno, msg or "zlib error")


def _unexpected_end() -> StreamError:
    return StreamError(Z_BUF_ERROR, "unexpected end of file")


class Deflater:
    def __init__(self, mode, window_bits, level, mem_level, strategy, dictionary):
        self.mode = mode
        # zlib refuses a raw window of 2**8 and silently makes a wrapped one
        # 2**9; do the same for both.
        self.wbits = 9 if window_bits == 8 else window_bits
        self.level = level
        self.mem_level = mem_level
        self.strategy = strategy
        self.dictionary = dictionary if mode in (DEFLATE, DEFLATERAW) else None
        self.reset()

    def _compressor(self, zdict):
        if zdict:
            return _zlib.compressobj(self.level, _zlib.DEFLATED, -self.wbits, self.mem_level,
                                     self.strategy, zdict)
        return _zlib.compressobj(self.level, _zlib.DEFLATED, -self.wbits, self.mem_level,
                                 self.strategy)

    def reset(self):
        self.obj = self._compressor(self.dictionary)
        self.started = False
        self.finished = False
        self.check = _zlib.crc32(b"") if self.mode == GZIP else _zlib.adler32(b"")
        self.size = 0
        self.history = self.dictionary or b""

    def _flevel(self) -> int:
        level = 6 if self.level == -1 else self.level
        if self.strategy >= _zlib.Z_HUFFMAN_ONLY or level < 2:
            return 0
        if level < 6:
            return 1
        return 2 if level == 6 else 3

    def _header(self) -> bytes:
        if self.mode == GZIP:
            level = 6 if self.level == -1 else self.level
            xfl = 2 if level == 9 else (4 if self.strategy >= _zlib.Z_HUFFMAN_ONLY or level < 2 else 0)
            return bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, xfl, 3])
        if self.mode == DEFLATE:
            cmf = ((self.wbits - 8) << 4) | 8
            flg = self._flevel() << 6
            if self.dictionary:
                flg |= 0x20
            flg += 31 - (cmf * 256 + flg) % 31
            head = bytes([cmf, flg])
            if self.dictionary:
                head += struct.pack(">I", _zlib.adler32(self.dictionary))
            return head
        return b""

    def _trailer(self) -> bytes:
        if self.mode == GZIP:
            return struct.pack("<II", self.check & 0xFFFFFFFF, self.size & 0xFFFFFFFF)
        if self.mode == DEFLATE:
            return struct.pack(">I", self.check & 0xFFFFFFFF)
        return b""

    def write(self, flush, data, limit):
        if self.finished:
            # zlib's answers to a deflate stream that has ended.
            if flush != Z_FINISH:
                raise StreamError(Z_STREAM_ERROR, "stream error")
            if data:
                raise _unexpected_end()
            return b"", 0, False
        parts = []
        if not self.started:
            self.started = True
            parts.append(self._header())
        if data:
            parts.append(self.obj.compress(data))
            if self.mode == GZIP:
                self.check = _zlib.crc32(data, self.check)
            elif self.mode == DEFLATE:
                self.check = _zlib.adler32(data, self.check)
            self.size += len(data)
            self.history = data[-WINDOW:] if len(data) >= WINDOW else (self.history + data)[-WINDOW:]
        if flush == Z_FINISH:
            parts.append(self.obj.flush(_zlib.Z_FINISH))
            parts.append(self._trailer())
            self.finished = True
        elif flush != Z_NO_FLUSH:
            parts.append(self.obj.flush(flush))
        return b"".join(parts), len(data), False

    def params(self, level, strategy):
        # The JS side flushed with Z_SYNC_FLUSH first, so the deflate stream
        # is at a block boundary; blocks from a new compressor continue it,
        # and the primed window keeps back-references working as in zlib.
        if self.finished:
            raise StreamError(Z_STREAM_ERROR, "stream error")
        self.level, self.strategy = level, strategy
        self.obj = self._compressor(self.history)
        return 0


class Inflater:
    def __init__(self, mode, window_bits, dictionary):
        self.mode = mode
        self.window_bits = window_bits
        self.dictionary = dictionary
        self.reset()

    def _wbits(self, mode) -> int:
        w = self.window_bits
        if mode == INFLATE:
            return w
        if mode == INFLATERAW:
            return -(9 if w == 8 else w)
        if mode == GUNZIP:
            return 16 + (w or 15)
        return 32 + (w or 15)

    def _decompressor(self, mode):
        wbits = self._wbits(mode)
        if self.dictionary and mode in (INFLATE, INFLATERAW):
            return _zlib.decompressobj(wbits, self.dictionary)
        return _zlib.decompressobj(wbits)

    def reset(self):
        self.obj = self._decompressor(self.mode)
        self.gzip = self.mode == GUNZIP
        self.magic = b""
        self.eof = False

    def _next_member(self, rest: bytes) -> bool:
        # Node reads concatenated gzip members; zero bytes after a member are
        # padding, anything else must be another member.
        if not self.gzip or not rest or rest[0] == 0:
            return False
        self.obj = self._decompressor(GUNZIP)
        self.eof = False
        return True

    def write(self, flush, data, limit):
        if self.mode == UNZIP and len(self.magic) < 2:
            self.magic = (self.magic + data[:2])[:2]
            if self.magic == b"\x1f\x8b":
                self.gzip = True
        total = len(data)
        pending = data
        parts = []
        produced = 0
        more = False
        try:
            while True:
                if self.eof:
                    if not self._next_member(pending):
                        break
                room = max(1, limit - produced)
                out = self.obj.decompress(pending, room)
                parts.append(out)
                produced += len(out)
                if self.obj.eof:
                    self.eof = True
                    pending = self.obj.unused_data
                    continue
                pending = self.obj.unconsumed_tail
                if len(out) >= room:
                    more = True
                    break
                if not pending:
                    break
        except _zlib.error as exc:
            raise _zlib_failure(exc) from None
        consumed = total - len(pending)
        if flush == Z_FINISH and not more and not self.eof and consumed == total:
            tail = self.obj.flush()
            if tail:
                parts.append(tail)
            raise _unexpected_end()
        return b"".join(parts), consumed, more


BROTLI_ENCODER_PARAMS = 10  # BROTLI_PARAM_MODE .. BROTLI_PARAM_STREAM_OFFSET


def _brotli_params_valid(values) -> bool:
    # Brotli's encoder stores most parameters as given and clamps them when
    # it starts; it refuses only a boolean flag that is neither 0 nor 1.
    return values[4] in (-1, 0, 1)


def _clamp(value, low, high, default):
    return default if value == -1 else min(max(value, low), high)


class BrotliEncoder:
    def __init__(self, values):
        mode, quality, lgwin, lgblock = values[:4]
        self.args = dict(mode=mode if mode in (0, 1, 2) else 0,
                         quality=_clamp(quality, 0, 11, 11),
                         lgwin=_clamp(lgwin, 10, 24, 22),
                         lgblock=0 if lgblock in (-1, 0) else _clamp(lgblock, 16, 24, 0))
        self.reset()

    def reset(self):
        self.obj = _brotli.Compressor(**self.args)
        self.finished = False

    def write(self, op, data, limit):
        if self.finished:
            if data or op != BROTLI_OPERATION_FINISH:
                raise StreamError(-1, "Compression failed", "ERR_BROTLI_COMPRESSION_FAILED")
            return b"", 0, False
        out = self.obj.process(data) if data else b""
        if op == BROTLI_OPERATION_FLUSH:
            out += self.obj.flush()
        elif op == BROTLI_OPERATION_FINISH:
            out += self.obj.finish()
            self.finished = True
        return out, len(data), False


class BrotliDecoder:
    def __init__(self):
        self.reset()

    def reset(self):
        self.obj = _brotli.Decompressor()
        self.fed: list[bytes] | None = []
        self.fed_size = 0
        self.eof = False

    def _failed(self) -> StreamError:
        # The package does not say which of the decoder's format errors it was.
        return StreamError(-1, "Decompression failed", "ERR_BROTLI_DECOMPRESSION_FAILED")

    def _replay(self, data: bytes):
        """The stream ended inside ``data``: decode again up to its end, byte
        by byte over this chunk, to learn where it ended."""
        if self.fed is None:
            raise self._failed()
        obj = _brotli.Decompressor()
        if self.fed:
            obj.process(b"".join(self.fed))
        parts = []
        for i in range(len(data)):
            try:
                parts.append(obj.process(data[i:i + 1]))
            except _brotli.error:
                raise self._failed() from None
            if obj.is_finished():
                self.obj = obj
                return b"".join(parts), i + 1
        raise self._failed()

    def write(self, op, data, limit):
        if self.eof:
            return b"", 0, False
        try:
            out = self.obj.process(data, output_buffer_limit=max(1, limit))
        except _brotli.error:
            out, consumed = self._replay(data)
            self.eof = True
            return out, consumed, False
        if self.fed is not None:
            self.fed.append(data)
            self.fed_size += len(data)
            if self.fed_size > BROTLI_REPLAY_LIMIT:
                self.fed = None
        more = not self.obj.can_accept_more_data()
        if self.obj.is_finished():
            self.eof = True
        elif op == BROTLI_OPERATION_FINISH and not more:
            raise _unexpected_end()
        return out, len(data), more


class Stream:
    """One zlib/Brotli stream; a lock keeps a worker thread's write and the
    loop thread's reset/params/close from interleaving."""

    def __init__(self, engine):
        self.engine = engine
        self.lock = threading.Lock()
        self.closed = False

    def write(self, flush, data, limit):
        with self.lock:
            if self.closed:
                return [0, b"", len(data), False, None, None]
            try:
                out, consumed, more = self.engine.write(flush, data, limit)
            except StreamError as err:
                return [err.errno, b"", 0, False, err.message, err.code]
            except (_zlib.error, ValueError) as exc:
                err = _zlib_failure(exc)
                return [err.errno, b"", 0, False, err.message, err.code]
            except MemoryError:
                return [-4, b"", 0, False, "insufficient memory", "Z_MEM_ERROR"]
            return [0, out, consumed, more, None, None]


def create(host):
    loop = host.loop
    to_bytes = host.engine.to_bytes
    wrap = host.engine.host_object

    def open_zlib(mode, window_bits, level, mem_level, strategy, dictionary):
        mode = int(mode)
        zdict = to_bytes(dictionary) if dictionary is not None else None
        try:
            if mode in (DEFLATE, GZIP, DEFLATERAW):
                engine = Deflater(mode, int(window_bits), int(level), int(mem_level), int(strategy), zdict)
            elif mode in (INFLATE, GUNZIP, INFLATERAW, UNZIP):
                engine = Inflater(mode, int(window_bits), zdict)
            else:
                return Z_STREAM_ERROR
        except (ValueError, _zlib.error):
            return Z_STREAM_ERROR
        return wrap(Stream(engine))

    def open_brotli(mode, params):
        if _brotli is None:
            return Z_STREAM_ERROR
        values = [int(v) for v in host.engine.to_list(params)]
        try:
            if int(mode) == BROTLI_ENCODE:
                if not _brotli_params_valid(values[:BROTLI_ENCODER_PARAMS]):
                    return Z_STREAM_ERROR
                engine = BrotliEncoder(values)
            else:
                engine = BrotliDecoder()
        except (_brotli.error, ValueError, TypeError):
            return Z_STREAM_ERROR
        return wrap(Stream(engine))

    def write_sync(stream, flush, data, limit):
        return stream.write(int(flush), to_bytes(data), int(limit))

    def finish(callback, result):
        loop.active_reqs -= 1
        host.make_callback(callback, *result)

    def write(stream, flush, data, limit, callback):
        flush, data, limit = int(flush), to_bytes(data), int(limit)
        loop.active_reqs += 1
        if len(data) >= THREAD_THRESHOLD:
            def work():
                result = stream.write(flush, data, limit)
                loop.queue_threadsafe(lambda: finish(callback, result))
            _thread_pool().submit(work)
        else:
            # Work now, as Node's thread pool starts it now: a reset() or
            # params() right after write() must find this input taken.
            result = stream.write(flush, data, limit)
            loop.queue_io(lambda: finish(callback, result))
        return 0

    def params(stream, level, strategy):
        with stream.lock:
            engine = stream.engine
            if stream.closed or not isinstance(engine, Deflater):
                return [0, None, None]
            try:
                engine.params(int(level), int(strategy))
            except StreamError as err:
                return [err.errno, err.message, err.code]
            except (ValueError, _zlib.error):
                return [Z_STREAM_ERROR, "Failed to set parameters", ZCODES[Z_STREAM_ERROR]]
            return [0, None, None]

    def reset(stream):
        with stream.lock:
            if stream.closed:
                return 0
            try:
                stream.engine.reset()
            except (ValueError, _zlib.error):
                return Z_STREAM_ERROR
            return 0

    def close(stream):
        with stream.lock:
            stream.closed = True
        return 0

    def crc32(data, value):
        return _zlib.crc32(to_bytes(data), int(value) & 0xFFFFFFFF)

    version = _zlib.ZLIB_RUNTIME_VERSION
    nums = [int(p) for p in re.findall(r"\d+", version)[:4]] + [0, 0, 0, 0]
    vernum = (nums[0] << 12) | (nums[1] << 8) | (nums[2] << 4) | nums[3]

    return {
        "zlibVersion": version,
        "ZLIB_VERNUM": vernum,
        "hasBrotli": _brotli is not None,
        "openZlib": open_zlib,
        "openBrotli": open_brotli,
        "writeSync": write_sync,
        "write": write,
        "params": params,
        "reset": reset,
        "close": close,
        "crc32": crc32,
    }
