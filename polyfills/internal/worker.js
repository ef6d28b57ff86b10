// worker_threads.Worker: the parent's side of a worker thread
// (internalBinding('worker') starts a whole nodeshim process on a thread).
'use strict';

const EventEmitter = require('events');
const path = require('path');
const binding = internalBinding('worker');
const {
  serializeMessage, deserializeMessage, portForId, receiveMessageOnPort,
} = require('internal/worker/io');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_WORKER_PATH, ERR_WORKER_INVALID_EXEC_ARGV,
  },
} = require('internal/errors');

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kExitCode = Symbol('kExitCode');
const kLimits = Symbol('kLimits');
const kOnExit = Symbol('kOnExit');
const kEnvPort = Symbol('kEnvPort');
const kOnError = Symbol('kOnError');
const kOnControlMessage = Symbol('kOnControlMessage');
const kStdout = Symbol('kStdout');
const kThreadId = Symbol('kThreadId');
const kStderr = Symbol('kStderr');
const kRefed = Symbol('kRefed');

const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

function parseLimits(limits) {
  const out = [-1, -1, -1, 4];
  if (limits === undefined || limits === null) return out;
  if (typeof limits !== 'object') throw new ERR_INVALID_ARG_TYPE('options.resourceLimits', 'Object', limits);
  limitNames.forEach((name, i) => {
    const value = limits[name];
    if (typeof value === 'number' && value > 0) out[i] = value;
  });
  return out;
}

function limitsObject(values) {
  const out = {};
  limitNames.forEach((name, i) => { out[name] = values[i]; });
  return out;
}

function workerFilename(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.eval', true,
                                      'must be false when \'filename\' is not a string');
    }
    return filename;
  }
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string' &&
      require('internal/url').isURL?.(filename) !== false) {
    // A data: URL is the source of an ES module (kind 'module'); any other
    // URL must be a file: one (fileURLToPath throws ERR_INVALID_URL_SCHEME).
    if (filename.protocol === 'data:') return filename.href;
    return require('internal/url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw new ERR_WORKER_PATH(filename);
  }
  return path.resolve(filename);
}

function envPairs(env) {
  // SHARE_ENV: one store for this thread and the worker (null to the
  // binding); otherwise the worker starts from a copy.
  if (env === SHARE_ENV && require('internal/process/env').shareEnv(process.env)) return null;
  if (env === SHARE_ENV || env === undefined || env === null) env = process.env;
  else if (typeof env !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options.env', ['Object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], env);
  }
  const pairs = [];
  for (const key of Object.keys(env)) {
    pairs.push(key, `${env[key]}`);
  }
  return pairs;
}

