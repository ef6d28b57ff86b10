// process.exit from a timer and from inside an exit listener.
process.on('exit', (c) => {
  console.log('exit listener', c);
  if (c === 4) process.exit(6);
});
setTimeout(() => {
  console.log('before exit');
  process.exit(4);
  console.log('never');
}, 1);
setTimeout(() => console.log('never either'), 50);
