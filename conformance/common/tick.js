// tick(turns, callback): callback after that many turns of the event loop,
// one setImmediate hop per turn.
'use strict';

module.exports = function tick(turns, callback) {
  let left = turns;
  const step = () => {
    left -= 1;
    if (left > 0) setImmediate(step);
    else if (typeof callback === 'function') callback();
  };
  setImmediate(step);
};
