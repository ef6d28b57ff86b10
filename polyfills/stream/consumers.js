// node:stream/consumers: read a whole stream (Node stream, web stream or any
// async iterable) into one value.
'use strict';

const { Buffer, Blob } = require('buffer');
const { TextDecoder } = require('internal/encoding');

function chunksOf(stream) {
  const { isReadableStream } = require('internal/webstreams/readablestream');
  if (isReadableStream(stream)) return stream.values();
  return stream;
}

async function blob(stream) {
  const chunks = [];
  for await (const chunk of chunksOf(stream)) chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const ret = await blob(stream);
  return ret.arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  const dec = new TextDecoder();
  let str = '';
  for await (const chunk of chunksOf(stream)) {
    if (typeof chunk === 'string') str += chunk;
    else str += dec.decode(chunk, { stream: true });
  }
  str += dec.decode(undefined, { stream: false });
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

module.exports = { arrayBuffer, blob, buffer, text, json };
