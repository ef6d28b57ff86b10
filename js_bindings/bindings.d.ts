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
