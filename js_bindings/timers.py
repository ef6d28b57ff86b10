"""internalBinding('timers'): one native deadline for the JS timer list.

Contract as Node's: JS keeps every Timeout in its own lists and tells the loop
only the next expiry (``scheduleTimer``) and whether it is ref'd; the loop
calls ``processTimers(now)`` back, which returns the next expiry (negative when
unref'd, 0 when none).  Immediates likewise: JS owns the queue, the loop only
knows "pending" and "ref'd".
"""


def create(host):
    loop = host.loop
    return {
        "scheduleTimer": loop.schedule_timer,
        "toggleTimerRef": loop.set_timer_ref,
        "toggleImmediatePending": loop.set_immediate_pending,
        "toggleImmediateRef": loop.set_immediate_ref,
        "getLibuvNow": loop.now,
    }
