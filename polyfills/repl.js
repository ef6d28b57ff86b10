// node:repl: the read-eval-print loop, a readline Interface that evaluates
// each line in a vm context (or the global one), continues input that is
// not complete yet, prints results through `writer`, and runs the dot
// commands (.break .clear .exit .help .save .load .editor and user ones).
'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { Interface } = require('readline');
const { inspect } = require('internal/util/inspect');
const { isNativeError } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_REPL_EVAL_CONFIG },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kBufferedCommand = Symbol('bufferedCommand');
const kContextId = Symbol('contextId');
// what the default eval's code threw, even null or undefined
const kThrown = Symbol('kThrown');
let nextContextId = 1;

const builtinModules = require('module').builtinModules.filter((id) => !id.startsWith('_'));

// Node's REPL names every public builtin module as a global of the realm:
// `fs` at the prompt is require('fs'), loaded on first use; assigning the
// name replaces it.
function addBuiltinLibsToObject(object) {
  for (const name of builtinModules) {
    if (name.includes('/') || name === 'test' || name in object) continue;
    const setReal = (value) => {
      delete object[name];
      object[name] = value;
    };
    Object.defineProperty(object, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const lib = require(name);
        delete object[name];
        Object.defineProperty(object, name, {
          __proto__: null, configurable: true, enumerable: false, get: () => lib, set: setReal,
        });
        return lib;
      },
      set: setReal,
    });
  }
}
addBuiltinLibsToObject(globalThis);

function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

// A SyntaxError that more input may still fix: the REPL keeps reading.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

