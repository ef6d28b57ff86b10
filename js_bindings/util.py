"""internalBinding('util'): small engine-level helpers JS cannot do itself."""

from __future__ import annotations


def create(host):
    engine = host.engine

    def run_microtasks():
        engine.run_jobs()

    return {
        "runMicrotasks": run_microtasks,
        "hasPendingMicrotasks": lambda: engine.has_pending_jobs,
    }
