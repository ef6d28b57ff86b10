// performance.mark() / measure(): user entries on the timeline, with Node's
// validation; measure() also accepts nodeTiming's milestone names as marks.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { structuredClone } = require('internal/structured_clone');
const { PerformanceEntry, kSkipThrow, enqueue, timeline } = require('internal/perf/observe');
const { now, milestones } = require('internal/perf/utils');

const kDetail = Symbol('kDetail');
const kNodeMilestones = ['nodeStart', 'v8Start', 'environment', 'bootstrapComplete'];

// V8's message for `${symbol}` (the engine's own differs)
function toName(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${value}`;
}

let DOMException;
function syntaxError(message) {
  DOMException ??= require('internal/per_context/domexception').DOMException;
  return new DOMException(message, 'SyntaxError');
}

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new TypeError(`${name} is a negative number`);
    return name;
  }
  name = `${name}`;
  const milestone = kNodeMilestones.indexOf(name);
  if (milestone !== -1) return milestones[milestone];
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e.entryType === 'mark' && e.name === name) return e.startTime;
  }
  throw syntaxError(`The "${name}" performance mark has not been set`);
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = toName(name);
    if (options !== undefined) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('startTime', 'number', startTime);
    }
    if (startTime < 0) throw new TypeError(`${startTime} is a negative number`);
    super(kSkipThrow, name, 'mark', startTime, 0);
    const detail = options?.detail;
    this[kDetail] = detail != null ? structuredClone(detail) : null;
  }

  get detail() { return this[kDetail]; }

  toJSON() {
    return { ...super.toJSON(), detail: this[kDetail] };
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(skipThrow, name, type, start, duration, detail) {
    super(skipThrow, name, type, start, duration);
    this[kDetail] = detail;
  }

  get detail() { return this[kDetail]; }

  toJSON() {
    return { ...super.toJSON(), detail: this[kDetail] };
  }
}

for (const C of [PerformanceMark, PerformanceMeasure]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
  Object.defineProperty(C.prototype, 'detail', { __proto__: null, enumerable: true });
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  timeline.push(entry);
  enqueue(entry);
  return entry;
}

function measure(name, startOrMeasureOptions, endMark) {
  name = toName(name);
  let start;
  let end;
  let duration;
  let detail = null;
  if (startOrMeasureOptions !== null && typeof startOrMeasureOptions === 'object' &&
      Object.keys(startOrMeasureOptions).length > 0) {
    const options = startOrMeasureOptions;
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    }
    ({ start, end, duration } = options);
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
    if (options.detail != null) detail = structuredClone(options.detail);
    // a duration counts only next to one end of the interval
    const startTime = start !== undefined ? getMark(start) : undefined;
    const endTime = end !== undefined ? getMark(end) : undefined;
    if (startTime !== undefined) start = startTime;
    else if (duration !== undefined && endTime !== undefined) start = endTime - duration;
    else start = 0;
    if (endTime !== undefined) end = endTime;
    else if (duration !== undefined && startTime !== undefined) end = startTime + duration;
    else end = now();
  } else {
    end = endMark !== undefined ? getMark(endMark) : now();
    start = startOrMeasureOptions !== undefined && startOrMeasureOptions !== null &&
      typeof startOrMeasureOptions !== 'object' ? getMark(startOrMeasureOptions) : 0;
  }
  const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, end - start, detail);
  timeline.push(entry);
  enqueue(entry);
  return entry;
}

function clearEntries(type, name) {
  if (name !== undefined) name = toName(name);
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e.entryType === type && (name === undefined || e.name === name)) timeline.splice(i, 1);
  }
}

module.exports = { PerformanceMark, PerformanceMeasure, mark, measure, clearEntries };
