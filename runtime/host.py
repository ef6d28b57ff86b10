"""One Node-like process: an engine, a loop, the bindings and the bootstrap.

The sequence mirrors Node's ``node::Start``: bootstrap the realm (builtin
module loader), bootstrap ``process`` and the globals, run the main entry,
then spin the loop (``SpinEventLoop``): run, emit ``beforeExit``, run again
while it made new work, then emit ``exit`` and return the exit code.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from . import engine as _engine
from .engine import Engine, JSError, ProcessExit
from .bytecode_cache import BytecodeCache
from .bytecode_cache import default_dir as bytecode_cache_dir
from .loop import Loop

NODE_VERSION = "v20.19.2"


def polyfills_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("nodeshim.polyfills")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "polyfills"


class Options:
    """Process-level settings, as node's command line would give them."""

    def __init__(
        self,
        argv: list[str] | None = None,
        exec_argv: list[str] | None = None,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
        expose_internals: bool = False,
        insecure_http_parser: bool = False,
        memory_limit: int | None = None,
        stdout=None,
        stderr=None,
        hosted: bool = False,
        worker=None,
    ):
        self.argv = argv if argv is not None else [sys.executable]
        self.exec_argv = exec_argv or []
        self.env = env
        self.cwd = cwd
        self.expose_internals = expose_internals
        self.insecure_http_parser = insecure_http_parser
        self.memory_limit = memory_limit
        # Binary file-likes (``write(bytes)``) for fd 1 and 2, or None.
        self.stdout = stdout
        self.stderr = stderr
        # Inside a Python host (runtime/api.py): several runtimes share the
        # OS process, so cwd is the runtime's own and an uncaught error or
        # process.exit() ends only this runtime.
        self.hosted = hosted
        # A worker_threads Worker's thread (js_bindings/worker.py WorkerInfo).
        self.worker = worker


# The origin of performance.now() and performance.timeOrigin: the process's
# start, the same for its main runtime and its workers (as Node's).
PROCESS_START_NS = time.monotonic_ns()
PROCESS_START_EPOCH_MS = time.time() * 1000 - (time.monotonic_ns() - PROCESS_START_NS) / 1e6


