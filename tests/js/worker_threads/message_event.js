'use strict';
// MessageEvent: the global one is what ports dispatch; lenient init, checked
// source/ports, getters that check their receiver.
const { MessageChannel } = require('worker_threads');

const show = (fn) => {
  try {
    console.log(JSON.stringify(fn()));
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
};
const { port1, port2 } = new MessageChannel();
show(() => {
  const ev = new MessageEvent('message', { data: undefined, origin: 1, lastEventId: 0 });
  return [ev.type, ev.data, ev.origin, ev.lastEventId, ev.source, ev.ports, ev instanceof Event];
});
show(() => new MessageEvent('message', 5).data);
show(() => new MessageEvent('messageerror', { source: port1, ports: [port2] }).ports.length);
show(() => new MessageEvent('message', { source: {} }));
show(() => new MessageEvent('message', { ports: 0 }));
show(() => new MessageEvent('message', { ports: [null] }));
show(() => Reflect.get(MessageEvent.prototype, 'data', {}));
console.log(Object.keys(MessageEvent.prototype).join());
port2.onmessage = (ev) => {
  console.log(ev instanceof MessageEvent, ev.constructor === MessageEvent, ev.data, ev.ports.length);
  port2.close();
};
port1.postMessage('hi');
