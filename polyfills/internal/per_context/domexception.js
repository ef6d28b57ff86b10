// DOMException (WebIDL) as Node exposes it.
'use strict';

const legacyCodes = {
  IndexSizeError: 1,
  DOMStringSizeError: 2,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoDataAllowedError: 6,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  ValidationError: 16,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

const kState = Symbol('kDOMExceptionState');

class DOMException {
  constructor(message = '', options = 'Error') {
    // Inherit an Error-like stack.
    const err = new Error();
    let name;
    let cause;
    let hasCause = false;
    if (options !== null && typeof options === 'object') {
      name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else {
      name = `${options}`;
    }
    this[kState] = { message: `${message}`, name };
    Object.defineProperty(this, kState, { enumerable: false });
    if (hasCause) {
      Object.defineProperty(this, 'cause', {
        __proto__: null, value: cause, configurable: true, writable: true, enumerable: false,
      });
    }
    const lines = `${err.stack || ''}`.split('\n');
    if (lines[0] === '' || /^Error\b/.test(lines[0])) lines.shift();
    Object.defineProperty(this, 'stack', {
      __proto__: null,
      value: `${name}: ${message}\n${lines.join('\n')}`.replace(/\n$/, ''),
      configurable: true, writable: true, enumerable: false,
    });
  }

  get name() {
    if (!this || !this[kState]) throwInvalidThis();
    return this[kState].name;
  }

  get message() {
    if (!this || !this[kState]) throwInvalidThis();
    return this[kState].message;
  }

  get code() {
    if (!this || !this[kState]) throwInvalidThis();
    return legacyCodes[this[kState].name] || 0;
  }
}

function throwInvalidThis() {
  const { codes: { ERR_INVALID_THIS } } = require('internal/errors');
  throw new ERR_INVALID_THIS('DOMException');
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'DOMException',
});
for (const k of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, k);
  d.enumerable = true;
  Object.defineProperty(DOMException.prototype, k, d);
}

let i = 0;
for (const [name, code] of Object.entries(legacyCodes)) {
  const key = name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() + '_ERR';
  const fixed = {
    DOMStringSize: 'DOMSTRING_SIZE_ERR', URLMismatch: 'URL_MISMATCH_ERR', InUseAttribute: 'INUSE_ATTRIBUTE_ERR',
    Validation: 'VALIDATION_ERR', NoDataAllowed: 'NO_DATA_ALLOWED_ERR',
  }[name.replace(/Error$/, '')];
  const desc = { __proto__: null, enumerable: true, value: code };
  Object.defineProperty(DOMException, fixed || key, desc);
  Object.defineProperty(DOMException.prototype, fixed || key, desc);
  i++;
}

module.exports = { DOMException };
