// getColorDepth/hasColors read the environment: the explicit env argument,
// or process.env at the time of the call (also for a child's environment).
'use strict';
const tty = require('tty');
const { spawnSync } = require('child_process');

const depth = (env) => tty.WriteStream.prototype.getColorDepth(env);
const cases = [
  {},
  { TERM: 'dumb' },
  { TERM: 'xterm' },
  { TERM: 'xterm-256color' },
  { TERM: 'XTERM-256color' },
  { TERM: 'screen-bce' },
  { TERM: 'linux' },
  { TERM: 'vt100' },
  { TERM: 'con132x43' },
  { TERM: 'ANSI' },
  { TERM: 'mosh' },
  { TERM: 'Konsole' },
  { TERM: 'rxvt-unicode-24bit' },
  { TERM: 'foo' },
  { COLORTERM: 'truecolor' },
  { COLORTERM: '24bit' },
  { COLORTERM: 'yes' },
  { TERM: 'foo', COLORTERM: 'yes' },
  { TMUX: '1', TERM: 'dumb' },
  { TMUX: '1' },
  { CI: '1' },
  { CI: '1', GITHUB_ACTIONS: '' },
  { CI: '1', CI_NAME: 'codeship' },
  { CI: '1', TERM: 'xterm-256color' },
  { TEAMCITY_VERSION: '9.1.0' },
  { TEAMCITY_VERSION: '8.9' },
  { TEAMCITY_VERSION: '10.0' },
  { TERM_PROGRAM: 'iTerm.app' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'HyperTerm' },
  { NO_COLOR: '', TERM: 'xterm-256color' },
  { NODE_DISABLE_COLORS: '1', TERM: 'xterm-256color' },
  { FORCE_COLOR: '' },
  { FORCE_COLOR: '0', TERM: 'xterm-256color' },
  { FORCE_COLOR: 'false' },
  { FORCE_COLOR: 'true' },
  { FORCE_COLOR: '1' },
  { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' },
  { FORCE_COLOR: '4' },
];
for (const env of cases) {
  console.log(JSON.stringify(env), depth(env), tty.WriteStream.prototype.hasColors(env));
}

// Without an argument, process.env is read at call time.
const saved = process.env;
process.env = { TERM: 'xterm-256color' };
console.log('process.env', depth(), tty.WriteStream.prototype.hasColors(256));
process.env = saved;

// FORCE_COLOR beside NO_COLOR: colours, and a warning once per process.
const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
console.log('forced', depth({ FORCE_COLOR: '1', NO_COLOR: '1', NODE_DISABLE_COLORS: '1' }),
            depth({ FORCE_COLOR: '2', NO_COLOR: '1' }));
setImmediate(() => {
  console.log(warnings.join('\n'));

  // A child sees its own environment.
  const code = "const t = require('tty'); console.log(t.WriteStream.prototype.getColorDepth())";
  for (const env of [{ TERM: 'xterm' }, { TERM: 'dumb' }, { NO_COLOR: '1', TERM: 'xterm' }, { FORCE_COLOR: '3' }]) {
    const r = spawnSync(process.execPath, ['-e', code], { env: { PATH: process.env.PATH, ...env } });
    console.log('child', JSON.stringify(env), r.stdout.toString().trim(), r.status);
  }
});
