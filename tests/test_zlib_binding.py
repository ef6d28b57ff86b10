"""js_bindings/zlib.py: the zlib/gzip wrapper it writes around raw deflate is
byte for byte what zlib writes itself; params() mid-stream, concatenated
gzip members, output limits and Brotli's end-of-stream search."""

from __future__ import annotations

import zlib

import brotli
import pytest

from nodeshim.js_bindings import zlib as zb

TEXT = b"".join(b"line %d %s %d\n" % (i, b"abc" * (i % 7), i * 7919 % 1000) for i in range(4000))


def native(wbits, level, mem_level, strategy, zdict=None, data=TEXT):
    obj = (zlib.compressobj(level, zlib.DEFLATED, wbits, mem_level, strategy, zdict) if zdict
           else zlib.compressobj(level, zlib.DEFLATED, wbits, mem_level, strategy))
    return obj.compress(data) + obj.flush()


@pytest.mark.parametrize("mode", [zb.DEFLATE, zb.GZIP, zb.DEFLATERAW])
@pytest.mark.parametrize("level", [-1, 0, 1, 5, 6, 9])
@pytest.mark.parametrize("strategy", [0, 1, 2, 3, 4])
def test_wrapper_matches_zlib(mode, level, strategy):
    ours, _, _ = zb.Deflater(mode, 15, level, 8, strategy, None).write(zb.Z_FINISH, TEXT, 0)
    wbits = {zb.DEFLATE: 15, zb.GZIP: 31, zb.DEFLATERAW: -15}[mode]
    assert ours == native(wbits, level, 8, strategy)


@pytest.mark.parametrize("window_bits", [8, 9, 12, 15])
def test_window_bits_in_header(window_bits):
    ours, _, _ = zb.Deflater(zb.DEFLATE, window_bits, 6, 8, 0, None).write(zb.Z_FINISH, TEXT, 0)
    assert ours == native(max(window_bits, 9), 6, 8, 0)


def test_dictionary_header_and_empty_input():
    zdict = b"line abcabcabc"
    ours, _, _ = zb.Deflater(zb.DEFLATE, 15, 6, 8, 0, zdict).write(zb.Z_FINISH, TEXT, 0)
    assert ours == native(15, 6, 8, 0, zdict)
    for mode, wbits in ((zb.DEFLATE, 15), (zb.GZIP, 31)):
        empty, consumed, more = zb.Deflater(mode, 15, -1, 8, 0, None).write(zb.Z_FINISH, b"", 0)
        assert (empty, consumed, more) == (native(wbits, -1, 8, 0, data=b""), 0, False)


@pytest.mark.parametrize("mode", [zb.DEFLATE, zb.GZIP])
def test_params_mid_stream_keeps_one_valid_stream(mode):
    engine = zb.Deflater(mode, 15, 1, 8, 0, None)
    out = engine.write(zb.Z_NO_FLUSH, TEXT[:50000], 0)[0]
    out += engine.write(zb.Z_SYNC_FLUSH, b"", 0)[0]
    assert engine.params(9, zlib.Z_FILTERED) == 0
    out += engine.write(zb.Z_NO_FLUSH, TEXT[50000:], 0)[0]
    out += engine.write(zb.Z_FINISH, b"", 0)[0]
    assert zlib.decompress(out, 15 if mode == zb.DEFLATE else 31) == TEXT
    with pytest.raises(zb.StreamError):  # after the end
        engine.params(1, 0)


def test_gunzip_reads_members_and_stops_at_padding():
    data = zlib.compress(b"abc", wbits=31) + zlib.compress(b"def", wbits=31) + bytes(10)
    out, consumed, more = zb.Inflater(zb.GUNZIP, 0, None).write(zb.Z_FINISH, data, 1 << 32)
    assert (out, consumed, more) == (b"abcdef", len(data) - 10, False)
    # Inflate (not gzip) stops after its stream: the rest is not consumed.
    one = zlib.compress(b"xyz")
    assert zb.Inflater(zb.INFLATE, 0, None).write(zb.Z_FINISH, one + b"tail", 1 << 32) == (
        b"xyz", len(one), False)


