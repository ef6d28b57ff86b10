const { Worker } = require('worker_threads');
const w = new Worker('./does-not-exist.js');
w.on('error', (e) => console.log('error', e.code));
w.on('exit', (c) => {
  console.log('exit', c);
  const w2 = new Worker('process.on("exit", (c) => require("worker_threads").parentPort.postMessage("exiting " + c)); throw 5', { eval: true });
  // Node delivers the error and the message of the 'exit' listener in
  // either order (two ports): both are printed once the worker ended.
  const events = [];
  w2.on('message', (m) => events.push(m));
  w2.on('error', (e) => events.push(`error2 ${e}`));
  w2.on('exit', (c) => console.log(events.sort().join('\n') + '\nexit2 ' + c));
});
