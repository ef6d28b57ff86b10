'use strict';
// nodeshim's own implementation of the helper module that Node's test files
// load as require('../common'). Written for this project from the documented
// behaviour of Node's helpers; Node's own file is never loaded.
//
// Everything that needs a module beyond assert/path is loaded lazily, so that
// a runtime that lacks (say) child_process can still run the tests that do
// not use it.

const proc = globalThis.process; // some tests replace the process global
const assert = require('assert');
const path = require('path');
const tmpdir = require('./tmpdir');
const { callSiteOf, frameLines } = require('./stack');

const noop = () => {};

function lazy(id) {
  let mod;
  return () => (mod === undefined ? (mod = require(id)) : mod);
}
const util = lazy('util');
const fs = lazy('fs');
const os = lazy('os');
const childProcess = lazy('child_process');

// Taken once, as Node's common does: a test may delete util.inspect and
// still expect mustNotCall's report (test-common-must-not-call).
const { inspect } = require('util');

function configVariables() {
  const config = proc.config;
  return (config && config.variables) || {};
}

// ---------------------------------------------------------------------------
// platform facts

const isWindows = proc.platform === 'win32';
const isSunOS = proc.platform === 'sunos';
const isFreeBSD = proc.platform === 'freebsd';
const isOpenBSD = proc.platform === 'openbsd';
const isLinux = proc.platform === 'linux';
const isMacOS = proc.platform === 'darwin';
const isDumbTerminal = proc.env.TERM === 'dumb';
const hasIntl = !!configVariables().v8_enable_i18n_support;
const isASan = configVariables().asan === 1;
const hasCrypto = Boolean(proc.versions && proc.versions.openssl) && !proc.env.NODE_SKIP_CRYPTO;
const hasQuic = hasCrypto && !!configVariables().openssl_quic;
const is64 = ['arm64', 'loong64', 'mips', 'mipsel', 'ppc64', 'riscv64', 's390x', 'x64']
  .includes(proc.arch);
const bits = is64 ? 64 : 32;

function opensslNumber(major = 0, minor = 0, patch = 0) {
  return (major << 28) | (minor << 20) | (patch << 4);
}

function hasOpenSSL(major = 0, minor = 0, patch = 0) {
  if (!hasCrypto) return false;
  const v = String(proc.versions.openssl).match(/^(\d+)\.(\d+)\.(\d+)/);
  if (!v) return false;
  return opensslNumber(+v[1], +v[2], +v[3]) >= opensslNumber(major, minor, patch);
}

let piCache;
function isPi() {
  if (piCache === undefined) {
    try {
      const model = fs().readFileSync('/sys/firmware/devicetree/base/model', 'utf8');
      piCache = /Raspberry Pi/.test(model);
    } catch {
      piCache = false;
    }
  }
  return piCache;
}

// Slow platforms and debug builds get longer timeouts.
function platformTimeout(ms) {
  const factor = typeof ms === 'bigint' ? 2n : 2;
  if (proc.features && proc.features.debug) ms = factor * ms;
  if (proc.platform === 'aix' || proc.platform === 'os400' || isPi()) return factor * ms;
  return ms;
}

// As Node's own helpers do, give happy-eyeballs connection attempts ten
// times the default, for loaded CI machines; tests compare against the
// resulting value. A runtime without `net` simply skips this.
let defaultAutoSelectFamilyAttemptTimeout;
try {
  const net = require('net');
  if (typeof net.getDefaultAutoSelectFamilyAttemptTimeout === 'function') {
    net.setDefaultAutoSelectFamilyAttemptTimeout(
      platformTimeout(net.getDefaultAutoSelectFamilyAttemptTimeout() * 10));
    defaultAutoSelectFamilyAttemptTimeout = net.getDefaultAutoSelectFamilyAttemptTimeout();
  }
} catch {
  // no net module
}

// ---------------------------------------------------------------------------
// `// Flags:` comment of a test file

function parseTestFlags(filename = proc.argv[1]) {
  // only the head of the file is looked at (licence headers come first)
  const fd = fs().openSync(filename, 'r');
  const buf = Buffer.alloc(1500);
  const n = fs().readSync(fd, buf, 0, buf.length, 0);
  fs().closeSync(fd);
  const head = buf.toString('utf8', 0, n);
  const m = /\/\/ Flags:\s+(--[^\r\n]*)/.exec(head);
  if (!m) return [];
  return m[1].split(/\s+/).filter(Boolean);
}

