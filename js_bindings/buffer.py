"""internalBinding('buffer'): bulk string <-> bytes codecs for node:buffer.

Everything here works on whole strings / byte ranges in C-speed Python
codecs, so JS never loops per byte over large data.  Semantics follow Node:

* utf8 encode: lone surrogates become EF BF BD; decode: invalid sequences
  become U+FFFD per maximal subpart (WHATWG), which is what CPython's
  ``'replace'`` handler does.
* base64 decode is lenient: the url alphabet is accepted, characters outside
  the alphabet are skipped, decoding stops at the first ``=``.
* hex decode stops at the first invalid pair; a trailing nibble is dropped.
* latin1/ascii encode keep the low byte of each UTF-16 code unit; ascii
  decode clears the high bit.
* ucs2/utf16le keep lone surrogates both ways.
"""

from __future__ import annotations

import binascii
import codecs
import re

ENCODINGS = ("utf8", "utf16le", "latin1", "ascii", "base64", "base64url", "hex")

codecs.register_error("nodeshim.fffd", lambda exc: (b"\xef\xbf\xbd" * (exc.end - exc.start), exc.end))

_B64_KEEP = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_"
_B64_DELETE = bytes(c for c in range(256) if c not in _B64_KEEP)
_B64_TABLE = bytes.maketrans(b"-_", b"+/")
_B64_TO_URL = bytes.maketrans(b"+/", b"-_")
_ASCII_TABLE = bytes(c & 0x7F for c in range(256))
_HEX_PREFIX = re.compile(rb"[0-9a-fA-F]*")


def encode_utf8(s: str) -> bytes:
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "nodeshim.fffd")


def encode_latin1(s: str) -> bytes:
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        # Low byte of every UTF-16 code unit, as V8's one-byte write does.
        return s.encode("utf-16-le", "surrogatepass")[::2]


def decode_base64(s: str) -> bytes:
    # Node reads the low byte of each UTF-16 code unit (so U+D83D acts as '=').
    b = encode_latin1(s)
    eq = b.find(b"=")
    if eq >= 0:
        b = b[:eq]
    b = b.translate(_B64_TABLE, _B64_DELETE)
    rem = len(b) % 4
    if rem == 1:
        b = b[:-1]
    elif rem:
        b += b"=" * (4 - rem)
    if not b:
        return b""
    try:
        return binascii.a2b_base64(b)
    except (binascii.Error, ValueError):
        return b""


def decode_hex(s: str) -> bytes:
    b = encode_latin1(s)
    n = len(b) & ~1
    try:
        return binascii.unhexlify(b[:n])
    except (binascii.Error, ValueError):
        m = _HEX_PREFIX.match(b)
        n = m.end() & ~1
        return binascii.unhexlify(b[:n])


def encode(s: str, enc: str) -> bytes:
    if enc == "utf8":
        return encode_utf8(s)
    if enc in ("latin1", "ascii"):
        return encode_latin1(s)
    if enc == "utf16le":
        return s.encode("utf-16-le", "surrogatepass")
    if enc in ("base64", "base64url"):
        return decode_base64(s)
    if enc == "hex":
        return decode_hex(s)
    return encode_utf8(s)


def decode_bytes(b: bytes, enc: str) -> str:
    if enc == "utf8":
        return b.decode("utf-8", "replace")
    if enc == "latin1":
        return b.decode("latin-1")
    if enc == "ascii":
        if not b.isascii():
            b = b.translate(_ASCII_TABLE)
        return b.decode("ascii")
    if enc == "utf16le":
        if len(b) & 1:
            b = b[:-1]
        return b.decode("utf-16-le", "surrogatepass")
    if enc == "base64":
        return binascii.b2a_base64(b, newline=False).decode("ascii")
    if enc == "base64url":
        return binascii.b2a_base64(b, newline=False).translate(_B64_TO_URL).rstrip(b"=").decode("ascii")
    if enc == "hex":
        return b.hex()
    return b.decode("utf-8", "replace")


def truncate(data: bytes, enc: str, limit: int) -> bytes:
    """Cut encoded ``data`` to at most ``limit`` bytes without splitting a character."""
    if len(data) <= limit:
        return data
    if limit <= 0:
        return b""
    if enc == "utf8":
        end = limit
        # Back up over continuation bytes to the start of the cut character.
        i = end
        while i > 0 and (data[i] & 0xC0) == 0x80:
            i -= 1
        return data[:i]
    if enc == "utf16le":
        return data[: limit & ~1]
    return data[:limit]


