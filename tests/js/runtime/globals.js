// Enumerable globals and the engine gaps the runtime fills.
const keys = [];
for (const k in globalThis) keys.push(k);
console.log(keys.filter((k) => !['fetch', 'crypto'].includes(k)).join(','));
const src = { a: [1, { b: 2 }], d: new Date(0), m: new Map([[1, 'x']]), s: new Set([2]), r: /x/gi };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.a[1].b, c.d.getTime(), c.m.get(1), c.s.has(2), c.r.flags);
try { structuredClone(() => {}); } catch (e) { console.log(e.name); }
console.log(typeof performance.now(), performance.now() >= 0);
console.log(typeof queueMicrotask, typeof setImmediate, global === globalThis);