// ---------------------------------------------------------------------------
// call-count checks, run when the process exits with code 0

const callChecks = [];

function runCallChecks(exitCode) {
  if (exitCode !== 0) return;
  const failed = callChecks.filter((c) => {
    if (c.minimum !== undefined) {
      c.expected = `at least ${c.minimum}`;
      return c.actual < c.minimum;
    }
    c.expected = `exactly ${c.exact}`;
    return c.actual !== c.exact;
  });
  failed.forEach((c) => {
    console.log(`Mismatched ${c.name} function calls. Expected ${c.expected}, ` +
                `actual ${c.actual}.`);
    console.log(c.frames);
  });
  if (failed.length > 0) proc.exit(1);
}

function registerCallCheck(fn, criteria, field) {
  if (proc._exiting)
    throw new Error('Cannot use common.mustCall*() in process exit handler');
  if (typeof fn === 'number') {
    criteria = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (criteria === undefined) criteria = 1;
  if (typeof criteria !== 'number')
    throw new TypeError(`Invalid ${field} value: ${criteria}`);

  const check = {
    actual: 0,
    name: fn.name || '<anonymous>',
    frames: frameLines(new Error().stack),
  };
  check[field] = criteria;
  if (callChecks.length === 0) proc.on('exit', runCallChecks);
  callChecks.push(check);

  const wrapper = function() {
    check.actual++;
    return fn.apply(this, arguments);
  };
  // keep the wrapped function's own name/length visible
  Object.defineProperty(wrapper, 'name', {
    value: fn.name, writable: false, enumerable: false, configurable: true,
  });
  Object.defineProperty(wrapper, 'length', {
    value: fn.length, writable: false, enumerable: false, configurable: true,
  });
  return wrapper;
}

function mustCall(fn, exact) {
  return registerCallCheck(fn, exact, 'exact');
}

function mustCallAtLeast(fn, minimum) {
  return registerCallCheck(fn, minimum, 'minimum');
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...rest) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, rest);
  }, exact);
}

function getCallSite(top) {
  return callSiteOf(new Error().stack, top && top.name);
}

function mustNotCall(msg) {
  const site = callSiteOf(new Error().stack, null);
  return function mustNotCall(...args) {
    let text = `${msg || 'function should not have been called'} at ${site}`;
    if (args.length > 0)
      text += `\ncalled with arguments: ${args.map((a) => inspect(a)).join(', ')}`;
    assert.fail(text);
  };
}

function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1)
      assert.fail(`Expected one argument, got ${inspect(args)}`);
    const error = args[0];
    // Node's errors keep `message` non-enumerable
    assert.strictEqual(Object.prototype.propertyIsEnumerable.call(error, 'message'), false);
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------
// warnings

let warningHandlers;

function warningCheck(name, expected, code) {
  let list;
  if (typeof expected === 'string') {
    list = [[expected, code]];
  } else if (Array.isArray(expected)) {
    list = expected.length > 0 && !Array.isArray(expected[0]) ?
      [[expected[0], expected[1]]] : expected.slice();
  } else {
    // { code: message } map
    list = Object.keys(expected).map((k) => [expected[k], k]);
  }
  if (name === 'DeprecationWarning') {
    for (const [, c] of list) assert(c, `Missing deprecation code: ${list}`);
  }
  return mustCall((warning) => {
    const next = list.shift();
    if (!next) assert.fail(`Unexpected extra warning received: ${warning}`);
    const [message, wantCode] = next;
    assert.strictEqual(warning.name, name);
    if (typeof message === 'string') assert.strictEqual(warning.message, message);
    else assert.match(warning.message, message);
    assert.strictEqual(warning.code, wantCode);
  }, list.length);
}

function expectWarning(nameOrMap, expected, code) {
  if (warningHandlers === undefined) {
    warningHandlers = Object.create(null);
    proc.on('warning', (warning) => {
      const handler = warningHandlers[warning.name];
      if (!handler) {
        throw new TypeError(`"${warning.name}" was triggered without being expected.\n` +
                            inspect(warning));
      }
      handler(warning);
    });
  }
  if (typeof nameOrMap === 'string') {
    warningHandlers[nameOrMap] = warningCheck(nameOrMap, expected, code);
  } else {
    for (const name of Object.keys(nameOrMap))
      warningHandlers[name] = warningCheck(name, nameOrMap[name]);
  }
}

