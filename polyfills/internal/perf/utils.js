// The clock of perf_hooks: performance.now() counts ms from the start of this
// runtime (the binding's origin), timeOrigin is that instant on the wall clock.
'use strict';

const binding = internalBinding('performance');

const [originNs, ...rest] = binding.milestones();
const milestoneNs = rest.slice(0, 4);
const timeOrigin = rest[4];

function now() {
  return (binding.hrtimeNs() - originNs) / 1e6;
}

// nodeStart, v8Start, environment, bootstrapComplete in ms (-1 unknown).
const milestones = milestoneNs.map((ns) => (ns < 0 ? -1 : ns / 1e6));

// [loopStart, loopExit, idleTime] in ms.
function loopTiming() {
  const [start, exit, idle] = binding.loopTiming();
  return [start < 0 ? -1 : start / 1e6, exit < 0 ? -1 : exit / 1e6, idle / 1e6];
}

module.exports = { now, timeOrigin, milestones, loopTiming };
