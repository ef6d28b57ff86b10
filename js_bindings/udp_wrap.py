"""internalBinding('udp_wrap'): Node's UDP handle and SendWrap over datagram sockets.

A :class:`UDPHandle` is libuv's ``uv_udp_t`` on a non-blocking stdlib socket
driven by trio's readiness waits:

* the socket exists from the first ``bind``/``bind6`` (or, as libuv's deferred
  bind, from the first ``send``/``connect``/``addMembership`` on an unbound
  handle, which binds the wildcard address, port 0);
* one receive task, started by ``recvStart`` and ended by ``recvStop``; each
  datagram (up to 64 KiB, as libuv reads) reaches JS with one call,
  ``handle.onmessage(nread, handle, buffer, rinfo)`` in the poll phase; a
  receive error (ECONNREFUSED from an ICMP message on a connected socket)
  arrives as a negative ``nread`` and reading goes on, as in libuv;
* a send is first tried synchronously (``uv_udp_try_send``): done, it returns
  ``bytes + 1``; a full kernel buffer (EAGAIN) queues it for one sender task
  and ``req.oncomplete(status, bytes)`` follows (only when JS asked for a
  callback); any other error is returned as a negative errno.

Handle states (``closing`` is terminal)::

    state      event                         -> state      side effect
    new        bind / deferred bind          -> bound      socket created for the family
    bound      connect                       -> connected  peer fixed (send without address)
    connected  disconnect                    -> bound      connect(AF_UNSPEC)
    bound      recvStart                     -> receiving  receive task (handle active)
    receiving  recvStop                      -> bound      task ends (inactive)
    any        close(cb)                     -> closing    queued sends fail ECANCELED, cb in close phase

Everything JS calls returns 0 / a negative errno / a value and never raises.
The JS classes (``UDP``, ``SendWrap``) are in ``polyfills/internal/bindings/udp_wrap.js``.
"""

from __future__ import annotations

import ctypes
import socket
import struct
import weakref
from collections import deque

from ._socket_trio import trio

from ..loop import Handle
from .stream_wrap import StreamHandle, close_socket, load_shim
from .uv import CODES, errno_of

UV_UDP_IPV6ONLY = 1
UV_UDP_REUSEADDR = 4
RECV_SIZE = 64 * 1024

UV_EBADF = CODES["EBADF"]
UV_EINVAL = CODES["EINVAL"]
UV_ECANCELED = CODES["ECANCELED"]
UV_ENOTCONN = CODES["ENOTCONN"]
UV_EISCONN = CODES["EISCONN"]
UV_ENOSYS = CODES["ENOSYS"]

from ._socket_trio import checkpoint as _checkpoint  # noqa: E402
from ._socket_trio import wait_readable as _wait_readable  # noqa: E402
from ._socket_trio import wait_writable as _wait_writable  # noqa: E402

_libc = None


def _lib():
    global _libc
    if _libc is None:
        import ctypes.util  # noqa: PLC0415  (6 ms: only for disconnect())

        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        _libc.connect.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
    return _libc


# -- addresses (uv_ip4_addr / uv_ip6_addr: literals only, never a DNS name) ----

def _ip4(text: str):
    """The packed IPv4 address of a literal, or None."""
    try:
        return socket.inet_pton(socket.AF_INET, text)
    except (OSError, ValueError, TypeError):
        return None


def _group_iface4(iface):
    """The local address of a multicast membership (any when None), or None
    when it is not an IPv4 literal."""
    return bytes(4) if iface is None else _ip4(iface)


def _group_iface6(iface):
    """The interface index of an IPv6 membership (its address's scope, 0
    when None), or None when it is not an IPv6 literal."""
    if iface is None:
        return 0
    parsed = _ip6(iface)
    return None if parsed is None else parsed[1]


