"""nodeshim's host API with servers: runtimes serving side by side in one trio
run, cancellation (a cancel scope, Ctrl-C) closing their sockets, and
examples/python_host.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import trio

import nodeshim

ROOT = Path(__file__).resolve().parent.parent

SERVER = """
const http = require('node:http');
const hooks = require('python:hooks');
const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const reply = await hooks.handle(req.method, req.url, Buffer.concat(chunks));
  res.setHeader('x-runtime', hooks.name());
  res.end(reply);
});
exports.ready = new Promise((resolve) => {
  server.listen(0, '127.0.0.1', () => resolve(server.address().port));
});
"""


async def http_request(port: int, method: str = "GET", path: str = "/", body: bytes = b"") -> tuple[dict, bytes]:
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
        await stream.send_all(head.encode() + body)
        data = b""
        while chunk := await stream.receive_some(65536):
            data += chunk
    head, _, payload = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in lines[1:])}
    headers[":status"] = lines[0].split()[1]
    return headers, payload


def make_hooks(name: str, log: list):
    async def handle(method, url, body):
        await trio.sleep(0.001)  # a real trio await inside each request
        log.append((method, url, body))
        return body[::-1] + f" via {name} {url}".encode()

    return {"handle": handle, "name": lambda: name}


async def test_two_runtimes_serve_on_two_ports_concurrently():
    log_a, log_b = [], []
    async with nodeshim.Runtime() as a, nodeshim.Runtime() as b:
        a.expose("hooks", make_hooks("A", log_a))
        b.expose("hooks", make_hooks("B", log_b))
        mod_a = await a.run_source(SERVER, filename="server-a.js")
        mod_b = await b.run_source(SERVER, filename="server-b.js")
        with trio.fail_after(10):
            port_a, port_b = await mod_a.ready, await mod_b.ready
        assert port_a != port_b
        results = {}

        async def one(i, port):
            results[(port, i)] = await http_request(port, "POST", f"/r{i}", f"abc{i}".encode())

        with trio.fail_after(20):
            async with trio.open_nursery() as nursery:
                for i in range(10):
                    nursery.start_soon(one, i, port_a)
                    nursery.start_soon(one, i, port_b)
        for i in range(10):
            headers, body = results[(port_a, i)]
            assert headers[":status"] == "200" and headers["x-runtime"] == "A"
            assert body == f"{i}cba via A /r{i}".encode()
            headers, body = results[(port_b, i)]
            assert headers["x-runtime"] == "B" and body == f"{i}cba via B /r{i}".encode()
        assert len(log_a) == len(log_b) == 10
        with trio.fail_after(10):
            assert await a.aclose() == 0
        # b still serves after a closed.
        headers, body = await http_request(port_b, "POST", "/after", b"xy")
        assert body == b"yx via B /after"


def _port_is_free(port: int) -> bool:
    probe = socket.socket()
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind(("127.0.0.1", port))
        probe.listen()
        return True
    except OSError:
        return False
    finally:
        probe.close()


async def test_cancellation_closes_listening_and_connected_sockets():
    log = []
    with trio.move_on_after(30) as outer:
        with trio.CancelScope() as scope:
            async with nodeshim.Runtime() as rt:
                rt.expose("hooks", make_hooks("C", log))
                mod = await rt.run_source(SERVER)
                port = await mod.ready
                _, body = await http_request(port, "POST", "/x", b"12")
                assert body == b"21 via C /x"
                # A client connection held open (keep-alive, mid-request).
                held = await trio.open_tcp_stream("127.0.0.1", port)
                await held.send_all(b"POST /held HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
                await trio.sleep(0.05)
                scope.cancel()
                await trio.sleep_forever()
    assert not outer.cancelled_caught
    assert rt.closed
    # The listening socket is gone at once: the port can be bound again, and
    # the held connection sees its end.
    assert _port_is_free(port)
    with trio.fail_after(5):
        assert await held.receive_some(100) == b""
    await held.aclose()
    with trio.fail_after(5):
        try:
            await trio.open_tcp_stream("127.0.0.1", port)
            refused = False
        except OSError:
            refused = True
    assert refused
    with __import__("pytest").raises(nodeshim.RuntimeClosedError):
        await mod.ready


CTRL_C_HOST = """
import sys, trio, nodeshim
SERVER = sys.argv[1]
async def main():
    async with nodeshim.Runtime() as rt:
        rt.expose('hooks', {'handle': lambda m, u, b: b, 'name': lambda: 'K'})
        mod = await rt.run_source(SERVER)
        print(await mod.ready, flush=True)
        await trio.sleep_forever()
try:
    trio.run(main)
except KeyboardInterrupt:
    print('interrupted', flush=True)
"""


async def test_ctrl_c_stops_the_host_and_releases_the_port():
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    proc = subprocess.Popen([sys.executable, "-c", CTRL_C_HOST, SERVER], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        with trio.fail_after(60):
            line = await trio.to_thread.run_sync(proc.stdout.readline)
        port = int(line)
        _, body = await http_request(port, "POST", "/", b"ok")
        assert body == b"ok"
        proc.send_signal(signal.SIGINT)
        with trio.fail_after(30):
            out, err = await trio.to_thread.run_sync(proc.communicate)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert out.decode().strip() == "interrupted", err.decode()[-2000:]
    assert proc.returncode == 0
    assert _port_is_free(port)


async def test_python_host_example_runs():
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    with trio.fail_after(60):
        proc = await trio.run_process([sys.executable, str(ROOT / "examples" / "python_host.py")],
                                      capture_stdout=True, capture_stderr=True, check=False, env=env)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    lines = out.splitlines()
    assert lines[0].startswith("[js] listening on http://127.0.0.1:")
    assert lines[1] == ("[py] GET /first -> 200: 'Hello from node v20.19.2 at /first\\n"
                        "Python saw request #1: GET /first'")
    assert lines[2].startswith("[py] GET /second -> 200:") and "request #2: GET /second" in lines[2]
    assert lines[3] == "[py] runtime closed with exit code 0; Python saw ['/first', '/second']"


BUSY_HOST = """
import trio, nodeshim
async def main():
    async with nodeshim.Runtime() as rt:
        await rt.run_source(
            "setTimeout(() => { console.log('js busy'); const end = Date.now() + 1500;"
            " while (Date.now() < end); console.log('js finished'); }, 0)")
        await trio.sleep_forever()
try:
    trio.run(main)
except KeyboardInterrupt:
    print('interrupted', flush=True)
"""


async def test_ctrl_c_never_lands_inside_js():
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    proc = subprocess.Popen([sys.executable, "-c", BUSY_HOST], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        with trio.fail_after(60):
            line = await trio.to_thread.run_sync(proc.stdout.readline)
        assert line == b"js busy\n"
        await trio.sleep(0.3)  # inside the busy JS loop
        proc.send_signal(signal.SIGINT)
        with trio.fail_after(30):
            out, err = await trio.to_thread.run_sync(proc.communicate)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # The JS callback ran to its end; the interrupt came at the next checkpoint.
    assert out.decode().split() == ["js", "finished", "interrupted"], err.decode()[-2000:]
