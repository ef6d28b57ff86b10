// Console: formatting with util.formatWithOptions, output to writable streams.
// The instance layout (non-enumerable _stdout/_stderr/_times/_ignoreErrors,
// the symbol-keyed internals on the prototype, instanceof through a brand)
// follows Node's, because user code and Node's tests look at it.
'use strict';

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

const kMaxGroupIndentation = 1000;

// Per-instance inspect options, kept off the instance as Node does.
const optionsMap = new WeakMap();

function lazyInspect() {
  return require('internal/util/inspect');
}

function lazyErrors() {
  return require('internal/errors');
}

function noop() {}

const hidden = { writable: true, enumerable: false, configurable: true };

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto',
    inspectOptions, groupIndentation,
  } = options;
  const { codes } = lazyErrors();
  if (!stdout || typeof stdout.write !== 'function') {
    throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  const validators = require('internal/validators');
  validators.validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validators.validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validators.validateObject(inspectOptions, 'options.inspectOptions');
    // An explicit colour choice in both places would be ambiguous.
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Methods are looked up on the instance (so a subclass's overrides win) and
  // bound, so `const { log } = console` keeps working.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance[kIsConsole];
  },
});

// Called when a write finishes: an error the stream has not emitted yet will
// be, and must not become an uncaught exception because of console output.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    const state = stream._writableState;
    if (err != null && !(state && state.errorEmitted)) {
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
    }
  };
}

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    ...hidden,
    value(stdout, stderr) {
      Object.defineProperties(this, {
        _stdout: { ...hidden, value: stdout },
        _stderr: { ...hidden, value: stderr },
      });
    },
  },
  // The global console: the streams are process.stdout/stderr, looked up on
  // first use (they are lazy too), unless assigned before.
  [kBindStreamsLazy]: {
    ...hidden,
    value(object) {
      let stdout;
      let stderr;
      Object.defineProperties(this, {
        _stdout: {
          enumerable: false,
          configurable: true,
          get() { return stdout || (stdout = object.stdout); },
          set(value) { stdout = value; },
        },
        _stderr: {
          enumerable: false,
          configurable: true,
          get() { return stderr || (stderr = object.stderr); },
          set(value) { stderr = value; },
        },
      });
    },
  },
  [kBindProperties]: {
    ...hidden,
    value(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        _stdoutErrorHandler: { ...hidden, value: createWriteErrorHandler(this, kUseStdout) },
        _stderrErrorHandler: { ...hidden, value: createWriteErrorHandler(this, kUseStderr) },
        _ignoreErrors: { ...hidden, value: Boolean(ignoreErrors) },
        _times: { ...hidden, value: new Map() },
        [kCounts]: { ...hidden, value: new Map() },
        [kColorMode]: { ...hidden, value: colorMode },
        [kIsConsole]: { ...hidden, value: true },
        [kGroupIndent]: { ...hidden, value: '' },
        [kGroupIndentationWidth]: { ...hidden, value: groupIndentation },
        [Symbol.toStringTag]: {
          writable: false, enumerable: false, configurable: true, value: 'console',
        },
      });
    },
  },
  [kWriteToConsole]: {
    ...hidden,
    value(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const groupIndent = this[kGroupIndent];
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

      if (groupIndent.length !== 0) {
        if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
        string = groupIndent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      // A write can fail synchronously (files, TTYs) or later (pipes): a
      // temporary no-op 'error' listener covers the first, the write callback
      // the second.
      try {
        if (stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, errorHandler);
      } catch (e) {
        // Running out of stack is a bug in the caller, not an output error.
        if (lazyErrors().isStackOverflowError(e)) throw e;
      } finally {
        stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    ...hidden,
    value(stream) {
      let color = this[kColorMode];
      if (color === 'auto') color = !!require('internal/util/colors').shouldColorize(stream);
      const options = optionsMap.get(this);
      if (options) {
        if (options.colors === undefined) options.colors = color;
        return options;
      }
      return color ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
  [kFormatForStdout]: {
    ...hidden,
    value(args) {
      return lazyInspect().formatWithOptions(this[kGetInspectOptions](this._stdout), ...args);
    },
  },
  [kFormatForStderr]: {
    ...hidden,
    value(args) {
      return lazyInspect().formatWithOptions(this[kGetInspectOptions](this._stderr), ...args);
    },
  },
});

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function timeLogImpl(con, name, label, data) {
  const time = con._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(process.hrtime.bigint() - time) / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) con.log('%s: %s', label, formatted);
  else con.log('%s: %s', label, formatted, ...data);
  return true;
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },
  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },
  dir(object, options) {
    this[kWriteToConsole](kUseStdout, lazyInspect().inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime.bigint());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace: function trace(...args) {
    const err = { name: 'Trace', message: this[kFormatForStderr](args) };
    Error.captureStackTrace(err, trace);
    this.error(String(err.stack).replace(/^Error/, 'Trace'));
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },
  // Only on a terminal: elsewhere the escape codes would be noise in a file.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      const { cursorTo, clearScreenDown } = require('internal/readline/callbacks');
      cursorTo(this._stdout, 0, 0);
      clearScreenDown(this._stdout);
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
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
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined) require('internal/validators').validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    return this.log(renderTable(this, tabularData, properties));
  },
};

