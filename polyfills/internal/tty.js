// node:internal/tty — how many colours a terminal shows, guessed from the
// environment the way Node (and chalk/supports-color before it) guesses.
'use strict';

const { validateInteger } = require('internal/validators');

// Results are bits per colour: 2**depth colours.
const DEPTH_2 = 1;
const DEPTH_16 = 4;
const DEPTH_256 = 8;
const DEPTH_TRUECOLOR = 24;

// TERM values that name a terminal exactly.
const KNOWN_TERMS = new Map([
  ['cons25', DEPTH_16], ['console', DEPTH_16], ['cygwin', DEPTH_16],
  ['dtterm', DEPTH_16], ['eterm', DEPTH_16], ['gnome', DEPTH_16],
  ['hurd', DEPTH_16], ['jfbterm', DEPTH_16], ['konsole', DEPTH_16],
  ['kterm', DEPTH_16], ['mlterm', DEPTH_16], ['putty', DEPTH_16],
  ['st', DEPTH_16],
  ['mosh', DEPTH_TRUECOLOR], ['rxvt-unicode-24bit', DEPTH_TRUECOLOR],
  ['terminator', DEPTH_TRUECOLOR],
]);

// TERM families that at least do the 16 ANSI colours.
const ANSI_TERM_PATTERNS = [
  /ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/,
];

// CI services whose log viewers render 256 colours.
const CI_WITH_COLORS = [
  'APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS',
];

let warnedAboutForce = false;

// FORCE_COLOR wins over the variables that turn colours off; say so once,
// since a user who set NO_COLOR would otherwise wonder.
function warnIgnoredDisables(env) {
  if (warnedAboutForce) return;
  const names = [];
  if (env.NODE_DISABLE_COLORS !== undefined) names.push('NODE_DISABLE_COLORS');
  if (env.NO_COLOR !== undefined) names.push('NO_COLOR');
  if (names.length === 0) return;
  warnedAboutForce = true;
  process.emitWarning(
    `The '${names.join("' and '")}' env is ignored due to the 'FORCE_COLOR' env being set.`,
    'Warning');
}

function forcedDepth(env) {
  const value = env.FORCE_COLOR;
  if (value === '' || value === '1' || value === 'true') {
    warnIgnoredDisables(env);
    return DEPTH_16;
  }
  if (value === '2') {
    warnIgnoredDisables(env);
    return DEPTH_256;
  }
  if (value === '3') {
    warnIgnoredDisables(env);
    return DEPTH_TRUECOLOR;
  }
  // Any other value (0, false, nonsense) means no colours.
  return DEPTH_2;
}

function windowsDepth() {
  // Windows 10 builds 10586 and 14931 brought 256 colours and true colour.
  const parts = require('os').release().split('.');
  if (Number(parts[0]) >= 10) {
    const build = Number(parts[2]);
    if (build >= 14931) return DEPTH_TRUECOLOR;
    if (build >= 10586) return DEPTH_256;
  }
  return DEPTH_16;
}

function termProgramDepth(env) {
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      // iTerm2 3 and later do true colour.
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return DEPTH_256;
      return DEPTH_TRUECOLOR;
    case 'HyperTerm':
    case 'MacTerm':
      return DEPTH_TRUECOLOR;
    case 'Apple_Terminal':
      return DEPTH_256;
    default:
      return undefined;
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) return forcedDepth(env);

  // https://no-color.org/, and terminfo's "dumb" terminal, which has no
  // colour escapes at all.
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return DEPTH_2;
  }

  if (process.platform === 'win32') return windowsDepth();

  if (env.TMUX) return DEPTH_256;

  if (env.CI) {
    if (env.CI_NAME === 'codeship' || CI_WITH_COLORS.some((name) => name in env)) return DEPTH_256;
    return DEPTH_2;
  }

  if ('TEAMCITY_VERSION' in env) {
    // TeamCity 9.1 and later understand ANSI colours.
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? DEPTH_16 : DEPTH_2;
  }

  const byProgram = termProgramDepth(env);
  if (byProgram !== undefined) return byProgram;

  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return DEPTH_TRUECOLOR;

  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return DEPTH_256;
    const term = env.TERM.toLowerCase();
    const known = KNOWN_TERMS.get(term);
    if (known !== undefined) return known;
    if (ANSI_TERM_PATTERNS.some((re) => re.test(term))) return DEPTH_16;
  }

  // A COLORTERM that names no depth still promises the basic colours.
  if (env.COLORTERM) return DEPTH_16;
  return DEPTH_2;
}

// hasColors([count][, env]): whether 2**depth >= count (16 by default).
function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

module.exports = { getColorDepth, hasColors };
