// util.parseArgs (Node 20): tokenize the arguments, then check and store the
// options, then fill in defaults.
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');
const {
  validateArray, validateBoolean, validateBooleanArray, validateObject, validateUnion,
  validateString, validateStringArray,
} = require('internal/validators');

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const getOwn = (obj, key) => (hasOwn(obj, key) ? obj[key] : undefined);
const optionGetOwn = (options, name, key) => (hasOwn(options, name) ? getOwn(options[name], key) : undefined);

// The user's arguments: after the script, or after the executable for -e/-p.
function getMainArgs() {
  const execArgv = process.execArgv;
  if (execArgv.includes('-e') || execArgv.includes('--eval') ||
      execArgv.includes('-p') || execArgv.includes('--print')) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

const isLoneShortOption = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isLoneLongOption = (arg) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
const isLongOptionAndValue = (arg) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
const isOptionValue = (value) => value != null;
const isOptionLikeValue = (value) => value != null && value.length > 1 && value[0] === '-';

function findLongOptionForShort(shortOption, options) {
  for (const [name, config] of Object.entries(options)) {
    if (getOwn(config, 'short') === shortOption) return name;
  }
  return shortOption;
}

function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionGetOwn(options, findLongOptionForShort(arg[1], options), 'type') !== 'string';
}

function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionGetOwn(options, findLongOptionForShort(arg[1], options), 'type') === 'string';
}

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const nextArg = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remaining) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }
    if (isLoneShortOption(arg)) {
      const name = findLongOptionForShort(arg[1], options);
      let value;
      let inlineValue;
      if (optionGetOwn(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortOptionGroup(arg, options)) {
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const short = arg[i];
        const name = findLongOptionForShort(short, options);
        if (optionGetOwn(options, name, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${short}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isShortOptionAndValue(arg, options)) {
      const short = arg[1];
      const name = findLongOptionForShort(short, options);
      tokens.push({ kind: 'option', name, rawName: `-${short}`, index, value: arg.slice(2), inlineValue: true });
      continue;
    }
    if (isLoneLongOption(arg)) {
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionGetOwn(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkOptionUsage(config, token) {
  if (!hasOwn(config.options, token.name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
  }
  const short = optionGetOwn(config.options, token.name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${token.name}`;
  const type = optionGetOwn(config.options, token.name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function storeOption(name, optionValue, options, values) {
  if (name === '__proto__') return;
  const newValue = optionValue ?? true;
  if (optionGetOwn(options, name, 'multiple')) {
    if (values[name]) values[name].push(newValue);
    else values[name] = [newValue];
  } else {
    values[name] = newValue;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = getOwn(config, 'args') ?? getMainArgs();
  const strict = getOwn(config, 'strict') ?? true;
  const allowPositionals = getOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = getOwn(config, 'tokens') ?? false;
  const allowNegative = getOwn(config, 'allowNegative') ?? false;
  const options = getOwn(config, 'options') ?? { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals, allowNegative };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [name, optionConfig] of Object.entries(options)) {
    validateObject(optionConfig, `options.${name}`);
    const type = getOwn(optionConfig, 'type');
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (hasOwn(optionConfig, 'short')) {
      const short = getOwn(optionConfig, 'short');
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, 'must be a single character');
      }
    }
    const multiple = getOwn(optionConfig, 'multiple');
    if (hasOwn(optionConfig, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
    const defaultValue = getOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      let validator;
      if (type === 'string') validator = multiple ? validateStringArray : validateString;
      else validator = multiple ? validateBooleanArray : validateBoolean;
      validator(defaultValue, `options.${name}.default`);
    }
  }

  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (allowNegative && token.rawName.startsWith('--no-') && token.value === undefined) {
        // --no-foo: false for the boolean option foo.
        const positive = token.name.slice(3);
        if (strict && optionGetOwn(options, positive, 'type') !== 'boolean') {
          throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
        }
        storeOption(positive, false, options, result.values);
        continue;
      }
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token.name, token.value, options, result.values);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const defaultValue = getOwn(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = defaultValue;
    }
  }
  return result;
}

module.exports = { parseArgs };
