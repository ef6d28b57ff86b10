const { Worker } = require('worker_threads');
for (const bad of [[1], ['rel.js'], ['x', { argv: 1 }], ['x', { eval: true, env: 5 }]]) {
  try { new Worker(...bad); } catch (e) { console.log(e.code, e.message); }
}
process.env.FOO = 'parent';
const w = new Worker('require("worker_threads").parentPort.postMessage(process.env.FOO); process.env.FOO = "child"; while (true) {}', { eval: true });
w.on('message', async (m) => {
  console.log('env in worker', m);
  const code = await w.terminate();
  console.log('terminated', code, process.env.FOO);
  captureOutput();
});
function captureOutput() {
  const o = new Worker('console.log("to parent stdout"); console.error("err")', { eval: true, stdout: true, stderr: true });
  let text = '';
  o.stdout.on('data', (d) => { text += d; });
  o.stdout.on('end', () => console.log('captured', JSON.stringify(text)));
}
