// Assorted internal helpers (node:internal/util).
'use strict';

const {
  codes: { ERR_UNKNOWN_SIGNAL, ERR_INVALID_ARG_TYPE },
  uvErrmapGet,
  getUvErrorMap,
} = require('internal/errors');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');
const SymbolDispose = Symbol.dispose || Symbol('Symbol.dispose');
const SymbolAsyncDispose = Symbol.asyncDispose || Symbol('Symbol.asyncDispose');

const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);

const codesWarned = new Set();

function getDeprecationWarningEmitter(code, msg, deprecated, useEmitSync, shouldEmitWarning = () => true) {
  let warned = false;
  return function emitDeprecationWarning(arg) {
    if (warned || !shouldEmitWarning(arg)) return;
    warned = true;
    if (code !== undefined) {
      if (codesWarned.has(code)) return;
      codesWarned.add(code);
      process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
    } else {
      process.emitWarning(msg, 'DeprecationWarning', deprecated);
    }
  };
}

function isPendingDeprecation() {
  return Boolean(process.execArgv && process.execArgv.includes('--pending-deprecation')) &&
    !process.execArgv.includes('--no-deprecation');
}

// Wrap `fn` so that its first call warns with a DeprecationWarning.
function deprecate(fn, msg, code, useEmitSync) {
  if (code !== undefined) require('internal/validators').validateString(code, 'code');
  const emit = getDeprecationWarningEmitter(code, msg, deprecated, useEmitSync);
  function deprecated(...args) {
    if (!process.noDeprecation) emit();
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function pendingDeprecate(fn, msg, code) {
  const emit = getDeprecationWarningEmitter(code, msg, deprecated);
  function deprecated(...args) {
    if (isPendingDeprecation()) emit();
    return Reflect.apply(fn, this, args);
  }
  return deprecated;
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}

// Canonical Buffer encoding name, or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') enc = `${enc}`;
  switch (enc.toLowerCase()) {
    case 'utf8':
    case 'utf-8':
    case '':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
      return 'base64';
    case 'base64url':
      return 'base64url';
    case 'hex':
      return 'hex';
    case 'ascii':
      return 'ascii';
    default:
      return undefined;
  }
}

const encodingsMap = { __proto__: null };
['utf8', 'ucs2', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'].forEach((name, i) => {
  encodingsMap[name] = i;
});

