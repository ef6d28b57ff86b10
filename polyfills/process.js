// node:process: the process object itself.
'use strict';

module.exports = process;
