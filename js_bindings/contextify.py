"""internalBinding('contextify'): node:vm's contexts.

A vm context is a further QuickJS context of the same runtime (its own
global object and intrinsics).  Scripts run as classic scripts; the thrown
value of a failing script is kept by a JS stash function, as builtins'
evalScript does, since the engine binding carries only its message.
"""

from __future__ import annotations

import hashlib
import signal

from ..engine import ENGINE_VERSION, Undefined

# vm cached data: a tag, a digest, then QuickJS bytecode of the wrapped script.
# The digest covers the engine version, file name, wrapped source and bytecode:
# data for another source, engine or file name, or altered data, is rejected
# before the engine reads it (QuickJS's bytecode reader trusts its input).
_CACHE_TAG = b"NSvm"


def create(host):
    engine = host.engine
    contexts: dict[int, object] = {}
    counter = [0]

    def make_context():
        counter[0] += 1
        sub = engine.new_context()
        contexts[counter[0]] = sub
        return [counter[0], sub.global_object]

    def release_context(ident):
        contexts.pop(int(ident), None)
        return 0

    def _wrap(source: str, strict: bool) -> str:
        head = "'use strict'; " if strict else ""
        # (a frozen global has no stash: the error then only crosses by name and message)
        return (f"{head}try {{{source}\n}} catch (e) {{ const s = globalThis[Symbol.for('nodeshim.stash')]; "
                "if (typeof s === 'function') s(e); throw e; }")

    def _digest(wrapped: str, filename: str, bytecode: bytes) -> bytes:
        h = hashlib.sha256()
        for part in (ENGINE_VERSION.encode(), filename.encode("utf-8", "surrogatepass"),
                     wrapped.encode("utf-8", "surrogatepass")):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        h.update(bytecode)
        return h.digest()

    def make_cache(source, filename, strict=False):
        # Cached data for a script: an ArrayBuffer, or null when it does not compile.
        wrapped = _wrap(engine.text(source), bool(strict))
        filename = engine.text(filename)
        try:
            bytecode = engine.serialize(engine.compile_script(wrapped, filename))
        except Exception:
            return None
        return engine.array_buffer(_CACHE_TAG + _digest(wrapped, filename, bytecode) + bytecode)

    def check_cache(data, source, filename, strict=False):
        # The bytecode (an ArrayBuffer) if `data` was made for this script, else null.
        raw = engine.to_bytes(data)
        head = len(_CACHE_TAG) + 32
        if len(raw) <= head or not raw.startswith(_CACHE_TAG):
            return None
        bytecode = raw[head:]
        wrapped = _wrap(engine.text(source), bool(strict))
        if raw[len(_CACHE_TAG):head] != _digest(wrapped, engine.text(filename), bytecode):
            return None
        return engine.array_buffer(bytecode)

    def eval_in_context(ident, source, filename, strict=False, timeout=-1, bytecode=None,
                        break_on_sigint=False):
        # ident 0 is the main context.  A failure is [False, message, stop]:
        # stop is 'timeout' (`timeout` ms passed) or 'sigint' (SIGINT arrived,
        # with break_on_sigint) when the engine interrupted the script, else False.
        sub = engine if int(ident) == 0 else contexts.get(int(ident))
        if sub is None:
            return [False, "unknown context", False]
        source = engine.text(source)
        filename = engine.text(filename)
        host.sources[filename] = source
        token = engine.push_deadline(float(timeout)) if timeout is not None and timeout >= 0 else None
        sigint = None
        if break_on_sigint is True:
            sigint = engine.push_deadline(float("inf"))
            start_sigint_watchdog(lambda: engine.fire_deadline(sigint))
        try:
            if bytecode is not None and bytecode is not Undefined:
                # Checked by check_cache: the same wrapped source, compiled.
                return [True, sub.run_compiled(sub.deserialize(engine.to_bytes(bytecode)))]
            return [True, sub.eval_script(_wrap(source, bool(strict)), filename)]
        except Exception as err:  # JSError: the value was stashed
            stop = False
            if sigint is not None and engine.pop_deadline(sigint):
                stop = "sigint"
            if token is not None and engine.pop_deadline(token):
                stop = "timeout"
            return [False, getattr(err, "message", str(err)), stop, getattr(err, "name", "")]
        finally:
            if sigint is not None:
                engine.pop_deadline(sigint)
                stop_sigint_watchdog()
            if token is not None:
                engine.pop_deadline(token)

    def compile_check(source, filename):
        # Compiles without running: None, or [name, message, stack].
        try:
            engine.compile_script(engine.text(source), engine.text(filename))
        except Exception as err:
            return [getattr(err, "name", "") or "SyntaxError", getattr(err, "message", str(err)),
                    getattr(err, "stack", "")]
        return None

    # SIGINT watchdogs (vm's breakOnSigint, Node's SigintWatchdogHelper): while
    # any is started, SIGINT is caught and marks the most recent one.
    watchdogs: list[list] = []  # [signal seen, callback on a signal]
    saved_handler: list = []

    def on_sigint(_signum, _frame):
        if watchdogs:
            watchdogs[-1][0] = True
            if watchdogs[-1][1] is not None:
                watchdogs[-1][1]()

    def start_sigint_watchdog(on_signal=None):
        if not watchdogs:
            try:
                saved_handler[:] = [signal.getsignal(signal.SIGINT)]
                signal.signal(signal.SIGINT, on_sigint)
            except ValueError:  # not the main thread: nothing to catch with
                saved_handler[:] = []
        watchdogs.append([False, on_signal if callable(on_signal) else None])
        return 0

    def stop_sigint_watchdog():
        if not watchdogs:
            return False
        had_signal = watchdogs.pop()[0]
        if not watchdogs and saved_handler:
            try:
                signal.signal(signal.SIGINT, saved_handler[0])
            except (ValueError, TypeError):
                pass
            saved_handler[:] = []
        return had_signal

    return {
        "makeContext": make_context,
        "releaseContext": release_context,
        "evalInContext": eval_in_context,
        "compileCheck": compile_check,
        "makeCache": make_cache,
        "checkCache": check_cache,
        "startSigintWatchdog": lambda: start_sigint_watchdog(),
        "stopSigintWatchdog": stop_sigint_watchdog,
        "watchdogHasPendingSigint": lambda: any(w[0] for w in watchdogs),
    }
