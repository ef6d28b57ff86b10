'use strict';
// EventEmitter, EventTarget and AbortController behaviour.
const EventEmitter = require('events');
const { once, on, getEventListeners, errorMonitor } = EventEmitter;

const e = new EventEmitter();
const log = [];
e.on('newListener', (ev) => log.push(`new:${String(ev)}`));
e.on('removeListener', (ev) => log.push(`rm:${String(ev)}`));
const f = (a, b) => log.push(`f:${a}:${b}`);
e.on('a', f);
e.prependOnceListener('a', () => log.push('first-once'));
e.once('a', () => log.push('once'));
console.log(e.emit('a', 1, 2), e.emit('a', 3, 4), e.emit('nothing'));
console.log(e.listenerCount('a'), e.listeners('a').length, e.rawListeners('a').length, e.eventNames());
e.off('a', f);
e.removeAllListeners();
console.log(log.join(','), e.eventNames());

const sym = Symbol('s');
e.on(sym, () => {});
console.log(e.eventNames(), EventEmitter.listenerCount(e, sym));
e.on(errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('handled', err.message));
e.emit('error', new Error('E1'));
console.log(e.getMaxListeners(), EventEmitter.defaultMaxListeners, getEventListeners(e, 'error').length);

class Sub extends EventEmitter {}
const s = new Sub();
s.setMaxListeners(1);
process.on('warning', (w) => console.log('warning:', w.name, w.count, w.type, w.message));
s.on('x', () => {});
s.on('x', () => {});

const ac = new AbortController();
console.log(ac.signal.aborted, ac.signal.reason);
ac.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ev.isTrusted));
ac.abort('why');
console.log(ac.signal.aborted, ac.signal.reason);
ac.abort('again');
console.log(AbortSignal.abort().reason.name, AbortSignal.abort().reason.message);

const t = new EventTarget();
const h = { handleEvent(ev) { console.log('handleEvent', ev.type, this === h); } };
t.addEventListener('x', h);
t.addEventListener('x', h);
t.addEventListener('x', (ev) => { ev.preventDefault(); console.log('fn', ev.defaultPrevented, ev.cancelable); }, { once: true });
console.log(t.dispatchEvent(new Event('x', { cancelable: true })));
console.log(t.dispatchEvent(new Event('x')));
const ce = new CustomEvent('c', { detail: { k: 1 } });
console.log(ce.detail, ce.type, ce instanceof Event);

(async () => {
  const em = new EventEmitter();
  setTimeout(() => em.emit('go', 1, 2), 1);
  console.log('once', await once(em, 'go'));
  const ac2 = new AbortController();
  const p = once(em, 'never', { signal: ac2.signal });
  ac2.abort();
  try { await p; } catch (err) { console.log(err.name, err.code, err.message); }
  setTimeout(() => { em.emit('tick', 1); em.emit('tick', 2); em.emit('tick', 3); }, 1);
  for await (const [v] of on(em, 'tick')) {
    console.log('tick', v);
    if (v === 3) break;
  }
  console.log('listeners after', em.listenerCount('tick'), em.listenerCount('error'));
  const err = new EventEmitter({ captureRejections: true });
  err.on('ev', async () => { throw new Error('async boom'); });
  err.on('error', (x) => console.log('captured', x.message));
  err.emit('ev');
})();
