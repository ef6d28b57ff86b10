// Node's validation and OpenSSL-style errors for bad crypto input.
const c = require('crypto');
const k = Buffer.alloc(16), iv = Buffer.alloc(16);
const cases = [
  () => c.createHash('sha256', { outputLength: 28 }),
  () => c.createHash('nope'),
  () => c.createHash('SHA-256').digest('hex'),
  () => c.createHmac('nope', 'k'),
  () => c.hash('sha1', 'abc', 'base64'),
  () => c.hash('sha1', 'abc', 'bogus'),
  () => c.createHash('sha256').digest('bogus'),
  () => c.pbkdf2Sync('a', 'b', 1, 10, 'nope'),
  () => c.pbkdf2Sync('a', 'b', 0, 10, 'sha1'),
  () => c.scryptSync('a', 'b', 64, { N: 3 }),
  () => c.scryptSync('a', 'b', 64, { N: 16, cost: 16 }),
  () => c.hkdfSync('nope', 'a', 'b', 'c', 10),
  () => c.hkdfSync('sha256', 'a', 'b', 'c', 255 * 32 + 1),
  () => c.randomInt(5, 3),
  () => c.randomInt(1.5),
  () => c.randomBytes(-1),
  () => c.randomFillSync(Buffer.alloc(4), 5),
  () => c.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)),
  () => c.timingSafeEqual('a', Buffer.alloc(2)),
  () => c.createCipheriv('nope', k, iv),
  () => c.createCipheriv('aes-128-cbc', Buffer.alloc(3), iv),
  () => c.createCipheriv('aes-128-cbc', k, Buffer.alloc(3)),
  () => c.createCipheriv('aes-128-ecb', k, iv),
  () => c.createCipheriv('aes-128-cbc', k, null),
  () => { const d = c.createDecipheriv('aes-128-cbc', k, iv); d.update('abcd'); return d.final(); },
  () => { const d = c.createDecipheriv('aes-128-cbc', k, iv); d.update(Buffer.alloc(16)); return d.final(); },
  () => { const d = c.createCipheriv('aes-128-cbc', k, iv); d.setAutoPadding(false); d.update('abc'); return d.final(); },
  () => { const d = c.createDecipheriv('aes-128-gcm', k, iv); d.update('abc'); d.setAuthTag(Buffer.alloc(16)); return d.final(); },
  () => c.createDecipheriv('aes-128-gcm', k, iv).setAuthTag(Buffer.alloc(3)),
  () => c.createCipheriv('aes-128-gcm', k, iv).getAuthTag(),
  () => { const d = c.createCipheriv('aes-128-cbc', k, iv); d.final(); return d.final(); },
  () => { const d = c.createCipheriv('aes-128-cbc', k, iv); d.final(); return d.update('a'); },
  () => c.createCipheriv('aes-128-cbc', k, iv).setAAD(Buffer.alloc(1)),
  () => c.createSecretKey(123),
  () => c.createHmac('sha256', 123),
];
for (const f of cases) {
  try {
    const r = f();
    console.log('ok', Buffer.isBuffer(r) ? `Buffer(${r.length})` : typeof r === 'object' ? r.constructor.name : r);
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e));
  }
}
