"""Our test/common (conformance/common) checked through the CLI on small JS
files of our own, under real node and under nodeshim.

Each script is placed at <tmp>/test/parallel/<name>.js with our common copied
to <tmp>/test/common, exactly as the conformance runner lays out Node's tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COMMON = REPO / "conformance" / "common"

RUNTIMES = ["node", "nodeshim"]


def _command(runtime: str) -> list[str]:
    if runtime == "node":
        return [shutil.which("node")]
    return [sys.executable, "-m", "nodeshim"]


@pytest.fixture(scope="session")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    (root / "test" / "parallel").mkdir(parents=True)
    (root / "test" / "fixtures").mkdir()
    (root / "test" / "fixtures" / "hello.txt").write_text("hello fixture\n")
    shutil.copytree(COMMON, root / "test" / "common")
    return root


_probe_cache: dict[str, str | None] = {}


def _probe(runtime: str, tree: Path) -> str | None:
    """None if the runtime can load our common at all, else why not."""
    if runtime not in _probe_cache:
        if runtime == "node" and not shutil.which("node"):
            _probe_cache[runtime] = "node is not installed"
        else:
            r = _run(runtime, tree, "probe", "require('../common');\nconsole.log('loaded');\n")
            ok = r.returncode == 0 and "loaded" in r.stdout
            first = (r.stderr.strip().splitlines() or ["?"])[0]
            _probe_cache[runtime] = None if ok else f"cannot load the common helpers yet: {first}"
    return _probe_cache[runtime]


def _run(runtime: str, tree: Path, name: str, source: str, env: dict | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess:
    path = tree / "test" / "parallel" / f"test-{name}.js"
    path.write_text("'use strict';\n" + textwrap.dedent(source))
    full_env = dict(os.environ, TEST_THREAD_ID="0", NODE_OPTIONS="")
    full_env.pop("TEST_SERIAL_ID", None)
    full_env.update(env or {})
    return subprocess.run([*_command(runtime), str(path)], cwd=tree, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(params=RUNTIMES)
def js(request, tree):
    runtime = request.param
    why = _probe(runtime, tree)
    if why:
        pytest.skip(f"{runtime}: {why}")

    def run(source: str, name: str | None = None, **kw) -> subprocess.CompletedProcess:
        return _run(runtime, tree, name or request.node.name.split("[")[0][5:], source, **kw)

    run.runtime = runtime
    run.tree = tree
    return run


def test_mustcall_satisfied(js):
    r = js("""
        const common = require('../common');
        const f = common.mustCall((a) => a + 1, 2);
        f(1); f(2);
        setTimeout(common.mustCall(), 1);
    """)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mustcall_mismatch_fails_with_message(js):
    r = js("""
        const common = require('../common');
        const f = common.mustCall(function named() {}, 2);
        f();
    """)
    assert r.returncode == 1
    assert "Mismatched named function calls. Expected exactly 2, actual 1." in r.stdout
    # the frames printed point at the test file, where mustCall was called
    assert "test-mustcall_mismatch_fails_with_message.js:4" in r.stdout


def test_mustcall_anonymous_and_never_called(js):
    r = js("""
        const common = require('../common');
        common.mustCall();
    """)
    assert r.returncode == 1
    assert "Mismatched noop function calls. Expected exactly 1, actual 0." in r.stdout


def test_mustcall_not_checked_on_nonzero_exit(js):
    r = js("""
        const common = require('../common');
        common.mustCall();
        process.exitCode = 3;
    """)
    assert r.returncode == 3
    assert "Mismatched" not in r.stdout


def test_mustcall_keeps_name_and_length(js):
    r = js("""
        const common = require('../common');
        const assert = require('assert');
        const f = common.mustCall(function three(a, b, c) { return this; });
        assert.strictEqual(f.name, 'three');
        assert.strictEqual(f.length, 3);
        const self = {};
        assert.strictEqual(f.call(self), self);
    """)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mustcall_invalid_count(js):
    r = js("""
        const common = require('../common');
        const assert = require('assert');
        assert.throws(() => common.mustCall(() => {}, 'x'),
                      { name: 'TypeError', message: 'Invalid exact value: x' });
        assert.throws(() => common.mustCallAtLeast(() => {}, {}),
                      /^TypeError: Invalid minimum value: \\[object Object\\]$/);
    """)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mustcallatleast(js):
    ok = js("""
        const common = require('../common');
        const f = common.mustCallAtLeast(2);
        f(); f(); f();
    """, name="atleast-ok")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = js("""
        const common = require('../common');
        const f = common.mustCallAtLeast(() => {}, 2);
        f();
    """, name="atleast-bad")
    assert bad.returncode == 1
    assert "Mismatched <anonymous> function calls. Expected at least 2, actual 1." in bad.stdout


def test_mustnotcall_reports_call_site(js):
    r = js("""
        const common = require('../common');
        const f = common.mustNotCall();
        process.on('uncaughtException', (err) => {
          console.log('MSG=' + err.message);
          console.log('CODE=' + err.code);
        });
        f(1, 'two');
    """)
    path = js.tree / "test" / "parallel" / "test-mustnotcall_reports_call_site.js"
    assert f"MSG=function should not have been called at {path}:4" in r.stdout
    assert "called with arguments: 1, 'two'" in r.stdout
    assert "CODE=ERR_ASSERTION" in r.stdout


def test_mustnotcall_custom_message_fails_process(js):
    r = js("""
        const common = require('../common');
        setTimeout(common.mustNotCall('timer fired'), 1);
    """)
    assert r.returncode == 1
    path = js.tree / "test" / "parallel" / "test-mustnotcall_custom_message_fails_process.js"
    assert f"timer fired at {path}:4" in r.stderr


def test_mustsucceed(js):
    ok = js("""
        const common = require('../common');
        const assert = require('assert');
        const cb = common.mustSucceed((a, b) => { assert.strictEqual(a + b, 3); });
        cb(null, 1, 2);
    """, name="succeed-ok")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = js("""
        const common = require('../common');
        common.mustSucceed()(new Error('boom'));
    """, name="succeed-bad")
    assert bad.returncode == 1
    assert "boom" in bad.stderr


def test_expectserror_validators(js):
    r = js("""
        const common = require('../common');
        const assert = require('assert');
        const err = new TypeError('bad thing');
        err.code = 'ERR_X';
        common.expectsError({ code: 'ERR_X', name: 'TypeError', message: 'bad thing' })(err);
        common.expectsError(TypeError)(err);
        common.expectsError(/bad thing/)(err);
        common.expectsError((e) => e.code === 'ERR_X')(err);
        // wrong code
        assert.throws(() => common.expectsError({ code: 'ERR_Y' })(err),
                      { code: 'ERR_ASSERTION' });
        // an enumerable message is rejected
        const plain = { name: 'Error', message: 'enumerable' };
        assert.throws(() => common.expectsError({ message: 'enumerable' })(plain),
                      { code: 'ERR_ASSERTION' });
        // exactly one argument
        assert.throws(() => common.expectsError({})(err, 1), /Expected one argument, got/);
        console.log('done');
    """)
    # three of the returned functions threw before being counted... they were
    # still called once, so the exit checks pass
    assert r.returncode == 0, r.stdout + r.stderr
    assert "done" in r.stdout


def test_expectserror_exact_count(js):
    r = js("""
        const common = require('../common');
        const check = common.expectsError({ code: 'ERR_X' }, 2);
        const err = new Error('x'); err.code = 'ERR_X';
        check(err);
    """)
    assert r.returncode == 1
    assert "Expected exactly 2, actual 1." in r.stdout


def test_countdown(js):
    ok = js("""
        const common = require('../common');
        const Countdown = require('../common/countdown');
        const assert = require('assert');
        const c = new Countdown(2, common.mustCall(() => console.log('zero')));
        assert.strictEqual(c.remaining, 2);
        assert.strictEqual(c.dec(), 1);
        assert.strictEqual(c.dec(), 0);
        assert.throws(() => c.dec(), /Countdown expired/);
    """, name="countdown-ok")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count("zero") == 1
    short = js("""
        const Countdown = require('../common/countdown');
        new Countdown(2, () => {}).dec();
    """, name="countdown-short")
    assert short.returncode == 1
    assert "Expected exactly 1, actual 0." in short.stdout


def test_invalid_common_property(js):
    r = js("""
        const common = require('../common');
        common.notAHelper;
    """)
    assert r.returncode == 1
    assert "Using invalid common property: 'notAHelper'" in r.stderr


def test_skip(js):
    r = js("""
        const common = require('../common');
        common.skip('no reason');
        console.log('not reached');
    """)
    assert r.returncode == 0
    assert r.stdout.strip() == "1..0 # Skipped: no reason"


def test_leaked_globals(js):
    bad = js("""
        require('../common');
        globalThis.leakedThing = 1;
    """, name="leak-bad")
    assert bad.returncode == 1
    assert "Unexpected global(s) found: leakedThing" in bad.stdout + bad.stderr
    ok = js("""
        const common = require('../common');
        globalThis.allowedThing = 42;
        common.allowGlobals(42);
    """, name="leak-ok")
    assert ok.returncode == 0, ok.stdout + ok.stderr


def test_platform_facts(js):
    r = js("""
        const common = require('../common');
        const assert = require('assert');
        assert.strictEqual(common.platformTimeout(100), 100);
        assert.strictEqual(common.localhostIPv4, '127.0.0.1');
        assert.strictEqual(typeof common.hasIPv6, 'boolean');
        assert.strictEqual(typeof common.hasCrypto, 'boolean');
        assert.strictEqual(common.isLinux, process.platform === 'linux');
        assert.match(common.PIPE, /node-test\\.\\d+\\.sock$/);
        assert.throws(() => common.PORT, /cannot be used in a parallelized test/);
    """, env={"TEST_PARALLEL": "1"})
    assert r.returncode == 0, r.stdout + r.stderr


def test_invalid_arg_type_helper(js):
    r = js("""
        const common = require('../common');
        const assert = require('assert');
        const h = common.invalidArgTypeHelper;
        assert.strictEqual(h(undefined), ' Received undefined');
        assert.strictEqual(h(null), ' Received null');
        assert.strictEqual(h(function foo() {}), ' Received function foo');
        assert.strictEqual(h(new Map()), ' Received an instance of Map');
        assert.strictEqual(h(5), ' Received type number (5)');
        assert.strictEqual(h('abc'), " Received type string ('abc')");
        assert.strictEqual(h(Object.create(null)), ' Received [Object: null prototype] {}');
    """)
    assert r.returncode == 0, r.stdout + r.stderr


def test_tmpdir_and_fixtures(js):
    r = js("""
        const common = require('../common');
        const tmpdir = require('../common/tmpdir');
        const fixtures = require('../common/fixtures');
        const assert = require('assert');
        const fs = require('fs');
        const path = require('path');
        assert.strictEqual(tmpdir.path, path.resolve(__dirname, '..', '.tmp.7'));
        tmpdir.refresh();
        fs.writeFileSync(tmpdir.resolve('a.txt'), 'x');
        assert.strictEqual(fs.readFileSync(path.join(tmpdir.path, 'a.txt'), 'utf8'), 'x');
        assert.strictEqual(fixtures.path('hello.txt'),
                           path.resolve(__dirname, '..', 'fixtures', 'hello.txt'));
        assert.strictEqual(fixtures.readSync('hello.txt', 'utf8'), 'hello fixture\\n');
        process.on('exit', () => console.log('exists-at-exit=' + fs.existsSync(tmpdir.path)));
    """, env={"TEST_THREAD_ID": "7"})
    assert r.returncode == 0, r.stdout + r.stderr
    # the tmpdir is removed by an exit listener registered before ours
    assert "exists-at-exit=false" in r.stdout
    assert not (js.tree / "test" / ".tmp.7").exists()


def test_expect_warning(js):
    r = js("""
        const common = require('../common');
        common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
        process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
    """)
    assert r.returncode == 0, r.stdout + r.stderr
    unexpected = js("""
        const common = require('../common');
        common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
        process.emitWarning('surprise');
    """, name="warning-unexpected")
    assert unexpected.returncode != 0
    assert '"Warning" was triggered without being expected.' in unexpected.stderr


def test_dns_error_lookup_mock(js):
    r = js("""
        const common = require('../common');
        const { errorLookupMock, mockedErrorCode } = require('../common/dns');
        const { addresses } = require('../common/internet');
        const assert = require('assert');
        errorLookupMock()(addresses.INVALID_HOST, {}, common.mustCall((err) => {
          assert.strictEqual(err.code, mockedErrorCode);
          assert.strictEqual(err.syscall, 'getaddrinfo');
          assert.strictEqual(err.hostname, 'something.invalid');
          assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND something.invalid');
        }));
    """)
    assert r.returncode == 0, r.stdout + r.stderr


def test_dns_packet_roundtrip(js):
    r = js("""
        require('../common');
        const assert = require('assert');
        const { parseDNSPacket, writeDNSPacket } = require('../common/dns');
        const pkt = writeDNSPacket({
          id: 77,
          questions: [{ domain: 'example.org', type: 'ANY' }],
          answers: [
            { type: 'AAAA', address: '::1', ttl: 123, domain: 'example.org' },
            { type: 'A', address: '127.0.0.1', ttl: 5, domain: 'example.org' },
          ],
        });
        const p = parseDNSPacket(pkt);
        assert.strictEqual(p.id, 77);
        assert.strictEqual(p.questions[0].domain, 'example.org');
        assert.strictEqual(p.answers[1].address, '127.0.0.1');
        assert.strictEqual(p.answers[0].address, '0:0:0:0:0:0:0:1');
        assert.strictEqual(p.answers[0].ttl, 123);
    """)
    assert r.returncode == 0, r.stdout + r.stderr
