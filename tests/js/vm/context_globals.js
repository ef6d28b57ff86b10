'use strict';
// The contextified object's properties are the context's globals: reads and
// writes reach the object, also from functions that run after the script.
const vm = require('vm');

const sandbox = { count: 1, list: [] };
vm.createContext(sandbox);
vm.runInContext('function bump() { count++; list.push(count); }', sandbox);
sandbox.bump();
sandbox.count = 10;
sandbox.bump();
console.log(sandbox.count, sandbox.list);

// New globals appear on the object; an unknown name is a ReferenceError.
vm.runInContext('made = 5; var declared = 6;', sandbox);
console.log(sandbox.made, sandbox.declared);
try {
  vm.runInContext('missing', sandbox);
} catch (err) {
  console.log(err.name, err.message);
}
console.log(vm.runInContext('typeof missing', sandbox));

// The object itself reads as the context's global.
sandbox.self = sandbox;
console.log(vm.runInContext('self === this', sandbox));

// A permanent property keeps its descriptor; a read-only one cannot be
// assigned (strict code gets a TypeError).
const frozen = {};
Object.defineProperty(frozen, 'x', { value: 1, writable: false, enumerable: false, configurable: false });
Object.defineProperty(frozen, 'y', { value: 1, writable: false, enumerable: true, configurable: true });
vm.createContext(frozen);
console.log(vm.runInContext('JSON.stringify(Object.getOwnPropertyDescriptor(this, "x"))', frozen));
try {
  vm.runInContext('"use strict"; Object.defineProperty(this, "z", { value: 1 }); z = 2', frozen);
} catch (err) {
  console.log(err.name, err.message.startsWith("Cannot assign to read only property 'z' of object"));
}
console.log(vm.runInContext('y = 3; y', frozen), frozen.y);

// timeout interrupts the script, also a script run from inside another one.
try {
  vm.runInNewContext('for (;;) {}', {}, { timeout: 20 });
} catch (err) {
  console.log(err.code, err.message);
}
const ctx = vm.createContext({
  inner(timeout) { return vm.runInContext('for (;;) {}', ctx, { timeout }); },
});
try {
  vm.runInContext('try { inner(30); } catch (e) { e.message }', ctx, { timeout: 10000 });
  console.log(vm.runInContext('try { inner(30); } catch (e) { e.message }', ctx, { timeout: 10000 }));
} catch (err) {
  console.log('unexpected', err.message);
}

// A frozen global cannot hold the runner's helpers: the error still has its type.
const vanilla = vm.createContext(vm.constants.DONT_CONTEXTIFY);
vm.runInContext('Object.freeze(globalThis)', vanilla);
try {
  vm.runInContext('notDefinedHere', vanilla);
} catch (err) {
  console.log(err.name, err.message);
}
