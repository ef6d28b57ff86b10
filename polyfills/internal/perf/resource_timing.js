// PerformanceResourceTiming and the resource timing buffer (markResourceTiming,
// setResourceTimingBufferSize, clearResourceTimings), with the web's
// buffer-full protocol: entries past the limit wait in a secondary buffer
// while 'resourcetimingbufferfull' gives listeners a chance to make room.
'use strict';

const { PerformanceEntry, kSkipThrow, enqueue } = require('internal/perf/observe');

const kTimingInfo = Symbol('kTimingInfo');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined) {
    super(skipThrow, name, type);
  }

  get startTime() { return this[kTimingInfo].startTime; }
  get duration() { return this[kTimingInfo].endTime - this[kTimingInfo].startTime; }
  get initiatorType() { return this[kInitiatorType]; }
  get workerStart() { return this[kTimingInfo].finalServiceWorkerStartTime; }
  get redirectStart() { return this[kTimingInfo].redirectStartTime; }
  get redirectEnd() { return this[kTimingInfo].redirectEndTime; }
  get fetchStart() { return this[kTimingInfo].postRedirectStartTime; }
  get domainLookupStart() { return this[kTimingInfo].finalConnectionTimingInfo?.domainLookupStartTime; }
  get domainLookupEnd() { return this[kTimingInfo].finalConnectionTimingInfo?.domainLookupEndTime; }
  get connectStart() { return this[kTimingInfo].finalConnectionTimingInfo?.connectionStartTime; }
  get connectEnd() { return this[kTimingInfo].finalConnectionTimingInfo?.connectionEndTime; }
  get secureConnectionStart() {
    return this[kTimingInfo].finalConnectionTimingInfo?.secureConnectionStartTime;
  }
  get nextHopProtocol() { return this[kTimingInfo].finalConnectionTimingInfo?.ALPNNegotiatedProtocol; }
  get requestStart() { return this[kTimingInfo].finalNetworkRequestStartTime; }
  get responseStart() { return this[kTimingInfo].finalNetworkResponseStartTime; }
  get responseEnd() { return this[kTimingInfo].endTime; }
  get encodedBodySize() { return this[kTimingInfo].encodedBodySize; }
  get decodedBodySize() { return this[kTimingInfo].decodedBodySize; }
  // a cache hit cost nothing on the wire, a revalidation only headers (300)
  get transferSize() {
    if (this[kCacheMode] === 'local') return 0;
    if (this[kCacheMode] === 'validated') return 300;
    return this[kTimingInfo].encodedBodySize + 300;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `PerformanceResourceTiming ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this[kInitiatorType],
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
    };
  }
}

Object.defineProperty(PerformanceResourceTiming.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'PerformanceResourceTiming', configurable: true,
});

const buffer = [];
const secondary = [];
let sizeLimit = 250;
let bufferFullPending = false;

function processBufferFull(performance) {
  while (secondary.length > 0) {
    const { Event } = require('internal/event_target');
    performance.dispatchEvent(new Event('resourcetimingbufferfull'));
    const room = Math.max(0, sizeLimit - buffer.length);
    const moved = secondary.splice(0, Math.min(room, secondary.length));
    buffer.push(...moved);
    // listeners made no room: what is left is dropped
    if (moved.length === 0) {
      secondary.length = 0;
      break;
    }
  }
  bufferFullPending = false;
}

function bufferEntry(entry, performance) {
  if (buffer.length < sizeLimit && secondary.length === 0) {
    buffer.push(entry);
    return;
  }
  if (!bufferFullPending) {
    bufferFullPending = true;
    setImmediate(processBufferFull, performance);
  }
  secondary.push(entry);
}

function markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode) {
  const entry = new PerformanceResourceTiming(kSkipThrow, `${requestedUrl}`, 'resource');
  entry[kTimingInfo] = timingInfo;
  entry[kInitiatorType] = initiatorType;
  entry[kCacheMode] = cacheMode;
  enqueue(entry);
  bufferEntry(entry, this);
  return entry;
}

function setResourceTimingBufferSize(maxSize) {
  // WebIDL unsigned long: NaN, infinities and non-numbers are 0
  sizeLimit = Number(maxSize) >>> 0;
}

function clearResourceTimings() {
  buffer.length = 0;
}

module.exports = {
  PerformanceResourceTiming,
  markResourceTiming,
  setResourceTimingBufferSize,
  clearResourceTimings,
  resourceBuffer: buffer,
};