def test_inflate_errors_are_zlibs():
    bad = zlib.compress(b"abc", wbits=31) + b"\x1f\x8b\xff\xff"
    with pytest.raises(zb.StreamError) as info:
        zb.Inflater(zb.GUNZIP, 0, None).write(zb.Z_FINISH, bad, 1 << 32)
    assert (info.value.errno, info.value.message, info.value.code) == (
        -3, "unknown compression method", "Z_DATA_ERROR")
    with pytest.raises(zb.StreamError) as info:
        zb.Inflater(zb.INFLATE, 0, None).write(zb.Z_FINISH, zlib.compress(TEXT)[:100], 1 << 32)
    assert (info.value.errno, info.value.message, info.value.code) == (
        -5, "unexpected end of file", "Z_BUF_ERROR")
    with_dict = zlib.compressobj(zdict=b"hello")
    data = with_dict.compress(b"hello world") + with_dict.flush()
    with pytest.raises(zb.StreamError) as info:
        zb.Inflater(zb.INFLATE, 0, None).write(zb.Z_FINISH, data, 1 << 32)
    assert (info.value.message, info.value.code) == ("Missing dictionary", "Z_NEED_DICT")
    with pytest.raises(zb.StreamError) as info:
        zb.Inflater(zb.INFLATE, 0, b"other").write(zb.Z_FINISH, data, 1 << 32)
    assert (info.value.message, info.value.code) == ("Bad dictionary", "Z_DATA_ERROR")
    # A sync finish flush accepts a truncated stream.
    out, _, _ = zb.Inflater(zb.INFLATE, 0, None).write(zb.Z_SYNC_FLUSH, zlib.compress(TEXT)[:100], 1 << 32)
    assert TEXT.startswith(out)


def test_output_limit_asks_for_more_writes():
    data = zlib.compress(bytes(1 << 20))
    engine = zb.Inflater(zb.UNZIP, 0, None)
    pieces, rest = [], data
    while True:
        out, consumed, more = engine.write(zb.Z_FINISH, rest, 65536)
        assert len(out) <= 65536
        pieces.append(out)
        rest = rest[consumed:]
        if not more:
            break
    assert b"".join(pieces) == bytes(1 << 20) and rest == b""


def test_brotli_stream_end_inside_a_chunk():
    packed = brotli.compress(TEXT)
    decoder = zb.BrotliDecoder()
    half = len(packed) // 2
    first = decoder.write(zb.BROTLI_OPERATION_PROCESS, packed[:half], 1 << 32)
    out, consumed, more = decoder.write(zb.BROTLI_OPERATION_FINISH, packed[half:] + b"extra", 1 << 32)
    assert first[0] + out == TEXT and consumed == len(packed) - half and not more
    with pytest.raises(zb.StreamError) as info:
        zb.BrotliDecoder().write(zb.BROTLI_OPERATION_FINISH, packed[:half], 1 << 32)
    assert info.value.message == "unexpected end of file"
    with pytest.raises(zb.StreamError) as info:
        zb.BrotliDecoder().write(zb.BROTLI_OPERATION_FINISH, b"not brotli at all", 1 << 32)
    assert info.value.message == "Decompression failed"


def test_brotli_encoder_parameters():
    assert not zb._brotli_params_valid([-1, -1, -1, -1, 42, -1, -1, -1, -1])
    params = [1, 4, 18, -1, 1, -1, -1, -1, -1]
    assert zb._brotli_params_valid(params)
    out, _, _ = zb.BrotliEncoder(params).write(zb.BROTLI_OPERATION_FINISH, TEXT, 0)
    assert brotli.decompress(out) == TEXT
