"""nodeshim's host API: values and errors crossing Python <-> JS, modules,
per-runtime cwd/env, use after close, the memory limit."""

from __future__ import annotations

import io
import os

import pytest
import trio

import nodeshim


async def test_public_surface_is_explicit():
    assert set(nodeshim.__all__) >= {"Runtime", "run", "JSError", "RuntimeClosedError", "RuntimeExited",
                                     "JSObject", "JSFunction", "JSPromise", "Undefined"}
    for name in nodeshim.__all__:
        assert getattr(nodeshim, name) is not None
    assert "NodeProcess" not in nodeshim.__all__


async def test_values_round_trip_python_js_python():
    async with nodeshim.Runtime() as rt:
        rt.expose("echo", lambda x: x)
        mod = await rt.run_source(
            "const echo = require('python:echo');\n"
            "exports.roundTrip = (v) => echo(v);\n"
            "exports.describe = (v) => [typeof v, Buffer.isBuffer(v), Array.isArray(v)];\n"
            "exports.plain = () => ({ a: 1, b: [true, null, undefined, 'x'], c: { d: 2.5 } });\n"
            "exports.bytes = () => Buffer.from('héllo');\n"
            "exports.big = () => 2n ** 70n;\n")
        for value in (1, 2.5, "text with \x00 and é", True, False, None, [1, [2, "3"]], {"k": {"n": [1]}}):
            assert mod.roundTrip(value) == value
        assert mod.roundTrip(b"\x00\xff bytes") == b"\x00\xff bytes"
        assert mod.describe(b"ab") == ["object", True, False]
        assert mod.describe([1]) == ["object", False, True]
        assert mod.plain() == {"a": 1, "b": [True, None, None, "x"], "c": {"d": 2.5}}
        assert mod.bytes() == "héllo".encode()
        assert mod.big() == 2 ** 70
        assert mod.roundTrip(nodeshim.Undefined) is None


async def test_sync_and_async_python_functions_from_js():
    calls = []

    def add(a, b):
        return a + b

    async def fetch_later(key):
        await trio.sleep(0.01)
        calls.append(key)
        return {"key": key, "data": key.encode() * 2}

    async with nodeshim.Runtime() as rt:
        rt.expose("lib", {"add": add, "fetchLater": fetch_later, "version": 3})
        rt.expose("shout", lambda s: s.upper(), as_global=True)
        mod = await rt.run_source(
            "const lib = require('python:lib');\n"
            "exports.sync = () => [lib.add(2, 3), lib.version, shout('hi'), lib.add.name, lib.add.length];\n"
            "exports.viaPromise = async (k) => {\n"
            "  const p = lib.fetchLater(k);\n"
            "  const r = await p;\n"
            "  return [p instanceof Promise, r.key, Buffer.isBuffer(r.data), r.data.toString()];\n"
            "};\n")
        assert mod.sync() == [5, 3, "HI", "add", 2]
        with trio.fail_after(5):
            assert await mod.viaPromise("ab") == [True, "ab", True, "abab"]
        assert calls == ["ab"]


async def test_esm_imports_python_modules_and_run_module(tmp_path):
    (tmp_path / "main.mjs").write_text(
        "import { twice } from 'python:math';\n"
        "import path from 'node:path';\n"
        "export const result = twice(21);\n"
        "export const sep = path.sep;\n"
        "await new Promise((r) => setTimeout(r, 5));\n"
        "export const late = 'after await';\n")
    async with nodeshim.Runtime(cwd=tmp_path) as rt:
        rt.expose("math", {"twice": lambda n: n * 2})
        with trio.fail_after(5):
            ns = await rt.run_module("main.mjs")
        assert (ns.result, ns.sep, ns.late) == (42, "/", "after await")
        (tmp_path / "other.mjs").write_text("export default { n: 1 }; export const argv1 = process.argv[1];")
        ns = await rt.run_file("other.mjs")  # run_file of an ES module: as run_module
        assert ns.default == {"n": 1} and ns.argv1 == str(tmp_path / "main.mjs")


