// node:vm on QuickJS.
//
// - runInThisContext runs a classic script in the main context with a file
//   name (internalBinding('builtins').evalScript).
// - A context (vm.createContext) is a further QuickJS context of the same
//   runtime (internalBinding('contextify')): its own global object and
//   intrinsics.  QuickJS has no interceptors, so the contextified object is
//   not the global itself: its properties are seen through accessors on an
//   object inserted as the global's prototype (see syncIn), and globals a
//   script makes (var, function, `x = 1`) are copied to it after each run.
// - Scripts run inside a try/catch wrapper so the thrown value survives, which
//   makes a top-level let/const/class local to that run.
// - timeout and breakOnSigint interrupt the script (the engine's interrupt
//   handler); microtaskMode is accepted and not enforced.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_SCRIPT_EXECUTION_INTERRUPTED, ERR_SCRIPT_EXECUTION_TIMEOUT },
} = require('internal/errors');
const {
  validateBoolean, validateInt32, validateObject, validateString, validateArray, validateUint32,
  validateOneOf, validateFunction,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const realm = require('internal/bootstrap/realm');

const builtins = internalBinding('builtins');
const contextify = internalBinding('contextify');
const kStash = Symbol.for('nodeshim.stash');
const kWrapperHeader = 'try {';

const contexts = new WeakMap(); // contextified object -> record

const constants = {
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
};
Object.freeze(constants);

function isContext(object) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
  }
  return contexts.has(object);
}

function validateContext(contextifiedObject) {
  isContext(contextifiedObject);
  if (contextifiedObject === null || typeof contextifiedObject !== 'object' || !contexts.has(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject === constants.DONT_CONTEXTIFY) {
    // The context's own ordinary global object is the context.
    validateObject(options, 'options');
    const [id, global] = contextify.makeContext();
    require('internal/async_context_frame').registerRealmPromise(global.Promise);
    trackContext(global);
    contexts.set(global, { id, global, sandbox: global, builtinKeys: new Set() });
    return global;
  }
  if (contextObject !== null && typeof contextObject === 'object' && contexts.has(contextObject)) {
    return contextObject;
  }
  if (contextObject === null || (typeof contextObject !== 'object' && typeof contextObject !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('contextObject', 'Object', contextObject);
  }
  validateObject(options, 'options');
  const { name = `VM Context ${contextCount + 1}`, origin, codeGeneration, microtaskMode } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings, wasm } = codeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.codeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined) validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  contextCount++;
  const [id, global] = contextify.makeContext();
  // AsyncLocalStorage and domains follow promise reactions of the context too.
  require('internal/async_context_frame').registerRealmPromise(global.Promise);
  trackContext(global);
  contexts.set(contextObject, {
    id,
    global,
    sandbox: contextObject,
    builtinKeys: new Set(Reflect.ownKeys(global)),
  });
  return contextObject;
}
let contextCount = 0;