let signalsToNames;
function signals() {
  return internalBinding('constants').os.signals;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number') {
    if (signalsToNames === undefined) {
      signalsToNames = { __proto__: null };
      const table = signals();
      for (const name of Object.keys(table)) signalsToNames[table[name]] = name;
    }
    if (signalsToNames[signal]) return signal;
  } else if (typeof signal === 'string') {
    const number = signals()[signal.toUpperCase()];
    if (number) return number;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function getSystemErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return getUvErrorMap();
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function isError(e) {
  const { isNativeError } = require('internal/util/types');
  return isNativeError(e) || e instanceof Error;
}

// Run `fn` once; later calls return the first result.
function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (const item of items) {
    const key = item.toLowerCase();
    if (low) map.set(key, key);
    else map.set(key, item);
  }
  return Array.from(map.values()).sort();
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function promisify(original) {
  const { validateFunction } = require('internal/validators');
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const custom = original[kCustomPromisifiedSymbol];
    validateFunction(custom, 'util.promisify.custom');
    return Object.defineProperty(custom, kCustomPromisifiedSymbol, {
      __proto__: null, value: custom, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const result = {};
          for (let i = 0; i < argumentNames.length; i++) result[argumentNames[i]] = values[i];
          resolve(result);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) Object.setPrototypeOf(descriptors[key], null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const last = output.length - 1;
    for (let i = 0; i < last; i++) str += output[i] + separator;
    str += output[last];
  }
  return str;
}

// Faster than Array#splice for a single element.
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

const kColorRegExp = /\u001b\[\d\d?m/g;
function removeColors(str) {
  return String.prototype.replace.call(str, kColorRegExp, '');
}

function sleep(msec) {
  require('internal/validators').validateUint32(msec, 'msec');
  internalBinding('util').sleep(msec);
}

function getLazy(initializer) {
  let value;
  let done = false;
  return () => {
    if (!done) {
      value = initializer();
      done = true;
    }
    return value;
  };
}

// Properties of `target` that load `id` on first access.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (const key of keys) {
    let lazyValue;
    let set = false;
    function get() {
      if (set) return lazyValue;
      mod ??= require(id);
      lazyValue = mod[key];
      set = true;
      return lazyValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    function setter(value) {
      Object.defineProperty(this, key, {
        __proto__: null, writable: true, value, enumerable, configurable: true,
      });
    }
    Object.defineProperty(setter, 'name', { __proto__: null, value: `set ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set: setter };
  }
  Object.defineProperties(target, descriptors);
}

function defineReplaceableLazyAttribute(target, id, keys, writable = true, check) {
  let mod;
  for (const key of keys) {
    let value;
    let set = false;
    function get() {
      if (check !== undefined) check(this);
      if (set) return value;
      mod ??= require(id);
      value = mod[key];
      set = true;
      return value;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    function setter(v) {
      if (check !== undefined) check(this);
      value = v;
      set = true;
    }
    Object.defineProperty(setter, 'name', { __proto__: null, value: `set ${key}` });
    Object.defineProperty(target, key, {
      __proto__: null, enumerable: true, configurable: true, get, set: writable ? setter : undefined,
    });
  }
}

function exposeInterface(target, name, interfaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true, value: interfaceObject,
  });
}

function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

function exposeNamespace(target, name, namespaceObject) {
  exposeInterface(target, name, namespaceObject);
}

function exposeGetterAndSetter(target, name, getter, setter = undefined) {
  Object.defineProperty(target, name, {
    __proto__: null, enumerable: false, configurable: true, get: getter, set: setter,
  });
}

function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value, writable: true,
  });
}

function filterOwnProperties(source, keys) {
  const filtered = { __proto__: null };
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(source, key)) filtered[key] = source[key];
  }
  return filtered;
}

let domExceptionClass;
function lazyDOMExceptionClass() {
  domExceptionClass ??= require('internal/per_context/domexception').DOMException;
  return domExceptionClass;
}

function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  return new DOMException(message, name);
}

function isArrayBufferDetached(value) {
  if (value.byteLength === 0) {
    try {
      new Uint8Array(value);
    } catch {
      return true;
    }
    return value.detached === true;
  }
  return false;
}

function guessHandleType() {
  return 'UNKNOWN';
}

function isUnderNodeModules(filename) {
  return typeof filename === 'string' && /[\\/]node_modules[\\/]/.test(filename);
}

// Whether the nearest caller outside Node's own code (the first stack frame
// whose file is an absolute path) lives in a node_modules folder.
function isInsideNodeModules() {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return false;
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:.*? \()?(.*?)(?::\d+:\d+)?\)?$/.exec(line);
    if (m === null) continue;
    const filename = m[1];
    if (!/^\/|\\/.test(filename)) continue;
    return /^(.*)[\\/]node_modules[\\/]/.test(filename);
  }
  return false;
}

function assertCrypto() {
  throw new (require('internal/errors').codes.ERR_NO_CRYPTO)();
}

// Regexp helpers that do not disturb `lastIndex` or the regexp's own state.
function SideEffectFreeRegExpPrototypeExec(regex, string) {
  return new RegExp(regex.source, regex.flags).exec(string);
}
function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string, replacement) {
  return new RegExp(regex.source, regex.flags)[Symbol.replace](string, replacement);
}
function SideEffectFreeRegExpPrototypeSymbolSplit(regex, string, limit = undefined) {
  return new RegExp(regex.source, regex.flags)[Symbol.split](string, limit);
}

class WeakReference {
  #target;
  #strong = null;
  #count = 0;
  constructor(object) {
    this.#target = new WeakRef(object);
  }

  incRef() {
    this.#count++;
    if (this.#count === 1) this.#strong = this.#target.deref();
    return this.#count;
  }

  decRef() {
    this.#count--;
    if (this.#count === 0) this.#strong = null;
    return this.#count;
  }

  get() {
    return this.#target.deref();
  }
}

function decorateErrorStack(err) {
  return err;
}

function getStructuredStack() {
  return [];
}

function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  let lastPos = 0;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  for (let i = 0; i < netmask.length; i++) {
    if (netmask[i] !== split) {
      if (i + 1 < netmask.length) continue;
      i++;
    }
    const part = netmask.slice(lastPos, i);
    lastPos = i + 1;
    if (part !== '') {
      if (hasZeros) {
        if (part !== '0') return null;
      } else {
        let binary = parseInt(part, range).toString(2);
        while (binary.length < groupLength) binary = `0${binary}`;
        const zero = binary.indexOf('0');
        ones += zero === -1 ? groupLength : zero;
        if (zero !== -1 && binary.slice(zero).includes('1')) return null;
        hasZeros = zero !== -1;
      }
    }
  }
  return `${address}/${ones}`;
}

module.exports = {
  assertCrypto,
  cachedResult,
  convertToValidSignal,
  createDeferredPromise,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  decorateErrorStack,
  defineLazyProperties,
  defineOperation,
  defineReplaceableLazyAttribute,
  deprecate,
  emitExperimentalWarning,
  encodingsMap,
  exposeGetterAndSetter,
  exposeInterface,
  exposeLazyInterfaces,
  exposeNamespace,
  filterDuplicateStrings,
  filterOwnProperties,
  getCIDR,
  getConstructorOf,
  getDeprecationWarningEmitter,
  getLazy,
  getStructuredStack,
  getSystemErrorMap,
  getSystemErrorName,
  guessHandleType,
  isArrayBufferDetached,
  isError,
  isPendingDeprecation,
  isUnderNodeModules,
  isInsideNodeModules,
  join,
  kCustomPromisifiedSymbol,
  kEmptyObject,
  kEnumerableProperty,
  kIsEncodingSymbol,
  kVmBreakFirstLineSymbol,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  pendingDeprecate,
  promisify,
  removeColors,
  setOwnProperty,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  SymbolAsyncDispose,
  SymbolDispose,
  WeakReference,
};