async def test_js_callbacks_passed_to_python_and_back():
    seen = []

    async with nodeshim.Runtime() as rt:
        def register(callback):
            seen.append(callback)
            return callback(10)  # call JS from inside Python called by JS

        rt.expose("register", register)
        mod = await rt.run_source(
            "const register = require('python:register');\n"
            "exports.go = () => register((n) => n + 1);\n"
            "exports.apply = (fn, v) => fn(v) + '!';\n"
            "exports.awaitFn = async (fn, v) => (await fn(v)) + '!';\n"
            "exports.later = (fn) => new Promise((r) => setTimeout(() => r(fn('t')), 5));\n")
        assert mod.go() == 11
        assert isinstance(seen[0], nodeshim.JSFunction)
        assert seen[0](1) == 2
        assert mod.apply(lambda v: v * 3, 2) == "6!"

        async def slow_upper(s):
            await trio.sleep(0.01)
            return s.upper()

        with trio.fail_after(5):
            promise = mod.later(lambda s: s + "x")
            assert isinstance(promise, nodeshim.JSPromise)
            assert await promise == "tx"
            assert await mod.awaitFn(slow_upper, "q") == "Q!"


async def test_js_objects_as_proxies():
    async with nodeshim.Runtime() as rt:
        path = rt.require("node:path")
        assert path.join("a", "b", "..", "c") == "a/c"
        events = rt.require("events")
        emitter = events.new()
        got = []
        emitter.on("ping", lambda *args: got.append(args))
        assert emitter.emit("ping", 1, "two") is True
        assert got == [(1, "two")]
        emitter["custom"] = {"x": [1, 2]}
        assert emitter.custom == {"x": [1, 2]}
        assert "EventEmitter" in repr(emitter) or "object" in repr(emitter)


async def test_python_exception_becomes_catchable_js_error():
    def fails(kind):
        if kind == "key":
            raise KeyError("missing")
        raise ValueError(f"bad {kind}")

    async def fails_later():
        await trio.sleep(0)
        raise PermissionError("denied")

    async with nodeshim.Runtime() as rt:
        rt.expose("fails", fails)
        rt.expose("failsLater", fails_later)
        mod = await rt.run_source(
            "const fails = require('python:fails');\n"
            "const failsLater = require('python:failsLater');\n"
            "exports.sync = (k) => { try { fails(k); } catch (e) {\n"
            "  return [e instanceof Error, e.name, e.message, e.pythonType, e.stack.split('\\n')[0],\n"
            "          e.pythonTraceback.includes('Traceback')]; } };\n"
            "exports.async = () => failsLater().catch((e) => [e.name, e.message]);\n"
            "exports.uncaught = () => fails('x');\n")
        assert mod.sync("v") == [True, "ValueError", "bad v", "ValueError", "ValueError: bad v", True]
        assert mod.sync("key")[1:4] == ["KeyError", "'missing'", "KeyError"]
        with trio.fail_after(5):
            assert await mod["async"]() == ["PermissionError", "denied"]
        # Not caught in JS: back in Python as a JSError carrying the JS error.
        with pytest.raises(nodeshim.JSError) as info:
            mod.uncaught()
        assert info.value.name == "ValueError" and info.value.message == "bad x"


async def test_js_exception_becomes_jserror_with_stack():
    async with nodeshim.Runtime() as rt:
        mod = await rt.run_source(
            "function inner() { const e = new TypeError('wrong type'); e.code = 'ERR_X'; throw e; }\n"
            "exports.outer = () => inner();\n"
            "exports.rejects = async () => { throw new RangeError('later'); };\n"
            "exports.rethrow = (fn) => fn();\n", filename="thrower.js")
        with pytest.raises(nodeshim.JSError) as info:
            mod.outer()
        err = info.value
        assert (err.name, err.message, err.code) == ("TypeError", "wrong type", "ERR_X")
        assert err.stack.startswith("TypeError: wrong type\n")
        assert "at inner" in err.stack and "thrower.js:1" in err.stack
        assert isinstance(err.value, nodeshim.JSObject) and err.value.message == "wrong type"
        with pytest.raises(nodeshim.JSError, match="later"):
            await mod.rejects()

        # A JS error crossing Python and back is the same JS object.
        def reraise():
            mod.outer()

        check = await rt.run_source("exports.same = (fn) => { try { fn() } catch (e) { return e.code } }")
        assert check.same(reraise) == "ERR_X"
        # The runtime is still usable after errors that were handed to the caller.
        assert not rt.closed and rt.require("path").sep == "/"


