const s = require('stream');
console.log(Object.keys(s).filter((k) => k !== 'duplexPair' && k !== '_isArrayBufferView').sort().join(' '));
const { Readable, Writable, PassThrough, pipeline } = s;
const r = Readable.from(['a', 'b', 'c']);
const out = [];
const w = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
pipeline(r, new PassThrough(), w, (err) => console.log('done', err, out.join(',')));
r.on('end', () => console.log('end'));
w.on('finish', () => console.log('finish'));
