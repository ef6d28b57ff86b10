"""Node's event loop on trio: the only module that drives trio's run loop.

Phases, in libuv's order (libuv 1.46, as in Node 20)::

    timers -> pending -> poll (I/O callbacks) -> check (setImmediate)
           -> closing callbacks -> timers -> ... while anything ref'd is alive

Liveness is a reference count, as in ``uv_loop_alive``: ref'd active handles,
in-flight requests, a ref'd timer, ref'd immediates, queued callbacks.

The JS side owns the timer list and the immediate queue (as Node's
``lib/internal/timers.js`` does); the loop only keeps one deadline and one
"immediates pending" flag, set through ``internalBinding('timers')``.

trio is imported lazily: a script that never opens a socket (``-e 0``, a
timers-only script) runs its loop without trio, because importing trio costs
more than Node's whole start-up.  As soon as a binding needs I/O the same loop
state continues inside ``trio.run``.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import weakref
from collections import deque
from typing import Callable


class Handle:
    """Liveness bookkeeping for one native handle (socket, server, timer...).

    A handle keeps the loop alive while it is both *active* (listening,
    reading, connecting...) and *ref'd*.
    """

    __slots__ = ("loop", "_active", "_ref", "closing", "__weakref__")

    def __init__(self, loop: "Loop"):
        self.loop = loop
        self._active = False
        self._ref = True
        self.closing = False
        if loop._handles is not None:
            loop._handles.add(self)

    def _counted(self) -> bool:
        return self._active and self._ref

    def set_active(self, active: bool) -> None:
        before = self._counted()
        self._active = active
        self.loop._ref_handles += self._counted() - before

    def ref(self) -> None:
        before = self._counted()
        self._ref = True
        self.loop._ref_handles += self._counted() - before

    def unref(self) -> None:
        before = self._counted()
        self._ref = False
        self.loop._ref_handles += self._counted() - before

    def has_ref(self) -> bool:
        return self._ref

    @property
    def active(self) -> bool:
        return self._active

    def release(self) -> None:
        """Free the OS resources now, without calling JS: the runtime that
        owns this handle is being torn down (a hosted runtime was cancelled).
        Handles that own a socket or a file descriptor override this."""


class Loop:
    def __init__(self) -> None:
        self._start = time.monotonic()
        self.now_ms = 0.0
        # performance.nodeTiming / eventLoopUtilization: monotonic ns of the
        # loop's first start and last exit, and the time spent waiting in poll.
        self.loop_start_ns = -1
        self.loop_exit_ns = -1
        self._idle_ns = 0
        # uv_metrics_info: loop iterations and I/O completions run
        self.loop_count = 0
        self.events = 0
        self._idle_since: int | None = None
        self._ref_handles = 0
        self.active_reqs = 0
        self.timer_deadline: float | None = None  # loop ms
        self.timer_ref = True
        self.immediate_pending = False
        self.immediate_ref = False
        self._pending: deque[Callable[[], None]] = deque()  # I/O completions
        self._closing: deque[Callable[[], None]] = deque()
        self._stop = False
        # Set by the host once the JS side is bootstrapped.
        self.run_timers: Callable[[float], float] | None = None
        self.run_immediates: Callable[[], None] | None = None
        # trio state, filled in when running under trio.
        self._trio = None
        self._nursery = None
        self._wakeup = None
        self._deferred_tasks: list = []
        self._needs_trio = False
        self.after_callbacks: list[Callable[[], None]] = []
        # Hosted runtimes (runtime/api.py) track their handles so that a
        # cancelled host can release every socket at once; None otherwise.
        self._handles: weakref.WeakSet | None = None
        self._idle_waiters: list = []
        # Work queued from other threads (worker_threads): appended there,
        # moved into the poll queue here; the event / trio token wake a loop
        # that waits for it.
        self._foreign: deque[Callable[[], None]] = deque()
        self._thread_wakeup = threading.Event()
        self._trio_token = None

    # -- time ---------------------------------------------------------------

    def update_time(self) -> None:
        self.now_ms = float(int((time.monotonic() - self._start) * 1000))

    def now(self) -> float:
        """Node's getLibuvNow(): updates the cached loop time, then reads it."""
        self.update_time()
        return self.now_ms

    def hrtime_ns(self) -> int:
        return time.monotonic_ns()

    # -- timers / immediates (driven from JS) ---------------------------------

    def schedule_timer(self, ms: float) -> None:
        self.timer_deadline = self.now_ms + max(1.0, float(ms))
        self._wake()

    def set_timer_ref(self, ref: bool) -> None:
        self.timer_ref = bool(ref)

    def set_immediate_pending(self, pending: bool) -> None:
        self.immediate_pending = bool(pending)
        if pending:
            self._wake()

    def set_immediate_ref(self, ref: bool) -> None:
        self.immediate_ref = bool(ref)

    # -- callbacks from I/O -----------------------------------------------------

    def queue_io(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` in the poll phase (an I/O completion)."""
        self._pending.append(fn)
        self._wake()

    def queue_close(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` in the closing-handles phase (``uv_close`` callbacks)."""
        self._closing.append(fn)
        self._wake()

    def queue_threadsafe(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` in this loop's poll phase; callable from any thread."""
        self._foreign.append(fn)
        self._thread_wakeup.set()
        token = self._trio_token
        if token is not None:
            try:
                token.run_sync_soon(self._wake)
            except Exception:  # noqa: BLE001 - that trio run just ended
                pass

    def _take_foreign(self) -> None:
        foreign = self._foreign
        while foreign:
            self._pending.append(foreign.popleft())

    def spawn(self, async_fn, *args) -> None:
        """Start an I/O task; switches the loop to trio if it is not yet."""
        if self._nursery is not None:
            self._nursery.start_soon(async_fn, *args)
        else:
            self._deferred_tasks.append((async_fn, args))
            self._needs_trio = True

    def _wake(self) -> None:
        if self._wakeup is not None:
            self._wakeup.set()

    def wake(self) -> None:
        """New work may exist (the host called into JS): run a loop turn."""
        self._wake()

    # -- liveness -----------------------------------------------------------------

    def alive(self) -> bool:
        return bool(
            self._ref_handles > 0
            or self.active_reqs > 0
            or (self.timer_deadline is not None and self.timer_ref)
            or (self.immediate_pending and self.immediate_ref)
            or self._pending
            or self._closing
        )

    def stop(self) -> None:
        self._stop = True
        self._wake()

    # -- phases -------------------------------------------------------------------

    def _run_timers(self) -> None:
        deadline = self.timer_deadline
        if deadline is None or deadline > self.now_ms:
            return
        self.timer_deadline = None
        nxt = self.run_timers(self.now_ms)
        # Node's contract: 0 = no timers left; >0 next expiry with the timer
        # ref'd; <0 next expiry, unref'd.
        if nxt:
            self.timer_deadline = abs(nxt)
            self.timer_ref = nxt > 0

    def _run_queue(self, queue: deque) -> bool:
        n = len(queue)
        for _ in range(n):
            queue.popleft()()
        return n > 0

    def _poll_timeout(self) -> float | None:
        """Seconds to wait in poll, or None for 'until woken'."""
        if self._stop or self.immediate_pending or self._pending or self._closing or self._foreign:
            return 0.0
        if not self.alive():
            # uv_backend_timeout: nothing ref'd is active, so do not block
            # (an unref'd timer must not hold the loop).
            return 0.0
        if self.timer_deadline is not None:
            return max(0.0, (self.timer_deadline - self._elapsed_ms()) / 1000.0)
        return None

    def _elapsed_ms(self) -> float:
        return (time.monotonic() - self._start) * 1000

    def _after_poll(self) -> None:
        self._take_foreign()
        self.events += len(self._pending)
        self._run_queue(self._pending)
        if self.immediate_pending:
            self.run_immediates()
        self._run_queue(self._closing)
        self.update_time()
        self._run_timers()

    # -- running --------------------------------------------------------------------

    def run_sync(self) -> bool:
        """Run without trio while no I/O task is needed.

        Returns True when the loop finished, False when it must continue
        under trio (a binding spawned an I/O task).
        """
        self._stop = False
        if self.alive():
            self.update_time()
            self._run_timers()
        while self.alive() and not self._stop:
            if self._needs_trio:
                return False
            self.loop_count += 1
            self._run_queue(self._pending)
            self._thread_wakeup.clear()
            timeout = self._poll_timeout()
            if timeout is None:
                if self._needs_trio:
                    return False
                # Alive with nothing to wait for in this thread: a ref'd
                # message port whose messages come from another thread.
                self._idle_begin()
                self._thread_wakeup.wait()
                self._idle_end()
            elif timeout > 0:
                self._idle_begin()
                self._thread_wakeup.wait(timeout)
                self._idle_end()
            self._after_poll()
        return not self._needs_trio or not self.alive()

    def _adopt_nursery(self, nursery) -> None:
        """Start the I/O tasks bindings asked for before trio was running."""
        self._nursery = nursery
        deferred, self._deferred_tasks = self._deferred_tasks, []
        for async_fn, args in deferred:
            nursery.start_soon(async_fn, *args)
        self._needs_trio = False

    async def _poll(self, timeout: float | None) -> None:
        """The poll phase's wait: until an I/O completion, a timer or a wake-up,
        at most ``timeout`` seconds (None: no limit; 0: just let I/O tasks run,
        even while JS keeps the loop busy)."""
        trio = self._trio
        if timeout == 0.0:
            await trio.lowlevel.checkpoint()
            return
        self._wakeup = trio.Event()
        if self._foreign:
            await trio.lowlevel.checkpoint()
            return
        self._idle_begin()
        try:
            if timeout is None:
                await self._wakeup.wait()
            else:
                with trio.move_on_after(timeout):
                    await self._wakeup.wait()
        finally:
            self._idle_end()

    async def run_async(self) -> None:
        """Run the loop inside the current trio run until nothing is alive."""
        import trio

        self._trio = trio
        self._wakeup = trio.Event()
        self._stop = False
        self._trio_token = trio.lowlevel.current_trio_token()
        try:
            async with trio.open_nursery() as nursery:
                self._adopt_nursery(nursery)
                if self.alive():
                    self.update_time()
                    self._run_timers()
                while self.alive() and not self._stop:
                    self.loop_count += 1
                    self._run_queue(self._pending)
                    await self._poll(self._poll_timeout())
                    self._after_poll()
                nursery.cancel_scope.cancel()
        finally:
            self._nursery = None
            self._wakeup = None
            self._trio_token = None

    def run_trio(self) -> None:
        import trio

        try:
            with _readiness_order():
                trio.run(self.run_async)
        except BaseExceptionGroup as group:
            # The nursery wraps what the loop body raised (ProcessExit from a
            # JS process.exit(), an uncaught JSError): hand the single cause
            # to the host unwrapped, as run_sync would.
            exc: BaseException = group
            while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
                exc = exc.exceptions[0]
            if exc is group:
                raise
            raise exc from None

    def run(self) -> None:
        """Run until no ref'd work is left (one ``uv_run(UV_RUN_DEFAULT)``)."""
        if self._nursery is not None:
            raise RuntimeError("loop already running")
        if self.loop_start_ns < 0:
            self.loop_start_ns = time.monotonic_ns()
        try:
            if not self.run_sync():
                self.run_trio()
        finally:
            self.loop_exit_ns = time.monotonic_ns()

    def idle_time_ns(self) -> int:
        since = self._idle_since
        return self._idle_ns + (time.monotonic_ns() - since if since is not None else 0)

    def _idle_begin(self) -> None:
        self._idle_since = time.monotonic_ns()

    def _idle_end(self) -> None:
        if self._idle_since is not None:
            self._idle_ns += time.monotonic_ns() - self._idle_since
            self._idle_since = None

    # -- hosted runtimes (runtime/api.py) ---------------------------------------------

    def track_handles(self) -> None:
        """Remember every handle made from now on (see :meth:`release_handles`)."""
        if self._handles is None:
            self._handles = weakref.WeakSet()

    def release_handles(self) -> None:
        """Close every tracked handle's OS resources without running JS."""
        for handle in list(self._handles or ()):
            handle.release()

    def live_handles(self) -> list[Handle]:
        return [h for h in (self._handles or ()) if h.active and not h.closing]

    def _hosted_timeout(self) -> float | None:
        """Like :meth:`_poll_timeout`, but an idle hosted loop waits for its
        next timer (ref'd or not) or for new work instead of returning."""
        if self._stop or self.immediate_pending or self._pending or self._closing or self._foreign:
            return 0.0
        if self.timer_deadline is not None:
            return max(0.0, (self.timer_deadline - self._elapsed_ms()) / 1000.0)
        return None

    def _notify_idle(self) -> None:
        waiters, self._idle_waiters = self._idle_waiters, []
        for event in waiters:
            event.set()

    async def wait_idle(self) -> None:
        """Wait for the end of a loop turn that left nothing ref'd alive (or
        for the hosted loop to stop)."""
        event = self._trio.Event()
        self._idle_waiters.append(event)
        self._wake()
        await event.wait()

    async def run_hosted(self, task_status) -> None:
        """Run the loop inside a host's trio run until cancelled or stopped.

        Unlike :meth:`run_async` (a process: it ends when nothing ref'd is
        alive), a hosted runtime lives as long as its host keeps it: when
        idle it tells :meth:`wait_idle` callers and parks until woken by new
        work (an I/O completion, a task, a timer, :meth:`wake`).  The I/O
        nursery lives for the whole run, so unref'd handles keep working.
        Exceptions from JS hooks (ProcessExit...) end the run; the caller
        (runtime/api.py) decides what they mean.
        """
        import trio

        self._trio = trio
        self._wakeup = trio.Event()
        self._stop = False
        self.track_handles()
        self._trio_token = trio.lowlevel.current_trio_token()
        try:
            async with trio.open_nursery() as nursery:
                self._adopt_nursery(nursery)
                task_status.started()
                self.update_time()
                self._run_timers()
                while not self._stop:
                    self._run_queue(self._pending)
                    if not self.alive():
                        self._notify_idle()
                    await self._poll(self._hosted_timeout())
                    self._after_poll()
                nursery.cancel_scope.cancel()
        finally:
            self._nursery = None
            self._wakeup = None
            self._trio_token = None
            self._notify_idle()


@contextlib.contextmanager
def _readiness_order():
    """Run trio's tasks in readiness order, as libuv runs I/O callbacks in
    the order epoll reports them.

    trio reverses each batch of runnable tasks at random so that programs
    cannot depend on their order; Node programs (and Node's tests) do:
    test-http-writable-true-after-close reads a client's FIN and another
    connection's data in the same poll and expects the FIN first, as it
    arrived.  The batch order is the one thing trio draws from its private
    ``trio._core._run._r``; only the process-owning run (the CLI) swaps it,
    a program hosting nodeshim inside its own trio run keeps trio's.  If a
    trio release moves it, runs stay correct, only in trio's order."""
    import random  # noqa: PLC0415 - with trio, not at start-up

    class FifoBatches(random.Random):
        # random() of 0: trio reverses every batch, and as it pops tasks from
        # the end, that runs them in the order they became runnable.
        def random(self) -> float:
            return 0.0

    core_run = sys.modules.get("trio._core._run")
    saved = getattr(core_run, "_r", None)
    if not isinstance(saved, random.Random):
        yield
        return
    core_run._r = FifoBatches()
    try:
        yield
    finally:
        core_run._r = saved
