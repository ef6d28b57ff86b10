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




_ORDER_PROBE = """
import json, socket, sys
import trio, trio.testing
from nodeshim.loop import _readiness_order

async def one_round():
    pairs = [socket.socketpair() for _ in range(8)]
    order = []

    async def reader(i, sock):
        await trio.lowlevel.wait_readable(sock)
        order.append(i)

    try:
        async with trio.open_nursery() as nursery:
            for i, (a, _) in enumerate(pairs):
                nursery.start_soon(reader, i, a)
            await trio.testing.wait_all_tasks_blocked()
            for _, b in pairs:
                b.send(b"x")
    finally:
        for a, b in pairs:
            a.close()
            b.close()
    return order

with _readiness_order():
    inside = [trio.run(one_round) for _ in range(12)]
outside = [trio.run(one_round) for _ in range(30)]
json.dump([inside, outside], sys.stdout)
"""


def test_readiness_order_runs_io_in_the_order_it_became_ready():
    """Under the CLI's run, sockets that become readable together are served
    in the order they became readable (libuv's epoll order), never trio's
    random reversal of a batch; outside it trio's own order is back.  In a
    fresh interpreter: under pytest, Hypothesis switches trio to its seeded
    test scheduling, which the CLI never runs with."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _ORDER_PROBE], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    inside, outside = json.loads(out)
    in_order = list(range(8))
    assert all(r == in_order for r in inside), inside
    # trio reverses a batch with p = 1/2: 30 in order would be a
    # one-in-a-billion chance.
    assert any(r != in_order for r in outside), outside
