'use strict';
// assert's error messages, codes and diffs.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log(`${e.name} | ${e.code} | ${e.generatedMessage} | ${e.operator}`);
    console.log(e.message);
    console.log(String(e).split('\n')[0]);
    console.log('---');
  }
}

show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual('a'.repeat(20), 'a'.repeat(19) + 'b'));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] }));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
show(() => assert.deepStrictEqual(new Set([1, { a: 1 }]), new Set([1, { a: 2 }])));
show(() => assert.deepStrictEqual(-0, 0));
show(() => assert.deepStrictEqual(NaN, NaN));
show(() => assert.deepStrictEqual([1], ['1']));
show(() => assert.deepEqual([1], ['1']));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.notStrictEqual({}, {}));
show(() => assert.equal(1, 2));
show(() => assert.notEqual(1, '1'));
show(() => assert.equal(NaN, NaN));
show(() => assert.ok(false));
show(() => assert(0 > 1));
show(() => assert.ok(null, 'custom message'));
show(() => assert.ok());
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError, 'msg'));
show(() => assert.throws(() => { throw new TypeError('x'); }, RangeError));
show(() => assert.throws(() => { throw new Error('x'); }, /y/));
show(() => assert.throws(() => { throw new Error('x'); }, { message: 'y', name: 'Error' }));
show(() => assert.throws(() => { throw new Error('x'); }, { message: /x/ }));
show(() => assert.throws(() => { throw new Error('x'); }, (e) => e.message === 'z'));
show(() => assert.throws(() => { throw new Error('x'); }, 'x'));
show(() => assert.throws(() => { throw new Error('x'); }, {}));
show(() => assert.doesNotThrow(() => { throw new Error('oops'); }));
show(() => assert.doesNotThrow(() => { throw new Error('oops'); }, 'with message'));
show(() => assert.match('abc', /x/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.match(123, /x/));
show(() => assert.ifError(new Error('inner')));
show(() => assert.ifError(null));
show(() => assert.strictEqual(1));
show(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
show(() => assert.deepStrictEqual(Object.create(null), {}));
show(() => assert.deepStrictEqual(new Number(1), new Number(2)));
show(() => assert.deepStrictEqual({ [Symbol.for('s')]: 1 }, {}));
show(() => assert.strict.equal(1, '1'));
show(() => new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }).message);
console.log(assert.deepEqual(new Set([1, '2']), new Set(['1', 2])) === undefined);
const big = {};
for (let i = 0; i < 30; i++) big[`key${i}`] = i;
const big2 = { ...big, key15: 'changed' };
show(() => assert.deepStrictEqual(big, big2));
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects fail:', e.message));
assert.doesNotReject(Promise.reject(new Error('dr'))).catch((e) => console.log('dnr:', e.message));