class NodeProcess:
    def __init__(self, options: Options | None = None):
        # performance.nodeTiming's milestones (monotonic ns); the origin of
        # performance.now() is the start of this runtime, as a process's is.
        self.milestones = {"origin": PROCESS_START_NS, "originEpochMs": PROCESS_START_EPOCH_MS}
        self.milestones["nodeStart"] = time.monotonic_ns()
        self.options = options or Options()
        # process.cwd(): the OS cwd for the CLI (process.chdir() changes it,
        # as node's does); per runtime when hosted, never os.chdir().
        self.cwd = os.path.abspath(self.options.cwd) if self.options.cwd else os.getcwd()
        # The error value of an uncaught exception that ended the process
        # (set by internal/process/execution through the host API hook).
        self.fatal_error = None
        # A worker's stack is its resourceLimits.stackSizeMb (default 4).
        limits = getattr(self.options.worker, "resource_limits", None) or []
        stack = int(limits[3] * 1024 * 1024) if len(limits) > 3 and limits[3] > 0 else 4 * 1024 * 1024
        self.engine = Engine(memory_limit=self.options.memory_limit, stack_size=stack,
                             interruptible=self.options.worker is not None)
        self.milestones["v8Start"] = time.monotonic_ns()
        self._bytecode = BytecodeCache(self.engine, bytecode_cache_dir())
        self.loop = Loop()
        self.polyfills = polyfills_dir()
        self._bindings: dict[str, object] = {}
        self.sources: dict[str, str] = {}  # filename -> source, for error carets
        self.exit_code: int | None = None
        self.hooks = None
        self.milestones["environment"] = time.monotonic_ns()
        self._bootstrap()
        self.milestones["bootstrapComplete"] = time.monotonic_ns()

    # -- bindings -----------------------------------------------------------

    def binding(self, name: str):
        b = self._bindings.get(name)
        if b is None:
            from . import js_bindings as registry  # noqa: PLC0415

            spec = registry.create(name, self)
            if spec is None:
                return None
            b = spec
            if name == "process_methods" and self.options.hosted:
                self._own_cwd(b)
            elif name == "fs" and self.options.hosted:
                self._fs_relative_to_cwd(b)
            self._bindings[name] = b
        return b

    def _own_cwd(self, methods: dict) -> None:
        """process.cwd()/chdir() of a hosted runtime: its own directory."""

        def chdir(path):
            target = os.path.join(self.cwd, self.engine.text(path))
            try:
                if not os.path.isdir(target):
                    os.stat(target)  # raises ENOENT for a missing path
                    return -20  # ENOTDIR
                os.listdir(target)  # EACCES as chdir would report it
            except OSError as e:
                return -(e.errno or 5)
            self.cwd = os.path.normpath(target)
            return 0

        methods["cwd"] = lambda: self.cwd
        methods["chdir"] = chdir

    # internalBinding('fs') function -> positions of its path arguments
    # (symlink's target stays as given: it is relative to the link).
    _FS_PATH_ARGS = {
        "internalModuleStat": (0,), "readFileUtf8": (0,), "readFile": (0,), "writeFile": (0,),
        "realpath": (0,), "stat": (0,), "readdir": (0,), "open": (0,), "access": (0,),
        "mkdir": (0,), "mkdirp": (0,), "mkdtemp": (0,), "readdirTypes": (0,), "link": (0, 1),
        "chown": (0,), "lchown": (0,), "truncate": (0,), "lutimes": (0,), "utimes": (0,),
        "statfs": (0,), "rmdir": (0,), "unlink": (0,), "rename": (0, 1), "rmrf": (0,),
        "symlink": (1,), "readlink": (0,), "chmod": (0,), "copyFile": (0, 1),
    }

    def _fs_relative_to_cwd(self, fs: dict) -> None:
        """A hosted runtime's relative fs paths start at its own cwd (the
        OS resolves them against the host's); messages keep the path as
        given, since JS builds them."""
        engine = self.engine

        def resolve(p):
            if type(p) is not str:
                if not (engine.is_js_value(p) and p.is_string):
                    return p  # a Buffer or fd: as given
                p = engine.text(p)
            return os.path.join(self.cwd, p) if p and not os.path.isabs(p) else p

        def wrap(fn, positions):
            def call(*args):
                args = list(args)
                for i in positions:
                    if i < len(args):
                        args[i] = resolve(args[i])
                return fn(*args)
            return call

        for name, positions in self._FS_PATH_ARGS.items():
            if name in fs:
                fs[name] = wrap(fs[name], positions)

    # -- bootstrap -----------------------------------------------------------

    def read_builtin(self, ident: str) -> str | None:
        path = self.polyfills / f"{ident}.js"
        try:
            return path.read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None

    def compile_function(self, source: str, filename: str, params: str):
        """Compile ``source`` as the body of ``function (params)``.

        Returns the function, or a ``[name, message, location]`` triple for a
        syntax error, which the JS caller turns into a real SyntaxError.
        """
        source = self.engine.text(source)
        self.sources[filename] = source
        wrapped = f"(function ({params}) {{{source}\n}})"
        try:
            if filename.startswith("node:"):
                return self._bytecode.evaluate(wrapped, filename)
            return self.engine.eval_script(wrapped, filename)
        except JSError as err:
            return [err.name or "SyntaxError", err.message, err.stack]

    def _bootstrap(self) -> None:
        realm_src = self.read_builtin("internal/bootstrap/realm")
        realm = self.compile_function(
            realm_src, "node:internal/bootstrap/realm", "native, internalBinding"
        )
        if isinstance(realm, list):  # pragma: no cover - a bug in our own JS
            raise RuntimeError(f"bootstrap failed to compile: {realm}")
        native = {
            "binding": self.binding,
            "exposeInternals": self.options.expose_internals,
        }
        binding_fn = self.engine.function(self._js_binding, "internalBinding", 1)
        self.hooks = self.engine.call(realm, native, binding_fn)
        self.engine.set_promise_rejection_tracker(self.hooks["promiseRejectHandler"])
        # (A V8 flag: a worker has it when its process has, whatever its execArgv.)
        if {"--expose-gc", "--expose_gc"} & set(self.options.exec_argv) or \
                getattr(self.options.worker, "expose_gc", False):
            self._expose_gc()
        # Dynamic import() from CommonJS needs the loader before any ESM ran.
        self.enable_esm()
        self.loop.run_timers = self._js_hook("processTimers")
        self.loop.run_immediates = self._js_hook("processImmediate")

    def _expose_gc(self) -> None:
        """V8's --expose-gc: a global gc() that runs a full collection (QuickJS
        frees most objects by reference count; this collects the cycles).
        Like V8's, it is writable and enumerable but not configurable; with
        ``{execution: 'async'}`` it returns a Promise."""
        def run_gc(*_args) -> None:
            # Twice: with the pinned QuickJS a FinalizationRegistry callback for
            # a collected cycle is only queued by a second pass (seen in
            # tests/js/process/expose_gc.js); one V8 gc() does both.
            self.engine.run_gc()
            self.engine.run_gc()

        run_gc = self.engine.function(run_gc, "gc", 0)
        install = self.engine.eval_script(
            "(run) => Object.defineProperty(globalThis, 'gc', { __proto__: null, writable: true,"
            " configurable: false, enumerable: true, value: function gc(options) {"
            " run(); if (options != null && typeof options === 'object' && options.execution === 'async')"
            " return Promise.resolve(); } })",
            "node:internal/expose-gc")
        self.engine.call(install, run_gc)

    def enable_esm(self) -> None:
        """Install the QuickJS module loader (first ES module or import())."""
        if getattr(self, "_esm_loader", None) is not None:
            return
        realm_require = self.engine.eval_script(
            "(id) => globalThis[Symbol.for('nodeshim.esm.load')](id)", "node:internal/esm-hook")
        self._esm_loader = realm_require

        def load(name: str):
            try:
                return self.engine.text(self.engine.call(realm_require, name))
            except JSError:
                return None

        self.engine.set_module_loader(load)

    def _js_binding(self, name):
        b = self.binding(str(name))
        if b is None:
            return _engine.Undefined
        return b

    def _js_hook(self, name: str):
        fn = self.hooks[name]
        call = self.engine.call
        return lambda *args: call(fn, *args)

    def make_callback(self, fn, *args, this=_engine.Undefined):
        """Node's MakeCallback: call into JS, then drain nextTicks/microtasks."""
        return self.engine.call(self.hooks["makeCallback"], fn, this, *args)

    # -- running --------------------------------------------------------------

    def _spin(self) -> None:
        loop = self.loop
        emit_before_exit = self.hooks["emitBeforeExit"]
        while True:
            loop.run()
            self.engine.call(emit_before_exit)
            if not loop.alive():
                break

    def _finish(self) -> int:
        code = self.engine.call(self.hooks["emitExit"])
        return int(code or 0)

    def run_main(self, kind: str, value: str) -> int:
        """Run an entry point (``file``, ``eval``, ``print``, ``stdin``) to exit.

        Returns the process exit code.
        """
        try:
            self.engine.call(self.hooks["runMain"], kind, value)
            self._spin()
            return self._finish()
        except ProcessExit as done:
            return done.code
        except JSError as err:
            if self.options.worker is not None and self.engine.memory_exceeded:
                raise  # a worker's heap limit: its Worker reports it (js_bindings/worker.py)
            # A JS error that escaped the uncaught-exception machinery itself
            # (thrown while handling another one): Node reports it and exits
            # with 7 (kExceptionInFatalExceptionHandler), never a traceback.
            text = err.stack if err.stack.startswith(f"{err.name}") else f"{err}\n{err.stack}"
            sys.stderr.write(f"{text.rstrip()}\n\nNode.js {NODE_VERSION}\n")
            return 7
        finally:
            self._flush()

    def _flush(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass


def run(argv: list[str], kind: str, value: str, **opts) -> int:
    proc = NodeProcess(Options(argv=argv, **opts))
    return proc.run_main(kind, value)
