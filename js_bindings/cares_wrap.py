"""internalBinding('cares_wrap'): getaddrinfo/getnameinfo in a worker thread, and
the DNS resolver (Node's c-ares ``ChannelWrap``) over UDP/TCP on trio.

Node runs ``getaddrinfo(3)`` on libuv's thread pool; here it runs through
``trio.to_thread``.  The request object is Node's ``GetAddrInfoReqWrap``;
completion calls ``req.oncomplete(status, addresses)`` with a libuv errno
(``UV_EAI_NONAME`` ...; ``lib/dns.js`` reports it as ``ENOTFOUND``).

A :class:`Channel` is one ``ChannelWrap``: its servers (``/etc/resolv.conf``
until ``setServers``), per-try timeout and tries, local addresses.  A query
is a trio task that asks the servers in turn as c-ares does: try ``k`` goes
to server ``k % n`` over UDP with a timeout of ``timeout << (k // n)`` ms,
a truncated answer is asked again over TCP, an answer that does not parse or
does not match the question is ignored (the try runs out: ``ETIMEOUT``),
SERVFAIL/NOTIMP/REFUSED and a refused port move on to the next try.  It
completes with ``req.oncomplete(code, result, ttls)``: ``code`` 0 or c-ares'
error name (``'ENOTFOUND'`` ...), ``result`` already in Node's shape.  The
wire format is ``_dns_message``.
"""

from __future__ import annotations

import random
import socket
import struct

from ._socket_trio import trio

from . import _dns_message as wire

from .stream_wrap import load_shim
from .uv import errno_of

DNS_ORDER_VERBATIM = 0
DNS_ORDER_IPV4_FIRST = 1
DNS_ORDER_IPV6_FIRST = 2

_FAMILIES = {0: socket.AF_UNSPEC, 4: socket.AF_INET, 6: socket.AF_INET6}


def resolve(hostname: str, family: int, hints: int, order: int) -> list[str]:
    infos = socket.getaddrinfo(hostname, None, _FAMILIES.get(family, socket.AF_UNSPEC),
                               socket.SOCK_STREAM, 0, hints)
    seen: set[str] = set()
    addresses: list[str] = []
    for fam, _type, _proto, _canon, sockaddr in infos:
        if fam not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = sockaddr[0]
        if address not in seen:
            seen.add(address)
            addresses.append(address)
    if order == DNS_ORDER_IPV4_FIRST:
        addresses.sort(key=lambda a: ":" in a)
    elif order == DNS_ORDER_IPV6_FIRST:
        addresses.sort(key=lambda a: ":" not in a)
    return addresses


DEFAULT_TIMEOUT_MS = 2000  # c-ares' per-try timeout when none (or 0) is given
DNS_PORT = 53
QCACHE_MAX_TTL = 3600
# ChannelWrap.setServers while queries are pending (Node's DNS_ESETSRVPENDING)
ESETSRVPENDING = -1000
_RCODE_ERRORS = {1: "EFORMERR", 2: "ESERVFAIL", 3: "ENOTFOUND", 4: "ENOTIMP", 5: "EREFUSED"}
# A server's rcode that makes c-ares ask the next server rather than give up.
_RETRY_RCODES = (2, 4, 5)
# resolveAny lists records grouped by type in this order.
_ANY_ORDER = ("A", "AAAA", "CNAME", "MX", "NS", "TXT", "SRV", "PTR", "NAPTR", "SOA", "CAA")
_TYPE_NAMES = {v: k for k, v in wire.TYPES.items()}


def system_servers(path: str = "/etc/resolv.conf") -> list[tuple[int, str, int]]:
    servers = []
    try:
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[0] == "nameserver":
                    address = parts[1].split("%", 1)[0]
                    family = _ip_family(address)
                    if family:
                        servers.append((family, address, DNS_PORT))
    except OSError:
        pass
    return servers or [(4, "127.0.0.1", DNS_PORT)]


def _ip_family(address: str) -> int:
    for family, af in ((4, socket.AF_INET), (6, socket.AF_INET6)):
        try:
            socket.inet_pton(af, address)
            return family
        except OSError:
            pass
    return 0


