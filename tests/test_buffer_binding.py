"""Unit tests for the codec helpers behind internalBinding('buffer')."""

from js_bindings import buffer as b


def test_utf8_encode_replaces_lone_surrogates():
    assert b.encode("a\ud800b", "utf8") == b"a\xef\xbf\xbdb"
    assert b.encode("\udc00\ud800", "utf8") == b"\xef\xbf\xbd" * 2
    assert b.encode("\U0001f600", "utf8") == b"\xf0\x9f\x98\x80"


def test_utf8_decode_maximal_subpart():
    # ED A0 80 is an encoded surrogate: three replacement characters.
    assert b.decode_bytes(b"\xed\xa0\x80", "utf8") == "\ufffd" * 3
    # A truncated 3-byte sequence is one maximal subpart.
    assert b.decode_bytes(b"\xe2\x82A", "utf8") == "\ufffdA"
    assert b.decode_bytes(b"\xf0\x9f\x41", "utf8") == "\ufffdA"
    assert b.decode_bytes(b"\xc0\xaf", "utf8") == "\ufffd\ufffd"
    assert b.decode_bytes(b"\xff", "utf8") == "\ufffd"
    assert b.decode_bytes(b"\xef\xbb\xbfx", "utf8") == "\ufeffx"


def test_base64_lenient_decode():
    assert b.decode_base64("YW Jj\nZA==") == b"abcd"
    assert b.decode_base64("YWJj=ZGVm") == b"abc"  # stops at '='
    assert b.decode_base64("_-8") == b"\xff\xef"  # url alphabet
    assert b.decode_base64("YQ") == b"a"
    assert b.decode_base64("Y") == b""
    assert b.decode_base64("YW*J!j") == b"abc"
    assert b.decode_base64("YW\u0141Jj") == b"a`\t"  # low byte of U+0141 is 'A'
    assert b.decode_base64("\U0001f600 smile") == b""  # low byte of U+D83D is '='


def test_hex_stops_at_invalid_pair():
    assert b.decode_hex("aabbz1cc") == b"\xaa\xbb"
    assert b.decode_hex("abc") == b"\xab"
    assert b.decode_hex("aa bb") == b"\xaa"


def test_latin1_ascii_and_ucs2():
    assert b.encode("\u0141\U0001f600", "latin1") == b"A=\x00"
    assert b.decode_bytes(b"\xe9\x80", "ascii") == "i\x00"
    assert b.decode_bytes(b"\xe9", "latin1") == "\xe9"
    assert b.encode("a\ud800", "utf16le") == b"a\x00\x00\xd8"
    assert b.decode_bytes(b"\x00\xd8a", "utf16le") == "\ud800"


def test_base64_encode_variants():
    assert b.decode_bytes(b"\xff\xef", "base64") == "/+8="
    assert b.decode_bytes(b"\xff\xef", "base64url") == "_-8"
    assert b.decode_bytes(b"\x01\xab", "hex") == "01ab"


def test_truncate_never_splits_characters():
    data = "a€".encode()
    assert b.truncate(data, "utf8", 3) == b"a"
    assert b.truncate(data, "utf8", 4) == data
    assert b.truncate(b"abcd", "utf16le", 3) == b"ab"
