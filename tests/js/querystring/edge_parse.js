'use strict';
// querystring.parse: maxKeys counts empty pieces, empty separators, what
// counts as an escape.
const qs = require('querystring');
const show = (v) => console.log(JSON.stringify(v));
show(qs.parse('&a', null, null, { maxKeys: 1 }));
show(qs.parse('&&b=1&c=2', null, null, { maxKeys: 3 }));
show(qs.parse('a=1&b=1&c=1', null, null, { maxKeys: 2 }));
show(qs.parse('a', []));
show(qs.parse('a=b&c', ''));
show(qs.parse('a', null, []));
show(qs.parse('%\u0100=%\u0101'));
show(qs.parse('%zz=%4'));
show(qs.parse('a+b=c+d%20e'));
show(qs.parse('foo&bar', '&', '&'));
