// assert.ok()'s failure message: the source text of the failing call
// (node:internal/assert/utils).
'use strict';

const AssertionError = require('internal/assert/assertion_error');
const { isErrorStackTraceLimitWritable } = require('internal/errors');
const { isError } = require('internal/util');

const messageCache = new Map();

const kControlChars = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function escapeControl(ch) {
  const code = ch.charCodeAt(0);
  if (code === 8) return '\\b';
  if (code === 12) return '\\f';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

// file, line and column (1-based) of the frame that called `fn`.
function callSite(fn) {
  const holder = {};
  const writable = isErrorStackTraceLimitWritable();
  const limit = Error.stackTraceLimit;
  if (writable && limit < 1) Error.stackTraceLimit = 1;
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(holder, fn);
  else holder.stack = new Error().stack;
  if (writable) Error.stackTraceLimit = limit;
  const lines = String(holder.stack || '').split('\n');
  for (const line of lines) {
    const m = /^\s+at (?:.*? \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    if (m !== null) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
  }
  return null;
}

// From the position of a call (its name or its '('), the source text of the
// whole call expression.
function extractCall(source, offset) {
  let start = offset;
  // The engine may point at the '(' or at the callee: move to the callee start.
  while (start > 0 && /[\s]/.test(source[start - 1]) && source[start] === '(') start--;
  // Back over the callee: names, dots and balanced `[...]` member accesses.
  while (start > 0) {
    const prev = source[start - 1];
    if (/[\p{ID_Continue}$.\u200c\u200d]/u.test(prev)) {
      start--;
    } else if (prev === ']') {
      let depth = 0;
      let j = start - 1;
      for (; j >= 0; j--) {
        if (source[j] === ']') depth++;
        else if (source[j] === '[' && --depth === 0) break;
      }
      if (j < 0) break;
      start = j;
    } else {
      break;
    }
  }
  // A chain continued from the previous line (`assert\n  .ok(x)`): the
  // expression shown starts at the first name on the call's own line.
  while (source[start] === '.') start++;
  let i = source.indexOf('(', offset > start ? start : offset);
  if (i === -1) return null;
  let depth = 0;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const quote = ch;
      for (i++; i < source.length && source[i] !== quote; i++) {
        if (source[i] === '\\') i++;
      }
      continue;
    }
    if (ch === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const endComment = source.indexOf('*/', i + 2);
      if (endComment === -1) return null;
      i = endComment + 1;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return { start, text: source.slice(start, i + 1) };
    }
  }
  return null;
}

function readSource(file) {
  let fs;
  try {
    fs = require('fs');
  } catch {
    return null;
  }
  try {
    let path = file;
    if (path.startsWith('file://')) path = decodeURIComponent(path.slice(7));
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function getErrMessage(message, fn) {
  const site = callSite(fn);
  if (site === null) return message;
  const { file, line, column } = site;
  const identifier = `${file}${line}${column}`;
  if (file.startsWith('node:')) {
    messageCache.set(identifier, undefined);
    return undefined;
  }
  if (messageCache.has(identifier)) return messageCache.get(identifier);
  let result;
  const source = readSource(file);
  if (source !== null) {
    const lines = source.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += column - 1;
    const call = extractCall(source, offset);
    if (call !== null) {
      let code = call.text.replace(kControlChars, escapeControl);
      const startColumn = call.start - source.lastIndexOf('\n', call.start - 1) - 1;
      if (code.includes('\n')) {
        const parts = code.replace(/\r\n/g, '\n').split('\n');
        code = parts.shift();
        for (const part of parts) {
          let pos = 0;
          while (pos < startColumn && (part[pos] === ' ' || part[pos] === '\t')) pos++;
          code += `\n  ${part.slice(pos)}`;
        }
      }
      result = `The expression evaluated to a falsy value:\n\n  ${code}\n`;
    }
  }
  messageCache.set(identifier, result);
  return result;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = getErrMessage(message, fn);
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

module.exports = {
  innerOk,
};
