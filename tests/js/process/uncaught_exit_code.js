'use strict';
// After an uncaught error, the code an 'exit' listener leaves in
// process.exitCode is the exit status, 0 included.
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode);
  process.exitCode = 0;
});
console.log('fatal hook', typeof process._fatalException);
throw new Error('boom');
