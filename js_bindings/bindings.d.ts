// The contract of each internalBinding(name): what JS receives from
// js_bindings/<name>.py (and its shim under polyfills/internal/bindings/).
// One declaration per binding.

declare function internalBinding(name: 'http_parser'): {
  /** Node's parser class; callbacks are installed by index: parser[kOnBody] = fn. */
  HTTPParser: {
    new (): HTTPParser;
    readonly REQUEST: 1;
    readonly RESPONSE: 2;
    readonly kOnMessageBegin: 0;
    readonly kOnHeaders: 1;
    readonly kOnHeadersComplete: 2;
    readonly kOnBody: 3;
    readonly kOnMessageComplete: 4;
    readonly kOnExecute: 5;
    readonly kOnTimeout: 6;
    readonly kLenientNone: 0;
    readonly kLenientHeaders: number;
    readonly kLenientChunkedLength: number;
    readonly kLenientKeepAlive: number;
    readonly kLenientTransferEncoding: number;
    readonly kLenientVersion: number;
    readonly kLenientDataAfterClose: number;
    readonly kLenientOptionalLFAfterCR: number;
    readonly kLenientOptionalCRLFAfterChunk: number;
    readonly kLenientOptionalCRBeforeLF: number;
    readonly kLenientSpacesAfterChunkSize: number;
    readonly kLenientAll: number;
  };
  ConnectionsList: { new (): ConnectionsList };
  /** llhttp's HTTP methods in declaration order; kOnHeadersComplete's method is llhttp's number. */
  methods: string[];
  /** Every llhttp method (HTTP, PRI, RTSP), indexed by llhttp's number. */
  allMethods: string[];
};

interface HTTPParser {
  [index: number]: Function | null | undefined;
  initialize(type: 1 | 2, resource: object, maxHeaderSize?: number, lenientFlags?: number,
             connections?: ConnectionsList | null): void;
  /** Bytes consumed (fewer than given on Upgrade/CONNECT), or Error('Parse Error') with
   * code (HPE_*), reason and bytesParsed.  A callback's throw is rethrown as is. */
  execute(data: Uint8Array): number | Error & { code: string; reason: string; bytesParsed: number };
  /** End of input: undefined, or a parse error (HPE_INVALID_EOF_STATE ...). */
  finish(): undefined | Error;
  pause(): void;
  resume(): void;
  /** Fast path on a real TCP handle; currently a no-op (execute() is used). */
  consume(handle: object): void;
  unconsume(): void;
  getCurrentBuffer(): Uint8Array;
  remove(): void;
  free(): void;
  close(): void;
  duration(): number;
  headersCompleted(): boolean;
}

interface ConnectionsList {
  all(): HTTPParser[];
  idle(): HTTPParser[];
  active(): HTTPParser[];
  expired(headersTimeout: number, requestTimeout: number): HTTPParser[];
}

// ---------------------------------------------------------------------------
// Sockets (js_bindings/stream_wrap.py, tcp_wrap.py, pipe_wrap.py; JS classes in
// polyfills/internal/bindings/stream_handles.js).  Sync calls return 0 or a
// negative libuv errno (internalBinding('uv')); they never throw.
// ---------------------------------------------------------------------------

/** A write or shutdown request; JS sets the fields it needs (handle, callback ...). */
interface StreamReq {
  /** Write: (status, handle, error?), this = req.  Shutdown: (status), this = req.
   * Pending requests of a closed handle complete with UV_ECANCELED. */
  oncomplete?: (status: number, handle?: LibuvStreamWrap, error?: string) => void;
  [key: string]: any;
}

