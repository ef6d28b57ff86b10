"""internalBinding('websocket') without JS: literal server frames in, event
records and reply bytes out; each case fed whole, then byte by byte."""

from __future__ import annotations

import struct

import pytest

from nodeshim.js_bindings.websocket import (
    BINARY, CLOSE, FAIL, PING, PONG, TEXT, Framer, accept_for,
)


def frame(opcode: int, payload: bytes, fin: bool = True, rsv: int = 0) -> bytes:
    head = bytes([(0x80 if fin else 0) | rsv | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([n])
    elif n < 65536:
        head += bytes([126]) + struct.pack("!H", n)
    else:
        head += bytes([127]) + struct.pack("!Q", n)
    return head + payload


def unmask(data: bytes) -> tuple[int, bytes]:
    """(opcode, payload) of one masked client frame."""
    assert data[1] & 0x80, "client frames are masked"
    n = data[1] & 0x7F
    off = 2
    if n == 126:
        n, off = struct.unpack("!H", data[2:4])[0], 4
    elif n == 127:
        n, off = struct.unpack("!Q", data[2:10])[0], 10
    key = data[off:off + 4]
    body = data[off + 4:off + 4 + n]
    return data[0] & 0x0F, bytes(b ^ key[i & 3] for i, b in enumerate(body))


def feed(data: bytes, bytewise: bool):
    framer = Framer(None)
    records, out = [], b""
    pieces = [data[i:i + 1] for i in range(len(data))] if bytewise else [data]
    for piece in pieces:
        reply, *events = framer.receive(piece)
        records += events
        out += reply or b""
    return records, out


CASES = [
    ("text", frame(1, "héllo".encode()), [[TEXT, "héllo"]], None),
    ("binary", frame(2, b"\x00\xff"), [[BINARY, b"\x00\xff"]], None),
    ("fragments with a ping between",
     frame(1, b"a", fin=False) + frame(9, b"p") + frame(0, "é".encode()[:1], fin=False)
     + frame(0, "é".encode()[1:]),
     [[PING, b"p"], [TEXT, "aé"]], (10, b"p")),
    ("pong", frame(10, b"x"), [[PONG, b"x"]], None),
    ("close with code", frame(8, struct.pack("!H", 4001) + b"bye"), [[CLOSE, 4001, "bye"]],
     (8, struct.pack("!H", 4001))),
    ("close without code", frame(8, b""), [[CLOSE, 1005, ""]], (8, b"")),
    ("invalid utf-8", frame(1, b"\xc3\x28"), [[FAIL, 1007, None]], (8, struct.pack("!H", 1007))),
    ("rsv1 without extension", frame(1, b"hi", rsv=0x40), [[FAIL, 1002, None]],
     (8, struct.pack("!H", 1002))),
    ("masked server frame", b"\x81\x82abcd" + bytes([ord("h") ^ ord("a"), ord("i") ^ ord("b")]),
     [[FAIL, 1002, None]], (8, struct.pack("!H", 1002))),
    ("reserved opcode", frame(3, b""), [[FAIL, 1002, None]], (8, struct.pack("!H", 1002))),
    ("fragmented control frame", frame(9, b"", fin=False), [[FAIL, 1002, None]],
     (8, struct.pack("!H", 1002))),
]


@pytest.mark.parametrize("bytewise", [False, True], ids=["whole", "bytewise"])
@pytest.mark.parametrize("name,data,expected,reply", CASES, ids=[c[0] for c in CASES])
def test_server_frames(name, data, expected, reply, bytewise):
    records, out = feed(data, bytewise)
    # A failure's reason text is wsproto's; only its presence is checked.
    got = [r[:2] + [None] if r[0] == FAIL else r for r in records]
    assert got == expected
    if records and records[-1][0] == FAIL:
        assert records[-1][2]
    if reply is None:
        assert out == b""
    else:
        assert unmask(out) == reply


def test_nothing_after_failure_or_close():
    framer = Framer(None)
    framer.receive(frame(3, b""))
    assert framer.receive(frame(1, b"late")) == [None]
    framer = Framer(None)
    framer.receive(frame(8, b""))
    assert framer.receive(frame(1, b"late")) == [None]


def test_send_is_masked_and_close_once():
    framer = Framer(None)
    assert unmask(framer.send("hé", True)) == (1, "hé".encode())
    assert unmask(framer.send(b"\x01" * 70000, False)) == (2, b"\x01" * 70000)
    assert unmask(framer.close(1000, "done")) == (8, struct.pack("!H", 1000) + b"done")
    assert framer.close(1000, "") is None
    assert framer.send("late", True) is None


def test_accept_rfc6455_example():
    # RFC 6455 section 1.3.
    assert accept_for("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
