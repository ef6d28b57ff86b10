"""The floor of nodeshim's stack: a bare trio + h11 HTTP server, no JS.

    python bench/http/floor_server.py            # PORT (default 8000), HOST (127.0.0.1)

Answers exactly what the benchmark's JS servers answer, with the same
headers as node's (Content-Type, Content-Length, Date, Connection,
Keep-Alive):

* ``GET /download`` -> 1 MiB of ``x``;
* ``POST`` anything -> the number of body bytes read;
* anything else -> ``Hello from <impl> <version> at <url>``, as
  examples/hello-server.js does.

Written the way a trio + h11 user would (``trio.serve_tcp``, one task per
connection, one ``h11.Connection`` per connection), nothing clever: this is
what "as fast as our two libraries allow" means for the benchmark.
"""

from __future__ import annotations

import os
import sys
import time
from email.utils import formatdate

import h11
import trio

DOWNLOAD = b"x" * (1 << 20)
VERSION = f"python {sys.version.split()[0]} trio {trio.__version__} h11 {h11.__version__}"
_date = [0, b""]


def http_date() -> bytes:
    now = int(time.time())
    if _date[0] != now:
        _date[0] = now
        _date[1] = formatdate(now, usegmt=True).encode()
    return _date[1]


async def handle(stream: trio.SocketStream) -> None:
    conn = h11.Connection(h11.SERVER)
    received = 0
    request = None
    try:
        while True:
            ev = conn.next_event()
            if ev is h11.NEED_DATA:
                conn.receive_data(await stream.receive_some(65536))
                continue
            t = type(ev)
            if t is h11.Request:
                request = ev
                received = 0
            elif t is h11.Data:
                received += len(ev.data)
            elif t is h11.EndOfMessage:
                if request.method == b"POST":
                    body, ctype = b"%d\n" % received, b"text/plain"
                elif request.target == b"/download":
                    body, ctype = DOWNLOAD, b"application/octet-stream"
                else:
                    body = b"Hello from %s at %s\n" % (VERSION.encode(), request.target)
                    ctype = b"text/plain"
                headers = [(b"Content-Type", ctype), (b"Content-Length", b"%d" % len(body)),
                           (b"Date", http_date())]
                if not any(n == b"connection" and b"close" in v.lower() for n, v in request.headers):
                    headers += [(b"Connection", b"keep-alive"), (b"Keep-Alive", b"timeout=5")]
                out = conn.send(h11.Response(status_code=200, headers=headers, reason=b"OK"))
                out += conn.send(h11.Data(data=body))
                out += conn.send(h11.EndOfMessage())
                await stream.send_all(out)
                if conn.our_state is h11.MUST_CLOSE:
                    break
                conn.start_next_cycle()
            elif t is h11.ConnectionClosed:
                break
    except (h11.ProtocolError, trio.BrokenResourceError, trio.ClosedResourceError):
        pass
    finally:
        await stream.aclose()


async def main() -> None:
    port = int(os.environ.get("PORT", "8000"))
    host = os.environ.get("HOST", "127.0.0.1")
    listeners = await trio.open_tcp_listeners(port, host=host, backlog=511)
    actual = listeners[0].socket.getsockname()[1]
    print(f"listening on http://{host}:{actual}/", flush=True)
    await trio.serve_listeners(handle, listeners)


if __name__ == "__main__":
    try:
        trio.run(main)
    except KeyboardInterrupt:
        pass