interface LibuvStreamWrap {
  /** Reads: handle.onread(nread, arrayBuffer) with this = handle.  Simplified from
   * Node's onStreamRead(arrayBuffer) + streamBaseState[kReadBytesOrError]:
   * nread > 0 with an ArrayBuffer of exactly nread bytes; nread < 0 is an errno
   * (UV_EOF = -4095 at end of stream) with buffer null.  Reading stops after EOF or an error. */
  onread: ((nread: number, buffer: ArrayBuffer | null) => any) | null;
  reading: boolean;
  readStart(): number;
  readStop(): number;
  /** 0, or an errno.  Sets streamBaseState[kBytesWritten] and [kLastWriteWasAsync];
   * only an async write (kLastWriteWasAsync = 1) calls req.oncomplete later. */
  writeBuffer(req: StreamReq, data: Uint8Array): number;
  writeUtf8String(req: StreamReq, s: string): number;
  writeLatin1String(req: StreamReq, s: string): number;
  writeAsciiString(req: StreamReq, s: string): number;
  writeUcs2String(req: StreamReq, s: string): number;
  /** chunks: buffers (allBuffers) or [chunk, encoding, chunk, encoding ...]. */
  writev(req: StreamReq, chunks: any[], allBuffers: boolean): number;
  /** Half-close after queued writes; req.oncomplete(status). */
  shutdown(req: StreamReq): number;
  /** Idempotent; cb runs in the close phase with this = handle. */
  close(cb?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
  getAsyncId(): number;
  readonly fd: number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  /** Bytes accepted by write*() but not yet taken by the kernel. */
  readonly writeQueueSize: number;
  readonly isStreamBase: true;
  /** Server: onconnection(status, clientHandle | undefined), this = server handle. */
  onconnection: ((status: number, client?: LibuvStreamWrap) => void) | null;
  listen(backlog: number): number;
  open(fd: number): number;
}

interface TCPHandle extends LibuvStreamWrap {
  /** EADDRINUSE is deferred to listen()/connect(), as libuv does. */
  bind(address: string, port: number, flags?: number): number;
  bind6(address: string, port: number, flags: number /* UV_TCP_IPV6ONLY */): number;
  /** req.oncomplete(status, handle, req, readable, writable), this = req. */
  connect(req: object, address: string, port: number): number;
  connect6(req: object, address: string, port: number): number;
  /** Fills out {address, family: 'IPv4' | 'IPv6', port}. */
  getsockname(out: object): number;
  getpeername(out: object): number;
  setNoDelay(enable: boolean): number;
  setKeepAlive(enable: boolean, delaySeconds: number): number;
  /** Close with an RST (SO_LINGER 0). */
  reset(cb?: () => void): number;
}

interface PipeHandle extends LibuvStreamWrap {
  /** A Unix socket path (a leading NUL: Linux abstract namespace); close() unlinks it. */
  bind(name: string): number;
  connect(req: object, name: string): number;
  fchmod(mode: number /* UV_READABLE | UV_WRITABLE */): number;
}

declare function internalBinding(name: 'stream_wrap'): {
  LibuvStreamWrap: Function;
  WriteWrap: { new (): StreamReq };
  ShutdownWrap: { new (): StreamReq };
  /** Int32Array; writes set kBytesWritten and kLastWriteWasAsync. */
  streamBaseState: Int32Array;
  kReadBytesOrError: 0;
  kArrayBufferOffset: 1;
  kBytesWritten: 2;
  kLastWriteWasAsync: 3;
};

declare function internalBinding(name: 'tcp_wrap'): {
  TCP: { new (type: 0 | 1): TCPHandle };
  TCPConnectWrap: { new (): object };
  constants: { SOCKET: 0; SERVER: 1; UV_TCP_IPV6ONLY: 1 };
};

declare function internalBinding(name: 'pipe_wrap'): {
  Pipe: { new (type: 0 | 1 | 2): PipeHandle };
  PipeConnectWrap: { new (): object };
  constants: { SOCKET: 0; SERVER: 1; IPC: 2; UV_READABLE: 1; UV_WRITABLE: 2 };
};

// js_bindings/js_stream.py (class in polyfills/internal/bindings/js_stream.js).
// A stream handle whose I/O is done in JS by its owner (internal/js_stream_socket):
// readStart/readStop/shutdown/write* call the owner's onreadstart/onreadstop/
// onshutdown(req)/onwrite(req, buffers); the owner reports back with
// readBuffer(chunk), emitEOF(), finishWrite(req, status), finishShutdown(req, status).
declare function internalBinding(name: 'js_stream'): {
  JSStream: { new (): LibuvStreamWrap & {
    onreadstart: (() => number) | null;
    onreadstop: (() => number) | null;
    onshutdown: ((req: StreamReq) => number) | null;
    onwrite: ((req: StreamReq, buffers: Uint8Array[]) => number) | null;
    isClosing: (() => boolean) | null;
    readBuffer(chunk: Uint8Array): void;
    emitEOF(): void;
    finishWrite(req: StreamReq, status: number): void;
    finishShutdown(req: StreamReq, status: number): void;
    /** An opaque external value (util.types.isExternal). */
    readonly _externalStream: object;
  } };
  /** Set on a closed JSStream: a later shutdown completes with UV_ECANCELED. */
  kClosed: symbol;
};

// js_bindings/tty_wrap.py.  A TTY handle is a stream over a terminal (or, as
// uv_tty_init allows, a pipe or socket) fd.  Terminal writes block, as Node's
// after setBlocking(true); the fd itself is never closed when it is 0-2.
interface TTYHandle extends LibuvStreamWrap {
  /** Fills out[0] = columns, out[1] = rows; 0 or an errno (ENOTTY on a pipe). */
  getWindowSize(out: number[]): number;
  /** libuv's raw mode (no echo, no line editing, no signals) or back to the mode
   * saved at the first switch, which is also restored at exit.  0 or an errno. */
  setRawMode(flag: boolean): number;
}

declare function internalBinding(name: 'tty_wrap'): {
  /** A file or an unusable fd: ctx gets {errno, code, message, syscall: 'uv_tty_init'}
   * (errno UV_EINVAL) and the handle must not be used. */
  TTY: { new (fd: number, ctx: object): TTYHandle };
  /** Whether fd is a terminal. */
  isTTY(fd: number): boolean;
};

// UDP (js_bindings/udp_wrap.py; JS classes in polyfills/internal/bindings/udp_wrap.js).
// Sync calls return 0 or a negative libuv errno; they never throw.  The socket
// exists from bind (or libuv's deferred bind: send/connect/addMembership on an
// unbound handle bind the wildcard address, port 0); before that, options and
// names fail with EBADF.
declare function internalBinding(name: 'udp_wrap'): {
  UDP: { new (): UDPHandle };
  /** JS sets list, address, port, callback and oncomplete(status, bytes), this = req. */
  SendWrap: { new (): object };
  constants: { UV_UDP_IPV6ONLY: 1; UV_UDP_REUSEADDR: 4 };
};

interface UDPHandle {
  /** Datagrams: (nread, handle, buffer, rinfo {address, family: 'IPv4' | 'IPv6', port}),
   * this = handle; nread < 0 is a receive error (buffer and rinfo undefined). */
  onmessage: ((nread: number, handle: UDPHandle, buf?: Uint8Array, rinfo?: object) => any) | null;
  /** IP literals only (EINVAL otherwise); flags UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR. */
  bind(address: string, port: number, flags: number): number;
  bind6(address: string, port: number, flags: number): number;
  open(fd: number): number;
  connect(address: string, port: number): number;
  connect6(address: string, port: number): number;
  /** ENOTCONN when not connected. */
  disconnect(): number;
  /** bytes + 1: sent synchronously (no oncomplete); 0: queued, req.oncomplete(status, bytes)
   * follows when hasCallback; < 0: errno.  The 4-argument form sends on a connected handle. */
  send(req: object, list: Uint8Array[], count: number, port: number, address: string,
       hasCallback: boolean): number;
  send(req: object, list: Uint8Array[], count: number, hasCallback: boolean): number;
  send6(req: object, list: Uint8Array[], count: number, port: number, address: string,
        hasCallback: boolean): number;
  recvStart(): number;
  recvStop(): number;
  /** Fills out {address, family, port}. */
  getsockname(out: object): number;
  getpeername(out: object): number;
  setBroadcast(on: boolean | number): number;
  /** 1..255, else EINVAL. */
  setTTL(ttl: number): number;
  /** 0..255, else EINVAL. */
  setMulticastTTL(ttl: number): number;
  setMulticastLoopback(on: number): number;
  setMulticastInterface(iface: string): number;
  addMembership(group: string, iface?: string | null): number;
  dropMembership(group: string, iface?: string | null): number;
  addSourceSpecificMembership(source: string, group: string, iface?: string | null): number;
  dropSourceSpecificMembership(source: string, group: string, iface?: string | null): number;
  /** size 0 reads SO_RCVBUF/SO_SNDBUF; otherwise sets it and returns size.  On failure
   * ctx gets {errno, code, message, syscall: 'uv_recv_buffer_size' | 'uv_send_buffer_size'}
   * and the result is undefined. */
  bufferSize(size: number, recv: boolean, ctx: object): number | undefined;
  /** Bytes / datagrams waiting for the kernel. */
  getSendQueueSize(): number;
  getSendQueueCount(): number;
  /** Idempotent; queued sends complete with UV_ECANCELED; cb runs in the close phase. */
  close(cb?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
  getAsyncId(): number;
  readonly fd: number;
}

/** libuv's errors: numbers are -errno on Linux; EAI_* and EOF (-4095) are libuv's own. */
declare function internalBinding(name: 'uv'): {
  errname(err: number): string;
  /** errno -> [code, message], e.g. -98 -> ['EADDRINUSE', 'address already in use']. */
  getErrorMap(): Map<number, [string, string]>;
  [UV_NAME: string]: any;
};

declare function internalBinding(name: 'cares_wrap'): {
  GetAddrInfoReqWrap: { new (): object };
  GetNameInfoReqWrap: { new (): object };
  QueryReqWrap: { new (): object };
  /** c-ares' channel: new ChannelWrap(timeout ms | -1, tries).  query*(req, name) and
   * getHostByAddr(req, ip) return 0 (or a negative errno) and complete with
   * req.oncomplete(code: 0 | 'ENOTFOUND' | 'ETIMEOUT' | ..., result, ttls?);
   * cancel() ends pending queries with 'ECANCELLED'; getServers(): [ip, port][];
   * setServers([family, ip, port][]): 0 | -1000 (queries pending); setLocalAddress(v4?, v6?). */
  ChannelWrap: Function;
  /** getaddrinfo(3) on a worker thread; req.oncomplete(status, addresses: string[]),
   * status a libuv errno (UV_EAI_NONAME ...).  order: DNS_ORDER_*. */
  getaddrinfo(req: object, hostname: string, family: 0 | 4 | 6, hints: number, order: number): number;
  /** req.oncomplete(status, hostname, service). */
  getnameinfo(req: object, address: string, port: number): number;
  strerror(code: number): string;
  AI_ADDRCONFIG: number;
  AI_ALL: number;
  AI_V4MAPPED: number;
  DNS_ORDER_VERBATIM: 0;
  DNS_ORDER_IPV4_FIRST: 1;
  DNS_ORDER_IPV6_FIRST: 2;
};

/** A stat array: dev mode nlink uid gid rdev blksize ino size blocks atimeMs mtimeMs ctimeMs birthtimeMs. */
type StatArray = number[];
/** Every call returns its result or a negative errno (JS throws Node's uvException). */
declare function internalBinding(name: 'fs'): {
  internalModuleStat(path: string): 0 | 1 | -2;
  /** [] when unreadable, else [JSON text of the name/main/exports/imports/type fields ('' for an empty file; the raw text when it is no JSON), whether any is present]. */
  internalModuleReadJSON(path: string): [] | [string, boolean];
  readFileUtf8(path: string): string | number;
  readFile(path: string): ArrayBuffer | number;
  /** Writes all of the text as UTF-8 (lone surrogates as U+FFFD) at the descriptor's position. */
  writeFileUtf8(fd: number, data: string): 0 | number;
  realpath(path: string): string | number;
  stat(path: string, followSymlinks: boolean): StatArray | number;
  fstat(fd: number): StatArray | number;
  statfs(path: string): number[] | number;
  /** Names in libuv's (byte) order: UTF-8 text for encoding 'utf8', else raw bytes; with
   * withTypes [names, UV_DIRENT_* types]. With req (Node's FSReqCallback shape) it returns at
   * once and calls req.oncomplete(-errno) or req.oncomplete(null, result) as an fs request.
   * Paths given as bytes that are not UTF-8 are used as raw file names (here and in every call). */
  readdir(path: string | Uint8Array, encoding?: string, withTypes?: boolean,
          req?: { oncomplete(err: number | null, result?: unknown): void }): (string | ArrayBuffer)[] | [(string | ArrayBuffer)[], number[]] | number | undefined;
  open(path: string, flags: number, mode: number): number;
  close(fd: number): number;
  /** position -1: the current file position. */
  read(fd: number, length: number, position: number): ArrayBuffer | number;
  write(fd: number, data: ArrayBufferView, position: number): number;
  access(path: string, mode: number): number;
  mkdir(path: string, mode: number): number;
  /** The first folder created (undefined/null when all existed) or -errno. */
  mkdirp(path: string, mode: number): string | null | number;
  mkdtemp(prefix: string): string | number;
  rmdir(path: string): number;
  unlink(path: string): number;
  rename(from: string, to: string): number;
  rmrf(path: string): number;
  symlink(target: string, path: string): number;
  link(existing: string, path: string): number;
  readlink(path: string): string | number;
  chmod(path: string, mode: number): number;
  fchmod(fd: number, mode: number): number;
  chown(path: string, uid: number, gid: number): number;
  lchown(path: string, uid: number, gid: number): number;
  fchown(fd: number, uid: number, gid: number): number;
  truncate(path: string, len: number): number;
  ftruncate(fd: number, len: number): number;
  /** Seconds since the epoch. */
  utimes(path: string, atime: number, mtime: number): number;
  lutimes(path: string, atime: number, mtime: number): number;
  futimes(fd: number, atime: number, mtime: number): number;
  copyFile(src: string, dest: string, mode: number): number;
  fsync(fd: number): number;
  fdatasync(fd: number): number;
  /** An fs request: fn runs through MakeCallback in the poll phase of the next loop iteration (counted in active_reqs). */
  defer(fn: () => void): void;
};

// ---------------------------------------------------------------------------
// Child processes (js_bindings/process_wrap.py, spawn_sync.py; JS faces in
// polyfills/internal/bindings/process_wrap.js and spawn_sync.js).
// ---------------------------------------------------------------------------

/** One child fd, as ChildProcess/getValidStdio build it. */
type StdioEntry =
  | { type: 'pipe' | 'overlapped'; handle?: PipeHandle; readable?: boolean; writable?: boolean;
      ipc?: boolean; input?: ArrayBufferView }
  | { type: 'ignore' }
  | { type: 'inherit' | 'fd'; fd: number }
  | { type: 'wrap'; handle: LibuvStreamWrap };

interface SpawnOptions {
  file: string;
  /** args[0] is argv0. */
  args: string[];
  cwd?: string | null;
  /** 'KEY=value' strings; the child's whole environment. */
  envPairs: string[];
  stdio: StdioEntry[];
  detached?: boolean;
  uid?: number;
  gid?: number;
  windowsHide?: boolean;
  windowsVerbatimArguments?: boolean;
}

interface ProcessHandle {
  /** 0, or a negative errno (UV_ENOENT, UV_EACCES ... as uv_spawn).  A 'pipe'
   * entry's Pipe handle is connected to the child (a Unix socketpair). */
  spawn(options: SpawnOptions): number;
  /** Set after a successful spawn. */
  pid?: number;
  /** Called once when the child ended: (exit status, signal name or ''), this = handle. */
  onexit: ((exitStatus: number, signalCode: string) => void) | null;
  /** uv_process_kill: 0 or a negative errno (UV_ESRCH once the child was reaped). */
  kill(signal: number): number;
  close(cb?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}

declare function internalBinding(name: 'process_wrap'): {
  Process: { new (): ProcessHandle };
  /** Not Node's (non-enumerable), for internal/child_process: handle passing
   * over an IPC Pipe.  takeHandle: the next descriptor received with the last
   * read, [fd, 'TCP' | 'PIPE' | 'UDP'] or null.  writeWithHandle: a write whose first
   * byte carries other's fd (SCM_RIGHTS); result as a stream write
   * (bytes * 2 + 1 if queued, or a negative errno). */
  _ipc: {
    takeHandle(channel: PipeHandle): [number, 'TCP' | 'PIPE' | 'UDP'] | null;
    writeWithHandle(channel: PipeHandle, req: StreamReq, data: string | Uint8Array,
                    other: LibuvStreamWrap): number;
  };
};

/** fs.watch: Node's FSEvent handle over Linux inotify (js_bindings/fs_event_wrap.py). */
interface FSEventHandle {
  /** 0 or a negative errno (ENOENT ...).  encoding 'buffer' delivers names as
   * ArrayBuffers, any other as strings (internal/fs/watchers re-encodes). */
  start(path: string, persistent: boolean, recursive: boolean, encoding: string): number;
  /** onchange(status, eventType 'rename' | 'change', filename): filename is
   * the entry inside a watched directory (relative to the root for a
   * recursive watch) or the watched file's basename. */
  onchange: ((status: number, eventType: string, filename: string | ArrayBuffer | null) => void) | null;
  readonly initialized: boolean;
  close(cb?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}

declare function internalBinding(name: 'fs_event_wrap'): {
  FSEvent: { new (): FSEventHandle };
};

declare function internalBinding(name: 'spawn_sync'): {
  /** Runs the child to completion.  error: a negative errno (ENOENT when it
   * could not start: then status, signal and output are null and pid 0;
   * ETIMEDOUT after timeout ms, ENOBUFS past maxBuffer bytes of output, the
   * child then killed with killSignal).  output[i]: what the child wrote to
   * pipe i (null for stdin and non-pipes). */
  spawn(options: SpawnOptions & { timeout?: number; maxBuffer?: number; killSignal?: number }): {
    error?: number;
    status: number | null;
    signal: string | null;
    output: Array<Buffer | null> | null;
    pid: number;
  };
};

// --- Runtime foundation ------------------------------------------------------

/** Builtin module sources and compilation with real file names. */
declare function internalBinding(name: 'builtins'): {
  builtinIds: string[];
  getSource(id: string): string | null;
  /** A function with `params`, or [name, message, location] for a syntax error. */
  compileFunction(source: string, filename: string, params: string): Function | [string, string, string];
  /** Run a classic script; [true, completion] or [false, message] (the thrown value is stashed by JS). */
  evalScript(source: string, filename: string): [boolean, unknown];
  /** Evaluate an ES module: its evaluation promise, or [name, message, location] on a compile/link error. */
  evalModule(source: string, filename: string): Promise<unknown> | [string, string, string];
  getSourceLine(filename: string, line: number): string | null;
  npmRoot: string;
  [name: string]: unknown;
};

/** node:vm's contexts: further QuickJS contexts of the same runtime (js_bindings/contextify.py). */
declare function internalBinding(name: 'contextify'): {
  /** A new context: [id, its global object]. */
  makeContext(): [number, object];
  releaseContext(id: number): 0;
  /** Run a classic script in a context (0: the main one), strict when asked; [true, completion] or
   * [false, message, stop] (the thrown value is stashed by JS; stop: 'timeout' when `timeout` ms
   * passed, 'sigint' when SIGINT arrived with breakOnSigint, the script being interrupted; else
   * false).  `bytecode`: from checkCache, run instead of compiling. */
  evalInContext(id: number, source: string, filename: string, strict?: boolean, timeout?: number,
                bytecode?: ArrayBuffer, breakOnSigint?: boolean): [boolean, unknown, (false | 'timeout' | 'sigint')?, string?];
  /** Compile without running: null, or [name, message, location] for a syntax error. */
  compileCheck(source: string, filename: string): null | [string, string, string];
  /** vm cached data for a script (QuickJS bytecode with a digest), or null if it does not compile. */
  makeCache(source: string, filename: string, strict?: boolean): ArrayBuffer | null;
  /** The bytecode in `data` if it was made by makeCache for this very script, else null. */
  checkCache(data: ArrayBufferView, source: string, filename: string, strict?: boolean): ArrayBuffer | null;
  /** SIGINT watchdogs (nested): while one is started SIGINT only marks the latest. */
  startSigintWatchdog(): 0;
  /** Stops the latest watchdog: whether a SIGINT reached it. */
  stopSigintWatchdog(): boolean;
  watchdogHasPendingSigint(): boolean;
};

/** The one native deadline and the immediate flags of the loop (runtime/loop.py). */
declare function internalBinding(name: 'timers'): {
  scheduleTimer(ms: number): void;
  toggleTimerRef(ref: boolean): void;
  toggleImmediatePending(pending: boolean): void;
  toggleImmediateRef(ref: boolean): void;
  /** Updates the cached loop time, then returns it (ms). */
  getLibuvNow(): number;
};

declare function internalBinding(name: 'process_methods'): {
  /** Ends the process: runs no more JS (unwinds with an uncatchable error). */
  reallyExit(code: number): never;
  /** The linked OpenSSL's version ("3.0.19"). */
  opensslVersion(): string;
  /** SIGABRT (exit 134 in a hosted runtime). */
  abort(): never;
  exitRequested(): boolean;
  writeSync(fd: number, data: string | ArrayBufferView): number;
  cwd(): string;
  chdir(path: string): 0 | number;
  umask(mask?: number): number;
  hrtimeNs(): number;
  uptime(): number;
  /** [rss, heapTotal, heapUsed, external, arrayBuffers] */
  memoryUsage(): number[];
  /** [user, system] in microseconds */
  cpuUsage(): number[];
  kill(pid: number, signal: number): 0 | number;
  isatty(fd: number): boolean;
  pid: number; ppid: number; execPath: string; argv: string[]; execArgv: string[];
  env: Record<string, string>; platform: string; arch: string; signals: Record<string, number>;
  getuid(): number; geteuid(): number; getgid(): number; getegid(): number;
  /** setuid/seteuid/setgid/setegid by id or name: 0, 1 (no such user/group) or a negative errno. */
  setCredential(which: string, id: number | string): number;
  /** 0, the 1-based index of an unknown group, or a negative errno. */
  setgroups(groups: (number | string)[]): number;
  /** 0, 1 (unknown user), 2 (unknown group) or a negative errno. */
  initgroups(user: number | string, extraGroup: number | string): number;
  strerror(errno: number): string;
  /** The cgroup limit, or 2**64-1 when unconstrained (libuv's value). */
  constrainedMemory(): number;
  availableMemory(): number;
  /** process.env.TZ was set (a string) or deleted (null). */
  setTimezone(value: string | null): void;
  /** process.env is the store shared with workers (SHARE_ENV). */
  envShared(): boolean;
  /** Makes process.env (flat [key, value...] pairs) the shared store, unless it is. */
  shareEnv(pairs: string[]): true;
  /** The shared store's variables, flat [key, value...]. */
  envItems(): string[];
  /** Sets (or deletes, value null) a variable of the shared store. */
  envSet(key: string, value: string | null): void;
  /** The JS objects of open, ref'd handles, and their Node type names. */
  activeHandles(): object[];
  activeHandleNames(): string[];
  [name: string]: unknown;
};

declare function internalBinding(name: 'util'): {
  /** Drains the engine's promise job queue. */
  runMicrotasks(): void;
  hasPendingMicrotasks(): boolean;
  sleep(ms: number): void;
  /** Node's private symbols by their C++ names (arrow_message_private_symbol ...):
   * properties keyed by them are invisible to every kind of reflection. */
  privateSymbols: Record<string, symbol>;
  /** A host object made by a binding (an opaque native value, V8's External). */
  isExternal(value: object): boolean;
  /** A number identifying an external value, for util.inspect's [External: hex]. */
  getExternalValue(value: object): number;
  [name: string]: unknown;
};

declare function internalBinding(name: 'constants'): {
  os: { errno: Record<string, number>; signals: Record<string, number> };
  fs: Record<string, number>;
  errmessages: Record<string, string>;
  [name: string]: unknown;
};

declare function internalBinding(name: 'os'): {
  hostname(): string;
  uname(): [string, string, string, string];
  loadavg(): [number, number, number];
  meminfo(): [number, number];
  uptime(): number;
  [name: string]: unknown;
};

/** Codecs for Buffer/TextEncoder/TextDecoder, done in Python rather than per-byte JS. */
declare function internalBinding(name: 'buffer'): {
  encode(text: string, encoding: string): ArrayBuffer;
  encodeLimit(text: string, encoding: string, limit: number): ArrayBuffer;
  decode(bytes: ArrayBufferView, encoding: string, start: number, end: number): string;
  byteLengthUtf8(text: string): number;
  indexOf(haystack: ArrayBufferView, needle: ArrayBufferView, byteOffset: number, dir: boolean): number;
  compare(a: ArrayBufferView, b: ArrayBufferView): number;
  isUtf8(bytes: ArrayBufferView): boolean;
  isAscii(bytes: ArrayBufferView): boolean;
  textDecode(bytes: ArrayBufferView, encoding: string, fatal: boolean): string | null;
  textDecodeLegacy(bytes: ArrayBufferView, encoding: string, fatal: boolean, stream: boolean): [string, number] | null;
  swap(bytes: ArrayBufferView, size: number): void;
  [name: string]: unknown;
};

/** RFC 6455 framing for the WebSocket client, on wsproto (the only module importing it). */
declare function internalBinding(name: 'websocket'): {
  /** [Sec-WebSocket-Key, the Sec-WebSocket-Accept it asks for]. */
  newKey(): [string, string];
  acceptFor(key: string): string;
  /** The Sec-WebSocket-Extensions offer (permessage-deflate). */
  offer(): string;
  /** A framer for an upgraded connection; null if the server's extensions were not offered. */
  newFramer(extensions: string | null): Framer | null;
  /** [bytes to write back or null, ...[kind, payload] or [kClose|kFail, code, reason]]. */
  receive(framer: Framer, data: ArrayBufferView): [ArrayBuffer | null, ...Array<[number, string | ArrayBuffer] | [number, number, string]>];
  /** A masked frame, or null when the connection is no longer open. */
  send(framer: Framer, data: string | ArrayBufferView | ArrayBuffer, text: boolean): ArrayBuffer | null;
  close(framer: Framer, code: number | null, reason: string): ArrayBuffer | null;
  kText: 1; kBinary: 2; kPing: 3; kPong: 4; kClose: 5; kFail: 6;
};

interface Framer {}

/** IDNA for the URL parser (js_bindings/url.py); internal/url attaches canParse. */
declare function internalBinding(name: 'url'): {
  toASCII(domain: string, beStrict?: boolean): string | null;
  canParse?: (input: string, base?: string) => boolean;
  [name: string]: unknown;
};

/** net.BlockList / net.SocketAddress handles (pure JS: polyfills/internal/bindings/block_list.js). */
declare function internalBinding(name: 'block_list'): {
  AF_INET: 2;
  AF_INET6: 10;
  SocketAddress: { new (address: string, port: number, family: 2 | 10, flowlabel: number): object };
  BlockList: { new (): object };
  [name: string]: unknown;
};

/** node:v8's heap figures from QuickJS's memory accounting (js_bindings/v8.py). */
declare function internalBinding(name: 'v8'): {
  engineVersion: string;
  heapStatistics(): Record<string, number>;
  /** [name, size, used, available, physical] per QuickJS allocation category. */
  heapSpaceStatistics(): [string, number, number, number, number][];
  heapCodeStatistics(): Record<string, number>;
  [name: string]: unknown;
};

/** Entangled message ports and broadcast channels (MessagePort): ports by
 * number, messages as [V8 wire payload, transferred ArrayBuffers, port numbers];
 * a peer may live in another thread's process (worker_threads). */
declare function internalBinding(name: 'messaging'): {
  /** The callbacks every port of this thread reports through. */
  setup(onMessage: (id: number, payload: ArrayBuffer, buffers: ArrayBuffer[], ports: number[]) => void,
        onClose: (id: number) => void): void;
  createChannel(): [number, number];
  createBroadcast(name: string): number;
  /** 1 if queued for the peer, 0 if it has none (closed or detached). */
  post(id: number, payload: ArrayBufferView, buffers: ArrayBuffer[], ports: number[]): 0 | 1;
  /** The next queued message now, or null. */
  receive(id: number): [ArrayBuffer, ArrayBuffer[], number[]] | null;
  start(id: number): 0;
  stop(id: number): 0;
  close(id: number): 0;
  ref(id: number): 0;
  unref(id: number): 0;
  hasRef(id: number): boolean;
  /** The peer's number when it lives in this thread, else 0. */
  peerOf(id: number): number;
  /** Closed, or its peer closed (observable at once, as in Node). */
  isDetached(id: number): boolean;
  /** Atomics.wait on a SharedArrayBuffer's int32 (or int64 when wide) at byteIndex,
   * releasing the interpreter to other threads; timeoutMs < 0 waits forever. */
  atomicsWait(sab: SharedArrayBuffer, byteIndex: number, expected: string, timeoutMs: number,
              wide: boolean): 'ok' | 'not-equal' | 'timed-out';
  /** Wakes up to count (all when < 0) atomicsWait waiters at byteIndex: how many woke. */
  atomicsNotify(sab: SharedArrayBuffer, byteIndex: number, count: number): number;
  /** This thread receives the messages of postMessageToThread() through onThreadMessage. */
  setupThreadMessages(onThreadMessage: (payload: ArrayBuffer, buffers: ArrayBuffer[], ports: number[]) => void): void;
  /** 1 if queued for thread threadId, 0 if no such thread listens. */
  postToThread(threadId: number, payload: ArrayBufferView, buffers: ArrayBuffer[], ports: number[]): 0 | 1;
};

/** worker_threads.Worker: a NodeProcess on its own thread (js_bindings/worker.py). */
declare function internalBinding(name: 'worker'): {
  isMainThread: boolean;
  threadId: number;
  /** [maxYoungGenerationSizeMb, maxOldGenerationSizeMb, codeRangeSizeMb, stackSizeMb] in a worker. */
  resourceLimits: number[];
  /** Starts the thread: [threadId, parent-side port number, handle, parent-side
   * control port number]. env: flat
   * [key, value...] pairs, or null to share the process's. */
  createWorker(kind: 'file' | 'eval' | 'module', value: string, argv: string[], execArgv: string[],
               env: string[] | null, workerData: [ArrayBufferView, ArrayBuffer[], number[]],
               resourceLimits: number[],
               /** [stdin, stdout, stderr] options (the worker's fd 1/2 always reach onstdio) */
               stdio: [boolean, boolean, boolean], ononline: () => void,
               onexit: (code: number, error: ArrayBuffer | null) => void,
               onstdio: (fd: number, chunk: ArrayBuffer) => void,
               trackUnmanagedFds: boolean): [number, number, {
    terminate(): void; ref(): void; unref(): void; hasRef(): boolean;
  }, number];
  /** The flags a worker cannot take (unknown, or process-wide), from execArgv or NODE_OPTIONS words. */
  invalidExecArgv(args: string[]): string[];
  /** In a worker, once: workerData as a message [payload, buffers, port numbers]. */
  getWorkerData(): [ArrayBuffer, ArrayBuffer[], number[]] | null;
  /** In a worker, once: the number of parentPort's port (0 in the main thread). */
  takeParentPort(): number;
  /** In a worker, once: the number of its control port to the parent (0 in the main thread). */
  takeEnvPort(): number;
  /** In a worker: its parent feeds its process.stdin (Worker option stdin: true). */
  hasStdin: boolean;
  /** In a worker with trackUnmanagedFds: fds from fs.open close when it ends. */
  tracksFds: boolean;
  /** Records an fd fs.open gave (false: it was recorded already). */
  trackFd(fd: number): boolean;
  /** Forgets an fd fs.close closes (false: it was not recorded). */
  untrackFd(fd: number): boolean;
  notifyOnline(): void;
  /** The serialized uncaught error the worker ends with. */
  reportError(payload: ArrayBufferView): void;
  /** What the worker runs: 'file' with a path, or 'eval' with source. */
  kind: string;
  value: string;
};

/** Deflate/inflate (Python's zlib) and Brotli (the brotli package) streams over
 * whole buffers (js_bindings/zlib.py). A write returns [status, out, consumed,
 * more, message, code]: status 0 or zlib's error number; `more` says output
 * stopped at `limit` bytes and the caller must write again. */
type ZlibStream = object;
type ZlibResult = [number, ArrayBuffer, number, boolean, string | null, string | null];
declare function internalBinding(name: 'zlib'): {
  zlibVersion: string;
  ZLIB_VERNUM: number;
  hasBrotli: boolean;
  /** mode: DEFLATE..UNZIP; a negative number when zlib refuses the settings. */
  openZlib(mode: number, windowBits: number, level: number, memLevel: number, strategy: number,
           dictionary: ArrayBufferView | null): ZlibStream | number;
  /** params: the BROTLI_PARAM_* (or BROTLI_DECODER_PARAM_*) values by number, -1 unset. */
  openBrotli(mode: number, params: number[]): ZlibStream | number;
  writeSync(stream: ZlibStream, flush: number, data: ArrayBufferView, limit: number): ZlibResult;
  /** Completes in the poll phase (large inputs are worked on in a worker thread). */
  write(stream: ZlibStream, flush: number, data: ArrayBufferView, limit: number,
        callback: (...result: ZlibResult) => void): 0;
  /** Call after a Z_SYNC_FLUSH: later output uses the new level and strategy. */
  params(stream: ZlibStream, level: number, strategy: number): [number, string | null, string | null];
  reset(stream: ZlibStream): number;
  close(stream: ZlibStream): 0;
  crc32(data: ArrayBufferView | string, value: number): number;
  [name: string]: unknown;
};

/** js_bindings/async_wrap.py (all JS: polyfills/internal/bindings/async_wrap.js).
 * Node's async_wrap state: async_hook_fields counts enabled hooks per kind (the
 * disabled path is one check of a slot), async_id_fields holds the default
 * trigger id; the execution ids, the id stack and the one id counter of every
 * resource are variables behind the functions below. */
declare function internalBinding(name: 'async_wrap'): {
  async_hook_fields: Uint32Array;
  async_id_fields: Float64Array;
  constants: { [name: string]: number };
  Providers: { [provider: string]: number };
  async_id_symbol: symbol;
  trigger_async_id_symbol: symbol;
  /** Base of every handle/request class: new AsyncWrap(provider) takes an id and emits init. */
  AsyncWrap: new (provider: number) => object;
  ReqWrap: new (provider: number) => object;
  /** Give any object an id (and emit init), as AsyncWrap's constructor does. */
  initResource(resource: object, provider: number, triggerAsyncId?: number): number;
  /** The JS functions that call the user's hooks. */
  setupHooks(hooks: { init: Function; before: Function; after: Function; destroy: Function;
                      promise_resolve: Function }): void;
  newAsyncId(): number;
  /** The default trigger id when one is set (defaultTriggerAsyncIdScope), else the execution id. */
  getDefaultTriggerAsyncId(): number;
  executionAsyncId(): number;
  triggerAsyncId(): number;
  pushAsyncContext(asyncId: number, triggerAsyncId: number, resource: object): void;
  /** false: asyncId is not the current execution id (a corrupted stack). */
  popAsyncContext(asyncId: number): boolean;
  /** push/pop with the before/after hooks: what runs around every callback. */
  emitBefore(asyncId: number, triggerAsyncId: number, resource: object): void;
  emitAfter(asyncId: number): void;
  stackLength(): number;
  clearAsyncIdStack(): void;
  /** fn.apply(wrap, args) as a callback of wrap made from JS: its id current, before/after hooks. */
  callAs(wrap: object, fn: Function, args: unknown[]): unknown;
  executionAsyncResource(): object | undefined;
  /** Destroy hooks for asyncId run later, batched, in the loop's check phase. */
  queueDestroyAsyncId(asyncId: number): void;
  hasDestroyQueued(): boolean;
  runDestroyQueue(): void;
  setPromiseHooks(): void;
  registerDestroyHook(): void;
};

declare function internalBinding(name: 'crypto'): {
  /** crypto.constants (OpenSSL 3.0's values). */
  constants: Record<string, number | string>;
  /** A digest context; null for an unknown digest, an OpenSSL error list for a bad XOF length. */
  hashNew(name: string, outputLength: number): object | null | [string, string, string, string];
  hashCopy(state: object, outputLength: number): object | [string, string, string, string];
  hashUpdate(state: object, data: ArrayBufferView): 0;
  hashDigest(state: object): ArrayBuffer;
  hashOneShot(name: string, data: ArrayBufferView): ArrayBuffer | null | [string, string, string, string];
  hashList(): string[];
  /** Output size in bytes, -1 for an unknown digest. */
  digestSize(name: string): number;
  /** null: unknown digest; false: an XOF (no HMAC). */
  hmacNew(name: string, key: ArrayBufferView): object | null | false;
  hmacUpdate(state: object, data: ArrayBufferView): 0;
  hmacDigest(state: object): ArrayBuffer;
  pbkdf2(digest: string, password: ArrayBufferView, salt: ArrayBufferView, iterations: number,
         keylen: number): ArrayBuffer | null | false;
  /** 0: valid, 1: invalid N/r/p, 2: over maxmem. */
  scryptCheck(N: number, r: number, p: number, maxmem: number): 0 | 1 | 2;
  scrypt(password: ArrayBufferView, salt: ArrayBufferView, N: number, r: number, p: number,
         maxmem: number, keylen: number): ArrayBuffer | null;
  hkdf(digest: string, key: ArrayBufferView, salt: ArrayBufferView, info: ArrayBufferView,
       length: number): ArrayBuffer | null;
  randomBytes(size: number): ArrayBuffer;
  timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
  /** A big-endian prime, or the message of a RangeError for impossible options. */
  generatePrime(bits: number, safe: boolean, add: ArrayBufferView | null,
                rem: ArrayBufferView | null): ArrayBuffer | string;
  checkPrime(candidate: ArrayBufferView, checks: number): boolean;
  /** [mode, key length, iv length, block size], null for an unknown cipher. */
  cipherInfo(name: string): [string, number, number, number] | null;
  cipherList(): string[];
  cipherNew(name: string, key: ArrayBufferView, iv: ArrayBufferView | null, encrypt: boolean,
            authTagLength: number): object | null;
  cipherUpdate(state: object, data: ArrayBufferView): ArrayBuffer;
  /** The last bytes, 'auth' for a failed authentication, or an OpenSSL error list. */
  cipherFinal(state: object): ArrayBuffer | 'auth' | [string, string, string, string];
  cipherSetAAD(state: object, aad: ArrayBufferView, plaintextLength: number): 0;
  cipherGetAuthTag(state: object): ArrayBuffer | null;
  cipherSetAuthTag(state: object, tag: ArrayBufferView): 0;
  cipherSetAutoPadding(state: object, on: boolean): 0;
  /** An asymmetric key handle; 'passphrase' when an encrypted DER key has none, or an OpenSSL error list. */
  keyParse(kind: 'public' | 'private', data: ArrayBufferView, format: 'pem' | 'der',
           type: string | null, passphrase: ArrayBufferView | null): object | 'passphrase' | string[];
  /** JWK members in the order kty crv x y d n e p q dp dq qi (null when absent); null if invalid. */
  keyFromJwk(kind: 'public' | 'private', fields: (string | null)[]): object | null;
  keyType(handle: object): string;
  /** modulusLength/publicExponent (big-endian bytes) for RSA, divisorLength for DSA, namedCurve for EC. */
  keyDetails(handle: object): Record<string, number | string | ArrayBuffer>;
  keyExport(handle: object, format: 'pem' | 'der', type: string | null, cipher: string | null,
            passphrase: ArrayBufferView | null): ArrayBuffer;
  /** The JWK, or ['curve', name] / 'type' when JWK cannot express the key. */
  keyExportJwk(handle: object): Record<string, string> | ['curve', string] | 'type';
  keyEquals(a: object, b: object): boolean;
  keyPublic(handle: object): object;
  /** rsa-pss adds its hash, MGF1 hash and salt length; dh its group, prime and generator
   * (modulusLength carrying primeLength).  'curve' / 'group' for an unknown one,
   * ['digest', name] for an unknown hash. */
  keyGenerate(type: string, modulusLength: number | null, publicExponent: number | null,
              namedCurve: string | null, divisorLength: number | null, pssHash?: string | null,
              pssMgf1Hash?: string | null, pssSaltLength?: number | null, dhGroup?: string | null,
              dhPrime?: ArrayBufferView | null, dhGenerator?: number | null): object | 'curve' | 'group' | string[];
  /** 'digest' for an unknown digest; padding 6 is PSS; the last flag asks for IEEE P1363 (r||s). */
  sign(handle: object, digest: string | null, data: ArrayBufferView, padding: number,
       saltLength: number | null, p1363: boolean): ArrayBuffer | 'digest' | string[];
  verify(handle: object, digest: string | null, data: ArrayBufferView, signature: ArrayBufferView,
         padding: number, saltLength: number | null, p1363: boolean): boolean | 'digest';
  rsaCrypt(op: 'publicEncrypt' | 'privateDecrypt' | 'privateEncrypt' | 'publicDecrypt', handle: object,
           data: ArrayBufferView, padding: number, oaepHash: string | null,
           oaepLabel: ArrayBufferView | null): ArrayBuffer | string[];
  /** The shared secret of two ec/x25519/x448 key handles. */
  keyExchange(privateKey: object, publicKey: object): ArrayBuffer | string[];
  /** A DH context for a bit size (a fresh safe prime) or prime bytes; an OpenSSL error list. */
  dhNew(prime: number | ArrayBufferView, generator: number | ArrayBufferView): object | string[];
  /** A MODP group (modp1 ... modp18), null if unknown. */
  dhGroup(name: string): object | null;
  dhVerifyError(state: object): number;
  dhGenerateKeys(state: object): ArrayBuffer | string[];
  /** The secret padded to the prime's size; 'small' / 'large' for a bad key, 'nokey' before keys exist. */
  dhComputeSecret(state: object, key: ArrayBufferView): ArrayBuffer | 'small' | 'large' | 'nokey';
  dhGet(state: object, what: 'p' | 'g' | 'pub' | 'priv'): ArrayBuffer | null;
  dhSet(state: object, what: 'pub' | 'priv', value: ArrayBufferView): 0;
  ecdhNew(curve: string): object | null;
  ecdhGenerateKeys(state: object): 0;
  /** form: POINT_CONVERSION_* (2 compressed, 4 uncompressed, 6 hybrid); null before keys exist. */
  ecdhGetPublicKey(state: object, form: number): ArrayBuffer | null;
  ecdhGetPrivateKey(state: object): ArrayBuffer | null;
  ecdhSetPrivateKey(state: object, key: ArrayBufferView): 0 | 'keytype';
  ecdhSetPublicKey(state: object, key: ArrayBufferView): 0 | 'point';
  ecdhComputeSecret(state: object, key: ArrayBufferView): ArrayBuffer | 'keypair' | 'point';
  ecdhConvertKey(curve: string, key: ArrayBufferView, form: number): ArrayBuffer | 'curve' | 'point';
  curveList(): string[];
  /** A parsed certificate (PEM or DER), or an OpenSSL error list. */
  x509Parse(data: ArrayBufferView): object | string[];
  /** subject, issuer, subjectAltName, infoAccess, validFrom, validTo, fingerprint(256|512), keyUsage,
   * serialNumber, raw (DER), pem, ca; null for an absent field. */
  x509Info(cert: object): Record<string, string | string[] | boolean | ArrayBuffer | null>;
  /** The fields getPeerCertificate() reports, before _tls_common's translatePeerCertificate. */
  x509Legacy(cert: object): Record<string, unknown>;
  x509PublicKey(cert: object): object | string[];
  /** The matching name, or null; flags are X509_CHECK_FLAG_*. */
  x509CheckHost(cert: object, name: string, flags: number): string | null;
  x509CheckEmail(cert: object, email: string, flags: number): string | null;
  /** The address if it matches, null if not, false for an invalid address. */
  x509CheckIP(cert: object, ip: string): string | null | false;
  x509CheckIssued(cert: object, issuer: object): boolean;
  x509CheckPrivateKey(cert: object, key: object): boolean;
  x509Verify(cert: object, publicKey: object): boolean;
  /** SPKAC helpers; null / false for an SPKAC that does not parse or verify. */
  spkacPublicKey(spkac: ArrayBufferView): ArrayBuffer | null;
  spkacChallenge(spkac: ArrayBufferView): ArrayBuffer | null;
  spkacVerify(spkac: ArrayBufferView): boolean;
};

// js_bindings/tls_wrap.py (classes in polyfills/internal/bindings/tls_wrap.js).
// OpenSSL through Python's ssl in sans-IO mode.  TLSWrap is the stream handle
// of a TLSSocket: it takes over a transport handle's onread (ciphertext), and
// gives plaintext to its own onread; it calls the owner's onhandshakedone(),
// onerror(err), onnewsession(sessionBuffer).  Context setters return null or
// Node's error (message 'error:XXXXXXXX:lib::reason', code ERR_SSL_*).
declare function internalBinding(name: 'tls_wrap'): {
  TLSWrap: { new (parent: LibuvStreamWrap, context: object, isServer: boolean): LibuvStreamWrap };
  SecureContext: { new (): {
    setCertKey(cert: string, key: string, passphrase: string | null): Error | null;
    addCACert(pem: string): Error | null;
    addRootCerts(): void;
    setCiphers(list: string): Error | null;
    /** TLS 1.3 suites (SSL_CTX_set_ciphersuites). */
    setCipherSuites(list: string): Error | null;
    setProtocols(min: string, max: string): Error | null;
    setECDHCurve(curve: string): Error | null;
    setDHParam(pem: Uint8Array): Error | null;
    setOptions(options: number): void;
    setSessionParams(idContext: string | null, timeout: number | null): void;
    setALPN(protocols: string[]): Error | null;
  } };
  wrap(parent: LibuvStreamWrap, context: object, isServer: boolean): LibuvStreamWrap;
  /** A DER certificate as getPeerCertificate()'s object. */
  certObject(der: ArrayBuffer): object | null;
  /** False when libssl is not reachable through ctypes (verification then happens in the handshake). */
  available: boolean;
  pemToDer(pem: string): ArrayBuffer[];
  rootCertificates(): string[];
  getCiphers(): string[];
  /** [keyPem, certPem, caPems] or {message}. */
  pkcs12ToPem(pfx: Uint8Array, passphrase: string | null): [ArrayBuffer, ArrayBuffer, ArrayBuffer[]] | object;
};

declare function internalBinding(name: 'performance'): {
  /** Observers per entry type, by NODE_PERFORMANCE_ENTRY_TYPE_* (JS keeps it). */
  observerCounts: number[];
  /** [origin, nodeStart, v8Start, environment, bootstrapComplete, originEpochMs]: the
   * process's start in monotonic ns, the milestones in ns after it (-1 unknown), and the
   * start on the wall clock (performance.timeOrigin). */
  milestones(): [number, number, number, number, number, number];
  /** [loopStart, loopExit] in ns after the origin (-1: not yet), and the loop's idle ns. */
  loopTiming(): [number, number, number];
  /** [loopCount, events, eventsWaiting] (uv_metrics_info). */
  uvMetricsInfo(): [number, number, number];
  hrtimeNs(): number;
  /** A histogram shared by every thread of the process; values outside
   * [lowest, highest] only count in `exceeds`. */
  histogramNew(lowest: number, highest: number): number;
  histogramFree(id: number): 0;
  histogramRecord(id: number, value: number): 0;
  /** Records the ns since the previous recordDelta of this histogram. */
  histogramRecordDelta(id: number): 0;
  /** 'stats' -> [count, min, max, mean, stddev, exceeds, then count, min, max,
   * exceeds as decimal text]; 'percentile' (arg: 0..100)
   * -> value; 'percentiles' -> [p, value, ...]; 'reset' -> 0; 'add' (arg: other id)
   * -> values dropped. null for an unknown id. */
  histogramCall(id: number, what: 'stats' | 'percentile' | 'percentiles' | 'reset' | 'add',
    arg?: number): unknown;
};

declare function internalBinding(name: 'signal_wrap'): {
  /** uv_signal_t: start(signum) -> 0 or a negative errno (EINVAL off the main thread,
   * for SIGKILL/SIGSTOP or an unknown number); onsignal(signum) runs in the poll phase. */
  Signal: new () => {
    onsignal: ((signum: number) => void) | null;
    start(signum: number): number;
    stop(): number;
    close(cb?: () => void): void;
    ref(): void;
    unref(): void;
    hasRef(): boolean;
  };
};
