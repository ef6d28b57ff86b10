// vm: runInThisContext, contexts (separate globals, copied back), Script, compileFunction.
const vm = require('vm');
console.log(vm.runInThisContext('var zz = 40; zz + 2', { filename: 'my.js' }), globalThis.zz);
const ctx = vm.createContext({ a: 1, console });
console.log(vm.isContext(ctx), vm.isContext({}));
console.log(vm.runInContext('b = a + 1; var c = 3; typeof require', ctx), ctx.b, ctx.c);
console.log(vm.runInNewContext('x * 2', { x: 21 }));
try { vm.runInThisContext('throw new TypeError("boom")'); } catch (e) { console.log(e instanceof TypeError, e.message); }
try { vm.runInContext('throw new RangeError("r")', ctx); } catch (e) { console.log(e instanceof RangeError, e.name, e.message); }
try { new vm.Script('foo bar', { filename: 'bad.js' }); } catch (e) { console.log(e.name); }
const s = new vm.Script('n = (typeof n === "number" ? n : 0) + 1');
const c2 = vm.createContext({});
s.runInContext(c2); s.runInContext(c2); console.log(c2.n);
const f = vm.compileFunction('return a + b', ['a', 'b']);
console.log(f(2, 3));
const g = vm.compileFunction('return x + y', [], { contextExtensions: [{ x: 1 }, { y: 2 }] });
console.log(g());
console.log(vm.runInNewContext('Array') === Array, vm.runInNewContext('[1,2]') instanceof Array);
vm.runInContext('console.log("from ctx", a)', ctx);
vm.runInNewContext('Promise.resolve(5).then((v) => console.log("then in ctx", v))', { console });
