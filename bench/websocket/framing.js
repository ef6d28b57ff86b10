// WebSocket framing, Python (internalBinding('websocket'), wsproto) against the
// same work done in JS, 16 MiB messages, best of 3.  The numbers behind the
// choice of framing layer (see js_bindings/websocket.py).
// Run: .venv/bin/nodeshim --expose-internals --no-warnings bench/websocket/framing.js
'use strict';
const { internalBinding } = require('internal/test/binding');
const b = internalBinding('websocket');
const N = 16 << 20;
const data = new Uint8Array(N); for (let i = 0; i < N; i += 997) data[i] = i & 255;
const text = 'aé✓𝄞'.repeat(N / 10);
function t(label, fn, reps = 3) {
  let best = Infinity, r;
  for (let i = 0; i < reps; i++) { const s = Date.now(); r = fn(); best = Math.min(best, Date.now() - s); }
  console.log(label.padEnd(52), String(best).padStart(6), 'ms');
  return r;
}
// --- send: frame + mask 16 MiB
t('py send binary 16MiB (wsproto mask, to/from Python)', () => Buffer.from(b.send(b.newFramer(null), data, false)));
t('py send text 16MiB', () => Buffer.from(b.send(b.newFramer(null), text, true)));
function jsFrame(payload) {
  const len = payload.length;
  const out = Buffer.allocUnsafe(14 + len);
  out[0] = 0x82; out[1] = 0xff; out.writeUInt32BE(0, 2); out.writeUInt32BE(len, 6);
  const key = [0x12, 0x34, 0x56, 0x78];
  out.set(key, 10);
  const body = out.subarray(14);
  body.set(payload);
  const k32 = new Int32Array(new Uint8Array(key).buffer)[0];
  const words = (len >>> 2);
  const w = new Int32Array(out.buffer, out.byteOffset + 16, words - 1); // 16 is 4-aligned in a fresh buffer
  // head (bytes 14,15) and tail byte-wise, middle word-wise
  body[0] ^= key[0]; body[1] ^= key[1];
  const rot = ((key[2]) | (key[3] << 8) | (key[0] << 16) | (key[1] << 24));
  for (let i = 0; i < w.length; i++) w[i] ^= rot;
  for (let i = 2 + w.length * 4; i < len; i++) body[i] ^= key[i & 3];
  return out;
}
t('js send binary 16MiB (Int32 XOR mask)', () => jsFrame(data));
t('js send text 16MiB (encode + Int32 XOR mask)', () => jsFrame(Buffer.from(text)));
// --- receive: a server frame (unmasked) in 64 KiB chunks
function serverFrame(opcode, payload) {
  const h = Buffer.alloc(10); h[0] = 0x80 | opcode; h[1] = 127; h.writeUInt32BE(payload.length, 6);
  return Buffer.concat([h, payload]);
}
const binFrame = serverFrame(2, Buffer.from(data));
const txtFrame = serverFrame(1, Buffer.from(text));
function pyRecv(frame) {
  const f = b.newFramer(null); let got;
  for (let i = 0; i < frame.length; i += 65536) {
    const r = b.receive(f, frame.subarray(i, i + 65536));
    if (r.length > 1) got = r[1][1];
  }
  return got;
}
t('py receive binary 16MiB in 64KiB chunks', () => pyRecv(binFrame));
t('py receive text 16MiB (UTF-8 checked) 64KiB chunks', () => pyRecv(txtFrame));
function jsRecv(frame, isText) {
  const chunks = [];
  for (let i = 0; i < frame.length; i += 65536) chunks.push(frame.subarray(i, i + 65536));
  const all = Buffer.concat(chunks);
  const payload = all.subarray(10);
  if (isText) return new TextDecoder('utf-8', { fatal: true }).decode(payload);
  return payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.length);
}
t('js receive binary 16MiB (concat, slice)', () => jsRecv(binFrame, false));
t('js receive text 16MiB (concat, fatal TextDecoder)', () => jsRecv(txtFrame, true));
