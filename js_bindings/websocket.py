"""internalBinding('websocket'): RFC 6455 framing for the WebSocket client, on wsproto.

The only module that imports wsproto.  The opening handshake is an ordinary
``http.request`` with ``Upgrade: websocket`` made by ``internal/websocket``;
this binding gives it the key and the expected ``Sec-WebSocket-Accept`` (SHA-1
and base64, which have no JS home yet), then frames the upgraded socket's
bytes: JS passes what the socket read, Python answers with the bytes to write
back (pongs, the close reply) and the finished messages.

Why Python and not JS (bench/websocket/framing.js, 16 MiB, best of 3): the
client must mask every byte it sends, a per-byte loop the interpreter runs
2-3x slower than wsproto (binary: wsproto 75 ms, QuickJS Int32 XOR 225 ms on
an idle machine; 289 vs 651 ms under load); receiving costs about the same
either way (binary 34 vs 17 ms, UTF-8-checked text 166 vs 122 ms, the JS side
being a lower bound with no frame parsing), since the JS TextDecoder decodes in
Python too.  wsproto also brings the protocol rules (control frames between
fragments, close codes, RSV bits, incremental UTF-8 across fragments) and
permessage-deflate on zlib, which a JS framer would have to write again.

Event records returned by ``receive`` (one list per event):
``[TEXT, str]``, ``[BINARY, bytes]``, ``[PING, bytes]``, ``[PONG, bytes]``,
``[CLOSE, code, reason]`` (the peer's Close frame), ``[FAIL, code, reason]``
(the peer broke the protocol; a Close frame with ``code`` is already in the
outgoing bytes).
"""

from __future__ import annotations

import base64
import hashlib
import os

from wsproto.connection import Connection, ConnectionState, ConnectionType
from wsproto.events import BytesMessage, CloseConnection, Message, Ping, Pong, TextMessage
from wsproto.extensions import PerMessageDeflate
from wsproto.handshake import client_extensions_handshake
from wsproto.utilities import ProtocolError

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

TEXT = 1
BINARY = 2
PING = 3
PONG = 4
CLOSE = 5
FAIL = 6


def accept_for(key: str) -> str:
    """Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 section 4.2.2)."""
    return base64.b64encode(hashlib.sha1(key.encode("latin-1") + GUID).digest()).decode("ascii")


class Framer:
    """One upgraded connection's frame state: bytes in, events and bytes out."""

    def __init__(self, deflate: PerMessageDeflate | None) -> None:
        self.conn = Connection(ConnectionType.CLIENT, extensions=[deflate] if deflate else None)
        self.parts: list = []
        self.failed = False

    def receive(self, data: bytes) -> list:
        out = bytearray()
        records: list = [None]
        if self.failed or self.conn.state is ConnectionState.CLOSED:
            return records
        self.conn.receive_data(data)
        for event in self.conn.events():
            if isinstance(event, Message):
                self.parts.append(event.data)
                if event.message_finished:
                    if isinstance(event, TextMessage):
                        records.append([TEXT, "".join(self.parts)])
                    else:
                        records.append([BINARY, b"".join(self.parts)])
                    self.parts = []
            elif isinstance(event, Ping):
                if self.conn.state is ConnectionState.OPEN:
                    out += self.conn.send(event.response())
                records.append([PING, bytes(event.payload)])
            elif isinstance(event, Pong):
                records.append([PONG, bytes(event.payload)])
            elif isinstance(event, CloseConnection):
                state = self.conn.state
                if state in (ConnectionState.OPEN, ConnectionState.LOCAL_CLOSING):
                    # wsproto reports a parse failure as a CloseConnection that
                    # leaves the state alone: fail the connection (RFC 6455 7.1.7).
                    self.failed = True
                    if state is ConnectionState.OPEN:
                        out += self.conn.send(CloseConnection(code=event.code, reason=""))
                    records.append([FAIL, int(event.code), event.reason or ""])
                    break
                code = 1005 if event.code is None else int(event.code)
                if state is ConnectionState.REMOTE_CLOSING:
                    # Reply with the peer's code (an empty Close for 1005).
                    out += self.conn.send(CloseConnection(code=event.code))
                records.append([CLOSE, code, event.reason or ""])
        records[0] = bytes(out) if out else None
        return records

    def send(self, data, text: bool) -> bytes | None:
        if self.conn.state is not ConnectionState.OPEN:
            return None
        return self.conn.send(TextMessage(data=data) if text else BytesMessage(data=data))

    def close(self, code, reason: str) -> bytes | None:
        if self.conn.state is not ConnectionState.OPEN:
            return None
        return self.conn.send(CloseConnection(code=code, reason=reason))


def create(host):
    engine = host.engine

    def new_key():
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        return [key, accept_for(key)]

    def offer():
        # As undici offers it; the server may pick its window bits.
        return f"{PerMessageDeflate.name}; client_max_window_bits"

    def new_framer(extensions):
        """A framer; ``extensions`` is the server's Sec-WebSocket-Extensions
        (or null).  Returns null when it names something we did not offer."""
        deflate = None
        if extensions:
            accepted = [p.strip() for p in engine.text(extensions).split(",")]
            try:
                (deflate,) = client_extensions_handshake(accepted, [PerMessageDeflate()])
            except (ProtocolError, ValueError):  # not offered, twice, or bad parameters
                return None
        return engine.host_object(Framer(deflate))

    def send(framer, data, text):
        if text:
            return framer.send(engine.text(data), True)
        return framer.send(engine.to_bytes(data), False)

    return {
        "newKey": new_key,
        "acceptFor": lambda key: accept_for(engine.text(key)),
        "offer": offer,
        "newFramer": new_framer,
        "receive": lambda framer, data: framer.receive(engine.to_bytes(data)),
        "send": send,
        "close": lambda framer, code, reason: framer.close(
            None if code is None else int(code), "" if reason is None else engine.text(reason)),
        "kText": TEXT, "kBinary": BINARY, "kPing": PING, "kPong": PONG,
        "kClose": CLOSE, "kFail": FAIL,
    }