const kIndexKey = '(index)';
const kIterKey = '(iteration index)';
const kKeyKey = 'Key';
const kValuesKey = 'Values';

function renderTable(con, data, properties) {
  const { inspect } = lazyInspect();
  const types = require('internal/util/types');
  const cliTable = require('internal/cli_table');
  // Cells are short previews: objects with more than two keys one level
  // deep only, arrays up to three items, always on one line.
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
      Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, {
      depth, maxArrayLength: 3, breakLength: Infinity, ...con[kGetInspectOptions](con._stdout),
    });
  };
  const indexes = (length) => Array.from({ length }, (_, i) => cell(i));

  const mapIter = types.isMapIterator(data);
  let isKeyValue = false;
  if (mapIter) {
    const preview = internalBinding('util').previewEntries(data, true);
    data = preview[0];
    isKeyValue = preview[1];
  }
  if (isKeyValue || types.isMap(data)) {
    const keys = [];
    const values = [];
    if (mapIter) {
      for (let i = 0; i < data.length / 2; i++) {
        keys.push(cell(data[i * 2]));
        values.push(cell(data[i * 2 + 1]));
      }
    } else {
      for (const { 0: k, 1: v } of data) {
        keys.push(cell(k));
        values.push(cell(v));
      }
    }
    return cliTable([kIterKey, kKeyKey, kValuesKey], [indexes(keys.length), keys, values]);
  }

  const setIter = types.isSetIterator(data);
  if (setIter) data = internalBinding('util').previewEntries(data);
  if (setIter || mapIter || types.isSet(data)) {
    const values = [];
    for (const v of data) values.push(cell(v));
    return cliTable([kIterKey, kValuesKey], [indexes(values.length), values]);
  }

  const columns = { __proto__: null };
  let hasPrimitives = false;
  const primitiveColumn = [];
  const rowKeys = Object.keys(data);
  for (let i = 0; i < rowKeys.length; i++) {
    const item = data[rowKeys[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveColumn[i] = cell(item);
    } else {
      for (const key of properties || Object.keys(item)) {
        if (columns[key] === undefined) columns[key] = [];
        columns[key][i] = (primitive && properties) ||
          !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
      }
    }
  }
  const head = Object.keys(columns);
  const body = Object.values(columns);
  if (hasPrimitives) {
    head.push(kValuesKey);
    body.push(primitiveColumn);
  }
  head.unshift(kIndexKey);
  body.unshift(rowKeys);
  return cliTable(head, body);
}

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

Object.assign(Console.prototype, consoleMethods);

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

module.exports = {
  Console,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
  formatTime,
};
