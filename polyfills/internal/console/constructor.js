// Console: formatting with util.formatWithOptions, output to streams.
'use strict';

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kGroupIndent = Symbol('kGroupIndent');
const kStdout = Symbol('stdout');
const kStderr = Symbol('stderr');
const kColorMode = Symbol('colorMode');

function lazyInspect() {
  return require('internal/util/inspect');
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  initConsole(this, options, stderr, ignoreErrors);
}

function initConsole(con, options, stderr, ignoreErrors) {
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const { stdout, stderr: err = stdout, ignoreErrors: ign = true, colorMode = 'auto',
    inspectOptions, groupIndentation = 2 } = options;
  if (!stdout || typeof stdout.write !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!err || typeof err.write !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  require('internal/validators').validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (inspectOptions !== undefined) {
    require('internal/validators').validateObject(inspectOptions, 'options.inspectOptions');
    // An explicit colour choice in both places would be ambiguous.
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
  }
  con[kStdout] = stdout;
  con[kStderr] = err;
  con._ignoreErrors = ign;
  con[kColorMode] = colorMode;
  con._inspectOptions = inspectOptions;
  con._groupIndentation = groupIndentation;
  con[kCounts] = new Map();
  con[kTimers] = new Map();
  con[kGroupIndent] = '';
  // Methods are bound so `const { log } = console` works, as in Node.
  for (const key of Object.keys(Console.prototype)) {
    con[key] = Console.prototype[key].bind(con);
    Object.defineProperty(con[key], 'name', { value: key });
  }
}

function write(con, streamSymbol, string) {
  const indent = con[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  const stream = con[streamSymbol];
  if (con._ignoreErrors === false) return stream.write(string);
  try {
    stream.write(string);
  } catch (e) {
    // Node swallows only stack-overflow/stream errors here; rethrow others.
    if (e && e.name === 'RangeError') return;
    throw e;
  }
}

const kColors = Object.freeze({ colors: true });
const kNoColors = Object.freeze({ colors: false });

// The inspect options for output to `stream`: in 'auto' mode colours follow
// the stream (a terminal, FORCE_COLOR ...) at the time of each call.
function inspectOptionsFor(con, stream) {
  let colors = con[kColorMode];
  if (colors === 'auto') colors = !!require('internal/util/colors').shouldColorize(stream);
  const opts = con._inspectOptions;
  if (opts) {
    if (opts.colors === undefined) opts.colors = colors;
    return opts;
  }
  return colors ? kColors : kNoColors;
}

function formatArgs(con, args, streamSymbol = kStdout) {
  const { formatWithOptions } = lazyInspect();
  return formatWithOptions(inspectOptionsFor(con, con[streamSymbol]), ...args);
}

const consoleMethods = {
  log(...args) { write(this, kStdout, formatArgs(this, args)); },
  warn(...args) { write(this, kStderr, formatArgs(this, args, kStderr)); },
  dir(object, options) {
    const { inspect } = lazyInspect();
    write(this, kStdout, inspect(object, {
      customInspect: false, ...inspectOptionsFor(this, this[kStdout]), ...options,
    }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, process.hrtime.bigint());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace(...args) {
    const err = { name: 'Trace', message: formatArgs(this, args, kStderr) };
    Error.captureStackTrace(err, consoleMethods.trace);
    write(this, kStderr, err.stack.replace(/^Error/, 'Trace'));
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(consoleMethods.warn, this, args);
    }
  },
  clear() {},
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    write(this, kStdout, `${label}: ${count}`);
  },
  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(`${label}`)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },
  group(...data) {
    if (data.length > 0) Reflect.apply(consoleMethods.log, this, data);
    this[kGroupIndent] += ' '.repeat(this._groupIndentation);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this._groupIndentation);
  },
  table(data, properties) {
    require('internal/console/table').table(this, data, properties, (s) => write(this, kStdout, s));
  },
};
consoleMethods.info = consoleMethods.log;
consoleMethods.debug = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.groupCollapsed = consoleMethods.group;

function formatTime(ms) {
  let hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, msPart] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes}`;
    return `${res}:${s.padStart(2, '0')}.${msPart} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(con, name, label, data) {
  const time = con[kTimers].get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(process.hrtime.bigint() - time) / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) write(con, kStdout, `${label}: ${formatted}`);
  else write(con, kStdout, formatArgs(con, [`${label}: ${formatted}`, ...data]));
  return true;
}

Object.assign(Console.prototype, consoleMethods);

module.exports = { Console, initConsole, kStdout, kStderr, formatTime };
