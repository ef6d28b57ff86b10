"""The compiled-builtins cache: a hit behaves as a fresh compile, a broken
entry falls back to compiling, and a disabled cache writes nothing."""

from __future__ import annotations

from nodeshim.bytecode_cache import BytecodeCache
from nodeshim.engine import Engine

SOURCE = "(function (a) {\n  return a * 2 + new Error('x').stack.split('\\n')[0].trim();\n})"


def test_hit_runs_the_same_code_with_file_and_line(tmp_path):
    first = BytecodeCache(Engine(), tmp_path)
    fn = first.evaluate(SOURCE, "node:demo")
    entries = list(tmp_path.iterdir())
    assert len(entries) == 1
    engine = Engine()
    again = BytecodeCache(engine, tmp_path).evaluate(SOURCE, "node:demo")
    result = engine.call(again, 21)
    assert result.startswith("42at ") and "node:demo:2:" in result
    assert list(tmp_path.iterdir()) == entries


def test_broken_entry_falls_back_to_compiling(tmp_path):
    BytecodeCache(Engine(), tmp_path).evaluate(SOURCE, "node:demo")
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not bytecode")
    engine = Engine()
    fn = BytecodeCache(engine, tmp_path).evaluate(SOURCE, "node:demo")
    assert engine.call(fn, 1).startswith("2at ")


def test_changed_source_misses(tmp_path):
    BytecodeCache(Engine(), tmp_path).evaluate(SOURCE, "node:demo")
    BytecodeCache(Engine(), tmp_path).evaluate(SOURCE.replace("* 2", "* 3"), "node:demo")
    assert len(list(tmp_path.iterdir())) == 2


def test_disabled_cache_compiles_every_time():
    engine = Engine()
    fn = BytecodeCache(engine, None).evaluate(SOURCE, "node:demo")
    assert engine.call(fn, 2).startswith("4at ")
