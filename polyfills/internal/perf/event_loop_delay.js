// monitorEventLoopDelay(): a histogram of the ns between the ticks of a
// timer of `resolution` ms; a busy loop shows as long gaps.
'use strict';

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const { validateInteger, validateObject } = require('internal/validators');
const { Histogram, kHandle, kSkipThrow, newHandle } = require('internal/histogram');

const binding = internalBinding('performance');
const kTimer = Symbol('kTimer');
const kResolution = Symbol('kResolution');

class ELDHistogram extends Histogram {
  constructor(skipThrow = undefined, handle = undefined, resolution = 10) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, handle);
    this[kResolution] = resolution;
    this[kTimer] = undefined;
  }

  // true when this call changed the state
  enable() {
    if (this[kTimer] !== undefined) return false;
    binding.histogramRecordDelta(this[kHandle]);
    this[kTimer] = setInterval(() => binding.histogramRecordDelta(this[kHandle]),
                               this[kResolution]);
    this[kTimer].unref();
    return true;
  }

  disable() {
    if (this[kTimer] === undefined) return false;
    clearInterval(this[kTimer]);
    this[kTimer] = undefined;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kSkipThrow, newHandle(1, Number.MAX_SAFE_INTEGER), resolution);
}

module.exports = { monitorEventLoopDelay, ELDHistogram };
