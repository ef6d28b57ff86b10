// performance.timerify(fn): a wrapper that times each call (a 'function'
// entry for observers, and a histogram value when one is given); a call that
// returns a promise is timed until it settles.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { createPerformanceNodeEntry, enqueue, hasObserver } = require('internal/perf/observe');
const { now } = require('internal/perf/utils');

function processComplete(name, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
  if (!hasObserver('function')) return;
  const entry = createPerformanceNodeEntry(name, 'function', start, duration, args);
  // the arguments are also reachable by index on the entry, as Node's
  for (let i = 0; i < args.length; i++) entry[i] = args[i];
  enqueue(entry);
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined) {
    const { RecordableHistogram } = require('internal/histogram');
    if (!(histogram instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
    }
  }

  function timerified(...args) {
    const isConstructorCall = new.target !== undefined;
    const start = now();
    const result = isConstructorCall ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!isConstructorCall && typeof result?.finally === 'function') {
      return result.finally(() => processComplete(fn.name, start, args, histogram));
    }
    processComplete(fn.name, start, args, histogram);
    return result;
  }

  Object.defineProperties(timerified, {
    length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
    name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

module.exports = timerify;
