// The parts of perf_hooks that programs and Node's http tests touch:
// performance.now/timeOrigin/mark/measure, monitorEventLoopDelay is absent.
'use strict';

const pm = internalBinding('process_methods');

const {
  PerformanceEntry,
  PerformanceObserver,
  PerformanceObserverEntryList,
  enqueue,
  now,
  timeline: entries,
} = require('internal/perf/observe');

const timeOrigin = Date.now() - pm.uptime() * 1000;

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    super(String(name), 'mark', options.startTime ?? now(), 0, options.detail ?? null);
  }
}
class PerformanceMeasure extends PerformanceEntry {}


const performance = {
  now,
  get timeOrigin() { return timeOrigin; },
  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    entries.push(mark);
    enqueue(mark);
    return mark;
  },
  measure(name, startOrOptions, endMark) {
    const find = (n) => {
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i].name === n && entries[i].entryType === 'mark') return entries[i].startTime;
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(`The "${n}" performance mark has not been set`, 'SyntaxError');
    };
    let start = 0;
    let end = now();
    let detail;
    if (startOrOptions && typeof startOrOptions === 'object') {
      if (startOrOptions.start !== undefined) start = typeof startOrOptions.start === 'string' ? find(startOrOptions.start) : startOrOptions.start;
      if (startOrOptions.end !== undefined) end = typeof startOrOptions.end === 'string' ? find(startOrOptions.end) : startOrOptions.end;
      detail = startOrOptions.detail;
    } else if (startOrOptions !== undefined) {
      start = find(startOrOptions);
    }
    if (endMark !== undefined) end = find(endMark);
    const m = new PerformanceMeasure(String(name), 'measure', start, end - start, detail ?? null);
    entries.push(m);
    enqueue(m);
    return m;
  },
  clearMarks(name) { remove('mark', name); },
  clearMeasures(name) { remove('measure', name); },
  getEntries() { return entries.slice(); },
  getEntriesByName(name, type) { return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)); },
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); },
  toJSON() { return { timeOrigin, nodeTiming: {}, eventLoopUtilization: {} }; },
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; },
  timerify(fn) { return fn; },
};

function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

module.exports = {
  performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  constants: {},
};
