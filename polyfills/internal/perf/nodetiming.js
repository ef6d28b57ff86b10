// performance.nodeTiming: the process's milestones and the loop's timing, in
// ms on performance.now()'s clock; read live, as Node's getters are.
'use strict';

const { PerformanceEntry, kSkipThrow } = require('internal/perf/observe');
const { now, milestones, loopTiming } = require('internal/perf/utils');

class PerformanceNodeTiming extends PerformanceEntry {
  constructor() {
    super(kSkipThrow, 'node', 'node', 0, 0);
  }

  get duration() { return now(); }
  get nodeStart() { return milestones[0]; }
  get v8Start() { return milestones[1]; }
  get environment() { return milestones[2]; }
  get bootstrapComplete() { return milestones[3]; }
  get loopStart() { return loopTiming()[0]; }
  get loopExit() { return loopTiming()[1]; }
  get idleTime() { return loopTiming()[2]; }

  get uvMetricsInfo() {
    const [loopCount, events, eventsWaiting] = internalBinding('performance').uvMetricsInfo();
    return { loopCount, events, eventsWaiting };
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}

for (const key of ['duration', 'nodeStart', 'v8Start', 'environment', 'bootstrapComplete',
  'loopStart', 'loopExit', 'idleTime', 'uvMetricsInfo']) {
  Object.defineProperty(PerformanceNodeTiming.prototype, key, { __proto__: null, enumerable: true });
}

module.exports = new PerformanceNodeTiming();
