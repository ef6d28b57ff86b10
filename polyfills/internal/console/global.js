// The global console: a Console over process.stdout/stderr whose streams are
// looked up on each write, so replacing process.stdout.write works as in Node.
'use strict';

const { Console, initConsole, kStdout, kStderr } = require('internal/console/constructor');

const globalConsole = Object.create(Console.prototype);
initConsole(globalConsole, { stdout: { write() {} }, stderr: { write() {} } });
delete globalConsole[kStdout];
delete globalConsole[kStderr];
Object.defineProperty(globalConsole, kStdout, { get() { return process.stdout; }, configurable: true });
Object.defineProperty(globalConsole, kStderr, { get() { return process.stderr; }, configurable: true });
globalConsole.Console = Console;

module.exports = globalConsole;
