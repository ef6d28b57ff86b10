// An uncaughtException listener keeps the process alive; the exit code stays 0.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin, err instanceof TypeError);
  setTimeout(() => console.log('still running'), 1);
});
setTimeout(() => { throw new TypeError('from timer'); }, 1);
process.nextTick(() => { throw new Error('from tick'); });
process.on('exit', (c) => console.log('exit', c));