// ---------------------------------------------------------------------------
// leaked globals

const wellKnownGlobalNames = [
  'AbortController', 'atob', 'btoa', 'clearImmediate', 'clearInterval', 'clearTimeout',
  'global', 'setImmediate', 'setInterval', 'setTimeout', 'queueMicrotask', 'gc',
  'Performance', 'performance', 'PerformanceMark', 'PerformanceMeasure', 'structuredClone',
  'EventSource', 'fetch', 'CustomEvent', 'WebSocket', 'navigator', 'Navigator',
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
  'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
  'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
];
const cryptoGlobalNames = ['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto'];

let knownGlobals = [];
for (const name of wellKnownGlobalNames) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (d && 'value' in d && d.value !== undefined) knownGlobals.push(d.value);
  else if (d && d.get) {
    try { knownGlobals.push(globalThis[name]); } catch { /* ignore */ }
  }
}
if (hasCrypto) {
  for (const name of cryptoGlobalNames) {
    try { if (globalThis[name] !== undefined) knownGlobals.push(globalThis[name]); } catch { /* */ }
  }
}

function allowGlobals(...values) {
  knownGlobals = knownGlobals.concat(values);
}

function leakedGlobals() {
  const leaked = [];
  for (const key in globalThis) {
    if (key === 'crypto') continue; // a getter that may throw without OpenSSL
    if (!knownGlobals.includes(globalThis[key])) leaked.push(key);
  }
  return leaked;
}

if (proc.env.NODE_TEST_KNOWN_GLOBALS !== '0') {
  if (proc.env.NODE_TEST_KNOWN_GLOBALS)
    allowGlobals(...proc.env.NODE_TEST_KNOWN_GLOBALS.split(','));
  proc.on('exit', (code) => {
    if (code !== 0) return;
    const leaked = leakedGlobals();
    if (leaked.length > 0) {
      console.error(`AssertionError [ERR_ASSERTION]: Unexpected global(s) found: ${leaked.join(', ')}`);
      proc.exit(1);
    }
  });
}

// ---------------------------------------------------------------------------
// skipping

function printSkipMessage(msg) {
  console.log(`1..0 # Skipped: ${msg}`);
}

function skip(msg) {
  printSkipMessage(msg);
  const main = require.main && require.main.filename;
  const knownIssues = path.resolve(__dirname, '..', 'known_issues') + path.sep;
  proc.exit(main && main.startsWith(knownIssues) ? 1 : 0);
}

function skipIf32Bits() {
  if (bits < 64) skip('The tested feature is not available in 32bit builds');
}

function skipIfInspectorDisabled() {
  if (!(proc.features && proc.features.inspector)) skip('V8 inspector is disabled');
}

function skipIfWorker() {
  if (!isMainThreadNow()) skip('This test only works on a main thread');
}

function skipIfDumbTerminal() {
  if (isDumbTerminal) skip('skipping - dumb terminal');
}

function skipIfEslintMissing() {
  const p = path.join(__dirname, '..', '..', 'tools', 'node_modules', 'eslint');
  if (!fs().existsSync(p)) skip('missing ESLint');
}