def _ip6(text: str):
    """(packed address, scope id) of an IPv6 literal (``fe80::1%lo``), or None."""
    if not isinstance(text, str):
        return None
    addr, sep, zone = text.partition("%")
    try:
        packed = socket.inet_pton(socket.AF_INET6, addr)
    except (OSError, ValueError):
        return None
    scope = 0
    if sep:
        if zone.isdigit():
            scope = int(zone)
        else:
            try:
                scope = socket.if_nametoindex(zone)
            except OSError:
                scope = 0
    return packed, scope


def _sockaddr(family: int, address: str, port: int):
    """The Python address tuple for ``family``, or None when not a literal."""
    if family == socket.AF_INET:
        if _ip4(address) is None:
            return None
        return (address, port)
    parsed = _ip6(address)
    if parsed is None:
        return None
    return (socket.inet_ntop(socket.AF_INET6, parsed[0]), port, 0, parsed[1])


def _link_local(host: str) -> bool:
    try:
        packed = socket.inet_pton(socket.AF_INET6, host)
    except (OSError, ValueError):
        return False
    return packed[0] == 0xFE and (packed[1] & 0xC0) == 0x80


def _host6(addr) -> str:
    """Node's AddressToJS text of an IPv6 sockaddr: a link-local address
    carries its interface (``fe80::1%eth0``)."""
    host = addr[0].partition("%")[0]
    scope = addr[3] if len(addr) > 3 else 0
    if scope and _link_local(host):
        try:
            return f"{host}%{socket.if_indextoname(scope)}"
        except OSError:
            return f"{host}%{scope}"
    return host


def _rinfo(family: int, addr) -> dict:
    if family == socket.AF_INET6:
        return {"address": _host6(addr), "family": "IPv6", "port": addr[1]}
    return {"address": addr[0], "family": "IPv4", "port": addr[1]}


_LIVE: "weakref.WeakSet[UDPHandle]" = weakref.WeakSet()


