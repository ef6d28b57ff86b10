// Value type checks (node:internal/util/types), done with brand-checking
// built-in methods where the language offers one, else with the
// built-in toStringTag.
'use strict';

const toStr = Object.prototype.toString;
const getterOf = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;

function brand(fn) {
  return (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getterOf(TypedArrayPrototype, Symbol.toStringTag);
function typedArrayName(value) {
  return typedArrayTag.call(value);
}

const mapSize = getterOf(Map.prototype, 'size');
const setSize = getterOf(Set.prototype, 'size');
const abByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  getterOf(SharedArrayBuffer.prototype, 'byteLength') : null;
const dvByteLength = getterOf(DataView.prototype, 'byteLength');
const regexpSource = getterOf(RegExp.prototype, 'source');

const isDate = brand((v) => Date.prototype.getTime.call(v));
const isMap = brand((v) => mapSize.call(v));
const isSet = brand((v) => setSize.call(v));
const isWeakMap = brand((v) => WeakMap.prototype.has.call(v, {}));
const isWeakSet = brand((v) => WeakSet.prototype.has.call(v, {}));
const isArrayBuffer = brand((v) => abByteLength.call(v));
const isSharedArrayBuffer = sabByteLength === null ? () => false : brand((v) => sabByteLength.call(v));
const isDataView = brand((v) => dvByteLength.call(v));
const regexpBrand = brand((v) => regexpSource.call(v));
function isRegExp(value) {
  return value !== RegExp.prototype && regexpBrand(value);
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function isTypedArray(value) {
  return typedArrayName(value) !== undefined;
}

function typedArrayCheck(name) {
  return (value) => typedArrayName(value) === name;
}

function primitiveBrand(type, valueOf) {
  return (value) => {
    if (value === null || typeof value !== 'object') return false;
    try {
      valueOf.call(value);
      return true;
    } catch {
      return false;
    }
  };
}

const isNumberObject = primitiveBrand('number', Number.prototype.valueOf);
const isStringObject = primitiveBrand('string', String.prototype.valueOf);
const isBooleanObject = primitiveBrand('boolean', Boolean.prototype.valueOf);
const isBigIntObject = primitiveBrand('bigint', BigInt.prototype.valueOf);
const isSymbolObject = primitiveBrand('symbol', Symbol.prototype.valueOf);

function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

function tagIs(tag) {
  return (value) => value !== null && (typeof value === 'object' || typeof value === 'function') &&
    toStr.call(value) === `[object ${tag}]`;
}

const isPromise = (value) => value instanceof Promise || tagIs('Promise')(value);
const isMapIterator = tagIs('Map Iterator');
const isSetIterator = tagIs('Set Iterator');
const isGeneratorObject = tagIs('Generator');
const isArgumentsObject = tagIs('Arguments');

function isModuleNamespaceObject(value) {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null &&
    value[Symbol.toStringTag] === 'Module';
}

function functionTag(value) {
  if (typeof value !== 'function') return '';
  return toStr.call(value);
}

function isAsyncFunction(value) {
  const tag = functionTag(value);
  return tag === '[object AsyncFunction]' || tag === '[object AsyncGeneratorFunction]';
}

function isGeneratorFunction(value) {
  const tag = functionTag(value);
  return tag === '[object GeneratorFunction]' || tag === '[object AsyncGeneratorFunction]';
}

function isNativeError(value) {
  if (typeof Error.isError === 'function') return Error.isError(value);
  return value !== null && typeof value === 'object' && toStr.call(value) === '[object Error]';
}

let proxyCheck = null;
function isProxy(value) {
  if (proxyCheck === null) {
    proxyCheck = () => false;
    try {
      const binding = internalBinding('util');
      if (binding && typeof binding.isProxy === 'function') proxyCheck = binding.isProxy;
    } catch {
      // no engine support
    }
  }
  return value !== null && (typeof value === 'object' || typeof value === 'function') && proxyCheck(value) === true;
}

// V8's External: an opaque native value, here a binding's host object.
// Those have a null prototype, which keeps the check off every other value.
let externalCheck = null;
function isExternal(value) {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== null) return false;
  externalCheck ??= internalBinding('util').isExternal;
  return externalCheck(value) === true;
}

function isKeyObject(value) {
  return value != null && value[Symbol.toStringTag] === 'KeyObject';
}

function isCryptoKey(value) {
  return value != null && value[Symbol.toStringTag] === 'CryptoKey';
}

module.exports = {
  isAnyArrayBuffer,
  isArgumentsObject,
  isArrayBuffer,
  isArrayBufferView,
  isAsyncFunction,
  isBigInt64Array: typedArrayCheck('BigInt64Array'),
  isBigIntObject,
  isBigUint64Array: typedArrayCheck('BigUint64Array'),
  isBooleanObject,
  isBoxedPrimitive,
  isCryptoKey,
  isDataView,
  isDate,
  isExternal,
  isFloat32Array: typedArrayCheck('Float32Array'),
  isFloat64Array: typedArrayCheck('Float64Array'),
  isGeneratorFunction,
  isGeneratorObject,
  isInt16Array: typedArrayCheck('Int16Array'),
  isInt32Array: typedArrayCheck('Int32Array'),
  isInt8Array: typedArrayCheck('Int8Array'),
  isKeyObject,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isNumberObject,
  isPromise,
  isProxy,
  isRegExp,
  isSet,
  isSetIterator,
  isSharedArrayBuffer,
  isStringObject,
  isSymbolObject,
  isTypedArray,
  isUint16Array: typedArrayCheck('Uint16Array'),
  isUint32Array: typedArrayCheck('Uint32Array'),
  isUint8Array: typedArrayCheck('Uint8Array'),
  isUint8ClampedArray: typedArrayCheck('Uint8ClampedArray'),
  isWeakMap,
  isWeakSet,
};
