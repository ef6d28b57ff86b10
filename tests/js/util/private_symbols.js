// Node's private symbols (internalBinding('util').privateSymbols, reachable
// with --expose-internals): properties keyed by them are invisible to every
// kind of reflection; a module that fails to compile carries its arrow
// message under one of them.  Also externals, the opaque values of native
// stream handles.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const child = String.raw`
  const { internalBinding } = require('internal/test/binding');
  const { privateSymbols } = internalBinding('util');
  const util = require('util');
  const assert = require('assert');
  const sym = privateSymbols.arrow_message_private_symbol;
  console.log('symbols', typeof sym, Object.keys(privateSymbols).includes('decorated_private_symbol'));
  const obj = { visible: 1 };
  obj[sym] = 'hidden';
  console.log('get', obj[sym], sym in obj);
  console.log('reflect', Reflect.ownKeys(obj).length, Object.getOwnPropertySymbols(obj).length,
              JSON.stringify(Object.assign({}, obj)), ({ ...obj })[sym], JSON.stringify(obj));
  console.log('inspect', util.inspect(obj, { showHidden: true }));
  assert.deepStrictEqual(obj, { visible: 1 });
  console.log('deepStrictEqual ok');
  try {
    require(process.argv[1]);
  } catch (err) {
    console.log('name', err.name);
    console.log('arrow', JSON.stringify(err[sym].split('\n').slice(0, 2)));
    console.log('keys', Object.keys(err).length);
  }
  const { JSStream } = internalBinding('js_stream');
  const ext = new JSStream()._externalStream;
  console.log('external', util.types.isExternal(ext), /^\[External: [0-9a-f]+\]$/.test(util.inspect(ext)),
              util.types.isExternal({}), util.types.isExternal(Object.create(null)));
`;
const r = spawnSync(process.execPath, ['--expose-internals', '--no-warnings', '-e', child,
                                       path.join(__dirname, 'fixtures', 'bad_syntax.js')]);
process.stdout.write(r.stdout.toString().split(path.join(__dirname, 'fixtures')).join('<dir>'));
console.log('status', r.status);