async def test_uncaught_error_ends_only_its_runtime():
    err_a, err_b = io.BytesIO(), io.BytesIO()
    async with nodeshim.Runtime(stderr=err_a) as a, nodeshim.Runtime(stderr=err_b) as b:
        await a.run_source("setTimeout(() => { throw new SyntaxError('from a timer') }, 5);\n"
                           "process.on('exit', (c) => { globalThis.exitSeen = c });", filename="a.js")
        await b.run_source("globalThis.alive = 'b is fine'; setTimeout(() => {}, 50)")
        with trio.fail_after(5), pytest.raises(nodeshim.JSError) as info:
            await a.wait_idle()
        assert info.value.name == "SyntaxError" and info.value.message == "from a timer"
        assert info.value.exit_code == 1 and a.exit_code == 1
        assert "a.js" in info.value.stack
        assert b"SyntaxError: from a timer" in err_a.getvalue()  # Node's report, on a's stderr
        with pytest.raises(nodeshim.RuntimeClosedError, match="uncaught SyntaxError"):
            a.require("path")
        assert b.require("path").sep == "/"
        with trio.fail_after(5):
            assert await b.wait_idle() is None
        assert err_b.getvalue() == b""


async def test_process_exit_ends_the_runtime_with_its_code():
    async with nodeshim.Runtime() as rt:
        await rt.run_source("setTimeout(() => process.exit(3), 5)")
        with trio.fail_after(5):
            assert await rt.wait_idle() == 3
        assert rt.exit_code == 3
    async with nodeshim.Runtime() as rt:
        with pytest.raises(nodeshim.RuntimeExited) as info:
            await rt.run_source("process.exitCode = 9; process.exit()")
        assert info.value.exit_code == 9


async def test_values_used_after_close_raise_clearly():
    async with nodeshim.Runtime() as rt:
        path = rt.require("path")
        join = path.join
    with pytest.raises(nodeshim.RuntimeClosedError, match="closed"):
        join("a", "b")
    with pytest.raises(nodeshim.RuntimeClosedError):
        path.sep
    with pytest.raises(nodeshim.RuntimeClosedError):
        await rt.run_source("1")
    assert "closed runtime" in repr(path)


async def test_aclose_runs_exit_handlers_and_returns_the_code():
    out = io.BytesIO()
    rt = nodeshim.Runtime(stdout=out)
    async with rt:
        await rt.run_source("process.exitCode = 5; process.on('exit', (c) => console.log('exit', c));"
                            "setInterval(() => {}, 1000);")
        with trio.fail_after(10):
            assert await rt.aclose() == 5
        assert rt.closed
    assert out.getvalue() == b"exit 5\n"


async def test_cwd_and_env_are_per_runtime(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "who.js").write_text("module.exports = 'one';")
    (tmp_path / "two" / "who.js").write_text("module.exports = 'two';")
    host_cwd = os.getcwd()
    async with nodeshim.Runtime(cwd=tmp_path / "one", env={"WHO": "1"}) as a, \
            nodeshim.Runtime(cwd=tmp_path / "two", env={"WHO": "2"}) as b:
        for rt, name in ((a, "one"), (b, "two")):
            mod = await rt.run_source("exports.info = () => [process.cwd(), process.env.WHO, require('./who')]")
            assert mod.info() == [str(tmp_path / name), "1" if name == "one" else "2", name]
            assert rt.require("./who.js") == name
            assert await rt.run_file("who.js") == name
        chdir = await a.run_source("exports.go = (d) => { process.chdir(d); return process.cwd(); }")
        assert chdir.go("..") == str(tmp_path)
        with pytest.raises(nodeshim.JSError, match="ENOENT"):
            chdir.go("missing")
        assert (await b.run_source("exports.cwd = process.cwd()")).cwd == str(tmp_path / "two")
    assert os.getcwd() == host_cwd


