"""node:tty on a real terminal: a pseudo-terminal stands in for the user's.

Each scenario runs under real node (when installed) and under nodeshim, so
the expectations are Node's own behaviour.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time

import pytest

NODE = shutil.which("node")
RUNTIMES = ["nodeshim"] + (["node"] if NODE else [])


def command(runtime: str) -> list[str]:
    return [sys.executable, "-m", "nodeshim"] if runtime == "nodeshim" else [NODE]


class Terminal:
    """A child process whose stdin, stdout and stderr are one pty."""

    def __init__(self, runtime: str, script: str, env: dict | None = None, columns=120, rows=40):
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if k not in ("NODE_OPTIONS", "FORCE_COLOR",
                                                                    "NO_COLOR", "NODE_DISABLE_COLORS", "CI")}
        full_env["TERM"] = "xterm-256color"
        full_env.update(env or {})
        self.proc = subprocess.Popen(command(runtime) + ["-e", script], stdin=self.slave, stdout=self.slave,
                                     stderr=self.slave, env=full_env, start_new_session=True)
        self.buffer = b""

    def read_until(self, marker: bytes, timeout: float = 30) -> bytes:
        deadline = time.monotonic() + timeout
        while marker not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {marker!r} in {self.buffer!r}")
            if select.select([self.master], [], [], left)[0]:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # EIO: every slave end is closed
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"EOF before {marker!r} in {self.buffer!r}")
                self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(marker)
        return head

    def line(self, tag: str):
        """The JSON printed by the child as `tag <json>`."""
        self.read_until(tag.encode() + b" ")
        return json.loads(self.read_until(b"\r\n"))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def finish(self) -> int:
        code = self.proc.wait(timeout=30)
        os.close(self.slave)
        os.close(self.master)
        return code


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_stdio_streams_on_a_terminal(runtime):
    script = r"""
      const tty = require('tty');
      const out = process.stdout, err = process.stderr;
      const facts = {
        isatty: [0, 1, 2].map((fd) => tty.isatty(fd)),
        stdout: [out.constructor.name, out.isTTY, out._type, out.fd, out.columns, out.rows],
        stderr: [err.constructor.name, err.isTTY, err.columns],
        stdin: [process.stdin.constructor.name, process.stdin.isTTY, process.stdin.isRaw],
        size: out.getWindowSize(),
        depth: out.getColorDepth(),
        styled: require('util').styleText('red', 'x'),
      };
      console.log('facts', JSON.stringify(facts));
      // console colours follow the terminal
      console.log('colored', JSON.stringify(require('util').format('%o', 1)), 1);
    """
    term = Terminal(runtime, script)
    facts = term.line("facts")
    assert facts == {
        "isatty": [True, True, True],
        "stdout": ["WriteStream", True, "tty", 1, 120, 40],
        "stderr": ["WriteStream", True, 120],
        "stdin": ["ReadStream", True, False],
        "size": [120, 40],
        "depth": 8,
        "styled": "\x1b[31mx\x1b[39m",
    }
    term.read_until(b"colored ")
    assert b"\x1b[33m1\x1b[39m" in term.read_until(b"\r\n")
    assert term.finish() == 0


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_no_color_on_a_terminal(runtime):
    script = r"""
      console.log('depth', JSON.stringify([process.stdout.getColorDepth(), process.stdout.hasColors(),
                                         require('util').styleText('red', 'x')]));
      console.log('plain', 1);
    """
    term = Terminal(runtime, script, env={"NO_COLOR": "1"})
    assert term.line("depth") == [1, False, "x"]
    assert term.read_until(b"\r\n") == b"plain 1"
    assert term.finish() == 0


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_raw_mode_reads_keys_unbuffered(runtime):
    script = r"""
      process.stdin.setRawMode(true);
      console.log('raw', JSON.stringify(process.stdin.isRaw));
      process.stdin.once('data', (data) => {
        process.stdin.setRawMode(false);
        console.log('key', JSON.stringify([data.toString('latin1'), process.stdin.isRaw]));
        process.stdin.pause();
      });
    """
    term = Terminal(runtime, script)
    assert term.line("raw") is True
    attrs = termios.tcgetattr(term.slave)
    assert not attrs[3] & (termios.ECHO | termios.ICANON | termios.ISIG)
    # No newline: a raw terminal hands over each key as it comes.
    term.send(b"q")
    assert term.line("key") == ["q", False]
    assert termios.tcgetattr(term.slave)[3] & termios.ICANON
    assert term.finish() == 0


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_terminal_mode_restored_at_exit(runtime):
    master, slave = pty.openpty()
    before = termios.tcgetattr(slave)
    try:
        script = "process.stdin.setRawMode(true); console.log('set'); process.exit(0)"
        proc = subprocess.run(command(runtime) + ["-e", script], stdin=slave, stdout=slave, stderr=slave,
                              timeout=30, start_new_session=True)
        assert proc.returncode == 0
        assert termios.tcgetattr(slave)[3] == before[3]
    finally:
        os.close(slave)
        os.close(master)


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_line_input_and_end_of_input(runtime):
    script = r"""
      let got = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (d) => { got += d; });
      process.stdin.on('end', () => console.log('got', JSON.stringify(got)));
      console.log('ready', JSON.stringify(1));
    """
    term = Terminal(runtime, script)
    assert term.line("ready") == 1
    term.send(b"hello\n")
    term.send(b"\x04")  # ^D at the start of a line: end of input
    assert term.line("got") == "hello\n"
    assert term.finish() == 0
