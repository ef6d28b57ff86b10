// The first JS that runs: the builtin-module loader, the error-stack fixes
// QuickJS needs, and the entry points the Python loop calls (hooks).
// Evaluated by runtime/host.py as the body of function (native, internalBinding).
'use strict';

// internalBinding(name) hands back one object per name, as Node's does, so a
// test that patches a binding function is seen by the builtin using it.
{
  const makeBinding = internalBinding;
  const bindings = new Map();
  internalBinding = function internalBinding(name) {
    let b = bindings.get(name);
    if (b === undefined) {
      b = makeBinding(name);
      if (b !== undefined) bindings.set(name, b);
    }
    return b;
  };
}

const builtinsBinding = internalBinding('builtins');
const { compileFunction, getSource } = builtinsBinding;
const builtinIds = new Set(builtinsBinding.builtinIds);

// ---------------------------------------------------------------------------
// Errors: QuickJS's err.stack has only the frames; V8's starts with
// "Name: message".  Wrap the constructors so every error made from JS gets a
// lazily formatted V8-style stack, and add Error.captureStackTrace.
// ---------------------------------------------------------------------------
const OrigError = Error;
const kStackFrames = Symbol('kStackFrames');
const ErrorToString = OrigError.prototype.toString;

// Node's own errors (internal/errors) head their stack with the code:
// `TypeError [ERR_X]: message`, as Node's prepareStackTrace does.
const kIsNodeError = Symbol.for('nodeshim.kIsNodeError');

function stackHeader(err) {
  try {
    if (err !== null && typeof err === 'object' && kIsNodeError in err) {
      return `${err.name} [${err.code}]: ${err.message}`;
    }
    return ErrorToString.call(err);
  } catch {
    return 'Error';
  }
}

// Sources compiled as the body of a wrapper function have their first line
// shifted right by the wrapper's header; V8 reports columns without it.
const firstLineOffsets = new Map();
const kFrameLocation = /(?:\(|at )([^()]+?):(\d+):(\d+)\)?$/;

function fixFrame(line) {
  if (firstLineOffsets.size === 0 || !line.includes(':1:')) return line;
  const m = kFrameLocation.exec(line);
  if (!m || m[2] !== '1') return line;
  const offset = firstLineOffsets.get(m[1]);
  if (offset === undefined) return line;
  const col = Math.max(1, Number(m[3]) - offset);
  return line.slice(0, m.index) + line.slice(m.index).replace(`${m[1]}:1:${m[3]}`, `${m[1]}:1:${col}`);
}

// The host's entry points into JS (Python calls them) and the tick drain
// after each callback stand where Node has C++ (MakeCallback,
// InternalCallbackScope::Close), which V8 shows no frames for.
function isHostEntryFrame(line) {
  return line.includes('(node:internal/bootstrap/node:') ||
    line.startsWith('    at afterCallback (node:internal/process/task_queues:');
}

function trimFrames(frames, skip) {
  if (typeof frames !== 'string') return '';
  let lines = frames.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  // Frames of the constructor wrappers themselves.
  while (skip > 0 && lines.length && lines[0].endsWith('(native)')) lines.shift();
  if (skip > 0) lines = lines.slice(skip);
  // V8 shows no frame for Function.prototype.apply/call or Reflect.apply.
  lines = lines.filter((l) => l !== '    at apply (native)' && l !== '    at call (native)' &&
    !isHostEntryFrame(l));
  lines = lines.map(fixFrame);
  const limit = OrigError.stackTraceLimit;
  if (typeof limit === 'number' && limit >= 0 && lines.length > limit) lines = lines.slice(0, limit);
  return lines.join('\n');
}

// Error.prepareStackTrace(error, callSites): V8's hook for formatting
// err.stack.  The call sites are rebuilt from the formatted frames.
const kFrameLine = /^\s*at (?:(.*?) \((.*)\)|(.*))$/;
const kFramePosition = /^(.*):(\d+):(\d+)$/;

