// The process object's properties and methods, over process_methods.
'use strict';

const kVersion = 'v20.19.2';

function setupProcessObject(process, pm) {
  const define = (name, value, enumerable = true) => Object.defineProperty(process, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable,
  });
  define('version', kVersion);
  const versions = {
    node: kVersion.slice(1), acorn: '8.14.0', ada: '2.9.2', ares: '1.34.5', brotli: '1.1.0',
    llhttp: '8.1.2', modules: '115', napi: '9', uv: '1.46.0', v8: '11.3.244.8-node.26',
    zlib: '1.3.0.1-motley', quickjs: '2025-09-13',
  };
  // node:crypto and node:tls exist (over the system's OpenSSL, through
  // Python): read on first use, then a plain value, so start-up does not
  // load libssl.
  Object.defineProperty(versions, 'openssl', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const value = pm.opensslVersion();
      Object.defineProperty(versions, 'openssl', {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
      return value;
    },
  });
  define('versions', versions);
  define('arch', pm.arch);
  define('platform', pm.platform);
  define('release', {
    name: 'node', lts: 'Iron',
    sourceUrl: '', headersUrl: '',
  });
  define('argv', pm.argv.slice());
  define('execArgv', pm.execArgv.slice());
  define('argv0', pm.argv0 !== undefined ? pm.argv0 : pm.argv[0]);
  define('execPath', pm.execPath);
  define('pid', pm.pid);
  define('ppid', pm.ppid);
  define('title', 'node');
  define('debugPort', 9229);
  // Read-only all the way down, as Node's (made from config.gypi).
  const deepFreeze = (o) => {
    for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
    return Object.freeze(o);
  };
  Object.defineProperty(process, 'config', {
    __proto__: null,
    value: deepFreeze({
      target_defaults: {},
      // node_module_version: the native-addon ABI of Node 20, which addon loaders check.
      variables: { v8_enable_i18n_support: 0, v8_enable_inspector: 0, node_shared_openssl: false, node_module_version: 115 },
    }),
    writable: false, enumerable: true, configurable: true,
  });
  Object.defineProperty(process, 'features', {
    __proto__: null,
    value: {
      inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false,
      tls_ocsp: false, tls: false, cached_builtins: true, require_module: false,
    },
    writable: false, enumerable: true, configurable: false,
  });
  define('env', require('internal/process/env').createEnv(pm.env, pm));
  define('moduleLoadList', [], false);
  define('_exiting', false, false);
  // node:domain replaces it with an accessor when loaded.
  define('domain', null);

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return exitCode; },
    set(code) {
      // An integer, or a string that reads as one ('2').
      if (code !== null && code !== undefined &&
          !(typeof code === 'string' && code !== '' && Number.isInteger(+code))) {
        require('internal/validators').validateInteger(code, 'code');
      }
      exitCode = code;
    },
  });

  const { nextTick } = require('internal/process/task_queues');
  define('nextTick', nextTick);

  define('exit', function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode | 0);
    }
    // Through the property, which programs may replace (as in Node).
    process.reallyExit(process.exitCode | 0);
  });
  define('reallyExit', (code) => {
    try {
      pm.reallyExit(code | 0);
    } finally {
      // The binding's exit reaches JS as a catchable error; a catch block
      // without a call or loop would run before the engine's next interrupt
      // check.  Looping forces that check, which unwinds uncatchably.
      for (;;);
    }
  });
  // Methods, not constructors (no prototype), as Node's natives.
  define('abort', { abort() { pm.abort(); } }.abort);

  define('cwd', function cwd() { return pm.cwd(); });
  define('chdir', function chdir(directory) {
    const { validateString } = require('internal/validators');
    validateString(directory, 'directory');
    const r = pm.chdir(directory);
    if (r < 0) {
      const { UVException } = require('internal/errors');
      throw new UVException({ errno: r, syscall: 'chdir', path: process.cwd(), dest: directory });
    }
  });
  define('umask', function umask(mask) {
    if (mask === undefined) return pm.umask();
    return pm.umask(require('internal/validators').parseFileMode(mask, 'mask'));
  });

  function hrtime(prev) {
    const ns = BigInt(pm.hrtimeNs());
    const sec = Number(ns / 1000000000n);
    const nsec = Number(ns % 1000000000n);
    if (prev !== undefined) {
      if (!Array.isArray(prev)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', prev);
      }
      if (prev.length !== 2) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_OUT_OF_RANGE('time', 2, prev.length);
      }
      let s = sec - prev[0];
      let n = nsec - prev[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() { return BigInt(pm.hrtimeNs()); };
  define('hrtime', hrtime);
  define('uptime', function uptime() { return pm.uptime(); });

  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = pm.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  }
  memoryUsage.rss = function rss() { return pm.memoryUsage()[0]; };
  define('memoryUsage', memoryUsage);
  const validCpuTime = (n) => typeof n === 'number' && n >= 0 && n <= Number.MAX_SAFE_INTEGER;
  define('cpuUsage', function cpuUsage(prevValue) {
    if (prevValue) {
      for (const key of ['user', 'system']) {
        if (!validCpuTime(prevValue[key])) {
          const { validateObject, validateNumber } = require('internal/validators');
          validateObject(prevValue, 'prevValue');
          validateNumber(prevValue[key], `prevValue.${key}`);
          const { codes } = require('internal/errors');
          throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${key}`, prevValue[key]);
        }
      }
    }
    const [user, system] = pm.cpuUsage();
    if (prevValue) return { user: user - prevValue.user, system: system - prevValue.system };
    return { user, system };
  });
  define('constrainedMemory', function constrainedMemory() { return pm.constrainedMemory(); });
  define('availableMemory', function availableMemory() { return pm.availableMemory(); });
  define('resourceUsage', function resourceUsage() {
    const [user, system] = pm.cpuUsage();
    return { userCPUTime: user, systemCPUTime: system, maxRSS: Math.round(pm.memoryUsage()[0] / 1024) };
  });

  // process.kill() validates, then calls process._kill(pid, signum) (which
  // programs may replace), as Node does.
  define('_kill', function _kill(pid, sig) { return pm.kill(pid, sig); }, false);
  define('kill', function kill(pid, sig) {
    const { codes } = require('internal/errors');
    if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let err;
    if (sig === (sig | 0)) {
      err = process._kill(pid, sig);
    } else {
      sig = sig || 'SIGTERM';
      const signum = Object.prototype.hasOwnProperty.call(pm.signals, sig) ? pm.signals[sig] : undefined;
      if (signum === undefined) throw new codes.ERR_UNKNOWN_SIGNAL(sig);
      err = process._kill(pid, signum);
    }
    if (err) {
      const { ErrnoException } = require('internal/errors');
      throw new ErrnoException(err, 'kill');
    }
    return true;
  });

  define('emitWarning', function emitWarning(...args) {
    return require('internal/process/warning').emitWarning(...args);
  });

  // process.binding: the legacy bindings Node still hands out (its
  // processBindingAllowList), some with a DEP0111 warning.
  const bindingAllowList = new Set(['async_wrap', 'buffer', 'cares_wrap', 'config', 'constants',
    'contextify', 'crypto', 'fs', 'fs_event_wrap', 'http_parser', 'icu', 'inspector', 'js_stream',
    'natives', 'os', 'pipe_wrap', 'process_wrap', 'signal_wrap', 'spawn_sync', 'stream_wrap',
    'tcp_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'url', 'util', 'uv', 'v8', 'zlib']);
  const bindingDeprecated = new Set(['async_wrap', 'crypto', 'http_parser', 'signal_wrap', 'url',
    'v8', 'zlib']);
  const bindingWarned = new Set();
  // process.binding('util') is a legacy view: type checks only (util.types').
  const legacyUtilKeys = ['isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView',
    'isAsyncFunction', 'isDataView', 'isDate', 'isExternal', 'isMap', 'isMapIterator',
    'isNativeError', 'isPromise', 'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray',
    'isUint8Array'];
  let legacyUtil;
  define('binding', function binding(name) {
    name = `${name}`;
    if (name === 'util') {
      if (legacyUtil === undefined) {
        const types = require('internal/util/types');
        legacyUtil = {};
        for (const key of legacyUtilKeys) legacyUtil[key] = types[key];
      }
      return legacyUtil;
    }
    if (bindingAllowList.has(name)) {
      let b;
      try {
        b = internalBinding(name);
      } catch {
        b = undefined;
      }
      if (b != null) {
        if (bindingDeprecated.has(name) && !bindingWarned.has(name)) {
          bindingWarned.add(name);
          process.emitWarning(`Access to process.binding('${name}') is deprecated.`,
                              'DeprecationWarning', 'DEP0111');
        }
        return b;
      }
    }
    throw new Error(`No such module: ${name}`);
  }, false);
  define('getuid', function getuid() { return pm.getuid(); });
  define('getgid', function getgid() { return pm.getgid(); });
  define('geteuid', function geteuid() { return pm.geteuid(); });
  define('getegid', function getegid() { return pm.getegid(); });
  define('getgroups', function getgroups() { return pm.getgroups(); });
  require('internal/bootstrap/switches/does_own_process_state').setupCredentials(process, pm, define);

  // What keeps the loop alive: handles (their owners, e.g. the net.Socket),
  // then ref'd timers and immediates by name.
  define('_getActiveHandles', function _getActiveHandles() {
    const { owner_symbol } = require('internal/async_hooks').symbols;
    return pm.activeHandles().map((handle) => {
      const owner = handle[owner_symbol];
      return owner !== undefined ? owner : handle;
    });
  });
  define('_getActiveRequests', function _getActiveRequests() { return []; });
  define('getActiveResourcesInfo', function getActiveResourcesInfo() {
    const [timeouts, immediates] = require('internal/timers').activeTimerCounts();
    return [...pm.activeHandleNames(),
            ...new Array(timeouts).fill('Timeout'),
            ...new Array(immediates).fill('Immediate')];
  });
  // A public builtin by id ('fs', 'node:test'), or undefined; never a user module.
  define('getBuiltinModule', function getBuiltinModule(id) {
    require('internal/validators').validateString(id, 'id');
    if (!require('module').isBuiltin(id)) return undefined;
    return require('internal/bootstrap/realm').requireBuiltin(id);
  });
  define('_rawDebug', function _rawDebug(...args) {
    pm.writeSync(2, `${require('internal/util/inspect').format(...args)}\n`);
  });
  define('assert', require('internal/util').deprecate(function assert(value, message) {
    if (!value) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_ASSERTION(message || 'assertion error');
    }
  }, 'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100'));
  define('loadEnvFile', function loadEnvFile(path = undefined) {
    const fs = require('fs');
    const file = path === undefined ? '.env' : require('internal/url').toPathIfFileURL(path);
    if (path !== undefined) require('internal/validators').validateString(file, 'path');
    const parsed = require('util').parseEnv(fs.readFileSync(file, 'utf8'));
    for (const key of Object.keys(parsed)) {
      // Variables already set win, as in Node.
      if (!Object.prototype.hasOwnProperty.call(process.env, key)) process.env[key] = parsed[key];
    }
  });
  define('setUncaughtExceptionCaptureCallback', function setUncaughtExceptionCaptureCallback(fn) {
    require('internal/process/execution').setUncaughtExceptionCaptureCallback(fn);
  });
  define('hasUncaughtExceptionCaptureCallback', function hasUncaughtExceptionCaptureCallback() {
    return require('internal/process/execution').hasUncaughtExceptionCaptureCallback();
  });
  let sourceMapsEnabled = process.execArgv.includes('--enable-source-maps');
  Object.defineProperty(process, 'sourceMapsEnabled', {
    __proto__: null, enumerable: true, configurable: true, get() { return sourceMapsEnabled; },
  });
  define('setSourceMapsEnabled', function setSourceMapsEnabled(val) {
    require('internal/validators').validateBoolean(val, 'val');
    sourceMapsEnabled = val;
  });

  Object.defineProperty(process, 'report', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const { report } = require('internal/process/report');
      Object.defineProperty(process, 'report', { value: report, writable: true, configurable: true, enumerable: true });
      return report;
    },
  });
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    Object.defineProperty(process, name, {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() {
        const stream = require('internal/bootstrap/switches/is_main_thread').createWritableStdioStream(fd);
        Object.defineProperty(process, name, { value: stream, writable: true, configurable: true, enumerable: true });
        return stream;
      },
    });
  }
  define('openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });
  Object.defineProperty(process, 'stdin', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const stream = require('internal/bootstrap/switches/is_main_thread').createStdin();
      define('openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });
  Object.defineProperty(process, 'stdin', { value: stream, writable: true, configurable: true, enumerable: true });
      return stream;
    },
  });
}

module.exports = { setupProcessObject };
