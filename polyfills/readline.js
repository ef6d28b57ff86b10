// node:readline: line-by-line reading of a stream, with the callback API
// (question(query, cb)) and the cursor helpers.
'use strict';

const {
  Interface: BaseInterface, InterfaceConstructor, kQuestion, kQuestionCancel,
} = require('internal/readline/interface');
const { cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/keypress');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { promisify } = require('internal/util');

// A function constructor (callable without `new`), as Node's readline.Interface.
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  if (input?.input && typeof input.completer === 'function' && input.completer.length !== 2) {
    const { completer: original } = input;
    input.completer = (v, cb) => cb(null, original(v));
  } else if (typeof completer === 'function' && completer.length !== 2) {
    const original = completer;
    completer = (v, cb) => cb(null, original(v));
  }
  InterfaceConstructor.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options === null || typeof options !== 'object') options = {};
  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    if (options.signal.aborted) return;
    const onAbort = () => { this[kQuestionCancel](); };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => options.signal.removeEventListener('abort', onAbort);
    const original = cb;
    cb = typeof original === 'function' ? (answer) => { cleanup(); return original(answer); } : cleanup;
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Interface.prototype.question[promisify.custom] = function question(query, options) {
  if (options === null || typeof options !== 'object') options = {};
  if (options.signal && options.signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: options.signal.reason }));
  }
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (options.signal) {
      const onAbort = () => reject(new AbortError(undefined, { cause: options.signal.reason }));
      options.signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        options.signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('readline/promises'); },
});
