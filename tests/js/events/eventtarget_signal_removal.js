'use strict';
// A listener added with { signal } is removed when the signal aborts, even
// when an earlier abort listener stopped immediate propagation.
const { getEventListeners } = require('events');

{
  const ac = new AbortController();
  const et = new EventTarget();
  et.addEventListener('foo', () => console.log('should not run'), { signal: ac.signal });
  console.log('before', getEventListeners(et, 'foo').length);
  ac.abort();
  console.log('after', getEventListeners(et, 'foo').length);
  et.dispatchEvent(new Event('foo'));
}

{
  const ac = new AbortController();
  ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation(), { once: true });
  const et = new EventTarget();
  et.addEventListener('foo', () => console.log('should not run'), { signal: ac.signal });
  ac.abort();
  console.log('after stopImmediatePropagation', getEventListeners(et, 'foo').length);
}

{
  // once-listeners run once and are gone
  const et = new EventTarget();
  et.addEventListener('bar', (e) => console.log('once', e.type), { once: true });
  et.dispatchEvent(new Event('bar'));
  et.dispatchEvent(new Event('bar'));
  console.log('left', getEventListeners(et, 'bar').length);
}
