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
    if (key === 'TZ') pm.setTimezone(text);
    return true;
  }

  return new Proxy(store, {
    __proto__: null,
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
      if (had && key === 'TZ') pm.setTimezone(null);
      return true;
    },
    has(target, key) {
      if (typeof key === 'symbol') return false;
      return Reflect.has(target, key);
    },
    preventExtensions() {
      throw new TypeError('Cannot freeze');
    },
  });
}

module.exports = { createEnv };
