"""Loop.queue_threadsafe: work from another thread (worker_threads) wakes a
loop that waits for it, with or without trio, and runs in its poll phase."""

from __future__ import annotations

import threading
import time

from nodeshim.loop import Handle, Loop


def _release_later(loop: Loop, handle: Handle, seen: list, delay: float = 0.05) -> threading.Thread:
    def work():
        seen.append(threading.get_ident())
        handle.set_active(False)

    def later():
        time.sleep(delay)
        loop.queue_threadsafe(work)

    thread = threading.Thread(target=later)
    thread.start()
    return thread


def test_sync_loop_waits_for_another_threads_work():
    loop = Loop()
    handle = Handle(loop)
    handle.set_active(True)  # like a ref'd MessagePort: nothing to poll here
    seen: list = []
    thread = _release_later(loop, handle, seen)
    start = time.monotonic()
    loop.run()
    thread.join()
    assert seen == [threading.get_ident()]  # ran on the loop's thread
    assert time.monotonic() - start >= 0.04
    assert not loop.alive()


def test_trio_loop_is_woken_by_another_thread():
    loop = Loop()
    handle = Handle(loop)
    handle.set_active(True)

    async def noop():
        pass

    loop.spawn(noop)  # makes the loop continue under trio
    seen: list = []
    thread = _release_later(loop, handle, seen, delay=0.1)
    loop.run()
    thread.join()
    assert seen == [threading.get_ident()]
    assert not loop.alive()


def test_unrefd_foreign_work_does_not_hold_the_loop():
    loop = Loop()
    handle = Handle(loop)
    handle.set_active(True)
    handle.unref()
    loop.run()  # returns at once: nothing ref'd
    assert not loop.alive()