function isMainThreadNow() {
  try {
    return require('worker_threads').isMainThread;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------
// misc helpers


function invalidArgTypeHelper(input) {
  if (input === null || input === undefined) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name)
      return ` Received an instance of ${input.constructor.name}`;
    return ` Received ${inspect(input, { depth: -1 })}`;
  }
  let shown = inspect(input, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof input} (${shown})`;
}

const viewTypes = () => [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
];

function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const views = [];
  for (const Type of viewTypes()) {
    const size = Type.BYTES_PER_ELEMENT || 1;
    if (byteLength % size === 0)
      views.push(new Type(buffer, byteOffset, byteLength / size));
  }
  return views;
}

function getBufferSources(buf) {
  return getArrayBufferViews(buf).concat([new Uint8Array(buf).buffer]);
}

function createZeroFilledFile(filename) {
  const fd = fs().openSync(filename, 'w');
  fs().ftruncateSync(fd, 10 * 1024 * 1024);
  fs().closeSync(fd);
}

function canCreateSymLink() {
  if (!isWindows) return true;
  try {
    const whoami = path.join(proc.env.SystemRoot, 'System32', 'whoami.exe');
    return childProcess().execSync(`${whoami} /priv`, { timeout: 1000 })
      .includes('SeCreateSymbolicLinkPrivilege');
  } catch {
    return false;
  }
}

function nodeProcessAborted(exitCode, signal) {
  if (signal !== null && signal !== undefined)
    return ['SIGILL', 'SIGTRAP', 'SIGABRT'].includes(signal);
  const codes = isWindows ? [0x80000003, 134] : [132, 133, 134];
  return codes.includes(exitCode);
}

function childShouldThrowAndAbort() {
  const cmd = `${isWindows ? '' : 'ulimit -c 0 && '}"${proc.argv[0]}" ` +
              `--abort-on-uncaught-exception "${proc.argv[1]}" child`;
  const child = childProcess().exec(cmd);
  child.on('exit', (exitCode, signal) => {
    assert(nodeProcessAborted(exitCode, signal),
           'Test should have aborted but instead exited with exit code ' +
           `${exitCode} and signal ${signal}`);
  });
}

function isAlive(pid) {
  try {
    proc.kill(pid, 'SIGCONT');
    return true;
  } catch {
    return false;
  }
}

function getTTYfd() {
  const tty = require('tty');
  const fd = [1, 2, 4, 5].find((n) => tty.isatty(n));
  if (fd !== undefined) return fd;
  try {
    return fs().openSync('/dev/tty');
  } catch {
    return -1;
  }
}

function runWithInvalidFD(func) {
  let fd = 1 << 30;
  try {
    while (fs().fstatSync(fd--) && fd > 0);
  } catch {
    return func(fd);
  }
  printSkipMessage('Could not generate an invalid fd');
}

function requireNoPackageJSONAbove(dir = __dirname) {
  let current = path.resolve(dir, '..');
  let parent = path.dirname(current);
  while (current !== parent) {
    const candidate = path.join(current, 'package.json');
    if (fs().existsSync(candidate)) {
      const err = new Error(`This test shouldn't load properties from a package.json above ` +
                            `its file location. Found package.json at ${candidate}.`);
      err.code = 'ERR_TEST_PACKAGE_JSON_ABOVE';
      throw err;
    }
    current = parent;
    parent = path.dirname(current);
  }
}

function spawnPromisified(...args) {
  let stderr = '';
  let stdout = '';
  const child = childProcess().spawn(...args);
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { stdout += d; });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout }));
    child.on('error', (code, signal) => reject({ code, signal, stderr, stdout }));
  });
}

function getPrintedStackTrace(stderr) {
  const lines = stderr.split('\n');
  let i = lines.findIndex((l) => /^\s+at /.test(l));
  const frames = [];
  if (i === -1) return frames;
  for (; i < lines.length && /^\s+at /.test(lines[i]); i++)
    frames.push(lines[i].trim());
  return frames;
}

function expectRequiredModule(mod, expectation, checkESModule = true) {
  const clone = { ...mod };
  if (Object.hasOwn(mod, 'default') && checkESModule) {
    assert.strictEqual(mod.__esModule, true);
    delete clone.__esModule;
  }
  assert(util().types.isModuleNamespaceObject(mod));
  assert.deepStrictEqual(clone, { ...expectation });
}

const frozenProxies = new WeakMap();
function mustNotMutateObjectDeep(original) {
  if (original === null || typeof original !== 'object')
    return original;
  const known = frozenProxies.get(original);
  if (known) return known;
  const refuse = (what) => () => assert.fail(`Expected no side effects, got ${what}`);
  const handler = {
    defineProperty(target, key) { refuse(`${inspect(key)} defined`)(); },
    deleteProperty(target, key) { refuse(`${inspect(key)} deleted`)(); },
    get(target, key, receiver) {
      return mustNotMutateObjectDeep(Reflect.get(target, key, receiver));
    },
    preventExtensions() { refuse('prevented extension')(); },
    set(target, key, value) { refuse(`${inspect(key)} set to ${inspect(value)}`)(); },
    setPrototypeOf(target, proto) { refuse(`set prototype to ${proto}`)(); },
  };
  const proxy = new Proxy(original, handler);
  frozenProxies.set(original, proxy);
  return proxy;
}

