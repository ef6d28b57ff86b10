'use strict';
const out = (x) => JSON.stringify(x);
const inputs = [
  ['http://example.com'], ['HTTP://EXAMPLE.COM:80/a/./b/../c?q=1#h'], ['https://user:pa ss@host.com:8443/p?x#y'],
  ['http://[::1]:3000/'], ['http://[2001:db8::1:0:0:1]/'], ['http://[::ffff:192.168.0.1]/'], ['http://[1:2:3:4:5:6:7:8]/'], ['http://[::]/'],
  ['http://0x7f.0.0.1/'], ['http://127.1/'], ['http://2130706433/'], ['http://0300.0250.0.1/'], ['http://1.2.3.4.5/'], ['http://999999999999/'], ['http://1.2.3.09/'],
  ['http://example.com/a b/ü?ä ö#ß'], ['file:///etc/passwd'], ['file:///C:/x/../y'], ['file://localhost/x'], ['file://host/share/x'], ['file:c:\\foo\\bar'],
  ['mailto:someone@example.com'], ['javascript:alert(1)'], ['data:text/plain,hello world'], ['blob:https://a.com/uuid'],
  ['foo://bar/baz'], ['foo:/bar'], ['foo:'], ['git+ssh://git@github.com/x.git'], ['non-spec:/.//p'], ['web+demo:/.//not-a-host/'],
  ['http://faß.de/'], ['http://ÄÖü.com/'], ['http://☃.net/'], ['http://EXAMPLE.com./'], ['http://a%41.com/'], ['http://xn--nxasmq6b.com/'],
  ['ws://x/'], ['wss://x:443/'], ['ftp://x:21/'], ['http://x:65535/'], ['http://x:65536/'], ['http://x:abc/'], ['http://x:/'],
  ['//x/y', 'http://base/'], ['y', 'http://base/a/b'], ['../y', 'http://base/a/b/c'], ['?q', 'http://base/a?b#c'], ['#f', 'http://base/a?b#c'], ['', 'http://base/a?b#c'],
  ['/abs', 'file:///C:/x/y'], ['\\\\x\\y', 'http://base/'], ['a', 'mailto:x'], ['#f', 'mailto:x'], ['https:x', 'https://base/y/'], ['http:x', 'https://base/'],
  ['bad'], [''], ['http://'], ['http://a b/'], ['http://a<b/'], ['http://[::1/'], ['http://[1::2::3]/'], ['https://%zz.com/'], ['http://a@/'], ['http://@x/'],
  ['  http://trim.me/ \n'], ['ht\ttp://ta\nb.com/'], ['http://x/%2e%2E/y'], ['http://x/a/%2e'], ['http://x/?a=\'b\'&c="d"'], ['sc://x/?a=\'b\''],
  ['http://x/\ud800'], ['http://x/#\u0000\u007f'], ['HTTPS://x/'], ['http://user@x/'], ['http://:pass@x/'], ['http://a:b@c:d@x/'],
];
for (const [i, b] of inputs) {
  try {
    const u = new URL(i, b);
    console.log(out([i, b]), out([u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash]));
  } catch (e) {
    console.log(out([i, b]), 'THROW', e.name, e.code, e.message, out(e.input), out(e.base));
  }
  console.log(' canParse', URL.canParse(i, b));
}
const u = new URL('https://a.com/p?x=1&y=2#h');
u.searchParams.append('z', '3 4');
console.log(u.href, u.search);
u.search = '?k=v';
console.log(u.searchParams.get('k'), u.href);
for (const [prop, vals] of [['protocol', ['http', 'ftp:', 'foo', 'file', 'HTTPS']], ['username', ['us er', '']], ['password', ['p@ss']], ['host', ['new.com:99', 'x.org', '[::1]', 'a b']],
  ['hostname', ['h.com', 'x:1']], ['port', ['8080', '443', '', 'abc', '12ab', '99999']], ['pathname', ['/a b', 'c/d', '']], ['search', ['a=1', '?', '']], ['hash', ['x', '#y', '']], ['href', ['http://new/', 'bad']]]) {
  for (const v of vals) {
    const x = new URL('https://user:pw@a.com:8080/p?q#h');
    try { x[prop] = v; console.log(prop, out(v), x.href); } catch (e) { console.log(prop, out(v), 'THROW', e.code, e.message); }
  }
}
const m = new URL('mailto:x@y');
m.host = 'z'; m.pathname = 'zz'; m.port = '1';
console.log(m.href);
const f = new URL('file:///x');
f.host = 'h'; console.log(f.href); f.port = '22'; console.log(f.href); f.username = 'u'; console.log(f.href);
console.log(out(new URL('http://a/b').toJSON()), JSON.stringify({ u: new URL('http://a/b') }), String(new URL('http://a/b?c')));
try { new URL(); } catch (e) { console.log(e.code, e.message); }
try { URL.prototype.href; } catch (e) { console.log(e.code, e.message); }
console.log(URL.parse('http://x/y').href, URL.parse('nope'), URL.parse('y', 'http://x/').href);
console.log(Object.keys(URL.prototype).join(), Object.prototype.toString.call(new URL('http://x')));
