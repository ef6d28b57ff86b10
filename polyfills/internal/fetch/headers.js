// The WHATWG Fetch `Headers` class (a global in Node, where it comes from
// undici).  Only the class: there is no fetch() here.  Behaviour follows the
// Fetch standard with guard "none": names are checked as HTTP tokens, values
// are trimmed of leading/trailing HTTP whitespace and may not hold NUL, CR or
// LF; iteration is sorted by lower-cased name, combines repeated fields with
// ", " and yields each Set-Cookie on its own.
'use strict';

const kList = Symbol('headers list');
const kCookies = Symbol('set-cookie values');
const kSorted = Symbol('sorted cache');
const kIter = Symbol('iterator state');

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\0\r\n]/;
const HTTP_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function illegal() {
  return new TypeError('Illegal invocation');
}

function check(self) {
  if (self == null || typeof self !== 'object' || !(kList in self)) throw illegal();
}

function requireArgs(prefix, count, required) {
  if (count < required) {
    throw new TypeError(`${prefix}: ${required} argument${required === 1 ? '' : 's'} required, ` +
      `but only ${count} found.`);
  }
}

function toByteString(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const s = `${v}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at ' +
        `index ${i} has a value of ${c} which is greater than 255.`);
    }
  }
  return s;
}

function checkName(prefix, name) {
  if (!TOKEN.test(name)) throw new TypeError(`${prefix}: "${name}" is an invalid header name.`);
}

function normalizeValue(prefix, value) {
  const v = value.replace(HTTP_WS, '');
  if (BAD_VALUE.test(v)) throw new TypeError(`${prefix}: "${v}" is an invalid header value.`);
  return v;
}

function appendTo(headers, prefix, name, value) {
  name = toByteString(name);
  value = normalizeValue(prefix, toByteString(value));
  checkName(prefix, name);
  const key = name.toLowerCase();
  const list = headers[kList];
  const entry = list.get(key);
  if (entry === undefined) list.set(key, { name, value });
  else entry.value += `, ${value}`;
  if (key === 'set-cookie') headers[kCookies].push(value);
  headers[kSorted] = null;
}

function fill(headers, init) {
  if (init === undefined) return;
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
      'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  const iter = init[Symbol.iterator];
  if (iter !== undefined && iter !== null) {
    if (typeof iter !== 'function') {
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
        'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    const pairs = [];
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
          'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
      }
      pairs.push(Array.from(pair, toByteString));
    }
    for (const pair of pairs) {
      if (pair.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair to be length 2, ' +
          `found ${pair.length}.`);
      }
      appendTo(headers, 'Headers constructor', pair[0], pair[1]);
    }
    return;
  }
  const record = [];
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    if (typeof key === 'symbol') {
      throw new TypeError('Headers constructor: Key Symbol() in init is a symbol, which cannot be ' +
        'converted to a ByteString.');
    }
    record.push([toByteString(key), toByteString(init[key])]);
  }
  for (const [name, value] of record) appendTo(headers, 'Headers constructor', name, value);
}

// The sort-and-combine list of the standard; cached until the next change.
function sortedList(headers) {
  let sorted = headers[kSorted];
  if (sorted) return sorted;
  sorted = [];
  const keys = Array.from(headers[kList].keys()).sort();
  for (const key of keys) {
    if (key === 'set-cookie') {
      for (const v of headers[kCookies]) sorted.push([key, v]);
    } else {
      sorted.push([key, headers[kList].get(key).value]);
    }
  }
  headers[kSorted] = sorted;
  return sorted;
}

class Headers {
  constructor(init = undefined) {
    this[kList] = new Map();
    this[kCookies] = [];
    this[kSorted] = null;
    fill(this, init);
  }

  append(name, value) {
    check(this);
    requireArgs('Headers.append', arguments.length, 2);
    appendTo(this, 'Headers.append', name, value);
  }

  delete(name) {
    check(this);
    requireArgs('Headers.delete', arguments.length, 1);
    name = toByteString(name);
    checkName('Headers.delete', name);
    const key = name.toLowerCase();
    if (!this[kList].delete(key)) return;
    if (key === 'set-cookie') this[kCookies] = [];
    this[kSorted] = null;
  }

  get(name) {
    check(this);
    requireArgs('Headers.get', arguments.length, 1);
    name = toByteString(name);
    checkName('Headers.get', name);
    const entry = this[kList].get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    check(this);
    requireArgs('Headers.has', arguments.length, 1);
    name = toByteString(name);
    checkName('Headers.has', name);
    return this[kList].has(name.toLowerCase());
  }

  set(name, value) {
    check(this);
    requireArgs('Headers.set', arguments.length, 2);
    name = toByteString(name);
    value = normalizeValue('Headers.set', toByteString(value));
    checkName('Headers.set', name);
    const key = name.toLowerCase();
    const entry = this[kList].get(key);
    if (entry === undefined) this[kList].set(key, { name, value });
    else entry.value = value;
    if (key === 'set-cookie') this[kCookies] = [value];
    this[kSorted] = null;
  }

  getSetCookie() {
    check(this);
    return this[kCookies].slice();
  }

  keys() {
    check(this);
    return makeIterator(this, 'key');
  }

  values() {
    check(this);
    return makeIterator(this, 'value');
  }

  entries() {
    check(this);
    return makeIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    check(this);
    requireArgs('Headers.forEach', arguments.length, 1);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    // Live over the list, as the standard's iteration is.
    for (let i = 0; i < sortedList(this).length; i++) {
      const [key, value] = sortedList(this)[i];
      Reflect.apply(callback, thisArg, [value, key, this]);
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const out = {};
    for (const { name, value } of this[kList].values()) out[name] = value;
    const { inspect } = require('internal/util/inspect');
    return `Headers ${inspect(out, { ...options, depth: options && options.depth != null ? options.depth : depth })}`;
  }
}

Object.defineProperty(Headers.prototype, Symbol.iterator, {
  __proto__: null, value: Headers.prototype.entries, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(Headers.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Headers', configurable: true,
});
for (const name of ['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys', 'values',
  'entries', 'forEach']) {
  Object.defineProperty(Headers.prototype, name, { __proto__: null, enumerable: true });
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const HeadersIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    __proto__: null,
    writable: true,
    configurable: true,
    enumerable: true,
    value: function next() {
      const state = this != null ? this[kIter] : undefined;
      if (state === undefined) throw illegal();
      const list = sortedList(state.headers);
      if (state.index >= list.length) return { value: undefined, done: true };
      const [key, value] = list[state.index++];
      if (state.kind === 'key') return { value: key, done: false };
      if (state.kind === 'value') return { value, done: false };
      return { value: [key, value], done: false };
    },
  },
  [Symbol.toStringTag]: { __proto__: null, value: 'Headers Iterator', configurable: true },
});

function makeIterator(headers, kind) {
  const it = Object.create(HeadersIteratorPrototype);
  it[kIter] = { headers, kind, index: 0 };
  return it;
}

module.exports = { Headers };
