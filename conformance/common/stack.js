'use strict';
// Reading call sites out of `err.stack` text. Only the stack string is used
// (no engine-specific stack API), in the `    at name (file:line:col)` form
// that both V8 and nodeshim print.

const path = require('path');

const COMMON_DIR = __dirname;
const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+)(?::(\d+))?\)?\s*$/;

function parseFrames(stack) {
  const frames = [];
  for (const line of String(stack || '').split('\n')) {
    const m = FRAME.exec(line);
    if (!m) continue;
    let fn = m[1] || '';
    fn = fn.replace(/^(async|new) /, '');
    frames.push({ line: line.replace(/^\s+/, '    '), fn, file: m[2], lineNumber: +m[3] });
  }
  return frames;
}

function inCommon(frame) {
  return frame.file.startsWith(COMMON_DIR + path.sep);
}

// The frames that belong to the test, as printed lines.
function frameLines(stack) {
  return parseFrames(stack).filter((f) => !inCommon(f)).map((f) => f.line).join('\n');
}

// `file:line` of the first frame above `topName` (a function name) or,
// without one, of the first frame outside this folder.
function callSiteOf(stack, topName) {
  const frames = parseFrames(stack);
  let i = -1;
  if (topName) {
    for (let k = frames.length - 1; k >= 0; k--) {
      const name = frames[k].fn.split('.').pop();
      if (name === topName) { i = k + 1; break; }
    }
  }
  if (i < 0 || i >= frames.length) {
    i = frames.findIndex((f) => !inCommon(f));
  }
  if (i < 0) return 'unknown';
  return `${frames[i].file}:${frames[i].lineNumber}`;
}

module.exports = { COMMON_DIR, parseFrames, frameLines, callSiteOf };
