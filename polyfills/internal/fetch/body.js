// The Fetch standard's bodies: FormData, turning a BodyInit into bytes (or a
// stream) with its Content-Type, and the Body methods shared by Request and
// Response (text/json/arrayBuffer/blob/formData, body, bodyUsed).
'use strict';

const { Buffer, Blob, File } = require('buffer');

const kBody = Symbol('body');
const kEntries = Symbol('form entries');

// ---------------------------------------------------------------- FormData

function toFormValue(value, filename) {
  if (value instanceof Blob) {
    if (!(value instanceof File) || filename !== undefined) {
      const name = filename !== undefined ? `${filename}` : (value instanceof File ? value.name : 'blob');
      return new File([value], name, { type: value.type });
    }
    return value;
  }
  return `${value}`;
}

function formArgs(prefix, count, required) {
  if (count < required) {
    throw new TypeError(`${prefix}: ${required} argument${required === 1 ? '' : 's'} required, ` +
                        `but only ${count} present.`);
  }
}

class FormData {
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    formArgs('FormData.append', arguments.length, 2);
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    this[kEntries].push([`${name}`, toFormValue(value, filename)]);
  }

  delete(name) {
    formArgs('FormData.delete', arguments.length, 1);
    name = `${name}`;
    this[kEntries] = this[kEntries].filter(([key]) => key !== name);
  }

  get(name) {
    formArgs('FormData.get', arguments.length, 1);
    name = `${name}`;
    const entry = this[kEntries].find(([key]) => key === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    formArgs('FormData.getAll', arguments.length, 1);
    name = `${name}`;
    return this[kEntries].filter(([key]) => key === name).map(([, value]) => value);
  }

  has(name) {
    formArgs('FormData.has', arguments.length, 1);
    name = `${name}`;
    return this[kEntries].some(([key]) => key === name);
  }

  set(name, value, filename = undefined) {
    formArgs('FormData.set', arguments.length, 2);
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("Failed to execute 'set' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    name = `${name}`;
    const entry = [name, toFormValue(value, filename)];
    const entries = this[kEntries];
    const first = entries.findIndex(([key]) => key === name);
    if (first === -1) {
      entries.push(entry);
    } else {
      this[kEntries] = entries.filter(([key], i) => key !== name || i === first);
      this[kEntries][first] = entry;
    }
  }

  * entries() {
    for (const [name, value] of this[kEntries]) yield [name, value];
  }

  * keys() {
    for (const [name] of this[kEntries]) yield name;
  }

  * values() {
    for (const [, value] of this[kEntries]) yield value;
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (const [name, value] of this[kEntries]) Reflect.apply(callback, thisArg, [value, name, this]);
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  get [Symbol.toStringTag]() {
    return 'FormData';
  }
}

// multipart/form-data with a boundary; file parts are Blobs, kept as they
// are so the bytes are read only when the body is.
function encodeMultipart(form) {
  const boundary = `----formdata-nodeshim-${`${Math.random()}`.slice(2, 13)}`;
  const escape = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  const normalize = (s) => s.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');
  const parts = [];
  for (const [name, value] of form[kEntries]) {
    if (typeof value === 'string') {
      parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escape(normalize(name))}"` +
                 `\r\n\r\n${normalize(value)}\r\n`);
    } else {
      parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escape(normalize(name))}"` +
                 `; filename="${escape(value.name)}"\r\n` +
                 `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`);
      parts.push(value);
      parts.push('\r\n');
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return { blob: new Blob(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------- bodies

function isReadableStream(value) {
  const { ReadableStream } = require('internal/webstreams/readablestream');
  return value instanceof ReadableStream;
}

// BodyInit -> { bytes | blob | stream, type }.
function extractBody(init) {
  if (typeof init === 'string') {
    return { bytes: Buffer.from(init, 'utf8'), type: 'text/plain;charset=UTF-8' };
  }
  if (init instanceof URLSearchParams) {
    return { bytes: Buffer.from(init.toString(), 'utf8'),
             type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (init instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && init instanceof SharedArrayBuffer)) {
    return { bytes: Buffer.from(new Uint8Array(init).slice()), type: null };
  }
  if (ArrayBuffer.isView(init)) {
    return { bytes: Buffer.from(new Uint8Array(init.buffer, init.byteOffset, init.byteLength).slice()), type: null };
  }
  if (init instanceof Blob) {
    return { blob: init, type: init.type || null };
  }
  if (init instanceof FormData) {
    const { blob, type } = encodeMultipart(init);
    return { blob, type };
  }
  if (isReadableStream(init)) {
    if (init.locked || isDisturbed(init)) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    return { stream: init, type: null };
  }
  if (init !== null && typeof init === 'object' && typeof init[Symbol.asyncIterator] === 'function') {
    const { Readable } = require('stream');
    return { stream: Readable.toWeb(Readable.from(init)), type: null };
  }
  return { bytes: Buffer.from(`${init}`, 'utf8'), type: 'text/plain;charset=UTF-8' };
}

function isDisturbed(stream) {
  return require('stream').isDisturbed(stream);
}

function streamOfBytes(bytes) {
  const { ReadableStream } = require('internal/webstreams/readablestream');
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

// The stream behind `body`, made on first use for byte and Blob bodies.
function bodyStream(body) {
  if (body.stream === undefined || body.stream === null) {
    if (body.blob !== undefined) {
      body.stream = body.blob.stream();
    } else {
      body.stream = streamOfBytes(body.bytes);
    }
  }
  return body.stream;
}

function bodyUsed(body) {
  if (body === null) return false;
  if (body.used) return true;
  return body.stream != null && isDisturbed(body.stream);
}

async function readAllBytes(body) {
  if (body.stream == null) {
    body.used = true;
    if (body.blob !== undefined) return Buffer.from(await body.blob.arrayBuffer());
    return body.bytes;
  }
  const reader = body.stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return Buffer.concat(chunks, total);
}

function consume(self, kind, getType) {
  const body = self[kBody];
  if (bodyUsed(body) || (body !== null && body.stream != null && body.stream.locked)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  const bytesPromise = body === null ? Promise.resolve(Buffer.alloc(0)) : readAllBytes(body);
  return bytesPromise.then((bytes) => {
    switch (kind) {
      case 'arrayBuffer': {
        const ab = new ArrayBuffer(bytes.byteLength);
        new Uint8Array(ab).set(bytes);
        return ab;
      }
      case 'text':
        return new TextDecoder().decode(bytes);
      case 'json':
        return JSON.parse(new TextDecoder().decode(bytes));
      case 'blob':
        return new Blob([bytes], { type: getType() ?? '' });
      case 'formData':
        return parseFormData(bytes, getType());
    }
  });
}

function parseFormData(bytes, type) {
  const mime = (type ?? '').split(';')[0].trim().toLowerCase();
  const form = new FormData();
  if (mime === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) form.append(name, value);
    return form;
  }
  if (mime === 'multipart/form-data') {
    const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (m === null) throw new TypeError('Failed to parse body as FormData.');
    const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
    let pos = bytes.indexOf(boundary);
    while (pos !== -1) {
      pos += boundary.length;
      if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) break;  // closing boundary
      pos += 2;  // CRLF
      const headEnd = bytes.indexOf('\r\n\r\n', pos);
      if (headEnd === -1) break;
      const head = bytes.toString('utf8', pos, headEnd);
      const next = bytes.indexOf(boundary, headEnd + 4);
      if (next === -1) break;
      const content = bytes.subarray(headEnd + 4, next - 2);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (filename !== undefined) {
        const ctype = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
        form.append(name, new File([content], filename, { type: ctype }));
      } else {
        form.append(name, content.toString('utf8'));
      }
      pos = next;
    }
    return form;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

// Body's members, installed on Request.prototype and Response.prototype.
function mixinBody(Class, brandCheck, contentType) {
  const methods = {
    get body() {
      brandCheck(this);
      return this[kBody] === null ? null : bodyStream(this[kBody]);
    },
    get bodyUsed() {
      brandCheck(this);
      return bodyUsed(this[kBody]);
    },
    arrayBuffer() {
      brandCheck(this);
      return consume(this, 'arrayBuffer');
    },
    blob() {
      brandCheck(this);
      return consume(this, 'blob', () => contentType(this));
    },
    formData() {
      brandCheck(this);
      return consume(this, 'formData', () => contentType(this));
    },
    json() {
      brandCheck(this);
      return consume(this, 'json');
    },
    text() {
      brandCheck(this);
      return consume(this, 'text');
    },
  };
  for (const key of Reflect.ownKeys(methods)) {
    const desc = Object.getOwnPropertyDescriptor(methods, key);
    desc.enumerable = true;
    Object.defineProperty(Class.prototype, key, desc);
  }
}

// A second reader for clone(): the stream is teed, one branch stays.
function cloneBody(body) {
  if (body === null) return null;
  if (body.stream == null) return { ...body, used: false };
  const [a, b] = body.stream.tee();
  body.stream = a;
  return { stream: b, type: body.type };
}

module.exports = {
  FormData,
  kBody,
  extractBody,
  bodyStream,
  bodyUsed,
  cloneBody,
  mixinBody,
  readAllBytes,
};