function makeCallSite(line) {
  const m = kFrameLine.exec(line);
  if (m === null) return null;
  let name = m[3] === undefined ? m[1] : null;
  const where = m[3] === undefined ? m[2] : m[3];
  const native = where === 'native';
  const pos = native ? null : kFramePosition.exec(where);
  const file = native ? null : (pos ? pos[1] : where);
  const isConstructor = name !== null && name.startsWith('new ');
  if (isConstructor) name = name.slice(4);
  if (name === '<anonymous>' || name === '<eval>') name = null;
  let typeName = null;
  let methodName = name;
  if (name !== null && name.includes('.')) {
    const dot = name.lastIndexOf('.');
    typeName = name.slice(0, dot);
    methodName = name.slice(dot + 1);
    // A module's top level (`Object.<anonymous>`): a receiver, no name.
    if (methodName === '<anonymous>') name = methodName = null;
  }
  return {
    __proto__: CallSitePrototype,
    [kCallSite]: {
      name, typeName, methodName, file, native, isConstructor,
      line: pos ? Number(pos[2]) : null,
      column: pos ? Number(pos[3]) : null,
      text: line.replace(/^\s*at /, ''),
    },
  };
}
const kCallSite = Symbol('kCallSite');
const CallSitePrototype = {
  getThis() { return undefined; },
  getTypeName() { return this[kCallSite].typeName; },
  getFunction() { return undefined; },
  getFunctionName() { return this[kCallSite].name; },
  getMethodName() { return this[kCallSite].methodName; },
  getFileName() { return this[kCallSite].file ?? undefined; },
  getScriptNameOrSourceURL() { return this[kCallSite].file ?? undefined; },
  getLineNumber() { return this[kCallSite].line; },
  getColumnNumber() { return this[kCallSite].column; },
  getEnclosingLineNumber() { return this[kCallSite].line; },
  getEnclosingColumnNumber() { return this[kCallSite].column; },
  getPosition() { return 0; },
  getScriptHash() { return ''; },
  getEvalOrigin() { return undefined; },
  getPromiseIndex() { return null; },
  isToplevel() { return this[kCallSite].typeName === null; },
  isEval() { return false; },
  isNative() { return this[kCallSite].native; },
  isConstructor() { return this[kCallSite].isConstructor; },
  isAsync() { return false; },
  isPromiseAll() { return false; },
  toString() { return this[kCallSite].text; },
};

let preparingStackTrace = false;

// The default hook (Node exposes one): the header, then one line per site.
function ErrorPrepareStackTrace(error, trace) {
  const header = stackHeader(error);
  if (!Array.isArray(trace) || trace.length === 0) return header;
  return `${header}\n    at ${trace.join('\n    at ')}`;
}

function formatStack(err, frames) {
  const prepare = globalThis.Error.prepareStackTrace;
  if (typeof prepare === 'function' && prepare !== ErrorPrepareStackTrace &&
      !preparingStackTrace) {
    const sites = [];
    for (const line of frames ? frames.split('\n') : []) {
      const site = makeCallSite(line);
      if (site !== null) sites.push(site);
    }
    preparingStackTrace = true;
    try {
      return prepare(err, sites);
    } finally {
      preparingStackTrace = false;
    }
  }
  return frames ? `${stackHeader(err)}\n${frames}` : stackHeader(err);
}

function defineLazyStack(err, frames) {
  let value;
  let done = false;
  Object.defineProperty(err, 'stack', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      if (!done) {
        done = true;
        value = formatStack(this, frames);
      }
      return value;
    },
    set(v) {
      done = true;
      value = v;
    },
  });
}

function wrapErrorConstructor(name) {
  const Orig = globalThis[name];
  if (typeof Orig !== 'function') return;
  const Wrapped = {
    [name]: function(...args) {
      const err = Reflect.construct(Orig, args, new.target || Wrapped);
      // Frame 0 is this wrapper.
      defineLazyStack(err, trimFrames(err.stack, 1));
      return err;
    },
  }[name];
  Object.defineProperty(Wrapped, 'prototype', { value: Orig.prototype, writable: false });
  Object.defineProperty(Orig.prototype, 'constructor', {
    value: Wrapped, writable: true, configurable: true, enumerable: false,
  });
  Object.setPrototypeOf(Wrapped, name === 'Error' ? Function.prototype : globalThis.Error);
  for (const key of Reflect.ownKeys(Orig)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    Object.defineProperty(Wrapped, key, Object.getOwnPropertyDescriptor(Orig, key));
  }
  Object.defineProperty(globalThis, name, {
    value: Wrapped, writable: true, configurable: true, enumerable: false,
  });
}

wrapErrorConstructor('Error');
for (const name of ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError',
  'EvalError', 'URIError', 'AggregateError', 'InternalError']) {
  wrapErrorConstructor(name);
}
Error.stackTraceLimit = 10;
Error.prepareStackTrace = ErrorPrepareStackTrace;

Error.captureStackTrace = function captureStackTrace(obj, constructorOpt) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
    throw new TypeError('Invalid argument');
  }
  let frames = new OrigError().stack;
  frames = trimFrames(frames, 1);
  if (typeof constructorOpt === 'function' && constructorOpt.name) {
    const lines = frames.split('\n');
    const marker = `at ${constructorOpt.name} `;
    const markerNew = `at new ${constructorOpt.name} `;
    const idx = lines.findIndex((l) => l.includes(marker) || l.includes(markerNew));
    if (idx !== -1) frames = lines.slice(idx + 1).join('\n');
  }
  defineLazyStack(obj, frames);
};

