// The global console: not made by `new Console()` but an object carrying
// Console.prototype's members bound to it, over process.stdout/stderr looked
// up lazily, plus the inspector-only methods V8's console has.
'use strict';

const {
  Console, kBindStreamsLazy, kBindProperties,
} = require('internal/console/constructor');

const globalConsole = { __proto__: {} };

for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
  if (typeof desc.value === 'function') {
    const name = desc.value.name;
    desc.value = desc.value.bind(globalConsole);
    Reflect.defineProperty(desc.value, 'name', { value: name });
  }
  Reflect.defineProperty(globalConsole, key, desc);
}

globalConsole[kBindStreamsLazy](process);
globalConsole[kBindProperties](true, 'auto');

// Kept for old code that reaches the constructor through the global console.
globalConsole.Console = Console;

// V8's console methods that only report to an attached inspector. nodeshim
// has no inspector, so these do what V8's do without one: nothing.
const inspectorOnly = {
  profile() {},
  profileEnd() {},
  timeStamp() {},
};
const kContextMethods = [
  'dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
  'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group',
  'groupCollapsed', 'assert', 'time', 'timeEnd', 'timeStamp',
];
function context(name) { // eslint-disable-line no-unused-vars -- V8 takes a label
  const result = {};
  for (const key of kContextMethods) {
    result[key] = { [key]() {} }[key];
  }
  return result;
}
function createTask() {
  const name = arguments[0];
  if (typeof name !== 'string' || name.length === 0) {
    throw new Error('First argument must be a non-empty string.');
  }
  return {
    run(fn) {
      if (typeof fn !== 'function') throw new Error('First argument must be a function.');
      return fn();
    },
  };
}
Object.assign(globalConsole, inspectorOnly, { context, createTask });

module.exports = globalConsole;
