// node:os — operating-system facts from internalBinding('os').
'use strict';

const binding = internalBinding('os');
const {
  codes: { ERR_SYSTEM_ERROR },
} = require('internal/errors');
const { validateInt32, validateObject } = require('internal/validators');

const kEndianness = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

function hostname() { return binding.hostname(); }
hostname[Symbol.toPrimitive] = () => hostname();

function loadavg() { return binding.loadavg(); }

function uptime() { return binding.uptime(); }
uptime[Symbol.toPrimitive] = () => uptime();

function freemem() { return binding.meminfo()[1]; }
freemem[Symbol.toPrimitive] = () => freemem();

function totalmem() { return binding.meminfo()[0]; }
totalmem[Symbol.toPrimitive] = () => totalmem();

function type() { return binding.uname[0]; }
type[Symbol.toPrimitive] = () => type();

function release() { return binding.uname[1]; }
release[Symbol.toPrimitive] = () => release();

function version() { return binding.uname[2]; }
version[Symbol.toPrimitive] = () => version();

function machine() { return binding.uname[3]; }
machine[Symbol.toPrimitive] = () => machine();

// The binding fills `ctx` (syscall, code, message) and returns undefined on
// failure, as Node's checked os calls do; HOME from this process's env wins.
function homedir() {
  const ctx = {};
  const result = binding.getHomeDirectory(ctx, process.env.HOME);
  if (result === undefined) throw new ERR_SYSTEM_ERROR(ctx);
  return result;
}
homedir[Symbol.toPrimitive] = () => homedir();

function tmpdir() {
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
tmpdir[Symbol.toPrimitive] = () => tmpdir();

function arch() { return process.arch; }
arch[Symbol.toPrimitive] = () => process.arch;

function platform() { return process.platform; }
platform[Symbol.toPrimitive] = () => process.platform;

function endianness() { return kEndianness; }
endianness[Symbol.toPrimitive] = () => kEndianness;

function availableParallelism() { return binding.cpuCount(); }
availableParallelism[Symbol.toPrimitive] = () => availableParallelism();

function cpus() {
  const data = binding.cpus();
  const result = [];
  for (const [model, speed, user, nice, sys, idle, irq] of data) {
    result.push({ model, speed, times: { user, nice, sys, idle, irq } });
  }
  return result;
}

function userInfo(options) {
  if (options !== undefined) validateObject(options, 'options', { nullable: true });
  const [uid, gid, username, homedirPath, shell] = binding.userInfo();
  const enc = options && options.encoding;
  const conv = (s) => (enc === 'buffer' ? require('buffer').Buffer.from(s) : s);
  return {
    uid,
    gid,
    username: conv(username),
    homedir: conv(homedirPath),
    shell: shell === null ? null : conv(shell),
  };
}

function countBinaryOnes(n) {
  let count = 0;
  while (n !== 0) {
    n &= n - 1;
    count++;
  }
  return count;
}

function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  let lastPos = 0;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  for (let i = 0; i < netmask.length; i++) {
    if (netmask[i] !== split) {
      if (i + 1 < netmask.length) continue;
      i++;
    }
    const part = netmask.slice(lastPos, i);
    lastPos = i + 1;
    if (part !== '') {
      if (hasZeros) {
        if (part !== '0') return null;
      } else {
        const binary = parseInt(part, range);
        const binaryOnes = countBinaryOnes(binary);
        ones += binaryOnes;
        if (binaryOnes !== groupLength) {
          if (binary.toString(2).includes('01')) return null;
          hasZeros = true;
        }
      }
    }
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const result = {};
  for (const [name, address, netmask, family, mac, internal, scopeid] of binding.interfaces()) {
    const entry = { address, netmask, family, mac, internal, cidr: getCIDR(address, netmask, family) };
    if (family === 'IPv6') entry.scopeid = scopeid;
    (result[name] || (result[name] = [])).push(entry);
  }
  return result;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const r = binding.getPriority(pid);
  if (r <= -100000) {
    throw priorityError('uv_os_getpriority', -(r + 100000));
  }
  return r;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const r = binding.setPriority(pid, priority);
  if (r < 0) throw priorityError('uv_os_setpriority', -r);
}

function priorityError(syscall, errno) {
  const names = { 1: ['EPERM', 'operation not permitted'], 3: ['ESRCH', 'no such process'],
    13: ['EACCES', 'permission denied'] };
  const [code, message] = names[errno] || ['UNKNOWN', 'unknown error'];
  return new ERR_SYSTEM_ERROR({ errno: -errno, code, message, syscall });
}

const constants = binding.constants;
constants.priority = {
  PRIORITY_LOW: 19,
  PRIORITY_BELOW_NORMAL: 10,
  PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14,
  PRIORITY_HIGHEST: -20,
};

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
