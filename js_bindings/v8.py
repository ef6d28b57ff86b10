"""internalBinding('v8'): the engine's memory figures for node:v8's heap
statistics, and the engine's identity for cachedDataVersionTag.

QuickJS is not V8: it has one reference-counted heap without generations or
spaces, no machine code and no global handles.  Figures V8 reports that have
no QuickJS counterpart are 0 (their honest value here); the "spaces" are
QuickJS's own categories of allocation (see heapSpaceStatistics).
"""

from __future__ import annotations

import os

from ..engine import ENGINE_VERSION


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (OSError, ValueError):
        return 0


def create(host):
    engine = host.engine
    peak = [0]

    def usage() -> dict:
        u = engine.memory_usage_details()
        peak[0] = max(peak[0], int(u["malloc_size"]))
        return u

    def limit() -> int:
        # The runtime's memory limit when the host set one; without it the
        # engine may grow until the machine's memory is used up.
        return int(getattr(host.options, "memory_limit", None) or _physical_memory())

    def heap_statistics():
        u = usage()
        total = int(u["malloc_size"])
        lim = limit()
        return {
            "total_heap_size": total,
            "total_heap_size_executable": 0,
            "total_physical_size": total,
            "total_available_size": max(0, lim - total),
            "used_heap_size": int(u["memory_used_size"]),
            "heap_size_limit": lim,
            "malloced_memory": total,
            # The highest malloc_size this binding has observed (QuickJS keeps
            # no high-water mark of its own).
            "peak_malloced_memory": peak[0],
            "does_zap_garbage": 0,
            "number_of_native_contexts": engine.context_count(),
            "number_of_detached_contexts": 0,
            "total_global_handles_size": 0,
            "used_global_handles_size": 0,
            "external_memory": 0,
        }

    # QuickJS's categories of allocation, each reported as a space whose size
    # is what the category holds; "other" is the rest of the engine's malloc.
    categories = (
        ("atom_space", "atom_size"),
        ("string_space", "str_size"),
        ("object_space", "obj_size"),
        ("property_space", "prop_size"),
        ("shape_space", "shape_size"),
        ("function_space", "js_func_size"),
        ("binary_object_space", "binary_object_size"),
    )

    def heap_space_statistics():
        u = usage()
        spaces = []
        accounted = 0
        for name, key in categories:
            size = int(u[key])
            accounted += size
            spaces.append([name, size, size, 0, size])
        rest = max(0, int(u["malloc_size"]) - accounted)
        spaces.append(["other_space", rest, rest, 0, rest])
        return spaces

    def heap_code_statistics():
        u = usage()
        return {
            "code_and_metadata_size": 0,
            "bytecode_and_metadata_size": int(u["js_func_code_size"]) + int(u["js_func_pc2line_size"]),
            "external_script_source_size": 0,
            "cpu_profiler_metadata_size": 0,
        }

    return {
        "engineVersion": f"QuickJS {ENGINE_VERSION}",
        "heapStatistics": heap_statistics,
        "heapSpaceStatistics": heap_space_statistics,
        "heapCodeStatistics": heap_code_statistics,
    }
