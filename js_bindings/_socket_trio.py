"""trio for the socket, process and file-watch bindings, imported on first use.

Importing trio costs more than Node's whole start-up (about 80 ms here), and
a program that requires node:http but never opens a socket should not pay it.
The bindings say ``from ._socket_trio import trio`` and use ``trio.X`` as
usual; the first attribute read imports trio and copies its namespace in, so
later reads are plain attribute hits.
"""

from __future__ import annotations


class _LazyTrio:
    def __getattr__(self, name: str):
        import trio as real  # noqa: PLC0415  (the point of this module)

        self.__dict__.update(real.__dict__)
        return getattr(real, name)


trio = _LazyTrio()


async def wait_readable(sock) -> None:
    await trio.lowlevel.wait_readable(sock)


async def wait_writable(sock) -> None:
    await trio.lowlevel.wait_writable(sock)


async def checkpoint() -> None:
    await trio.lowlevel.checkpoint()
