// util.debuglog(): logging enabled by NODE_DEBUG (node:internal/util/debuglog).
'use strict';

const { inspect, format, formatWithOptions } = require('internal/util/inspect');

let debugImpls;
let testEnabled;

// NODE_DEBUG is a comma-separated list of section names; '*' is a wildcard.
function initializeDebugEnv(debugEnv) {
  debugImpls = { __proto__: null };
  if (debugEnv) {
    const pattern = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const regex = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => regex.test(str);
  } else {
    testEnabled = () => false;
  }
}

function ensureInitialized() {
  if (debugImpls === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
}

function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning(`Setting the NODE_DEBUG environment variable to '${set.toLowerCase()}' can expose ` +
      'sensitive data (such as passwords, tokens and authentication headers) in the resulting log.');
  }
}

const noop = () => {};

function shouldColorize(stream) {
  try {
    return require('internal/util/colors').shouldColorize(stream);
  } catch {
    return false;
  }
}

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

// The section is only looked up on first use, so that NODE_DEBUG changes
// made before that still count.
function debuglog(set, cb) {
  let enabled;
  function init() {
    ensureInitialized();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    return debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  initializeDebugEnv,
};