class UDPHandle(Handle):
    """A datagram socket (udp4 or udp6)."""

    # Node's --test-udp-no-try-send: every send is queued (tests see the queue).
    try_send = True

    def __init__(self, host, dispatch):
        super().__init__(host.loop)
        self.host = host
        self._onmessage, self._send_done = dispatch
        self.js = None
        self.raw: socket.socket | None = None
        self.family = 0
        self.connected = False
        self.receiving = False
        self._recv_running = False
        self._send_running = False
        self._sends: deque = deque()  # [req, data, addr | None, has_callback]
        self._queued_bytes = 0
        _LIVE.add(self)

    # -- socket -------------------------------------------------------------

    def _open(self, family: int) -> int:
        if self.raw is not None:
            return 0
        try:
            raw = socket.socket(family, socket.SOCK_DGRAM)
        except OSError as exc:
            return errno_of(exc)
        raw.setblocking(False)
        self.raw = raw
        self.family = family
        return 0

    def _deferred_bind(self, family: int, flags: int = 0) -> int:
        """libuv's uv__udp_maybe_deferred_bind: an unbound handle binds the
        wildcard address of ``family``, port 0."""
        if self.raw is not None:
            return 0
        any_addr = "0.0.0.0" if family == socket.AF_INET else "::"
        return self.bind(any_addr, 0, flags, family)

    def open_fd(self, fd: int) -> int:
        if self.closing:
            return UV_EBADF
        if self.raw is not None:
            return CODES["EEXIST"]
        fd = int(fd)
        for other in list(_LIVE):
            # libuv's uv__fd_exists: a descriptor another handle of this loop
            # watches (receiving, or with sends queued).
            if other.loop is self.loop and (other.receiving or other._sends) and other.fileno() == fd:
                return CODES["EEXIST"]
        try:
            raw = socket.socket(fileno=int(fd))
        except OSError as exc:
            return errno_of(exc)
        if raw.type != socket.SOCK_DGRAM:
            raw.detach()
            return UV_EINVAL
        raw.setblocking(False)
        self.raw = raw
        self.family = raw.family
        try:
            raw.getpeername()
            self.connected = True
        except OSError:
            pass
        return 0

    # The socket's fd, or -1 once closing: the same rule as a stream's.
    fileno = StreamHandle.fileno

    def bind(self, address: str, port: int, flags: int, family: int) -> int:
        if self.closing:
            return UV_EBADF
        if flags & UV_UDP_IPV6ONLY and family != socket.AF_INET6:
            return UV_EINVAL
        addr = _sockaddr(family, address, int(port) & 0xFFFF)
        if addr is None:
            return UV_EINVAL
        if self.raw is not None and self.raw.family != family:
            return UV_EINVAL
        created = self.raw is None
        err = self._open(family)
        if err:
            return err
        raw = self.raw
        try:
            if flags & UV_UDP_REUSEADDR:
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if flags & UV_UDP_IPV6ONLY:
                raw.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            raw.bind(addr)
        except OSError as exc:
            if created:
                # libuv keeps the fd; a later bind may still succeed, so start over.
                self.raw = None
                raw.close()
            return errno_of(exc)
        return 0

    # -- connect ------------------------------------------------------------

    def connect(self, address: str, port: int, family: int) -> int:
        if self.closing:
            return UV_EBADF
        addr = _sockaddr(family, address, int(port) & 0xFFFF)
        if addr is None:
            return UV_EINVAL
        if self.connected:
            return UV_EISCONN
        err = self._deferred_bind(family)
        if err:
            return err
        try:
            self.raw.connect(addr)
        except BlockingIOError:
            pass
        except OSError as exc:
            return errno_of(exc)
        self.connected = True
        return 0

    def disconnect(self) -> int:
        if not self.connected or self.raw is None:
            return UV_ENOTCONN
        fd = self.fileno()
        if fd < 0:
            return UV_EBADF
        unspec = bytes(128)  # sockaddr_storage, ss_family = AF_UNSPEC
        if _lib().connect(fd, unspec, len(unspec)) != 0:
            code = ctypes.get_errno()
            if code != 97:  # EAFNOSUPPORT: libuv treats it as done
                return -code
        self.connected = False
        return 0

    # -- receiving ------------------------------------------------------------

    def recv_start(self) -> int:
        if self.closing:
            return UV_EBADF
        if self.receiving:
            return 0  # libuv's EALREADY, which Node's RecvStart ignores
        err = self._deferred_bind(socket.AF_INET)
        if err:
            return err
        self.receiving = True
        self.set_active(True)
        if not self._recv_running:
            self._recv_running = True
            self.loop.spawn(self._recv_loop)
        return 0

    def recv_stop(self) -> int:
        self.receiving = False
        self.set_active(False)
        return 0

    async def _recv_loop(self) -> None:
        # The task only waits for readability; the reads happen in the poll
        # phase, as libuv's uv__udp_recvmsg does: up to 32 datagrams, each
        # handed to JS before the next is read, so a close() or recvStop()
        # in a callback leaves the rest in the kernel (for another process
        # sharing the socket, say).
        raw = self.raw
        try:
            while self.receiving and not self.closing and raw is self.raw:
                await _wait_readable(raw)
                if not self.receiving or self.closing or raw is not self.raw:
                    break
                done = trio.Event()
                self.loop.queue_io(lambda: self._read_batch(raw, done))
                await done.wait()
        except (trio.ClosedResourceError, OSError):
            pass
        finally:
            self._recv_running = False
            if self.receiving and not self.closing and self.raw is not None and self.raw is not raw:
                self._recv_running = True
                self.loop.spawn(self._recv_loop)

    def _read_batch(self, raw, done) -> None:
        family = self.family
        try:
            for _ in range(32):
                if self.closing or not self.receiving or raw is not self.raw:
                    return
                try:
                    data, addr = raw.recvfrom(RECV_SIZE)
                except (BlockingIOError, InterruptedError):
                    return
                except OSError as exc:
                    self._deliver(errno_of(exc), None, None)
                    return
                self._deliver(len(data), data, _rinfo(family, addr))
        finally:
            done.set()

    def _deliver(self, nread: int, data, rinfo) -> None:
        if self.closing or self.js is None:
            return
        self.host.make_callback(self._onmessage, nread, data, rinfo, this=self.js)

    # -- sending ------------------------------------------------------------------

    def send(self, req, pieces: list, port, address, has_cb: bool, family: int) -> int:
        """bytes + 1: sent now; 0: queued (oncomplete follows if has_cb); <0: errno."""
        if self.closing:
            return UV_EBADF
        data = pieces[0] if len(pieces) == 1 else b"".join(pieces)
        if address is None:
            dest = None
            if not self.connected:
                return CODES["EDESTADDRREQ"]
        else:
            dest = _sockaddr(family, address, int(port) & 0xFFFF)
            if dest is None:
                return UV_EINVAL
            if self.connected:
                return UV_EISCONN
            err = self._deferred_bind(family)
            if err:
                return err
        raw = self.raw
        if raw is None:
            return UV_EBADF
        if not self._sends and self.try_send:
            try:
                if dest is None:
                    raw.send(data)
                else:
                    raw.sendto(data, dest)
                return len(data) + 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as exc:
                return errno_of(exc)
        self._sends.append([req, data, dest, has_cb])
        self._queued_bytes += len(data)
        self.loop.active_reqs += 1
        if not self._send_running:
            self._send_running = True
            self.loop.spawn(self._send_loop)
        return 0

    async def _send_loop(self) -> None:
        raw = self.raw
        sends = self._sends
        try:
            while sends and not self.closing:
                entry = sends[0]
                req, data, dest, has_cb = entry
                try:
                    if dest is None:
                        raw.send(data)
                    else:
                        raw.sendto(data, dest)
                    status = 0
                except (BlockingIOError, InterruptedError):
                    await _wait_writable(raw)
                    continue
                except OSError as exc:
                    status = errno_of(exc)
                sends.popleft()
                self._queued_bytes -= len(data)
                self._complete(req, status, len(data), has_cb)
                await _checkpoint()
        except (trio.ClosedResourceError, OSError):
            pass
        finally:
            self._send_running = False

    def _complete(self, req, status: int, size: int, has_cb: bool) -> None:
        def done():
            self.loop.active_reqs -= 1
            if has_cb:
                self.host.make_callback(self._send_done, status, size, this=req)

        self.loop.queue_io(done)

    # -- names ------------------------------------------------------------------

    def address_of(self, peer: bool):
        raw = self.raw
        if raw is None:
            return UV_EBADF
        try:
            addr = raw.getpeername() if peer else raw.getsockname()
        except OSError as exc:
            return errno_of(exc)
        if raw.family == socket.AF_INET6:
            return [_host6(addr), "IPv6", addr[1]]
        return [addr[0], "IPv4", addr[1]]

    # -- options ------------------------------------------------------------------

    def _setsockopt(self, level: int, opt: int, value) -> int:
        raw = self.raw
        if raw is None:
            return UV_EBADF
        try:
            raw.setsockopt(level, opt, value)
        except OSError as exc:
            return errno_of(exc)
        return 0

    def _v6(self) -> bool:
        return self.raw is not None and self.raw.family == socket.AF_INET6

    def set_broadcast(self, on) -> int:
        return self._setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1 if on else 0)

    def _set_ip_option(self, value: int, low: int, v6_option: int, v4_option: int) -> int:
        """An IP-level option with libuv's range check (low..255), on the
        IPv6 or IPv4 level as the socket's family says."""
        if value < low or value > 255:
            return UV_EINVAL
        if self._v6():
            return self._setsockopt(socket.IPPROTO_IPV6, v6_option, value)
        return self._setsockopt(socket.IPPROTO_IP, v4_option, value)

    def set_ttl(self, ttl: int) -> int:
        return self._set_ip_option(ttl, 1, socket.IPV6_UNICAST_HOPS, socket.IP_TTL)

    def set_multicast_ttl(self, ttl: int) -> int:
        return self._set_ip_option(ttl, 0, socket.IPV6_MULTICAST_HOPS, socket.IP_MULTICAST_TTL)

    def set_multicast_loopback(self, on: int) -> int:
        return self._set_ip_option(on, 0, socket.IPV6_MULTICAST_LOOP, socket.IP_MULTICAST_LOOP)

    def set_multicast_interface(self, iface) -> int:
        if iface is None:
            if self._v6():
                return self._setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, 0)
            return self._setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, bytes(4))
        packed4 = _ip4(iface)
        if packed4 is not None:
            return self._setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, packed4)
        parsed6 = _ip6(iface)
        if parsed6 is not None:
            return self._setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF,
                                    struct.pack("@I", parsed6[1]))
        return UV_EINVAL

    def set_membership(self, group, iface, join: bool) -> int:
        if self.closing:
            return UV_EBADF
        packed4 = _ip4(group)
        if packed4 is not None:
            err = self._deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
            if err:
                return err
            local = _group_iface4(iface)
            if local is None:
                return UV_EINVAL
            opt = socket.IP_ADD_MEMBERSHIP if join else socket.IP_DROP_MEMBERSHIP
            return self._setsockopt(socket.IPPROTO_IP, opt, packed4 + local)
        parsed6 = _ip6(group)
        if parsed6 is None:
            return UV_EINVAL
        err = self._deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
        if err:
            return err
        index = _group_iface6(iface)
        if index is None:
            return UV_EINVAL
        opt = socket.IPV6_JOIN_GROUP if join else socket.IPV6_LEAVE_GROUP
        return self._setsockopt(socket.IPPROTO_IPV6, opt, parsed6[0] + struct.pack("@I", index))

    def set_source_membership(self, source, group, iface, join: bool) -> int:
        if self.closing:
            return UV_EBADF
        group4 = _ip4(group)
        if group4 is not None:
            source4 = _ip4(source)
            if source4 is None:
                return UV_EINVAL
            err = self._deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
            if err:
                return err
            local = _group_iface4(iface)
            if local is None:
                return UV_EINVAL
            opt = getattr(socket, "IP_ADD_SOURCE_MEMBERSHIP" if join else "IP_DROP_SOURCE_MEMBERSHIP", None)
            if opt is None:
                return UV_ENOSYS
            # struct ip_mreq_source (Linux): multiaddr, interface, sourceaddr
            return self._setsockopt(socket.IPPROTO_IP, opt, group4 + local + source4)
        group6 = _ip6(group)
        source6 = _ip6(source)
        if group6 is None or source6 is None:
            return UV_EINVAL
        err = self._deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
        if err:
            return err
        index = _group_iface6(iface)
        if index is None:
            return UV_EINVAL
        # struct group_source_req: interface (padded to 8), two sockaddr_storage.
        def storage(packed, scope):
            sa = struct.pack("@H", socket.AF_INET6) + struct.pack("!HI", 0, 0) + packed + struct.pack("@I", scope)
            return sa + bytes(128 - len(sa))
        req = struct.pack("@I4x", index) + storage(*group6) + storage(*source6)
        opt = 46 if join else 47  # MCAST_JOIN_SOURCE_GROUP / MCAST_LEAVE_SOURCE_GROUP
        return self._setsockopt(socket.IPPROTO_IPV6, opt, req)

    def buffer_size(self, size: int, recv: bool):
        """The (possibly new) size, or a negative errno."""
        raw = self.raw
        if raw is None:
            return UV_EBADF
        opt = socket.SO_RCVBUF if recv else socket.SO_SNDBUF
        try:
            if size == 0:
                return raw.getsockopt(socket.SOL_SOCKET, opt)
            raw.setsockopt(socket.SOL_SOCKET, opt, size)
        except OSError as exc:
            return errno_of(exc)
        return size

    @property
    def send_queue_size(self) -> int:
        return self._queued_bytes

    @property
    def send_queue_count(self) -> int:
        return len(self._sends)

    # -- closing ---------------------------------------------------------------

    def _drop_socket(self) -> None:
        self.closing = True
        self.receiving = False
        self.set_active(False)
        raw, self.raw = self.raw, None
        close_socket(raw)

    def release(self) -> None:
        """The owning runtime is torn down: close the socket now, no JS."""
        self._drop_socket()
        self._sends.clear()

    def close(self, cb=None) -> None:
        if self.closing:
            return
        self._drop_socket()
        cancelled = list(self._sends)
        self._sends.clear()
        self._queued_bytes = 0

        def finish():
            mc = self.host.make_callback
            for req, data, _dest, has_cb in cancelled:
                self.loop.active_reqs -= 1
                if has_cb:
                    mc(self._send_done, UV_ECANCELED, len(data), this=req)
            if cb is not None:
                mc(cb, this=self.js)
            self.js = None

        self.loop.queue_close(finish)


