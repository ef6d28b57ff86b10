// No listener: the rejection ends the process with code 1, after 'exit'.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never'), 100);
Promise.reject(new RangeError('nobody handles this'));
