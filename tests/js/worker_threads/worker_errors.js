const { Worker } = require('worker_threads');
const w = new Worker('./does-not-exist.js');
w.on('error', (e) => console.log('error', e.code));
w.on('exit', (c) => {
  console.log('exit', c);
  const w2 = new Worker('process.on("exit", (c) => require("worker_threads").parentPort.postMessage("exiting " + c)); throw 5', { eval: true });
  w2.on('message', (m) => console.log(m));
  w2.on('error', (e) => console.log('error2', e));
  w2.on('exit', (c) => console.log('exit2', c));
});
