// The entry point of a worker_threads Worker's thread: its parentPort, its
// fatal errors handed to the Worker, then the file or the eval'd source.
'use strict';

const path = require('path');

// What a worker cannot change of the process it shares (Node's list).
function disableProcessState() {
  const { codes: { ERR_WORKER_UNSUPPORTED_OPERATION } } = require('internal/errors');
  const stubs = ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'seteuid', 'setgid',
    'setegid', 'setgroups', 'initgroups'];
  for (const name of stubs) {
    function unsupported() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    }
    unsupported.disabled = true;
    Object.defineProperty(process, name, {
      __proto__: null, value: unsupported, writable: true, enumerable: true, configurable: true,
    });
  }
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() { throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`); },
    });
  }
  for (const name of ['title', 'debugPort']) {
    const value = process[name];
    Object.defineProperty(process, name, {
      __proto__: null, enumerable: true, configurable: true, get() { return value; }, set() {},
    });
  }
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    return Reflect.apply(umask, this, []);
  };
}

// A worker's process.stdout/stderr are never terminals: their bytes go to
// the Worker's streams in the parent.  Its process.stdin is what the parent
// writes to worker.stdin (stdin: true), else an ended stream.
function setupStdio(binding, envPort) {
  const pm = internalBinding('process_methods');
  const define = (name, create) => {
    Object.defineProperty(process, name, {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() {
        const stream = create();
        Object.defineProperty(process, name, { __proto__: null, value: stream, writable: true, configurable: true, enumerable: true });
        return stream;
      },
    });
  };
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    define(name, () => {
      const { Writable } = require('stream');
      const stream = new Writable({
        write(chunk, encoding, cb) {
          pm.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
          cb();
        },
      });
      stream.fd = fd;
      stream._isStdio = true;
      stream.destroySoon = stream.destroy;
      stream._destroy = (err, cb) => cb(err);
      return stream;
    });
  }
  define('stdin', () => {
    const { Readable } = require('stream');
    const { messageTypes } = require('internal/worker/io');
    const stdin = new Readable({
      read() {
        // Reading keeps the worker alive until the parent ends its stdin.
        if (envPort !== undefined && !ended) envPort.ref();
      },
    });
    stdin.fd = 0;
    let ended = !binding.hasStdin || envPort === undefined;
    if (ended) {
      stdin.push(null);
    } else {
      envPort.on('message', (message) => {
        if (message?.type !== messageTypes.STDIO_PAYLOAD || message.stream !== 'stdin') return;
        for (const { chunk, encoding } of message.chunks) {
          if (chunk === null) {
            ended = true;
            envPort.unref();
            stdin.push(null);
          } else {
            stdin.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk));
          }
        }
      });
      envPort.unref();
    }
    return stdin;
  });
}

function run() {
  const binding = internalBinding('worker');
  disableProcessState();
  // The control port to the parent, for internals (and Node's tests).
  const envPortId = binding.takeEnvPort();
  const envPort = envPortId === 0 ? undefined : require('internal/worker/io').portForId(envPortId);
  binding.getEnvMessagePort = () => envPort;
  setupStdio(binding, envPort);
  const { serializeMessage } = require('internal/worker/io');
  const execution = require('internal/process/execution');
  // A throwing 'uncaughtException' handler ends a worker with 1, not 7.
  const exitCode = (err, code) => (code === 7 ? 1 : code);
  execution.setFatalHook(exitCode, function report(err) {
    if (typeof process._fatalException !== 'function') {
      // A program that broke the fatal-exception machinery: as Node, the
      // worker prints the error itself and its Worker sees only the exit.
      execution.setFatalHook(exitCode, true);
      execution.reportUncaught(err);
      return;
    }
    let payload;
    if (err instanceof Error && err.name === 'InternalError' && err.message === 'stack overflow') {
      // QuickJS's stack exhaustion, as V8 reports it (what the parent sees).
      const overflow = new RangeError('Maximum call stack size exceeded');
      overflow.stack = String(err.stack).replace(/^InternalError: stack overflow/, 'RangeError: Maximum call stack size exceeded');
      err = overflow;
    }
    try {
      // The error travels with its own enumerable properties (code, errno...),
      // which the structured clone of an Error leaves behind.
      const extra = {};
      if (err !== null && typeof err === 'object') {
        for (const key of Object.keys(err)) {
          try {
            serializeMessage(err[key], undefined, null);
            extra[key] = err[key];
          } catch { /* an unclonable property stays behind */ }
        }
      }
      [payload] = serializeMessage([err, extra], undefined, null);
    } catch {
      const { codes } = require('internal/errors');
      const unserializable = new codes.ERR_WORKER_UNSERIALIZABLE_ERROR();
      [payload] = serializeMessage([unserializable, { code: unserializable.code }], undefined, null);
    }
    // Before the 'exit' listeners run: the parent's 'error' comes before
    // what they post (Node's order as the parent sees it).
    if (envPort !== undefined) {
      const { messageTypes } = require('internal/worker/io');
      envPort.postMessage({ type: messageTypes.ERROR_MESSAGE, error: payload });
    } else {
      binding.reportError(payload);
    }
  });
  const preload = require('internal/options').getOptionValue('--require');
  binding.notifyOnline();
  if (preload.length > 0) require('internal/modules/cjs/loader').Module._preloadModules(preload);
  if (binding.kind === 'file') {
    const { Module } = require('internal/modules/cjs/loader');
    process.argv[1] = path.resolve(binding.value);
    Module.runMain(process.argv[1]);
  } else if (binding.kind === 'module') {
    // new Worker(new URL('data:...')): the worker's main module is the ES
    // module of that URL (named by it).
    process.argv[1] = '[worker eval]';
    const { dataURLSource, runMainESM } = require('internal/modules/esm/loader');
    let source;
    try {
      source = dataURLSource(binding.value);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
      return;
    }
    runMainESM(binding.value, source);
  } else {
    process.argv[1] = '[worker eval]';
    const { getOptionValue } = require('internal/options');
    const { runMainESM } = require('internal/modules/esm/loader');
    if (getOptionValue('--input-type') === 'module') {
      runMainESM(path.resolve('[worker eval]'), binding.value);
      return;
    }
    try {
      require('internal/main/run_main').evalScript('[worker eval]', binding.value, false);
    } catch (err) {
      // --experimental-detect-module: source that only parses as a module
      // (import/export, top-level await) runs as one.
      if (!(err instanceof SyntaxError) || !getOptionValue('--experimental-detect-module') ||
          !/\b(import|export|await)\b/.test(String(err.message))) {
        throw err;
      }
      // (Without the CommonJS globals the script's run had set.)
      for (const name of ['module', 'require', 'exports', '__filename', '__dirname']) delete globalThis[name];
      runMainESM(path.resolve('[worker eval]'), binding.value);
    }
  }
}

module.exports = { run };
