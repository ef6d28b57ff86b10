// A main ES module whose top-level await never settles ends the process
// with exit code 13, visible to 'exit' listeners.
import { Worker } from 'node:worker_threads';

process.on('exit', (code) => console.log('exit', code, process.exitCode));
const settled = await new Promise((resolve) => {
  new Worker(new URL('data:text/javascript,await new Promise(() => {})'))
    .on('exit', (code) => resolve(`worker exit ${code}`));
});
console.log(settled);
await new Promise(() => {});
