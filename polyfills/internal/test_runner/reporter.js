// node:test's output: the TAP that Node 20's default reporter writes when
// stdout is not a terminal, and the counts of the closing summary.
'use strict';

const { inspect } = require('internal/util/inspect');

const kIndent = '    ';
const inspectOptions = { __proto__: null, colors: false, breakLength: Infinity };

let headerWritten = false;
const counters = {
  tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0,
};

function write(text) {
  if (!headerWritten) {
    headerWritten = true;
    text = 'TAP version 13\n' + text;
  }
  process.stdout.write(text);
}

function tapEscape(input) {
  return String(input)
    .replaceAll('\\', '\\\\')
    .replaceAll('#', '\\#')
    .replaceAll('\b', '\\b')
    .replaceAll('\f', '\\f')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\v', '\\v');
}

function isErrorLike(value) {
  return value instanceof Error ||
    (value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Error]');
}

function isAssertionLike(value) {
  return value !== null && typeof value === 'object' && 'expected' in value && 'actual' in value;
}

const kUnwrap = new Set(['testCodeFailure', 'hookFailed', 'uncaughtException', 'unhandledRejection']);

function yaml(indent, name, value, seen) {
  if (value === undefined) return '';
  const prefix = `${indent}  ${name}:`;
  if (value === null) return `${prefix} ~\n`;
  if (typeof value !== 'object') {
    if (typeof value !== 'string') return `${prefix} ${inspect(value, inspectOptions)}\n`;
    const lines = value.split(/\n|\r\n/);
    if (lines.length === 1) return `${prefix} ${inspect(value, inspectOptions)}\n`;
    let out = `${prefix} |-\n`;
    for (const line of lines) out += `${indent}    ${line}\n`;
    return out;
  }
  seen.add(value);
  const isErr = isErrorLike(value);
  let propsIndent = indent;
  let out = '';
  if (name !== null) {
    out += prefix;
    if (value instanceof Date) out += ' ' + value.toISOString();
    out += '\n';
    propsIndent += '  ';
  }
  for (const [key, v] of Object.entries(value)) {
    if (isErr && (key === 'cause' || key === 'code')) continue;
    if (seen.has(v)) {
      out += `${propsIndent}  ${key}: <Circular>\n`;
      continue;
    }
    out += yaml(propsIndent, key, v, seen);
  }
  if (isErr) {
    const { cause, code, failureType } = value;
    let message = value.message ?? '<unknown error>';
    let errName = value.name;
    let stack = value.stack;
    let errCode = code;
    let expected = value.expected;
    let actual = value.actual;
    let operator = value.operator;
    let assertion = isAssertionLike(value);
    let showStack = true;
    if (code === 'ERR_TEST_FAILURE') {
      if (kUnwrap.has(failureType)) {
        stack = cause?.stack ?? stack;
        errCode = cause?.code ?? errCode;
        errName = cause?.name ?? errName;
        message = cause?.message ?? message;
        if (cause !== null && typeof cause !== 'object') message = String(cause);
        if (isAssertionLike(cause)) {
          expected = cause.expected;
          actual = cause.actual;
          operator = cause.operator ?? operator;
          assertion = true;
        }
      } else {
        // Failures the runner made itself carry no user frames.
        showStack = false;
      }
    }
    out += yaml(indent, 'error', message, seen);
    if (errCode) out += yaml(indent, 'code', errCode, seen);
    if (errName && errName !== 'Error') out += yaml(indent, 'name', errName, seen);
    if (assertion) {
      out += yaml(indent, 'expected', expected, new Set(seen));
      out += yaml(indent, 'actual', actual, new Set(seen));
      if (operator) out += yaml(indent, 'operator', operator, seen);
    }
    if (showStack && typeof stack === 'string') {
      const frames = [];
      for (const frame of stack.split(/\n|\r\n/)) {
        const processed = frame.replace(/^ {4}at /, '');
        if (processed.length > 0 && processed.length !== frame.length) frames.push(processed);
      }
      if (frames.length > 0) {
        const delimiter = `\n${indent}    `;
        out += `${indent}  stack: |-${delimiter}${frames.join(delimiter)}\n`;
      }
    }
  }
  return out;
}

function details(test, indent) {
  let out = `${indent}  ---\n`;
  const duration = test.endTime !== null && test.startTime !== null ?
    Number(test.endTime - test.startTime) / 1e6 : 0;
  out += yaml(indent, 'duration_ms', duration, null);
  if (test.reportType !== undefined) out += yaml(indent, 'type', test.reportType, null);
  if (test.error !== null) {
    const loc = test.loc === undefined ? undefined : String(test.loc);
    if (loc && loc !== 'undefined') out += yaml(indent, 'location', loc, null);
    const err = test.error;
    if (err !== null && typeof err === 'object') out += yaml(indent, null, err, new Set());
    else out += yaml(indent, 'error', String(err), null);
  }
  out += `${indent}  ...\n`;
  return out;
}

function count(test) {
  if (test.reportType === 'suite') {
    counters.suites++;
    return;
  }
  counters.tests++;
  if (test.skipped) counters.skipped++;
  else if (test.isTodo) counters.todo++;
  else if (test.cancelled) counters.cancelled++;
  else if (!test.passed) counters.fail++;
  else counters.pass++;
}

function block(test) {
  const indent = kIndent.repeat(test.nesting);
  let out = `${indent}# Subtest: ${tapEscape(test.name)}\n`;
  for (const sub of test.subtests) out += block(sub);
  if (test.subtests.length > 0) out += `${indent}${kIndent}1..${test.subtests.length}\n`;
  let line = `${indent}${test.passed ? 'ok' : 'not ok'} ${test.testNumber}`;
  if (test.name) line += ` ${tapEscape(`- ${test.name}`)}`;
  if (test.skipped) {
    const r = test.skipReason;
    line += ` # SKIP${typeof r === 'string' && r.length ? ` ${tapEscape(r)}` : ''}`;
  } else if (test.isTodo) {
    const r = test.todoReason;
    line += ` # TODO${typeof r === 'string' && r.length ? ` ${tapEscape(r)}` : ''}`;
  }
  out += line + '\n';
  out += details(test, indent);
  for (const message of test.diagnostics) out += `${indent}# ${tapEscape(message)}\n`;
  count(test);
  return out;
}

function reportTopLevel(test) {
  write(block(test));
}

function reportSummary(root, durationMs) {
  let out = '';
  for (const message of root.diagnostics) out += `# ${tapEscape(message)}\n`;
  out += `1..${root.subtests.length}\n`;
  out += `# tests ${counters.tests}\n`;
  out += `# suites ${counters.suites}\n`;
  out += `# pass ${counters.pass}\n`;
  out += `# fail ${counters.fail}\n`;
  out += `# cancelled ${counters.cancelled}\n`;
  out += `# skipped ${counters.skipped}\n`;
  out += `# todo ${counters.todo}\n`;
  out += `# duration_ms ${durationMs}\n`;
  write(out);
}

module.exports = { reportTopLevel, reportSummary, counters };
