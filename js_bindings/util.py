"""internalBinding('util'): small engine-level helpers JS cannot do itself."""

from __future__ import annotations


# Node's per-isolate private symbols (env_properties.h), by their C++ names.
PRIVATE_SYMBOLS = [
    "arrow_message_private_symbol", "contextify_context_private_symbol", "decorated_private_symbol",
    "host_defined_option_symbol", "module_source_private_symbol", "module_export_names_private_symbol",
    "module_circular_visited_private_symbol", "module_export_private_symbol",
    "module_parent_private_symbol", "napi_type_tag", "napi_wrapper",
    "untransferable_object_private_symbol", "exit_info_private_symbol", "promise_trace_id",
    "require_private_symbol", "source_map_data_private_symbol",
    # nodeshim's own: brands instances of native handle classes, which V8
    # would see as host objects (objects with embedder fields), for node:v8.
    "host_object_private_symbol",
    # Node's transfer_mode_private_symbol: how postMessage() may clone or
    # transfer a JS object (internal/worker/js_transferable).
    "transfer_mode_private_symbol",
]


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

    helpers = []

    def preview_entries(value, is_iterator=False):
        # Only Map/Set iterators: what is left of them, as Node's previewEntries.
        state = engine.collection_iterator(value)
        if state is None:
            return Undefined
        collection, kind, position, is_set = state
        if not helpers:
            helpers.append(engine.eval_script(
                "[(c, s) => (s ? Set : Map).prototype.entries.call(c),"
                " (it) => { const r = it.next(); return !r.done; },"
                " (it, kind) => { const out = [];"
                "   for (const [k, v] of it) { if (kind === 2) out.push(k, v);"
                "     else out.push(kind === 0 ? k : v); }"
                "   return [out, kind === 2]; }]", "node:internal/util/preview"))
        make, step, drain = (helpers[0].get(i) for i in range(3))
        if collection is None:
            return [[], kind == 2]
        fresh = engine.call(make, collection, is_set)
        if position:
            # Walk a fresh iterator to where this one stands.
            while True:
                if not engine.call(step, fresh):
                    return Undefined
                if engine.collection_iterator(fresh)[2] == position:
                    break
        result = engine.call(drain, fresh, kind)
        # Without isIterator Node hands back the entries alone.
        return result if is_iterator else result.get(0)

    def is_external(value):
        # Host objects come back to Python as the object they carry; every
        # other JS object arrives as an engine value.
        return value is not None and not isinstance(value, (str, int, float, bool)) \
            and value is not Undefined and not engine.is_js_value(value)

    return {
        "privateSymbols": dict(zip(PRIVATE_SYMBOLS, engine.private_symbols(PRIVATE_SYMBOLS))),
        "isExternal": is_external,
        "getExternalValue": lambda value: id(value) if is_external(value) else 0,
        "previewEntries": preview_entries,
        "getPromiseDetails": get_promise_details,
        "getProxyDetails": get_proxy_details,
        "isProxy": lambda value: engine.proxy_details(value) is not None,
        "runMicrotasks": run_microtasks,
        "hasPendingMicrotasks": lambda: engine.has_pending_jobs,
        # internal/util.sleep: blocks the whole loop, as Node's does.
        "sleep": lambda ms: __import__("time").sleep(max(0, float(ms)) / 1000),
    }
