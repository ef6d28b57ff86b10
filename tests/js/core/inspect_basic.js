'use strict';
// util.inspect / util.format output for many kinds of values.
const util = require('util');

class Foo { constructor() { this.a = 1; } }
class Bar extends Map {}
const circ = { name: 'x' };
circ.self = circ;
circ.arr = [circ, { c: circ }];
const sparse = [1, , 3];
sparse[10] = 5;
const nullp = Object.create(null);
nullp.x = 1;
const values = [
  1, -0, 0, NaN, 123456789, 1.5, 10n, 'str', "it's", 'it\'s "q"', 'a\nb', 'tab\there', '\u0001\u007f', Symbol('s'),
  undefined, null, true, [], {}, [1, 2, 3], { a: 1, b: 'two', c: [3] }, new Foo(), new Bar([[1, 2]]),
  new Map([[1, { a: 1 }], ['k', [1, 2]]]), new Set([1, 'a', {}]), new WeakMap(), circ, sparse,
  Array.from({ length: 200 }, (_, i) => i), { a: { b: { c: { d: { e: 1 } } } } }, /ab+c/gi, new Date(0),
  function foo() {}, () => {}, class A {}, class B extends Foo {}, async function af() {}, function* gen() {},
  Object.create(null), nullp, new Uint8Array([1, 2, 3]), new Float64Array(3), new ArrayBuffer(4),
  new Number(3), new String('ab'), new Boolean(false), [undefined, null], { 'a-b': 1, [Symbol('k')]: 2 },
  { get x() { return 1; }, set y(v) {}, get z() { return 1; }, set z(v) {} }, Array(5), [[[[[1]]]]],
  { long: 'x'.repeat(100) }, Array.from({ length: 30 }, (_, i) => `item${i}`),
  Array.from({ length: 26 }, (_, i) => i * 1000),
  { a: [1, 2, 3, 4, 5, 6, 7, 8], b: { c: 'hello world', d: 'another string', e: 'more text here', f: 'and more' } },
  Object.assign(() => {}, { x: 1 }), Object.assign([1, 2], { extra: true }), { [Symbol.toStringTag]: 'Tagged' },
  'a'.repeat(120), [1.5, -0, 3], [1n, 2n], Object.create(Foo.prototype), new Array(101).fill(1),
];
for (const v of values) {
  console.log(util.inspect(v));
  console.log(util.inspect(v, { depth: 0, compact: false, sorted: true }));
  console.log(util.inspect(v, { breakLength: Infinity, numericSeparator: true }));
}
console.log(util.format('%s %d %i %f %j', 'a', 1.5, '42.9', '3.5', { a: 1 }));
console.log(util.format('%o', { a: [1] }), util.format('%O', { a: 1 }));
console.log(util.format('100%% %s', 'x', 'extra'), util.format('%c%s', 'css', 'y'));
console.log(util.format(1, 2, 'x'), util.format('%s', { toString() { return 'T'; } }), util.format('%s', { a: 1 }));
console.log(util.format('%s', -0), util.format('%d', '0x10'), util.format('%s', 5n), util.format('%s:%s', 'a'));
console.log(util.format('%s', null, undefined), util.format('%s', Symbol('z')), util.format('%s', [1, [2]]));
const err = new TypeError('boom');
console.log(util.inspect(err).split('\n')[0]);
err.code = 'E_X';
console.log(util.inspect(err).split('\n')[0], util.inspect(err).includes("code: 'E_X'"));
console.log(util.inspect({ e: new RangeError('inner') }).split('\n')[0]);
