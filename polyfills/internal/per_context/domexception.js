// DOMException (node:internal/per_context/domexception).
'use strict';

function invalidThis() {
  const err = new TypeError();
  Object.defineProperties(err, {
    message: {
      __proto__: null, value: 'Value of "this" must be of DOMException', enumerable: false, writable: true,
      configurable: true,
    },
    toString: {
      __proto__: null,
      value() { return `${this.name} [ERR_INVALID_THIS]: ${this.message}`; },
      enumerable: false,
      writable: true,
      configurable: true,
    },
  });
  err.code = 'ERR_INVALID_THIS';
  throw err;
}

const internals = new WeakMap();
const codeByName = new Map();
// Legacy names that keep a code constant but report code 0.
const disusedNames = new Set(['DOMStringSizeError', 'NoDataAllowedError', 'ValidationError']);

function slot(self) {
  const data = internals.get(self);
  if (data === undefined) invalidThis();
  return data;
}

class DOMException {
  constructor(message = '', options = 'Error') {
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this);
    } else {
      const holder = new Error();
      const frames = String(holder.stack || '').split('\n').filter((line) => /^\s+at /.test(line));
      const self = this;
      Object.defineProperty(this, 'stack', {
        __proto__: null,
        configurable: true,
        enumerable: false,
        get() { return [String(self), ...frames].join('\n'); },
        set(value) {
          Object.defineProperty(self, 'stack', {
            __proto__: null, value, writable: true, configurable: true, enumerable: false,
          });
        },
      });
    }
    if (options && typeof options === 'object') {
      internals.set(this, { message: `${message}`, name: `${options.name}` });
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          __proto__: null, value: options.cause, configurable: true, writable: true, enumerable: false,
        });
      }
    } else {
      internals.set(this, { message: `${message}`, name: `${options}` });
    }
  }

  get name() {
    return slot(this).name;
  }

  get message() {
    return slot(this).message;
  }

  get code() {
    const { name } = slot(this);
    if (disusedNames.has(name)) return 0;
    return codeByName.get(name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'DOMException' },
  name: { __proto__: null, enumerable: true, configurable: true },
  message: { __proto__: null, enumerable: true, configurable: true },
  code: { __proto__: null, enumerable: true, configurable: true },
});

const kLegacyCodes = [
  'IndexSizeError:INDEX_SIZE_ERR', 'DOMStringSizeError:DOMSTRING_SIZE_ERR',
  'HierarchyRequestError:HIERARCHY_REQUEST_ERR', 'WrongDocumentError:WRONG_DOCUMENT_ERR',
  'InvalidCharacterError:INVALID_CHARACTER_ERR', 'NoDataAllowedError:NO_DATA_ALLOWED_ERR',
  'NoModificationAllowedError:NO_MODIFICATION_ALLOWED_ERR', 'NotFoundError:NOT_FOUND_ERR',
  'NotSupportedError:NOT_SUPPORTED_ERR', 'InUseAttributeError:INUSE_ATTRIBUTE_ERR',
  'InvalidStateError:INVALID_STATE_ERR', 'SyntaxError:SYNTAX_ERR',
  'InvalidModificationError:INVALID_MODIFICATION_ERR', 'NamespaceError:NAMESPACE_ERR',
  'InvalidAccessError:INVALID_ACCESS_ERR', 'ValidationError:VALIDATION_ERR',
  'TypeMismatchError:TYPE_MISMATCH_ERR', 'SecurityError:SECURITY_ERR', 'NetworkError:NETWORK_ERR',
  'AbortError:ABORT_ERR', 'URLMismatchError:URL_MISMATCH_ERR', 'QuotaExceededError:QUOTA_EXCEEDED_ERR',
  'TimeoutError:TIMEOUT_ERR', 'InvalidNodeTypeError:INVALID_NODE_TYPE_ERR', 'DataCloneError:DATA_CLONE_ERR',
];
kLegacyCodes.forEach((entry, index) => {
  const [name, constant] = entry.split(':');
  const desc = { enumerable: true, value: index + 1 };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
  codeByName.set(name, index + 1);
});

exports.DOMException = DOMException;
