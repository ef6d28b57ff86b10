// PerformanceObserver and the entry queue behind it (Node's module of this
// name): modules that produce entries (http, net, performance.mark/measure)
// ask hasObserver(type) first, so nothing is timed when nobody observes, and
// hand finished entries to enqueue().  Observers get their buffered entries
// in one callback per setImmediate turn.
'use strict';

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { now } = require('internal/perf/utils');

const { observerCounts } = internalBinding('performance');
// entry type -> index in observerCounts (Node's NODE_PERFORMANCE_ENTRY_TYPE_*)
const kCountIndex = { __proto__: null, gc: 0, http: 1, http2: 2, net: 3, dns: 4 };

// Entries are made by this module's users only: user code meets an illegal
// constructor, as with Node's.
const kSkipThrow = Symbol('kSkipThrow');
const kName = Symbol('kName');
const kEntryType = Symbol('kEntryType');
const kStartTime = Symbol('kStartTime');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

const kSupportedEntryTypes = Object.freeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource',
]);

const kBuffer = Symbol('kBuffer');
const kCallback = Symbol('kCallback');
const kTypes = Symbol('kTypes');
const kType = Symbol('kType');
const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');

const kTypeSingle = 0;
const kTypeMultiple = 1;

// entryType -> Set of observers
const observers = new Map();
const pending = new Set();
let isPending = false;

// The timeline buffer of performance.mark/measure (perf_hooks reads it for
// getEntries and for `buffered: true`).
const timeline = [];

class PerformanceEntry {
  constructor(skipThrow = undefined, name, entryType, startTime, duration) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kEntryType] = entryType;
    this[kStartTime] = startTime;
    this[kDuration] = duration;
  }

  get name() { return checkEntry(this, 'name')[kName]; }
  get entryType() { return checkEntry(this, 'entryType')[kEntryType]; }
  get startTime() { return checkEntry(this, 'startTime')[kStartTime]; }
  get duration() { return checkEntry(this, 'duration')[kDuration]; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    checkEntry(this, 'toJSON');
    return {
      name: this[kName],
      entryType: this[kEntryType],
      startTime: this[kStartTime],
      duration: this[kDuration],
    };
  }
}

function checkEntry(obj, what) {
  if (obj == null || !(kName in Object(obj))) throw new ERR_INVALID_THIS('PerformanceEntry');
  return obj;
}

for (const key of ['name', 'entryType', 'startTime', 'duration', 'toJSON']) {
  Object.defineProperty(PerformanceEntry.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'PerformanceEntry', configurable: true,
});

// Entries of Node's own operations (http, net, dns, function, gc): `detail`
// carries what the operation knows.
class PerformanceNodeEntry extends PerformanceEntry {
  constructor(skipThrow, name, type, start, duration, detail) {
    super(skipThrow, name, type, start, duration);
    this[kDetail] = detail;
  }

  get detail() { return this[kDetail]; }

  toJSON() {
    return { ...super.toJSON(), detail: this[kDetail] };
  }
}

function createPerformanceNodeEntry(name, type, start, duration, detail) {
  return new PerformanceNodeEntry(kSkipThrow, name, type, start, duration, detail);
}

function hasObserver(type) {
  const set = observers.get(type);
  return set !== undefined && set.size > 0;
}

function queuePending() {
  if (isPending) return;
  isPending = true;
  setImmediate(() => {
    isPending = false;
    const list = Array.from(pending);
    pending.clear();
    for (const observer of list) observer[kDispatch]();
  });
}

function enqueue(entry) {
  const set = observers.get(entry.entryType);
  if (set === undefined) return;
  for (const observer of set) observer[kMaybeBuffer](entry);
}

// Timing of an operation kept on its owner until it ends (Node's
// startPerf/stopPerf): the entry merges the start and end details.
function startPerf(target, key, context) {
  target[key] = { ...context, startTime: now() };
}

function stopPerf(target, key, context = {}) {
  const ctx = target[key];
  if (ctx === undefined) return;
  target[key] = undefined;
  const startTime = ctx.startTime;
  const entry = createPerformanceNodeEntry(ctx.name, ctx.type, startTime, now() - startTime,
    { ...ctx.detail, ...context.detail });
  enqueue(entry);
}

function sortByStart(list) {
  return list.slice().sort((a, b) => a.startTime - b.startTime);
}

class PerformanceObserverEntryList {
  constructor(entries) {
    this[kBuffer] = sortByStart(entries);
  }

  getEntries() {
    return this[kBuffer].slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kBuffer].filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this[kBuffer].filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kBuffer] = [];
    this[kTypes] = new Set();
    this[kType] = undefined;
    this[kCallback] = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    switch (this[kType]) {
      case undefined:
        if (entryTypes !== undefined) this[kType] = kTypeMultiple;
        if (type !== undefined) this[kType] = kTypeSingle;
        break;
      case kTypeSingle:
        if (entryTypes !== undefined) {
          throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
            'options.entryTypes can not be set after options.type');
        }
        break;
      case kTypeMultiple:
        if (type !== undefined) {
          throw new ERR_INVALID_ARG_VALUE('options.type', type,
            'options.type can not be set after options.entryTypes');
        }
        break;
    }
    if (this[kType] === kTypeMultiple) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this.disconnect();
      for (const t of entryTypes) {
        if (kSupportedEntryTypes.includes(t)) this[kTypes].add(t);
      }
      for (const t of this[kTypes]) addObserver(t, this);
    } else {
      if (!kSupportedEntryTypes.includes(type)) return;
      this[kTypes].add(type);
      addObserver(type, this);
      if (buffered) {
        const source = type === 'resource' ? require('internal/perf/resource_timing').resourceBuffer : timeline;
        const old = source.filter((e) => e.entryType === type);
        if (old.length) {
          this[kBuffer].push(...old);
          pending.add(this);
          queuePending();
        }
      }
    }
  }

  disconnect() {
    for (const t of this[kTypes]) removeObserver(t, this);
    this[kTypes].clear();
    this[kBuffer] = [];
    pending.delete(this);
  }

  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this[kTypes].has(entry.entryType)) return;
    this[kBuffer].push(entry);
    pending.add(this);
    queuePending();
  }

  [kDispatch]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    Reflect.apply(this[kCallback], this, [new PerformanceObserverEntryList(entries), this]);
  }
}

Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'PerformanceObserver', configurable: true,
});

function addObserver(type, observer) {
  let set = observers.get(type);
  if (set === undefined) {
    set = new Set();
    observers.set(type, set);
  }
  if (!set.has(observer) && kCountIndex[type] !== undefined) observerCounts[kCountIndex[type]]++;
  set.add(observer);
}

function removeObserver(type, observer) {
  const set = observers.get(type);
  if (set !== undefined && set.delete(observer) && kCountIndex[type] !== undefined) {
    observerCounts[kCountIndex[type]]--;
  }
}

module.exports = {
  PerformanceEntry,
  PerformanceNodeEntry,
  createPerformanceNodeEntry,
  kSkipThrow,
  PerformanceObserver,
  PerformanceObserverEntryList,
  enqueue,
  hasObserver,
  startPerf,
  stopPerf,
  now,
  timeline,
};