// The contextified object's own properties are seen as globals through
// accessors on a scope object inserted below the context's global: reads and
// writes go to the object itself (also from closures that run later), and a
// name it lacks is a ReferenceError as usual.  A name the global itself has
// (an intrinsic, a var of an earlier run) is mirrored onto the global.
function syncIn(record) {
  const { global, sandbox, builtinKeys } = record;
  let { scope } = record;
  if (scope === undefined) {
    scope = record.scope = Object.create(Object.getPrototypeOf(global));
    try {
      Object.setPrototypeOf(global, scope);
    } catch { /* a non-extensible global */ }
    record.mirrored = new Map(); // key -> 'live' | 'readonly'
  }
  const keys = sandboxKeys(sandbox);
  record.ownAtEntry = new Set();
  for (const [key, holder] of keys) {
    if (holder === sandbox) record.ownAtEntry.add(key);
  }
  for (const key of record.mirrored.keys()) {
    if (!keys.has(key)) {
      Reflect.deleteProperty(scope, key);
      record.mirrored.delete(key);
    }
  }
  for (const [key, holder] of keys) {
    let desc;
    try {
      desc = Reflect.getOwnPropertyDescriptor(holder, key);
    } catch {
      // A Proxy refusing to describe it: reached through an accessor.
      desc = { configurable: true, enumerable: true, get: undefined };
    }
    if (desc === undefined) continue;
    const own = Reflect.getOwnPropertyDescriptor(global, key);
    if (own !== undefined && !builtinKeys.has(key) && own.configurable) {
      // Made by an earlier run (`x = 1`) and copied out: the object's copy
      // is the live one now.
      Reflect.deleteProperty(global, key);
    } else if (own !== undefined) {
      if (holder !== sandbox) continue;
      if (own.configurable) {
        desc.configurable = true;
        Reflect.defineProperty(global, key, desc);
      } else if ('value' in desc && own.writable && global[key] !== desc.value) {
        global[key] = desc.value;
      }
      continue;
    }
    if (!desc.configurable && holder === sandbox) {
      // A permanent property is mirrored as it is (scripts reading the
      // global's descriptors see the object's).
      Reflect.defineProperty(global, key, desc);
      continue;
    }
    if ('value' in desc && !desc.writable) {
      // Assignments fail as they would on the object (a TypeError in strict code).
      Reflect.defineProperty(scope, key, { value: desc.value, writable: false, enumerable: desc.enumerable, configurable: true });
      record.mirrored.set(key, 'readonly');
      continue;
    }
    if (record.mirrored.get(key) === 'live') continue;
    Reflect.defineProperty(scope, key, {
      get() {
        const value = sandbox[key];
        return value === sandbox ? global : value;
      },
      set(value) {
        sandbox[key] = value;
      },
      enumerable: desc.enumerable,
      configurable: true,
    });
    record.mirrored.set(key, 'live');
  }
}

// The object's own names and those it inherits (a class instance's methods),
// each with the object holding it; Object.prototype's own are the context's.
function sandboxKeys(sandbox) {
  const keys = new Map();
  let holder = sandbox;
  while (holder !== null && holder !== Object.prototype) {
    let names;
    try {
      names = Reflect.ownKeys(holder);
    } catch {
      break;
    }
    for (const key of names) {
      if (!keys.has(key)) keys.set(key, holder);
    }
    try {
      holder = Reflect.getPrototypeOf(holder);
    } catch {
      break;
    }
  }
  return keys;
}

// Globals the script made (var, function, `x = 1`) are copied to the object.
function syncOut(record) {
  const { global, sandbox, builtinKeys } = record;
  const { ownAtEntry } = record;
  for (const key of Reflect.ownKeys(global)) {
    if (key === kStash || (builtinKeys.has(key) && !ownAtEntry.has(key))) continue;
    const desc = Reflect.getOwnPropertyDescriptor(global, key);
    const own = Object.prototype.hasOwnProperty.call(sandbox, key);
    try {
      if (!('value' in desc)) {
        if (!own) Reflect.defineProperty(sandbox, key, desc);
      } else if (!own) {
        Reflect.defineProperty(sandbox, key, { value: desc.value, writable: true, enumerable: true, configurable: true });
      } else if (sandbox[key] !== desc.value) {
        sandbox[key] = desc.value;
      }
    } catch { /* a frozen object */ }
  }
}

// A directive prologue with 'use strict' (the wrapper would hide it).
const kUseStrict = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use strict\1/;