// Errors created by the engine itself (a TypeError from `null.x`) keep
// QuickJS's frame-only stack; printing paths call this to show them as V8 does.
function fullStack(err) {
  const stack = err && err.stack;
  if (typeof stack !== 'string') return undefined;
  if (/^\s+at /.test(stack) || stack === '') {
    return `${stackHeader(err)}${stack ? '\n' + stack.replace(/\n$/, '') : ''}`;
  }
  return stack;
}

// Node 20 has Symbol.dispose / Symbol.asyncDispose (QuickJS has neither);
// defined before any builtin loads so that all agree on one symbol.
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, {
      __proto__: null, value: Symbol(`nodejs.${name}`), writable: false, enumerable: false, configurable: false,
    });
  }
}

// WeakRef: the spec keeps a WeakRef's target (on creation and on every
// successful deref()) alive until the current job's microtasks are done.
// QuickJS frees a target as soon as its last strong reference goes, so
// `new WeakRef(make()).deref()` would already be undefined.  Kept targets
// are held here until task_queues' microtask checkpoint clears them.
let keptObjects = [];
const NativeWeakRef = globalThis.WeakRef;
if (typeof NativeWeakRef === 'function') {
  const nativeDeref = NativeWeakRef.prototype.deref;
  const WeakRef = class WeakRef extends NativeWeakRef {
    constructor(target) {
      super(target);
      keptObjects.push(target);
    }

    deref() {
      const target = Reflect.apply(nativeDeref, this, []);
      if (target !== undefined) keptObjects.push(target);
      return target;
    }
  };
  Object.defineProperty(globalThis, 'WeakRef', {
    __proto__: null, value: WeakRef, writable: true, enumerable: false, configurable: true,
  });
}

function clearKeptObjects() {
  if (keptObjects.length !== 0) keptObjects = [];
}

// ---------------------------------------------------------------------------
// Builtin modules: polyfills/<id>.js, CommonJS, each with internalBinding.
// ---------------------------------------------------------------------------
const moduleCache = new Map();
const kWrapperParams = 'exports, require, module, process, internalBinding, __filename, __dirname';
let processObject; // set once internal/bootstrap/node has built it

function canBeRequiredByUsers(id) {
  return builtinIds.has(id) && !id.startsWith('internal/');
}

function compileOrThrow(source, filename, params) {
  const fn = compileFunction(source, filename, params);
  if (typeof fn === 'function') {
    firstLineOffsets.set(filename, `(function (${params}) {`.length);
    return fn;
  }
  const [name, message, location] = fn;
  firstLineOffsets.set(filename, `(function (${params}) {`.length);
  const Ctor = globalThis[name] || SyntaxError;
  const err = new Ctor(message);
  // The error's place in the source, where Node's report puts the caret.
  const where = typeof location === 'string' ? location.split('\n')[0] : '';
  if (where) defineLazyStack(err, fixFrame(where));
  throw err;
}

