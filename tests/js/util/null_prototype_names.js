// util.inspect names the constructor an object was made by after its
// prototype is gone, as V8 does (base constructors only).
'use strict';
const util = require('util');
class Foo { toString() { return 'Bar'; } }
class Sub extends Foo {}
console.log(util.format('%s', Object.setPrototypeOf(new Foo(), null)));
console.log(util.inspect(Object.setPrototypeOf(new Sub(), null)));
const o = new Foo(); o.__proto__ = null; console.log(util.inspect(o));
console.log(util.inspect(Reflect.setPrototypeOf(new Foo(), null) && 1));
const r = new Foo(); Reflect.setPrototypeOf(r, null); console.log(util.inspect(r));
console.log(util.inspect(Object.setPrototypeOf([1, 2], null)), util.inspect(Object.setPrototypeOf({ a: 1 }, null)));
console.log(util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));
const twice = new Foo(); Object.setPrototypeOf(twice, Array.prototype); Object.setPrototypeOf(twice, null); console.log(util.inspect(twice));
console.log(Object.setPrototypeOf.name, Object.setPrototypeOf.length, Reflect.setPrototypeOf.name, Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').set.name);
function F() {} const f = new F(); Object.setPrototypeOf(f, null); console.log(util.inspect(f));
