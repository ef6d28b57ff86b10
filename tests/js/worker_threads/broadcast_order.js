'use strict';
// BroadcastChannel delivery order: each channel takes all its queued
// messages in turn, channels in the order they were made (Node's order);
// receiveMessageOnPort() takes a channel's next message.
const { BroadcastChannel, receiveMessageOnPort } = require('worker_threads');

const a = new BroadcastChannel('order');
const b = new BroadcastChannel('order');
const c = new BroadcastChannel('order');
const seen = [];
let left = 6;
for (const [name, channel] of [['a', a], ['b', b], ['c', c]]) {
  channel.onmessage = ({ data }) => {
    seen.push(`${name} got ${data}`);
    if (--left === 0) {
      console.log(seen.join('\n'));
      for (const ch of [a, b, c]) ch.close();
    }
  };
}
a.postMessage('from a');
c.postMessage('from c');
b.postMessage('from b');

const x = new BroadcastChannel('pull');
const y = new BroadcastChannel('pull');
x.postMessage({ n: 1 });
console.log(JSON.stringify(receiveMessageOnPort(y)), receiveMessageOnPort(y));
x.close();
y.close();
