"""A trio program that hosts examples/hello-server.js in-process.

It exposes a Python function that the JS request handler calls once per
request (``require('python:on_request')``), queries the server with an HTTP
client, then shuts everything down: the server closes, ``process.on('exit')``
handlers run, and the socket is released before the ``async with`` ends.

    .venv/bin/python examples/python_host.py
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import trio

import nodeshim

SERVER = Path(__file__).resolve().parent / "hello-server.js"


class Output:
    """The runtime's stdout: kept, echoed, and watched for the port."""

    def __init__(self) -> None:
        self.text = ""
        self.port: int | None = None
        self.listening = trio.Event()

    def write(self, data: bytes) -> int:
        chunk = data.decode()
        print(f"[js] {chunk}", end="")
        self.text += chunk
        found = re.search(r"listening on http://[^:]+:(\d+)/", self.text)
        if found and self.port is None:
            self.port = int(found.group(1))
            self.listening.set()
        return len(data)


def http_get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


async def main() -> None:
    seen: list[str] = []

    def on_request(method: str, url: str) -> str:
        seen.append(url)
        return f"Python saw request #{len(seen)}: {method} {url}"

    out = Output()
    async with nodeshim.Runtime(env={"PORT": "0"}, stdout=out) as rt:
        rt.expose("on_request", on_request)
        await rt.run_file(SERVER)
        with trio.fail_after(10):
            await out.listening.wait()
        for path in ("/first", "/second"):
            status, body = await trio.to_thread.run_sync(http_get, f"http://127.0.0.1:{out.port}{path}")
            print(f"[py] GET {path} -> {status}: {body.strip()!r}")
        code = await rt.aclose()
    print(f"[py] runtime closed with exit code {code}; Python saw {seen}")


if __name__ == "__main__":
    trio.run(main)
