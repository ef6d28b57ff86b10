"""The resolver's DNS message codec (js_bindings/_dns_message.py) and answer shapes."""

import struct

import pytest

from nodeshim.js_bindings import _dns_message as wire
from nodeshim.js_bindings.cares_wrap import _Failed, shape_answer


def _rr(name_bytes: bytes, rtype: int, ttl: int, rdata: bytes) -> bytes:
    return name_bytes + struct.pack("!HHIH", rtype, 1, ttl, len(rdata)) + rdata


def _response(qname: str, qtype: int, answers: list[bytes], rcode: int = 0, ancount=None) -> bytes:
    head = struct.pack("!HHHHHH", 7, 0x8180 | rcode, 1,
                       len(answers) if ancount is None else ancount, 0, 0)
    return head + wire.encode_name(qname) + struct.pack("!HH", qtype, 1) + b"".join(answers)


def test_query_encoding():
    packet = wire.encode_query(0x1234, "example.org", wire.TYPES["MX"])
    assert packet[:12] == struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
    assert packet[12:] == b"\x07example\x03org\x00" + struct.pack("!HH", 15, 1)


@pytest.mark.parametrize("name", ["a..b", "x" * 64 + ".org", ".".join(["abcdefgh"] * 40)])
def test_bad_names(name):
    with pytest.raises(wire.BadName):
        wire.encode_name(name)


def test_compressed_names_and_shapes():
    ptr = b"\xc0\x0c"  # the question's name
    msg = wire.parse(_response("example.org", 15, [
        _rr(ptr, 15, 60, struct.pack("!H", 10) + b"\x04mail" + ptr),
        _rr(ptr, 1, 30, bytes([1, 2, 3, 4])),
    ]))
    assert shape_answer(msg, "example.org", "MX") == (
        [{"exchange": "mail.example.org", "priority": 10}], None)
    assert shape_answer(msg, "example.org", "A") == (["1.2.3.4"], [30])
    assert shape_answer(msg, "example.org", "ANY")[0] == [
        {"address": "1.2.3.4", "ttl": 30, "type": "A"},
        {"exchange": "mail.example.org", "priority": 10, "type": "MX"},
    ]


def test_cname_chain_is_followed():
    msg = wire.parse(_response("www.test", 1, [
        _rr(b"\xc0\x0c", 5, 60, b"\x04real\x04test\x00"),
        _rr(b"\x04real\x04test\x00", 1, 5, bytes([9, 9, 9, 9])),
    ]))
    assert shape_answer(msg, "www.test", "A") == (["9.9.9.9"], [5])
    assert shape_answer(msg, "www.test", "CNAME") == (["real.test"], None)


@pytest.mark.parametrize("rcode, answers, code", [
    (3, [], "ENOTFOUND"), (0, [], "ENODATA"), (2, [], "ESERVFAIL"), (5, [], "EREFUSED"),
])
def test_errors(rcode, answers, code):
    msg = wire.parse(_response("x.test", 1, answers, rcode))
    with pytest.raises(_Failed) as info:
        shape_answer(msg, "x.test", "A")
    assert info.value.code == code


def test_malformed_messages():
    good = _response("x.test", 1, [_rr(b"\xc0\x0c", 1, 1, bytes(4))])
    with pytest.raises(wire.Malformed):
        wire.parse(_response("x.test", 1, [_rr(b"\xc0\x0c", 1, 1, bytes(4))], ancount=2))
    with pytest.raises(wire.Malformed):
        wire.parse(good[:-2])
    with pytest.raises(wire.Malformed):  # a pointer to itself
        wire.parse(struct.pack("!HHHHHH", 1, 0x8180, 1, 0, 0, 0) + b"\xc0\x0c\x00\x01\x00\x01")


def test_reverse_names():
    assert wire.reverse_name("10.0.0.1") == "1.0.0.10.in-addr.arpa"
    assert wire.reverse_name("::1") == "1." + "0." * 31 + "ip6.arpa"
    assert wire.reverse_name("nope") is None
