// domain: run/add/remove/bind/intercept, errors from timers, emitters and
// bound callbacks reach the domain; process.domain follows async work.
const domain = require('domain');
const EventEmitter = require('events');
const log = [];
const d = domain.create();
d.on('error', (err) => log.push(`d caught: ${err.message} ${err.domainThrown} ${err.domain === d} ${!!err.domainEmitter}`));
console.log('before', process.domain);
d.run(() => {
  console.log('inside', process.domain === d, domain.active === d);
  setTimeout(() => {
    log.push(`timer in domain ${process.domain === d}`);
    throw new Error('from timer');
  }, 1);
  process.nextTick(() => log.push(`tick in domain ${process.domain === d}`));
  const ee = new EventEmitter();
  console.log('ee.domain', ee.domain === d);
  setImmediate(() => ee.emit('error', new Error('ee error')));
});
console.log('after', process.domain);
const d2 = domain.create();
d2.on('error', (e) => log.push(`d2 caught ${e.message} ${e.domainThrown}`));
const ee2 = new EventEmitter();
d2.add(ee2);
ee2.emit('error', new Error('added emitter'));
d2.remove(ee2);
console.log('removed', ee2.domain);
const cb = d2.intercept((a, b) => log.push(`intercepted ${a} ${b} ${process.domain === d2}`));
cb(null, 1, 2);
cb(new Error('intercept err'));
const bound = d2.bind((x) => { log.push(`bound ${x} ${process.domain === d2}`); throw new Error('bound throw'); });
setTimeout(() => bound(5), 5);
d2.run(() => { Promise.resolve().then(() => { log.push(`promise in domain ${process.domain === d2}`); }); });
process.on('exit', () => console.log(log.sort().join('\n')));
