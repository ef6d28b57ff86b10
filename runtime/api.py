"""nodeshim's Python host API: run Node programs inside a trio program.

A :class:`Runtime` is one isolated Node "process" (its own QuickJS runtime,
event loop, ``process.cwd()``, ``process.env``, module cache) whose event loop
runs as a task of the host's trio run::

    async with nodeshim.Runtime() as rt:
        rt.expose("greet", lambda name: f"hello {name}")   # require('python:greet')
        exports = await rt.run_file("server.js")
        await rt.wait_idle()

Values crossing between Python and JS (arguments, results, exposed values):

==========================  ==========================================
Python                      JS
==========================  ==========================================
None                        null (undefined as a function's result)
:data:`Undefined`           undefined
bool, int, float, str       boolean, number, string
bytes/bytearray/memoryview  Buffer (JS -> Python: any ArrayBuffer/view)
list, tuple / dict          Array / plain object (copied, deep)
callable, ``async def``     function (an awaitable result -> Promise)
BaseException               Error (``name`` = the Python type)
:class:`JSObject` & co.     the JS value they stand for
==========================  ==========================================

JS ``undefined`` and ``null`` both become None; other objects (class
instances, Maps, module namespaces) and functions stay in JS and arrive as
proxies: :class:`JSObject`, :class:`JSFunction`, :class:`JSPromise`.

Threading and cancellation: everything runs in the host's trio thread.  JS
runs synchronously between trio checkpoints, and the loop task and every
host -> JS call are protected from KeyboardInterrupt, so a Ctrl-C or a
cancelled scope lands at a checkpoint, never in the middle of JS.

trio is imported lazily (the CLI uses :func:`run`, which starts without it).
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Callable

from . import engine as _engine
from .engine import JSError, ProcessExit
from .host import NodeProcess, Options

__all__ = [
    "Runtime",
    "run",
    "JSError",
    "NodeshimError",
    "RuntimeClosedError",
    "RuntimeExited",
    "JSObject",
    "JSFunction",
    "JSPromise",
    "Undefined",
]

Undefined = _engine.Undefined

# Beyond this depth plain JS objects/arrays stay proxies (cycles end here).
_MAX_COPY_DEPTH = 64
# Seconds aclose() lets servers and sockets finish before forcing them shut.
DEFAULT_CLOSE_TIMEOUT = 5.0


class NodeshimError(Exception):
    """Base class of the host API's own errors (JS errors are JSError)."""


class RuntimeClosedError(NodeshimError):
    """The runtime is closed or has exited: it, and every JS value that came
    from it, can no longer be used.  ``exit_code`` is its exit code, if it
    exited."""

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        self.exit_code = exit_code


class RuntimeExited(RuntimeClosedError):
    """JS ended the runtime with ``process.exit(code)`` during this call."""


# -- JS values in Python ---------------------------------------------------------


class JSObject:
    """A JS object that stays in JS.  Read with ``obj.name`` / ``obj["name"]``
    (values come back converted, functions bound to ``obj``), write with
    ``obj["name"] = value``; :meth:`to_python` copies a plain structure."""

    __slots__ = ("_rt", "_value", "__weakref__")

    def __init__(self, runtime: "Runtime", value):
        self._rt = runtime
        self._value = value

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, key: str | int):
        return self._rt._get(self._value, key)

    def __setitem__(self, key: str | int, value) -> None:
        self._rt._set(self._value, key, value)

    def to_python(self):
        """A deep copy as Python data (arrays -> list, objects -> dict of
        own enumerable properties)."""
        return self._rt._to_py(self._value, 0, copy_any=True)

    def __str__(self) -> str:
        return self._rt._string(self._value)

    def __repr__(self) -> str:
        if self._rt._closed:
            return f"<{type(self).__name__} of a closed runtime>"
        return f"<{type(self).__name__} {self._rt._string(self._value)[:60]!r}>"


class JSFunction(JSObject):
    """A JS function.  Calling it runs it now and returns its converted result
    (a :class:`JSPromise` for a promise: ``await fn(x)``); a throw raises
    :class:`JSError`.  Python callables passed as arguments become JS
    functions, so callbacks can be handed back."""

    __slots__ = ("_this",)

    def __init__(self, runtime: "Runtime", value, this=Undefined):
        super().__init__(runtime, value)
        self._this = this

    def __call__(self, *args):
        return self._rt._call(self._value, self._this, args)

    def new(self, *args):
        """``new fn(...args)``."""
        return self._rt._construct(self._value, args)


