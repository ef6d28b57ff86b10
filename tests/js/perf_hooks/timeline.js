'use strict';
// perf_hooks: marks/measures, observers, histograms, timerify, nodeTiming.
const {
  performance, PerformanceObserver, PerformanceEntry, PerformanceMark, createHistogram,
  monitorEventLoopDelay,
} = require('perf_hooks');

const show = (e) => [e.name, e.entryType, e.startTime, e.duration, e.detail];

performance.mark('a', { startTime: 5, detail: { x: 1 } });
performance.mark('b', { startTime: 12 });
console.log(show(performance.measure('a-b', 'a', 'b')));
console.log(show(performance.measure('d', { start: 'a', duration: 3 })));
console.log(show(performance.measure('e', { end: 'b', duration: 4 })));
console.log(performance.getEntriesByType('mark').map(show));
performance.clearMarks('a');
console.log(performance.getEntries().map((e) => e.name));
for (const bad of [() => performance.measure('x', 'missing'),
  () => performance.measure('x', { start: 1, end: 2, duration: 3 }),
  () => new PerformanceEntry(),
  () => performance.mark('x', { startTime: 'no' })]) {
  try { bad(); } catch (err) { console.log(err.name, err.code, err.message); }
}
console.log(new PerformanceMark('m') instanceof PerformanceEntry,
            Object.prototype.toString.call(new PerformanceMark('m')));

const h = createHistogram();
console.log(h.count, h.min, h.minBigInt, h.max, Number.isNaN(h.mean));
for (const v of [1, 2, 2, 3, 10]) h.record(v);
console.log(h.count, h.min, h.max, h.mean, h.percentile(50), h.percentile(100), h.exceeds);
const h2 = createHistogram({ lowest: 1, highest: 100 });
h2.add(h);
h2.record(7);
console.log(h2.count, h2.max, h2.percentileBigInt(90));
h2.reset();
console.log(h2.count, h2.max);
for (const bad of [() => h.record(0), () => h.record('1'), () => createHistogram({ figures: 6 }),
  () => new h.constructor()]) {
  try { bad(); } catch (err) { console.log(err.code); }
}

const obs = new PerformanceObserver((list, o) => {
  const [entry] = list.getEntries();
  console.log('observed', entry.name, entry.entryType, entry[0], entry.detail);
  o.disconnect();
});
obs.observe({ entryTypes: ['function'] });
const timed = performance.timerify(function add(x, y) { return x + y; });
console.log(timed.name, timed.length, timed(2, 3));

const t = performance.nodeTiming;
console.log(t.name, t.entryType, t.startTime, t.loopStart, t.loopExit,
            t.nodeStart <= t.v8Start && t.v8Start <= t.environment &&
            t.environment <= t.bootstrapComplete);
console.log(performance.eventLoopUtilization());
const eld = monitorEventLoopDelay({ resolution: 5 });
console.log(eld.enable(), eld.enable());
setTimeout(() => {
  const u = performance.eventLoopUtilization();
  console.log(u.utilization >= 0 && u.utilization <= 1, t.loopStart > 0);
  console.log(eld.disable(), eld.count > 0, eld.min > 0);
}, 60);

// resource timing buffer: entries past the limit wait for 'resourcetimingbufferfull'
const info = (t) => ({ startTime: t, endTime: t + 2, encodedBodySize: 10, decodedBodySize: 10,
  finalServiceWorkerStartTime: 0, redirectStartTime: 0, redirectEndTime: 0, postRedirectStartTime: 0,
  finalConnectionTimingInfo: null, finalNetworkRequestStartTime: 0, finalNetworkResponseStartTime: 0 });
performance.setResourceTimingBufferSize(1);
const r = performance.markResourceTiming(info(1), 'http://a/', 'fetch', globalThis, '');
console.log(r.name, r.duration, r.transferSize, Object.prototype.toString.call(r));
performance.markResourceTiming(info(2), 'http://b/', 'fetch', globalThis, '');
performance.markResourceTiming(info(3), 'http://c/', 'fetch', globalThis, '');
performance.addEventListener('resourcetimingbufferfull', (ev) => {
  console.log(ev.type, performance.getEntriesByType('resource').map((e) => e.name));
  performance.setResourceTimingBufferSize(2);
}, { once: true });
setImmediate(() => console.log(performance.getEntriesByType('resource').map((e) => e.name)));
