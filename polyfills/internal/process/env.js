// process.env: the environment as Node presents it (its native object with
// interceptors): every value is a string, symbols are refused, only plain
// data properties can be defined, and a TZ change reaches the clock.
'use strict';

// The proxy's target holds the variables themselves, so that code looking at
// the target (util.inspect, structuredClone) sees the environment.
function createEnv(initial, pm) {
  const store = {};
  for (const key of Object.keys(initial)) {
    Reflect.defineProperty(store, key, {
      __proto__: null, value: `${initial[key]}`, writable: true, enumerable: true, configurable: true,
    });
  }

  function invalidDescriptor(message) {
    const { codes } = require('internal/errors');
    return new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY(message);
  }

  // Shared with other threads (worker_threads SHARE_ENV): the variables
  // live in the binding's store; this thread's copy is refreshed from it
  // before each use and written through.
  let shared = typeof pm.envShared === 'function' && pm.envShared();
  function refresh() {
    if (!shared) return;
    const items = pm.envItems();
    const keys = new Set();
    for (let i = 0; i < items.length; i += 2) {
      keys.add(items[i]);
      Reflect.defineProperty(store, items[i], {
        __proto__: null, value: items[i + 1], writable: true, enumerable: true, configurable: true,
      });
    }
    for (const key of Object.keys(store)) {
      if (!keys.has(key)) Reflect.deleteProperty(store, key);
    }
  }
  if (shared) refresh();

  function share() {
    if (shared) return;
    const pairs = [];
    for (const key of Object.keys(store)) pairs.push(key, store[key]);
    pm.shareEnv(pairs);
    shared = true;
  }

  function store_(key, value) {
    if (typeof key === 'symbol' || typeof value === 'symbol') {
      throw new TypeError('Cannot convert a Symbol value to a string');
    }
    const text = `${value}`;
    // setenv() refuses these names; Node ignores the assignment.
    if (key === '' || key.includes('=') || key.includes('\0')) return true;
    Reflect.defineProperty(store, key, {
      __proto__: null, value: text, writable: true, enumerable: true, configurable: true,
    });
    if (shared) pm.envSet(key, text);
    if (key === 'TZ') pm.setTimezone(text);
    return true;
  }

  const env = new Proxy(store, {
    __proto__: null,
    get(target, key, receiver) {
      if (typeof key === 'string') refresh();
      return Reflect.get(target, key, receiver);
    },
    ownKeys(target) {
      refresh();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') refresh();
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set(target, key, value) {
      return store_(key, value);
    },
    defineProperty(target, key, desc) {
      if ('get' in desc || 'set' in desc) {
        throw invalidDescriptor(
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw invalidDescriptor("'process.env' only accepts a configurable, writable, " +
                                'and enumerable data descriptor');
      }
      return store_(key, desc.value);
    },
    deleteProperty(target, key) {
      if (typeof key === 'symbol') return true;
      const had = Object.prototype.hasOwnProperty.call(target, key);
      Reflect.deleteProperty(target, key);
      if (shared) pm.envSet(key, null);
      if (had && key === 'TZ') pm.setTimezone(null);
      return true;
    },
    has(target, key) {
      if (typeof key === 'symbol') return false;
      refresh();
      return Reflect.has(target, key);
    },
    preventExtensions() {
      throw new TypeError('Cannot freeze');
    },
  });
  envSharers.set(env, share);
  return env;
}

// process.env -> makes it the store shared with workers (SHARE_ENV).
const envSharers = new WeakMap();
function shareEnv(env) {
  const share = envSharers.get(env);
  if (share === undefined) return false;
  share();
  return true;
}

module.exports = { createEnv, shareEnv };
