// node:vm on QuickJS.
//
// - runInThisContext runs a classic script in the main context with a file
//   name (internalBinding('builtins').evalScript).
// - A context (vm.createContext) is a further QuickJS context of the same
//   runtime (internalBinding('contextify')): its own global object and
//   intrinsics.  The contextified object is not the global itself (QuickJS has
//   no interceptors): its own properties are copied onto the context's global
//   before each run, and the global's non-builtin properties copied back after
//   it (so `x = 1` and `var x` in the script appear on the object).  Functions
//   left behind that read globals later see the context's global.
// - Scripts run inside a try/catch wrapper so the thrown value survives, which
//   makes a top-level let/const/class local to that run.
// - timeout, breakOnSigint and microtaskMode are accepted and not enforced.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
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
  contexts.set(contextObject, {
    id,
    global,
    sandbox: contextObject,
    builtinKeys: new Set(Reflect.ownKeys(global)),
  });
  return contextObject;
}
let contextCount = 0;

function copyIn(record) {
  const { global, sandbox } = record;
  for (const key of Reflect.ownKeys(sandbox)) {
    const desc = Reflect.getOwnPropertyDescriptor(sandbox, key);
    desc.configurable = true;
    try {
      Reflect.defineProperty(global, key, desc);
    } catch { /* a non-configurable global of the context keeps its value */ }
  }
}

function copyOut(record) {
  const { global, sandbox, builtinKeys } = record;
  const globalKeys = new Set(Reflect.ownKeys(global));
  for (const key of globalKeys) {
    if (key === kStash) continue;
    const own = Object.prototype.hasOwnProperty.call(sandbox, key);
    if (builtinKeys.has(key) && !own) continue;
    const desc = Reflect.getOwnPropertyDescriptor(global, key);
    if ('value' in desc) {
      if (!own || sandbox[key] !== desc.value) {
        try {
          if (own) sandbox[key] = desc.value;
          else Reflect.defineProperty(sandbox, key, { value: desc.value, writable: true, enumerable: true, configurable: true });
        } catch { /* frozen sandbox */ }
      }
    } else if (!own) {
      Reflect.defineProperty(sandbox, key, desc);
    }
  }
  for (const key of Reflect.ownKeys(sandbox)) {
    if (!globalKeys.has(key)) {
      try { delete sandbox[key]; } catch { /* non-configurable */ }
    }
  }
}

// A directive prologue with 'use strict' (the wrapper would hide it).
const kUseStrict = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use strict\1/;

// Run `source` as a classic script in a context (null: the main one).
function runScript(source, filename, record, displayErrors = true) {
  const strict = kUseStrict.test(source);
  realm.firstLineOffsets.set(filename, kWrapperHeader.length + (strict ? "'use strict'; ".length : 0));
  let stashed;
  let didStash = false;
  const stash = (e) => { stashed = e; didStash = true; };
  if (record === null) {
    const prev = globalThis[kStash];
    globalThis[kStash] = stash;
    let result;
    try {
      result = contextify.evalInContext(0, source, filename, strict);
    } finally {
      if (prev === undefined) delete globalThis[kStash];
      else globalThis[kStash] = prev;
    }
    const [ok, value] = result;
    if (!ok) {
      if (didStash) {
        if (displayErrors) decorateError(stashed, source, filename);
        throw stashed;
      }
      throw new SyntaxError(value);
    }
    return value;
  }
  if (record.sandbox !== record.global) copyIn(record);
  Reflect.defineProperty(record.global, kStash, { value: stash, configurable: true, writable: true });
  let result;
  try {
    result = contextify.evalInContext(record.id, source, filename, strict);
  } finally {
    try {
      Reflect.deleteProperty(record.global, kStash);
    } catch { /* a frozen global */ }
    if (record.sandbox !== record.global) copyOut(record);
  }
  const [ok, value] = result;
  if (!ok) {
    if (didStash) {
      if (displayErrors) decorateError(stashed, source, filename);
      throw stashed;
    }
    throw new SyntaxError(value);
  }
  return value;
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
    if (cachedData !== undefined) this.cachedDataRejected = false;
    if (produceCachedData) {
      this.cachedDataProduced = true;
      this.cachedData = this.createCachedData();
    }
  }

  runInThisContext(options) {
    const { displayErrors = true } = getRunOptions(options);
    return runScript(this.#source, this.#filename, null, displayErrors);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { displayErrors = true } = getRunOptions(options);
    return runScript(this.#source, this.#filename, contexts.get(contextifiedObject), displayErrors);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    // No code cache on QuickJS: an empty buffer, accepted back by the constructor.
    const { Buffer } = require('buffer');
    return Buffer.alloc(0);
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

function measureMemory(options = {}) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const usage = process.memoryUsage();
  const result = { total: { jsMemoryEstimate: usage.heapUsed, jsMemoryRange: [usage.heapUsed, usage.heapTotal] } };
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
