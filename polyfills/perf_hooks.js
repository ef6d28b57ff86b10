// node:perf_hooks: the performance timeline (marks, measures, Node's own
// entries), PerformanceObserver, histograms and event loop metrics.
'use strict';

const {
  PerformanceEntry,
  PerformanceObserver,
  PerformanceObserverEntryList,
} = require('internal/perf/observe');
const { PerformanceMark, PerformanceMeasure } = require('internal/perf/usertiming');
const { Performance, performance } = require('internal/perf/performance');
const { createHistogram } = require('internal/histogram');
const { PerformanceResourceTiming } = require('internal/perf/resource_timing');
const { monitorEventLoopDelay } = require('internal/perf/event_loop_delay');

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

// Node's entry type indexes, hidden as its binding's constants are.
for (const [name, value] of [['GC', 0], ['HTTP', 1], ['HTTP2', 2], ['NET', 3], ['DNS', 4]]) {
  Object.defineProperty(constants, `NODE_PERFORMANCE_ENTRY_TYPE_${name}`, { __proto__: null, value });
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
};
