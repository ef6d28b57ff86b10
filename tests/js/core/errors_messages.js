'use strict';
// Node-style errors: name, code, message, toString and the stack's first line.
const assert = require('assert');
const EventEmitter = require('events');
const util = require('util');

function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log([e.name, e.code, e.constructor.name, e instanceof TypeError, e instanceof RangeError].join(' | '));
    console.log(e.message);
    console.log(String(e));
    console.log(e.stack.split('\n')[0]);
  }
}

const ee = new EventEmitter();
show(() => ee.on('x', 5));
show(() => ee.setMaxListeners(-1));
show(() => ee.emit('error', { some: 'object' }));
show(() => ee.emit('error'));
show(() => ee.emit('error', new Error('plain')));
show(() => { EventEmitter.defaultMaxListeners = 'a'; });
show(() => util.inherits(null, EventEmitter));
show(() => util.promisify(5));
show(() => util.callbackify('x'));
show(() => util.getSystemErrorName(5));
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-111), util.getSystemErrorName(-98));
console.log(util.getSystemErrorMap().get(-104));
show(() => util.inspect.defaultOptions = 5);
show(() => util.formatWithOptions(null, 'x'));
show(() => util.stripVTControlCharacters(1));
show(() => assert.throws(5));
show(() => new AbortController().signal.throwIfAborted() || AbortSignal.abort().throwIfAborted());
show(() => AbortSignal.timeout(-1));
show(() => AbortSignal.abort(new RangeError('why')).throwIfAborted());
show(() => new AbortSignal());
show(() => new Event());
show(() => new EventTarget().dispatchEvent('x'));
show(() => Buffer.alloc(-1));
show(() => process.emitWarning(1));
show(() => util.deprecate(() => {}, 'msg', 5));
show(() => { throw new DOMException('dom', 'NotFoundError'); });
const d = new DOMException('m', 'AbortError');
console.log(d.code, d.name, d.message, d instanceof Error, DOMException.ABORT_ERR, String(d));
