'use strict';
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const inner = new MessageChannel();
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 42;
port1.postMessage({ port: inner.port1, ab, list: [1, 'two', new Map([[3, 4]])] }, [inner.port1, ab]);
console.log('sender ab length after transfer', ab.byteLength);
console.log('transferred port detached', inner.port1.hasRef());

port2.onmessage = (event) => {
  const { data } = event;
  console.log('event type', event.type, event.constructor.name);
  console.log('ab', data.ab.byteLength, new Uint8Array(data.ab)[0]);
  console.log('list', data.list);
  console.log('ports in event', event.ports.length, event.ports[0] === data.port);
  data.port.on('message', (m) => {
    console.log('inner got', m);
    data.port.close();
    port2.close();
  });
  inner.port2.postMessage('through the moved port');
};
port2.addEventListener('close', () => console.log('port2 close'));
data2();

function data2() {
  const c = new MessageChannel();
  c.port1.postMessage('queued before start');
  c.port1.postMessage({ n: 2 });
  console.log(receiveMessageOnPort(c.port2));
  c.port2.once('message', (m) => {
    console.log('late listener', m);
    c.port1.close();
  });
  c.port2.on('close', () => { closed.push('c.port2'); });
  const err = new RangeError('boom');
  const e = new MessageChannel();
  e.port2.on('message', (m) => {
    console.log('error clone', m instanceof RangeError, m.message);
    e.port2.close();
  });
  e.port1.postMessage(err);
}
const closed = [];
process.on('exit', () => console.log('exit', closed));