async def test_memory_limit_is_a_clear_error_and_the_host_survives():
    async with nodeshim.Runtime(memory_limit=32 * 1024 * 1024) as small, nodeshim.Runtime() as other:
        with trio.fail_after(30), pytest.raises(nodeshim.JSError) as info:
            await small.run_source("const a = []; for (;;) a.push('x'.repeat(1000) + a.length)")
        assert info.value.name == "RangeError"
        assert "memory limit of 33554432 bytes" in info.value.message
        assert small.exit_code == 134
        with pytest.raises(nodeshim.RuntimeClosedError):
            small.require("path")
        assert other.require("path").sep == "/"
    async with nodeshim.Runtime(memory_limit=32 * 1024 * 1024) as rt:
        await rt.run_source("const a = []; setTimeout(() => { for (;;) a.push({ n: a.length }) }, 1)")
        with trio.fail_after(30), pytest.raises(nodeshim.JSError, match="memory limit"):
            await rt.wait_idle()


def test_run_is_the_synchronous_entry_point(tmp_path, capfd):
    script = tmp_path / "s.js"
    script.write_text("console.log(process.argv.slice(2).join(','), require('path').basename(process.argv[1]));"
                      "process.exitCode = 4;")
    assert nodeshim.run(script, argv=["a", "b"]) == 4
    assert capfd.readouterr().out == "a,b s.js\n"
    assert nodeshim.run(source="1 + 2", print_result=True) == 0
    assert capfd.readouterr().out == "3\n"
    with pytest.raises(TypeError):
        nodeshim.run()


async def test_backstop_allocation_failure_is_a_clear_catchable_error():
    async with nodeshim.Runtime(memory_limit=32 * 1024 * 1024) as rt:
        with pytest.raises(nodeshim.JSError, match="memory limit of 33554432 bytes") as info:
            await rt.run_source("new ArrayBuffer(512 * 1024 * 1024)")
        assert info.value.name == "RangeError"
        assert rt.require("path").sep == "/"  # one failed allocation: the runtime goes on


async def test_the_event_loop_needs_async_with():
    rt = nodeshim.Runtime()
    rt.expose("x", 1)
    mod = await rt.run_source("exports.p = Promise.resolve(require('python:x'))")
    with pytest.raises(RuntimeError, match="async with"):
        await mod.p
    with pytest.raises(RuntimeError, match="async with"):
        await rt.wait_idle()
    async with rt:
        assert await mod.p == 1


async def test_js_values_refuse_other_threads():
    async with nodeshim.Runtime() as rt:
        path = rt.require("path")
        with pytest.raises(RuntimeError, match="thread"):
            await trio.to_thread.run_sync(path.join, "a", "b")
        assert path.join("a", "b") == "a/b"


async def test_a_native_fault_ends_only_its_runtime():
    async with nodeshim.Runtime() as rt, nodeshim.Runtime() as other:
        def broken_io():
            raise OSError("a binding bug")

        rt._loop.queue_io(broken_io)  # as a binding's completion would
        with trio.fail_after(5), pytest.raises(nodeshim.RuntimeClosedError) as info:
            await rt.wait_idle()
        assert isinstance(info.value.__cause__, OSError)
        assert other.require("path").sep == "/"


async def test_fs_relative_paths_start_at_the_runtime_cwd(tmp_path):
    (tmp_path / "data.txt").write_text("runtime's own file")
    async with nodeshim.Runtime(cwd=tmp_path) as rt:
        fs = rt.require("fs")
        assert fs.readFileSync("data.txt", "utf8") == "runtime's own file"
        fs.writeFileSync("out.txt", b"\x00written")
        assert (tmp_path / "out.txt").read_bytes() == b"\x00written"
        fs.mkdirSync("sub/dir", {"recursive": True})
        assert fs.existsSync("sub/dir") and (tmp_path / "sub" / "dir").is_dir()
        with pytest.raises(nodeshim.JSError, match="open 'missing.txt'") as info:
            fs.readFileSync("missing.txt")
        assert info.value.code == "ENOENT"
        with trio.fail_after(5):
            mod = await rt.run_source(
                "exports.read = () => require('fs').promises.readFile('data.txt', 'utf8')")
            assert await mod.read() == "runtime's own file"


async def test_awaiting_a_promise_of_a_runtime_that_ends():
    async with nodeshim.Runtime(stderr=io.BytesIO()) as rt:
        mod = await rt.run_source("exports.never = () => new Promise(() => {});"
                                  "exports.exitSoon = () => setTimeout(() => process.exit(2), 20);")
        mod.exitSoon()
        with trio.fail_after(5), pytest.raises(nodeshim.RuntimeClosedError) as info:
            await mod.never()
        assert info.value.exit_code == 2
