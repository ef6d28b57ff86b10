// The `performance` object (an EventTarget, as the web's): the clock, the
// user timeline (marks, measures) and Node's additions.
'use strict';

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS },
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');
const { timeline } = require('internal/perf/observe');
const { now, timeOrigin } = require('internal/perf/utils');
const { mark, measure, clearEntries } = require('internal/perf/usertiming');
const eventLoopUtilization = require('internal/perf/event_loop_utilization');
const timerify = require('internal/perf/timerify');
const nodeTiming = require('internal/perf/nodetiming');
const {
  markResourceTiming, setResourceTimingBufferSize, clearResourceTimings, resourceBuffer,
} = require('internal/perf/resource_timing');

const kSkipThrow = Symbol('kSkipThrow');
const kPerformanceBrand = Symbol('performance');

function sorted(list) {
  return list.slice().sort((a, b) => a.startTime - b.startTime);
}

function allEntries() {
  return [...timeline, ...resourceBuffer];
}

class Performance extends EventTarget {
  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kPerformanceBrand] = true;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `Performance ${inspect({ nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

Object.defineProperties(Performance.prototype, {
  clearMarks: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function clearMarks(name) { clearEntries('mark', name); },
  },
  clearMeasures: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function clearMeasures(name) { clearEntries('measure', name); },
  },
  getEntries: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function getEntries() { return sorted(allEntries()); },
  },
  getEntriesByName: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function getEntriesByName(name, type) {
      if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
      name = `${name}`;
      if (type !== undefined) type = `${type}`;
      return sorted(allEntries().filter((e) => e.name === name && (type === undefined || e.entryType === type)));
    },
  },
  getEntriesByType: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function getEntriesByType(type) {
      if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
      type = `${type}`;
      return sorted(allEntries().filter((e) => e.entryType === type));
    },
  },
  markResourceTiming: {
    __proto__: null, configurable: true, enumerable: true, writable: true, value: markResourceTiming,
  },
  setResourceTimingBufferSize: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: setResourceTimingBufferSize,
  },
  clearResourceTimings: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function clearResourceTimings_() { clearResourceTimings(); },
  },
  mark: { __proto__: null, configurable: true, enumerable: true, writable: true, value: mark },
  measure: { __proto__: null, configurable: true, enumerable: true, writable: true, value: measure },
  now: { __proto__: null, configurable: true, enumerable: true, writable: true, value: function now_() { return now(); } },
  timeOrigin: { __proto__: null, configurable: true, enumerable: true, get() { return timeOrigin; } },
  nodeTiming: { __proto__: null, configurable: true, enumerable: false, get() { return nodeTiming; } },
  eventLoopUtilization: {
    __proto__: null, configurable: true, enumerable: false, writable: true, value: eventLoopUtilization,
  },
  timerify: { __proto__: null, configurable: true, enumerable: false, writable: true, value: timerify },
  toJSON: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function toJSON() {
      return {
        nodeTiming: this.nodeTiming,
        timeOrigin: this.timeOrigin,
        eventLoopUtilization: this.eventLoopUtilization(),
      };
    },
  },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'Performance' },
});
Object.defineProperty(Performance.prototype.now, 'name', { __proto__: null, value: 'now' });

const performance = new Performance(kSkipThrow);

module.exports = { Performance, performance };
