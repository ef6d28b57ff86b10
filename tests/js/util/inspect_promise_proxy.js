'use strict';
// util.inspect of settled/pending promises and of (revoked, nested, function) proxies.
const util = require('util');
const r = Promise.reject(new Error('x')); r.catch(()=>{});
console.log(util.inspect(Promise.reject(3).catch(()=>{}) && Promise.resolve({a:[1]})), util.inspect(r).split('\n')[0]);
const rp = Proxy.revocable({}, {}); rp.revoke();
console.log(util.inspect(rp.proxy), util.types.isProxy(rp.proxy), util.types.isProxy({}));
const fp = new Proxy(function f() {}, {});
console.log(util.inspect(fp), util.inspect(fp, {showProxy: true}));
const nested = new Proxy(new Proxy({x: 1}, {}), {});
console.log(util.inspect(nested, {showProxy: true}), util.inspect(nested));
console.log(util.inspect(Promise.reject(5).catch(()=>{})));
const pr = Promise.reject(7); pr.catch(()=>{}); console.log(util.inspect(pr));
for (let i = 0; i < 3; i++) util.inspect(new Proxy({}, {}));
console.log(util.inspect(new Proxy([1,2], {get() { throw new Error('no'); }})));
