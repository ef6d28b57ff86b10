// The WHATWG Headers global: normalisation, combining, Set-Cookie, sorted
// iteration, errors and inspect output.
'use strict';
const h = new Headers({b:'2', A:' 1 '}); h.append('set-cookie','x=1'); h.append('Set-Cookie','y=2'); h.append('a','3');
console.log(h); console.log([...h], h.get('a'), h.getSetCookie(), String(h), Object.prototype.toString.call(h.entries()));
try { h.append('bad name', 'x') } catch (e) { console.log(e.name, e.message) }
try { h.append('a', 'x\n1') } catch (e) { console.log(e.name, e.message) }
try { new Headers([['a']]) } catch (e) { console.log(e.name, e.message) }
try { new Headers(1) } catch (e) { console.log(e.name, e.message) }
try { h.append('a') } catch (e) { console.log(e.name, e.message) }
try { Headers.prototype.get.call({}, 'a') } catch (e) { console.log(e.name, e.message) }
try { new Headers({a: '\u0100'}) } catch (e) { console.log(e.name, e.message) }
console.log(Object.getOwnPropertyNames(Headers.prototype), Headers.length);
const it = h.keys(); console.log(it.next(), Object.getPrototypeOf(it)[Symbol.toStringTag]);
h.forEach(function (v, k, o) { console.log(k, v, o === h, this.x) }, {x: 1});
h.delete('set-cookie'); h.set('B', 'z'); console.log([...h.entries()], h.has('b'), h.has('c'), h.get('c'));
console.log([...new Headers([['x', 'y'], ['X', 'z']])], [...new Headers(new Headers({q: 'r'}))]);
console.log(Object.keys(Headers.prototype));
