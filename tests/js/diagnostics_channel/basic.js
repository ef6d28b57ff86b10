// diagnostics_channel: pub/sub, stores, tracing channels, http channels.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const ch = dc.channel('my-channel');
console.log(ch instanceof dc.Channel, ch.hasSubscribers, dc.hasSubscribers('my-channel'));
const sub = (msg, name) => console.log('got', msg, name);
dc.subscribe('my-channel', sub);
console.log(ch.hasSubscribers, dc.channel('my-channel') === ch);
ch.publish({ a: 1 });
console.log(dc.unsubscribe('my-channel', sub), dc.unsubscribe('my-channel', sub));
const store = new AsyncLocalStorage();
ch.bindStore(store, (data) => ({ wrapped: data }));
ch.runStores({ b: 2 }, () => console.log('store', store.getStore()));
console.log(ch.unbindStore(store));
const tc = dc.tracingChannel('op');
const events = [];
tc.subscribe({
  start: (c) => events.push(['start', c.x]),
  end: (c) => events.push(['end', c.result]),
  asyncStart: (c) => events.push(['asyncStart', c.result]),
  asyncEnd: (c) => events.push(['asyncEnd']),
  error: (c) => events.push(['error', c.error.message]),
});
console.log(tc.traceSync((a) => a * 2, { x: 1 }, null, 21));
try { tc.traceSync(() => { throw new Error('sync fail'); }, { x: 2 }); } catch (e) { console.log('caught', e.message); }
tc.tracePromise(async () => 'p', { x: 3 }).then((v) => {
  console.log('promise', v);
  tc.traceCallback((cb) => setImmediate(cb, null, 'cbres'), 0, { x: 4 }, null, (err, res) => {
    console.log('callback', err, res);
    console.log(JSON.stringify(events));
    const http = require('http');
    const seen = [];
    for (const name of ['http.client.request.start', 'http.client.response.finish',
      'http.server.request.start', 'http.server.response.finish', 'net.client.socket', 'net.server.socket']) {
      dc.subscribe(name, () => seen.push(name));
    }
    const srv = http.createServer((req, res) => res.end('ok'));
    srv.listen(0, () => {
      http.get({ port: srv.address().port }, (res) => {
        res.resume();
        res.on('end', () => { srv.close(); setImmediate(() => console.log(seen.sort().join(','))); });
      });
    });
  });
});
