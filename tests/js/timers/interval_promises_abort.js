'use strict';
// timers/promises setInterval: ticks counted before an abort are still
// delivered, the loop then rejects with AbortError; break releases the
// abort listener before the code after the loop runs.
const { setInterval } = require('timers/promises');
const { getEventListeners } = require('events');

async function slowConsumer() {
  const ac = new AbortController();
  let seen = 0;
  try {
    for await (const v of setInterval(5, 'v', { signal: ac.signal })) {
      seen++;
      if (seen === 1) {
        // Let several ticks pile up, then abort.
        await new Promise((r) => setTimeout(r, 40));
        ac.abort('stop');
      }
      if (seen === 2) console.log('after abort got', v, ac.signal.aborted);
      if (seen > 100) throw new Error('never stopped');
    }
  } catch (err) {
    console.log(err.name, err.cause, seen > 1);
  }
}

async function breakEarly() {
  const ac = new AbortController();
  let i = 0;
  for await (const _ of setInterval(2, undefined, { signal: ac.signal })) {
    if (++i === 2) break;
  }
  console.log('listeners after break', getEventListeners(ac.signal, 'abort').length);
}

async function alreadyAborted() {
  try {
    for await (const _ of setInterval(2, undefined, { signal: AbortSignal.abort('early') })) {}
  } catch (err) {
    console.log(err.name, err.cause);
  }
}

(async () => {
  await slowConsumer();
  await breakEarly();
  await alreadyAborted();
})();
