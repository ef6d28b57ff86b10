// Node's error codes, system errors and helpers (node:internal/errors).
'use strict';

// Shared with internal/bootstrap/realm (stack headers): a registered symbol.
const kIsNodeError = Symbol.for('nodeshim.kIsNodeError');
const kNoOverride = Symbol('kNoOverride');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
let bufferModule;
function lazyBuffer() {
  if (bufferModule === undefined) bufferModule = require('buffer').Buffer;
  return bufferModule;
}

const isWindows = process.platform === 'win32';

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

function captureStack(err, fn) {
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, fn);
}

// Internal invariant check; throws ERR_INTERNAL_ASSERTION on failure.
function internalAssert(ok, message) {
  if (!ok) throw new codes.ERR_INTERNAL_ASSERTION(message);
}

// 'a', 'a or b', 'a, b, or c' ...
function formatList(list, conj = 'and') {
  const n = list.length;
  if (n === 0) return '';
  if (n === 1) return `${list[0]}`;
  if (n === 2) return `${list[0]} ${conj} ${list[1]}`;
  return `${list.slice(0, -1).join(', ')}, ${conj} ${list[n - 1]}`;
}

// 1234567 -> '1_234_567' (the sign stays in front).
function addNumericalSeparator(str) {
  const neg = str[0] === '-';
  let digits = neg ? str.slice(1) : str;
  const groups = [];
  while (digits.length > 3) {
    groups.unshift(digits.slice(-3));
    digits = digits.slice(0, -3);
  }
  groups.unshift(digits);
  return (neg ? '-' : '') + groups.join('_');
}

// The "Received ..." part of type errors.
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  if (type === 'bigint') return `type bigint (${value}n)`;
  if (type === 'number') {
    if (value === 0) return Object.is(value, -0) ? 'type number (-0)' : 'type number (0)';
    return `type number (${value})`;
  }
  if (type === 'boolean') return `type boolean (${value})`;
  if (type === 'symbol') return `type symbol (${String(value)})`;
  if (type === 'function') return `function ${value.name}`;
  if (type === 'object') {
    const ctor = value.constructor;
    if (ctor && 'name' in ctor) return `an instance of ${ctor.name}`;
    return `${lazyInspect().inspect(value, { depth: -1 })}`;
  }
  if (type === 'string') {
    let shown = value;
    if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    if (!shown.includes("'")) return `type string ('${shown}')`;
    return `type string (${JSON.stringify(shown)})`;
  }
  let shown = lazyInspect().inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${type} (${shown})`;
}

// Lower-cased primitive names accepted by ERR_INVALID_ARG_TYPE's `expected`.
const kPrimitiveTypeNames = new Set([
  'string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol',
]);
const kClassName = /^[A-Z][a-zA-Z0-9]*$/;

function invalidArgTypeMessage(name, expected, actual) {
  internalAssert(typeof name === 'string', "'name' must be a string");
  const list = Array.isArray(expected) ? expected : [expected];
  let msg;
  if (name.endsWith(' argument')) {
    msg = `The ${name} must be `;
  } else {
    msg = `The "${name}" ${name.includes('.') ? 'property' : 'argument'} must be `;
  }
  const types = [];
  const classes = [];
  const others = [];
  for (const entry of list) {
    internalAssert(typeof entry === 'string', 'All expected entries have to be of type string');
    if (kPrimitiveTypeNames.has(entry)) types.push(entry.toLowerCase());
    else if (kClassName.test(entry)) classes.push(entry);
    else {
      internalAssert(entry !== 'object', 'The value "object" should be written as "Object"');
      others.push(entry);
    }
  }
  // "object" is listed among the instances when classes are expected.
  if (classes.length > 0) {
    const at = types.indexOf('object');
    if (at !== -1) {
      types.splice(at, 1);
      classes.push('Object');
    }
  }
  const parts = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`);
  if (classes.length > 0) parts.push(`an instance of ${formatList(classes, 'or')}`);
  if (others.length > 0) {
    if (others.length > 1) parts.push(`one of ${formatList(others, 'or')}`);
    else parts.push(`${others[0].toLowerCase() !== others[0] ? 'an ' : ''}${others[0]}`);
  }
  return `${msg}${parts.join(' or ')}. Received ${determineSpecificType(actual)}`;
}

function inspectWithNoCustomRetry(obj, options) {
  const { inspect } = lazyInspect();
  try {
    return inspect(obj, options);
  } catch {
    return inspect(obj, { ...options, customInspect: false });
  }
}

