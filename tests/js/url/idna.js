'use strict';
// Hosts go through UTS #46 (mapping, punycode, bidi and joiner rules).
const url = require('url');
const hosts = [
  'EXAMPLE.com', 'münchen.de', 'faß.de', 'ＡＢＣ.com', 'a\u3002b', 'xn--a', 'xn--mnchen-3ya.de',
  'a.b.c.xn--pokxncvks', '\ufdd0zyx.com', '\uffffy', 'x\u200dy', '\u0661.a', 'a..b',
  'ﾬ', '%ef%bc%a1.com', '[::1]', '1.2.3.0x10', 'a b', '\u0301a',
];
for (const h of hosts) {
  let href;
  try { href = new URL(`http://${h}/`).host; } catch (e) { href = `${e.name}: ${e.message} ${e.code}`; }
  console.log(JSON.stringify(h), JSON.stringify(href), JSON.stringify(url.domainToASCII(h)),
              JSON.stringify(url.domainToUnicode(h)));
}
try { new URL('x', 'y'); } catch (e) { console.log(String(e), Object.keys(e)); }
console.log(URL.canParse('/', 'http://n'), URL.canParse('http://\ufdd0'));
