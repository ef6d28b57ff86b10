'use strict';
// Child-process scenarios for the exit code a process ends with (process
// exitCode, process.exit(), uncaught errors and their handlers).  Each entry:
// func (run in the child; its name labels failures), result (the expected exit
// status) and, when the child prints an uncaught error, error (a pattern for
// its first line).

const assert = require('assert');

function onExitExpect(code) {
  process.on('exit', (actual) => {
    assert.strictEqual(actual, code);
    assert.strictEqual(process.exitCode, code);
  });
}

function getTestCases(isWorker = false) {
  const uncaught = /^Error: ok$/;
  const scenarios = {
    exitsOnExitCodeSet() {
      process.exitCode = 42;
      onExitExpect(42);
    },
    changesCodeViaExit() {
      process.exitCode = 99;
      onExitExpect(42);
      process.exit(42);
    },
    changesCodeZeroExit() {
      process.exitCode = 99;
      onExitExpect(0);
      process.exit(0);
    },
    exitWithOneOnUncaught() {
      process.exitCode = 99;
      process.on('exit', (code) => {
        // A failed assertion would itself exit with 1: report differently.
        if (code !== 1 || process.exitCode !== 1) process.exit(99);
      });
      throw new Error('ok');
    },
    changeCodeInsideExit() {
      process.exitCode = 95;
      process.on('exit', (code) => {
        assert.strictEqual(code, 95);
        assert.strictEqual(process.exitCode, 95);
        process.exitCode = 99;
      });
    },
    zeroExitWithUncaughtHandler() {
      const ignore = () => {};
      process.on('uncaughtException', ignore);
      process.on('exit', (code) => {
        process.off('uncaughtException', ignore);
        assert.strictEqual(code, 0);
        assert.strictEqual(process.exitCode, undefined);
      });
      throw new Error('ok');
    },
    changeCodeInUncaughtHandler() {
      const setCode = () => { process.exitCode = 97; };
      process.on('uncaughtException', setCode);
      process.on('exit', () => process.off('uncaughtException', setCode));
      onExitExpect(97);
      throw new Error('ok');
    },
    changeCodeInExitWithUncaught() {
      process.on('exit', (code) => {
        assert.strictEqual(code, 1);
        assert.strictEqual(process.exitCode, 1);
        process.exitCode = 98;
      });
      throw new Error('ok');
    },
    exitWithZeroInExitWithUncaught() {
      process.on('exit', (code) => {
        assert.strictEqual(code, 1);
        assert.strictEqual(process.exitCode, 1);
        process.exitCode = 0;
      });
      throw new Error('ok');
    },
    exitWithThrowInUncaughtHandler() {
      process.on('uncaughtException', () => { throw new Error('ok'); });
      throw new Error('bad');
    },
    exitWithUndefinedFatalException() {
      process._fatalException = undefined;
      throw new Error('ok');
    },
  };
  const expected = {
    exitsOnExitCodeSet: [42],
    changesCodeViaExit: [42],
    changesCodeZeroExit: [0],
    exitWithOneOnUncaught: [1, uncaught],
    changeCodeInsideExit: [99],
    zeroExitWithUncaughtHandler: [0],
    changeCodeInUncaughtHandler: [97],
    changeCodeInExitWithUncaught: [98, uncaught],
    exitWithZeroInExitWithUncaught: [0, uncaught],
    // A handler that throws is fatal: kExceptionInFatalExceptionHandler.
    exitWithThrowInUncaughtHandler: [isWorker ? 1 : 7, uncaught],
    // No process._fatalException to call: kInvalidFatalExceptionMonkeyPatching.
    exitWithUndefinedFatalException: [6],
  };
  return Object.keys(scenarios).map((name) => {
    const [result, error] = expected[name];
    const entry = { func: scenarios[name], result };
    if (error !== undefined) entry.error = error;
    return entry;
  });
}

module.exports = { getTestCases };
