// No handler: exit listeners run with code 1, then the process exits 1.
process.on('exit', (c) => console.log('exit', c, process.exitCode));
setTimeout(() => console.log('never'), 100);
Promise.resolve().then(() => console.log('micro before throw'));
throw new RangeError('bad');
