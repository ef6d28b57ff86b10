// JS side of internalBinding('uv'): errname, getErrorMap (a Map, as Node's)
// and the UV_* numbers, all from the table in js_bindings/uv.py.
'use strict';

const binding = {
  errname(err) { return native.errname(err); },
  getErrorMap() {
    const map = new Map();
    for (const [code, name, message] of native.errorList()) map.set(code, [name, message]);
    return map;
  },
};
Object.assign(binding, native.codes);
return binding;
