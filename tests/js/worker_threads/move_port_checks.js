'use strict';
// moveMessagePortToContext()'s argument checks (Node's errors, in Node's order).
const { MessageChannel, moveMessagePortToContext } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
for (const [port, context] of [[port1, {}], [{}, {}], [1, {}], [port1, 1]]) {
  try {
    moveMessagePortToContext(port, context);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
port2.close();
try {
  moveMessagePortToContext(port2, {});
} catch (err) {
  console.log(err.name, err.code, err.message);
}
port1.close();