class _Failed(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _chain(msg, qname: str) -> tuple[set[str], str]:
    """The names the question's CNAME chain goes through, and its end."""
    names = {qname.lower()}
    last = qname
    changed = True
    while changed:
        changed = False
        for owner, rtype, _ttl, data in msg.answers:
            if rtype == 5 and owner.lower() in names and data.lower() not in names:
                names.add(data.lower())
                last = data
                changed = True
    return names, last


def shape_answer(msg, qname: str, kind: str):
    """(result, ttls) for a successful answer in Node's shapes; raises _Failed."""
    rcode = msg.rcode
    if rcode:
        raise _Failed(_RCODE_ERRORS.get(rcode, "EBADRESP"))
    if not msg.answers:
        raise _Failed("ENODATA")
    names, canonical = _chain(msg, qname)
    if kind in ("A", "AAAA"):
        rtype = wire.TYPES[kind]
        recs = [(data, ttl) for owner, t, ttl, data in msg.answers
                if t == rtype and owner.lower() in names]
        if not recs:
            raise _Failed("ENODATA")
        return [r[0] for r in recs], [r[1] for r in recs]
    if kind == "CNAME":
        if canonical == qname:
            raise _Failed("ENODATA")
        return [canonical], None
    if kind in ("PTR", "REV"):
        result = [data for owner, t, _ttl, data in msg.answers
                  if t == 12 and owner.lower() in names]
    elif kind == "ANY":
        result = []
        for name in _ANY_ORDER:
            rtype = wire.TYPES[name]
            for _owner, t, ttl, data in msg.answers:
                if t != rtype or data is None:
                    continue
                if name in ("A", "AAAA"):
                    entry = {"address": data, "ttl": ttl}
                elif name in ("CNAME", "NS", "PTR"):
                    entry = {"value": data}
                elif name == "TXT":
                    entry = {"entries": data}
                else:
                    entry = dict(data)
                entry["type"] = name
                result.append(entry)
    else:
        rtype = wire.TYPES[kind]
        result = [data for _owner, t, _ttl, data in msg.answers if t == rtype]
        if kind == "SOA":
            if not result:
                raise _Failed("ENODATA")
            return result[0], None
    if not result:
        raise _Failed("ENODATA")
    return result, None


class Channel:
    """One ChannelWrap: servers, options and the queries in flight."""

    def __init__(self, host, timeout: int, tries: int):
        self.host = host
        self.loop = host.loop
        self.timeout = timeout if timeout > 0 else DEFAULT_TIMEOUT_MS
        self.tries = max(1, tries)
        self.servers = system_servers()
        self.local4: str | None = None
        self.local6: str | None = None
        # token -> [req, cancel scope of its task (None until it starts)]
        self.pending: dict[int, list] = {}
        self._next_token = 0
        # c-ares' query cache: (name, qtype) -> (stored at, expires at, answer)
        self.cache: dict[tuple[str, int], tuple[float, float, object]] = {}

    # -- configuration -------------------------------------------------------

    def get_servers(self) -> list[list]:
        return [[address, port] for _family, address, port in self.servers]

    def set_servers(self, servers: list[tuple[int, str, int]]) -> int:
        if self.pending:
            return ESETSRVPENDING
        self.servers = list(servers)
        self.cache.clear()
        return 0

    def set_local_address(self, ipv4: str | None, ipv6: str | None) -> None:
        self.local4 = ipv4
        self.local6 = ipv6

    # -- queries -------------------------------------------------------------

    def query(self, req, name: str, kind: str, dispatch) -> int:
        if kind == "REV":
            qname = wire.reverse_name(name)
            if qname is None:
                return CODES_EINVAL
        else:
            qname = name
        self.loop.active_reqs += 1
        self._next_token += 1
        token = self._next_token
        self.pending[token] = [req, None]
        early = None
        if qname.lower().rstrip(".").endswith(".onion") or qname.lower().rstrip(".") == "onion":
            early = "ENOTFOUND"  # RFC 7686: never sent to a resolver
        elif not self.servers:
            # c-ares' ENOSERVER, which Node 20 has no name for
            early = "UNKNOWN_ARES_ERROR"
        else:
            try:
                wire.encode_name(qname)
            except wire.BadName:
                early = "EBADNAME"
        if early is not None:
            # failed before anything is sent: completions in call order
            self._finish(token, early, None, None, dispatch)
            return 0
        self.loop.spawn(self._run, token, qname, kind, dispatch)
        return 0

    def cancel(self, dispatch) -> None:
        for token, (_req, scope) in list(self.pending.items()):
            if scope is not None:
                scope.cancel()
            self._finish(token, "ECANCELLED", None, None, dispatch)

    def _finish(self, token, code, result, ttls, dispatch) -> None:
        entry = self.pending.pop(token, None)
        if entry is None:
            return
        req = entry[0]

        def done():
            self.loop.active_reqs -= 1
            self.host.make_callback(dispatch[0], code, result, ttls, this=req)
        self.loop.queue_io(done)

    async def _run(self, token, qname: str, kind: str, dispatch) -> None:
        entry = self.pending.get(token)
        if entry is None:
            return
        with trio.CancelScope() as scope:
            entry[1] = scope
            code, result, ttls = await self._resolve(qname, kind)
            self._finish(token, code, result, ttls, dispatch)

    async def _resolve(self, qname: str, kind: str):
        qtype = wire.TYPES["PTR" if kind == "REV" else kind]
        cached = self._cached(qname, qtype)
        if cached is not None:
            return self._shape(cached, qname, kind)
        servers = list(self.servers)
        error = "ETIMEOUT"
        n = len(servers)
        for attempt in range(self.tries * n):
            family, address, port = servers[attempt % n]
            timeout = self.timeout * (1 << min(attempt // n, 16)) / 1000
            qid = random.getrandbits(16)
            packet = wire.encode_query(qid, qname, qtype)
            try:
                msg = await self._ask_udp(family, address, port, packet, qid, qname, qtype, timeout)
                if msg is not None and msg.truncated:
                    msg = await self._ask_tcp(family, address, port, packet, qid, qname, qtype,
                                              timeout)
            except ConnectionRefusedError:
                error = "ECONNREFUSED"
                continue
            except OSError:
                error = "ECONNREFUSED"
                continue
            if msg is None:
                error = "ETIMEOUT"
                continue
            if msg.rcode in _RETRY_RCODES:
                error = _RCODE_ERRORS[msg.rcode]
                continue
            self._store(qname, qtype, msg)
            return self._shape(msg, qname, kind)
        return error, None, None

    @staticmethod
    def _shape(msg, qname: str, kind: str):
        try:
            result, ttls = shape_answer(msg, qname, kind)
        except _Failed as failed:
            return failed.code, None, None
        return 0, result, ttls

    def _store(self, qname: str, qtype: int, msg) -> None:
        # As c-ares: a positive answer lives as long as its shortest TTL
        # (SOA records aside), at most an hour; TTL 0 is never kept.
        if msg.rcode or not msg.answers:
            return
        ttls = [ttl for _owner, t, ttl, _data in msg.answers if t != 6]
        ttl = min(min(ttls) if ttls else QCACHE_MAX_TTL, QCACHE_MAX_TTL)
        if ttl <= 0:
            return
        now = trio.current_time()
        self.cache[(qname, qtype)] = (now, now + ttl, msg)

    def _cached(self, qname: str, qtype: int):
        entry = self.cache.get((qname, qtype))
        if entry is None:
            return None
        stored, expires, msg = entry
        now = trio.current_time()
        if now >= expires:
            del self.cache[(qname, qtype)]
            return None
        elapsed = int(now - stored)
        aged = wire.Message()
        aged.id, aged.flags, aged.questions = msg.id, msg.flags, msg.questions
        aged.answers = [(owner, t, max(0, ttl - elapsed), data)
                        for owner, t, ttl, data in msg.answers]
        return aged

    def _local(self, family: int):
        local = self.local4 if family == 4 else self.local6
        return (local, 0) if local else None

    @staticmethod
    def _matches(msg, qid: int, qname: str, qtype: int) -> bool:
        return (msg.id == qid and bool(msg.flags & wire.FLAG_QR) and len(msg.questions) == 1
                and msg.questions[0][0] == qname.lower().rstrip(".") and msg.questions[0][1] == qtype)

    async def _ask_udp(self, family, address, port, packet, qid, qname, qtype, timeout):
        af = socket.AF_INET6 if family == 6 else socket.AF_INET
        with trio.socket.socket(af, socket.SOCK_DGRAM) as sock:
            local = self._local(family)
            if local:
                await sock.bind(local)
            await sock.connect((address, port))
            await sock.send(packet)
            with trio.move_on_after(timeout):
                while True:
                    data = await sock.recv(65535)
                    try:
                        msg = wire.parse(data)
                    except wire.Malformed:
                        continue
                    if self._matches(msg, qid, qname, qtype):
                        return msg
        return None

    async def _ask_tcp(self, family, address, port, packet, qid, qname, qtype, timeout):
        af = socket.AF_INET6 if family == 6 else socket.AF_INET
        with trio.move_on_after(timeout):
            with trio.socket.socket(af, socket.SOCK_STREAM) as sock:
                local = self._local(family)
                if local:
                    await sock.bind(local)
                await sock.connect((address, port))
                await sock.send(struct.pack("!H", len(packet)) + packet)
                buf = b""
                while True:
                    if len(buf) >= 2:
                        size = struct.unpack_from("!H", buf)[0]
                        if len(buf) >= 2 + size:
                            break
                    chunk = await sock.recv(65535)
                    if not chunk:
                        return None
                    buf += chunk
                try:
                    msg = wire.parse(buf[2:2 + size])
                except wire.Malformed:
                    return None
                return msg if self._matches(msg, qid, qname, qtype) else None
        return None


CODES_EINVAL = -22


def create(host):
    loop = host.loop
    text = host.engine.text
    dispatch = []

    def finish(req, status, *results):
        def done():
            loop.active_reqs -= 1
            host.make_callback(dispatch[0], status, *results, this=req)
        loop.queue_io(done)

    async def run_getaddrinfo(req, hostname, family, hints, order):
        try:
            addresses = await trio.to_thread.run_sync(resolve, hostname, family, hints, order,
                                                      abandon_on_cancel=True)
        except OSError as exc:
            finish(req, errno_of(exc), [])
            return
        except UnicodeError:
            finish(req, errno_of(socket.gaierror(socket.EAI_NONAME, "")), [])
            return
        if not addresses:
            finish(req, errno_of(socket.gaierror(socket.EAI_NODATA, "")), [])
            return
        finish(req, 0, addresses)

    def getaddrinfo(req, hostname, family, hints, order):
        loop.active_reqs += 1
        loop.spawn(run_getaddrinfo, req, text(hostname), int(family or 0), int(hints or 0),
                   int(order or 0))
        return 0

    async def run_getnameinfo(req, address, port):
        try:
            name, service = await trio.to_thread.run_sync(
                socket.getnameinfo, (address, port), socket.NI_NAMEREQD, abandon_on_cancel=True)
        except OSError as exc:
            finish(req, errno_of(exc), None, None)
            return
        finish(req, 0, name, service)

    def getnameinfo(req, address, port):
        loop.active_reqs += 1
        loop.spawn(run_getnameinfo, req, text(address), int(port))
        return 0

    query_dispatch: list = []
    to_list = host.engine.to_list

    def new_channel(timeout, tries):
        return host.engine.host_object(Channel(host, int(timeout), int(tries)))

    def channel_query(channel, req, name, kind):
        return channel.query(req, text(name), text(kind), query_dispatch)

    def channel_set_servers(channel, servers):
        entries = []
        for entry in to_list(servers):
            family, address, port = to_list(entry)
            entries.append((int(family), text(address), int(port)))
        return channel.set_servers(entries)

    def channel_set_local(channel, ipv4, ipv6):
        channel.set_local_address(None if ipv4 is None else text(ipv4),
                                  None if ipv6 is None else text(ipv6))

    native = {
        "init": lambda fn: dispatch.append(fn),
        "initQuery": lambda fn: query_dispatch.append(fn),
        "newChannel": new_channel,
        "query": channel_query,
        "cancel": lambda channel: channel.cancel(query_dispatch),
        "getServers": lambda channel: channel.get_servers(),
        "setServers": channel_set_servers,
        "setLocalAddress": channel_set_local,
        "ipFamily": lambda address: _ip_family(text(address)),
        "getaddrinfo": getaddrinfo,
        "getnameinfo": getnameinfo,
        "AI_ADDRCONFIG": socket.AI_ADDRCONFIG,
        "AI_ALL": socket.AI_ALL,
        "AI_V4MAPPED": socket.AI_V4MAPPED,
        "DNS_ORDER_VERBATIM": DNS_ORDER_VERBATIM,
        "DNS_ORDER_IPV4_FIRST": DNS_ORDER_IPV4_FIRST,
        "DNS_ORDER_IPV6_FIRST": DNS_ORDER_IPV6_FIRST,
    }
    return load_shim(host, "internal/bindings/cares_wrap", native)
