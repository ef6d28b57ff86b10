// Helpers of node:test that Node's tests reach with --expose-internals.
'use strict';

const { basename } = require('path');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;
const kTestFilePattern = /((^test(-.+)?)|(.+[.\-_]test))\.[cm]?js$/;

// Files --test picks up by default.
function doesPathMatchFilter(p) {
  return kTestFilePattern.test(basename(p));
}

// '/pattern/flags' or a plain pattern, as --test-name-pattern takes them.
function convertStringToRegExp(str, name) {
  const match = kRegExpPattern.exec(str);
  const pattern = match?.[1] ?? str;
  const flags = match?.[2] || '';
  // V8's message for bad flags (QuickJS words it differently).
  if (!/^(?!.*(.).*\1)[dgimsuvy]*$/.test(flags)) {
    throw new ERR_INVALID_ARG_VALUE(name, str, 'is an invalid regular expression. ' +
      `Invalid flags supplied to RegExp constructor '${flags}'`);
  }
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const msg = err?.message;
    throw new ERR_INVALID_ARG_VALUE(name, str, `is an invalid regular expression.${msg ? ` ${msg}` : ''}`);
  }
}

module.exports = { convertStringToRegExp, doesPathMatchFilter, kRegExpPattern, kTestFilePattern };
