// emitKeypressEvents: turns a stream's text into 'keypress' events
// (str, { sequence, name, ctrl, meta, shift, code }) as Node's readline does.
'use strict';

const { StringDecoder } = require('string_decoder');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
const ESCAPE_CODE_TIMEOUT = 500;

// Final byte of CSI / SS3 sequences -> key name.
const kFinal = {
  A: 'up', B: 'down', C: 'right', D: 'left', E: 'clear', F: 'end', H: 'home',
  P: 'f1', Q: 'f2', R: 'f3', S: 'f4', Z: 'tab',
};
// CSI <n> ~ -> key name.
const kTilde = {
  1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 5: 'pageup', 6: 'pagedown', 7: 'home', 8: 'end',
  11: 'f1', 12: 'f2', 13: 'f3', 14: 'f4', 15: 'f5', 17: 'f6', 18: 'f7', 19: 'f8', 20: 'f9',
  21: 'f10', 23: 'f11', 24: 'f12',
};

function makeKey(sequence) {
  return { sequence, name: undefined, ctrl: false, meta: false, shift: false };
}

// Length of the escape sequence starting at s[i] (s[i] === ESC), or -1 when it
// may still be incomplete.
function escapeLength(s, i) {
  if (i + 1 >= s.length) return -1;
  let j = i + 1;
  if (s[j] === '\x1b') j++;
  if (j >= s.length) return -1;
  const c = s[j];
  if (c === '[' || c === 'O') {
    j++;
    if (j >= s.length) return -1;
    if (c === '[' && s[j] === '[') {
      return j + 2 <= s.length ? j + 2 - i : -1;
    }
    while (j < s.length && /[0-9;]/.test(s[j])) j++;
    if (j >= s.length) return -1;
    return j + 1 - i;
  }
  return j + 1 - i;
}

function parseEscape(seq) {
  const key = makeKey(seq);
  let body = seq.slice(1);
  if (body[0] === '\x1b') {
    key.meta = true;
    body = body.slice(1);
  }
  if (body[0] === '[' || body[0] === 'O') {
    let rest = body.slice(1);
    if (rest[0] === '[') {
      key.code = '[[' + rest[1];
      key.name = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' }[rest[1]];
      return key;
    }
    const m = /^(\d*)(?:;(\d+))?(.)$/.exec(rest);
    if (m === null) {
      key.name = 'undefined';
      return key;
    }
    let modifier = (m[2] ? Number(m[2]) : 1) - 1;
    let code;
    if (m[3] === '~') {
      code = `[${m[1]}~`;
      key.name = kTilde[m[1]];
    } else {
      code = body[0] + m[3];
      key.name = kFinal[m[3]];
      if (m[3] === 'Z') key.shift = true;
      if (m[1] && !m[2]) modifier = Number(m[1]) - 1;
    }
    key.code = code;
    if (modifier > 0) {
      key.shift = key.shift || !!(modifier & 1);
      key.meta = key.meta || !!(modifier & 10);
      key.ctrl = !!(modifier & 4);
    }
    if (key.name === undefined) key.name = 'undefined';
    return key;
  }
  // ESC followed by an ordinary character: meta + that key.
  const inner = parseChar(body);
  inner.sequence = seq;
  inner.meta = true;
  return inner;
}

function parseChar(ch) {
  const key = makeKey(ch);
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === '\x1b') key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch.length === 1 && ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = ch !== key.name;
  } else {
    key.name = undefined;
  }
  return key;
}

function emitKeys(stream, s) {
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    let seq;
    let key;
    if (ch === '\x1b') {
      const n = escapeLength(s, i);
      if (n < 0) {
        // Wait for the rest of the sequence (or the timeout).
        stream[kEscapeDecoder] = s.slice(i);
        return;
      }
      seq = s.slice(i, i + n);
      key = parseEscape(seq);
      i += n;
    } else if (ch === '\r' && s[i + 1] === '\n') {
      seq = ch;
      key = parseChar(ch);
      i++;
    } else {
      const cp = s.codePointAt(i);
      seq = String.fromCodePoint(cp);
      key = parseChar(seq);
      i += seq.length;
    }
    const escaped = seq.length > 1 && seq[0] === '\x1b';
    if (key.name !== undefined && key.name !== 'undefined') {
      stream.emit('keypress', escaped ? undefined : seq, key);
    } else if (!escaped) {
      stream.emit('keypress', seq, key);
    }
  }
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  stream[kEscapeDecoder] = '';
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const text = stream[kKeypressDecoder].write(input);
      if (!text && !stream[kEscapeDecoder]) return;
      clearTimeout(timeoutId);
      const s = stream[kEscapeDecoder] + text;
      stream[kEscapeDecoder] = '';
      emitKeys(stream, s);
      if (stream[kEscapeDecoder]) {
        timeoutId = setTimeout(() => {
          const pending = stream[kEscapeDecoder];
          stream[kEscapeDecoder] = '';
          for (let i = 0; i < pending.length; i++) {
            stream.emit('keypress', pending[i] === '\x1b' ? undefined : pending[i],
                        pending[i] === '\x1b' ? { sequence: '\x1b', name: 'escape', ctrl: false, meta: false, shift: false } :
                          parseChar(pending[i]));
          }
        }, iface.escapeCodeTimeout ?? ESCAPE_CODE_TIMEOUT);
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

module.exports = { emitKeypressEvents, kEscapeCodeTimeout: ESCAPE_CODE_TIMEOUT };
