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

import sys
import time
import weakref

import ctypes

import quickjs
import quickjs._quickjs as _qjs_native

Undefined = quickjs.Undefined
JSValue = quickjs.Value
ENGINE_VERSION = quickjs.quickjs_version


class JSError(Exception):
    """A JavaScript exception that reached Python.

    ``name``, ``message``, ``stack`` and ``code`` mirror the JS error's
    properties where they could be recovered.  Through the host API
    (runtime/api.py), ``value`` is the thrown value itself (a JS value proxy),
    and ``exit_code`` is set when the error was uncaught and ended its runtime.
    """

    value = None
    exit_code: int | None = None

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


# The memory limit is enforced by polling: quickjs-bindings 0.1.1 can crash
# (SIGSEGV, intermittently) when an allocation fails at QuickJS's own limit.
# So JS is interrupted (uncatchably) at the first interrupt check after the
# heap passed the limit, and QuickJS's hard limit is only a backstop above it.
MEMORY_POLL_SECONDS = 0.005
MEMORY_BACKSTOP_FACTOR = 2
MEMORY_BACKSTOP_MARGIN = 32 * 1024 * 1024


# --- Promise rejection tracking ---------------------------------------------
# QuickJS reports rejections without a handler (and handlers added later)
# through JS_SetHostPromiseRejectionTracker, which the binding does not wrap.
# The function is exported by the binding's shared object, so it is reached
# with ctypes; the pointers it needs are read from the binding's object
# layouts (RuntimeObject.rt, ContextObject.ctx, ValueObject.val: each the
# first field after PyObject_HEAD).  The binding is pinned exactly, and
# tests/test_engine_contract.py checks this path.


class _JSValue(ctypes.Structure):
    # QuickJS on 64-bit hosts: a 16-byte struct passed by value.
    _fields_ = [("u", ctypes.c_uint64), ("tag", ctypes.c_int64)]


class _PropertyEnum(ctypes.Structure):
    # JSPropertyEnum: JS_BOOL is_enumerable; JSAtom atom.
    _fields_ = [("is_enumerable", ctypes.c_int), ("atom", ctypes.c_uint32)]


_JS_GPN_PRIVATE_MASK = 1 << 2

# JSContext.interrupt_counter in the pinned build (read off
# __js_poll_interrupts, which stores JS_INTERRUPT_COUNTER_INIT there).  An
# exception a Python callback raises reaches JS as a catchable InternalError
# (the binding's trampoline, and JS_Throw clears the uncatchable flag), so
# process.exit() zeroes the counter: the next call or backward jump of any
# catch block polls the interrupt handler, which then unwinds uncatchably
# (test-worker-exit-from-uncaught-exception: the uncaughtException machinery
# caught the exit as an error thrown by the handler).
_CTX_INTERRUPT_COUNTER = 0x1B0
_INTERRUPT_COUNTER_INIT = 10000

# JSMemoryUsage (quickjs.h), all int64_t, in declaration order.
_MEMORY_USAGE_FIELDS = (
    "malloc_size", "malloc_limit", "memory_used_size", "malloc_count", "memory_used_count",
    "atom_count", "atom_size", "str_count", "str_size", "obj_count", "obj_size",
    "prop_count", "prop_size", "shape_count", "shape_size", "js_func_count", "js_func_size",
    "js_func_code_size", "js_func_pc2line_count", "js_func_pc2line_size", "c_func_count",
    "array_count", "fast_array_count", "fast_array_elements", "binary_object_count",
    "binary_object_size",
)

_TRACKER = ctypes.CFUNCTYPE(None, ctypes.c_void_p, _JSValue, _JSValue, ctypes.c_int, ctypes.c_void_p)
_HEAD = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)  # PyObject_HEAD
_native = None


