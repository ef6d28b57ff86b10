// performance.eventLoopUtilization([elu1[, elu2]]): how much of the time
// since the loop started it spent running callbacks rather than waiting.
'use strict';

const { now, loopTiming } = require('internal/perf/utils');

function eventLoopUtilization(util1, util2) {
  const [loopStart, , idleTime] = loopTiming();
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const active = now() - loopStart - idleTime;
  if (!util1) return { idle: idleTime, active, utilization: active / (idleTime + active) };
  const idleDelta = idleTime - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

module.exports = eventLoopUtilization;
