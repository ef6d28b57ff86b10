'use strict';
// process.env: string values, symbol refusal, data-descriptor-only defines.
const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (err) {
    console.log(label, 'throws', err.name, err.code, err.message);
  }
};

process.env.NODESHIM_T1 = 42;
show('number becomes string', () => typeof process.env.NODESHIM_T1);
process.env.NODESHIM_T1 = undefined;
show('undefined becomes string', () => process.env.NODESHIM_T1);
show('delete', () => delete process.env.NODESHIM_T1);
show('after delete', () => process.env.NODESHIM_T1);
show('delete missing', () => delete process.env.NODESHIM_NOPE);
show('inherited', () => process.env.hasOwnProperty === Object.prototype.hasOwnProperty);
show('own inherited name', () => Object.hasOwn(process.env, 'hasOwnProperty'));
const sym = Symbol('s');
show('symbol get', () => process.env[sym]);
show('symbol set', () => { process.env[sym] = 1; });
show('symbol value', () => { process.env.NODESHIM_T2 = sym; });
show('symbol in', () => sym in process.env);
show('symbol delete', () => delete process.env[sym]);
show('define plain', () => Object.defineProperty(process.env, 'NODESHIM_T3', { value: 'x' }));
show('define accessor', () => Object.defineProperty(process.env, 'NODESHIM_T3', { get() {} }));
show('define full', () => {
  Object.defineProperty(process.env, 'NODESHIM_T3', {
    value: 7, writable: true, enumerable: true, configurable: true,
  });
  return process.env.NODESHIM_T3;
});
show('descriptor', () => JSON.stringify(Object.getOwnPropertyDescriptor(process.env, 'NODESHIM_T3')));
show('keys include', () => Object.keys(process.env).includes('NODESHIM_T3'));
show('empty name', () => { process.env[''] = 'v'; return process.env['']; });
show('name with =', () => { process.env['A=B'] = 'v'; return process.env['A=B']; });
show('proto name', () => {
  process.env.__proto__ = 'p';
  return typeof process.env.__proto__;
});
show('tag', () => Object.prototype.toString.call(process.env));
show('clone', () => structuredClone(process.env).NODESHIM_T3);
show('prototype swap', () => {
  Object.setPrototypeOf(process.env, { NODESHIM_INHERITED: 'i' });
  return [process.env.NODESHIM_INHERITED, Object.hasOwn(process.env, 'NODESHIM_INHERITED')];
});
show('freeze', () => Object.freeze(process.env));
