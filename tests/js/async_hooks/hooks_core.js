'use strict';
// createHook callbacks for the JS resources (Timeout, Immediate, TickObject,
// Microtask, AsyncResource): order, ids seen inside callbacks, triggers,
// destroy after the fact, and enabling/disabling from inside a hook.
const ah = require('async_hooks');
const fs = require('fs');

// stderr's handle (Node makes it on first use) exists before the hook.
void process.stderr;
const out = (s) => fs.writeSync(1, `${s}\n`);
const names = new Map();
const name = (id) => names.get(id) ?? (id === 1 ? 'main' : id === 0 ? 'none' : `?${id}`);

out(`top ${ah.executionAsyncId()} ${ah.triggerAsyncId()} ${typeof ah.executionAsyncResource()}`);

const hook = ah.createHook({
  init(id, type, trigger, resource) {
    names.set(id, `${type}#${names.size}`);
    out(`init ${name(id)} by ${name(trigger)} in ${name(ah.executionAsyncId())} ` +
        `${typeof resource === 'object'}`);
  },
  before(id) { out(`before ${name(id)}`); },
  after(id) { out(`after ${name(id)}`); },
  destroy(id) { out(`destroy ${name(id)}`); },
});
out(`enable returns hook: ${hook.enable() === hook}`);

function where(label) {
  out(`${label}: runs as ${name(ah.executionAsyncId())} by ${name(ah.triggerAsyncId())}`);
}

const cleared = setImmediate(() => out('never'));
clearImmediate(cleared);

process.nextTick(() => {
  where('tick');
  process.nextTick(() => where('nested tick'));
});
queueMicrotask(() => where('microtask'));

const t = setTimeout(() => {
  where('timeout');
  const res = new ah.AsyncResource('Custom');
  res.runInAsyncScope(() => where('runInAsyncScope'));
  const bound = res.bind(function(x) { where(`bound ${x} ${this === undefined}`); });
  bound(7);
  out(`bound.asyncResource is res: ${bound.asyncResource === res}`);
  out(`resource triggerAsyncId is timeout: ${name(res.triggerAsyncId())}`);
  res.emitDestroy();
  out('emitDestroy returned');
  setImmediate(() => {
    where('immediate');
    const iv = setInterval(() => {
      where('interval');
      clearInterval(iv);
    }, 1);
  });
  // Long enough that the destroys queued by the main script run first (the
  // check phase of the first loop turn), under node as here.
}, 50);
out(`timer primitive is its async id: ${+t > 1}`);

// A hook enabled from inside another hook sees events from the next one on.
const late = [];
const inner = ah.createHook({ init(id, type) { late.push(type); } });
const outer = ah.createHook({
  init(id, type) {
    if (type === 'Outer1') inner.enable();
  },
}).enable();
new ah.AsyncResource('Outer1', { requireManualDestroy: true });
new ah.AsyncResource('Outer2', { requireManualDestroy: true });
inner.disable();
outer.disable();
out(`inner saw: ${late.join(',')}`);

// An explicit trigger id and its validation.
const r = new ah.AsyncResource('WithTrigger', { triggerAsyncId: 42, requireManualDestroy: true });
out(`explicit trigger ${r.triggerAsyncId()}`);
try {
  new ah.AsyncResource('Bad', { triggerAsyncId: -2 });
} catch (e) {
  out(`${e.code}: ${e.message}`);
}

process.on('warning', (w) => out(`warning ${w.code}`));

process.on('exit', () => {
  hook.disable();
  out('exit');
});
