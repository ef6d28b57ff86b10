"""internalBinding('contextify'): node:vm's contexts.

A vm context is a further QuickJS context of the same runtime (its own
global object and intrinsics).  Scripts run as classic scripts; the thrown
value of a failing script is kept by a JS stash function, as builtins'
evalScript does, since the engine binding carries only its message.
"""

from __future__ import annotations

import signal


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
        return f"{head}try {{{source}\n}} catch (e) {{ globalThis[Symbol.for('nodeshim.stash')](e); throw e; }}"

    def eval_in_context(ident, source, filename, strict=False, timeout=-1):
        # ident 0 is the main context.  A failure is [False, message, timedOut]
        # (timedOut: `timeout` ms passed and the script was interrupted).
        sub = engine if int(ident) == 0 else contexts.get(int(ident))
        if sub is None:
            return [False, "unknown context", False]
        source = engine.text(source)
        filename = engine.text(filename)
        host.sources[filename] = source
        token = engine.push_deadline(float(timeout)) if timeout is not None and timeout >= 0 else None
        try:
            return [True, sub.eval_script(_wrap(source, bool(strict)), filename)]
        except Exception as err:  # JSError: the value was stashed
            fired = token is not None and engine.pop_deadline(token)
            token = None
            return [False, getattr(err, "message", str(err)), fired]
        finally:
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
    watchdogs: list[list[bool]] = []
    saved_handler: list = []

    def on_sigint(_signum, _frame):
        if watchdogs:
            watchdogs[-1][0] = True

    def start_sigint_watchdog():
        if not watchdogs:
            try:
                saved_handler[:] = [signal.getsignal(signal.SIGINT)]
                signal.signal(signal.SIGINT, on_sigint)
            except ValueError:  # not the main thread: nothing to catch with
                saved_handler[:] = []
        watchdogs.append([False])
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
        "startSigintWatchdog": start_sigint_watchdog,
        "stopSigintWatchdog": stop_sigint_watchdog,
        "watchdogHasPendingSigint": lambda: any(w[0] for w in watchdogs),
    }