// Message builders for the codes whose message is not a plain format string.
// A builder runs with `this` bound to the error being made.
const fn = {
  ERR_ACCESS_DENIED(msg, permission = '', resource = '') {
    this.permission = permission;
    this.resource = resource;
    return msg;
  },
  ERR_BUFFER_OUT_OF_BOUNDS(name = undefined) {
    return name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds';
  },
  ERR_ENCODING_INVALID_ENCODED_DATA(encoding, ret) {
    this.errno = ret;
    return `The encoded data was not valid for encoding ${encoding}`;
  },
  ERR_FALSY_VALUE_REJECTION(reason) {
    this.reason = reason;
    return 'Promise was rejected with falsy value';
  },
  ERR_HTTP2_INVALID_SETTING_VALUE(name, actual, min = undefined, max = undefined) {
    this.actual = actual;
    if (min !== undefined) {
      this.min = min;
      this.max = max;
    }
    return `Invalid value for setting "${name}": ${actual}`;
  },
  ERR_HTTP2_STREAM_CANCEL(error) {
    let msg = 'The pending stream has been canceled';
    if (error) {
      this.cause = error;
      if (typeof error.message === 'string') msg += ` (caused by: ${error.message})`;
    }
    return msg;
  },
  ERR_INTERNAL_ASSERTION(message) {
    const tail = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
      'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
    return message === undefined ? tail : `${message}\n${tail}`;
  },
  ERR_INVALID_ADDRESS_FAMILY(addressType, host, port) {
    this.host = host;
    this.port = port;
    return `Invalid address family: ${addressType} ${host}:${port}`;
  },
  ERR_INVALID_ARG_TYPE(name, expected, actual) {
    return invalidArgTypeMessage(name, expected, actual);
  },
  ERR_INVALID_ARG_VALUE(name, value, reason = 'is invalid') {
    let shown = lazyInspect().inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    return `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${shown}`;
  },
  ERR_INVALID_CHAR(name, field = undefined) {
    return field === undefined ? `Invalid character in ${name}` : `Invalid character in ${name} ["${field}"]`;
  },
  ERR_INVALID_MIME_SYNTAX(production, str, invalidIndex) {
    return `The MIME syntax for a ${production} in "${str}" is invalid` +
      (invalidIndex !== -1 ? ` at ${invalidIndex}` : '');
  },
  ERR_INVALID_MODULE_SPECIFIER(request, reason, base = undefined) {
    return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
  },
  ERR_INVALID_PACKAGE_CONFIG(path, base, message) {
    return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`;
  },
  ERR_INVALID_PACKAGE_TARGET(pkgPath, key, target, isImport = false, base = undefined) {
    const from = base ? ` imported from ${base}` : '';
    const rel = typeof target === 'string' && !isImport && target.length > 0 && !target.startsWith('./') ?
      '; targets must start with "./"' : '';
    if (key === '.') {
      return `Invalid "exports" main target ${JSON.stringify(target)} defined in the package config ` +
        `${pkgPath}package.json${from}${rel}`;
    }
    return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' ` +
      `in the package config ${pkgPath}package.json${from}${rel}`;
  },
  ERR_INVALID_RETURN_PROPERTY(input, name, prop, value) {
    return `Expected a valid ${input} to be returned for the "${prop}" from the "${name}" hook but got ` +
      `${determineSpecificType(value)}.`;
  },
  ERR_INVALID_RETURN_PROPERTY_VALUE(input, name, prop, value) {
    return `Expected ${input} to be returned for the "${prop}" from the "${name}" hook but got ` +
      `${determineSpecificType(value)}.`;
  },
  ERR_INVALID_RETURN_VALUE(input, name, value) {
    return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
  },
  ERR_INVALID_URL(input, base = null) {
    this.input = input;
    if (base != null) this.base = base;
    return 'Invalid URL';
  },
  ERR_INVALID_URL_SCHEME(expected) {
    const list = typeof expected === 'string' ? [expected] : expected;
    internalAssert(list.length <= 2);
    const which = list.length === 2 ? `one of scheme ${list[0]} or ${list[1]}` : `of scheme ${list[0]}`;
    return `The URL must be ${which}`;
  },
  ERR_MANIFEST_ASSERT_INTEGRITY(moduleURL, realIntegrities) {
    let msg = `The content of "${moduleURL}" does not match the expected integrity.`;
    if (realIntegrities.size) {
      const found = Array.from(realIntegrities.entries(), ([alg, dgs]) => `${alg}-${dgs}`).join(' ');
      msg += ` Integrities found are: ${found}`;
    } else {
      msg += ' The resource was not found in the policy.';
    }
    return msg;
  },
  ERR_MISSING_ARGS(...names) {
    internalAssert(names.length > 0, 'At least one arg needs to be specified');
    const quoted = names.map((n) => (Array.isArray(n) ? n.map((a) => `"${a}"`).join(' or ') : `"${n}"`));
    return `The ${formatList(quoted)} argument${names.length > 1 ? 's' : ''} must be specified`;
  },
  ERR_MODULE_NOT_FOUND(path, base, exactUrl) {
    if (exactUrl) {
      Object.defineProperty(this, 'url', {
        __proto__: null, value: `${exactUrl}`, writable: true, enumerable: true, configurable: true,
      });
    }
    return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
  },
  ERR_OUT_OF_RANGE(str, range, input, replaceDefaultBoolean = false) {
    internalAssert(range, 'Missing "range" argument');
    const head = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
    let received;
    if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
      received = addNumericalSeparator(String(input));
    } else if (typeof input === 'bigint') {
      received = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
      received += 'n';
    } else {
      received = lazyInspect().inspect(input);
    }
    return `${head} It must be ${range}. Received ${received}`;
  },
  ERR_PACKAGE_IMPORT_NOT_DEFINED(specifier, packagePath, base) {
    return `Package import specifier "${specifier}" is not defined` +
      `${packagePath ? ` in package ${packagePath}package.json` : ''} imported from ${base}`;
  },
  ERR_PACKAGE_PATH_NOT_EXPORTED(pkgPath, subpath, base = undefined) {
    const from = base ? ` imported from ${base}` : '';
    if (subpath === '.') return `No "exports" main defined in ${pkgPath}package.json${from}`;
    return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${from}`;
  },
  ERR_PARSE_ARGS_UNKNOWN_OPTION(option, allowPositionals) {
    const hint = allowPositionals ? ". To specify a positional argument starting with a '-', place it at the end " +
      `of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
    return `Unknown option '${option}'${hint}`;
  },
  ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename) {
    let msg = 'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where ' +
      'the top-level await comes from, use --experimental-print-required-tla.';
    if (parentFilename) msg += `\n  From ${parentFilename} `;
    if (filename) msg += `\n  Requiring ${filename} `;
    return msg;
  },
  ERR_REQUIRE_ESM(filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) {
    let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
    if (!packageJsonPath) {
      if (filename.endsWith('.mjs')) {
        msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all ` +
          'CommonJS modules.';
      }
      return msg;
    }
    const path = require('path');
    const base = parentPath && path.basename(filename) === path.basename(parentPath) ?
      filename : path.basename(filename);
    if (hasEsmSyntax) {
      return `${msg}\nInstead change the require of ${base} in ${parentPath} to a dynamic import() which is ` +
        'available in all CommonJS modules.';
    }
    return `${msg}\n${base} is treated as an ES module file as it is a .js file whose nearest parent ` +
      'package.json contains "type": "module" which declares all .js files in that package scope as ES modules.' +
      `\nInstead either rename ${base} to end in .cjs, change the requiring code to use dynamic import() which ` +
      'is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
      `${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
  },
  ERR_SOCKET_BAD_PORT(name, port, allowZero = true) {
    internalAssert(typeof allowZero === 'boolean', "The 'allowZero' argument must be of type boolean.");
    return `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${determineSpecificType(port)}.`;
  },
  ERR_TEST_FAILURE(error, failureType) {
    let msg = error?.message ?? error;
    if (typeof msg !== 'string') msg = inspectWithNoCustomRetry(msg);
    this.failureType = failureType;
    this.cause = error;
    return msg;
  },
  ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(value, protocols) {
    return `ALPN callback returned a value (${value}) that did not match any of the client's offered ` +
      `protocols (${protocols.join(', ')})`;
  },
  ERR_TLS_CERT_ALTNAME_INVALID(reason, host, cert) {
    this.reason = reason;
    this.host = host;
    this.cert = cert;
    return `Hostname/IP does not match certificate's altnames: ${reason}`;
  },
  ERR_UNHANDLED_ERROR(err = undefined) {
    return err === undefined ? 'Unhandled error.' : `Unhandled error. (${err})`;
  },
  ERR_UNSUPPORTED_DIR_IMPORT(path, base, exactUrl) {
    Object.defineProperty(this, 'url', {
      __proto__: null, value: exactUrl, writable: true, enumerable: true, configurable: true,
    });
    return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
  },
  ERR_UNSUPPORTED_ESM_URL_SCHEME(url, supported) {
    let msg = `Only URLs with a scheme in: ${formatList(supported)} are supported by the default ESM loader`;
    if (isWindows && url.protocol.length === 2) msg += '. On Windows, absolute paths must be valid file:// URLs';
    return `${msg}. Received protocol '${url.protocol}'`;
  },
  ERR_VM_MODULE_LINK_FAILURE(message, cause) {
    this.cause = cause;
    return message;
  },
  ERR_WORKER_INVALID_EXEC_ARGV(errors, msg = 'invalid execArgv flags') {
    return `Initiated Worker with ${msg}: ${errors.join(', ')}`;
  },
  ERR_WORKER_PATH(filename) {
    let msg = 'The worker script or module filename must be an absolute path or a relative path starting with ' +
      "'./' or '../'.";
    if (filename.startsWith('file://')) msg += ' Wrap file:// URLs with `new URL`.';
    if (filename.startsWith('data:text/javascript')) msg += ' Wrap data: URLs with `new URL`.';
    return `${msg} Received "${filename}"`;
  },
};

// The registry: [code, message template or builder, base classes].
// Base letters: E Error, T TypeError, R RangeError, S SyntaxError, U URIError,
// Y SystemError (message built from a context object).
const kRegistry = [
  ['ERR_ACCESS_DENIED', fn.ERR_ACCESS_DENIED, 'E'],
  ['ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', 'T'],
  ['ERR_ARG_NOT_ITERABLE', '%s must be iterable', 'T'],
  ['ERR_ASSERTION', '%s', 'E'],
  ['ERR_ASYNC_CALLBACK', '%s must be a function', 'T'],
  ['ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', 'T'],
  ['ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', 'R'],
  ['ERR_BUFFER_OUT_OF_BOUNDS', fn.ERR_BUFFER_OUT_OF_BOUNDS, 'R'],
  ['ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', 'R'],
  ['ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', 'E'],
  ['ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', 'E'],
  ['ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", 'E'],
  ['ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', 'R'],
  ['ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', 'T'],
  ['ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', 'E'],
  ['ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL', 'E'],
  ['ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', 'T'],
  ['ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', 'E'],
  ['ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', 'E'],
  ['ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode, it was forced with --force-fips at startup.', 'E'],
  ['ERR_CRYPTO_FIPS_UNAVAILABLE', 'Cannot set FIPS mode in a non-FIPS build.', 'E'],
  ['ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', 'E'],
  ['ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', 'E'],
  ['ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', 'E'],
  ['ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', 'E'],
  ['ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', 'T'],
  ['ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', 'T'],
  ['ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type %s, expected %s.', 'T'],
  ['ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', 'E'],
  ['ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', 'E'],
  ['ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', 'E'],
  ['ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', 'E'],
  ['ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', 'E'],
  ['ERR_DEBUGGER_ERROR', '%s', 'E'],
  ['ERR_DEBUGGER_STARTUP_ERROR', '%s', 'E'],
  ['ERR_DIR_CLOSED', 'Directory handle was closed', 'E'],
  ['ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations', 'E'],
  ['ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]', 'E'],
  ['ERR_DOMAIN_CALLBACK_NOT_AVAILABLE', 'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module', 'E'],
  ['ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE', 'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()', 'E'],
  ['ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION', 'Deserialize main function is already configured.', 'E'],
  ['ERR_ENCODING_INVALID_ENCODED_DATA', fn.ERR_ENCODING_INVALID_ENCODED_DATA, 'T'],
  ['ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', 'R'],
  ['ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', 'E'],
  ['ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', 'E'],
  ['ERR_FALSY_VALUE_REJECTION', fn.ERR_FALSY_VALUE_REJECTION, 'E'],
  ['ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The feature %s is unavailable on the current platform, which is being used to run Node.js', 'T'],
  ['ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', 'Y'],
  ['ERR_FS_CP_EEXIST', 'Target already exists', 'Y'],
  ['ERR_FS_CP_EINVAL', 'Invalid src or dest', 'Y'],
  ['ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', 'Y'],
  ['ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', 'Y'],
  ['ERR_FS_CP_SOCKET', 'Cannot copy a socket file', 'Y'],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', 'Y'],
  ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', 'Y'],
  ['ERR_FS_EISDIR', 'Path is a directory', 'Y'],
  ['ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', 'R'],
  ['ERR_FS_INVALID_SYMLINK_TYPE', 'Symlink type must be one of "dir", "file", or "junction". Received "%s"', 'E'],
  ['ERR_HTTP2_ALTSVC_INVALID_ORIGIN', 'HTTP/2 ALTSVC frames require a valid origin', 'T'],
  ['ERR_HTTP2_ALTSVC_LENGTH', 'HTTP/2 ALTSVC frames are limited to 16382 bytes', 'T'],
  ['ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests', 'E'],
  ['ERR_HTTP2_CONNECT_PATH', 'The :path header is forbidden for CONNECT requests', 'E'],
  ['ERR_HTTP2_CONNECT_SCHEME', 'The :scheme header is forbidden for CONNECT requests', 'E'],
  ['ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY', 'E'],
  ['ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated', 'E'],
  ['ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', 'E'],
  ['ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "%s" must only have a single value', 'T'],
  ['ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', 'Informational status codes cannot be used', 'R'],
  ['ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "%s"', 'T'],
  ['ERR_HTTP2_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', 'T'],
  ['ERR_HTTP2_INVALID_INFO_STATUS', 'Invalid informational status code: %s', 'R'],
  ['ERR_HTTP2_INVALID_ORIGIN', 'HTTP/2 ORIGIN frames require a valid origin', 'T'],
  ['ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', 'Packed settings length must be a multiple of six', 'R'],
  ['ERR_HTTP2_INVALID_PSEUDOHEADER', '"%s" is an invalid pseudoheader or is used incorrectly', 'T'],
  ['ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', 'E'],
  ['ERR_HTTP2_INVALID_SETTING_VALUE', fn.ERR_HTTP2_INVALID_SETTING_VALUE, 'TR'],
  ['ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', 'E'],
  ['ERR_HTTP2_MAX_PENDING_SETTINGS_ACK', 'Maximum number of pending settings acknowledgements', 'E'],
  ['ERR_HTTP2_NESTED_PUSH', 'A push stream cannot initiate another push stream.', 'E'],
  ['ERR_HTTP2_NO_MEM', 'Out of memory', 'E'],
  ['ERR_HTTP2_NO_SOCKET_MANIPULATION', 'HTTP/2 sockets should not be directly manipulated (e.g. read and written)', 'E'],
  ['ERR_HTTP2_ORIGIN_LENGTH', 'HTTP/2 ORIGIN frames are limited to 16382 bytes', 'T'],
  ['ERR_HTTP2_OUT_OF_STREAMS', 'No stream ID is available because maximum stream ID has been reached', 'E'],
  ['ERR_HTTP2_PAYLOAD_FORBIDDEN', 'Responses with %s status must not have a payload', 'E'],
  ['ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', 'E'],
  ['ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', 'R'],
  ['ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers', 'T'],
  ['ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', 'E'],
  ['ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', 'E'],
  ['ERR_HTTP2_SEND_FILE_NOSEEK', 'Offset or length can only be specified for regular files', 'E'],
  ['ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', 'E'],
  ['ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', 'E'],
  ['ERR_HTTP2_SOCKET_BOUND', 'The socket is already bound to an Http2Session', 'E'],
  ['ERR_HTTP2_SOCKET_UNBOUND', 'The socket has been disconnected from the Http2Session', 'E'],
  ['ERR_HTTP2_STATUS_101', 'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', 'E'],
  ['ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', 'R'],
  ['ERR_HTTP2_STREAM_CANCEL', fn.ERR_HTTP2_STREAM_CANCEL, 'E'],
  ['ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', 'E'],
  ['ERR_HTTP2_STREAM_SELF_DEPENDENCY', 'A stream cannot depend on itself', 'E'],
  ['ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS', 'Number of custom settings exceeds MAX_ADDITIONAL_SETTINGS', 'E'],
  ['ERR_HTTP2_TOO_MANY_INVALID_FRAMES', 'Too many invalid HTTP/2 frames', 'E'],
  ['ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent', 'E'],
  ['ERR_HTTP2_TRAILERS_NOT_READY', 'Trailing headers cannot be sent until after the wantTrailers event is emitted', 'E'],
  ['ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', 'E'],
  ['ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.', 'E'],
  ['ERR_HTTP_CONTENT_LENGTH_MISMATCH', "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header", 'E'],
  ['ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', 'E'],
  ['ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', 'T'],
  ['ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', 'R'],
  ['ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', 'E'],
  ['ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', 'E'],
  ['ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.', 'E'],
  ['ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', 'E'],
  ['ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', 'T'],
  ['ERR_IMPORT_ASSERTION_TYPE_FAILED', 'Module "%s" is not of type "%s"', 'T'],
  ['ERR_IMPORT_ASSERTION_TYPE_MISSING', 'Module "%s" needs an import attribute of type "%s"', 'T'],
  ['ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', 'Import attribute type "%s" is unsupported', 'T'],
  ['ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported', 'T'],
  ['ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', 'T'],
  ['ERR_INPUT_TYPE_NOT_ALLOWED', '--input-type can only be used with string input via --eval, --print, or STDIN', 'E'],
  ['ERR_INSPECTOR_ALREADY_ACTIVATED', 'Inspector is already activated. Close it with inspector.close() before activating it again.', 'E'],
  ['ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', 'E'],
  ['ERR_INSPECTOR_CLOSED', 'Session was closed', 'E'],
  ['ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', 'E'],
  ['ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', 'E'],
  ['ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', 'E'],
  ['ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', 'E'],
  ['ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', 'E'],
  ['ERR_INTERNAL_ASSERTION', fn.ERR_INTERNAL_ASSERTION, 'E'],
  ['ERR_INVALID_ADDRESS_FAMILY', fn.ERR_INVALID_ADDRESS_FAMILY, 'R'],
  ['ERR_INVALID_ARG_TYPE', fn.ERR_INVALID_ARG_TYPE, 'T'],
  ['ERR_INVALID_ARG_VALUE', fn.ERR_INVALID_ARG_VALUE, 'TR'],
  ['ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', 'R'],
  ['ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', 'R'],
  ['ERR_INVALID_CHAR', fn.ERR_INVALID_CHAR, 'T'],
  ['ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', 'T'],
  ['ERR_INVALID_FD', '"fd" must be a positive integer: %s', 'R'],
  ['ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', 'T'],
  ['ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', 'T'],
  ['ERR_INVALID_FILE_URL_PATH', 'File URL path %s', 'T'],
  ['ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', 'T'],
  ['ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', 'T'],
  ['ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', 'T'],
  ['ERR_INVALID_MIME_SYNTAX', fn.ERR_INVALID_MIME_SYNTAX, 'T'],
  ['ERR_INVALID_MODULE_SPECIFIER', fn.ERR_INVALID_MODULE_SPECIFIER, 'T'],
  ['ERR_INVALID_OBJECT_DEFINE_PROPERTY', '%s', 'T'],
  ['ERR_INVALID_PACKAGE_CONFIG', fn.ERR_INVALID_PACKAGE_CONFIG, 'E'],
  ['ERR_INVALID_PACKAGE_TARGET', fn.ERR_INVALID_PACKAGE_TARGET, 'E'],
  ['ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', 'T'],
  ['ERR_INVALID_REPL_EVAL_CONFIG', 'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', 'T'],
  ['ERR_INVALID_REPL_INPUT', '%s', 'T'],
  ['ERR_INVALID_RETURN_PROPERTY', fn.ERR_INVALID_RETURN_PROPERTY, 'T'],
  ['ERR_INVALID_RETURN_PROPERTY_VALUE', fn.ERR_INVALID_RETURN_PROPERTY_VALUE, 'T'],
  ['ERR_INVALID_RETURN_VALUE', fn.ERR_INVALID_RETURN_VALUE, 'TR'],
  ['ERR_INVALID_STATE', 'Invalid state: %s', 'ETR'],
  ['ERR_INVALID_SYNC_FORK_INPUT', 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', 'T'],
  ['ERR_INVALID_THIS', 'Value of "this" must be of type %s', 'T'],
  ['ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', 'T'],
  ['ERR_INVALID_URI', 'URI malformed', 'U'],
  ['ERR_INVALID_URL', fn.ERR_INVALID_URL, 'T'],
  ['ERR_INVALID_URL_SCHEME', fn.ERR_INVALID_URL_SCHEME, 'T'],
  ['ERR_IPC_CHANNEL_CLOSED', 'Channel closed', 'E'],
  ['ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', 'E'],
  ['ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', 'E'],
  ['ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', 'E'],
  ['ERR_LOADER_CHAIN_INCOMPLETE', "\"%s\" did not call the next hook in its chain and did not explicitly signal a short circuit. If this is intentional, include `shortCircuit: true` in the hook's return.", 'E'],
  ['ERR_MANIFEST_ASSERT_INTEGRITY', fn.ERR_MANIFEST_ASSERT_INTEGRITY, 'E'],
  ['ERR_MANIFEST_DEPENDENCY_MISSING', 'Manifest resource %s does not list %s as a dependency specifier for conditions: %s', 'E'],
  ['ERR_MANIFEST_INTEGRITY_MISMATCH', 'Manifest resource %s has multiple entries but integrity lists do not match', 'S'],
  ['ERR_MANIFEST_INVALID_RESOURCE_FIELD', 'Manifest resource %s has invalid property value for %s', 'T'],
  ['ERR_MANIFEST_INVALID_SPECIFIER', 'Manifest resource %s has invalid dependency mapping %s', 'T'],
  ['ERR_MANIFEST_TDZ', 'Manifest initialization has not yet run', 'E'],
  ['ERR_MANIFEST_UNKNOWN_ONERROR', 'Manifest specified unknown error behavior "%s".', 'S'],
  ['ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', 'E'],
  ['ERR_MISSING_ARGS', fn.ERR_MISSING_ARGS, 'T'],
  ['ERR_MISSING_OPTION', '%s is required', 'T'],
  ['ERR_MODULE_NOT_FOUND', fn.ERR_MODULE_NOT_FOUND, 'E'],
  ['ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', 'E'],
  ['ERR_NAPI_CONS_FUNCTION', 'Constructor must be a function', 'T'],
  ['ERR_NAPI_INVALID_DATAVIEW_ARGS', 'byte_offset + byte_length should be less than or equal to the size in bytes of the array passed in', 'R'],
  ['ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT', 'start offset of %s should be a multiple of %s', 'R'],
  ['ERR_NAPI_INVALID_TYPEDARRAY_LENGTH', 'Invalid typed array length', 'R'],
  ['ERR_NETWORK_IMPORT_BAD_RESPONSE', "import '%s' received a bad response: %s", 'E'],
  ['ERR_NETWORK_IMPORT_DISALLOWED', "import of '%s' by %s is not supported: %s", 'E'],
  ['ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot', 'E'],
  ['ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION', 'Operation cannot be invoked when not in a single-executable application', 'E'],
  ['ERR_NOT_SUPPORTED_IN_SNAPSHOT', '%s is not supported in startup snapshot', 'E'],
  ['ERR_NO_CRYPTO', 'Node.js is not compiled with OpenSSL crypto support', 'E'],
  ['ERR_NO_ICU', '%s is not supported on Node.js compiled without ICU', 'T'],
  ['ERR_OPERATION_FAILED', 'Operation failed: %s', 'ET'],
  ['ERR_OUT_OF_RANGE', fn.ERR_OUT_OF_RANGE, 'R'],
  ['ERR_PACKAGE_IMPORT_NOT_DEFINED', fn.ERR_PACKAGE_IMPORT_NOT_DEFINED, 'T'],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', fn.ERR_PACKAGE_PATH_NOT_EXPORTED, 'E'],
  ['ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', 'T'],
  ['ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", 'T'],
  ['ERR_PARSE_ARGS_UNKNOWN_OPTION', fn.ERR_PARSE_ARGS_UNKNOWN_OPTION, 'T'],
  ['ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', 'T'],
  ['ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', 'T'],
  ['ERR_REQUIRE_ASYNC_MODULE', fn.ERR_REQUIRE_ASYNC_MODULE, 'E'],
  ['ERR_REQUIRE_CYCLE_MODULE', '%s', 'E'],
  ['ERR_REQUIRE_ESM', fn.ERR_REQUIRE_ESM, 'E'],
  ['ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`', 'E'],
  ['ERR_SCRIPT_EXECUTION_TIMEOUT', 'Script execution timed out after %sms', 'E'],
  ['ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', 'E'],
  ['ERR_SERVER_NOT_RUNNING', 'Server is not running.', 'E'],
  ['ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND', 'Cannot find asset %s for the single executable application', 'E'],
  ['ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', 'E'],
  ['ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', 'T'],
  ['ERR_SOCKET_BAD_PORT', fn.ERR_SOCKET_BAD_PORT, 'R'],
  ['ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', 'T'],
  ['ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', 'Y'],
  ['ERR_SOCKET_CLOSED', 'Socket is closed', 'E'],
  ['ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', 'E'],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', 'E'],
  ['ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', 'E'],
  ['ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', 'E'],
  ['ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', 'E'],
  ['ERR_SRI_PARSE', 'Subresource Integrity string %j had an unexpected %j at position %d', 'S'],
  ['ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', 'E'],
  ['ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', 'E'],
  ['ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', 'E'],
  ['ERR_STREAM_NULL_VALUES', 'May not write null values to stream', 'T'],
  ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close', 'E'],
  ['ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', 'E'],
  ['ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', 'E'],
  ['ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', 'E'],
  ['ERR_STREAM_WRITE_AFTER_END', 'write after end', 'E'],
  ['ERR_SYNTHETIC', 'JavaScript Callstack', 'E'],
  ['ERR_SYSTEM_ERROR', 'A system error occurred', 'Y'],
  ['ERR_TEST_FAILURE', fn.ERR_TEST_FAILURE, 'E'],
  ['ERR_TLS_ALPN_CALLBACK_INVALID_RESULT', fn.ERR_TLS_ALPN_CALLBACK_INVALID_RESULT, 'T'],
  ['ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive', 'T'],
  ['ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', 'S'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', fn.ERR_TLS_CERT_ALTNAME_INVALID, 'E'],
  ['ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', 'E'],
  ['ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', 'E'],
  ['ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', 'T'],
  ['ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', 'T'],
  ['ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', 'E'],
  ['ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', 'T'],
  ['ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', 'E'],
  ['ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext', 'E'],
  ['ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', 'E'],
  ['ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', 'E'],
  ['ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', 'T'],
  ['ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', 'E'],
  ['ERR_TTY_INIT_FAILED', 'TTY initialization failed', 'Y'],
  ['ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', 'E'],
  ['ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET', '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', 'E'],
  ['ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', 'T'],
  ['ERR_UNHANDLED_ERROR', fn.ERR_UNHANDLED_ERROR, 'E'],
  ['ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', 'E'],
  ['ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', 'E'],
  ['ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', 'T'],
  ['ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', 'T'],
  ['ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', 'R'],
  ['ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', 'T'],
  ['ERR_UNSUPPORTED_DIR_IMPORT', fn.ERR_UNSUPPORTED_DIR_IMPORT, 'E'],
  ['ERR_UNSUPPORTED_ESM_URL_SCHEME', fn.ERR_UNSUPPORTED_ESM_URL_SCHEME, 'E'],
  ['ERR_UNSUPPORTED_RESOLVE_REQUEST', 'Failed to resolve module specifier "%s" from "%s": Invalid relative URL or base scheme is not hierarchical.', 'T'],
  ['ERR_USE_AFTER_CLOSE', '%s was closed', 'E'],
  ['ERR_VALID_PERFORMANCE_ENTRY_TYPE', 'At least one valid performance entry type is required', 'E'],
  ['ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.', 'T'],
  ['ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG', 'A dynamic import callback was invoked without --experimental-vm-modules', 'T'],
  ['ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', 'E'],
  ['ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA', 'Cached data cannot be created for a module which has been evaluated', 'E'],
  ['ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context', 'E'],
  ['ERR_VM_MODULE_LINK_FAILURE', fn.ERR_VM_MODULE_LINK_FAILURE, 'E'],
  ['ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', 'E'],
  ['ERR_VM_MODULE_STATUS', 'Module status %s', 'E'],
  ['ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', 'E'],
  ['ERR_WEBASSEMBLY_RESPONSE', 'WebAssembly response %s', 'T'],
  ['ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', 'E'],
  ['ERR_WORKER_INVALID_EXEC_ARGV', fn.ERR_WORKER_INVALID_EXEC_ARGV, 'E'],
  ['ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message', 'E'],
  ['ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener', 'E'],
  ['ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread', 'E'],
  ['ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out', 'E'],
  ['ERR_WORKER_NOT_RUNNING', 'Worker instance not running', 'E'],
  ['ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', 'E'],
  ['ERR_WORKER_PATH', fn.ERR_WORKER_PATH, 'T'],
  ['ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', 'E'],
  ['ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', 'T'],
  ['ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', 'E'],
];

const messages = new Map();
const codes = {};

function expectedArgCount(template) {
  const found = template.match(/%[dfijoOs]/g);
  return found === null ? 0 : found.length;
}

function getMessage(key, args, self) {
  const template = messages.get(key);
  if (typeof template === 'function') {
    internalAssert(template.length <= args.length,
      `Code: ${key}; The provided arguments length (${args.length}) does not ` +
      `match the required ones (${template.length}).`);
    return Reflect.apply(template, self, args);
  }
  const expected = expectedArgCount(template);
  internalAssert(expected === args.length,
    `Code: ${key}; The provided arguments length (${args.length}) does not ` +
    `match the required ones (${expected}).`);
  if (args.length === 0) return template;
  return lazyInspect().format(template, ...args);
}

function defineHidden(obj, name, value) {
  Object.defineProperty(obj, name, {
    __proto__: null, value, enumerable: false, writable: true, configurable: true,
  });
}

function makeNodeErrorWithCode(Base, key) {
  class NodeError extends Base {
    constructor(...args) {
      super();
      this.code = key;
      defineHidden(this, 'message', getMessage(key, args, this));
    }

    // Node's errors report their base class as constructor.
    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${key}]: ${this.message}`;
    }
  }
  return NodeError;
}

// An error with extra context from a failed system call:
// 'PREFIX: syscall returned CODE (message) path => dest'.
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    Object.defineProperties(this, {
      [kIsNodeError]: { __proto__: null, value: true, enumerable: false, writable: false, configurable: true },
      name: { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      info: { __proto__: null, value: context, enumerable: true, writable: false, configurable: true },
      errno: {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() { return context.errno; },
        set(value) { context.errno = value; },
      },
      syscall: {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() { return context.syscall; },
        set(value) { context.syscall = value; },
      },
    });
    for (const prop of ['path', 'dest']) {
      if (context[prop] === undefined) continue;
      Object.defineProperty(this, prop, {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() { return context[prop] != null ? context[prop].toString() : context[prop]; },
        set(value) { context[prop] = value ? lazyBuffer().from(value.toString()) : undefined; },
      });
    }
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInspect().inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

const kBaseClasses = {
  E: Error, T: TypeError, R: RangeError, S: SyntaxError, U: URIError,
};

// Registers one code.  The first base class is `codes[key]`; the others are
// reachable as `codes[key].RangeError` etc.
function E(key, template, Base, ...otherBases) {
  messages.set(key, template);
  let ErrClass;
  if (Base === SystemError) {
    ErrClass = makeSystemErrorWithCode(key);
  } else {
    ErrClass = makeNodeErrorWithCode(Base, key);
    for (const Other of otherBases) ErrClass[Other.name] = makeNodeErrorWithCode(Other, key);
  }
  ErrClass.HideStackFramesError = ErrClass;
  codes[key] = ErrClass;
}

for (const [key, template, bases] of kRegistry) {
  if (bases === 'Y') {
    E(key, template, SystemError);
  } else {
    const list = Array.from(bases, (letter) => kBaseClasses[letter]);
    E(key, template, ...list);
  }
}

// libuv's error names and messages, by libuv error number (Linux values).
const kUvErrors = {
  E2BIG: [-7, 'argument list too long'],
  EACCES: [-13, 'permission denied'],
  EADDRINUSE: [-98, 'address already in use'],
  EADDRNOTAVAIL: [-99, 'address not available'],
  EAFNOSUPPORT: [-97, 'address family not supported'],
  EAGAIN: [-11, 'resource temporarily unavailable'],
  EAI_ADDRFAMILY: [-3000, 'address family not supported'],
  EAI_AGAIN: [-3001, 'temporary failure'],
  EAI_BADFLAGS: [-3002, 'bad ai_flags value'],
  EAI_BADHINTS: [-3013, 'invalid value for hints'],
  EAI_CANCELED: [-3003, 'request canceled'],
  EAI_FAIL: [-3004, 'permanent failure'],
  EAI_FAMILY: [-3005, 'ai_family not supported'],
  EAI_MEMORY: [-3006, 'out of memory'],
  EAI_NODATA: [-3007, 'no address'],
  EAI_NONAME: [-3008, 'unknown node or service'],
  EAI_OVERFLOW: [-3009, 'argument buffer overflow'],
  EAI_PROTOCOL: [-3014, 'resolved protocol is unknown'],
  EAI_SERVICE: [-3010, 'service not available for socket type'],
  EAI_SOCKTYPE: [-3011, 'socket type not supported'],
  EALREADY: [-114, 'connection already in progress'],
  EBADF: [-9, 'bad file descriptor'],
  EBUSY: [-16, 'resource busy or locked'],
  ECANCELED: [-125, 'operation canceled'],
  ECHARSET: [-4080, 'invalid Unicode character'],
  ECONNABORTED: [-103, 'software caused connection abort'],
  ECONNREFUSED: [-111, 'connection refused'],
  ECONNRESET: [-104, 'connection reset by peer'],
  EDESTADDRREQ: [-89, 'destination address required'],
  EEXIST: [-17, 'file already exists'],
  EFAULT: [-14, 'bad address in system call argument'],
  EFBIG: [-27, 'file too large'],
  EFTYPE: [-4028, 'inappropriate file type or format'],
  EHOSTDOWN: [-112, 'host is down'],
  EHOSTUNREACH: [-113, 'host is unreachable'],
  EILSEQ: [-84, 'illegal byte sequence'],
  EINTR: [-4, 'interrupted system call'],
  EINVAL: [-22, 'invalid argument'],
  EIO: [-5, 'i/o error'],
  EISCONN: [-106, 'socket is already connected'],
  EISDIR: [-21, 'illegal operation on a directory'],
  ELOOP: [-40, 'too many symbolic links encountered'],
  EMFILE: [-24, 'too many open files'],
  EMLINK: [-31, 'too many links'],
  EMSGSIZE: [-90, 'message too long'],
  ENAMETOOLONG: [-36, 'name too long'],
  ENETDOWN: [-100, 'network is down'],
  ENETUNREACH: [-101, 'network is unreachable'],
  ENFILE: [-23, 'file table overflow'],
  ENOBUFS: [-105, 'no buffer space available'],
  ENODATA: [-61, 'no data available'],
  ENODEV: [-19, 'no such device'],
  ENOENT: [-2, 'no such file or directory'],
  ENOMEM: [-12, 'not enough memory'],
  ENONET: [-64, 'machine is not on the network'],
  ENOPROTOOPT: [-92, 'protocol not available'],
  ENOSPC: [-28, 'no space left on device'],
  ENOSYS: [-38, 'function not implemented'],
  ENOTCONN: [-107, 'socket is not connected'],
  ENOTDIR: [-20, 'not a directory'],
  ENOTEMPTY: [-39, 'directory not empty'],
  ENOTSOCK: [-88, 'socket operation on non-socket'],
  ENOTSUP: [-95, 'operation not supported on socket'],
  ENOTTY: [-25, 'inappropriate ioctl for device'],
  ENXIO: [-6, 'no such device or address'],
  EOF: [-4095, 'end of file'],
  EOVERFLOW: [-75, 'value too large for defined data type'],
  EPERM: [-1, 'operation not permitted'],
  EPIPE: [-32, 'broken pipe'],
  EPROTO: [-71, 'protocol error'],
  EPROTONOSUPPORT: [-93, 'protocol not supported'],
  EPROTOTYPE: [-91, 'protocol wrong type for socket'],
  ERANGE: [-34, 'result too large'],
  EREMOTEIO: [-121, 'remote I/O error'],
  EROFS: [-30, 'read-only file system'],
  ESHUTDOWN: [-108, 'cannot send after transport endpoint shutdown'],
  ESOCKTNOSUPPORT: [-94, 'socket type not supported'],
  ESPIPE: [-29, 'invalid seek'],
  ESRCH: [-3, 'no such process'],
  ETIMEDOUT: [-110, 'connection timed out'],
  ETXTBSY: [-26, 'text file is busy'],
  EUNATCH: [-49, 'protocol driver not attached'],
  EXDEV: [-18, 'cross-device link not permitted'],
  UNKNOWN: [-4094, 'unknown error'],

};

let uvErrmap;
let uvCodes;
function buildUvTables() {
  if (uvErrmap !== undefined) return;
  uvErrmap = new Map();
  uvCodes = {};
  let osErrno = {};
  try {
    const constants = internalBinding('constants');
    if (constants && constants.os && constants.os.errno) osErrno = constants.os.errno;
  } catch {
    // fall back to the numbers in the table
  }
  for (const name of Object.keys(kUvErrors)) {
    const [defaultNumber, message] = kUvErrors[name];
    const native = osErrno[name];
    const errno = typeof native === 'number' && defaultNumber > -3000 ? -native : defaultNumber;
    uvErrmap.set(errno, [name, message]);
    uvCodes[`UV_${name}`] = errno;
  }
}

const uvUnmappedError = ['UNKNOWN', 'unknown error'];

// errno (negative) -> [name, message], or undefined.
function uvErrmapGet(errno) {
  buildUvTables();
  return uvErrmap.get(errno);
}

function getUvErrorMap() {
  buildUvTables();
  return new Map(uvErrmap);
}

function getUvCodes() {
  buildUvTables();
  return uvCodes;
}

function uvErrorName(errno) {
  const entry = uvErrmapGet(errno);
  return entry === undefined ? `Unknown system error ${errno}` : entry[0];
}

// 'ENOENT: no such file or directory, open 'x''
class UVException extends Error {
  constructor(ctx) {
    const [code, uvmsg] = uvErrmapGet(ctx.errno) || uvUnmappedError;
    let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
    let path;
    let dest;
    if (ctx.path) {
      path = ctx.path.toString();
      message += ` '${path}'`;
    }
    if (ctx.dest) {
      dest = ctx.dest.toString();
      message += ` -> '${dest}'`;
    }
    super(message);
    for (const prop of Object.keys(ctx)) {
      if (prop !== 'message' && prop !== 'path' && prop !== 'dest') this[prop] = ctx[prop];
    }
    this.code = code;
    if (path) this.path = path;
    if (dest) this.dest = dest;
  }

  get ['constructor']() {
    return Error;
  }
}

function hostPortDetails(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  if (address) return ` ${address}`;
  return '';
}

// 'connect ECONNREFUSED: connection refused 127.0.0.1:80'
class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const [code, uvmsg] = uvErrmapGet(err) || uvUnmappedError;
    super(`${syscall} ${code}: ${uvmsg}${hostPortDetails(address, port)}`);
    this.code = code;
    this.errno = err;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

// 'write EPIPE' (formerly util._errnoException)
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = uvErrorName(err);
    super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() {
    return Error;
  }
}

// 'connect ECONNREFUSED 127.0.0.1:80'
class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = uvErrorName(err);
    let details = hostPortDetails(address, port);
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

// 'getaddrinfo ENOTFOUND example.invalid'
class DNSException extends Error {
  constructor(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      const uv = getUvCodes();
      if (code === uv.UV_EAI_NODATA || code === uv.UV_EAI_NONAME) code = 'ENOTFOUND';
      else code = uvErrorName(code);
    }
    super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (hostname) this.hostname = hostname;
    // The stack starts where the error was made for, not in here.
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, DNSException);
  }

  get ['constructor']() {
    return Error;
  }
}

class ConnResetException extends Error {
  constructor(msg) {
    super(msg);
    this.code = 'ECONNRESET';
  }

  get ['constructor']() {
    return Error;
  }
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(errors, message);
    this.code = errors[0]?.code;
  }

  get [kIsNodeError]() {
    return true;
  }

  get ['constructor']() {
    return AggregateError;
  }
}

// Combine two errors from one operation: the outer one wins, the inner one is
// appended (into an AggregateError) when both exist and differ.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

// Errors thrown through `fn` lose the frames of `fn` itself.
//
// Most wrapped functions are validators on hot paths (every setHeader,
// addListener, socket.setTimeout): fixed parameters, no `arguments`, no rest.
// For those a missing argument and `undefined` are the same, so the wrapper
// passes six arguments straight on; a rest array plus Reflect.apply costs
// QuickJS about four times the call itself.  Anything else keeps the exact
// argument list.
const kFixedParams = /^(?:function\s*[\w$]*\s*)?\(?([\w$\s,=]*?)\)?\s*(?:=>|\{)/;
function takesFixedArgs(fn) {
  const source = Function.prototype.toString.call(fn);
  const m = kFixedParams.exec(source);
  if (m === null || m[1].split(',').length > 6) return false;
  return !source.includes('arguments') && !source.includes('...');
}

function hideStackFrames(fn) {
  let wrappedFn;
  if (takesFixedArgs(fn)) {
    wrappedFn = function wrappedFn(a, b, c, d, e, f) {
      try {
        return fn.call(this, a, b, c, d, e, f);
      } catch (error) {
        if (Error.stackTraceLimit && error !== null && typeof error === 'object') captureStack(error, wrappedFn);
        throw error;
      }
    };
    Object.defineProperty(wrappedFn, 'length', { __proto__: null, value: 0 });
  } else {
    wrappedFn = function wrappedFn(...args) {
      try {
        return Reflect.apply(fn, this, args);
      } catch (error) {
        if (Error.stackTraceLimit && error !== null && typeof error === 'object') captureStack(error, wrappedFn);
        throw error;
      }
    };
  }
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
}

let maxStackErrorName;
let maxStackErrorMessage;
function isStackOverflowError(err) {
  if (maxStackErrorMessage === undefined) {
    try {
      const overflow = () => overflow() + 1;
      overflow();
    } catch (e) {
      maxStackErrorMessage = e.message;
      maxStackErrorName = e.name;
    }
  }
  return Boolean(err) && err.name === maxStackErrorName && err.message === maxStackErrorMessage;
}

const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

// The arrow message lives on the error itself, under Node's private symbol
// (invisible to inspect, assert and Object.keys, as in Node).
let arrowSymbol;
function arrowKey() {
  arrowSymbol ??= internalBinding('util').privateSymbols.arrow_message_private_symbol;
  return arrowSymbol;
}
function setArrowMessage(err, arrowMessage) {
  if (err !== null && typeof err === 'object') err[arrowKey()] = arrowMessage;
}
function getArrowMessage(err) {
  return err !== null && typeof err === 'object' ? err[arrowKey()] : undefined;
}

function hideInternalStackFrames(error) {
  // Stack frames of builtins are kept; QuickJS gives no structured frames.
  return error;
}

module.exports = {
  AbortError,
  addNumericalSeparator,
  aggregateTwoErrors,
  codes,
  ConnResetException,
  determineSpecificType,
  DNSException,
  E,
  ErrnoException,
  ExceptionWithHostPort,
  formatList,
  genericNodeError,
  getArrowMessage,
  getMessage,
  getUvCodes,
  getUvErrorMap,
  hideInternalStackFrames,
  hideStackFrames,
  inspectWithNoCustomRetry,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  kEnhanceStackBeforeInspector,
  kIsNodeError,
  kNoOverride,
  NodeAggregateError,
  setArrowMessage,
  SystemError,
  uvErrmapGet,
  uvException(ctx) { return new UVException(ctx); },
  UVException,
  UVExceptionWithHostPort,
  uvExceptionWithHostPort(err, syscall, address, port) {
    return new UVExceptionWithHostPort(err, syscall, address, port);
  },
};