def create(host):
    to_bytes = host.engine.to_bytes
    text = host.engine.text  # long JS strings (ropes) arrive as Values

    def js_encode(s, enc):
        return encode(text(s), enc)

    def js_encode_limit(s, enc, limit):
        return truncate(encode(text(s), enc), enc, int(limit))

    def js_decode(view, enc, start, end):
        b = to_bytes(view)
        if start or end < len(b):
            b = b[int(start):int(end)]
        return decode_bytes(b, enc)

    def js_byte_length_utf8(s):
        s = text(s)
        try:
            return len(s.encode("utf-8"))
        except UnicodeEncodeError:
            return len(s.encode("utf-8", "nodeshim.fffd"))

    def js_index_of(hay, needle, offset, forward, step):
        h = to_bytes(hay)
        n = to_bytes(needle) if not isinstance(needle, (bytes, int)) else needle
        offset = int(offset)
        if isinstance(n, int):
            if forward:
                return h.find(n & 0xFF, offset)
            return h.rfind(n & 0xFF, 0, offset + 1)
        if step == 2:
            # UTF-16 search: only code-unit aligned positions match.
            offset &= ~1
            h = h[: len(h) & ~1]
        if forward:
            i = h.find(n, offset)
            while step == 2 and i >= 0 and i & 1:
                i = h.find(n, i + 1)
            return i
        end = offset + len(n)
        i = h.rfind(n, 0, end)
        while step == 2 and i >= 0 and i & 1:
            i = h.rfind(n, 0, i + len(n) - 1)
        return i

    def js_compare(a, b):
        x = to_bytes(a)
        y = to_bytes(b)
        return (x > y) - (x < y)

    def js_is_utf8(view):
        try:
            to_bytes(view).decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False

    def js_is_ascii(view):
        return to_bytes(view).isascii()

    def js_text_decode(view, label, fatal):
        """TextDecoder: returns the string, or None when fatal and invalid."""
        b = to_bytes(view)
        try:
            if label == "utf-8":
                return b.decode("utf-8", "strict" if fatal else "replace")
            if label == "utf-16le":
                return b.decode("utf-16-le", "strict" if fatal else "replace")
            if label == "utf-16be":
                return b.decode("utf-16-be", "strict" if fatal else "replace")
            if label == "cp1252":
                return b.decode("cp1252", "nodeshim.c1")
            # Node 20 decodes the windows-1252 labels as ISO-8859-1 (except
            # in streaming mode, which goes through ICU's windows-1252).
            return b.decode("latin-1")
        except UnicodeDecodeError:
            return None

    def js_text_decode_legacy(view, label, fatal, stream):
        """TextDecoder for the Encoding Standard's legacy encodings.

        Returns [text, pending]: ``pending`` trailing bytes were held back by a
        streaming multi-byte decoder and must be passed again with the next
        chunk; None when ``fatal`` and the input is invalid.
        """
        return legacy_decode(to_bytes(view), text(label), bool(fatal), bool(stream))

    def js_swap(view, size):
        b = bytearray(to_bytes(view))
        for k in range(size // 2):
            j = size - 1 - k
            b[k::size], b[j::size] = b[j::size], b[k::size]
        return bytes(b)

    return {
        "encode": js_encode,
        "encodeLimit": js_encode_limit,
        "decode": js_decode,
        "byteLengthUtf8": js_byte_length_utf8,
        "indexOf": js_index_of,
        "compare": js_compare,
        "isUtf8": js_is_utf8,
        "isAscii": js_is_ascii,
        "textDecode": js_text_decode,
        "textDecodeLegacy": js_text_decode_legacy,
        "swap": js_swap,
    }


def _c1(exc):
    # WHATWG windows-1252 maps the five bytes cp1252 leaves undefined to the
    # C1 control of the same number.
    return (chr(exc.object[exc.start]), exc.start + 1)


codecs.register_error("nodeshim.c1", _c1)


def _c1_or(fallback):
    # The Encoding Standard's windows-125x indexes give bytes the code page
    # leaves undefined in 0x80-0x9F their C1 control; other gaps stay errors.
    def handler(exc):
        c = exc.object[exc.start]
        if 0x80 <= c <= 0x9F:
            return (chr(c), exc.start + 1)
        if fallback is None:
            raise exc
        return (fallback, exc.start + 1)
    return handler


codecs.register_error("nodeshim.c1strict", _c1_or(None))
codecs.register_error("nodeshim.c1replace", _c1_or("\ufffd"))


# Encoding Standard name -> CPython codec. Where the standard's decoder is a
# superset of the one its name suggests (gbk, big5, shift_jis, euc-kr), the
# wider codec is the one browsers' index tables match.
_LEGACY_CODECS = {
    "ibm866": "cp866", "iso-8859-2": "iso8859_2", "iso-8859-3": "iso8859_3",
    "iso-8859-4": "iso8859_4", "iso-8859-5": "iso8859_5", "iso-8859-6": "iso8859_6",
    "iso-8859-7": "iso8859_7", "iso-8859-8": "iso8859_8", "iso-8859-8-i": "iso8859_8",
    "iso-8859-10": "iso8859_10", "iso-8859-13": "iso8859_13", "iso-8859-14": "iso8859_14",
    "iso-8859-15": "iso8859_15", "iso-8859-16": "iso8859_16", "koi8-r": "koi8_r",
    "koi8-u": "koi8_u", "macintosh": "mac_roman", "windows-874": "cp874",
    "windows-1250": "cp1250", "windows-1251": "cp1251", "windows-1253": "cp1253",
    "windows-1254": "cp1254", "windows-1255": "cp1255", "windows-1256": "cp1256",
    "windows-1257": "cp1257", "windows-1258": "cp1258", "x-mac-cyrillic": "mac_cyrillic",
    "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs", "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp", "shift_jis": "cp932", "euc-kr": "cp949",
}


def legacy_decode(b: bytes, label: str, fatal: bool, stream: bool):
    errors = "strict" if fatal else "replace"
    try:
        if label == "x-user-defined":
            # Bytes 0x80-0xFF land in a private-use block.
            return ["".join(chr(c) if c < 0x80 else chr(0xF700 + c) for c in b), 0]
        if label == "replacement":
            # Anything at all decodes to one replacement character (an error).
            if not b:
                return ["", 0]
            if fatal:
                return None
            return ["\ufffd", 0]
        codec = _LEGACY_CODECS[label]
        if codec.startswith("cp125") or codec == "cp874":
            errors = "nodeshim.c1strict" if fatal else "nodeshim.c1replace"
        dec = codecs.getincrementaldecoder(codec)(errors)
        out = dec.decode(b, final=not stream)
        pending = len(dec.getstate()[0]) if stream else 0
        return [out, pending]
    except (UnicodeDecodeError, KeyError, LookupError):
        return None
