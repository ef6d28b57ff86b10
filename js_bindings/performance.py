"""internalBinding('performance'): the process's timing milestones, the event
loop's idle time, and recordable histograms (perf_hooks.createHistogram,
monitorEventLoopDelay).

Histograms live here rather than in JS because Node shares one histogram
between the threads a clone of it is posted to: a histogram is an id into a
process-wide table, so a clone in another MessagePort (or worker) records
into the same data.  Values are kept exactly (a count per value), which is
what HdrHistogram reports for the magnitudes its tests use.
"""

from __future__ import annotations

import itertools
import math
import threading
import time

_INT64_MAX = 9223372036854775807

_lock = threading.Lock()
_ids = itertools.count(1)
_table: dict[int, "_Histogram"] = {}


class _Histogram:
    __slots__ = ("lowest", "highest", "counts", "count", "min", "max", "total", "total_sq",
                 "exceeds", "prev")

    def __init__(self, lowest: int, highest: int):
        self.lowest = lowest
        self.highest = highest
        self.prev = 0
        self.reset()

    def reset(self) -> None:
        self.counts: dict[int, int] = {}
        self.count = 0
        self.min = _INT64_MAX
        self.max = 0
        self.total = 0
        self.total_sq = 0
        self.exceeds = 0

    def record(self, value: int) -> bool:
        if value < self.lowest or value > self.highest:
            self.exceeds += 1
            return False
        self.counts[value] = self.counts.get(value, 0) + 1
        self.count += 1
        self.min = min(self.min, value)
        self.max = max(self.max, value)
        self.total += value
        self.total_sq += value * value
        return True

    def add(self, other: "_Histogram") -> int:
        dropped = 0
        for value, n in list(other.counts.items()):
            for _ in range(n):
                if not self.record(value):
                    dropped += 1
        return dropped

    def stats(self) -> list:
        if self.count == 0:
            mean = stddev = math.nan
        else:
            mean = self.total / self.count
            stddev = math.sqrt(max(0.0, self.total_sq / self.count - mean * mean))
        # the int64 ones again as text: a JS number cannot hold them exactly
        return [self.count, self.min, self.max, mean, stddev, self.exceeds,
                str(self.count), str(self.min), str(self.max), str(self.exceeds)]

    def percentile(self, p: float) -> int:
        if self.count == 0:
            return 0
        # HdrHistogram's rank: rounded to nearest, at least the first value
        wanted = max(1, int(min(p, 100.0) / 100.0 * self.count + 0.5))
        seen = 0
        for value in sorted(self.counts):
            seen += self.counts[value]
            if seen >= wanted:
                return value
        return self.max

    def percentiles(self) -> list:
        """[percentile, value, ...] as HdrHistogram's percentile iteration
        reports them: halving the distance to 100 until the maximum."""
        if self.count == 0:
            return [100.0, 0]
        out = []
        p = 0.0
        while True:
            value = self.percentile(p) if p > 0 else self.min
            out += [p, value]
            if value >= self.max or p >= 100.0:
                break
            p = 100.0 - (100.0 - p) / 2.0
        if out[-2] != 100.0:
            out += [100.0, self.max]
        return out


def _get(hid):
    return _table.get(int(hid))


def create(host):
    marks = getattr(host, "milestones", {})
    loop = host.loop

    def milestones():
        """[origin ns, nodeStart, v8Start, environment, bootstrapComplete,
        origin as epoch ms] (milestones in ns after the origin, -1 unknown)."""
        origin = marks.get("origin", 0)
        rel = [marks[k] - origin if k in marks else -1
               for k in ("nodeStart", "v8Start", "environment", "bootstrapComplete")]
        return [origin, *rel, marks.get("originEpochMs", time.time() * 1000)]

    def loop_timing():
        """[loopStart, loopExit, idle]: ns since the origin (-1 before the loop
        started / while it runs) and the total time spent waiting in poll."""
        origin = marks.get("origin", 0)
        start = getattr(loop, "loop_start_ns", -1)
        end = getattr(loop, "loop_exit_ns", -1)
        idle = loop.idle_time_ns() if hasattr(loop, "idle_time_ns") else 0
        return [start - origin if start >= 0 else -1, end - origin if end >= 0 else -1, idle]

    def uv_metrics_info():
        """[loopCount, events, eventsWaiting] as libuv's uv_metrics_info."""
        return [getattr(loop, "loop_count", 0), getattr(loop, "events", 0), 0]

    def histogram_new(lowest, highest):
        hid = next(_ids)
        with _lock:
            _table[hid] = _Histogram(int(lowest), int(highest))
        return hid

    def histogram_free(hid):
        with _lock:
            _table.pop(int(hid), None)
        return 0

    def histogram_record(hid, value):
        h = _get(hid)
        if h is None:
            return 0
        with _lock:
            h.record(int(value))
        return 0

    def histogram_record_delta(hid):
        """Records the ns since the previous call (nothing on the first)."""
        h = _get(hid)
        if h is None:
            return 0
        now = time.monotonic_ns()
        with _lock:
            if h.prev:
                h.record(max(1, now - h.prev))
            h.prev = now
        return 0

    def histogram_call(hid, what, arg=None):
        h = _get(hid)
        if h is None:
            return None
        with _lock:
            if what == "stats":
                return h.stats()
            if what == "percentile":
                return h.percentile(float(arg))
            if what == "percentiles":
                return h.percentiles()
            if what == "reset":
                h.reset()
                h.prev = 0
                return 0
            if what == "add":
                other = _get(arg)
                return h.add(other) if other is not None else 0
        return None

    return {
        # observers per entry type (Node's NODE_PERFORMANCE_ENTRY_TYPE_* index:
        # gc, http, http2, net, dns), kept up to date by internal/perf/observe
        "observerCounts": [0, 0, 0, 0, 0],
        "milestones": milestones,
        "loopTiming": loop_timing,
        "uvMetricsInfo": uv_metrics_info,
        "hrtimeNs": time.monotonic_ns,
        "histogramNew": histogram_new,
        "histogramFree": histogram_free,
        "histogramRecord": histogram_record,
        "histogramRecordDelta": histogram_record_delta,
        "histogramCall": histogram_call,
    }
