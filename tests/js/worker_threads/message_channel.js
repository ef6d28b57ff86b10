const { MessageChannel, MessagePort, receiveMessageOnPort, markAsUntransferable, isMarkedAsUntransferable, BroadcastChannel } = require('worker_threads');
try { new MessagePort(); } catch (e) { console.log(e.name, e.code, e.message); }
const { port1, port2 } = new MessageChannel();
console.log(Object.keys(port1), Object.getPrototypeOf(MessagePort.prototype).constructor.name, port1 instanceof EventTarget);
try { port1.postMessage(port1, [port1]); } catch (e) { console.log(e.name, e.code, e.message); }
try { const c = new MessageChannel(); port1.postMessage(c.port1); } catch (e) { console.log(e.name, e.code, e.message); }
try { port1.postMessage(()=>1); } catch (e) { console.log(e.name, e.code, e.message); }
const ab = new ArrayBuffer(4); markAsUntransferable(ab); 
try { port1.postMessage(ab, [ab]); } catch (e) { console.log(e.name, e.code, e.message); }
port1.postMessage({a: Buffer.from('x')});
console.log(receiveMessageOnPort(port2), receiveMessageOnPort(port2));
try { receiveMessageOnPort({}); } catch (e) { console.log(e.name, e.code, e.message); }
port2.on('message', (m) => { console.log('got', m); port2.close(); });
port2.on('close', () => console.log('close2'));
port1.on('close', () => console.log('close1'));
port1.postMessage(1);
port1.postMessage(2);
console.log(port2.hasRef());
setImmediate(() => console.log('imm'));
process.nextTick(() => console.log('tick'));
