'use strict';
// Argument checks of process methods, with Node's codes and messages.
const show = (label, fn) => {
  try {
    const r = fn();
    console.log(label, r === undefined ? 'ok' : typeof r === 'boolean' ? r : typeof r);
  } catch (err) {
    console.log(label, 'throws', err.name, err.code, err.message);
  }
};

for (const v of [1, {}, { user: 'a' }, { user: 3, system: null }, { user: -1, system: 2 },
  { user: 5, system: -Infinity }]) {
  show(`cpuUsage ${JSON.stringify(v)}`, () => process.cpuUsage(v));
}
for (const v of [{}, '123x', '999', -1, 2 ** 32]) {
  show(`umask ${JSON.stringify(v)}`, () => process.umask(v));
}
const old = process.umask('0027');
show('umask restore', () => process.umask(old) === 0o027 ? undefined : 'bad');
for (const v of ['', 'two', 2.1, NaN, true, 2n, {}]) {
  show(`exitCode ${typeof v} ${String(v)}`, () => { process.exitCode = v; });
}
process.exitCode = '0';
show('exitCode string', () => process.exitCode);
process.exitCode = undefined;
for (const v of [{}, true, -1, 2 ** 32]) {
  show(`setuid ${JSON.stringify(v)}`, () => process.setuid(v));
}
show('setuid unknown', () => process.setuid('nodeshim-no-such-user-x'));
show('setgid unknown', () => process.setgid('nodeshim-no-such-group-x'));
show('setgroups none', () => process.setgroups());
show('setgroups neg', () => process.setgroups([1, -1]));
show('setgroups obj', () => process.setgroups([null]));
show('setgroups unknown', () => process.setgroups([0, 'nodeshim-no-such-group-x']));
show('initgroups user', () => process.initgroups(null, 0));
show('initgroups group', () => process.initgroups('nodeshim-x', []));
show('initgroups unknown', () => process.initgroups('nodeshim-x', 'nodeshim-no-such-group-x'));
show('assert ok', () => process.assert(1));
show('assert fail', () => process.assert(0, 'msg'));
show('assert default', () => process.assert(false));
show('constrainedMemory', () => process.constrainedMemory());
show('availableMemory', () => process.availableMemory());
show('config frozen', () => Object.isFrozen(process.config) && Object.isFrozen(process.config.variables));
show('features', () => JSON.stringify(Object.keys(process.features).sort()));
show('features descriptor', () => JSON.stringify(
  Object.getOwnPropertyDescriptor(process, 'features'), ['writable', 'enumerable', 'configurable']));
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
show('capture bad', () => process.setUncaughtExceptionCaptureCallback(42));
process.setUncaughtExceptionCaptureCallback(() => {});
show('capture twice', () => process.setUncaughtExceptionCaptureCallback(() => {}));
show('capture has', () => process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback(null);
show('capture cleared', () => process.hasUncaughtExceptionCaptureCallback());
show('sourcemaps bad', () => process.setSourceMapsEnabled(1));
show('abort prototype', () => process.abort.prototype === undefined);
show('kill pid', () => process.kill('x'));
show('kill signal', () => process.kill(0, 'SIGNOPE'));
show('kill einval', () => process.kill(0, 987));
{
  const orig = process._kill;
  const calls = [];
  process._kill = (pid, sig) => { calls.push([pid, sig]); return 0; };
  process.kill('0');
  process.kill(process.pid, 'SIGHUP');
  process._kill = orig;
  show('_kill calls', () => JSON.stringify(calls) === JSON.stringify([['0', 15], [process.pid, 1]]));
}
show('getBuiltinModule bad', () => process.getBuiltinModule(1));
show('getBuiltinModule fs', () => process.getBuiltinModule('fs') === require('fs'));
show('getBuiltinModule node:fs', () => process.getBuiltinModule('node:fs') === require('fs'));
show('getBuiltinModule test', () => process.getBuiltinModule('test'));
show('getBuiltinModule node:test', () => process.getBuiltinModule('node:test') === require('node:test'));
show('getBuiltinModule internal', () => process.getBuiltinModule('internal/util'));
show('isBuiltin test', () => require('module').isBuiltin('test'));
show('builtinModules test', () => require('module').builtinModules.includes('test'));
