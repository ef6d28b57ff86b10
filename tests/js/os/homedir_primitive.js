'use strict';
// os functions coerce to their values; homedir follows $HOME.
const os = require('os');
console.log(typeof +os.availableParallelism, +os.availableParallelism === os.availableParallelism());
process.env.HOME = '/some/where';
console.log(os.homedir(), `${os.homedir}`);
