// The line reader behind node:readline and node:readline/promises: reads an
// input stream, splits it into lines ('line' events, question() answers, an
// async iterator) and, on a terminal, edits the line from keypresses.
'use strict';

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const {
  validateAbortSignal, validateArray, validateFunction, validateString, validateUint32,
  validateNumber,
} = require('internal/validators');
const { kFirstEventParam } = require('internal/events/symbols');
const { getStringWidth, inspect, stripVTControlCharacters } = require('internal/util/inspect');
const { charLengthAt, charLengthLeft, commonPrefix } = require('internal/readline/utils');
const { emitKeypressEvents, kEscapeCodeTimeout, kSawKeyPress } = require('internal/readline/keypress');
const { CSI, csiCursorTo, csiMove, kClearLine } = require('internal/readline/callbacks');

const kHistorySize = 30;
const kMaxCrlfDelay = 2048;
const kMinCrlfDelay = 100;
const kLineEnding = /\r?\n|\r(?!\n)/g;

const kQuestionCallback = Symbol('_questionCallback');
const kOldPrompt = Symbol('_oldPrompt');
const kLineBuffer = Symbol('_line_buffer');
const kSawReturnAt = Symbol('_sawReturnAt');
const kDecoder = Symbol('_decoder');
const kLineObjectStream = Symbol('line object stream');
const kSubstringSearch = Symbol('_substringSearch');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kYanking = Symbol('_yanking');
const kUndoStack = Symbol('_undoStack');
const kRedoStack = Symbol('_redoStack');
const kMaxKillRing = 32;
const kMaxUndoRedo = 2048;
const kQuestion = Symbol('_question');
const kOnLine = Symbol('_onLine');
const kPreviousKey = Symbol('_previousKey');
const kQuestionCancel = Symbol('kQuestionCancel');

function InterfaceConstructor(input, output, completer, terminal) {
  EventEmitter.call(this);
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  let tabSize;
  let escapeCodeTimeout = kEscapeCodeTimeout;

  if (input?.input) {
    // An options object.
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    history = input.history;
    historySize = input.historySize;
    signal = input.signal;
    tabSize = input.tabSize;
    if (tabSize !== undefined) validateUint32(tabSize, 'tabSize', true);
    removeHistoryDuplicates = input.removeHistoryDuplicates;
    if (input.prompt !== undefined) prompt = input.prompt;
    if (input.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(input.escapeCodeTimeout)) {
        escapeCodeTimeout = input.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', input.escapeCodeTimeout);
      }
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = input.crlfDelay;
    input = input.input;
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) history = [];
  else validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);
  if (terminal === undefined && !(output === null || output === undefined)) {
    terminal = !!output.isTTY;
  }

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kOnLine] = this[kOnLine].bind(this);
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = completer;
  this._prompt = prompt;
  this.terminal = !!terminal;
  this.tabSize = tabSize ?? 8;
  this.escapeCodeTimeout = escapeCodeTimeout;
  this.closed = false;
  this.paused = false;
  this.cursor = 0;
  this.historyIndex = -1;
  this[kQuestionCallback] = null;
  this[kOldPrompt] = prompt;
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this[kYanking] = false;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.historyIndex = -1;

  const self = this;
  function ondata(data) { self._normalWrite(data); }
  function onend() {
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) {
      self.emit('line', self[kLineBuffer]);
    }
    self.close();
  }
  function ontermend() {
    if (typeof self.line === 'string' && self.line.length > 0) self.emit('line', self.line);
    self.close();
  }
  function onkeypress(s, key) {
    self._ttyWrite(s, key);
  }
  function onresize() { self._refreshLine(); }
  function onSelfCloseWithoutTerminal() {
    input.removeListener('data', ondata);
    input.removeListener('error', onerror);
    input.removeListener('end', onend);
  }
  function onSelfCloseWithTerminal() {
    input.removeListener('keypress', onkeypress);
    input.removeListener('error', onerror);
    input.removeListener('end', ontermend);
    if (output !== null && output !== undefined) output.removeListener('resize', onresize);
  }
  function onerror(err) { self.emit('error', err); }

  this[kDecoder] = new StringDecoder('utf8');
  input.on('error', onerror);
  if (!this.terminal) {
    input.on('data', ondata);
    input.on('end', onend);
    self.once('close', onSelfCloseWithoutTerminal);
  } else {
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this._setRawMode(true);
    this.terminal = true;
    if (output !== null && output !== undefined) output.on('resize', onresize);
    self.once('close', onSelfCloseWithTerminal);
  }

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  this.completer = completer;
  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

