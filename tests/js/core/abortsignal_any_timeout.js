'use strict';
// A timeout signal reachable only through AbortSignal.any() still fires.
const combined = AbortSignal.any([AbortSignal.timeout(5), new AbortController().signal]);
const nested = AbortSignal.any([AbortSignal.any([AbortSignal.timeout(10)])]);
const keep = setInterval(() => {}, 100000);
let n = 0;
for (const [name, s] of [['combined', combined], ['nested', nested]]) {
  s.addEventListener('abort', (e) => {
    console.log(name, e.target === s, s.aborted, s.reason.name, s.reason.message);
    if (++n === 2) clearInterval(keep);
  });
}
