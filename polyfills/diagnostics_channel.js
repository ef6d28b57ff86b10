// node:diagnostics_channel: named pub/sub channels, store binding
// (AsyncLocalStorage) and tracing channels, as Node 20.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { triggerUncaughtException } = require('internal/process/execution');

// Channels by name.  Node keeps them through weak references; a channel with
// subscribers or bound stores must survive, an idle one may be collected.
// Keeping every channel made is simpler and only costs memory for names that
// were asked for.
const channels = new Map();

function reportSubscriberError(err) {
  process.nextTick(() => {
    triggerUncaughtException(err, false);
  });
}

function wrapStoreRun(store, data, next, transform = (v) => v) {
  return () => {
    let context;
    try {
      context = transform(data);
    } catch (err) {
      reportSubscriberError(err);
      return next();
    }
    return store.run(context, next);
  };
}

const kSubscribers = Symbol('subscribers');
const kStores = Symbol('stores');

class Channel {
  constructor(name) {
    this[kSubscribers] = [];
    this[kStores] = undefined;
    this.name = name;
  }

  // An inactive and an active channel are both Channels (Node swaps their
  // prototypes).
  static [Symbol.hasInstance](instance) {
    // As Node's ObjectGetPrototypeOf(instance) (V8's message).
    if (instance === null || instance === undefined) {
      throw new TypeError('Cannot convert undefined or null to object');
    }
    return typeof instance === 'object' && kSubscribers in instance;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps its list.
    this[kSubscribers] = [...this[kSubscribers], subscription];
  }

  unsubscribe(subscription) {
    const list = this[kSubscribers];
    const index = list.indexOf(subscription);
    if (index === -1) return false;
    const next = list.slice();
    next.splice(index, 1);
    this[kSubscribers] = next;
    return true;
  }

  bindStore(store, transform) {
    if (this[kStores] === undefined) this[kStores] = new Map();
    this[kStores].set(store, transform);
  }

  unbindStore(store) {
    if (this[kStores] === undefined || !this[kStores].has(store)) return false;
    this[kStores].delete(store);
    if (this[kStores].size === 0) this[kStores] = undefined;
    return true;
  }

  get hasSubscribers() {
    return this[kSubscribers].length > 0 || (this[kStores] !== undefined && this[kStores].size > 0);
  }

  publish(data) {
    const list = this[kSubscribers];
    for (let i = 0; i < list.length; i++) {
      try {
        const onMessage = list[i];
        onMessage(data, this.name);
      } catch (err) {
        reportSubscriberError(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    if (this[kStores] !== undefined) {
      for (const [store, transform] of this[kStores]) {
        run = wrapStoreRun(store, data, run, transform);
      }
    }
    return run();
  }
}

function channel(name) {
  const existing = channels.get(name);
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  const ch = new Channel(name);
  channels.set(name, ch);
  return ch;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ch = channels.get(name);
  return ch !== undefined && ch.hasSubscribers;
}

// --- tracing channels ------------------------------------------------------------
const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

function assertChannel(value, name) {
  if (!(value instanceof Channel)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Channel'], value);
  }
}

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of traceEvents) {
        this[event] = channel(`tracing:${nameOrChannels}:${event}`);
      }
    } else if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
      for (const event of traceEvents) {
        const ch = nameOrChannels[event];
        assertChannel(ch, `nameOrChannels.${event}`);
        this[event] = ch;
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels',
                                     ['string', 'TracingChannel', 'Object'], nameOrChannels);
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
      this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const event of traceEvents) {
      if (!handlers[event]) continue;
      this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of traceEvents) {
      if (!handlers[event]) continue;
      if (!this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    function reject(err) {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    }
    function resolve(result) {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    }
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      // asyncStart carries the stores into the callback.
      return asyncStart.runStores(context, () => {
        try {
          if (callback) return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
