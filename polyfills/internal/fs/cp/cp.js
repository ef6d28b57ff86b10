// fs.cp / fs.promises.cp: the walk of internal/fs/cp/cp-sync run with
// fs.promises (a filter may return a promise here).
'use strict';

const { cpGenerator, fileOps } = require('internal/fs/cp/cp-sync');

function asyncOps(fsp, opts) {
  const orNull = (fn) => async (p) => {
    try {
      return await fn(p);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };
  const ops = fileOps((name, ...args) => fsp[name](...args), orNull,
                      (p) => fsp.access(p).then(() => true, () => false));
  ops.filter = async (src, dest) => opts.filter(src, dest);
  return ops;
}

async function cpFn(src, dest, opts) {
  const ops = asyncOps(require('fs').promises, opts);
  const gen = cpGenerator(src, dest, opts);
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let result;
    try {
      result = await ops[op](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
}

module.exports = { cpFn };
