"""internalBinding('util'): small engine-level helpers JS cannot do itself."""

from __future__ import annotations


def create(host):
    engine = host.engine

    def run_microtasks():
        engine.run_jobs()

    return {
        "runMicrotasks": run_microtasks,
        "hasPendingMicrotasks": lambda: engine.has_pending_jobs,
        # internal/util.sleep: blocks the whole loop, as Node's does.
        "sleep": lambda ms: __import__("time").sleep(max(0, float(ms)) / 1000),
    }
