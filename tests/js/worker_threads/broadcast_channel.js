const a = new BroadcastChannel('x'), b = new BroadcastChannel('x'), c = new BroadcastChannel('y');
console.log(a.name, typeof a.ref, Object.getPrototypeOf(BroadcastChannel.prototype).constructor.name);
b.onmessage = (e) => { console.log('b', e.constructor.name, e.data); b.close(); a.close(); c.close(); };
c.onmessage = (e) => console.log('c', e.data);
a.onmessage = (e) => console.log('a', e.data);
a.postMessage({x: 1});
try { a.postMessage(); } catch (e) { console.log(e.code, e.message); }
console.log(require('util').inspect(a));
setTimeout(() => { try { a.postMessage(1) } catch (e) { console.log(e.name, e.message); } }, 10);