// Run `source` as a classic script in a context (null: the main one).
function runScript(source, filename, record, displayErrors = true, timeout, bytecode, breakOnSigint = false) {
  const strict = kUseStrict.test(source);
  realm.firstLineOffsets.set(filename, kWrapperHeader.length + (strict ? "'use strict'; ".length : 0));
  let stashed;
  let didStash = false;
  const stash = (e) => { stashed = e; didStash = true; };
  const limit = timeout === undefined ? -1 : timeout;
  let result;
  if (record === null) {
    const prev = globalThis[kStash];
    globalThis[kStash] = stash;
    try {
      result = contextify.evalInContext(0, source, filename, strict, limit, bytecode, breakOnSigint);
    } finally {
      if (prev === undefined) delete globalThis[kStash];
      else globalThis[kStash] = prev;
    }
  } else {
    if (record.sandbox !== record.global) syncIn(record);
    // A run nested in another one of the same context restores its stash.
    const prev = Reflect.getOwnPropertyDescriptor(record.global, kStash);
    Reflect.defineProperty(record.global, kStash, { value: stash, configurable: true, writable: true });
    try {
      result = contextify.evalInContext(record.id, source, filename, strict, limit, bytecode, breakOnSigint);
    } finally {
      try {
        if (prev === undefined) Reflect.deleteProperty(record.global, kStash);
        else Reflect.defineProperty(record.global, kStash, prev);
      } catch { /* a frozen global */ }
      if (record.sandbox !== record.global) syncOut(record);
    }
  }
  const [ok, value, stop, name] = result;
  if (ok) return value;
  if (stop === 'timeout') throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
  if (stop === 'sigint') throw new ERR_SCRIPT_EXECUTION_INTERRUPTED();
  if (didStash) {
    toV8Message(stashed);
    if (displayErrors) decorateError(stashed, source, filename);
    toV8Stack(stashed, filename);
    throw stashed;
  }
  // Not stashed (a frozen global): an error of the same name and message.
  const Ctor = kErrorTypes[name] ?? Error;
  const err = new Ctor(value);
  toV8Message(err);
  throw err;
}

// err.stack as V8 writes it: headed by "Name: message" (the engine's own
// errors, and all of another context's, carry the frames only), a script's
// top level as "at file:line:col" (the engine names it <eval>).
function toV8Stack(err, filename) {
  if (err === null || typeof err !== 'object') return;
  let stack;
  try {
    stack = realm.fullStack(err);
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  stack = stack.replace(/^(\s+at )<eval> \((.*)\)$/mg, '$1$2');
  if (!(err instanceof Error)) {
    // Made in another context: its Error did not take the wrapper's header
    // off first-line columns, as this context's does.
    const offset = realm.firstLineOffsets.get(filename);
    if (offset !== undefined) {
      const at = `${filename}:1:`;
      stack = stack.split('\n').map((line) => {
        const i = line.lastIndexOf(at);
        if (i === -1 || !/^\s+at /.test(line)) return line;
        const m = /^(\d+)(\)?)$/.exec(line.slice(i + at.length));
        if (m === null) return line;
        return `${line.slice(0, i + at.length)}${Math.max(1, Number(m[1]) - offset)}${m[2]}`;
      }).join('\n');
    }
  }
  if (stack === err.stack) return;
  try {
    err.stack = stack;
  } catch { /* frozen error */ }
}

