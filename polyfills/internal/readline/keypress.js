// emitKeypressEvents: turns a stream's text into 'keypress' events
// (str, { sequence, name, ctrl, meta, shift, code }) as Node's readline does.
// The decoder is a generator fed one character at a time, so an escape
// sequence split over several 'data' chunks is still read as one key; a lone
// ESC at the end of a chunk becomes the escape key after escapeCodeTimeout.
'use strict';

const { StringDecoder } = require('string_decoder');
const { charLengthAt } = require('internal/readline/utils');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
const kSawKeyPress = Symbol('_sawKeyPress');
const ESCAPE_CODE_TIMEOUT = 500;
const ESC = '\x1b';

// code -> [name, extra modifier] for the sequences terminals send.
const kCodes = { __proto__: null };
function names(list, name, extra) {
  for (const code of list.split(' ')) kCodes[code] = [name, extra];
}
names('[P OP [11~ [[A', 'f1');
names('[Q OQ [12~ [[B', 'f2');
names('[R OR [13~ [[C', 'f3');
names('[S OS [14~ [[D', 'f4');
names('[15~ [[E', 'f5');
names('[17~', 'f6');
names('[18~', 'f7');
names('[19~', 'f8');
names('[20~', 'f9');
names('[21~', 'f10');
names('[23~', 'f11');
names('[24~', 'f12');
for (const [letter, name] of [['A', 'up'], ['B', 'down'], ['C', 'right'], ['D', 'left'],
  ['E', 'clear']]) {
  names(`[${letter} O${letter}`, name);
  // rxvt: lower case after '[' is shift, after 'O' is ctrl
  names(`[${letter.toLowerCase()}`, name, 'shift');
  names(`O${letter.toLowerCase()}`, name, 'ctrl');
}
names('[F OF [4~ [8~', 'end');
names('[H OH [1~ [7~', 'home');
names('[2~', 'insert');
names('[3~', 'delete');
names('[5~ [[5~', 'pageup');
names('[6~ [[6~', 'pagedown');
for (const [n, name] of [['2', 'insert'], ['3', 'delete'], ['5', 'pageup'], ['6', 'pagedown'],
  ['7', 'home'], ['8', 'end']]) {
  names(`[${n}$`, name, 'shift');
  names(`[${n}^`, name, 'ctrl');
}
names('[Z', 'tab', 'shift');

const isDigit = (ch) => ch >= '0' && ch <= '9';

function* decodeKeys(stream) {
  for (;;) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === ESC) {
      escaped = true;
      s += (ch = yield);
      if (ch === ESC) s += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // ESC O <letter>, or ESC O <modifier> <letter>
        s += (ch = yield);
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          s += (ch = yield);
        }
        code += ch;
      } else {
        s += (ch = yield);
        if (ch === '[') {
          // ESC [ [ <x> (Cygwin, putty)
          code += ch;
          s += (ch = yield);
        }
        const start = s.length - 1;
        // up to three digits, then optionally ';' and one modifier digit
        if (isDigit(ch)) {
          s += (ch = yield);
          if (isDigit(ch)) {
            s += (ch = yield);
            if (isDigit(ch)) s += (ch = yield);
          }
        }
        if (ch === ';') {
          s += (ch = yield);
          if (isDigit(ch)) s += yield;
        }
        const cmd = s.slice(start);
        let m;
        if ((m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd))) {
          if (m[4]) {
            code += m[4];
          } else {
            code += m[1] + m[3];
            modifier = (Number(m[2]) || 1) - 1;
          }
        } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd))) {
          code += m[4];
          modifier = (Number(m[3]) || 1) - 1;
        } else {
          code += cmd;
        }
      }
      key.ctrl = !!(modifier & 4);
      key.meta = !!(modifier & 10);
      key.shift = !!(modifier & 1);
      key.code = code;
      const known = kCodes[code];
      if (known === undefined) {
        key.name = 'undefined';
      } else {
        key.name = known[0];
        if (known[1]) key[known[1]] = true;
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === ESC) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = ch >= 'A' && ch <= 'Z';
      key.meta = escaped;
    } else if (escaped) {
      // the escape timeout feeds '' : a lone ESC is the escape key
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      stream.emit('keypress', s, key);
    }
  }
}

function freshDecoder(stream) {
  stream[kEscapeDecoder] = decodeKeys(stream);
  stream[kEscapeDecoder].next();
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  freshDecoder(stream);
  const escapeCodeTimeout = iface.escapeCodeTimeout ?? ESCAPE_CODE_TIMEOUT;
  const triggerEscape = () => stream[kEscapeDecoder].next('');
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const text = stream[kKeypressDecoder].write(input);
      if (!text) return;
      clearTimeout(timeoutId);
      // one key per chunk is typing; more is a paste, where tab is text
      iface[kSawKeyPress] = charLengthAt(text, 0) === text.length;
      iface.isCompletionEnabled = false;
      let seen = 0;
      for (const character of text) {
        seen += character.length;
        if (seen === text.length) iface.isCompletionEnabled = true;
        try {
          stream[kEscapeDecoder].next(character);
          if (seen === text.length && character === ESC) {
            timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
          }
        } catch (err) {
          // a throwing listener must not leave the decoder dead
          freshDecoder(stream);
          throw err;
        }
      }
    } else {
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, kEscapeCodeTimeout: ESCAPE_CODE_TIMEOUT, kSawKeyPress };
