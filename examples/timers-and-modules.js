// Runs today on nodeshim's foundation: modules, timers, nextTick, promises.
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

async function main() {
  console.log('script', path.basename(__filename));
  process.nextTick(() => console.log('nextTick runs before promises'));
  await Promise.resolve();
  console.log('after a microtask');
  await sleep(10);
  console.log('after 10 ms');
  setImmediate(() => console.log('immediate'));
}

main();
process.on('exit', (code) => console.log('exit code', code));
