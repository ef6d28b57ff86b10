'use strict';
const url = require('url');
const out = (x) => JSON.stringify(x);
const inputs = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'HTTP://X.COM/Y', '/just/path?x=1', '//host/path', 'mailto:a@b.com', 'javascript:alert(1)',
  'http://x.com\\a\\b?c\\d', '  http://trim.com/  ', 'http://[::1]:80/x', 'file:///etc/passwd', 'file:/x', 'http://a.com?x', 'http://a.com#h', 'x.com/y', 'http://ÄÖü.com/', 'http://a b.com/',
  'http://x/a b<c>d"e`f{g}h|i^j\'', 'git+ssh://git@github.com:npm/cli.git', 'http://a@b@c/', 'http://x:/y', 'http://x:abc/', '?a=1&a=2&b', '#frag', '', 'http://a.com/p?x=%zz', 'xmpp:isaacschlueter@jabber.org', 'http://x.com/%E4%BD%A0'];
for (const i of inputs) {
  for (const [pq, sdh] of [[false, false], [true, false], [false, true]]) {
    try {
      const u = url.parse(i, pq, sdh);
      console.log(out(i), pq, sdh, out(u), out(Object.keys(u)), u.query && typeof u.query === 'object' ? Object.getPrototypeOf(u.query) : '-');
      console.log('  fmt', out(url.format(u)));
    } catch (e) { console.log(out(i), 'THROW', e.code, e.message); }
  }
}
const resolves = [['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://a/b/c/d;p?q', 'g:h'], ['http://a/b/c/d;p?q', '../g'], ['http://a/b/c/d;p?q', '../../../g'],
  ['http://a/b/c/d;p?q', '//g'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'], ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', '.'], ['http://a/b/c/d;p?q', './'], ['http://a/b/c/d;p?q', '..'],
  ['mailto:local1@domain1', 'local2@domain2'], ['http://x/a', 'https://y/b'], ['http://x/a', 'https:b'], ['foo:bar', 'baz'], ['http://u:p@x/a', '//y/b'], ['/a/b', '../../..'], ['a/b', '../../x'], ['http://x', 'file:///y']];
for (const [a, b] of resolves) {
  console.log('resolve', out(a), out(b), out(url.resolve(a, b)));
  console.log('  obj', out(url.resolveObject(a, b)));
}
const formats = [{ protocol: 'http', host: 'a.com', pathname: '/x', query: { a: 1, b: [2, 3] } }, { protocol: 'http:', hostname: 'a.com', port: 80, search: 'q' }, { hostname: '::1', port: 8 },
  { protocol: 'file', pathname: '/x' }, { protocol: 'mailto', pathname: 'a@b' }, { protocol: 'http', slashes: true, host: 'x', hash: 'h', pathname: 'p?#' }, { auth: 'us er:p@ss', host: 'x', protocol: 'https:' }, {}];
for (const f of formats) console.log('format', out(f), out(url.format(f)));
const w = new URL('https://u:p@ex.com/p?q=1#h');
console.log(url.format(w), url.format(w, { fragment: false, auth: false, search: false }), url.format(new URL('http://xn--n3h.net/'), { unicode: true }));
try { url.format(5); } catch (e) { console.log(e.code, e.message); }
try { url.parse(5); } catch (e) { console.log(e.code, e.message); }
console.log(url.fileURLToPath('file:///a/b%20c'), url.fileURLToPath(new URL('file:///x/y')), url.pathToFileURL('/a b/c#d?e%f').href, url.pathToFileURL('/x/').href);
try { url.fileURLToPath('http://x/'); } catch (e) { console.log(e.code, e.message); }
try { url.fileURLToPath('file://host/x'); } catch (e) { console.log(e.code, e.message); }
try { url.fileURLToPath('file:///a%2fb'); } catch (e) { console.log(e.code, e.message); }
try { url.fileURLToPath(5); } catch (e) { console.log(e.code, e.message); }
console.log(out(url.urlToHttpOptions(new URL('https://u:p@[::1]:99/a?b#c'))));
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('ex ample'));
console.log(Object.keys(url).sort().join());