const PIPE = (() => {
  const rel = path.relative(proc.cwd(), `${tmpdir.path}/`);
  const prefix = isWindows ? '\\\\.\\pipe\\' : rel;
  return path.join(prefix, `node-test.${proc.pid}.sock`);
})();

let localhostIPv4 = null;
let inFreeBSDJail = null;
let opensslCli = null;

const common = {
  allowGlobals,
  bits,
  buildType: (proc.config && proc.config.target_defaults) ?
    proc.config.target_defaults.default_configuration : 'Release',
  canCreateSymLink,
  childShouldThrowAndAbort,
  createZeroFilledFile,
  defaultAutoSelectFamilyAttemptTimeout,
  expectsError,
  expectRequiredModule,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  getCallSite,
  getPrintedStackTrace,
  getTTYfd,
  hasIntl,
  hasCrypto,
  hasOpenSSL,
  hasQuic,
  hasMultiLocalhost,
  invalidArgTypeHelper,
  isAlive,
  isASan,
  isDumbTerminal,
  isFreeBSD,
  isLinux,
  isOpenBSD,
  isMacOS,
  isSunOS,
  isWindows,
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  nodeProcessAborted,
  PIPE,
  parseTestFlags,
  platformTimeout,
  printSkipMessage,
  pwdCommand: isWindows ? ['cmd.exe', ['/d', '/c', 'cd']] : ['pwd', []],
  requireNoPackageJSONAbove,
  runWithInvalidFD,
  skip,
  skipIf32Bits,
  skipIfDumbTerminal,
  skipIfEslintMissing,
  skipIfInspectorDisabled,
  skipIfWorker,
  spawnPromisified,

  get isMainThread() {
    return isMainThreadNow();
  },

  get isPi() {
    return isPi();
  },


  get enoughTestMem() {
    return os().totalmem() > 0x70000000;
  },

  get hasFipsCrypto() {
    return hasCrypto && require('crypto').getFips();
  },

  get hasIPv6() {
    const ifaces = os().networkInterfaces();
    const loopback = isWindows ? /Loopback Pseudo-Interface/ :
      (common.isIBMi ? /\*LOOPBACK/ : /lo/);
    return Object.keys(ifaces).some((name) => loopback.test(name) &&
      ifaces[name].some((a) => a.family === 'IPv6' || a.family === 6));
  },

  get hasOpenSSL3() {
    return hasOpenSSL(3);
  },

  get inFreeBSDJail() {
    if (inFreeBSDJail === null) {
      inFreeBSDJail = isFreeBSD &&
        childProcess().execSync('sysctl -n security.jail.jailed').toString() === '1\n';
    }
    return inFreeBSDJail;
  },

  get isAIX() {
    return proc.platform === 'aix' && os().type() === 'AIX';
  },

  get isIBMi() {
    return proc.platform === 'aix' && os().type() === 'OS400';
  },

  get isLinuxPPCBE() {
    return isLinux && proc.arch === 'ppc64' && os().endianness() === 'BE';
  },

  get localhostIPv4() {
    if (localhostIPv4 === null) {
      if (common.inFreeBSDJail && proc.env.LOCALHOST) localhostIPv4 = proc.env.LOCALHOST;
      else localhostIPv4 = '127.0.0.1';
    }
    return localhostIPv4;
  },

  get opensslCli() {
    if (opensslCli === null) {
      opensslCli = configVariables().node_shared_openssl ? 'openssl' :
        path.join(path.dirname(proc.execPath), 'openssl-cli');
      if (isWindows) opensslCli += '.exe';
      const r = childProcess().spawnSync(opensslCli, ['version']);
      if (r.status !== 0 || r.error !== undefined) opensslCli = false;
    }
    return opensslCli;
  },

  get PORT() {
    if (+proc.env.TEST_PARALLEL)
      throw new Error('common.PORT cannot be used in a parallelized test');
    return +proc.env.NODE_COMMON_PORT || 12346;
  },

  get checkoutEOL() {
    return fs().readFileSync(__filename).includes('\r\n') ? '\r\n' : '\n';
  },
};

function hasMultiLocalhost() {
  // On Linux the whole of 127.0.0.0/8 is bound to the loopback interface.
  return isLinux;
}

const knownNames = new Set(Object.keys(common));

module.exports = new Proxy(common, {
  get(target, prop) {
    if (!knownNames.has(prop))
      throw new Error(`Using invalid common property: '${String(prop)}'`);
    return target[prop];
  },
});
