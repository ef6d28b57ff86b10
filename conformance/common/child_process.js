'use strict';
// Helpers for tests that run a child process and check how it ended.

const { spawnSync } = require('child_process');

const kExpiringChildRunTime = 20000;
const kExpiringParentTimer = 1;

function cleanupStaleProcess(filename) {
  // Only Windows leaves stale children behind; nothing to do here.
  void filename;
}

// Long enough for a parent's timeout to expire first.
function logAfterTime(time) {
  setTimeout(() => {
    console.log('child stdout');
    console.error('child stderr');
  }, time);
}

function checkOutput(text, check) {
  if (check instanceof RegExp) {
    return check.test(text) ? { passed: true } :
      { passed: false, reason: `does not match ${check}` };
  }
  if (typeof check === 'function') {
    try {
      check(text);
      return { passed: true };
    } catch (err) {
      return { passed: false, reason: `did not pass the check: ${err.message}` };
    }
  }
  return text === check ? { passed: true } :
    { passed: false, reason: `is not ${JSON.stringify(check)}` };
}

function expectSyncExit(caller, spawnArgs, expectations) {
  const { status, signal, stderr: stderrCheck, stdout: stdoutCheck, trim = false } = expectations;
  const child = spawnSync(...spawnArgs);
  const problems = [];
  if (status !== undefined && child.status !== status)
    problems.push(`- process terminated with status ${child.status}, expected ${status}`);
  if (signal !== undefined && child.signal !== signal)
    problems.push(`- process terminated with signal ${child.signal}, expected ${signal}`);
  const stderr = child.stderr == null ? '' : child.stderr.toString();
  const stdout = child.stdout == null ? '' : child.stdout.toString();
  if (problems.length === 0) {
    for (const [label, text, check] of [['stderr', stderr, stderrCheck], ['stdout', stdout, stdoutCheck]]) {
      if (check === undefined) continue;
      const r = checkOutput(trim ? text.trim() : text, check);
      if (!r.passed) problems.push(`- ${label} ${r.reason}`);
    }
  }
  if (problems.length > 0) {
    const tag = `[process ${child.pid}]:`;
    console.error(`${tag} --- stderr ---\n${stderr}`);
    console.error(`${tag} --- stdout ---\n${stdout}`);
    console.error(`${tag} status = ${child.status}, signal = ${child.signal}`);
    const err = new Error(problems.join('\n'));
    if (spawnArgs[2]) err.options = spawnArgs[2];
    err.command = spawnArgs[0] + (Array.isArray(spawnArgs[1]) ? ` ${spawnArgs[1].join(' ')}` : '');
    if (Error.captureStackTrace) Error.captureStackTrace(err, caller);
    throw err;
  }
  return {
    child,
    stderr: stderrCheck === undefined ? undefined : stderr,
    stdout: stdoutCheck === undefined ? undefined : stdout,
  };
}

function spawnSyncAndExit(...args) {
  const expectations = args.pop();
  return expectSyncExit(spawnSyncAndExit, args, expectations);
}

function spawnSyncAndExitWithoutError(...args) {
  return expectSyncExit(spawnSyncAndExitWithoutError, args, { status: 0, signal: null });
}

function spawnSyncAndAssert(...args) {
  const expectations = args.pop();
  return expectSyncExit(spawnSyncAndAssert, args,
                        { status: 0, signal: null, ...expectations });
}


module.exports = {
  cleanupStaleProcess,
  expectSyncExit,
  kExpiringChildRunTime,
  kExpiringParentTimer,
  logAfterTime,
  spawnSyncAndAssert,
  spawnSyncAndExit,
  spawnSyncAndExitWithoutError,
};
