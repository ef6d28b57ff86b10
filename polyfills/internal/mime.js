// util.MIMEType and util.MIMEParams: WHATWG MIME type parsing and
// serialization (https://mimesniff.spec.whatwg.org/#parsing-a-mime-type).
'use strict';

const {
  codes: { ERR_INVALID_MIME_SYNTAX },
} = require('internal/errors');

const kWhitespace = /[\t\n\r ]/;
const kNotToken = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const kNotQuotedStringCodePoint = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const kTrailingWhitespace = /[\t\n\r ]+$/;
const kLeadingWhitespace = /^[\t\n\r ]+/;

function firstInvalid(str, regexp) {
  const m = regexp.exec(str);
  return m === null ? -1 : m.index;
}

function toASCIILower(str) {
  return str.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

const kParams = Symbol('params');

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    if (data.has(name)) return data.get(name);
    return null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const invalidName = name.length === 0 ? 0 : firstInvalid(name, kNotToken);
    if (invalidName !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, invalidName);
    const invalidValue = firstInvalid(value, kNotQuotedStringCodePoint);
    if (invalidValue !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, invalidValue);
    this.#data.set(name, value);
  }

  *entries() {
    yield* this.#data.entries();
  }

  *keys() {
    yield* this.#data.keys();
  }

  *values() {
    yield* this.#data.values();
  }

  toString() {
    let out = '';
    for (const [key, value] of this.#data) {
      const encoded = value.length === 0 || kNotToken.test(value) ?
        `"${value.replace(/["\\]/g, '\\$&')}"` : value;
      out += `${out ? ';' : ''}${key}=${encoded}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  // Parses the parameters part (after the subtype) of a MIME type string.
  static parseParametersString(str, position, params) {
    const data = params.#data;
    const length = str.length;
    while (position < length) {
      position++; // the ';'
      while (position < length && kWhitespace.test(str[position])) position++;
      let nameEnd = position;
      while (nameEnd < length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
      const name = toASCIILower(str.slice(position, nameEnd));
      position = nameEnd;
      if (position < length) {
        if (str[position] === ';') continue;
        position++; // the '='
      }
      if (position >= length) break;
      let value = '';
      if (str[position] === '"') {
        position++;
        for (;;) {
          while (position < length && str[position] !== '"' && str[position] !== '\\') {
            value += str[position++];
          }
          if (position >= length) break;
          const c = str[position++];
          if (c === '\\') {
            if (position >= length) {
              value += '\\';
              break;
            }
            value += str[position++];
          } else {
            break; // the closing quote
          }
        }
        while (position < length && str[position] !== ';') position++;
      } else {
        let valueEnd = position;
        while (valueEnd < length && str[valueEnd] !== ';') valueEnd++;
        value = str.slice(position, valueEnd).replace(kTrailingWhitespace, '');
        position = valueEnd;
        if (value === '') continue;
      }
      if (name !== '' && !kNotToken.test(name) && !kNotQuotedStringCodePoint.test(value) &&
          !data.has(name)) {
        data.set(name, value);
      }
    }
    return data;
  }
}

MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
const parseParametersString = MIMEParams.parseParametersString;
delete MIMEParams.parseParametersString;

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    string = `${string}`;
    const data = string.replace(kLeadingWhitespace, '').replace(kTrailingWhitespace, '');
    const slash = data.indexOf('/');
    const type = slash === -1 ? data : data.slice(0, slash);
    const invalidType = type.length === 0 ? -1 : firstInvalid(type, kNotToken);
    if (slash === -1 || type.length === 0 || invalidType !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', string, slash === -1 ? -1 : invalidType);
    }
    let semicolon = data.indexOf(';', slash + 1);
    if (semicolon === -1) semicolon = data.length;
    const subtype = data.slice(slash + 1, semicolon).replace(kTrailingWhitespace, '');
    const invalidSubtype = subtype.length === 0 ? -1 : firstInvalid(subtype, kNotToken);
    if (subtype.length === 0 || invalidSubtype !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', string, invalidSubtype);
    }
    this.#type = toASCIILower(type);
    this.#subtype = toASCIILower(subtype);
    this.#parameters = new MIMEParams();
    parseParametersString(data, semicolon, this.#parameters);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    const invalid = v.length === 0 ? 0 : firstInvalid(v, kNotToken);
    if (invalid !== -1) throw new ERR_INVALID_MIME_SYNTAX('type', v, invalid);
    this.#type = toASCIILower(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const invalid = v.length === 0 ? 0 : firstInvalid(v, kNotToken);
    if (invalid !== -1) throw new ERR_INVALID_MIME_SYNTAX('subtype', v, invalid);
    this.#subtype = toASCIILower(v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    let ret = `${this.#type}/${this.#subtype}`;
    const paramStr = this.#parameters.toString();
    if (paramStr.length) ret += `;${paramStr}`;
    return ret;
  }

  toJSON() {
    return this.toString();
  }
}

void kParams;

module.exports = { MIMEParams, MIMEType };
