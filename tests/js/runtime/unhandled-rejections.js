// Node's default mode: 'unhandledRejection' after the microtask drain,
// 'rejectionHandled' for a handler attached later; handled ones stay quiet.
const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  seen.push(`unhandled ${reason instanceof Error ? reason.message : reason} ${promise instanceof Promise}`);
});
process.on('rejectionHandled', () => seen.push('rejectionHandled'));
const late = Promise.reject(new Error('late'));
setTimeout(() => late.catch(() => seen.push('late caught')), 5);
Promise.reject(1).catch(() => seen.push('caught at once'));
(async () => { throw new TypeError('async fn'); })();
Promise.resolve().then(() => { throw 'from then'; });
new Promise((_, reject) => setImmediate(() => reject('immediate')));
process.on('exit', (code) => console.log(seen.join('\n'), '\nexit', code));