def _native_lib():
    global _native
    if _native is None:
        lib = ctypes.CDLL(_qjs_native.__file__)
        lib.JS_SetHostPromiseRejectionTracker.argtypes = [ctypes.c_void_p, _TRACKER, ctypes.c_void_p]
        lib.JS_SetHostPromiseRejectionTracker.restype = None
        lib.JS_Call.argtypes = [ctypes.c_void_p, _JSValue, _JSValue, ctypes.c_int, ctypes.POINTER(_JSValue)]
        lib.JS_Call.restype = _JSValue
        lib.JS_GetException.argtypes = [ctypes.c_void_p]
        lib.JS_GetException.restype = _JSValue
        lib.__JS_FreeValue.argtypes = [ctypes.c_void_p, _JSValue]
        lib.__JS_FreeValue.restype = None
        lib.JS_SetCanBlock.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.JS_SetCanBlock.restype = None
        lib.JS_PromiseState.argtypes = [ctypes.c_void_p, _JSValue]
        lib.JS_PromiseState.restype = ctypes.c_int
        lib.JS_PromiseResult.argtypes = [ctypes.c_void_p, _JSValue]
        lib.JS_PromiseResult.restype = _JSValue
        lib.JS_GetClassID.argtypes = [_JSValue]
        lib.JS_GetClassID.restype = ctypes.c_uint32
        lib.JS_GetOpaque.argtypes = [_JSValue, ctypes.c_uint32]
        lib.JS_GetOpaque.restype = ctypes.c_void_p
        lib.JS_GetOwnPropertyNames.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(_PropertyEnum)),
                                               ctypes.POINTER(ctypes.c_uint32), _JSValue, ctypes.c_int]
        lib.JS_GetOwnPropertyNames.restype = ctypes.c_int
        lib.JS_FreePropertyEnum.argtypes = [ctypes.c_void_p, ctypes.POINTER(_PropertyEnum), ctypes.c_uint32]
        lib.JS_FreePropertyEnum.restype = None
        lib.JS_AtomToValue.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        lib.JS_AtomToValue.restype = _JSValue
        lib.JS_GetPropertyStr.argtypes = [ctypes.c_void_p, _JSValue, ctypes.c_char_p]
        lib.JS_GetPropertyStr.restype = _JSValue
        lib.JS_ToCStringLen2.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), _JSValue, ctypes.c_int]
        lib.JS_ToCStringLen2.restype = ctypes.c_void_p
        lib.JS_FreeCString.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.JS_FreeCString.restype = None
        _native = lib
    return _native


# --- SharedArrayBuffer memory shared between runtimes --------------------
# A worker is a QuickJS runtime of its own; a SharedArrayBuffer that crosses
# to it must be the same memory.  Every runtime allocates SharedArrayBuffer
# memory through these reference-counted functions (process-wide, so memory
# outlives the runtime that made it while another still uses it); a buffer
# made in another runtime over the same pointer takes a reference itself
# (JS_NewArrayBuffer calls sab_dup), and its finalizer drops it (sab_free).

_SAB_ALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
_SAB_PTR_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


class _SABFunctions(ctypes.Structure):
    # JSSharedArrayBufferFunctions (quickjs.h)
    _fields_ = [("sab_alloc", _SAB_ALLOC), ("sab_free", _SAB_PTR_FN),
                ("sab_dup", _SAB_PTR_FN), ("sab_opaque", ctypes.c_void_p)]


_sab_functions = None


def _shared_memory_functions():
    global _sab_functions
    if _sab_functions is not None:
        return _sab_functions
    import threading  # noqa: PLC0415

    libc = ctypes.CDLL(None)
    calloc, free = libc.calloc, libc.free
    calloc.restype, calloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t, ctypes.c_size_t]
    free.restype, free.argtypes = None, [ctypes.c_void_p]
    counts: dict[int, int] = {}
    lock = threading.Lock()

    def sab_alloc(_opaque, size):
        ptr = calloc(1, max(int(size), 1))
        if ptr:
            with lock:
                counts[ptr] = 1
        return ptr

    def sab_dup(_opaque, ptr):
        with lock:
            counts[ptr] = counts.get(ptr, 0) + 1

    def sab_free(_opaque, ptr):
        with lock:
            left = counts.get(ptr, 1) - 1
            if left > 0:
                counts[ptr] = left
                return
            counts.pop(ptr, None)
        free(ptr)

    functions = _SABFunctions(_SAB_ALLOC(sab_alloc), _SAB_PTR_FN(sab_free), _SAB_PTR_FN(sab_dup), None)
    # Runtimes may be finalized during interpreter shutdown, after module
    # globals are cleared: the trampolines must never be collected.
    for keep in (functions, functions.sab_alloc, functions.sab_free, functions.sab_dup):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(keep))
    lib = _native_lib()
    lib.JS_SetSharedArrayBufferFunctions.argtypes = [ctypes.c_void_p, ctypes.POINTER(_SABFunctions)]
    lib.JS_SetSharedArrayBufferFunctions.restype = None
    lib.JS_GetArrayBuffer.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), _JSValue]
    lib.JS_GetArrayBuffer.restype = ctypes.c_void_p
    lib.JS_NewArrayBuffer.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t,
                                      ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
    lib.JS_NewArrayBuffer.restype = _JSValue
    _sab_functions = (functions, sab_dup, sab_free)
    return _sab_functions


