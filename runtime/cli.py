"""The ``nodeshim`` command: ``node``'s command line over :func:`nodeshim.run`."""

from __future__ import annotations

import os
import sys

from .execpath import exec_path, take_argv0
from .api import run
from .host import NODE_VERSION

USAGE = """Usage: nodeshim [options] [ script.js | -e "script" | - ] [arguments]

Options:
  -e, --eval script          evaluate script
  -p, --print script         evaluate script and print result
  -                          script read from stdin (default if no file name is provided)
  --                         indicate the end of node options
  --expose-internals         allow require('internal/...')
  --insecure-http-parser     use an insecure HTTP parser that accepts invalid HTTP headers
  --max-http-header-size=N   set the maximum size of HTTP headers (default: 16384)
  --no-warnings              silence all process warnings
  --stack-size=N, --stack-trace-limit=N  accepted for compatibility
  -v, --version              print nodeshim's emulated Node.js version
  -h, --help                 print node command line options
"""

# Flags accepted and passed to the JS side through process.execArgv.
_VALUE_FLAGS = {"--max-http-header-size", "--stack-size", "--stack-trace-limit", "--unhandled-rejections",
                "--title", "--require", "-r", "--input-type", "--conditions", "-C", "--dns-result-order", "--redirect-warnings",
                "--disable-warning"}
_BOOL_FLAGS = {"--expose-internals", "--expose_internals", "--insecure-http-parser", "--no-warnings",
               "--no-deprecation", "--pending-deprecation", "--trace-warnings", "--throw-deprecation",
               "--trace-deprecation", "--expose-gc", "--expose_gc", "--no-experimental-fetch",
               "--experimental-websocket", "--no-experimental-websocket", "--trace-uncaught",
               "--experimental-vm-modules", "--harmony", "--no-experimental-global-navigator",
               "--preserve-symlinks", "--abort-on-uncaught-exception", "--abort_on_uncaught_exception", "--experimental-global-webcrypto",
               "--no-experimental-global-webcrypto", "--experimental-require-module", "--enable-source-maps",
               "--allow-natives-syntax", "--zero-fill-buffers", "--security-revert=CVE-2023-46809",
               "--expose-gc", "--no-force-async-hooks-checks", "--experimental-abortcontroller",
               "--test-udp-no-try-send"}


# Value flags with a fixed set of values; node refuses anything else before
# running any code.
_CHOICES = {"--unhandled-rejections": {"throw", "strict", "warn", "none", "warn-with-error-code"}}


def _bad_option(opt: str) -> int:
    exe = os.path.basename(sys.argv[0]) or "nodeshim"
    sys.stderr.write(f"{exe}: bad option: {opt}\n")
    return 9


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        # As node's PlatformInit: closed stdio fds are reopened on /dev/null,
        # so that fd 0-2 never alias a file the program opens.
        for fd in (0, 1, 2):
            try:
                os.fstat(fd)
            except OSError:
                try:
                    os.open(os.devnull, os.O_RDWR)  # takes the lowest free fd: this one
                except OSError:
                    pass
        # Python left the stream objects of closed fds as None.
        if sys.stdout is None:
            sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        if sys.stderr is None:
            sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        take_argv0()
        # As node without a 'SIGINT' listener: the signal ends the process
        # (reported as killed by SIGINT), not a Python KeyboardInterrupt.
        import signal  # noqa: PLC0415

        signal.signal(signal.SIGINT, signal.SIG_DFL)
    exec_argv: list[str] = []
    kind, value = None, None
    interactive = False
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            i += 1
            break
        if a == "-" or not a.startswith("-"):
            break
        name, eq, val = a.partition("=")
        # node takes `_` for `-` inside option names (--stack_size).
        if name.startswith("--"):
            name = "--" + name[2:].replace("_", "-")
        if a in ("-v", "--version"):
            print(NODE_VERSION)
            return 0
        if a in ("-h", "--help"):
            sys.stdout.write(USAGE)
            return 0
        if a in ("-i", "--interactive"):
            interactive = True
            exec_argv.append(a)
            i += 1
            continue
        if a in ("-e", "--eval", "-p", "--print", "-pe"):
            if i + 1 >= len(args):
                sys.stderr.write(f"{os.path.basename(sys.argv[0])}: {a} requires an argument\n")
                return 9
            kind = "print" if a in ("-p", "--print", "-pe") else "eval"
            exec_argv += [a, args[i + 1]]
            value = args[i + 1]
            i += 2
            continue
        if name in ("--eval", "--print") and eq:
            kind = "print" if name == "--print" else "eval"
            value = val
            exec_argv.append(a)
            i += 1
            continue
        if name in _VALUE_FLAGS:
            choice = val if eq else (args[i + 1] if i + 1 < len(args) else None)
            if name in _CHOICES and choice is not None and choice not in _CHOICES[name]:
                sys.stderr.write(f"{os.path.basename(sys.argv[0]) or 'nodeshim'}: invalid value for {name}\n")
                return 9
            if not eq:
                if i + 1 >= len(args):
                    return _bad_option(a)
                exec_argv += [a, args[i + 1]]
                i += 2
                continue
            exec_argv.append(a)
            i += 1
            continue
        if a in _BOOL_FLAGS or name in _BOOL_FLAGS or a.startswith(("--v8-", "--security-revert=", "--max-old-space-size", "--max-semi-space-size", "--experimental-", "--no-experimental-")):
            exec_argv.append(a)
            i += 1
            continue
        return _bad_option(a)
    rest = args[i:]
    script_argv: list[str]
    if kind is None:
        if rest and rest[0] != "-":
            kind, value = "file", rest[0]
            script_argv = rest[1:]
        elif not rest and (interactive or sys.stdin.isatty()):
            # As node: no script and a terminal (or -i) is the REPL.
            kind = "eval"
            value = _REPL_SOURCE
            script_argv = []
        else:
            kind = "stdin"
            value = sys.stdin.read()
            # `node - a b` has process.argv [execPath, '-', 'a', 'b'].
            script_argv = rest if rest else []
    else:
        script_argv = rest
        if interactive and kind == "eval":
            # node -i -e code: the code first, then the REPL
            value = f"{value}\n;{_REPL_SOURCE}"
    options = dict(
        argv=script_argv,
        exec_argv=exec_argv,
        exec_path=exec_path() if argv is None else sys.executable,
        expose_internals=any(f in exec_argv for f in ("--expose-internals", "--expose_internals")),
        insecure_http_parser="--insecure-http-parser" in exec_argv,
    )
    if kind == "file":
        return run(value, **options)
    return run(source=value, print_result=kind == "print", from_stdin=kind == "stdin", **options)


_REPL_SOURCE = (
    "process.stdout.write(`Welcome to Node.js ${process.version}.\\n"
    "Type \".help\" for more information.\\n`);"
    "require('repl').start({ useGlobal: true, ignoreUndefined: false });"
)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
