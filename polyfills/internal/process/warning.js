// process.emitWarning() and the default 'warning' printer
// (node:internal/process/warning).
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
  isErrorStackTraceLimitWritable,
} = require('internal/errors');
const { validateString } = require('internal/validators');

let traceWarningHelperShown = false;
let handlerInstalled = false;
let disabledWarnings;

function execArgv() {
  return Array.isArray(process.execArgv) ? process.execArgv : [];
}

function hasFlag(flag) {
  return execArgv().includes(flag);
}

// Values of a repeatable `--flag=value` / `--flag value` option.
function flagValues(flag) {
  const args = execArgv();
  const values = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag && i + 1 < args.length) values.push(args[++i]);
    else if (args[i].startsWith(`${flag}=`)) values.push(args[i].slice(flag.length + 1));
  }
  return values;
}

// --redirect-warnings=file (or NODE_REDIRECT_WARNINGS): warnings are
// appended to that file instead of stderr; stderr again if it cannot be
// written.
let redirectFile;
function writeToFile(message) {
  try {
    require('fs').appendFileSync(redirectFile, `${message}\n`);
    return true;
  } catch {
    return false;
  }
}

function writeOut(message) {
  if (redirectFile && writeToFile(message)) return;
  let error;
  try {
    error = require('internal/console/global').error;
  } catch {
    error = undefined;
  }
  if (typeof error === 'function') error(message);
  else process.stderr.write(`${message}\n`);
}

function doEmitWarning(warning) {
  process.emit('warning', warning);
}

// The default listener: prints `(node:PID) [CODE] Name: message`.
function onWarning(warning) {
  if (disabledWarnings === undefined) disabledWarnings = new Set(flagValues('--disable-warning'));
  if ((warning?.code && disabledWarnings.has(warning.code)) ||
      (warning?.name && disabledWarnings.has(warning.name))) {
    return;
  }
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release?.name || 'node'}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    let argv0 = String(process.argv0 || 'node');
    argv0 = argv0.slice(argv0.lastIndexOf('/') + 1);
    if (argv0.endsWith('.exe')) argv0 = argv0.slice(0, -4);
    if (argv0 === 'nodeshim' || argv0.startsWith('python')) argv0 = 'node';
    msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  writeOut(msg);
}

// Installs the default printer and the flag-derived process properties
// (done by the first warning, or by the bootstrap).
function setupWarningHandler() {
  if (handlerInstalled) return;
  handlerInstalled = true;
  if (hasFlag('--no-deprecation') && process.noDeprecation === undefined) process.noDeprecation = true;
  if (hasFlag('--throw-deprecation') && process.throwDeprecation === undefined) process.throwDeprecation = true;
  if (hasFlag('--trace-deprecation') && process.traceDeprecation === undefined) process.traceDeprecation = true;
  if (hasFlag('--trace-warnings') && process.traceProcessWarnings === undefined) {
    process.traceProcessWarnings = true;
  }
  const redirect = flagValues('--redirect-warnings');
  redirectFile = redirect.length ? redirect[redirect.length - 1] : process.env.NODE_REDIRECT_WARNINGS;
  if (!hasFlag('--no-warnings')) process.on('warning', onWarning);
}

function createWarningObject(warning, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = 0;
  const err = new Error(warning);
  if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = limit;
  err.name = String(type || 'Warning');
  if (code !== undefined) err.code = code;
  if (detail !== undefined) err.detail = detail;
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, ctor || process.emitWarning);
  return err;
}

// emitWarning(warning[, type[, code]][, ctor]) or
// emitWarning(warning[, { type, code, detail, ctor }])
function emitWarning(warning, type, code, ctor) {
  setupWarningHandler();
  if (process.noDeprecation && type === 'DeprecationWarning') return;
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(doEmitWarning, warning);
}

function emitWarningSync(warning, type, code, ctor) {
  setupWarningHandler();
  process.emit('warning', createWarningObject(warning, type, code, ctor));
}

function resetForSerialization() {
  traceWarningHelperShown = false;
}

module.exports = {
  emitWarning,
  emitWarningSync,
  onWarning,
  resetForSerialization,
  setupWarningHandler,
};
