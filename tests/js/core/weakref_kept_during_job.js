'use strict';
// A WeakRef's target stays alive for the rest of the job it was created or
// deref()ed in, even with no other reference.
let ref;
{
  ref = new WeakRef({ answer: 42 });
}
console.log('same job', ref.deref() && ref.deref().answer);
Promise.resolve().then(() => console.log('microtask of the job', typeof ref.deref()));
console.log(Object.prototype.toString.call(ref), ref instanceof WeakRef, typeof WeakRef.prototype.deref);
const signalRef = new WeakRef(AbortSignal.timeout(1e6));
signalRef.deref().addEventListener('abort', () => {});
console.log('signal', signalRef.deref() instanceof AbortSignal);
