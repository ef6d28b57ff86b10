// structuredClone over the HTML structured-serialize rules QuickJS lacks:
// cycles and shared references kept, Map/Set/Date/RegExp/ArrayBuffer/typed
// arrays/Error cloned, functions and symbols -> DataCloneError.
'use strict';

function dataCloneError(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'DataCloneError');
}

const kErrorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_MISSING_ARGS('value');
  }
  const transfer = options && options.transfer;
  const memory = new Map();

  function clone(v) {
    if (typeof v === 'function') throw dataCloneError(`${String(v).slice(0, 60)} could not be cloned.`);
    if (typeof v === 'symbol') throw dataCloneError(`${String(v)} could not be cloned.`);
    if (v === null || typeof v !== 'object') return v;
    if (memory.has(v)) return memory.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    if (v instanceof Date) out = new Date(v.getTime());
    else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
    else if (v instanceof ArrayBuffer) out = v.slice(0);
    else if (ArrayBuffer.isView(v)) {
      const buffer = clone(v.buffer);
      // By tag, not constructor: a Buffer clones to a plain Uint8Array.
      out = v instanceof DataView ? new DataView(buffer, v.byteOffset, v.byteLength) :
        new globalThis[v[Symbol.toStringTag]](buffer, v.byteOffset, v.length);
    } else if (v instanceof Map) {
      out = new Map();
      memory.set(v, out);
      for (const [k, val] of v) out.set(clone(k), clone(val));
      return out;
    } else if (v instanceof Set) {
      out = new Set();
      memory.set(v, out);
      for (const k of v) out.add(clone(k));
      return out;
    } else if (v instanceof Error) {
      const name = kErrorNames.has(v.name) ? v.name : 'Error';
      out = new globalThis[name](v.message);
      memory.set(v, out);
      if (typeof v.stack === 'string') out.stack = v.stack;
      if ('cause' in v) out.cause = clone(v.cause);
      return out;
    } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
      out = Object(v.valueOf());
    } else if (typeof v.then === 'function' && v instanceof Promise) {
      throw dataCloneError('#<Promise> could not be cloned.');
    } else if (v instanceof WeakMap || v instanceof WeakSet) {
      throw dataCloneError(`#<${v.constructor.name}> could not be cloned.`);
    } else {
      out = {};
      memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    memory.set(v, out);
    return out;
  }

  const result = clone(value);
  if (Array.isArray(transfer)) {
    for (const t of transfer) {
      if (t instanceof ArrayBuffer && typeof t.transfer === 'function') t.transfer();
    }
  }
  return result;
}

module.exports = { structuredClone };
