// Cursor and clearing helpers of node:readline: each writes an ANSI/VT100
// control sequence to a stream and reports through the write callback.
'use strict';

const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_CURSOR_POS } } = require('internal/errors');
const { validateFunction } = require('internal/validators');

const ESC = '\x1b';
const CSI = `${ESC}[`;

function csiCursorTo(x, y) {
  return typeof y === 'number' ? `${CSI}${y + 1};${x + 1}H` : `${CSI}${x + 1}G`;
}

function csiMove(dx, dy) {
  let s = '';
  if (dx < 0) s += `${CSI}${-dx}D`;
  else if (dx > 0) s += `${CSI}${dx}C`;
  if (dy < 0) s += `${CSI}${-dy}A`;
  else if (dy > 0) s += `${CSI}${dy}B`;
  return s;
}

const kClearLine = [`${CSI}1K`, `${CSI}2K`, `${CSI}0K`];

function finish(stream, data, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || data === '') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new ERR_INVALID_CURSOR_POS();
  return finish(stream, csiCursorTo(x, y), callback);
}

function moveCursor(stream, dx, dy, callback) {
  return finish(stream, stream == null ? '' : csiMove(dx | 0, dy | 0), callback);
}

// dir: -1 to the left of the cursor, 1 to the right, 0 the whole line.
function clearLine(stream, dir, callback) {
  const seq = dir < 0 ? kClearLine[0] : dir > 0 ? kClearLine[2] : kClearLine[1];
  return finish(stream, seq, callback);
}

function clearScreenDown(stream, callback) {
  return finish(stream, `${CSI}0J`, callback);
}

module.exports = {
  CSI, csiCursorTo, csiMove, kClearLine,
  cursorTo, moveCursor, clearLine, clearScreenDown,
};