class JSPromise(JSObject):
    """A JS promise: ``await`` it for its converted value (a rejection raises
    :class:`JSError`).  Awaiting needs the runtime's event loop: only inside
    ``async with Runtime()``."""

    __slots__ = ()

    def __await__(self):
        return self._rt._await_promise(self._value).__await__()


# -- the runtime ------------------------------------------------------------------


class Runtime:
    """One isolated Node.js runtime, hosted in the current trio run.

    Use as ``async with Runtime(...) as rt:``; leaving the block closes it
    gracefully (:meth:`aclose`), or at once when the block raised or was
    cancelled (sockets are closed before ``__aexit__`` returns).

    :param argv: ``process.argv`` after the script, as in ``node script ARGS``.
    :param env: ``process.env`` (default: a copy of ``os.environ``).
    :param cwd: ``process.cwd()`` and the base of relative paths given to
        :meth:`run_file` and :meth:`require` (default: the host's cwd).  The
        host's own cwd is never changed.
    :param memory_limit: bytes of JS heap; past it the runtime stops with a
        :class:`JSError` ``RangeError`` (checked every few milliseconds of
        JS execution, see runtime/engine.py), and the host carries on.
    :param expose_internals: as ``node --expose-internals``.
    :param stdout, stderr: binary file-likes for the runtime's fd 1 and 2
        (``process.stdout``, ``console.log``, uncaught-error reports).
    """

    def __init__(
        self,
        argv: list[str] | tuple[str, ...] = (),
        env: dict[str, str] | None = None,
        cwd: str | os.PathLike | None = None,
        memory_limit: int | None = None,
        expose_internals: bool = False,
        stdout=None,
        stderr=None,
        exec_argv: list[str] | tuple[str, ...] = (),
    ):
        self._script_argv = [str(a) for a in argv]
        options = Options(
            argv=[sys.executable, *self._script_argv],
            exec_argv=list(exec_argv),
            env=dict(os.environ) if env is None else {str(k): str(v) for k, v in env.items()},
            cwd=os.fspath(cwd) if cwd is not None else None,
            expose_internals=expose_internals,
            memory_limit=memory_limit,
            stdout=stdout,
            stderr=stderr,
            hosted=True,
        )
        _protect_from_ki()
        self._thread = threading.get_ident()
        self._closed = False
        self._exit_code: int | None = None
        self._failure: BaseException | None = None
        self._nursery = None
        self._nursery_cm = None
        self._waiters: set = set()  # events of callers awaiting JS (see _until_settled)
        self._proc = NodeProcess(options)
        self._engine = self._proc.engine
        self._loop = self._proc.loop
        self._loop.track_handles()
        load = self._proc.hooks["requireBuiltin"]
        api = self._engine.call(load, "internal/host_api")
        self._js = {name: api[name] for name in (
            "registerModule", "setGlobal", "toBuffer", "wrapPython", "deferred", "kindOf",
            "entries", "errorInfo", "callFromHost", "getProperty", "setProperty", "construct",
            "stringOf", "awaitPromise", "isESM", "runFile", "importModule", "runSource",
            "requireFrom", "closeHandles", "pythonError")}
        self._engine.call(api["setFatalHook"], self._engine.function(self._on_fatal, "fatalHook", 1))

    # -- lifetime ------------------------------------------------------------------

    async def __aenter__(self) -> "Runtime":
        import trio

        if self._nursery_cm is not None:
            raise RuntimeError("a Runtime can be entered only once")
        self._nursery_cm = trio.open_nursery()
        self._nursery = await self._nursery_cm.__aenter__()
        try:
            await self._nursery.start(self._run_loop)
        except BaseException as exc:
            self._abort()
            self._nursery.cancel_scope.cancel()
            await self._nursery_cm.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc is None:
                await self.aclose()
        finally:
            self._abort()
            self._nursery.cancel_scope.cancel()
            # Our nursery only holds the loop task, which never raises; the
            # block's own exception propagates unwrapped.
            await self._nursery_cm.__aexit__(None, None, None)
        return False

    async def _run_loop(self, task_status) -> None:
        try:
            await self._loop.run_hosted(task_status)
        except* ProcessExit as group:
            self._ended(_first(group).code)
        except* JSError as group:
            self._ended(134 if self._engine.memory_exceeded else 1, _first(group))
        except* Exception as group:
            # A fault in the native layer (a bug in a binding): it ends this
            # runtime only; wait_idle() raises it as the cause.
            self._ended(70, _first(group))

    def _on_fatal(self, error) -> None:
        # internal/process/execution: this error is about to end the runtime.
        if self._failure is None:
            self._failure = self._js_error(error)

    def _ended(self, code: int, failure: BaseException | None = None) -> None:
        """The runtime exited (process.exit(), an uncaught error, OOM)."""
        if self._exit_code is None:
            self._exit_code = code
            if failure is not None and self._failure is None:
                self._failure = failure
            if isinstance(self._failure, JSError):
                self._failure.exit_code = code
            self._loop.stop()
            self._loop.release_handles()
            self._wake_waiters()

    def _wake_waiters(self) -> None:
        for event in list(self._waiters):
            event.set()

    def _abort(self) -> None:
        """Close now: no JS runs any more, every socket is closed."""
        if not self._closed:
            self._closed = True
            self._loop.stop()
            self._loop.release_handles()
            self._wake_waiters()

    @property
    def exit_code(self) -> int | None:
        """The exit code once JS ended the runtime, else None."""
        return self._exit_code

    @property
    def closed(self) -> bool:
        return self._closed or self._exit_code is not None

    async def wait_idle(self) -> int | None:
        """Wait until the JS event loop has nothing ref'd alive (no listening
        server, pending request, ref'd timer...).  Returns None, or the exit
        code when JS ended the runtime with ``process.exit()``; raises the
        :class:`JSError` of an uncaught exception that ended it."""
        self._check_running()
        while True:
            if self._exit_code is not None or self._closed:
                return self._exit_status()
            if not self._loop.alive() and not self._engine.has_pending_jobs:
                return None
            await self._loop.wait_idle()

    async def aclose(self, timeout: float = DEFAULT_CLOSE_TIMEOUT) -> int | None:
        """Close gracefully: servers stop listening and their connections may
        finish (up to ``timeout`` seconds, then sockets are destroyed), then
        ``process.on('exit')`` handlers run.  Returns the exit code."""
        import trio

        if self._closed:
            return self._exit_code
        if self._exit_code is None:
            try:
                self._close_handles(force=False)
                with trio.move_on_after(timeout):
                    await self.wait_idle()
                if self._exit_code is None and self._loop.alive():
                    self._close_handles(force=True)
                    with trio.move_on_after(min(timeout, 1.0)):
                        await self.wait_idle()
                if self._exit_code is None:
                    code = self._enter(self._proc.hooks["emitExit"])
                    self._exit_code = int(code or 0)
            except (JSError, RuntimeClosedError):
                pass  # already recorded: the runtime ended while closing
        self._abort()
        return self._exit_code

    def _close_handles(self, force: bool) -> None:
        handles = [h.js for h in self._loop.live_handles() if getattr(h, "js", None) is not None]
        if handles:
            self._enter(self._js["closeHandles"], handles, force)

    def _exit_status(self) -> int | None:
        if isinstance(self._failure, JSError):
            raise self._failure
        if self._failure is not None:
            raise RuntimeClosedError(f"the runtime stopped: {self._failure!r}",
                                     self._exit_code) from self._failure
        return self._exit_code

    def _check_running(self) -> None:
        if self._nursery is None and not self.closed:
            raise RuntimeError("the runtime's event loop runs only inside `async with nodeshim.Runtime()`")

    def _check_open(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("a nodeshim.Runtime and its JS values are usable only from the thread "
                               "that made it (the trio run's thread)")
        if self._closed:
            raise RuntimeClosedError("this nodeshim.Runtime is closed; its JS values cannot be used",
                                     self._exit_code)
        if self._exit_code is not None:
            if isinstance(self._failure, JSError):
                raise RuntimeClosedError(
                    f"this nodeshim.Runtime exited (code {self._exit_code}) after an uncaught "
                    f"{self._failure}", self._exit_code)
            raise RuntimeClosedError(f"this nodeshim.Runtime exited with code {self._exit_code}",
                                     self._exit_code)

    # -- entering JS -------------------------------------------------------------------

    def _enter(self, fn, *args):
        """Call a JS function from the host: the one place host -> JS calls
        map the ways a runtime can end into Python exceptions."""
        self._check_open()
        try:
            return self._engine.call(fn, *args)
        except ProcessExit as done:
            self._ended(done.code)
            if isinstance(self._failure, JSError):
                raise self._failure from None
            raise RuntimeExited(f"the runtime called process.exit({done.code})", done.code) from None
        except JSError as err:
            if self._engine.memory_exceeded:
                self._ended(134, err)
            raise
        finally:
            self._loop.wake()

    def _call_guarded(self, fn, this, args: list):
        """Call ``fn`` as Node's MakeCallback would; a throw raises JSError."""
        result = self._engine.to_list(self._enter(self._js["callFromHost"], fn, this, args))
        ok, value = result
        if not ok:
            raise self._js_error(value)
        return value

    def _call(self, fn, this, args):
        js_args = [self._to_js(a) for a in args]
        return self._to_py(self._call_guarded(fn, this, js_args), 0)

    def _construct(self, fn, args):
        js_args = [self._to_js(a) for a in args]
        return self._to_py(self._call_guarded(self._js["construct"], Undefined, [fn, js_args]), 0)

    def _get(self, obj, key):
        value = self._call_guarded(self._js["getProperty"], Undefined, [obj, key])
        return self._to_py(value, 0, this=obj)

    def _set(self, obj, key, value) -> None:
        self._call_guarded(self._js["setProperty"], Undefined, [obj, key, self._to_js(value)])

    def _string(self, value) -> str:
        return self._engine.text(self._call_guarded(self._js["stringOf"], Undefined, [value]))

    async def _until_settled(self, start, args: list):
        """Call ``start(*args, settle)``, a JS function that calls ``settle(ok,
        value)`` later; wait for that (or for the runtime to end)."""
        import trio

        self._check_open()
        self._check_running()
        done = trio.Event()
        outcome: list = []

        def settle(ok, value):
            outcome.append((bool(ok), value))
            done.set()

        self._waiters.add(done)
        try:
            self._call_guarded(start, Undefined, [*args, self._engine.function(settle, "settle", 2)])
            await done.wait()
        finally:
            self._waiters.discard(done)
        if not outcome:
            self._check_open()  # the runtime ended first: raises why
        ok, value = outcome[0]
        if not ok:
            raise self._js_error(value)
        return value

    async def _await_promise(self, promise):
        return self._to_py(await self._until_settled(self._js["awaitPromise"], [promise]), 0)

    # -- running code -------------------------------------------------------------------

    def _path(self, path: str | os.PathLike) -> str:
        return os.path.normpath(os.path.join(self._proc.cwd, os.fspath(path)))

    async def run_file(self, path: str | os.PathLike):
        """Run a file as ``node path`` would (CommonJS, or ESM for ``.mjs`` /
        ``"type": "module"``); the first file run is the main module.
        Returns its ``module.exports`` (ESM: its namespace) as a proxy;
        the program's event loop keeps running in the background."""
        filename = self._path(path)
        if self._enter(self._js["isESM"], filename):
            return await self.run_module(filename)
        exports = self._call_guarded(self._js["runFile"], Undefined, [filename])
        return self._proxy(exports)

    async def run_module(self, path: str | os.PathLike):
        """Import a file as an ES module; returns its namespace (a proxy)
        once its evaluation (top-level await included) finished."""
        namespace = await self._until_settled(self._js["importModule"], [self._path(path)])
        return self._proxy(namespace)

    async def run_source(self, source: str, filename: str = "[host]"):
        """Run ``source`` as a CommonJS module named ``filename`` (relative to
        the runtime's cwd; ``require`` resolves from there).  Returns its
        ``module.exports`` as a proxy."""
        exports = self._call_guarded(self._js["runSource"], Undefined, [source, self._path(filename)])
        return self._proxy(exports)

    def require(self, id: str):
        """``require(id)`` from the runtime's cwd: a builtin (``'node:path'``),
        a package, a file.  Returns the module's exports as a proxy."""
        return self._proxy(self._call_guarded(self._js["requireFrom"], Undefined, [self._proc.cwd, id]))

    # -- exposing Python ------------------------------------------------------------------

    def expose(self, name: str, value: Any, *, as_global: bool = False) -> None:
        """Make ``value`` requirable as ``require('python:NAME')`` (and
        ``import ... from 'python:NAME'``); with ``as_global`` also a global
        variable.  A function becomes a JS function (an ``async def`` one
        returns a Promise settled when its trio task finishes); a dict of
        functions becomes an object; see the module docstring for values."""
        js_value = self._to_js(value)
        self._enter(self._js["registerModule"], str(name), js_value)
        if as_global:
            self._enter(self._js["setGlobal"], str(name), js_value)

    def _wrap_callable(self, fn: Callable) -> Any:
        import inspect  # noqa: PLC0415  (6 ms: kept off every CLI start-up)

        name = getattr(fn, "__name__", "") or ""
        try:
            length = len([p for p in inspect.signature(fn).parameters.values()
                          if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)])
        except (TypeError, ValueError):
            length = 0

        def call(this, args):
            return self._call_python(fn, args)

        native = self._engine.function(call, name, 2)
        return self._engine.call(self._js["wrapPython"], native, name, length)

    def _call_python(self, fn: Callable, args) -> list:
        """JS called an exposed Python function: [status, value] for the
        trampoline in internal/host_api.js."""
        try:
            result = fn(*[self._to_py(a, 0) for a in self._engine.to_list(args)])
            if hasattr(result, "__await__"):
                return [0, self._promise_for(result)]
            return [0, Undefined if result is None else self._to_js(result)]
        except Exception as exc:  # noqa: BLE001 - becomes the JS Error
            return self._error_for_js(exc)

    def _error_for_js(self, exc: BaseException) -> list:
        if isinstance(exc, JSError) and isinstance(exc.value, JSObject) and exc.value._rt is self:
            return [2, exc.value._value]  # a JS error crossing back: the same object
        return [1, _error_info(exc)]

    def _promise_for(self, awaitable):
        promise, settle = self._engine.to_list(self._engine.call(self._js["deferred"]))
        self._loop.active_reqs += 1  # a pending Python call keeps the loop alive
        self._loop.spawn(self._settle_later, awaitable, settle)
        return promise

    async def _settle_later(self, awaitable, settle) -> None:
        try:
            try:
                outcome = (0, await awaitable)
            except Exception as exc:  # noqa: BLE001 - becomes the rejection
                outcome = (1, exc)
        except BaseException:
            self._loop.active_reqs -= 1
            raise

        def deliver():
            self._loop.active_reqs -= 1
            kind, value = outcome
            try:
                if kind == 0:
                    args = [0, Undefined if value is None else self._to_js(value)]
                else:
                    args = self._error_for_js(value)
            except Exception as exc:  # noqa: BLE001 - an unconvertible result
                args = [1, _error_info(exc)]
            self._proc.make_callback(settle, *args)

        self._loop.queue_io(deliver)

    # -- conversions ----------------------------------------------------------------------

    def _to_js(self, value, depth: int = 0):
        if value is None or value is Undefined or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, (bytes, bytearray, memoryview)):
            return self._engine.call(self._js["toBuffer"], self._engine.array_buffer(bytes(value)))
        if isinstance(value, JSObject):
            if value._rt is not self:
                raise ValueError("a JS value of one nodeshim.Runtime cannot be passed to another")
            value._rt._check_open()
            return value._value
        if isinstance(value, BaseException):
            return self._engine.call(self._js["pythonError"], _error_info(value))
        if depth > _MAX_COPY_DEPTH:
            raise ValueError("value nested too deeply (a cycle?) to pass to JS")
        if isinstance(value, dict):
            return {str(k): self._to_js(v, depth + 1) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._to_js(v, depth + 1) for v in value]
        if callable(value):
            return self._wrap_callable(value)
        if self._engine.is_js_value(value):
            return value
        raise TypeError(f"cannot pass a {type(value).__name__} to JS")

    def _proxy(self, value):
        """Module exports and namespaces: a proxy even when plain."""
        if self._engine.is_js_value(value) and not value.is_string:
            kind = self._engine.call(self._js["kindOf"], value)
            if kind == 5:
                return JSFunction(self, value)
            if kind in (1, 2, 7):
                return JSObject(self, value)
        return self._to_py(value, 0)

    def _to_py(self, value, depth: int, this=Undefined, copy_any: bool = False):
        engine = self._engine
        if not engine.is_js_value(value):
            return None if value is Undefined else value
        if value.is_string:
            return engine.text(value)
        kind = engine.call(self._js["kindOf"], value)
        if kind == 1 and depth <= _MAX_COPY_DEPTH:
            return [self._to_py(v, depth + 1, copy_any=copy_any) for v in engine.to_list(value)]
        if (kind == 2 or (kind == 7 and copy_any)) and depth <= _MAX_COPY_DEPTH:
            keys, values = engine.to_list(engine.call(self._js["entries"], value))
            return {engine.text(k): self._to_py(v, depth + 1, copy_any=copy_any)
                    for k, v in zip(engine.to_list(keys), engine.to_list(values))}
        if kind == 3:
            return engine.to_bytes(value)
        if kind == 4:
            return self._js_error(value)
        if kind == 5:
            return JSFunction(self, value, this)
        if kind == 6:
            return JSPromise(self, value)
        if kind == 8:
            return int(self._string(value))
        return JSObject(self, value)

    def _js_error(self, value) -> JSError:
        """A JS thrown value as a JSError (not raised), keeping the value."""
        if self._engine.memory_exceeded:
            return self._engine.memory_error()
        name, message, stack, code = self._engine.to_list(self._engine.call(self._js["errorInfo"], value))
        name, message, stack = self._engine.text(name), self._engine.text(message), self._engine.text(stack)
        if (name, message) == ("InternalError", "out of memory") and self._proc.options.memory_limit:
            # One allocation hit the engine's backstop limit (runtime/engine.py).
            name = "RangeError"
            message = (f"out of memory: an allocation would exceed the runtime's memory limit of "
                       f"{self._proc.options.memory_limit} bytes")
            stack = f"{name}: {message}"
        err = JSError(name, message, stack, None if code is None else self._engine.text(code))
        err.value = JSObject(self, value)
        return err


