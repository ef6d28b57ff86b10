'use strict';
// The domain stack and the active domain while 'error' handlers and
// callbacks scheduled in a domain run.
const domain = require('domain');
const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');

const outer = domain.create();
const inner = domain.create();
outer.name = 'outer';
inner.name = 'inner';
const names = () => domain._stack.map((d) => d.name).join(',') || '-';
const activeName = () => (process.domain ? process.domain.name : String(process.domain));

try {
  process.setUncaughtExceptionCaptureCallback(() => {});
} catch (err) {
  console.log(err.code, err.stack.includes('-'.repeat(40)), err.stack.includes('require(`domain`) at this point'));
}

inner.on('error', (err) => {
  console.log('inner handler', err.message, names(), activeName());
  process.nextTick(() => console.log('tick in handler', names(), activeName()));
});
outer.on('error', (err) => {
  console.log('outer handler', err.message, names(), activeName());
});

outer.run(() => {
  inner.run(() => {
    const ee = new EventEmitter();
    ee.emit('error', new Error('emitted'));
    console.log('after emit', names(), activeName());
    setTimeout(() => {
      console.log('timer', names(), activeName());
      const res = new AsyncResource('Thing');
      console.log('resource domain', res.domain === inner, Object.keys(res).includes('domain'));
    }, 1);
  });
});

outer.run(() => {
  inner.run(() => {
    throw new Error('thrown');
  });
});

