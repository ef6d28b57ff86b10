'use strict';
const qs = require('querystring');
const out = (x) => JSON.stringify(x);
const cases = ['a=1&b=2&a=3', 'a', 'a=', '=', '=b', '&&', 'a&&b', 'a=b=c', 'x+y=z+w', '%zz=%41', 'a=%E4%BD%A0&b=%ED%A0%80', 'a[]=1&a[]=2', '', 'a=1&a=2&a=3', '__proto__=1&constructor=2', 'a=1;b=2', 'a:1,b:2'];
for (const c of cases) {
  console.log(out(c), out(qs.parse(c)), out(qs.parse(c, ';')), out(qs.parse(c, ',', ':')), out(qs.parse(c, null, null, { maxKeys: 1 })), out(qs.parse(c, '&', '=', { decodeURIComponent: (s) => s.toUpperCase() })));
}
console.log(Object.getPrototypeOf(qs.parse('a=1')));
const many = Array.from({ length: 1100 }, (_, i) => `k${i}=${i}`).join('&');
console.log(Object.keys(qs.parse(many)).length, Object.keys(qs.parse(many, null, null, { maxKeys: 0 })).length, Object.keys(qs.parse(many, null, null, { maxKeys: 5 })).length);
const objs = [{ a: 1, b: 'x y', c: [1, 2], d: true, e: null, f: undefined, g: NaN, h: {}, i: 1e21, j: 10n, k: [] }, { 'ü': '€' }, 'str', null, { a: '\ud83d\ude00' }];
for (const o of objs) console.log(out(String(o)), qs.stringify(o), qs.stringify(o, ';', ':'), qs.stringify(o, null, null, { encodeURIComponent: (s) => `<${s}>` }));
try { qs.stringify({ a: '\ud800' }); } catch (e) { console.log(e.code, e.name, e.message); }
console.log(qs.escape('a b&c/d~*\'()!é'), qs.escape(5), qs.escape({ toString() { return 'x y'; } }));
console.log(qs.unescape('a%20b+c'), qs.unescape('%zz%41'), qs.unescape('a+b', true));
console.log(qs.unescapeBuffer('a%20b%zz+c', true), qs.unescapeBuffer('abc'));
console.log(qs.encode === qs.stringify, qs.decode === qs.parse);
