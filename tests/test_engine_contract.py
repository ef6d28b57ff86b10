"""The engine adapter's contract: every capability the runtime relies on.

If the QuickJS binding is replaced, these tests say what the replacement must
do.  They talk to runtime/engine.py only, never to the binding itself.
"""

from __future__ import annotations

import pytest

from nodeshim.engine import Engine, JSError, ProcessExit, Undefined


@pytest.fixture
def engine() -> Engine:
    return Engine()


def test_eval_returns_python_values(engine):
    assert engine.eval_script("1 + 2") == 3
    assert engine.eval_script("'a' + 'b'") == "ab"
    assert engine.eval_script("null") is None
    assert engine.eval_script("undefined") is Undefined
    assert engine.eval_script("true") is True
    assert engine.eval_script("1.5") == 1.5


def test_strings_are_exact(engine):
    echo = engine.eval_script("(s) => s")
    for text in ["a\x00b", "\ud800 lone", "é€𝄞", ""]:
        assert engine.call(echo, text) == text
    # Long concatenations arrive as rope Values; text() flattens them.
    rope = engine.eval_script("(() => { const s = 'x'.repeat(5000); return `${s}${s}` })")
    assert engine.text(engine.call(rope)) == "x" * 10000


def test_bytes_round_trip_without_json(engine):
    data = bytes(range(256)) * 4
    to_u8 = engine.eval_script("(ab) => new Uint8Array(ab)")
    u8 = engine.call(to_u8, engine.array_buffer(data))
    assert engine.to_bytes(u8) == data
    sub = engine.eval_script("(u) => u.subarray(10, 20)")
    assert engine.to_bytes(engine.call(sub, u8)) == data[10:20]
    assert engine.to_bytes("é") == "é".encode()


def test_arrays_convert_one_level(engine):
    arr = engine.eval_script("[1, 'a', [2], null]")
    items = engine.to_list(arr)
    assert items[:2] == [1, "a"] and items[3] is None
    assert engine.to_list(items[2]) == [2]


def test_js_exception_becomes_one_python_type(engine):
    with pytest.raises(JSError) as info:
        engine.eval_script("function f() { throw new RangeError('bad') }\nf()", "/x/file.js")
    err = info.value
    assert err.name == "RangeError"
    assert err.message == "bad"
    assert "/x/file.js:1" in err.stack


def test_stack_traces_carry_file_line_column(engine):
    stack = engine.eval_script("\n\nnew Error('x').stack", "/src/app.js")
    assert "/src/app.js:3:" in stack


def test_python_functions_callable_from_js(engine):
    seen = []
    fn = engine.function(lambda a, b: seen.append((a, b)) or a + b, "add", 2)
    call = engine.eval_script("(f) => f(2, 3)")
    assert engine.call(call, fn) == 5
    assert seen == [(2, 3)]


def test_python_exception_reaches_js_as_error(engine):
    def boom():
        raise ValueError("nope")

    catch = engine.eval_script("(f) => { try { f() } catch (e) { return e.message } }")
    assert engine.call(catch, engine.function(boom)) == "nope"


def test_pending_jobs_drain(engine):
    engine.eval_script("globalThis.out = []; Promise.resolve().then(() => out.push(1)).then(() => out.push(2))")
    assert engine.has_pending_jobs
    engine.run_jobs()
    assert not engine.has_pending_jobs
    assert engine.eval_script("out.join()") == "1,2"


def test_reentrant_calls(engine):
    inner = engine.eval_script("(x) => x * 2")
    outer = engine.function(lambda x: engine.call(inner, x) + 1)
    assert engine.call(engine.eval_script("(f) => f(20)"), outer) == 41


def test_request_exit_stops_js_uncatchably(engine):
    def really_exit(code):
        engine.request_exit(code)
        raise ProcessExit(code)

    script = engine.eval_script(
        "(exit) => { try { exit(3) } catch (e) {} for (;;) {} }"
    )
    with pytest.raises(ProcessExit) as info:
        engine.call(script, engine.function(really_exit))
    assert info.value.code == 3


