// CommonJS resolution: relative, index, package main, json, cycles, cache.
const path = require('path');
const a = require('./fixtures/cjs/a');
console.log(a.name, a.fromB);
console.log(require('./fixtures/cjs/data.json').value);
console.log(require('./fixtures/cjs/dir').index);
console.log(require('fixture-pkg').pkg);
console.log(require.resolve('./fixtures/cjs/a') === path.join(__dirname, 'fixtures/cjs/a.js'));
console.log(require.cache[require.resolve('./fixtures/cjs/a')].loaded);
console.log(require('node:path') === require('path'), require.main === module);
console.log(path.basename(__filename), path.basename(__dirname));
try { require('./nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0].replace(__dirname, '.')); }
try { require('internal/errors'); } catch (e) { console.log(e.code); }
console.log(typeof require('module').createRequire(__filename)('./fixtures/cjs/a'));
