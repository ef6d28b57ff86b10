"""Where QuickJS's limits sit below V8's, nodeshim fails as Node does when
the limit is the machine's: a Buffer past the engine's largest ArrayBuffer
is an allocation failure, not an out-of-range size."""

import subprocess
import sys

NODESHIM = [sys.executable, "-m", "nodeshim"]


def run_js(code: str) -> str:
    proc = subprocess.run([*NODESHIM, "-e", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_buffer_past_engine_limit_is_allocation_failure():
    out = run_js(
        "for (const f of ['alloc', 'allocUnsafe', 'allocUnsafeSlow']) {"
        "  try { Buffer[f](2 ** 31); console.log(f, 'ok'); }"
        "  catch (e) { console.log(f, e.name, e.message); } }"
        "try { Buffer.alloc(2 ** 32 + 1); } catch (e) { console.log(e.code); }"
        "console.log(Buffer.alloc(16).length, Buffer.allocUnsafe(5000).length);"
    )
    assert out.splitlines() == [
        "alloc RangeError Array buffer allocation failed",
        "allocUnsafe RangeError Array buffer allocation failed",
        "allocUnsafeSlow RangeError Array buffer allocation failed",
        "ERR_OUT_OF_RANGE",
        "16 5000",
    ]
