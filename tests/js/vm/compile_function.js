'use strict';
// vm.compileFunction: a body that would close the function early is a SyntaxError and runs nothing.
const vm = require('vm');
globalThis.ran = false;
try { vm.compileFunction('});\n\n(function() {\nglobalThis.ran = true;\n})();\n\n(function() {'); } catch (e) { console.log(e.name); }
console.log(ran);
console.log(vm.compileFunction('"use strict"; function g() { return {a: 1}; } return g().a + x', ['x'])(2));
console.log(vm.compileFunction('return this', [], { contextExtensions: [{ a: 1 }] })() === undefined);
