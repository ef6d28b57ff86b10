"""The engine adapter: the only module that imports the QuickJS binding.

Everything else in nodeshim talks to JavaScript through :class:`Engine`, so the
binding can be swapped (for instance for a project-owned C extension) without
touching the loop, the bindings or the loader.  tests/test_engine_contract.py
pins every capability the rest of the runtime relies on.

Two facts about the binding shape this module:

* When JS throws into Python, the binding keeps only ``String(err)`` and
  ``err.stack``; the thrown value itself is lost.  Callers that need the value
  (uncaught-exception handling, parser callbacks) therefore call JS through
  guards written in JS (``internal/bootstrap/realm.js``) that catch and keep it.
* When Python raises into JS, the binding throws a JS ``InternalError`` with
  ``str(exc)``.  Bindings therefore report failures as return values (0 or a
  negative errno), as Node's do, and never raise.
"""

from __future__ import annotations

import quickjs

Undefined = quickjs.Undefined
JSValue = quickjs.Value
ENGINE_VERSION = quickjs.quickjs_version


class JSError(Exception):
    """A JavaScript exception that reached Python.

    ``name``, ``message``, ``stack`` and ``code`` mirror the JS error's
    properties where they could be recovered.
    """

    def __init__(self, name: str, message: str, stack: str = "", code: str | None = None):
        super().__init__(f"{name}: {message}" if name else message)
        self.name = name
        self.message = message
        self.stack = stack
        self.code = code


class ProcessExit(BaseException):
    """Raised when JS called ``process.exit()``: unwinds Python to the loop.

    A BaseException, like trio's Cancelled, so that no ``except Exception``
    in a binding swallows it.
    """

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _translate(err: quickjs.JSError) -> JSError:
    text = str(err.args[0]) if err.args else ""
    name, sep, message = text.partition(": ")
    if not sep or not name.replace("_", "").isalnum():
        name, message = "", text
    return JSError(name, message, getattr(err, "js_stack", "") or "")


class Engine:
    """One QuickJS runtime with one context, driven from one thread."""

    def __init__(self, memory_limit: int | None = None, stack_size: int | None = 4 * 1024 * 1024):
        self._rt = quickjs.Runtime()
        if memory_limit:
            self._rt.set_memory_limit(memory_limit)
        if stack_size:
            self._rt.set_max_stack_size(stack_size)
        self._memory_limit = memory_limit
        self._ctx = self._rt.new_context()
        self._exit_code: int | None = None
        self.global_object = self._ctx.get_global()

    # -- evaluation ------------------------------------------------------

    def _translate(self, err: quickjs.JSError) -> JSError:
        translated = _translate(err)
        # QuickJS throws `null` when an allocation fails under the limit.
        if self._memory_limit and translated.message == "null" and not translated.name:
            used = self._rt.compute_memory_usage().get("malloc_size", 0)
            if used >= self._memory_limit * 0.8:
                return JSError("RangeError", f"out of memory: the memory limit of {self._memory_limit} bytes was exceeded")
        return translated

    def _check(self) -> None:
        if self._exit_code is not None:
            raise ProcessExit(self._exit_code)

    def eval_script(self, source: str, filename: str = "<eval>"):
        """Evaluate a classic script; returns its completion value."""
        try:
            return self._ctx.eval(self.text(source), filename=filename)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None
        finally:
            self._check()

    def compile_module(self, source: str, filename: str):
        """Compile an ES module without running it (its imports are loaded)."""
        try:
            return self._ctx.compile(self.text(source), filename=filename, module=True)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None

    def eval_module(self, source: str, filename: str):
        """Evaluate an ES module; returns the promise of its evaluation."""
        try:
            return self._ctx.eval(self.text(source), filename=filename, module=True)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None
        finally:
            self._check()

    def call(self, fn, *args, this=Undefined):
        """Call a JS function.  JS exceptions become :class:`JSError`."""
        try:
            return fn.call(*args, this=this)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None
        finally:
            self._check()

    def run_jobs(self) -> None:
        """Drain the promise job queue."""
        ctx = self._ctx
        try:
            while ctx.has_pending_job:
                ctx.execute_pending_job()
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None

    @property
    def has_pending_jobs(self) -> bool:
        return self._ctx.has_pending_job

    # -- values ----------------------------------------------------------

    def function(self, fn, name: str = "", length: int = 0):
        """Wrap a Python callable as a JS function."""
        return self._ctx.new_function(fn, name, length)

    def new_object(self):
        return self._ctx.new_object()

    def new_array(self):
        return self._ctx.new_array()

    def array_buffer(self, data: bytes):
        """bytes -> a JS ArrayBuffer (one memcpy, no per-byte work)."""
        return self._ctx.new_array_buffer(data)

    @staticmethod
    def to_bytes(value) -> bytes:
        """ArrayBuffer / typed array / DataView (honouring its view) -> bytes.

        A string (str, or a JS rope string, which the binding hands over as
        a Value) is encoded as UTF-8."""
        if type(value) is str:
            return value.encode("utf-8", "surrogatepass")
        if value.is_string:
            return str(value).encode("utf-8", "surrogatepass")
        return value.to_bytes()

    @staticmethod
    def text(value) -> str:
        """A JS string as a Python str.  Long concatenated strings (QuickJS
        ropes) reach Python as Values, not str: always go through here."""
        return value if type(value) is str else str(value)

    @staticmethod
    def to_list(value) -> list:
        """A JS array as a Python list, one level deep (elements that are
        objects stay JS values).  JS arrays do not iterate in Python."""
        if isinstance(value, (list, tuple)):
            return list(value)
        return [value[i] for i in range(len(value))]

    @staticmethod
    def is_js_value(value) -> bool:
        return isinstance(value, quickjs.Value)

    def host_object(self, obj):
        """A JS object that carries a Python object; converts back to it."""
        return self._ctx.new_host_object(obj)

    def set_module_loader(self, loader) -> None:
        """``loader(name) -> source | None`` for ES module imports."""
        self._ctx.set_module_loader(loader)

    # -- compiled code cache ----------------------------------------------

    def compile_script(self, source: str, filename: str):
        try:
            return self._ctx.compile(self.text(source), filename=filename)
        except quickjs.JSError as err:
            raise self._translate(err) from None

    def serialize(self, compiled) -> bytes:
        return compiled.write_object()

    def deserialize(self, data: bytes):
        return self._ctx.read_object(data)

    def run_compiled(self, compiled):
        try:
            return self._ctx.eval_function(compiled)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None

    # -- process exit -------------------------------------------------------

    def request_exit(self, code: int) -> None:
        """Stop all JS execution: the next interrupt check aborts it
        uncatchably, and every entry point raises :class:`ProcessExit`."""
        if self._exit_code is None:
            self._exit_code = code
            self._rt.set_interrupt_handler(lambda: True)

    @property
    def exit_code(self) -> int | None:
        return self._exit_code

    def memory_usage(self) -> dict:
        return self._rt.compute_memory_usage()

    def run_gc(self) -> None:
        self._rt.run_gc()
