"""DNS messages (RFC 1035) for the resolver in ``cares_wrap``: queries out, answers in.

A small codec of our own rather than a dependency (dnspython): the resolver
needs one question per query and the dozen record types Node exposes, and it
must decide itself what a malformed answer means (c-ares drops a message it
cannot parse and keeps waiting, so the query ends in ETIMEOUT), which is
easier to get exactly right over ~200 lines we control than through a
general library's exceptions.  Names are latin-1 strings, byte for byte, as
c-ares hands them to Node.
"""

from __future__ import annotations

import socket
import struct

TYPES = {
    "A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16,
    "AAAA": 28, "SRV": 33, "NAPTR": 35, "ANY": 255, "CAA": 257,
}
CLASS_IN = 1
FLAG_QR = 0x8000
FLAG_TC = 0x0200
FLAG_RD = 0x0100


class Malformed(Exception):
    """The message cannot be parsed (c-ares ignores such an answer)."""


class BadName(Exception):
    """The name cannot be put in a question (c-ares' EBADNAME)."""


def encode_name(name: str) -> bytes:
    if name.endswith(".") and name != ".":
        name = name[:-1]
    out = bytearray()
    if name and name != ".":
        for label in name.split("."):
            raw = label.encode("latin-1", "replace")
            if not raw or len(raw) > 63:
                raise BadName(name)
            out.append(len(raw))
            out += raw
    out.append(0)
    if len(out) > 255:
        raise BadName(name)
    return bytes(out)


def encode_query(qid: int, name: str, qtype: int) -> bytes:
    return (struct.pack("!HHHHHH", qid, FLAG_RD, 1, 0, 0, 0) + encode_name(name)
            + struct.pack("!HH", qtype, CLASS_IN))


def _need(buf: bytes, end: int) -> None:
    if end > len(buf):
        raise Malformed("short message")


def decode_name(buf: bytes, off: int) -> tuple[str, int]:
    """The name at ``off`` (following compression pointers) and the offset after it."""
    labels: list[str] = []
    after = -1
    hops = 0
    while True:
        _need(buf, off + 1)
        length = buf[off]
        if length & 0xC0 == 0xC0:
            _need(buf, off + 2)
            if after < 0:
                after = off + 2
            hops += 1
            if hops > 128:
                raise Malformed("compression loop")
            off = struct.unpack_from("!H", buf, off)[0] & 0x3FFF
            continue
        if length & 0xC0:
            raise Malformed("bad label type")
        if length == 0:
            if after < 0:
                after = off + 1
            return ".".join(labels), after
        _need(buf, off + 1 + length)
        labels.append(buf[off + 1:off + 1 + length].decode("latin-1").replace(".", "\\."))
        off += 1 + length


def _char_string(buf: bytes, off: int, end: int) -> tuple[str, int]:
    if off >= end:
        raise Malformed("short character-string")
    length = buf[off]
    if off + 1 + length > end:
        raise Malformed("short character-string")
    return buf[off + 1:off + 1 + length].decode("latin-1"), off + 1 + length


def _rdata(buf: bytes, rtype: int, off: int, end: int):
    """The record's data as Node shows it (without the ``type`` key)."""
    if rtype == 1:
        if end - off != 4:
            raise Malformed("A length")
        return socket.inet_ntop(socket.AF_INET, buf[off:end])
    if rtype == 28:
        if end - off != 16:
            raise Malformed("AAAA length")
        return socket.inet_ntop(socket.AF_INET6, buf[off:end])
    if rtype in (2, 5, 12):
        return decode_name(buf, off)[0]
    if rtype == 15:
        _need(buf, off + 2)
        return {"exchange": decode_name(buf, off + 2)[0],
                "priority": struct.unpack_from("!H", buf, off)[0]}
    if rtype == 16:
        entries = []
        while off < end:
            text, off = _char_string(buf, off, end)
            entries.append(text)
        return entries
    if rtype == 33:
        _need(buf, off + 6)
        priority, weight, port = struct.unpack_from("!HHH", buf, off)
        return {"name": decode_name(buf, off + 6)[0], "port": port,
                "priority": priority, "weight": weight}
    if rtype == 35:
        _need(buf, off + 4)
        order, preference = struct.unpack_from("!HH", buf, off)
        flags, p = _char_string(buf, off + 4, end)
        service, p = _char_string(buf, p, end)
        regexp, p = _char_string(buf, p, end)
        return {"flags": flags, "service": service, "regexp": regexp,
                "replacement": decode_name(buf, p)[0], "order": order, "preference": preference}
    if rtype == 6:
        nsname, p = decode_name(buf, off)
        hostmaster, p = decode_name(buf, p)
        _need(buf, p + 20)
        serial, refresh, retry, expire, minttl = struct.unpack_from("!IIIII", buf, p)
        return {"nsname": nsname, "hostmaster": hostmaster, "serial": serial,
                "refresh": refresh, "retry": retry, "expire": expire, "minttl": minttl}
    if rtype == 257:
        if end - off < 2:
            raise Malformed("CAA length")
        flags, taglen = buf[off], buf[off + 1]
        if off + 2 + taglen > end:
            raise Malformed("CAA tag")
        tag = buf[off + 2:off + 2 + taglen].decode("latin-1")
        return {"critical": flags, tag: buf[off + 2 + taglen:end].decode("latin-1")}
    return None


class Message:
    __slots__ = ("id", "flags", "questions", "answers")

    @property
    def rcode(self) -> int:
        return self.flags & 0x0F

    @property
    def truncated(self) -> bool:
        return bool(self.flags & FLAG_TC)


def parse(buf: bytes) -> Message:
    """The whole message; raises Malformed if any part of it does not parse."""
    _need(buf, 12)
    msg = Message()
    msg.id, msg.flags, qd, an, ns, ar = struct.unpack_from("!HHHHHH", buf, 0)
    off = 12
    msg.questions = []
    for _ in range(qd):
        name, off = decode_name(buf, off)
        _need(buf, off + 4)
        qtype, qclass = struct.unpack_from("!HH", buf, off)
        off += 4
        msg.questions.append((name.lower(), qtype, qclass))
    msg.answers = []
    for section in range(an + ns + ar):
        name, off = decode_name(buf, off)
        _need(buf, off + 10)
        rtype, rclass, ttl, rdlen = struct.unpack_from("!HHIH", buf, off)
        off += 10
        _need(buf, off + rdlen)
        data = _rdata(buf, rtype, off, off + rdlen)
        off += rdlen
        if section < an:
            msg.answers.append((name, rtype, min(ttl, 0x7FFFFFFF), data))
    return msg


def reverse_name(address: str) -> str | None:
    """The PTR name of an IP address literal (in-addr.arpa / ip6.arpa), or None."""
    try:
        packed = socket.inet_pton(socket.AF_INET, address)
        return ".".join(str(b) for b in reversed(packed)) + ".in-addr.arpa"
    except OSError:
        pass
    try:
        packed = socket.inet_pton(socket.AF_INET6, address)
    except OSError:
        return None
    return ".".join(reversed(packed.hex())) + ".ip6.arpa"
