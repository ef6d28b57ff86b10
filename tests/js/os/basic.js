'use strict';
const os = require('os');
const out = (x) => JSON.stringify(x);
console.log(out(Object.keys(os).sort()));
console.log(out([os.EOL, os.arch(), os.platform(), os.type(), os.release(), os.version(), os.machine(), os.endianness(), os.devNull, os.homedir(), os.tmpdir(), os.hostname()]));
console.log(out(os.constants), Object.isFrozen(os.constants), Object.isFrozen(os.constants.signals));
console.log(out(os.userInfo()));
console.log(os.cpus().length === os.availableParallelism(), out(Object.keys(os.cpus()[0])), out(Object.keys(os.cpus()[0].times)), typeof os.cpus()[0].model, typeof os.cpus()[0].speed);
console.log(out(os.networkInterfaces().lo));
console.log(out(Object.keys(os.networkInterfaces()).sort()));
console.log(os.totalmem() > os.freemem(), os.freemem() > 0, os.loadavg().length, os.uptime() > 0, `${os.type}`, `${os.arch}`);
console.log(out(Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username)));
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(0));
try { os.setPriority(0, 100); } catch (e) { console.log(e.code, e.message); }
try { os.getPriority('x'); } catch (e) { console.log(e.code, e.message); }
try { os.getPriority(999999999); } catch (e) { console.log(e.code, e.message, e.info && e.info.code); }
