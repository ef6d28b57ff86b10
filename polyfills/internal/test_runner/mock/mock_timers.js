// mock.timers: fake setTimeout/setInterval/setImmediate (and their clear
// functions) and Date, driven by tick()/runAll().  The globals and the
// node:timers exports are swapped while enabled.
'use strict';

const {
  codes: { ERR_INVALID_STATE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateArray, validateNumber, validateObject, validateStringArray } = require('internal/validators');

const kSupported = ['setInterval', 'setTimeout', 'setImmediate', 'Date', 'scheduler.wait'];

class MockTimers {
  #enabled = false;
  #apis = [];
  #now = 0;
  #nextId = 1;
  #queue = [];
  #originals = null;
  #OriginalDate = globalThis.Date;

  #schedule(callback, delay, args, isInterval, kind) {
    delay = Number(delay);
    if (kind === 'immediate') delay = 0;
    else if (!(delay >= 1 && delay <= 2 ** 31 - 1)) delay = 1;
    const timer = {
      id: this.#nextId++,
      callback,
      args,
      runAt: this.#now + delay,
      interval: isInterval ? delay : null,
      kind,
      hasRef: true,
    };
    const self = this;
    const handle = {
      __proto__: null,
      [Symbol.toPrimitive]() { return timer.id; },
      ref() { timer.hasRef = true; return handle; },
      unref() { timer.hasRef = false; return handle; },
      hasRef() { return timer.hasRef; },
      refresh() { timer.runAt = self.#now + (timer.interval ?? delay); return handle; },
      close() { self.#clear(handle); return handle; },
      [Symbol.dispose]() { self.#clear(handle); },
    };
    timer.handle = handle;
    this.#queue.push(timer);
    return handle;
  }

  #clear(handle) {
    if (handle === null || handle === undefined) return;
    const id = typeof handle === 'object' ? handle[Symbol.toPrimitive]() : Number(handle);
    const index = this.#queue.findIndex((t) => t.id === id);
    if (index !== -1) this.#queue.splice(index, 1);
  }

  #nextDue(limit) {
    let best = null;
    for (const t of this.#queue) {
      if (t.runAt > limit) continue;
      if (best === null || t.runAt < best.runAt || (t.runAt === best.runAt && t.id < best.id)) best = t;
    }
    return best;
  }

  #assertEnabled() {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  tick(time = 1) {
    this.#assertEnabled();
    validateNumber(time, 'time');
    if (time < 0) throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
    const target = this.#now + time;
    let timer;
    while ((timer = this.#nextDue(target)) !== null) {
      if (timer.runAt > this.#now) this.#now = timer.runAt;
      if (timer.interval !== null) {
        timer.runAt += timer.interval;
      } else {
        this.#queue.splice(this.#queue.indexOf(timer), 1);
      }
      Reflect.apply(timer.callback, undefined, timer.args);
    }
    this.#now = target;
  }

  runAll() {
    this.#assertEnabled();
    let longest = this.#now;
    for (const t of this.#queue) if (t.runAt > longest) longest = t.runAt;
    this.tick(longest - this.#now);
  }

  setTime(milliseconds) {
    validateNumber(milliseconds, 'milliseconds');
    this.#assertEnabled();
    this.#now = milliseconds;
  }

  enable(options = { __proto__: null, apis: kSupported, now: 0 }) {
    if (this.#enabled) throw new ERR_INVALID_STATE('MockTimers is already enabled!');
    // Node 20.4's form: enable(['setTimeout', ...]).
    if (Array.isArray(options)) options = { apis: options };
    validateObject(options, 'options');
    const apis = options.apis ?? kSupported;
    let now = options.now ?? 0;
    validateArray(apis, 'options.apis');
    validateStringArray(apis, 'options.apis');
    for (const api of apis) {
      if (!kSupported.includes(api)) {
        throw new ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`);
      }
    }
    if (now instanceof this.#OriginalDate) now = now.getTime();
    validateNumber(now, 'now');
    if (now < 0 || Number.isNaN(now)) {
      throw new ERR_INVALID_ARG_VALUE('now', now, `epoch must be a positive integer received ${now}`);
    }
    if (apis.includes('Date') && globalThis.Date?.isMock === true) {
      throw new ERR_INVALID_STATE('Date is already being mocked!');
    }
    this.#now = now;
    this.#apis = apis.slice();
    this.#enabled = true;
    this.#install();
  }

  #install() {
    const timers = require('timers');
    const self = this;
    this.#originals = {
      global: {
        setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout,
        setInterval: globalThis.setInterval, clearInterval: globalThis.clearInterval,
        setImmediate: globalThis.setImmediate, clearImmediate: globalThis.clearImmediate,
        Date: globalThis.Date,
      },
      timers: {},
    };
    const fakes = {};
    if (this.#apis.includes('setTimeout')) {
      fakes.setTimeout = (cb, delay, ...args) => self.#schedule(cb, delay, args, false, 'timeout');
      fakes.clearTimeout = (h) => self.#clear(h);
    }
    if (this.#apis.includes('setInterval')) {
      fakes.setInterval = (cb, delay, ...args) => self.#schedule(cb, delay, args, true, 'interval');
      fakes.clearInterval = (h) => self.#clear(h);
    }
    if (this.#apis.includes('setImmediate')) {
      fakes.setImmediate = (cb, ...args) => self.#schedule(cb, 0, args, false, 'immediate');
      fakes.clearImmediate = (h) => self.#clear(h);
    }
    for (const [name, fn] of Object.entries(fakes)) {
      this.#originals.timers[name] = timers[name];
      globalThis[name] = fn;
      timers[name] = fn;
    }
    this.#installPromises();
    if (this.#apis.includes('Date')) globalThis.Date = this.#mockDate();
  }

  // timers/promises and scheduler.wait over the same fake clock.
  #installPromises() {
    const promises = require('timers/promises');
    const self = this;
    const abortError = (signal) => {
      const { AbortError } = require('internal/errors');
      return new AbortError(undefined, { cause: signal.reason });
    };
    const fakeTimeout = (delay, value, options = {}, kind = 'timeout') => new Promise((resolve, reject) => {
      const signal = options?.signal;
      if (signal !== undefined) {
        try {
          const { validateAbortSignal } = require('internal/validators');
          validateAbortSignal(signal, 'options.signal');
        } catch (err) {
          reject(err);
          return;
        }
      }
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        self.#clear(handle);
        reject(abortError(signal));
      };
      const handle = self.#schedule(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      }, delay, [], false, kind);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const fakes = {};
    this.#originals.promises = {};
    if (this.#apis.includes('setTimeout')) {
      fakes.setTimeout = (delay, value, options) => fakeTimeout(delay, value, options);
    }
    if (this.#apis.includes('setImmediate')) {
      fakes.setImmediate = (value, options) => fakeTimeout(0, value, options, 'immediate');
    }
    if (this.#apis.includes('setInterval')) {
      fakes.setInterval = async function* setInterval(interval, value, options = {}) {
        const signal = options?.signal;
        if (signal?.aborted) throw abortError(signal);
        let pending = 0;
        let wake = null;
        let aborted = false;
        const wakeUp = () => {
          if (wake !== null) {
            const w = wake;
            wake = null;
            w();
          }
        };
        const handle = self.#schedule(() => { pending++; wakeUp(); }, interval, [], true, 'interval');
        const onAbort = () => { aborted = true; self.#clear(handle); wakeUp(); };
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          for (;;) {
            // Ticks that fired before an abort are still delivered.
            if (pending > 0) {
              pending--;
              yield value;
              continue;
            }
            if (aborted) throw abortError(signal);
            await new Promise((r) => { wake = r; });
          }
        } finally {
          self.#clear(handle);
          signal?.removeEventListener('abort', onAbort);
        }
      };
    }
    for (const [name, fn] of Object.entries(fakes)) {
      this.#originals.promises[name] = promises[name];
      promises[name] = fn;
    }
    if (this.#apis.includes('scheduler.wait')) {
      Object.defineProperty(promises.scheduler, 'wait', {
        __proto__: null, configurable: true, writable: true, enumerable: false,
        value: (delay, options) => fakeTimeout(delay, undefined, options),
      });
      this.#originals.schedulerWait = true;
    }
  }

  #mockDate() {
    const OriginalDate = this.#OriginalDate;
    const self = this;
    function MockDate(...args) {
      if (!new.target) return new OriginalDate(self.#now).toString();
      if (args.length === 0) return Reflect.construct(OriginalDate, [self.#now], new.target);
      return Reflect.construct(OriginalDate, args, new.target);
    }
    Object.setPrototypeOf(MockDate, OriginalDate);
    MockDate.prototype = OriginalDate.prototype;
    MockDate.now = () => self.#now;
    MockDate.parse = OriginalDate.parse;
    MockDate.UTC = OriginalDate.UTC;
    MockDate.isMock = true;
    Object.defineProperty(MockDate, 'name', { value: 'Date' });
    MockDate.toString = () => 'function Date() { [native code] }';
    return MockDate;
  }

  reset() {
    if (!this.#enabled) return;
    this.#enabled = false;
    const timers = require('timers');
    const o = this.#originals;
    for (const name of Object.keys(o.timers)) globalThis[name] = o.global[name];
    const promises = require('timers/promises');
    for (const [name, fn] of Object.entries(o.promises ?? {})) promises[name] = fn;
    if (o.schedulerWait) delete promises.scheduler.wait;
    if (this.#apis.includes('Date')) globalThis.Date = o.global.Date;
    for (const [name, fn] of Object.entries(o.timers)) timers[name] = fn;
    this.#originals = null;
    this.#queue = [];
    this.#now = 0;
  }

  [Symbol.dispose]() {
    this.reset();
  }
}

module.exports = { MockTimers };
