// beforeExit may schedule more work; exit sees process.exitCode.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('more work', rounds), 1);
});
process.on('exit', (code) => {
  console.log('exit', code);
  process.exitCode = 7;
});
process.exitCode = 3;
