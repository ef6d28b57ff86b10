'use strict';
// assert.ok's generated message quotes the failing call from the source:
// non-ASCII names, bracket member chains, a chain continued on a new line,
// calls made through EventEmitter (no apply frame).
const assert = require('assert');
const EventEmitter = require('events');
const show = (fn) => {
  try {
    fn();
  } catch (e) {
    console.log(JSON.stringify(e.message));
  }
};
const ässört = assert;
show(() => ässört.ok(''));
show(() => assert['ok']["apply"](null, [0]));
show(() => {
  assert
    .ok(null, undefined);
});
show(() => assert.ok(typeof 123 === 'string'));
const e = new EventEmitter();
e.on('x', assert);
try {
  e.emit('x', false);
} catch (err) {
  console.log(err.message, err.stack.split('\n')[1].includes('emit'));
}
