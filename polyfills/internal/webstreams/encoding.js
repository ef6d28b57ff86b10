// TextEncoderStream and TextDecoderStream: TransformStreams around
// TextEncoder / TextDecoder.
'use strict';

const { TextEncoder, TextDecoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const { codes: { ERR_INVALID_THIS } } = require('internal/errors');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pending = '';
    this[kHandle] = encoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let text = pending + String(chunk);
        pending = '';
        if (text.length) {
          const last = text.charCodeAt(text.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = text[text.length - 1];
            text = text.slice(0, -1);
          }
        }
        if (text.length) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending) controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
  }

  get encoding() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kHandle].encoding;
  }

  get readable() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    const { inspect } = require('internal/util/inspect');
    return `TextEncoderStream ${inspect({
      encoding: this[kHandle].encoding,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, options)}`;
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const decoder = new TextDecoder(encoding, options);
    this[kHandle] = decoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const value = decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush(controller) {
        const value = decoder.decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }

  get encoding() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].encoding;
  }

  get fatal() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].fatal;
  }

  get ignoreBOM() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kHandle].ignoreBOM;
  }

  get readable() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kTransform].readable;
  }

  get writable() {
    if (this?.[kHandle] === undefined) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kTransform].writable;
  }
}

for (const C of [TextEncoderStream, TextDecoderStream]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
}

module.exports = { TextEncoderStream, TextDecoderStream };
