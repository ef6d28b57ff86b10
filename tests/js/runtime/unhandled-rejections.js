// Node's default mode: 'unhandledRejection' after the microtask drain,
// 'rejectionHandled' for a handler attached later; handled ones stay quiet.
const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  seen.push(`unhandled ${reason instanceof Error ? reason.message : reason} ${promise instanceof Promise}`);
});
process.on('rejectionHandled', () => seen.push('rejectionHandled'));
const late = Promise.reject(new Error('late'));
Promise.reject(1).catch(() => seen.push('caught at once'));
(async () => { throw new TypeError('async fn'); })();
Promise.resolve().then(() => { throw 'from then'; });
new Promise((_, reject) => setImmediate(() => {
  reject('immediate');
  // Attached only after the rejections above were reported (ordering does
  // not depend on timing: this timer starts after the first check phase).
  setTimeout(() => late.catch(() => seen.push('late caught')), 5);
}));
process.on('exit', (code) => console.log(seen.join('\n'), '\nexit', code));
