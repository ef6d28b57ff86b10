"""internalBinding('util'): small engine-level helpers JS cannot do itself."""

from __future__ import annotations


def create(host):
    engine = host.engine

    def run_microtasks():
        engine.run_jobs()

    from ..engine import Undefined

    def get_promise_details(promise):
        details = engine.promise_details(promise)
        return Undefined if details is None else details

    def get_proxy_details(value, full=True):
        details = engine.proxy_details(value)
        if details is None:
            return Undefined
        return list(details) if full else details[0]

    return {
        "getPromiseDetails": get_promise_details,
        "getProxyDetails": get_proxy_details,
        "isProxy": lambda value: engine.proxy_details(value) is not None,
        "runMicrotasks": run_microtasks,
        "hasPendingMicrotasks": lambda: engine.has_pending_jobs,
        # internal/util.sleep: blocks the whole loop, as Node's does.
        "sleep": lambda ms: __import__("time").sleep(max(0, float(ms)) / 1000),
    }
