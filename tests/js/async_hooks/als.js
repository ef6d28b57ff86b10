// AsyncLocalStorage through await, timers, immediates, nextTick, promises,
// queueMicrotask, AsyncResource, snapshot, exit, and net/http callbacks.
const { AsyncLocalStorage, AsyncResource, executionAsyncId, createHook } = require('async_hooks');
const als = new AsyncLocalStorage();
const als2 = new AsyncLocalStorage();
const log = [];
als.run(1, async () => {
  log.push(`a ${als.getStore()}`);
  await 42;
  log.push(`b ${als.getStore()}`);
  setTimeout(() => log.push(`timeout ${als.getStore()}`), 1);
  setImmediate(() => log.push(`imm ${als.getStore()}`));
  process.nextTick(() => log.push(`tick ${als.getStore()}`));
  Promise.resolve().then(() => log.push(`then ${als.getStore()}`));
  queueMicrotask(() => log.push(`qm ${als.getStore()}`));
  als2.run('x', () => log.push(`nested ${als.getStore()} ${als2.getStore()}`));
  als.exit(() => log.push(`exit ${als.getStore()}`));
});
log.push(`out ${als.getStore()}`);
Promise.resolve().then(() => log.push(`then-out ${als.getStore()}`));
als.run(2, () => {
  setTimeout(async () => { await null; log.push(`t-await ${als.getStore()}`); }, 5);
});
const r = als.run(3, () => new AsyncResource('X'));
r.runInAsyncScope(() => log.push(`res ${als.getStore()}`));
console.log(typeof r.asyncId(), r.asyncId() > 0, typeof executionAsyncId());
const snap = als.run(4, () => AsyncLocalStorage.snapshot());
console.log('snap', snap(() => als.getStore()));
const bound = als.run(5, () => AsyncLocalStorage.bind(() => als.getStore()));
console.log('bound', bound(), als.getStore());
const hook = createHook({ init() {} });
console.log(hook.enable() === hook, hook.disable() === hook);
const http = require('http');
const srv = http.createServer((req, res) => { res.end('hi'); });
srv.listen(0, () => {
  als.run('req', () => {
    http.get({ port: srv.address().port }, (res) => {
      log.push(`response ${als.getStore()}`);
      res.on('data', () => log.push(`data ${als.getStore()}`));
      res.on('end', () => { log.push(`end ${als.getStore()}`); srv.close(); });
    });
  });
});
process.on('exit', () => console.log(log.sort().join('\n')));
