'use strict';
// breakOnSigint: SIGINT during the script interrupts it, and the process's SIGINT listeners are not called.
const vm = require('vm');
process.on('SIGINT', () => console.log('listener called'));
try {
  vm.runInThisContext(`process.kill(process.pid, 'SIGINT'); while (true) {}`, { breakOnSigint: true });
} catch (e) { console.log(e.code, e.message); }
try {
  vm.runInContext(`process.kill(process.pid, 'SIGINT'); while (true) {}`, vm.createContext({ process }), { breakOnSigint: true });
} catch (e) { console.log(e.code, e.message); }
setTimeout(() => console.log('done'), 50);
