"""internalBinding('cares_wrap'): getaddrinfo/getnameinfo in a worker thread.

Node runs ``getaddrinfo(3)`` on libuv's thread pool; here it runs through
``trio.to_thread``.  The request object is Node's ``GetAddrInfoReqWrap``;
completion calls ``req.oncomplete(status, addresses)`` with a libuv errno
(``UV_EAI_NONAME`` ...; ``lib/dns.js`` reports it as ``ENOTFOUND``).
"""

from __future__ import annotations

import socket

from ._socket_trio import trio

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

    native = {
        "init": lambda fn: dispatch.append(fn),
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