def create(host):
    engine = host.engine
    text = engine.text
    to_bytes = engine.to_bytes
    to_list = engine.to_list
    wrap = engine.host_object
    dispatch: list = []

    def init(onmessage, send_done):
        dispatch[:] = [onmessage, send_done]

    options = getattr(host, "options", None)
    no_try_send = "--test-udp-no-try-send" in (getattr(options, "exec_argv", None) or ())

    def new_handle(js):
        h = UDPHandle(host, tuple(dispatch))
        if no_try_send:
            h.try_send = False
        h.js = js
        return wrap(h)

    def opt_text(value):
        return None if value is None else text(value)

    def send(h, req, chunks, port, address, has_cb, v6):
        try:
            pieces = [to_bytes(c) for c in to_list(chunks)]
        except Exception:  # noqa: BLE001 - never raise into JS
            return UV_EINVAL
        family = socket.AF_INET6 if v6 else socket.AF_INET
        return h.send(req, pieces, port, opt_text(address), bool(has_cb), family)

    def int32(value) -> int:
        try:
            return int(value)
        except (TypeError, ValueError, OverflowError):
            return 0

    native = {
        "init": init,
        "newHandle": new_handle,
        "open": lambda h, fd: h.open_fd(int32(fd)),
        "bind": lambda h, addr, port, flags: h.bind(text(addr), int32(port), int32(flags), socket.AF_INET),
        "bind6": lambda h, addr, port, flags: h.bind(text(addr), int32(port), int32(flags), socket.AF_INET6),
        "connect": lambda h, addr, port: h.connect(text(addr), int32(port), socket.AF_INET),
        "connect6": lambda h, addr, port: h.connect(text(addr), int32(port), socket.AF_INET6),
        "disconnect": lambda h: h.disconnect(),
        "send": send,
        "recvStart": lambda h: h.recv_start(),
        "recvStop": lambda h: h.recv_stop(),
        "address": lambda h, peer: h.address_of(bool(peer)),
        "setBroadcast": lambda h, on: h.set_broadcast(bool(on)),
        "setTTL": lambda h, ttl: h.set_ttl(int32(ttl)),
        "setMulticastTTL": lambda h, ttl: h.set_multicast_ttl(int32(ttl)),
        "setMulticastLoopback": lambda h, on: h.set_multicast_loopback(int32(on)),
        "setMulticastInterface": lambda h, iface: h.set_multicast_interface(opt_text(iface)),
        "setMembership": lambda h, group, iface, join: h.set_membership(
            text(group), opt_text(iface), bool(join)),
        "setSourceMembership": lambda h, source, group, iface, join: h.set_source_membership(
            text(source), text(group), opt_text(iface), bool(join)),
        "bufferSize": lambda h, size, recv: h.buffer_size(int32(size), bool(recv)),
        "sendQueueSize": lambda h: h.send_queue_size,
        "sendQueueCount": lambda h: h.send_queue_count,
        "fd": lambda h: h.fileno(),
        "close": lambda h, cb=None: h.close(cb),
        "ref": lambda h: h.ref(),
        "unref": lambda h: h.unref(),
        "hasRef": lambda h: h.has_ref(),
        "isClosing": lambda h: h.closing,
    }
    return load_shim(host, "internal/bindings/udp_wrap", native)
