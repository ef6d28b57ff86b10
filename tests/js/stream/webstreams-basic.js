// stream/web: default and byte streams, tee, pipeThrough/pipeTo, toWeb/fromWeb adapters, stream/consumers, encoding streams, globals.
const { Readable, Writable, Duplex } = require('stream');
(async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  for await (const x of rs) console.log('chunk', x);
  const chunks = [];
  const ws = new WritableStream({ write(c) { chunks.push(c); }, close() { console.log('closed', chunks); } });
  const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } });
  await new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }).pipeThrough(ts).pipeTo(ws);
  const [t1, t2] = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } }).tee();
  console.log(await t1.getReader().read(), await t2.getReader().read());
  const r = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1,2])); c.close(); } }));
  for await (const c of r) console.log('node chunk', c);
  const web = Readable.toWeb(Readable.from(['p', 'q']));
  for await (const c of web) console.log('web chunk', c);
  const bs = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([5,6,7])); c.close(); } });
  const br = bs.getReader({ mode: 'byob' });
  console.log(await br.read(new Uint8Array(2)));
  console.log(await br.read(new Uint8Array(2)));
  console.log(await br.read(new Uint8Array(2)));
  const { text, json } = require('stream/consumers');
  console.log(await text(Readable.from(['he', 'llo'])), await json(new ReadableStream({ start(c) { c.enqueue('{"a":1}'); c.close(); } })));
  const w = Writable.fromWeb(new WritableStream({ write(c) { console.log('web got', c); } }));
  w.write('hi'); w.end(() => console.log('end cb'));
  const s = new ReadableStream({ start(c) { c.enqueue('z'); c.close(); } }).pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream());
  for await (const c of s) console.log('text', c);
  console.log(Object.keys(globalThis).includes('ReadableStream'), typeof CountQueuingStrategy, new CountQueuingStrategy({ highWaterMark: 3 }).highWaterMark);
})();
