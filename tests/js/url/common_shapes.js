'use strict';
// Everyday URL shapes (absolute http(s)/ws/ftp, path-absolute against a base)
// next to near-misses that need the full parser.
const inputs = [
  ['https://www.example.com/path/?query=param#hash'],
  ['HTTP://WWW.Example.COM:80/a/b/?q=1#f'],
  ['http://example.com:8080'],
  ['ws://h.io:80/x', undefined],
  ['wss://h.io:443/'],
  ['ftp://files.example.org:21/pub/file.txt'],
  ['http://example.com:65536/'],
  ['http://1.2.3.4/x'],
  ['http://foo.0x10/'],
  ['http://example.com/a/./b/../c'],
  ['http://example.com/%2e%2E/x'],
  ['http://example.com/.well-known/x'],
  ['http://example.com/a b?c d#e f'],
  ['http://example.com/q?it\'s#it\'s'],
  ['http://example.com./'],
  ['http://a_b.example.com/'],
  ['http://xn--nxasmq6b.com/'],
  ['/x/y?z#w', 'https://u:p@h.com:8443/a?b#c'],
  ['//other.host/p', 'http://h.com/'],
  ['/a/../b', 'http://h.com/'],
  ['/p', 'file:///C:/dir/'],
  ['/p?a=1&b=%20', 'http://localhost'],
];
for (const [input, base] of inputs) {
  try {
    const u = new URL(input, base);
    console.log(u.href, u.host, u.port, u.pathname, u.search, u.hash, URL.canParse(input, base));
  } catch (e) {
    console.log('invalid', input, e.code, URL.canParse(input, base));
  }
}