function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  const cached = moduleCache.get(id);
  if (cached !== undefined) return cached.exports;
  const source = getSource(id);
  if (source === null || source === undefined) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const filename = `node:${id}`;
  const fn = compileOrThrow(source, filename, kWrapperParams);
  const module = { exports: {}, id, filename, loaded: false };
  moduleCache.set(id, module);
  try {
    fn.call(undefined, module.exports, requireBuiltin, module, processObject,
            internalBinding, filename, 'node:');
  } catch (err) {
    moduleCache.delete(id);
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

// ---------------------------------------------------------------------------
// Vendored npm packages (polyfills/node_modules, installed by
// `npm ci --prefix polyfills`; see polyfills/package.json).  Builtins load
// their files with requireDep('readable-stream/lib/stream.js').  Inside them,
// require() resolves relative paths and other packages within node_modules,
// Node builtin ids to our builtins, and the npm shims of Node builtins
// (`process/`, `abort-controller` ...) to the real thing.
// ---------------------------------------------------------------------------
const { readDep } = builtinsBinding;
const kDepPrefix = 'internal/deps/';
const kDepWrapperParams = 'exports, require, module, __filename, __dirname';

// Bare requests (from inside a vendored package) answered by builtins: a
// builtin id, or a function.  While a builtin does not exist yet the npm
// package itself is used.
const depAliases = {
  __proto__: null,
  'process': () => processObject,
  'process/': () => processObject,
  'buffer/': 'buffer',
  'events/': 'events',
  'string_decoder/': 'string_decoder',
  'util/': 'util',
  'abort-controller': () => {
    if (!builtinIds.has('internal/abort_controller')) return undefined;
    const { AbortController, AbortSignal } = requireBuiltin('internal/abort_controller');
    return { AbortController, AbortSignal, default: AbortController };
  },
};

// Files of vendored packages replaced by our builtins (so that errors,
// formatting ... come out exactly as Node's).
const depRedirects = {
  __proto__: null,
  'readable-stream/lib/ours/errors.js': 'internal/errors',
  'readable-stream/lib/ours/util/inspect.js': 'internal/util/inspect',
};

function normalizeDepPath(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return out.join('/');
}

// Source edits that bring a vendored file to the behaviour of Node 20
// (builtin internal/deps/patches: { path: [[search, replacement], ...] }).
let depPatches;
function patchDepSource(path, source) {
  if (depPatches === undefined) {
    depPatches = builtinIds.has('internal/deps/patches') ? requireBuiltin('internal/deps/patches') : {};
  }
  const edits = depPatches[path];
  if (source === null || edits === undefined) return source;
  for (const [search, replacement] of edits) {
    if (!source.includes(search)) {
      throw new Error(`internal/deps/patches: ${path} does not contain ${JSON.stringify(search)}`);
    }
    source = source.replace(search, () => replacement);
  }
  return source;
}

const depSources = new Map();
function depSource(path) {
  if (!depSources.has(path)) depSources.set(path, readDep(path) ?? null);
  return depSources.get(path);
}

function resolveDepFile(path) {
  if (path === null || path === '') return null;
  if (depRedirects[path] !== undefined) return path;
  for (const ext of ['', '.js', '.json']) {
    if (!/\.(js|json)$/.test(path + ext)) continue;
    if (depRedirects[path + ext] !== undefined || depSource(path + ext) !== null) return path + ext;
  }
  const pkg = depSource(`${path}/package.json`);
  if (pkg !== null) {
    let main;
    try { main = JSON.parse(pkg).main; } catch { main = undefined; }
    if (typeof main === 'string' && main) {
      const resolved = resolveDepFile(normalizeDepPath(`${path}/${main}`));
      if (resolved !== null) return resolved;
    }
  }
  for (const index of ['index.js', 'index.json']) {
    if (depSource(`${path}/${index}`) !== null) return `${path}/${index}`;
  }
  return null;
}

// `memo` (request -> module record), when given, remembers what a request
// from one vendored file resolved to: readable-stream requires './duplex' in
// every stream constructor, and resolving the path each time cost more than
// the constructor itself.
function requireDep(request, parentPath = '', memo = undefined) {
  let path;
  if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')) {
    const dir = parentPath.slice(0, parentPath.lastIndexOf('/') + 1);
    path = normalizeDepPath(dir + request);
  } else {
    if (request.startsWith('node:')) return requireBuiltin(request);
    const alias = depAliases[request];
    if (typeof alias === 'function') {
      const value = alias();
      if (value !== undefined) return value;
    } else if (alias !== undefined && builtinIds.has(alias)) {
      return requireBuiltin(alias);
    }
    if (parentPath !== '' && canBeRequiredByUsers(request)) return requireBuiltin(request);
    path = normalizeDepPath(request);
  }
  const file = resolveDepFile(path);
  if (file === null) {
    const err = new Error(`Cannot find module '${request}' (vendored package files under ` +
                          `${builtinsBinding.npmRoot}; run \`npm ci --prefix polyfills\`)`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const redirect = depRedirects[file];
  if (redirect !== undefined) return requireBuiltin(redirect);
  const id = kDepPrefix + file;
  const cached = moduleCache.get(id);
  if (cached !== undefined) {
    if (memo !== undefined && cached.loaded) memo.set(request, cached);
    return cached.exports;
  }
  const module = { exports: {}, id, filename: `node:${id}`, loaded: false };
  if (file.endsWith('.json')) {
    module.exports = JSON.parse(depSource(file));
    module.loaded = true;
    moduleCache.set(id, module);
    return module.exports;
  }
  // Node's CommonJS wrapper: a package may declare its own `process`.
  const fn = compileOrThrow(patchDepSource(file, depSource(file)), module.filename, kDepWrapperParams);
  moduleCache.set(id, module);
  const resolved = new Map();
  const depRequire = (req) => {
    const record = resolved.get(req);
    return record !== undefined ? record.exports : requireDep(req, file, resolved);
  };
  try {
    fn.call(module.exports, module.exports, depRequire, module, module.filename, 'node:');
  } catch (err) {
    moduleCache.delete(id);
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

const loaderExports = {
  requireBuiltin,
  requireDep,
  canBeRequiredByUsers,
  builtinIds,
  compileOrThrow,
  fullStack,
  clearKeptObjects,
  trimFrames,
  firstLineOffsets,
  exposeInternals: !!native.exposeInternals,
  setProcess(p) { processObject = p; },
};
moduleCache.set('internal/bootstrap/realm', { exports: loaderExports, loaded: true });

// Build process and the globals, then hand the loop its entry points.
const hooks = requireBuiltin('internal/bootstrap/node');
// The Python host API (runtime/api.py) loads internal/host_api through it.
return { ...hooks, requireBuiltin };