function stringList(name, value) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  return value.map((v) => String(v));
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const isEval = !!options.eval;
    const argv = stringList('options.argv', options.argv);
    let execArgv = options.execArgv === undefined ? process.execArgv :
      stringList('options.execArgv', options.execArgv);
    // '--' ends the options: it is not one of them (nor what follows it).
    if (execArgv.includes('--')) execArgv = execArgv.slice(0, execArgv.indexOf('--'));
    const env = envPairs(options.env);
    // Only flags given for this worker: the inherited ones were accepted.
    const badFlags = options.execArgv === undefined ? [] : binding.invalidExecArgv(execArgv);
    if (badFlags.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(badFlags);
    const nodeOptions = options.env !== null && typeof options.env === 'object' &&
      options.env !== SHARE_ENV ? options.env.NODE_OPTIONS : undefined;
    if (typeof nodeOptions === 'string') {
      const badOptions = binding.invalidExecArgv(nodeOptions.split(/\s+/).filter(Boolean));
      if (badOptions.length > 0) {
        throw new ERR_WORKER_INVALID_EXEC_ARGV(badOptions.map((flag) => `${flag} is not allowed in NODE_OPTIONS`),
                                               'invalid NODE_OPTIONS env variable');
      }
    }
    const file = workerFilename(filename, isEval);
    const kind = isEval ? 'eval' : (file.startsWith('data:') ? 'module' : 'file');
    const limits = parseLimits(options.resourceLimits);
    this[kLimits] = limits;
    // workerData travels with this thread's environment data.
    const workerDataMessage = serializeMessage([options.workerData, environmentData],
                                               options.transferList, null);
    const { Readable } = require('stream');
    const stdio = () => new Readable({ read() {} });
    this.stdin = null;
    this[kStdout] = stdio();
    this[kStderr] = stdio();
    // Unless asked for them, the worker's output goes on to this thread's.
    if (!options.stdout) {
      this[kStdout]._readableState.pipeWithoutWarning = true;
      this[kStdout].pipe(process.stdout, { end: false });
    }
    if (!options.stderr) {
      this[kStderr]._readableState.pipeWithoutWarning = true;
      this[kStderr].pipe(process.stderr, { end: false });
    }
    this[kExitCode] = undefined;
    const [threadId, portId, handle, envPortId] = binding.createWorker(
      kind, file, [process.execPath, kind === 'file' ? file : '[worker eval]', ...argv],
      execArgv, env, workerDataMessage, limits, [!!options.stdin, !!options.stdout, !!options.stderr],
      () => this.emit('online'),
      (code, error) => this[kOnExit](code, error),
      (fd, chunk) => (fd === 1 ? this[kStdout] : this[kStderr]).push(Buffer.from(chunk)),
      options.trackUnmanagedFds === undefined ? true : !!options.trackUnmanagedFds);
    this[kHandle] = handle;
    // The handle is the thread's async resource (WORKER).  As Node's native
    // handle: hasRef() says what ref()/unref() last asked until the 'exit'
    // listeners ran, then undefined (the handle is gone).
    const asyncWrap = internalBinding('async_wrap');
    asyncWrap.initResource(handle, asyncWrap.Providers.WORKER);
    this[kRefed] = true;
    handle.hasRef = () => (this[kRefed] === null ? undefined : this[kRefed]);
    this[kThreadId] = threadId;
    const port = portForId(portId);
    this[kPort] = port;
    port.on('message', (data) => this.emit('message', data));
    port.on('messageerror', (err) => this.emit('messageerror', err));
    // The worker's handle keeps the loop alive while it runs, not the port.
    port.unref();
    const envPort = portForId(envPortId);
    this[kEnvPort] = envPort;
    envPort.on('message', (message) => this[kOnControlMessage](message));
    envPort.unref();
    if (options.stdin) {
      // worker.stdin: what is written becomes the worker's process.stdin.
      const { Writable } = require('stream');
      const { messageTypes } = require('internal/worker/io');
      const send = (chunks) => {
        if (this[kExitCode] === undefined) {
          envPort.postMessage({ type: messageTypes.STDIO_PAYLOAD, stream: 'stdin', chunks });
        }
      };
      this.stdin = new Writable({
        writev(chunks, cb) {
          send(chunks.map(({ chunk, encoding }) => ({ chunk, encoding })));
          cb();
        },
        final(cb) {
          send([{ chunk: null, encoding: '' }]);
          cb();
        },
      });
    }
    process.nextTick(() => process.emit('worker', this));
    const channel = require('diagnostics_channel').channel('worker_threads');
    if (channel.hasSubscribers) channel.publish({ worker: this });
  }

  get threadId() { return this[kExitCode] === undefined ? this[kThreadId] : -1; }
  get stdout() { return this[kStdout]; }
  get stderr() { return this[kStderr]; }

  get resourceLimits() {
    if (this[kExitCode] !== undefined) return {};
    return limitsObject(this[kLimits]);
  }

  // A message of the worker's control port.  Uncaught errors and stdio
  // travel through the binding; a worker's own code may still say that its
  // error could not be serialized, or send an error.
  [kOnControlMessage](message) {
    const { messageTypes } = require('internal/worker/io');
    const { codes } = require('internal/errors');
    switch (message?.type) {
      case messageTypes.COULD_NOT_SERIALIZE_ERROR:
        this.emit('error', new codes.ERR_WORKER_UNSERIALIZABLE_ERROR());
        return;
      case messageTypes.ERROR_MESSAGE:
        this[kOnError](message.error);
        return;
      case messageTypes.UP_AND_RUNNING:
      case messageTypes.STDIO_PAYLOAD:
      case messageTypes.STDIO_WANTS_MORE_DATA:
      case messageTypes.LOAD_SCRIPT:
        return;
      default:
        require('assert').fail(`Unknown worker message type ${message?.type}`);
    }
  }

  // The worker's uncaught error, serialized as [error, its own properties].
  [kOnError](payload) {
    if (payload === 'ERR_WORKER_OUT_OF_MEMORY') {
      const { codes } = require('internal/errors');
      this.emit('error', new codes.ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
      return;
    }
    let err;
    try {
      const [[value, extra]] = [deserializeMessage(payload, [], [])[0]];
      err = value;
      if (err !== null && typeof err === 'object') Object.assign(err, extra);
    } catch (e) {
      err = e;
    }
    this.emit('error', err);
  }

  [kOnExit](code, error) {
    // What the worker posted before it ended (from its 'exit' listeners, say)
    // is delivered first, as Node drains the port at exit; otherwise the
    // order against 'error' would depend on which thread ran first.
    for (let m = receiveMessageOnPort(this[kPort]); m !== undefined; m = receiveMessageOnPort(this[kPort])) {
      this.emit('message', m.message);
    }
    this[kExitCode] = code;
    if (error !== null) this[kOnError](error);
    // Closing takes a turn of the loop; the ports hold nothing from now on.
    this[kPort].unref();
    this[kPort].close();
    this[kEnvPort].close();
    require('internal/async_hooks').emitDestroy(
      this[kHandle][internalBinding('async_wrap').async_id_symbol]);
    this[kStdout].push(null);
    this[kStderr].push(null);
    this.emit('exit', code);
    this[kRefed] = null;
    this.removeAllListeners('message');
    this.removeAllListeners('messageerrors');
    this.removeAllListeners('online');
  }

  postMessage(...args) {
    if (this[kExitCode] !== undefined) return;
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      if (this[kExitCode] !== undefined) {
        process.nextTick(callback, null, this[kExitCode]);
      } else {
        this.once('exit', (code) => callback(null, code));
      }
    }
    if (this[kExitCode] !== undefined) return Promise.resolve();
    const done = new Promise((resolve) => this.once('exit', resolve));
    // The exit must be seen even when the worker was unref'd.
    this[kHandle].ref();
    this[kHandle].terminate();
    return done;
  }

  // The public port follows, as in Node: a ref'd worker's port is ref'd.
  ref() {
    if (this[kExitCode] === undefined) {
      this[kHandle].ref();
      this[kPort].ref();
      this[kRefed] = true;
    }
  }

  unref() {
    if (this[kExitCode] === undefined) {
      this[kHandle].unref();
      this[kPort].unref();
      this[kRefed] = false;
    }
  }

  getHeapSnapshot() {
    const { codes } = require('internal/errors');
    return Promise.reject(new codes.ERR_WORKER_NOT_RUNNING());
  }

  // The worker's event loop utilization, measured here (zeros before its
  // loop runs and once it ended).
  get performance() {
    const handle = this[kHandle];
    return {
      eventLoopUtilization(util1, util2) {
        const [start, idleNs, nowNs] = handle.loopTiming();
        if (start < 0) return { idle: 0, active: 0, utilization: 0 };
        if (util2) {
          const idle = util1.idle - util2.idle;
          const active = util1.active - util2.active;
          return { idle, active, utilization: active / (idle + active) };
        }
        const idle = idleNs / 1e6;
        const active = (nowNs - start - idleNs) / 1e6;
        if (!util1) return { idle, active, utilization: active / (idle + active) };
        const idleDelta = idle - util1.idle;
        const activeDelta = active - util1.active;
        return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
      },
    };
  }
}

let parentPort;
function getParentPort() {
  if (parentPort === undefined) {
    const id = binding.isMainThread ? 0 : binding.takeParentPort();
    parentPort = id === 0 ? null : portForId(id);
  }
  return parentPort;
}

let workerData = null;
let environmentData = new Map();
let workerDataRead = false;
function readWorkerData() {
  if (workerDataRead) return;
  workerDataRead = true;
  const payload = binding.getWorkerData();
  if (payload === null) return;
  const [[data, environment]] = [deserializeMessage(payload[0], payload[1], payload[2])[0]];
  workerData = data;
  assignEnvironmentData(environment);
}

function getWorkerData() {
  readWorkerData();
  return workerData;
}

function assignEnvironmentData(data) {
  if (data === undefined) return;
  environmentData = new Map(data);
}

function getEnvironmentData(key) {
  readWorkerData();
  return environmentData.get(key);
}

function setEnvironmentData(key, value) {
  readWorkerData();
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

module.exports = {
  Worker, SHARE_ENV, getParentPort, getWorkerData,
  getEnvironmentData, setEnvironmentData, assignEnvironmentData,
  resourceLimits: binding.isMainThread ? {} : limitsObject(binding.resourceLimits),
};