const kErrorTypes = {
  __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

// The messages of errors the engine raises for the script's own code, worded
// as V8's (programs and tests match on them).
const kEngineMessages = [
  [/^'(.+)' is not defined$/, (name) => `${name} is not defined`],
  [/^'(.+)' is read-only$/, (name) => `Cannot assign to read only property '${name}' of object '#<Object>'`],
  [/^cannot read property '(.+)' of (null|undefined)$/,
   (name, value) => `Cannot read properties of ${value} (reading '${name}')`],
  [/^cannot set property '(.+)' of (null|undefined)$/,
   (name, value) => `Cannot set properties of ${value} (setting '${name}')`],
];
function toV8Message(err) {
  if (err === null || typeof err !== 'object' || typeof err.message !== 'string') return;
  if (!(err instanceof Error) && !(Object.prototype.toString.call(err) === '[object Error]')) return;
  for (const [re, make] of kEngineMessages) {
    const m = re.exec(err.message);
    if (m === null) continue;
    const message = make(m[1], m[2]);
    try {
      const { stack } = err;
      Reflect.defineProperty(err, 'message', { value: message, writable: true, enumerable: false, configurable: true });
      if (typeof stack === 'string') err.stack = stack.replace(m[0], message);
    } catch { /* frozen error */ }
    return;
  }
}

// Node's displayErrors: the stack of an error thrown by the script starts
// with "file:line", the source line and a caret.
const kDecorated = Symbol('kVmDecorated');
function decorateError(err, source, filename) {
  if (err === null || typeof err !== 'object' || err[kDecorated]) return;
  let stack;
  try {
    stack = realm.fullStack(err);
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:\\(|at )${escaped}:(\\d+):(\\d+)\\)?`).exec(stack);
  if (!m) return;
  const line = Number(m[1]);
  let col = Number(m[2]);
  if (line === 1) col = Math.max(1, col - (realm.firstLineOffsets.get(filename) ?? kWrapperHeader.length));
  const text = source.split('\n')[line - 1];
  if (text === undefined) return;
  try {
    Object.defineProperty(err, kDecorated, { value: true, enumerable: false, configurable: true });
    err.stack = `${filename}:${line}\n${text}\n${' '.repeat(col - 1)}^\n\n${stack}`;
  } catch { /* frozen error */ }
}

function syntaxErrorFrom(triple, filename) {
  const [name, message] = triple;
  const Ctor = globalThis[name] || SyntaxError;
  const err = new Ctor(message);
  void filename;
  return err;
}

// The URL of the last `//# sourceMappingURL=` (or `//@`) line comment, as V8
// reads magic comments while scanning (not inside strings or block comments).
// Regular expression literals are not told apart from division.
function findSourceMapURL(source) {
  let url;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      let end = source.indexOf('\n', i);
      if (end === -1) end = n;
      const m = /^\/\/[#@]\ssourceMappingURL=\s*(\S*)\s*$/.exec(source.slice(i, end).replace(/\r$/, ''));
      if (m !== null && m[1] !== '') url = m[1];
      i = end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < n && source[i] !== c; i++) {
        if (source[i] === '\\') i++;
        else if (c !== '`' && source[i] === '\n') break;
      }
    }
  }
  return url;
}

function getRunOptions(options) {
  if (options === undefined) return {};
  validateObject(options, 'options');
  const { displayErrors = true, breakOnSigint = false, timeout } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  return options;
}

