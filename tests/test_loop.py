"""The loop's liveness and phase order, without JS (the JS side is covered by
tests/js/runtime/*.js against real node)."""

from __future__ import annotations

from nodeshim.loop import Handle, Loop


def make_loop(log):
    loop = Loop()
    loop.run_timers = lambda now: (log.append("timers"), 0)[1]
    loop.run_immediates = lambda: (log.append("check"), loop.set_immediate_pending(False))
    return loop


def test_empty_loop_is_not_alive_and_returns():
    loop = make_loop([])
    assert not loop.alive()
    loop.run()


def test_handle_liveness_counts_active_and_ref():
    loop = make_loop([])
    h = Handle(loop)
    assert not loop.alive()
    h.set_active(True)
    assert loop.alive()
    h.unref()
    assert not loop.alive()
    h.ref()
    h.ref()  # idempotent
    assert loop.alive()
    h.set_active(False)
    assert not loop.alive()
    assert loop._ref_handles == 0


def test_phase_order_pending_check_closing_timers():
    log = []
    loop = make_loop(log)
    loop.queue_io(lambda: log.append("io"))
    loop.queue_close(lambda: log.append("close"))
    loop.set_immediate_pending(True)
    loop.set_immediate_ref(True)
    loop.schedule_timer(1)
    loop.run()
    assert log.index("io") < log.index("check") < log.index("close")
    assert "timers" in log


def test_unrefed_timer_does_not_keep_loop_alive():
    loop = make_loop([])
    loop.schedule_timer(60_000)
    loop.set_timer_ref(False)
    assert not loop.alive()


def test_spawn_switches_to_trio_and_completes_io():
    log = []
    loop = make_loop(log)
    h = Handle(loop)
    h.set_active(True)

    async def task():
        import trio

        await trio.sleep(0.01)
        loop.queue_io(lambda: (log.append("io-from-trio"), h.set_active(False)))

    loop.spawn(task)
    loop.run()
    assert log == ["io-from-trio"]
    assert not loop.alive()