// The word ending at the end of text (with the blanks after it): a run of word
// characters or a run of punctuation. Matched on the reversed text, as an
// anchored match at the end would scan quadratically.
function wordBefore(text) {
  const reversed = Array.from(text).reverse().join('');
  return /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed)[0];
}

class Interface extends InterfaceConstructor {
  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) { this._prompt = prompt; }
  getPrompt() { return this._prompt; }

  _setRawMode(mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this._prompt);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this._prompt;
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (options !== null && typeof options === 'object') {
      const { signal } = options;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) return;
        const onAbort = () => { this[kQuestionCancel](); };
        signal.addEventListener('abort', onAbort, { once: true });
        const cleanup = () => signal.removeEventListener('abort', onAbort);
        const original = cb;
        cb = typeof original === 'function' ? (answer) => { cleanup(); return original(answer); } : cleanup;
      }
    }
    if (typeof cb === 'function') this[kQuestion](query, cb);
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
  }

  _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dupIndex = this.history.indexOf(this.line);
        if (dupIndex !== -1) this.history.splice(dupIndex, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  _refreshLine() {
    const line = this._prompt + this.line;
    const dispPos = this._getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    const prevRows = this.prevRows || 0;
    const out = this.output;
    // cursor movements go straight to the output, the text through
    // _writeToOutput (which users override to mask input)
    if (out != null && prevRows > 0) out.write(csiMove(0, -prevRows));
    if (out != null) {
      out.write(csiCursorTo(0));
      out.write(`${CSI}0J`);
    }
    this._writeToOutput(line);
    // a line ending exactly at the margin needs a cell for the cursor
    if (dispPos.cols === 0) this._writeToOutput(' ');
    if (out != null) out.write(csiCursorTo(cursorPos.cols));
    const diff = dispPos.rows - cursorPos.rows;
    if (diff > 0 && out != null) out.write(csiMove(0, -diff));
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(d, key);
    else this._normalWrite(d);
  }

  _normalWrite(b) {
    if (b === undefined) return;
    let string = this[kDecoder].write(b);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    kLineEnding.lastIndex = 0;
    let start = 0;
    let m;
    let found = false;
    while ((m = kLineEnding.exec(string)) !== null) {
      found = true;
      this[kOnLine](string.slice(start, m.index));
      start = kLineEnding.lastIndex;
      if (this.closed) return;
    }
    if (found) {
      // A trailing CR may be the first half of a CRLF split across chunks.
      this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
      const rest = string.slice(start);
      this[kLineBuffer] = rest.length ? rest : null;
    } else if (string) {
      this[kLineBuffer] = string;
    }
  }

  _insertString(c) {
    this._beforeEdit();
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._refreshLine();
    } else {
      const oldPos = this.getCursorPos();
      this.line += c;
      this.cursor += c.length;
      const newPos = this.getCursorPos();
      if (oldPos.rows < newPos.rows) this._refreshLine();
      else this._writeToOutput(c);
    }
  }

  _tabComplete(lastKeypressWasTab) {
    this.pause();
    const done = (err, value) => {
      this.resume();
      if (err) {
        this._writeToOutput(`Tab completion error: ${inspect(err)}`);
        return;
      }
      this._tabCompleter(lastKeypressWasTab, value);
    };
    const line = this.line.slice(0, this.cursor);
    if (this.completer.length === 2) {
      this.completer(line, done);
    } else {
      let r;
      try {
        r = this.completer(line);
      } catch (err) {
        done(err);
        return;
      }
      Promise.resolve(r).then((v) => done(null, v), done);
    }
  }

  _tabCompleter(lastKeypressWasTab, value) {
    const completions = value?.[0];
    const completeOn = value?.[1];
    if (!completions || completions.length === 0) return;
    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this._insertString(prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this._refreshLine();
      return;
    }
    // the list shows on the second tab only
    if (!lastKeypressWasTab) return;
    const widths = completions.map((e) => getStringWidth(e));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    // '' in the list starts a new group, separated by a blank line
    let output = '\r\n';
    let lineIndex = 0;
    let whitespace = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || lineIndex === maxColumns) {
        output += '\r\n';
        lineIndex = 0;
        whitespace = 0;
      } else {
        output += ' '.repeat(whitespace);
      }
      if (completion !== '') {
        output += completion;
        whitespace = width - widths[i];
        lineIndex++;
      } else {
        output += '\r\n';
      }
    }
    if (lineIndex !== 0) output += '\r\n\r\n';
    this._writeToOutput(output);
    this._refreshLine();
  }

  _wordLeft() {
    if (this.cursor > 0) {
      this._moveCursor(-wordBefore(this.line.slice(0, this.cursor)).length);
    }
  }

  _wordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
      this._moveCursor(m ? m[0].length : trailing.length);
    }
  }

  _deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      this._beforeEdit();
      const n = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
      this.cursor -= n;
      this._refreshLine();
    }
  }

  _deleteRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit();
      const n = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
      this._refreshLine();
    }
  }

  _deleteWordLeft() {
    if (this.cursor > 0) {
      this._beforeEdit();
      let leading = this.line.slice(0, this.cursor);
      const word = wordBefore(leading);
      leading = leading.slice(0, leading.length - word.length);
      this._pushToKillRing(word);
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this._refreshLine();
    }
  }

  _deleteWordRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit();
      const trailing = this.line.slice(this.cursor);
      const word = /^(?:\s+|\W+|\w+)\s*/.exec(trailing)[0];
      this._pushToKillRing(word);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(word.length);
      this._refreshLine();
    }
  }

  _deleteLineLeft() {
    this._beforeEdit();
    this._pushToKillRing(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._refreshLine();
  }

  _deleteLineRight() {
    this._beforeEdit();
    this._pushToKillRing(this.line.slice(this.cursor));
    this.line = this.line.slice(0, this.cursor);
    this._refreshLine();
  }

  // Emacs kill ring: deleted words and line parts, newest first; ctrl+y
  // inserts the current one, meta+y right after replaces it with the next.
  _pushToKillRing(text) {
    if (!text || text === this[kKillRing][0]) return;
    this[kKillRing].unshift(text);
    this[kKillRingCursor] = 0;
    while (this[kKillRing].length > kMaxKillRing) this[kKillRing].pop();
  }

  _yank() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this._insertString(this[kKillRing][this[kKillRingCursor]]);
    }
  }

  _yankPop() {
    if (!this[kYanking] || this[kKillRing].length <= 1) return;
    const last = this[kKillRing][this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % this[kKillRing].length;
    const current = this[kKillRing][this[kKillRingCursor]];
    const head = this.line.slice(0, this.cursor - last.length);
    const tail = this.line.slice(this.cursor);
    this.line = head + current + tail;
    this.cursor = head.length + current.length;
    this._refreshLine();
  }

  _beforeEdit() {
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    if (this[kUndoStack].length > kMaxUndoRedo) this[kUndoStack].shift();
  }

  _undo() {
    if (this[kUndoStack].length === 0) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kUndoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  _redo() {
    if (this[kRedoStack].length === 0) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kRedoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  clearLine() {
    this._moveCursor(Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  _line() {
    const line = this._addHistory();
    this.clearLine();
    this[kOnLine](line);
  }

  // Up/down walk the history entries that start with what was typed before
  // the first up/down (the substring search), skipping the current line.
  _historyNext() {
    if (this.historyIndex >= 0) {
      this._beforeEdit();
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex - 1;
      while (index >= 0 &&
             (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index--;
      }
      this.line = index === -1 ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  _historyPrev() {
    if (this.historyIndex < this.history.length && this.history.length) {
      this._beforeEdit();
      const search = this[kSubstringSearch] || '';
      let index = this.historyIndex + 1;
      while (index < this.history.length &&
             (!this.history[index].startsWith(search) || this.line === this.history[index])) {
        index++;
      }
      this.line = index === this.history.length ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  getCursorPos() {
    return this._getDisplayPos(this._prompt + this.line.slice(0, this.cursor));
  }

  // Row/column where str ends on a terminal this.columns wide: tabs stop at
  // tabSize, wide (CJK) characters take two cells and never straddle a line.
  _getDisplayPos(str) {
    const col = this.columns;
    let offset = 0;
    let rows = 0;
    for (const char of stripVTControlCharacters(str)) {
      if (char === '\n') {
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      const diff = newPos.cols - oldPos.cols;
      if (diff !== 0 && this.output != null) this.output.write(csiMove(diff, 0));
    } else {
      this._refreshLine();
    }
  }

  _ttyWriteDumb(s, key) {
    key = key || {};
    if (key.name === 'escape') return;
    if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
    if (key.ctrl && key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    }
    switch (key.name) {
      case 'return':
        this[kSawReturnAt] = Date.now();
        this._line();
        break;
      case 'enter':
        if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) this._line();
        this[kSawReturnAt] = 0;
        break;
      default:
        if (typeof s === 'string' && s) {
          this.line += s;
          this.cursor += s.length;
          this._writeToOutput(s);
        }
    }
  }

  _ttyWrite(s, key) {
    if (process.env.TERM === 'dumb') return this._ttyWriteDumb(s, key);
    const previousKey = this[kPreviousKey];
    key = key || {};
    this[kPreviousKey] = key;
    if (key.sequence === '\x1f') {
      this._undo();
      return;
    }
    if (key.sequence === '\x1e') {
      this._redo();
      return;
    }
    if (!key.meta || key.name !== 'y') this[kYanking] = false;
    if (key.name === 'escape') return;
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null) this[kSubstringSearch] = this.line.slice(0, this.cursor);
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      // past the last entry (no match) goes back to the edited line
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }
    if (key.name !== 'enter' && key.name !== 'return') this[kSawReturnAt] = 0;

    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this._deleteLineLeft();
      else if (key.name === 'delete') this._deleteLineRight();
    } else if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          break;
        case 'h': this._deleteLeft(); break;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this._deleteRight();
          break;
        case 'u': this._deleteLineLeft(); break;
        case 'k': this._deleteLineRight(); break;
        case 'a': this._moveCursor(-Infinity); break;
        case 'e': this._moveCursor(Infinity); break;
        case 'b': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
        case 'f': this._moveCursor(charLengthAt(this.line, this.cursor)); break;
        case 'l':
          this._writeToOutput(csiCursorTo(0, 0) + `${CSI}0J`);
          this._refreshLine();
          break;
        case 'y': this._yank(); break;
        case 'n': this._historyNext(); break;
        case 'p': this._historyPrev(); break;
        case 'z':
          if (process.platform === 'win32') break;
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          break;
        case 'w':
        case 'backspace': this._deleteWordLeft(); break;
        case 'delete': this._deleteWordRight(); break;
        case 'left': this._wordLeft(); break;
        case 'right': this._wordRight(); break;
        default: break;
      }
    } else if (key.meta) {
      switch (key.name) {
        case 'b': this._wordLeft(); break;
        case 'f': this._wordRight(); break;
        case 'y': this._yankPop(); break;
        case 'd':
        case 'delete': this._deleteWordRight(); break;
        case 'backspace': this._deleteWordLeft(); break;
        default: break;
      }
    } else {
      switch (key.name) {
        case 'return':
          this[kSawReturnAt] = Date.now();
          this._line();
          break;
        case 'enter':
          if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
            this._line();
          }
          this[kSawReturnAt] = 0;
          break;
        case 'backspace': this._deleteLeft(); break;
        case 'delete': this._deleteRight(); break;
        case 'left': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
        case 'right': this._moveCursor(charLengthAt(this.line, this.cursor)); break;
        case 'home': this._moveCursor(-Infinity); break;
        case 'end': this._moveCursor(Infinity); break;
        case 'up': this._historyPrev(); break;
        case 'down': this._historyNext(); break;
        case 'tab':
          if (typeof this.completer === 'function' && this.isCompletionEnabled !== false) {
            this._tabComplete(previousKey?.name === 'tab');
            break;
          }
        // Falls through.
        default:
          if (typeof s === 'string' && s) {
            const lines = s.split(/\r\n|\n|\r/);
            for (let i = 0; i < lines.length; i++) {
              if (i > 0) this._line();
              if (lines[i]) this._insertString(lines[i]);
            }
          }
      }
    }
  }

  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      this[kLineObjectStream] = EventEmitter.on(this, 'line', {
        close: ['close'],
        highWaterMark: 1024,
        [kFirstEventParam]: true,
      });
    }
    return this[kLineObjectStream];
  }
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kQuestionCallback,
  kOnLine,
  kLineObjectStream,
  kDecoder,
  kSawReturnAt,
  kMaxCrlfDelay,
  kClearLine,
  validateFunction,
  validateNumber,
};