def test_request_exit_runs_no_catch_block(engine):
    # The binding hands a raising callback's exception to JS as a catchable
    # InternalError; the very next interrupt poll (a call, a loop) must unwind
    # instead, which rests on the interrupt counter's offset in JSContext.
    seen = []

    def really_exit(code):
        engine.request_exit(code)
        raise ProcessExit(code)

    script = engine.eval_script(
        "(exit, note) => { for (let i = 0; i < 50; i++) {} "
        "try { exit(3) } catch (e) { note(String(e)) } finally { note('finally') } note('after') }"
    )
    with pytest.raises(ProcessExit):
        engine.call(script, engine.function(really_exit), engine.function(seen.append))
    assert seen == []


# quickjs-bindings 0.1.1 can segfault when an allocation fails at QuickJS's
# own limit, so the engine polls the heap size from the interrupt handler and
# stops JS (uncatchably) past the limit; QuickJS's limit is a backstop above.
def test_memory_limit_is_a_clear_error():
    small = Engine(memory_limit=8 * 1024 * 1024)
    with pytest.raises(JSError) as info:
        small.eval_script("const a = []; for (;;) a.push('x'.repeat(1000) + a.length)")
    assert "memory" in str(info.value).lower()
    assert info.value.name == "RangeError" and small.memory_exceeded
    with pytest.raises(JSError, match="memory limit"):  # stopped for good
        small.eval_script("1 + 1")


def test_module_loader_hook(engine):
    sources = {"/m/dep.mjs": "export const v = 41;"}
    engine.set_module_loader(lambda name: sources.get(name))
    promise = engine.eval_module("import { v } from '/m/dep.mjs'; globalThis.got = v + 1;", "/m/main.mjs")
    engine.run_jobs()
    assert promise is not None
    assert engine.eval_script("got") == 42


def test_host_objects_carry_python_objects(engine):
    marker = object()
    host = engine.host_object(marker)
    echo = engine.eval_script("(x) => x")
    assert engine.call(echo, host) is marker


def test_promise_rejection_tracker(engine):
    handler = engine.eval_script(
        "globalThis.events = []; (p, r, handled) => { events.push([String(r), handled, p instanceof Promise]) }")
    engine.set_promise_rejection_tracker(handler)
    engine.eval_script("const p = Promise.reject(7); (async () => { throw new Error('a') })(); p.catch(() => {})")
    engine.run_jobs()
    assert engine.eval_script("JSON.stringify(events)") == (
        '[["7",false,true],["Error: a",false,true],["7",true,true]]')


def test_new_context_has_own_globals_and_shares_values(engine):
    sub = engine.new_context()
    obj = engine.eval_script("({ a: 1, f(x) { return x + 1; } })")
    sub.global_object.set("o", obj)
    assert sub.eval_script("o.a + o.f(1)", "ctx.js") == 3
    # Its own intrinsics: an array made there is not an Array of the main context.
    arr = sub.eval_script("[1, 2]", "ctx.js")
    check = engine.eval_script("(a) => a instanceof Array")
    assert engine.call(check, arr) is False
    with pytest.raises(JSError) as info:
        sub.eval_script("throw new RangeError('sub')", "ctx.js")
    assert info.value.name == "RangeError"
    # Promise jobs of every context run from the one queue.
    sub.eval_script("Promise.resolve().then(() => { globalThis.done = 1; })", "ctx.js")
    engine.run_jobs()
    assert sub.eval_script("globalThis.done", "ctx.js") == 1


def test_promise_and_proxy_details(engine):
    fulfilled = engine.eval_script("globalThis.obj = {a: 1}; Promise.resolve(obj)")
    state, value = engine.promise_details(fulfilled)
    assert state == 1
    set_check = engine.eval_script("(v) => v === obj")
    assert engine.call(set_check, value) is True
    rejected = engine.eval_script("const r = Promise.reject(7); r.catch(() => {}); r")
    assert engine.promise_details(rejected) == [2, 7]
    assert engine.promise_details(engine.eval_script("new Promise(() => {})"))[0] == 0
    assert engine.promise_details(engine.eval_script("({})")) is None
    target, handler = engine.proxy_details(engine.eval_script("new Proxy(obj, globalThis.h = {})"))
    assert engine.call(set_check, target) is True
    assert engine.call(engine.eval_script("(v) => v === h"), handler) is True
    assert engine.proxy_details(engine.eval_script(
        "const rp = Proxy.revocable({}, {}); rp.revoke(); rp.proxy")) == (None, None)
    assert engine.proxy_details(engine.eval_script("[]")) is None
    # The values handed out stay alive after the engine's own references go.
    engine.eval_script("delete globalThis.obj; delete globalThis.h")
    engine.run_gc()
    assert engine.call(engine.eval_script("(v) => v.a"), value) == 1


