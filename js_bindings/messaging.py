"""internalBinding('messaging'): entangled message ports, as Node's MessagePort.

A port is a loop handle of the process (thread) that owns it; its peer may be
owned by another thread (worker_threads).  Messages are already serialized by
JS (V8's wire format, internal/worker/io.js): a message is ``(payload bytes,
[transferred ArrayBuffer bytes], [transferred port states])``, so nothing of
one engine ever reaches another.  Posting appends to the peer's inbox under a
lock and schedules a drain on the peer's loop (thread-safe), so messages
arrive as macrotasks in the receiver's poll phase.

JS sees ports by number; ``setup(onMessage, onClose)`` gives the two callbacks
every port of this process reports through.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque

from ..loop import Handle

_CLOSE = object()
_lock = threading.RLock()  # peer links of every port, across threads
# BroadcastChannel name -> its open channels, in every thread of the process.
_groups: dict[str, list] = {}


class PortState:
    """A port in transit (in a message, or a new Worker's parentPort): its
    peer and the messages that reach it before a thread adopts it."""

    __slots__ = ("peer", "inbox", "group")

    def __init__(self, peer, inbox):
        self.peer = peer
        self.inbox = inbox
        self.group = None

    def deliver(self, message) -> None:
        with _lock:
            self.inbox.append(message)


def channel_to_thread(registry: "Ports"):
    """A port here entangled with one that another thread will adopt."""
    port = Port(registry)
    state = PortState(port, deque())
    with _lock:
        port.peer = state
    return port, state


class Port(Handle):
    __slots__ = ("registry", "id", "peer", "inbox", "receiving", "scheduled", "closed", "group")

    def __init__(self, registry: "Ports", state: PortState | None = None):
        super().__init__(registry.host.loop)
        self.registry = registry
        self.id = next(registry.ids)
        self.peer = None
        self.inbox: deque = deque()
        self.receiving = False
        self.scheduled = False
        self.closed = False
        self.group = None
        registry.ports[self.id] = self
        self.set_active(True)
        if state is not None:
            with _lock:
                self.peer = state.peer
                self.inbox.extend(state.inbox)
                if state.peer is not None:
                    state.peer.peer = self
            if self.inbox:
                self._schedule()

    # -- any thread -------------------------------------------------------

    def deliver(self, message) -> None:
        with _lock:
            self.inbox.append(message)
            self._schedule()

    def _schedule(self) -> None:
        if not self.scheduled:
            self.scheduled = True
            self.registry.schedule(self)

    # -- the owner's thread -------------------------------------------------

    def _drain(self) -> None:
        self.scheduled = False
        # What was queued when this drain started (messages queued before
        # close() still arrive, as in Node); later ones wait a turn.
        with _lock:
            budget = len(self.inbox)
        for _ in range(budget):
            with _lock:
                if not self.inbox:
                    return
                head = self.inbox[0]
                if head is not _CLOSE and not self.receiving:
                    return
                self.inbox.popleft()
            if head is _CLOSE:
                self.close(notify_peer=False)
                continue
            self.registry.emit_message(self.id, head)
        with _lock:
            if self.inbox and (self.receiving or self.inbox[0] is _CLOSE):
                self._schedule()

    def take(self):
        """receiveMessageOnPort: the next message now, or None."""
        with _lock:
            if self.closed or not self.inbox or self.inbox[0] is _CLOSE:
                return None
            return self.inbox.popleft()

    def post(self, message) -> bool:
        if self.group is not None:
            with _lock:
                members = [p for p in _groups.get(self.group, ()) if p is not self]
            for member in members:
                member.deliver(message)
            return True
        # Under the lock: the peer may be adopted by another thread meanwhile.
        with _lock:
            peer = self.peer
            if peer is None or self.closed:
                return False
            peer.deliver(message)
        return True

    def detach(self) -> PortState:
        """Hand this port over to a message: it closes here without event."""
        with _lock:
            state = PortState(self.peer, deque(self.inbox))
            if self.peer is not None:
                self.peer.peer = state
            self.inbox.clear()
            self.peer = None
            self.closed = True
        self.set_active(False)
        self.registry.ports.pop(self.id, None)
        return state

    def start(self) -> None:
        self.receiving = True
        with _lock:
            if self.inbox:
                self._schedule()

    def stop(self) -> None:
        self.receiving = False

    def close(self, notify_peer: bool = True) -> None:
        if self.closed:
            return
        with _lock:
            self.closed = True
            if self.group is not None:
                members = _groups.get(self.group, [])
                if self in members:
                    members.remove(self)
                if not members:
                    _groups.pop(self.group, None)
            peer, self.peer = self.peer, None
            if peer is not None and peer.peer is self:
                peer.peer = None
        if notify_peer and peer is not None:
            peer.deliver(_CLOSE)
        registry = self.registry

        def closed():
            self.set_active(False)
            registry.ports.pop(self.id, None)
            registry.emit_close(self.id)

        self.loop.queue_close(closed)


def entangle(a: Port, b: Port) -> None:
    with _lock:
        a.peer = b
        b.peer = a


class Ports:
    """The ports of one process (thread)."""

    def __init__(self, host):
        self.host = host
        self.ids = itertools.count(1)
        self.ports: dict[int, Port] = {}
        self.on_message = None
        self.on_close = None
        self.on_thread_message = None
        # Ports with messages to drain: drained together, in the order the
        # ports were made (as libuv runs its async handles), not in the order
        # their messages came.
        self.pending: set = set()
        self.draining = False

    def schedule(self, port) -> None:
        with _lock:
            self.pending.add(port)
            if self.draining:
                return
            self.draining = True
        self.host.loop.queue_threadsafe(self._drain_pending)

    def _drain_pending(self) -> None:
        with _lock:
            ports = sorted(self.pending, key=lambda p: p.id)
            self.pending.clear()
            self.draining = False
        for port in ports:
            port._drain()

    def emit_message(self, port_id: int, message) -> None:
        payload, buffers, states = message
        ids = [Port(self, state).id for state in states]
        self.host.make_callback(self.on_message, port_id, payload, self.buffers_here(buffers), ids)

    def emit_close(self, port_id: int) -> None:
        if self.on_close is not None:
            self.host.make_callback(self.on_close, port_id)

    def pack(self, payload, buffers, port_ids):
        engine = self.host.engine
        data = engine.to_bytes(payload)
        # A SharedArrayBuffer travels as its memory, every other buffer as a copy.
        blobs = [engine.share_memory(b) or engine.to_bytes(b)
                 for b in engine.to_list(buffers)] if buffers is not None else []
        states = [self.ports[int(i)].detach() for i in engine.to_list(port_ids)] if port_ids is not None else []
        return (data, blobs, states)


    def buffers_here(self, buffers) -> list:
        """A message's buffers as values of this thread's engine."""
        engine = self.host.engine
        return [b if isinstance(b, bytes) else engine.shared_array_buffer(b) for b in buffers]


# worker_threads.postMessageToThread: thread id -> the Ports of the thread
# that listens for messages sent to it (every thread once internal/worker/io
# loaded), or the messages that wait for a starting worker to listen.
_threads: dict[int, "Ports | list"] = {}


def thread_id_of(host) -> int:
    info = host.options.worker
    return info.thread_id if info is not None else 0


def expect_thread(thread_id: int) -> None:
    """A worker is starting: messages to it wait until it listens."""
    with _lock:
        _threads.setdefault(thread_id, [])


def forget_thread(thread_id: int) -> None:
    """The thread's environment is gone: messages to it fail from now on,
    and those it never took close their ports (their senders see it)."""
    with _lock:
        entry = _threads.pop(thread_id, None)
    for _payload, _buffers, states in entry if isinstance(entry, list) else ():
        for state in states:
            if state.peer is not None:
                state.peer.deliver(_CLOSE)


def _thread_message(ports: Ports, message) -> None:
    payload, buffers, states = message
    ids = [Port(ports, state).id for state in states]
    if ports.on_thread_message is not None:
        ports.host.make_callback(ports.on_thread_message, payload, ports.buffers_here(buffers), ids)


# Atomics.wait/notify across threads.  QuickJS's own Atomics.wait blocks
# holding the GIL, so no other thread (the one that would notify) could run:
# JS waits here instead, on a condition that releases it.  Waiters by
# address, in arrival order: [address, notified].
_atomics = threading.Condition(threading.Lock())
_waiters: dict[int, list] = {}
_WAIT_SLICE = 0.05  # how often a waiting thread checks that it was terminated


def _atomics_wait(host, sab, byte_index, expected, timeout_ms, wide) -> str:
    import ctypes  # noqa: PLC0415
    import time  # noqa: PLC0415

    memory = host.engine.share_memory(sab)
    if memory is None:
        return "not-equal"
    address = memory.ptr + int(byte_index)
    cell = (ctypes.c_int64 if wide else ctypes.c_int32).from_address(address)
    deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000.0
    with _atomics:
        if cell.value != int(host.engine.text(expected)):
            return "not-equal"
        waiter = [address, False]
        _waiters.setdefault(address, []).append(waiter)
        try:
            while not waiter[1]:
                left = _WAIT_SLICE if deadline is None else min(_WAIT_SLICE, deadline - time.monotonic())
                if left <= 0 or host.engine.exit_code is not None:
                    return "timed-out"
                _atomics.wait(left)
            return "ok"
        finally:
            queue = _waiters.get(address)
            if queue is not None and waiter in queue:
                queue.remove(waiter)
                if not queue:
                    del _waiters[address]
            del memory


def _atomics_notify(host, sab, byte_index, count) -> int:
    memory = host.engine.share_memory(sab)
    if memory is None:
        return 0
    address = memory.ptr + int(byte_index)
    woken = 0
    with _atomics:
        queue = _waiters.get(address, [])
        for waiter in queue:
            if count >= 0 and woken >= count:
                break
            if not waiter[1]:
                waiter[1] = True
                woken += 1
        if woken:
            _atomics.notify_all()
    return woken


def ports_of(host) -> Ports:
    ports = getattr(host, "_message_ports", None)
    if ports is None:
        ports = host._message_ports = Ports(host)
    return ports


def create(host):
    ports = ports_of(host)

    def get(port_id):
        return ports.ports.get(int(port_id))

    def setup(on_message, on_close):
        ports.on_message = on_message
        ports.on_close = on_close

    def setup_thread_messages(on_thread_message):
        ports.on_thread_message = on_thread_message
        with _lock:
            pending = _threads.get(thread_id_of(host))
            _threads[thread_id_of(host)] = ports
        for message in pending if isinstance(pending, list) else ():
            host.loop.queue_io(lambda message=message: _thread_message(ports, message))

    def post_to_thread(thread_id, payload, buffers, port_ids):
        """Queue a message for thread ``thread_id``'s listener: 1, or 0 when
        no such thread listens (the transferred ports stay with the message)."""
        message = ports.pack(payload, buffers, port_ids)
        with _lock:
            target = _threads.get(int(thread_id)) if float(thread_id).is_integer() else None
            if isinstance(target, list):
                target.append(message)
                return 1
        if target is None:
            return 0
        target.host.loop.queue_threadsafe(lambda: _thread_message(target, message))
        return 1

    def create_channel():
        a, b = Port(ports), Port(ports)
        entangle(a, b)
        return [a.id, b.id]

    def create_broadcast(name):
        port = Port(ports)
        port.group = host.engine.text(name)
        port.receiving = True
        with _lock:
            _groups.setdefault(port.group, []).append(port)
        return port.id

    def post(port_id, payload, buffers, port_ids):
        port = get(port_id)
        if port is None:
            return 0
        message = ports.pack(payload, buffers, port_ids)
        return 1 if port.post(message) else 0

    def receive(port_id):
        port = get(port_id)
        message = port.take() if port is not None else None
        if message is None:
            return None
        payload, buffers, states = message
        return [payload, ports.buffers_here(buffers), [Port(ports, s).id for s in states]]

    def each(method):
        def call(port_id):
            port = get(port_id)
            if port is not None:
                getattr(port, method)()
            return 0
        return call

    def has_ref(port_id):
        port = get(port_id)
        return bool(port is not None and port.has_ref() and port.active)

    def is_detached(port_id):
        """Closed, or entangled no more (the peer closed): as Node, at once."""
        port = get(port_id)
        return port is None or port.closed or (port.group is None and port.peer is None)

    def peer_of(port_id):
        """The id of the peer when both ends live in this process, else 0."""
        port = get(port_id)
        peer = port.peer if port is not None else None
        return peer.id if getattr(peer, "registry", None) is ports else 0

    return {
        "setup": setup,
        "atomicsWait": lambda sab, index, expected, timeout, wide:
            _atomics_wait(host, sab, index, expected, float(timeout), bool(wide)),
        "atomicsNotify": lambda sab, index, count: _atomics_notify(host, sab, index, int(count)),
        "setupThreadMessages": setup_thread_messages,
        "postToThread": post_to_thread,
        "createChannel": create_channel,
        "createBroadcast": create_broadcast,
        "post": post,
        "receive": receive,
        "start": each("start"),
        "stop": each("stop"),
        "close": each("close"),
        "ref": each("ref"),
        "unref": each("unref"),
        "hasRef": has_ref,
        "peerOf": peer_of,
        "isDetached": is_detached,
    }
