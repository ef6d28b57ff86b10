// process.report: the diagnostic report API.  getReport() returns an object of
// the report's shape with what this runtime can tell (header, JS stack,
// resource usage, environment); the native-only sections (nativeStack,
// libuv handles, sharedObjects) are empty lists.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

let directory = '';
let filename = '';
let compact = false;
let excludeNetwork = false;
let signal = 'SIGUSR2';

function header(event, trigger) {
  const os = require('os');
  const now = new Date();
  return {
    reportVersion: 3,
    event,
    trigger,
    filename: null,
    dumpEventTime: now.toISOString(),
    dumpEventTimeStamp: String(now.getTime()),
    processId: process.pid,
    threadId: 0,
    cwd: process.cwd(),
    commandLine: [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    nodejsVersion: process.version,
    wordSize: 64,
    arch: process.arch,
    platform: process.platform,
    componentVersions: { ...process.versions },
    release: { ...process.release },
    osName: os.type(),
    osRelease: os.release(),
    osVersion: os.version(),
    osMachine: os.machine(),
    cpus: os.cpus(),
    networkInterfaces: excludeNetwork ? [] : Object.entries(os.networkInterfaces())
      .flatMap(([name, list]) => list.map((i) => ({ name, ...i }))),
    host: os.hostname(),
  };
}

function javascriptStack(err) {
  const e = err === undefined ? new Error('report') : err;
  const stack = typeof e.stack === 'string' ? e.stack.split('\n') : [];
  return {
    message: stack.length ? stack[0] : String(e),
    stack: stack.slice(1).map((l) => l.trim()),
    errorProperties: {},
  };
}

function getReport(err) {
  if (err !== undefined && (err === null || typeof err !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('err', 'Object', err);
  }
  const mem = process.memoryUsage();
  const ru = process.resourceUsage ? process.resourceUsage() : {};
  const env = {};
  for (const k of Object.keys(process.env)) env[k] = process.env[k];
  return {
    header: header('JavaScript API', 'GetReport'),
    javascriptStack: javascriptStack(err),
    javascriptHeap: {
      totalMemory: mem.heapTotal,
      executableMemory: 0,
      totalCommittedMemory: mem.heapTotal,
      availableMemory: 0,
      totalGlobalHandlesMemory: 0,
      usedGlobalHandlesMemory: 0,
      usedMemory: mem.heapUsed,
      memoryLimit: 0,
      mallocedMemory: 0,
      externalMemory: mem.external,
      peakMallocedMemory: 0,
      nativeContextCount: 1,
      detachedContextCount: 0,
      doesZapGarbage: 0,
      heapSpaces: {},
    },
    nativeStack: [],
    resourceUsage: {
      rss: mem.rss,
      userCpuSeconds: (ru.userCPUTime || 0) / 1e6,
      kernelCpuSeconds: (ru.systemCPUTime || 0) / 1e6,
      maxRss: (ru.maxRSS || 0) * 1024,
    },
    uvthreadResourceUsage: {
      userCpuSeconds: (ru.userCPUTime || 0) / 1e6,
      kernelCpuSeconds: (ru.systemCPUTime || 0) / 1e6,
      fsActivity: { reads: ru.fsRead || 0, writes: ru.fsWrite || 0 },
    },
    libuv: [],
    workers: [],
    environmentVariables: env,
    userLimits: {},
    sharedObjects: [],
  };
}

function writeReport(file, err) {
  if (typeof file === 'object' && file !== null) {
    err = file;
    file = undefined;
  }
  const report = getReport(err);
  const fs = require('fs');
  const path = require('path');
  if (file === undefined) {
    if (filename) {
      file = filename;
    } else {
      const d = new Date();
      const pad = (n) => String(n).padStart(2, '0');
      file = `report.${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}.` +
        `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}.${process.pid}.0.001.json`;
    }
  }
  report.header.event = 'JavaScript API';
  report.header.trigger = 'API';
  report.header.filename = file;
  const text = JSON.stringify(report, null, compact ? 0 : 2) + '\n';
  if (file === 'stdout') process.stdout.write(text);
  else if (file === 'stderr') process.stderr.write(text);
  else fs.writeFileSync(directory ? path.resolve(directory, file) : file, text);
  return file;
}

const report = {
  writeReport,
  getReport,
  get directory() { return directory; },
  set directory(v) { directory = `${v}`; },
  get filename() { return filename; },
  set filename(v) { filename = `${v}`; },
  get compact() { return compact; },
  set compact(v) { compact = !!v; },
  get excludeNetwork() { return excludeNetwork; },
  set excludeNetwork(v) { excludeNetwork = !!v; },
  get signal() { return signal; },
  set signal(v) { signal = `${v}`; },
  reportOnFatalError: false,
  reportOnSignal: false,
  reportOnUncaughtException: false,
};

module.exports = { report };