class Script {
  #source;
  #filename;
  #bytecode; // accepted cachedData: the compiled script, run instead of the source

  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'symbol') {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    // Line numbers as Node reports them with a positive lineOffset.
    const source = lineOffset > 0 ? '\n'.repeat(lineOffset) + code : code;
    const failure = contextify.compileCheck(`${kWrapperHeader}${source}\n} catch (e) { throw e; }`, filename);
    if (failure !== null && failure !== undefined) throw syntaxErrorFrom(failure, filename);
    this.#source = source;
    this.#filename = filename;
    this.sourceMapURL = findSourceMapURL(code);
    if (cachedData !== undefined) {
      const bytes = new Uint8Array(cachedData.buffer, cachedData.byteOffset, cachedData.byteLength);
      const bytecode = contextify.checkCache(bytes, source, filename, kUseStrict.test(source));
      this.cachedDataRejected = bytecode === null;
      if (bytecode !== null) this.#bytecode = bytecode;
    }
    if (produceCachedData) {
      const data = contextify.makeCache(source, filename, kUseStrict.test(source));
      this.cachedDataProduced = data !== null;
      if (data !== null) {
        const { Buffer } = require('buffer');
        this.cachedData = Buffer.from(data);
      }
    }
  }

  runInThisContext(options) {
    const { displayErrors = true, timeout, breakOnSigint } = getRunOptions(options);
    return runScript(this.#source, this.#filename, null, displayErrors, timeout, this.#bytecode, breakOnSigint);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { displayErrors = true, timeout, breakOnSigint } = getRunOptions(options);
    return runScript(this.#source, this.#filename, contexts.get(contextifiedObject), displayErrors, timeout,
                     this.#bytecode, breakOnSigint);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  // QuickJS bytecode of the script (a Buffer), accepted back as cachedData
  // by a Script of the same source and file name.
  createCachedData() {
    const { Buffer } = require('buffer');
    const data = contextify.makeCache(this.#source, this.#filename, kUseStrict.test(this.#source));
    return data === null ? Buffer.alloc(0) : Buffer.from(data);
  }
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) validateString(contextOptions.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    contextOptions.codeGeneration = options.contextCodeGeneration;
  }
  if (contextOptions.name === undefined) delete contextOptions.name;
  if (contextOptions.origin === undefined) delete contextOptions.origin;
  if (contextOptions.codeGeneration === undefined) delete contextOptions.codeGeneration;
  if (contextOptions.microtaskMode === undefined) delete contextOptions.microtaskMode;
  return contextOptions;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, __proto__: null };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((p, i) => validateString(p, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (parsingContext === null || typeof parsingContext !== 'object' || !isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) => {
    if (extension === null || typeof extension !== 'object') {
      throw new ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`, 'object', extension);
    }
  });
  const paramList = (params || []).join(', ');
  const body = lineOffset > 0 ? '\n'.repeat(lineOffset) + code : code;
  // The body is pasted into a function expression: one that closes it early
  // ('}); ...; (function () {') would run code of its own.  Such a body does
  // not survive a second, deeper pair of braces; a real body does.
  const escape = contextify.compileCheck(`(function (${paramList}) {{${body}\n}})`, filename);
  if (escape !== null && escape !== undefined) throw syntaxErrorFrom(escape, filename);
  let fn;
  if (parsingContext !== undefined) {
    const record = contexts.get(parsingContext);
    fn = runScript(`(function (${paramList}) {${body}\n})`, filename, record);
  } else {
    const compiled = builtins.compileFunction(body, filename, paramList);
    if (typeof compiled !== 'function') throw syntaxErrorFrom(compiled, filename);
    fn = compiled;
  }
  if (contextExtensions.length > 0) {
    // Names of the extension objects are in scope of the body, as Node's
    // contextExtensions: the function is rebuilt inside `with` blocks.
    let open = '';
    let close = '';
    contextExtensions.forEach((_, i) => { open += `with (__nodeshim_ext[${i}]) { `; close += ' }'; });
    const factory = builtins.compileFunction(
      `${open}return function (${paramList}) {${body}\n};${close}`, filename, '__nodeshim_ext');
    if (typeof factory !== 'function') throw syntaxErrorFrom(factory, filename);
    fn = factory(contextExtensions);
  }
  if (produceCachedData) {
    const { Buffer } = require('buffer');
    fn.cachedDataProduced = true;
    fn.cachedData = Buffer.alloc(0);
  }
  return fn;
}

// Every context alive, for measureMemory's per-context entries.
const liveContexts = new Set();
const contextRegistry = new FinalizationRegistry((ref) => liveContexts.delete(ref));
function trackContext(global) {
  const ref = new WeakRef(global);
  liveContexts.add(ref);
  contextRegistry.register(global, ref);
}

let warnedMeasureMemory = false;
function measureMemory(options = {}) {
  if (!warnedMeasureMemory) {
    warnedMeasureMemory = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  // One heap for all contexts: the total is measured, a context's share is
  // only bounded by it.
  const { heapUsed } = process.memoryUsage();
  const result = { total: { jsMemoryEstimate: heapUsed, jsMemoryRange: [heapUsed, heapUsed] } };
  if (mode === 'detailed') {
    const others = [];
    for (const ref of liveContexts) {
      if (ref.deref() !== undefined) others.push({ jsMemoryEstimate: 0, jsMemoryRange: [0, heapUsed] });
    }
    result.current = { jsMemoryEstimate: heapUsed, jsMemoryRange: [0, heapUsed] };
    result.other = others;
  }
  return Promise.resolve(result);
}


module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