class SharedMemory:
    """The memory of a SharedArrayBuffer in transit between runtimes: holds a
    reference to it until dropped."""

    __slots__ = ("ptr", "size", "_free")

    def __init__(self, ptr: int, size: int):
        _, dup, free = _shared_memory_functions()
        dup(None, ptr)
        self.ptr, self.size, self._free = ptr, size, free

    def __del__(self):
        free, self._free = self._free, None
        if free is not None:
            free(None, self.ptr)


def _free_value(ctx, value) -> None:
    """JS_FreeValue (an inline function in quickjs.h): drop one reference of a
    ref-counted value, destroying it through __JS_FreeValue at zero."""
    if value.tag >= 0:  # not ref-counted
        return
    count = ctypes.c_int.from_address(value.u)
    count.value -= 1
    if count.value <= 0:
        # (a plain function: inside a class body the name would be mangled)
        _native_lib().__JS_FreeValue(ctx, value)


def _string_property(ctx, obj, name: bytes) -> str | None:
    """A string-valued property read without running JS conversions."""
    lib = _native_lib()
    value = lib.JS_GetPropertyStr(ctx, obj, name)
    try:
        if value.tag != _qjs_native.JS_TAG_STRING:
            return None
        size = ctypes.c_size_t()
        ptr = lib.JS_ToCStringLen2(ctx, ctypes.byref(size), value, 0)
        if not ptr:
            return None
        try:
            return ctypes.string_at(ptr, size.value).decode("utf-8", "replace")
        finally:
            lib.JS_FreeCString(ctx, ptr)
    finally:
        _free_value(ctx, value)


