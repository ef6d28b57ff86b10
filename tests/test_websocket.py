"""The global WebSocket client (issue 10) against two servers:

* a node server made of node's own modules (tests/js/fixtures/websocket/server.js:
  http 'upgrade', hand-written framing), with the same client scripts run under
  ``node --experimental-websocket`` for the expected output;
* a trio + wsproto server in this process (server-side fragmentation,
  permessage-deflate, protocol violations, a server that never closes).

Everything on loopback, every wait bounded.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import trio
from wsproto import ConnectionType, WSConnection
from wsproto.events import (
    AcceptConnection,
    BytesMessage,
    CloseConnection,
    Ping,
    Pong,
    Request,
    TextMessage,
)
from wsproto.extensions import PerMessageDeflate

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "js" / "fixtures" / "websocket"
NODE = shutil.which("node")
NODESHIM = [sys.executable, "-m", "nodeshim"]
TIMEOUT = 120


def env(**extra):
    e = dict(os.environ)
    e.pop("NODE_OPTIONS", None)
    e.update(extra)
    return e


@pytest.fixture(scope="module")
def node_server():
    if NODE is None:
        pytest.skip("node is not installed")
    proc = subprocess.Popen([NODE, str(FIXTURES / "server.js")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env())
    try:
        port = int(proc.stdout.readline())
        yield port
    finally:
        proc.kill()
        proc.wait(timeout=10)


def run_script(cmd, script, **extra):
    return subprocess.run(cmd + [str(FIXTURES / script)], capture_output=True, timeout=TIMEOUT,
                          env=env(**extra), cwd=FIXTURES)


# Node 20/22 (undici 6) fire no `close` after a failed handshake (refused,
# non-101, bad accept, close() while connecting); the WHATWG standard and
# nodeshim fire error then close 1006.
HANDSHAKE_CLOSE = re.compile(r"^(closeconnecting|badaccept|reject): close CloseEvent code=1006 "
                             r'reason="" wasClean=false readyState=3$', re.M)


def test_events_match_node(node_server):
    node = run_script([NODE, "--experimental-websocket"], "events.js", WS_PORT=str(node_server))
    shim = run_script(NODESHIM, "events.js", WS_PORT=str(node_server))
    assert shim.returncode == 0, shim.stderr.decode()[-3000:]
    out = shim.stdout.decode()
    assert len(HANDSHAKE_CLOSE.findall(out)) == 3, out
    assert HANDSHAKE_CLOSE.sub("", out).replace("\n\n", "\n") == node.stdout.decode()
    assert node.returncode == shim.returncode


def test_api_matches_node():
    if NODE is None:
        pytest.skip("node is not installed")
    node = run_script([NODE, "--experimental-websocket"], "api.js")
    shim = run_script(NODESHIM, "api.js")
    assert shim.stdout.decode() == node.stdout.decode(), shim.stderr.decode()[-3000:]
    assert shim.returncode == node.returncode == 0


EXPECTED_LARGE = "".join(
    f"{kind} {n} ok\n"
    for n in (0, 1, 125, 126, 65535, 65536, 1 << 20, 16 << 20)
    for kind in ("text", "binary")
) + "close 1000 true\n"


def test_large_messages_node_server(node_server):
    shim = run_script(NODESHIM, "large.js", WS_URL=f"ws://127.0.0.1:{node_server}/echo")
    assert shim.stdout.decode() == EXPECTED_LARGE, shim.stderr.decode()[-3000:]
    assert shim.returncode == 0


def test_globals_and_http_export():
    code = (
        "const http = require('node:http');"
        "const d = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');"
        "console.log(http.WebSocket === WebSocket, d.enumerable, Object.keys(globalThis).includes('WebSocket'),"
        " typeof CloseEvent, new CloseEvent('close', {code: 4001, reason: 'r', wasClean: true}).code);"
        "try { new WebSocket('ftp://example.invalid/'); } catch (e) { console.log(e.name); }"
    )
    r = subprocess.run(NODESHIM + ["-e", code], capture_output=True, timeout=TIMEOUT, env=env())
    assert r.stdout.decode() == "true false false function 4001\nSyntaxError\n", r.stderr.decode()


# --- trio + wsproto server ----------------------------------------------------

class TrioServer:
    """Behaviour by request path, as the node fixture; records what clients sent."""

    def __init__(self):
        self.client_close_codes: dict[str, int | None] = {}

    async def handle(self, stream):
        ws = WSConnection(ConnectionType.SERVER)
        path = None
        try:
            while path is None:
                data = await stream.receive_some(65536)
                if not data:
                    return
                ws.receive_data(data)
                for event in ws.events():
                    if isinstance(event, Request):
                        path = event.target
                        extra = {}
                        if path == "/deflate":
                            extra["extensions"] = [PerMessageDeflate()]
                        if path == "/protocol":
                            extra["subprotocol"] = event.subprotocols[1]
                        await stream.send_all(ws.send(AcceptConnection(**extra)))
            await self.behave(path, ws, stream)
        except (trio.BrokenResourceError, trio.ClosedResourceError):
            pass
        finally:
            await stream.aclose()

    async def behave(self, path, ws, stream):
        if path == "/drop":
            return
        if path == "/silent":
            # Never answer: the client gives up on its own.
            await trio.sleep(30)
            return
        if path == "/ping":
            await stream.send_all(ws.send(Ping(b"trio")))
        elif path.startswith("/close/"):
            await stream.send_all(ws.send(CloseConnection(int(path.rsplit("/", 1)[1]), "trio bye")))
        elif path == "/rsv":
            # RSV1 set without a negotiated extension: a protocol violation.
            await stream.send_all(b"\xc1\x02hi")
        elif path == "/badutf8":
            await stream.send_all(b"\x81\x02\xc3\x28")
        parts = []
        while True:
            data = await stream.receive_some(1 << 20)
            if not data:
                return
            ws.receive_data(data)
            for event in ws.events():
                if isinstance(event, CloseConnection):
                    self.client_close_codes[path] = event.code
                    if ws.state.name == "REMOTE_CLOSING":
                        await stream.send_all(ws.send(event.response()))
                    return
                if isinstance(event, Pong):
                    await stream.send_all(ws.send(TextMessage(f"pong:{event.payload.decode()}")))
                elif isinstance(event, (TextMessage, BytesMessage)):
                    parts.append(event.data)
                    if event.message_finished:
                        whole = ("" if isinstance(event, TextMessage) else b"").join(parts)
                        parts = []
                        # Echo in fragments of at most 1 MiB (the client must join them).
                        kind = TextMessage if isinstance(whole, str) else BytesMessage
                        step = 1 << 20
                        chunks = [whole[i:i + step] for i in range(0, len(whole), step)] or [whole]
                        for i, chunk in enumerate(chunks):
                            await stream.send_all(
                                ws.send(kind(data=chunk, message_finished=i == len(chunks) - 1)))


async def with_trio_server(fn, tls=None):
    server = TrioServer()
    handler = server.handle
    if tls is not None:
        async def handler(tcp):
            stream = trio.SSLStream(tcp, tls, server_side=True)
            try:
                await stream.do_handshake()
            except trio.BrokenResourceError:
                return  # the client refused our certificate
            await server.handle(stream)
    async with trio.open_nursery() as nursery:
        listeners = await nursery.start(functools.partial(trio.serve_tcp, handler, 0, host="127.0.0.1"))
        port = listeners[0].socket.getsockname()[1]
        try:
            with trio.fail_after(TIMEOUT):
                result = await fn(port)
        finally:
            nursery.cancel_scope.cancel()
    return server, result


async def run_shim(script, **extra):
    return await trio.run_process(NODESHIM + [str(FIXTURES / script)], capture_stdout=True,
                                  capture_stderr=True, check=False, env=env(**extra), cwd=FIXTURES)


TRIO_EXPECTED = """\
echo: open protocol="" extensions=""
echo: text "hi"
echo: binary 3
echo: text "3145728 chars"
echo: close 1000 "bye" true
ping: open protocol="" extensions=""
ping: text "pong:trio"
ping: close 1005 "" true
close: open protocol="" extensions=""
close: close 1011 "trio bye" true
drop: open protocol="" extensions=""
drop: close 1006 "" false
rsv: open protocol="" extensions=""
rsv: error {rsv}
rsv: close 1006 "" false
badutf8: open protocol="" extensions=""
badutf8: error Invalid UTF-8 received.
badutf8: close 1006 "" false
deflate: open protocol="" extensions="permessage-deflate; client_max_window_bits=15"
deflate: text "100000 chars"
deflate: close 4000 "" true
protocol: open protocol="b" extensions=""
protocol: close 1005 "" true
silent: open protocol="" extensions=""
silent: close 1006 "" false
done
"""


async def test_trio_wsproto_server():
    server, proc = await with_trio_server(
        lambda port: run_shim("trio_client.js", WS_BASE=f"ws://127.0.0.1:{port}"))
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    rsv = re.search(r"^rsv: error (.*)$", out, re.M)
    assert rsv and rsv.group(1), out
    assert out == TRIO_EXPECTED.format(rsv=rsv.group(1)), proc.stderr.decode()[-3000:]
    # The client answered the violations with Close 1002 / 1007 before dropping TCP.
    assert server.client_close_codes.get("/rsv") == 1002
    assert server.client_close_codes.get("/badutf8") == 1007
    assert server.client_close_codes.get("/echo") == 1000


async def test_large_messages_trio_server():
    _, proc = await with_trio_server(
        lambda port: run_shim("large.js", WS_URL=f"ws://127.0.0.1:{port}/echo"))
    assert proc.stdout.decode() == EXPECTED_LARGE, proc.stderr.decode()[-3000:]
    assert proc.returncode == 0


def _tls_context():
    import ssl  # noqa: PLC0415

    certs = HERE / "js" / "fixtures" / "crypto"  # our own test CA and leaf (SAN 127.0.0.1)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(certs / "leaf-cert.pem", certs / "leaf-key.pem")
    return ctx


async def test_wss_large_messages_over_tls():
    # wss: runs the same handshake and framing over node:tls; the test CA is
    # not a default CA, so verification is relaxed as node allows.
    _, proc = await with_trio_server(
        lambda port: run_shim("large.js", WS_URL=f"wss://127.0.0.1:{port}/echo",
                              NODE_TLS_REJECT_UNAUTHORIZED="0"), tls=_tls_context())
    assert proc.stdout.decode() == EXPECTED_LARGE, proc.stderr.decode()[-3000:]
    assert proc.returncode == 0
    assert b"NODE_TLS_REJECT_UNAUTHORIZED" in proc.stderr  # node's warning


async def test_wss_unverified_certificate_fails():
    _, proc = await with_trio_server(
        lambda port: run_shim("large.js", WS_URL=f"wss://127.0.0.1:{port}/echo"), tls=_tls_context())
    assert proc.stdout.decode().startswith("error"), (proc.stdout + proc.stderr).decode()[-3000:]
    assert "close 1006 false" in proc.stdout.decode()


def test_stalled_handshake_fails_and_exits():
    shim = subprocess.run(NODESHIM + ["--expose-internals", str(FIXTURES / "stalled_handshake.js")],
                          capture_output=True, timeout=TIMEOUT, env=env())
    assert shim.stdout.decode() == (
        "error Received network error or non-101 status code. 0\nclose 1006 false\n"), shim.stderr.decode()
    assert shim.returncode == 0