// Whether a compile error is at the end of the input: the code is
// incomplete rather than wrong (an open block, call, literal, template or
// comment; an operator still waiting for its operand).
function isRecoverableError(message, code) {
  if (/unexpected end of comment/.test(message)) return true;
  if (/unexpected end of string/.test(message)) {
    // only a template literal may span lines
    return ((code.match(/`/g) || []).length % 2) === 1;
  }
  if (/unexpected end of input|in expression: ''$|^expecting '[}\])]'$/.test(message)) return true;
  const tail = code.trimEnd();
  return /[{([,.=+\-*/%&|^!?:<>\\]$/.test(tail) && !/^\s*\}/.test(message);
}

function compileError(code, filename) {
  return internalBinding('contextify').compileCheck(code, filename);
}

function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    eval_ = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (!options.input && !options.output) {
    stream ||= process;
    options.input = stream.stdin || stream;
    options.output = stream.stdout || stream;
  }
  if (options.terminal === undefined) options.terminal = !!options.output.isTTY;
  options.terminal = !!options.terminal;
  if (options.useColors === undefined) options.useColors = options.terminal;
  if (eval_ != null) validateFunction(eval_, 'options.eval');
  if (options.breakEvalOnSigint && eval_) throw new ERR_INVALID_REPL_EVAL_CONFIG();

  this.useColors = !!options.useColors;
  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this.commands = { __proto__: null };
  this.lines = [];
  this.lines.level = [];
  this[kBufferedCommand] = '';
  this._initialPrompt = prompt === undefined ? '> ' : `${prompt}`;
  this.eval = eval_ || defaultEval;

  this.writer = options.writer || writer;
  if (this.writer === writer) {
    writer.options.colors = this.useColors;
  }

  Reflect.apply(Interface, this, [{
    input: options.input,
    output: options.output,
    completer: options.completer || ((line, cb) => completer(this, line, cb)),
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: this._initialPrompt,
  }]);

  this.resetContext();
  defineDefaultCommands(this);

  // Errors of evaluated code reach the user through this domain's 'error'
  // (a test or an embedder may listen there too).
  this._domain = options.domain || require('domain').create();
  this._domain.on('error', (e) => this._handleError(e));

  let sawSIGINT = false;
  let sawCtrlD = false;

  this.on('close', () => this.emit('exit'));

  this.on('SIGINT', () => {
    if (this.editorMode) {
      this.output.write('\n');
      this.editorMode = false;
      this.clearBufferedCommand();
      this.displayPrompt();
      return;
    }
    const empty = this.line.length === 0;
    this.clearLine();
    this.clearBufferedCommand();
    if (!(this[kBufferedCommand] && this[kBufferedCommand].length > 0) && empty) {
      if (sawSIGINT) {
        this.close();
        sawSIGINT = false;
        return;
      }
      this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      sawSIGINT = true;
    } else {
      sawSIGINT = false;
    }
    this.displayPrompt();
  });

  this.on('line', (cmd) => {
    const self = this;
    cmd = cmd || '';
    sawSIGINT = false;

    if (this.editorMode) {
      this[kBufferedCommand] += `${cmd}\n`;
      return;
    }

    const trimmed = cmd.trim();
    // dot commands, but not `.5` or `...spread`
    if (trimmed && trimmed[0] === '.' && trimmed[1] !== '.' && Number.isNaN(Number.parseFloat(trimmed))) {
      const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
      const keyword = m && m[1];
      const rest = m && m[2];
      if (this.parseREPLKeyword(keyword, rest) === true) return;
      if (!this[kBufferedCommand]) {
        this.output.write('Invalid REPL keyword\n');
        finish(null);
        return;
      }
    }

    const code = `${this[kBufferedCommand]}${cmd}\n`;
    this.eval(code, this.context, getREPLResourceName(), finish);

    function finish(e, ret) {
      if (e && e instanceof Recoverable && !sawCtrlD) {
        self[kBufferedCommand] += `${cmd}\n`;
        self.displayPrompt();
        return;
      }
      if (e !== null && typeof e === 'object' && kThrown in e) {
        self._domain.emit('error', e[kThrown]);
      } else if (e) {
        self._domain.emit('error', e.err || e);
      } else {
        if (cmd) self.lines.push(...`${self[kBufferedCommand]}${cmd}`.split('\n'));
      }
      self.clearBufferedCommand();
      sawCtrlD = false;
      // finish(null) (a bad keyword) prints nothing, finish(null, undefined) does
      if (!e && arguments.length === 2 && (!self.ignoreUndefined || ret !== undefined)) {
        if (!self.underscoreAssigned) self.last = ret;
        self.output.write(`${self.writer(ret)}\n`);
      }
      if (!self.closed) self.displayPrompt();
    }
  });

  this.on('SIGCONT', () => {
    this.displayPrompt(true);
  });

  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);

// The old names of input and output (DEP0141, documentation-only).
for (const [old, now] of [['inputStream', 'input'], ['outputStream', 'output']]) {
  Object.defineProperty(REPLServer.prototype, old, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return this[now]; },
    set(value) { this[now] = value; },
  });
}

let replCount = 0;
function getREPLResourceName() {
  return `REPL${++replCount}`;
}

// The default eval: an object literal on its own is an expression, not a
// block; an incomplete statement asks for more input.
function defaultEval(code, context, file, cb) {
  let input = code;
  if (/^\s*\{/.test(code) && /\}\s*$/.test(code)) {
    const wrapped = `(${code.trim()})\n`;
    if (compileError(wrapped, file) === null) input = wrapped;
  }
  const error = compileError(input, file);
  if (error !== null) {
    const [name, message] = error;
    const err = new SyntaxError(message);
    if (name && name !== 'SyntaxError') err.name = name;
    // where the REPL parsed it says nothing to the user
    err.stack = `${err.name}: ${message}`;
    if (isRecoverableError(message, code)) {
      cb(new Recoverable(err));
      return;
    }
    cb(err);
    return;
  }
  let result;
  try {
    const script = new vm.Script(input, { filename: file });
    if (this.useGlobal) {
      result = script.runInThisContext({ displayErrors: false });
    } else {
      result = script.runInContext(context, { displayErrors: false });
    }
  } catch (e) {
    cb({ [kThrown]: e });
    return;
  }
  cb(null, result);
}

REPLServer.prototype._handleError = function _handleError(err) {
  if (!this.underscoreErrAssigned) this.lastError = err;
  // The stack ends at the REPL input's top level: what ran it is the REPL.
  let restore;
  if (err !== null && typeof err === 'object' && typeof err.stack === 'string') {
    const lines = err.stack.split('\n');
    const top = lines.findIndex((l) => /^\s+at (?:REPL\d+:\d+:\d+|<eval> \(REPL\d+)/.test(l));
    if (top !== -1) {
      const saved = Object.getOwnPropertyDescriptor(err, 'stack');
      try {
        Object.defineProperty(err, 'stack', {
          __proto__: null, value: lines.slice(0, top).join('\n'), configurable: true, writable: true,
        });
        restore = () => {
          if (saved) Object.defineProperty(err, 'stack', saved);
          else delete err.stack;
        };
      } catch {
        // a frozen error keeps its whole stack
      }
    }
  }
  let text = inspect(err, { colors: this.useColors });
  if (restore) restore();
  // an error with nothing but its message reads as `Name: message`
  const bare = /^\[([^\n]*)\]$/.exec(text);
  if (bare !== null && isNativeError(err)) text = bare[1];
  this.output.write(`Uncaught ${text}\n`);
};

REPLServer.prototype.complete = function complete(...args) {
  Reflect.apply(this.completer, this, args);
};

// History kept in a file: loaded now, saved on each new entry; a REPL not on
// a terminal has no history to keep.
REPLServer.prototype.setupHistory = function setupHistory(historyFile, cb) {
  validateFunction(cb, 'cb');
  if (!this.terminal || typeof historyFile !== 'string' || historyFile.trim() === '') {
    process.nextTick(cb, null, this);
    return;
  }
  fs.readFile(historyFile, 'utf8', (err, data) => {
    if (err && err.code !== 'ENOENT') {
      this.output.write('\nError: Could not open history file.\nREPL session history will not be persisted.\n');
      cb(null, this);
      return;
    }
    if (data) this.history = data.split(/[\n\r]+/, this.historySize).filter(Boolean);
    this.on('history', (history) => {
      try {
        fs.writeFileSync(historyFile, history.join('\n'), { mode: 0o600 });
      } catch {
        // history is best effort, as Node's
      }
    });
    cb(null, this);
  });
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

REPLServer.prototype.close = function close() {
  if (this.terminal && this._flushing && !this._closingOnFlush) {
    this._closingOnFlush = true;
    this.once('flushHistory', () => Reflect.apply(Interface.prototype.close, this, []));
    return;
  }
  process.nextTick(() => Reflect.apply(Interface.prototype.close, this, []));
};

REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // the new context keeps its own builtins (Object, Array ...) and sees
    // what Node adds to this realm (process, Buffer, timers ...)
    const innerGlobal = vm.runInContext('globalThis', context);
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name === 'globalThis' || name in innerGlobal ||
          Object.prototype.hasOwnProperty.call(context, name)) continue;
      const desc = Object.getOwnPropertyDescriptor(globalThis, name);
      try {
        Object.defineProperty(context, name, { __proto__: null, ...desc });
      } catch {
        // a non-configurable builtin of the new context stays its own
      }
    }
    context.global = context;
    addBuiltinLibsToObject(context);
    // the REPL's own console writes to its output stream
    const { Console } = require('console');
    Object.defineProperty(context, 'console', {
      __proto__: null, configurable: true, writable: true, value: new Console(this.output),
    });
  }
  // `module` and `require` of REPL input belong to the '<repl>' module (the
  // global ones too, with useGlobal, as Node's)
  const Module = require('module');
  const replModule = new Module('<repl>');
  replModule.paths = Module._resolveLookupPaths('<repl>', process.mainModule || null) || [];
  replModule.filename = path.resolve('repl');
  Object.defineProperty(context, 'module', {
    __proto__: null, configurable: true, writable: true, value: replModule,
  });
  Object.defineProperty(context, 'require', {
    __proto__: null, configurable: true, writable: true,
    value: Module.createRequire(path.join(process.cwd(), '<repl>')),
  });
  context[kContextId] = nextContextId++;
  this.underscoreAssigned = false;
  this.lines = [];
  this.lines.level = [];

  Object.defineProperty(context, '_', {
    __proto__: null,
    configurable: true,
    get: () => this.last,
    set: (value) => {
      // from now on `_` is what the user put there, results no longer
      this.last = value;
      if (!this.underscoreAssigned) {
        this.underscoreAssigned = true;
        this.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(context, '_error', {
    __proto__: null,
    configurable: true,
    get: () => this.lastError,
    set: (value) => {
      this.lastError = value;
      if (!this.underscoreErrAssigned) {
        this.underscoreErrAssigned = true;
        this.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  return context;
};

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.lines.level = [];
  this.emit('reset', this.context);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this[kBufferedCommand].length) prompt = '... ';
  Interface.prototype.setPrompt.call(this, prompt);
  this.prompt(preserveCursor);
};

// The prompt of the next line; displayPrompt() decides between it and '... '.
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else {
    validateFunction(cmd?.action, 'cmd.action');
  }
  this.commands[keyword] = cmd;
};

REPLServer.prototype.parseREPLKeyword = function parseREPLKeyword(keyword, rest) {
  const cmd = this.commands[keyword];
  if (cmd) {
    Reflect.apply(cmd.action, this, [rest]);
    return true;
  }
  return false;
};

REPLServer.prototype.turnOffEditorMode = function turnOffEditorMode() {
  this.editorMode = false;
  this.setPrompt(this._initialPrompt);
};

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });

  const clearMessage = repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context';
  repl.defineCommand('clear', {
    help: clearMessage,
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });

  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const longest = Math.max(...names.map((n) => n.length));
      for (const name of names) {
        const cmd = this.commands[name];
        const spaces = ' '.repeat(longest - name.length + 3);
        this.output.write(`.${name}${cmd.help ? spaces + cmd.help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });

  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        if (file === '') throw new ERR_INVALID_ARG_VALUE('file', file);
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      try {
        if (file === '') throw new ERR_INVALID_ARG_VALUE('file', file);
        const stats = fs.statSync(file);
        if (stats && stats.isFile()) {
          // the whole file is one input, as if typed in the editor
          this.editorMode = true;
          this.write(fs.readFileSync(file, 'utf8'));
          this.editorMode = false;
          this.write('\n');
        } else {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
        }
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.editorMode = true;
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

// Tab completion: global and context names, properties after `expr.`,
// commands after '.', module ids in require('...').
function completer(repl, line, callback) {
  const done = (list, on) => callback(null, [[...new Set(list)].sort().filter((c) => c.startsWith(on)), on]);
  let m;
  if ((m = /^\s*\.(\w*)$/.exec(line))) {
    return done(Object.keys(repl.commands).map((k) => `.${k}`), `.${m[1]}`);
  }
  if ((m = /\brequire\s*\(\s*['"`]([\w@./:-]*)$/.exec(line))) {
    return done([...builtinModules, ...builtinModules.map((id) => `node:${id}`)], m[1]);
  }
  if ((m = /([\w$.[\]'"]+)\.([\w$]*)$/.exec(line))) {
    let obj;
    try {
      obj = vm.runInContext(m[1], repl.useGlobal ? vm.createContext(globalThis) : repl.context);
    } catch {
      return callback(null, [[], `${m[1]}.${m[2]}`]);
    }
    const names = [];
    for (let o = obj; o != null; o = Object.getPrototypeOf(o)) {
      names.push(...Object.getOwnPropertyNames(Object(o)).filter((n) => /^[\w$]+$/.test(n)));
    }
    return callback(null, [[...new Set(names)].sort().filter((n) => n.startsWith(m[2]))
      .map((n) => `${m[1]}.${n}`), `${m[1]}.${m[2]}`]);
  }
  m = /([\w$]*)$/.exec(line);
  const names = [...Object.getOwnPropertyNames(repl.context), ...Object.getOwnPropertyNames(globalThis)];
  return done(names.filter((n) => /^[\w$]+$/.test(n)), m[1]);
}

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules,
};

