'use strict';
// util.inspect of Map/Set iterators shows what is left of them.
const util = require('util');
const m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const it = m.entries(); console.log(util.inspect(it)); it.next(); console.log(util.inspect(it));
const k = m.keys(); k.next(); k.next(); console.log(util.inspect(k)); k.next(); console.log(util.inspect(k)); k.next(); console.log(util.inspect(k));
console.log(util.inspect(m.values()), util.inspect(m[Symbol.iterator]()));
const s = new Set([1, {x: 2}, 'z']);
console.log(util.inspect(s.values()), util.inspect(s.entries()), util.inspect(s.keys()));
const sv = s.values(); sv.next(); console.log(util.inspect(sv));

console.log(util.inspect(new Map().entries()), util.inspect([1,2][Symbol.iterator]()));
console.log(util.inspect(new Map([[1,{a:{b:{c:{}}}}]]).values(), {depth: 0}));
