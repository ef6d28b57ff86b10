'use strict';
// Released readers reject every request; brand checks; a BYOB read settles after reader.closed (Node's read is async).
const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.close(); } });
const r = rs.getReader();
r.releaseLock();
r.read().catch((e) => console.log('read', e.code, e.message));
r.cancel().catch((e) => console.log('cancel', e.code, e.message));
ReadableStreamDefaultReader.prototype.cancel.call({}).catch((e) => console.log('brand', e.code));
Object.getOwnPropertyDescriptor(ReadableStreamDefaultReader.prototype, 'closed').get.call({}).catch((e) => console.log('closed brand', e.code));
const b = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } });
const br = b.getReader({ mode: 'byob' });
br.read(new Uint8Array(4)).then((x) => { console.log('byob', x.done, [...x.value]); br.releaseLock(); return br.read(new Uint8Array(1)); }).catch((e) => console.log('byob detached', e.code));
br.closed.then(() => console.log('closed resolved'), (e) => console.log('closed rejected', e.code));
