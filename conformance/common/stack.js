'use strict';
// Reading call sites out of `err.stack` text. Only the stack string is used
// (no engine-specific stack API), in the `    at name (file:line:col)` form
// that both V8 and nodeshim print.
//
// Written with indexed loops only: some tests replace Array iterator methods
// with common.mustNotCall(), and creating that must not call them.

const path = require('path');

const COMMON_DIR = __dirname;
const COMMON_PREFIX = COMMON_DIR + path.sep;
const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+)(?::(\d+))?\)?\s*$/;

function parseFrames(stack) {
  const frames = [];
  const lines = String(stack || '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = FRAME.exec(lines[i]);
    if (m === null) continue;
    const fn = (m[1] || '').replace(/^(async|new) /, '');
    frames[frames.length] = {
      line: lines[i].replace(/^\s+/, '    '),
      fn,
      file: m[2],
      lineNumber: +m[3],
    };
  }
  return frames;
}

function inCommon(frame) {
  return frame.file.startsWith(COMMON_PREFIX);
}

// The frames that belong to the test, as printed lines.
function frameLines(stack) {
  const frames = parseFrames(stack);
  let out = '';
  for (let i = 0; i < frames.length; i++) {
    if (inCommon(frames[i])) continue;
    out += (out ? '\n' : '') + frames[i].line;
  }
  return out;
}

// `file:line` of the frame just above the last frame of function `topName`
// or, without one, of the first frame outside this folder.
function callSiteOf(stack, topName) {
  const frames = parseFrames(stack);
  let at = -1;
  if (topName) {
    for (let k = frames.length - 1; k >= 0; k--) {
      const name = frames[k].fn;
      if (name === topName || name.endsWith(`.${topName}`)) {
        at = k + 1;
        break;
      }
    }
  }
  if (at < 0 || at >= frames.length) {
    at = -1;
    for (let k = 0; k < frames.length; k++) {
      if (!inCommon(frames[k])) {
        at = k;
        break;
      }
    }
  }
  if (at < 0) return 'unknown';
  return `${frames[at].file}:${frames[at].lineNumber}`;
}

module.exports = { COMMON_DIR, parseFrames, frameLines, callSiteOf };
