'use strict';
const out = (x) => JSON.stringify(x);
const util = require('util');
const cases = ['a=1&b=2&a=3', '?x=%20y+z&&=&k', 'é=ü&%zz=%41', 'a=b=c', '', '?', '+=+', '%F0%9F%98%80=%ED%A0%80'];
for (const c of cases) {
  const p = new URLSearchParams(c);
  console.log(out(c), out([...p]), p.toString(), p.size);
}
const p = new URLSearchParams([['a', '1'], ['b', 'x y'], ['a', '~!*()\'']]);
console.log(p.toString(), p.get('a'), p.getAll('a'), p.get('zz'), p.has('b'), p.has('a', '2'), p.has('a', '1'));
p.set('a', 'new'); console.log(p.toString());
p.append('c', '\ud800'); console.log(p.toString());
p.delete('b'); console.log(p.toString());
p.append('b', '1'); p.append('b', '2'); p.delete('b', '1'); console.log(p.toString());
p.sort(); console.log(p.toString(), [...p.keys()], [...p.values()]);
p.forEach(function(v, k, s) { console.log('each', k, v, s === p, this.t); }, { t: 1 });
console.log(new URLSearchParams({ x: 1, y: [2, 3], z: undefined }).toString());
console.log(new URLSearchParams(new Map([['m', 'n']])).toString(), new URLSearchParams(p).toString());
for (const bad of [[['a']], [[1, 2, 3]], [1], { [Symbol.iterator]: 5 }]) {
  try { new URLSearchParams(bad); } catch (e) { console.log(e.code, e.name, e.message); }
}
try { p.append('x'); } catch (e) { console.log(e.code, e.message); }
try { p.get(); } catch (e) { console.log(e.code, e.message); }
try { URLSearchParams.prototype.get.call({}, 'a'); } catch (e) { console.log(e.code, e.message); }
try { p.forEach(1); } catch (e) { console.log(e.code, e.message); }
const u = new URL('http://x/?a=1');
const sp = u.searchParams;
sp.append('b', '2'); console.log(u.href);
u.search = 'c=3'; console.log([...sp], sp === u.searchParams);
sp.delete('c'); console.log(u.href);
const o = new URL('sc:opaque  ?q#f'); o.hash = ''; o.search = ''; console.log(out(o.href));
const it = new URLSearchParams('a=1&b=2').entries();
console.log(it.next(), Object.prototype.toString.call(it), it[Symbol.iterator]() === it);
console.log(Object.keys(URLSearchParams.prototype).join(), Object.prototype.toString.call(p));
console.log(util.inspect(new URLSearchParams('a=1&b=2')), util.inspect(new URLSearchParams()), util.inspect(new URLSearchParams('a=1').keys()));
console.log(util.inspect(new URL('https://user:pw@x.com:81/p?q=1#h')));