def _first(group: BaseException) -> BaseException:
    while isinstance(group, BaseExceptionGroup):
        group = group.exceptions[0]
    return group


def _error_info(exc: BaseException) -> list:
    cls = type(exc)
    qualname = cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
    return [cls.__name__, qualname, str(exc),
            "".join(__import__("traceback").format_exception(cls, exc, exc.__traceback__))]


_ki_protected = False


def _protect_from_ki() -> None:
    """Mark the code that runs JS as KeyboardInterrupt-protected (trio
    delivers a Ctrl-C at the next checkpoint instead of inside JS)."""
    global _ki_protected
    if _ki_protected:
        return
    from trio.lowlevel import enable_ki_protection

    from .loop import Loop

    for fn in (Runtime._enter, Runtime._call_python, Runtime._abort, Loop.run_hosted):
        enable_ki_protection(fn)
    _ki_protected = True


def run(
    path: str | os.PathLike | None = None,
    *,
    source: str | None = None,
    print_result: bool = False,
    from_stdin: bool = False,
    argv: list[str] | tuple[str, ...] = (),
    exec_argv: list[str] | tuple[str, ...] = (),
    exec_path: str | None = None,
    env: dict[str, str] | None = None,
    cwd: str | os.PathLike | None = None,
    memory_limit: int | None = None,
    expose_internals: bool = False,
    insecure_http_parser: bool = False,
) -> int:
    """Run a Node program to its end, as ``node path ARGS`` (or ``node -e
    source``, ``node -p source`` with ``print_result``, ``node -`` with
    ``from_stdin``), in this process, and return its exit code.  Synchronous: call it outside trio.  This is what
    the ``nodeshim`` command does; it uses the process's own stdio and cwd
    (``cwd`` chdirs the process) and starts without trio until JS needs I/O.
    """
    if (path is None) == (source is None):
        raise TypeError("run() takes a path or source=, not both")
    if cwd is not None:
        os.chdir(cwd)
    exe = exec_path or sys.executable
    if path is not None:
        kind, value = "file", os.fspath(path)
        process_argv = [exe, os.path.abspath(value), *argv]
    else:
        kind = "print" if print_result else ("stdin" if from_stdin else "eval")
        value = source
        process_argv = [exe, *argv]
    proc = NodeProcess(Options(
        argv=process_argv,
        exec_argv=list(exec_argv),
        env=env,
        expose_internals=expose_internals,
        insecure_http_parser=insecure_http_parser,
        memory_limit=memory_limit,
    ))
    return proc.run_main(kind, value)
