// getOptionValue(name): the value of a node command-line option, from the
// process's exec arguments (and NODE_OPTIONS), with Node 20's defaults.
'use strict';

const pm = internalBinding('process_methods');

// Node 20's defaults for the options builtins and tests ask about.  Options
// not listed default to false when given as --no-x or absent, to the value
// given otherwise.
const defaults = {
  __proto__: null,
  '--abort-on-uncaught-exception': false,
  '--conditions': [],
  '--deprecation': true,
  '--diagnostic-dir': '',
  '--disable-proto': '',
  '--dns-result-order': '',
  '--enable-source-maps': false,
  '--experimental-default-type': '',
  '--experimental-detect-module': false,
  '--experimental-eventsource': false,
  '--experimental-fetch': true,
  '--experimental-global-customevent': true,
  '--experimental-global-navigator': true,
  '--experimental-global-webcrypto': true,
  '--experimental-import-meta-resolve': false,
  '--experimental-loader': [],
  '--experimental-permission': false,
  '--experimental-require-module': false,
  '--experimental-test-coverage': false,
  '--experimental-vm-modules': false,
  '--experimental-wasm-modules': false,
  '--experimental-websocket': false,
  '--expose-internals': false,
  '--force-context-aware': false,
  '--frozen-intrinsics': false,
  '--heapsnapshot-signal': '',
  '--http-parser': 'llhttp',
  '--icu-data-dir': '',
  '--import': [],
  '--input-type': '',
  '--insecure-http-parser': false,
  '--inspect-brk': false,
  '--max-http-header-size': 16 * 1024,
  '--network-family-autoselection': true,
  '--network-family-autoselection-attempt-timeout': 250,
  '--openssl-legacy-provider': false,
  '--pending-deprecation': false,
  '--preserve-symlinks': false,
  '--preserve-symlinks-main': false,
  '--redirect-warnings': '',
  '--report-on-signal': 'SIGUSR2',
  '--require': [],
  '--secure-heap': 0,
  '--secure-heap-min': 2,
  '--stack-trace-limit': 10,
  '--test': false,
  '--test-concurrency': 0,
  '--test-only': false,
  '--test-reporter': [],
  '--test-reporter-destination': [],
  '--test-timeout': 0,
  '--throw-deprecation': false,
  '--title': '',
  '--tls-cipher-list': '',
  '--tls-keylog': '',
  '--tls-max-v1.2': false,
  '--tls-max-v1.3': false,
  '--tls-min-v1.0': false,
  '--tls-min-v1.1': false,
  '--tls-min-v1.2': false,
  '--tls-min-v1.3': false,
  '--trace-deprecation': false,
  '--trace-exit': false,
  '--trace-sigint': false,
  '--trace-sync-io': false,
  '--trace-tls': false,
  '--trace-uncaught': false,
  '--trace-warnings': false,
  '--unhandled-rejections': '',
  '--verify-base-objects': false,
  '--warnings': true,
  '--watch': false,
  '--watch-path': [],
  '--watch-preserve-output': false,
  '[has_eval_string]': false,
  '--eval': undefined,
  '--print': false,
};

// Options that take a value (--name=value or --name value).
const kValueOptions = new Set(Object.keys(defaults).filter((k) => {
  const v = defaults[k];
  return typeof v === 'string' || typeof v === 'number' || Array.isArray(v);
}));
// Options that may repeat, collecting their values.
const kListOptions = new Set(Object.keys(defaults).filter((k) => Array.isArray(defaults[k])));

// Node's aliases.
const aliases = {
  __proto__: null,
  '-r': '--require',
  '-e': '--eval',
  '-p': '--print',
  '-c': '--check',
  '-i': '--interactive',
  '--loader': '--experimental-loader',
  '--es-module-specifier-resolution': '--experimental-specifier-resolution',
  '--prof-process': '--prof-process',
  '--security-revert': '--security-revert',
};

function normalizeName(name) {
  if (aliases[name] !== undefined) return aliases[name];
  if (!name.startsWith('--')) return name;
  return '--' + name.slice(2).replaceAll('_', '-');
}

function tokenizeNodeOptions(text) {
  const out = [];
  let current = '';
  let quote = false;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote && i + 1 < text.length) {
      current += text[++i];
    } else if (c === '"') {
      quote = !quote;
      has = true;
    } else if (c === ' ' && !quote) {
      if (has || current) out.push(current);
      current = '';
      has = false;
    } else {
      current += c;
    }
  }
  if (has || current) out.push(current);
  return out;
}

let parsed;
function parse() {
  if (parsed !== undefined) return parsed;
  parsed = new Map();
  // Node reads this variable as the default of --preserve-symlinks (a
  // worker's, from the env it was given).
  if (String(process.env.NODE_PRESERVE_SYMLINKS)[0] === '1') parsed.set('--preserve-symlinks', true);
  const args = [];
  const envOptions = process.env.NODE_OPTIONS;
  if (typeof envOptions === 'string' && envOptions) args.push(...tokenizeNodeOptions(envOptions));
  args.push(...(pm.execArgv || []));
  for (let i = 0; i < args.length; i++) {
    const arg = String(args[i]);
    if (!arg.startsWith('-')) continue;
    let name = arg;
    let value;
    const eq = arg.indexOf('=');
    if (eq !== -1 && arg.startsWith('--')) {
      name = arg.slice(0, eq);
      value = arg.slice(eq + 1);
    }
    name = normalizeName(name);
    if (name.startsWith('--no-') && value === undefined) {
      const positive = '--' + name.slice(5);
      parsed.set(positive, false);
      continue;
    }
    if (kValueOptions.has(name)) {
      if (value === undefined && i + 1 < args.length) value = String(args[++i]);
      const def = defaults[name];
      if (typeof def === 'number') value = Number(value);
      if (kListOptions.has(name)) {
        const list = parsed.get(name) ?? [];
        list.push(value);
        parsed.set(name, list);
      } else {
        parsed.set(name, value);
      }
    } else {
      parsed.set(name, value === undefined ? true : value);
    }
  }
  return parsed;
}

function getOptionValue(optionName) {
  const options = parse();
  const name = normalizeName(optionName);
  if (options.has(name)) return options.get(name);
  const def = defaults[name];
  if (Array.isArray(def)) return def.slice();
  return def === undefined ? (name.startsWith('--') ? false : undefined) : def;
}

function getAllowUnauthorized() {
  return process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
}

function getEmbedderOptions() {
  return { __proto__: null, shouldNotRegisterESMLoader: false, noGlobalSearchPaths: false, hasEmbedderPreload: false };
}

function refreshOptions() {
  parsed = undefined;
}

module.exports = {
  getOptionValue,
  getAllowUnauthorized,
  getEmbedderOptions,
  refreshOptions,
};