def _report_tracker_exception(ctx, exc) -> None:
    text = "Uncaught exception"
    if exc.tag == _qjs_native.JS_TAG_OBJECT:
        name = _string_property(ctx, exc, b"name")
        message = _string_property(ctx, exc, b"message")
        if (name, message) == ("InternalError", "stack overflow"):
            # QuickJS's stack exhaustion, in V8's words (what programs and
            # tests look for).
            text = "RangeError: Maximum call stack size exceeded"
        elif name is not None or message is not None:
            text = ": ".join(part for part in (name, message) if part)
    try:
        sys.stderr.write(f"Exception in PromiseRejectCallback:\n{text}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _field_pointer(obj) -> int:
    return ctypes.c_void_p.from_address(id(obj) + _HEAD).value


class Engine:
    """One QuickJS runtime with one context, driven from one thread."""

    def __init__(self, memory_limit: int | None = None, stack_size: int | None = 4 * 1024 * 1024,
                 interruptible: bool = False):
        self._rt = quickjs.Runtime()
        # A worker thread's engine: stoppable from another thread
        # (terminate_from_thread), so its interrupt handler stays installed
        # (running Python in it also lets other threads take the GIL).
        self._interruptible = interruptible
        if interruptible:
            self._rt.set_interrupt_handler(self._check_memory)
        self._memory_exceeded = False
        self._exit_code: int | None = None
        if memory_limit:
            self._rt.set_memory_limit(memory_limit * MEMORY_BACKSTOP_FACTOR + MEMORY_BACKSTOP_MARGIN)
            self._next_memory_poll = 0.0
            self._rt.set_interrupt_handler(self._check_memory)
        if stack_size:
            self._rt.set_max_stack_size(stack_size)
        self._memory_limit = memory_limit
        # Time limits of running vm scripts, innermost last: [deadline, fired].
        self._deadlines: list[list] = []
        self._ctx = self._rt.new_context()
        self._subcontexts: weakref.WeakSet = weakref.WeakSet()
        self.global_object = self._ctx.get_global()
        # Atomics.wait may block, as on Node's main thread.
        _native_lib().JS_SetCanBlock(_field_pointer(self._rt), 1)
        _native_lib().JS_SetSharedArrayBufferFunctions(
            _field_pointer(self._rt), ctypes.byref(_shared_memory_functions()[0]))

    # -- evaluation ------------------------------------------------------

    def _check_memory(self) -> bool:
        """Interrupt handler: True stops the running JS (uncatchably)."""
        if self._memory_exceeded or self._exit_code is not None:
            return True
        if self._deadlines and self._check_deadlines():
            return True
        if not self._memory_limit:
            return False
        now = time.monotonic()
        if now < self._next_memory_poll:
            return False
        self._next_memory_poll = now + MEMORY_POLL_SECONDS
        if self._rt.compute_memory_usage().get("malloc_size", 0) > self._memory_limit:
            self._memory_exceeded = True
            return True
        return False

    def _check_deadlines(self) -> bool:
        # Once a limit passed, JS stays interrupted until the call that set
        # it returned (code of inner calls unwinding must not run on).
        now = time.monotonic()
        for entry in self._deadlines:
            if entry[1]:
                return True
            if now >= entry[0]:
                entry[1] = True
                return True
        return False

    def push_deadline(self, milliseconds: float) -> list:
        """Interrupt (uncatchably) all JS once ``milliseconds`` passed, until
        :meth:`pop_deadline` with the returned token.  Limits nest: an outer
        one passing interrupts the JS of inner ones too."""
        token = [time.monotonic() + milliseconds / 1000.0, False]
        if not self._deadlines and not self._memory_limit and self._exit_code is None \
                and not self._interruptible:
            self._rt.set_interrupt_handler(self._check_memory)
        self._deadlines.append(token)
        return token

    def fire_deadline(self, token: list) -> None:
        """Treat a limit set by :meth:`push_deadline` as passed now (from a
        signal handler, say): the running JS is interrupted at its next check."""
        token[1] = True

    def pop_deadline(self, token: list) -> bool:
        """Remove a limit set by :meth:`push_deadline` (and any set after it
        and not removed); True if it passed."""
        for i, entry in enumerate(self._deadlines):
            if entry is token:
                del self._deadlines[i:]
                break
        if not self._deadlines and not self._memory_limit and self._exit_code is None \
                and not self._interruptible:
            self._rt.set_interrupt_handler(None)
        return token[1]

    @property
    def memory_exceeded(self) -> bool:
        """The heap passed the memory limit: all JS is stopped for good."""
        return self._memory_exceeded

    def memory_error(self) -> JSError:
        return JSError("RangeError", f"JS heap out of memory: the runtime's memory limit of "
                                     f"{self._memory_limit} bytes was exceeded; the runtime is stopped")

    def _translate(self, err: quickjs.JSError) -> JSError:
        if self._memory_exceeded:
            return self.memory_error()
        translated = _translate(err)
        # An allocation failed at the backstop limit (one large allocation
        # between two polls): QuickJS throws `null` or InternalError.
        if self._memory_limit and ((translated.message == "null" and not translated.name)
                                   or (translated.name, translated.message) == ("InternalError", "out of memory")):
            return JSError("RangeError", f"out of memory: an allocation would exceed the runtime's "
                                         f"memory limit of {self._memory_limit} bytes")
        return translated

    def _check(self) -> None:
        if self._exit_code is not None:
            # Re-raised into an outer JS frame (JS -> Python -> JS that
            # exited): that frame must not catch it either.
            self._poll_interrupt_now()
            raise ProcessExit(self._exit_code)

    def _poll_interrupt_now(self) -> None:
        """Make every context poll the interrupt handler at its next check
        instead of up to 10,000 instructions later."""
        for ctx in (self._ctx, *(sub._ctx for sub in list(self._subcontexts))):
            counter = ctypes.c_int.from_address(_field_pointer(ctx) + _CTX_INTERRUPT_COUNTER)
            if 0 <= counter.value <= _INTERRUPT_COUNTER_INIT:  # the layout still holds
                counter.value = 0

    def _check_usable(self) -> None:
        if self._memory_exceeded:
            raise self.memory_error()

    def eval_script(self, source: str, filename: str = "<eval>"):
        """Evaluate a classic script; returns its completion value."""
        if self._memory_exceeded:
            self._check_usable()
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
        if self._memory_exceeded:
            self._check_usable()
        try:
            return self._ctx.eval(self.text(source), filename=filename, module=True)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None
        finally:
            self._check()

    def call(self, fn, *args, this=Undefined):
        """Call a JS function.  JS exceptions become :class:`JSError`."""
        if self._memory_exceeded:
            self._check_usable()
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

    # -- further contexts (node:vm) ------------------------------------------

    def new_context(self) -> "SubContext":
        """Another global object and set of intrinsics in the same runtime
        (values pass freely between contexts; promise jobs share one queue)."""
        sub = SubContext(self, self._rt.new_context())
        self._subcontexts.add(sub)
        return sub

    def context_count(self) -> int:
        """The main context and the further contexts still referenced."""
        return 1 + len(self._subcontexts)

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
        if self._memory_exceeded:
            self._check_usable()
        try:
            return self._ctx.eval_function(compiled)
        except quickjs.JSError as err:
            self._check()
            raise self._translate(err) from None
        finally:
            self._check()

    # -- process exit -------------------------------------------------------

    def request_exit(self, code: int) -> None:
        """Stop all JS execution: the next interrupt check aborts it
        uncatchably, and every entry point raises :class:`ProcessExit`."""
        if self._exit_code is None:
            self._exit_code = code
            self._rt.set_interrupt_handler(lambda: True)
        self._poll_interrupt_now()

    def terminate_from_thread(self, code: int) -> None:
        """request_exit for an interruptible engine, from any thread: the
        running JS stops at its next interrupt check."""
        if self._exit_code is None:
            self._exit_code = code

    @property
    def exit_code(self) -> int | None:
        return self._exit_code

    def set_promise_rejection_tracker(self, handler) -> None:
        """Call JS ``handler(promise, reason, isHandled)`` when a promise is
        rejected with no handler (false) or gets one afterwards (true).

        ``handler`` must not throw; it runs inside QuickJS's promise code.
        """
        lib = _native_lib()
        handler_value = _JSValue.from_address(id(handler) + _HEAD)
        undefined = _JSValue(0, _qjs_native.JS_TAG_UNDEFINED)
        tag_bool = _qjs_native.JS_TAG_BOOL
        tag_exception = _qjs_native.JS_TAG_EXCEPTION

        def track(ctx, promise, reason, is_handled, _opaque):
            argv = (_JSValue * 3)(promise, reason, _JSValue(1 if is_handled else 0, tag_bool))
            result = lib.JS_Call(ctx, handler_value, undefined, 3, argv)
            if result.tag == tag_exception:
                # process.exit's uncatchable unwinding is re-raised at the next
                # interrupt check.  Anything else is the handler failing to
                # even start (the stack is exhausted): reported as node does,
                # and the program goes on.
                exc = lib.JS_GetException(ctx)
                if self._exit_code is None:
                    _report_tracker_exception(ctx, exc)
                _free_value(ctx, exc)
            else:  # release our reference
                _free_value(ctx, result)

        callback = _TRACKER(track)
        # Both must live as long as the runtime: QuickJS keeps raw pointers.
        self._rejection_tracker = (callback, handler)
        lib.JS_SetHostPromiseRejectionTracker(_field_pointer(self._rt), callback, None)

    # -- introspection for util.inspect ------------------------------------
    # Promise state/result and a Proxy's target/handler are engine internals
    # (V8 hands them to Node through its API).  The raw JSValues are read with
    # ctypes and handed back through a small JS collector, so reference
    # counting stays with QuickJS.

    def _collect(self, *raw) -> "JSValue":
        lib = _native_lib()
        if getattr(self, "_collector", None) is None:
            pair = self._ctx.eval(
                "(() => { let slot; return [(...v) => { slot = v; }, "
                "() => { const v = slot; slot = undefined; return v; }]; })()")
            self._collector = (pair.get(0), pair.get(1))
        put, take = self._collector
        argv = (_JSValue * len(raw))(*raw)
        ctx = _field_pointer(self._ctx)
        result = lib.JS_Call(ctx, _JSValue.from_address(id(put) + _HEAD),
                             _JSValue(0, _qjs_native.JS_TAG_UNDEFINED), len(raw), argv)
        _free_value(ctx, result)
        return take.call()

    def share_memory(self, value) -> "SharedMemory | None":
        """The memory of a SharedArrayBuffer, to hand to another runtime
        (:meth:`shared_array_buffer`); None for anything else."""
        if not isinstance(value, JSValue) or not value.is_object:
            return None
        lib = _native_lib()
        _shared_memory_functions()
        if getattr(self, "_sab_class", None) is None:
            probe = self._ctx.eval("new SharedArrayBuffer(0)")
            self._sab_class = lib.JS_GetClassID(_JSValue.from_address(id(probe) + _HEAD))
        raw = _JSValue.from_address(id(value) + _HEAD)
        if lib.JS_GetClassID(raw) != self._sab_class:
            return None
        size = ctypes.c_size_t()
        ptr = lib.JS_GetArrayBuffer(_field_pointer(self._ctx), ctypes.byref(size), raw)
        return SharedMemory(ptr, size.value) if ptr else None

    def shared_array_buffer(self, memory: "SharedMemory"):
        """A SharedArrayBuffer of this runtime over ``memory``."""
        lib = _native_lib()
        ctx = _field_pointer(self._ctx)
        raw = lib.JS_NewArrayBuffer(ctx, memory.ptr, memory.size, None, None, 1)
        try:
            return self._collect(raw).get(0)
        finally:
            _free_value(ctx, raw)

    def promise_details(self, value):
        """[state, result] of a Promise (0 pending, 1 fulfilled, 2 rejected;
        result undefined while pending), or None for anything else."""
        if not isinstance(value, JSValue) or value.promise_state is None:
            return None
        lib = _native_lib()
        ctx = _field_pointer(self._ctx)
        raw = _JSValue.from_address(id(value) + _HEAD)
        state = lib.JS_PromiseState(ctx, raw)
        if state <= 0:
            return [0, Undefined]
        result = lib.JS_PromiseResult(ctx, raw)
        try:
            return [state, self._collect(result).get(0)]
        finally:
            _free_value(ctx, result)

    def proxy_details(self, value):
        """(target, handler) of a Proxy, (None, None) once revoked, or None
        when ``value`` is not a Proxy."""
        if not isinstance(value, JSValue) or not value.is_object:
            return None
        lib = _native_lib()
        if getattr(self, "_proxy_class", None) is None:
            probe = self._ctx.eval("new Proxy({}, {})")
            self._proxy_class = lib.JS_GetClassID(_JSValue.from_address(id(probe) + _HEAD))
        raw = _JSValue.from_address(id(value) + _HEAD)
        if lib.JS_GetClassID(raw) != self._proxy_class:
            return None
        data = lib.JS_GetOpaque(raw, self._proxy_class)
        if not data:
            return None
        # JSProxyData: JSValue target, JSValue handler, uint8 is_func, uint8 is_revoked
        if ctypes.c_uint8.from_address(data + 2 * ctypes.sizeof(_JSValue) + 1).value:
            return (None, None)
        target = _JSValue.from_address(data)
        handler = _JSValue.from_address(data + ctypes.sizeof(_JSValue))
        pair = self._collect(target, handler)
        return (pair.get(0), pair.get(1))

    def collection_iterator(self, value):
        """For a Map or Set iterator: (collection or None once exhausted, kind
        (0 keys, 1 values, 2 entries), an opaque position (0 before the first
        step), is_set); None for anything else."""
        if not isinstance(value, JSValue) or not value.is_object:
            return None
        lib = _native_lib()
        if getattr(self, "_iterator_classes", None) is None:
            probe_map = self._ctx.eval("new Map().entries()")
            probe_set = self._ctx.eval("new Set().values()")
            self._iterator_classes = (
                lib.JS_GetClassID(_JSValue.from_address(id(probe_map) + _HEAD)),
                lib.JS_GetClassID(_JSValue.from_address(id(probe_set) + _HEAD)))
        raw = _JSValue.from_address(id(value) + _HEAD)
        class_id = lib.JS_GetClassID(raw)
        if class_id not in self._iterator_classes:
            return None
        data = lib.JS_GetOpaque(raw, class_id)
        if not data:
            return None
        # JSMapIteratorData: JSValue obj, JSIteratorKindEnum kind, JSMapRecord *cur_record
        collection = _JSValue.from_address(data)
        kind = ctypes.c_int.from_address(data + ctypes.sizeof(_JSValue)).value
        position = ctypes.c_void_p.from_address(data + ctypes.sizeof(_JSValue) + 8).value or 0
        is_set = class_id == self._iterator_classes[1]
        if collection.tag == _qjs_native.JS_TAG_UNDEFINED:
            return (None, kind, position, is_set)
        return (self._collect(collection).get(0), kind, position, is_set)

    def private_symbols(self, names: list[str]) -> list:
        """Symbols like V8's private symbols, one per name (an identifier):
        properties keyed by them are read and written as usual, but no
        reflection lists them (ownKeys, getOwnPropertySymbols, assign, spread).

        QuickJS has exactly such symbols behind class private names
        (``#name``); they are read off an instance of a class declaring them."""
        if not names:
            return []
        for name in names:
            if not name.isidentifier():
                raise ValueError(f"not an identifier: {name!r}")
        fields = " ".join(f"#{name} = 0;" for name in names)
        probe = self._ctx.eval(f"new (class {{ {fields} }})()")
        lib = _native_lib()
        ctx = _field_pointer(self._ctx)
        tab = ctypes.POINTER(_PropertyEnum)()
        count = ctypes.c_uint32()
        if lib.JS_GetOwnPropertyNames(ctx, ctypes.byref(tab), ctypes.byref(count),
                                      _JSValue.from_address(id(probe) + _HEAD), _JS_GPN_PRIVATE_MASK) < 0:
            raise RuntimeError("JS_GetOwnPropertyNames failed")
        try:
            raw = [lib.JS_AtomToValue(ctx, tab[i].atom) for i in range(count.value)]
        finally:
            lib.JS_FreePropertyEnum(ctx, tab, count)
        try:
            symbols = self._collect(*raw)
        finally:
            for value in raw:
                _free_value(ctx, value)
        describe = self._ctx.eval("(s) => s.description.slice(1)")
        by_name = {}
        for i in range(count.value):
            symbol = symbols.get(i)
            by_name[describe.call(symbol)] = symbol
        return [by_name[name] for name in names]

    def memory_usage(self) -> dict:
        return self._rt.compute_memory_usage()

    def memory_usage_details(self) -> dict:
        """Every field of QuickJS's JSMemoryUsage (the binding's
        compute_memory_usage returns only the first few): shapes, functions
        and their bytecode, arrays, ArrayBuffer contents."""
        lib = _native_lib()
        if not getattr(lib, "_nodeshim_memory_usage", False):
            lib.JS_ComputeMemoryUsage.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            lib.JS_ComputeMemoryUsage.restype = None
            lib._nodeshim_memory_usage = True
        usage = (ctypes.c_int64 * len(_MEMORY_USAGE_FIELDS))()
        lib.JS_ComputeMemoryUsage(_field_pointer(self._rt), ctypes.addressof(usage))
        return dict(zip(_MEMORY_USAGE_FIELDS, usage))

    def run_gc(self) -> None:
        self._rt.run_gc()


class SubContext:
    """A context made by :meth:`Engine.new_context` (a vm context)."""

    def __init__(self, engine: Engine, ctx):
        self._engine = engine
        self._ctx = ctx
        self.global_object = ctx.get_global()

    def eval_script(self, source: str, filename: str = "<eval>"):
        engine = self._engine
        try:
            return self._ctx.eval(engine.text(source), filename=filename)
        except quickjs.JSError as err:
            engine._check()
            raise engine._translate(err) from None
        finally:
            engine._check()

    def compile_script(self, source: str, filename: str):
        try:
            return self._ctx.compile(self._engine.text(source), filename=filename)
        except quickjs.JSError as err:
            raise self._engine._translate(err) from None

    def deserialize(self, data: bytes):
        """Bytecode from :meth:`Engine.serialize`, bound to this context."""
        return self._ctx.read_object(data)

    def run_compiled(self, compiled):
        engine = self._engine
        try:
            return self._ctx.eval_function(compiled)
        except quickjs.JSError as err:
            engine._check()
            raise engine._translate(err) from None
        finally:
            engine._check()