def test_collection_iterator_state(engine):
    it = engine.eval_script("globalThis.m = new Map([[1, 2], [3, 4]]); globalThis.it = m.keys(); it")
    collection, kind, position, is_set = engine.collection_iterator(it)
    assert kind == 0 and position == 0 and is_set is False
    assert engine.call(engine.eval_script("(c) => c === m"), collection) is True
    engine.eval_script("it.next()")
    first = engine.collection_iterator(it)[2]
    assert first != 0
    engine.eval_script("it.next(); it.next()")
    assert engine.collection_iterator(it)[0] is None  # exhausted
    entries = engine.eval_script("new Set([5]).entries()")
    assert engine.collection_iterator(entries)[1:] == (2, 0, True)
    assert engine.collection_iterator(engine.eval_script("[1][Symbol.iterator]()")) is None


def test_private_symbols_hide_from_reflection(engine):
    arrow, decorated = engine.private_symbols(["arrow_message", "decorated"])
    probe = engine.eval_script(
        "(a, d) => { const o = { x: 1 }; o[a] = 'bar'; o[d] = true;"
        " return [typeof a, a === d, o[a], o[d], a in o, Reflect.ownKeys(o).length,"
        " Object.getOwnPropertySymbols(o).length, Object.keys(Object.assign({}, o)).length,"
        " ({ ...o })[a] === undefined, JSON.stringify(o), delete o[a], o[a] === undefined] }")
    assert engine.call(probe, arrow, decorated).json() == \
        '["symbol",false,"bar",true,true,1,0,1,true,"{\\"x\\":1}",true,true]'
    again = engine.private_symbols(["arrow_message"])[0]
    assert engine.call(engine.eval_script("(a, b) => a === b"), arrow, again) is False
    engine.run_gc()
    assert engine.call(engine.eval_script("(a) => { const o = {}; o[a] = 3; return o[a]; }"), arrow) == 3


def test_deadline_interrupts_running_js_and_nests(engine):
    token = engine.push_deadline(30)
    with pytest.raises(JSError):
        engine.eval_script("for (;;) {}")
    assert engine.pop_deadline(token) is True
    # No limit left: JS runs on, and a limit that did not pass reports False.
    assert engine.eval_script("1 + 1") == 2
    token = engine.push_deadline(10_000)
    assert engine.eval_script("let n = 0; for (let i = 0; i < 1e5; i++) n++; n") == 100000
    assert engine.pop_deadline(token) is False

    # An outer limit passing stops the JS of an inner call too, and the JS
    # between them: only the outer call's token reports it.
    inner_fired = []

    def inner():
        t = engine.push_deadline(60_000)
        try:
            engine.eval_script("for (;;) {}")
        except JSError:
            pass
        inner_fired.append(engine.pop_deadline(t))
        return 0

    engine.global_object.set("inner", engine.function(inner))
    outer = engine.push_deadline(50)
    with pytest.raises(JSError):
        engine.eval_script("try { inner(); } catch {} for (;;) {}")
    assert engine.pop_deadline(outer) is True
    assert inner_fired == [False]


def test_bytecode_runs_in_the_context_that_reads_it(engine):
    data = engine.serialize(engine.compile_script("globalThis.mark = 7; mark + 1", "cached.js"))
    sub = engine.new_context()
    assert sub.run_compiled(sub.deserialize(data)) == 8
    assert sub.global_object.get("mark") == 7
    assert engine.eval_script("typeof mark") == "undefined"
    with pytest.raises(JSError):
        sub.run_compiled(sub.deserialize(engine.serialize(engine.compile_script("throw new Error('x')", "t.js"))))


def test_fired_deadline_interrupts_at_the_next_check(engine):
    token = engine.push_deadline(float("inf"))
    engine.global_object.set("fire", engine.function(lambda: engine.fire_deadline(token) or 0))
    with pytest.raises(JSError):
        engine.eval_script("fire(); try { for (;;) {} } catch {}")
    assert engine.pop_deadline(token) is True
    assert engine.eval_script("2 + 2") == 4
