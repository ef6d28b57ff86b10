'use strict';
// pathToFileURL percent-encoding, url.resolve across non-slashed schemes,
// URL receiver checks, URLSearchParams iterator inspect.
const url = require('url');
const util = require('util');
for (const p of ['/foo^bar', '/a b#c?d%e', '/x[y]{z}|~`<>"\\', '/fóó/€/🚀', '/ok!$&\'()*+,;=@:']) {
  console.log(url.pathToFileURL(p).href);
}
console.log(url.pathToFileURL('C:\\foo^bar\\baz', { windows: true }).href);
console.log(url.resolve('mailto:user@example.org', 'mailto:another.host.com'));
console.log(url.resolve('mailto:local1@domain1', 'local2@domain2'));
for (const [k, set] of [['href', false], ['search', false], ['port', true], ['origin', false]]) {
  try {
    Reflect.get(URL.prototype, k, {});
  } catch (e) {
    console.log(k, 'get', e.name, e.message);
  }
  if (set) {
    try {
      Reflect.set(URL.prototype, k, null, {});
    } catch (e) {
      console.log(k, 'set', e.name, e.message);
    }
  }
}
const sp = new URLSearchParams('a=a&b=b&b=c');
console.log(util.inspect(sp.keys(), { breakLength: 1 }));
console.log(util.inspect(sp.values()));
