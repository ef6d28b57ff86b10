'use strict';

// nodeshim's test/common/crypto: helpers Node's crypto tests share.

const common = require('./');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

// The 1024-bit MODP group prime of RFC 2412 (appendix E.2).
const modp2buf = Buffer.from(
  'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
  '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
  '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
  'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff', 'hex');

// A key (string or buffer) whose length is within 10% of `expectedSize`.
function assertApproximateSize(key, expectedSize) {
  const unit = typeof key === 'string' ? 'chars' : 'bytes';
  const low = Math.floor(expectedSize * 0.9);
  const high = Math.ceil(expectedSize * 1.1);
  assert(key.length >= low, `Key (${key.length} ${unit}) is shorter than expected (${low} ${unit})`);
  assert(key.length <= high, `Key (${key.length} ${unit}) is longer than expected (${high} ${unit})`);
}

// Round-trips a message through publicEncrypt/privateDecrypt with either key.
function testEncryptDecrypt(publicKey, privateKey) {
  const text = 'Hello Node.js world!';
  for (const key of [publicKey, privateKey]) {
    const encrypted = crypto.publicEncrypt(key, Buffer.from(text));
    assert.strictEqual(crypto.privateDecrypt(privateKey, encrypted).toString(), text);
  }
}

// Signs with the one-shot and the streaming API; every verifier accepts.
function testSignVerify(publicKey, privateKey) {
  const data = Buffer.from('Hello Node.js world!');
  const signers = [
    (alg, msg, key) => crypto.sign(alg, msg, key),
    (alg, msg, key) => crypto.createSign(alg).update(msg).sign(key),
  ];
  const verifiers = [
    (alg, msg, key, sig) => crypto.verify(alg, msg, key, sig),
    (alg, msg, key, sig) => crypto.createVerify(alg).update(msg).verify(key, sig),
  ];
  for (const sign of signers) {
    const signature = sign('SHA256', data, privateKey);
    for (const verify of verifiers) {
      for (const key of [publicKey, privateKey]) {
        assert(verify('SHA256', data, key, signature));
      }
    }
  }
}

// A whole PEM document with the given label (and, for legacy encrypted
// keys, the Proc-Type/DEK-Info header naming `cipher`).
function pemPattern(label, cipher) {
  const dashes = '\\-\\-\\-\\-\\-';
  const encrypted = cipher == null ? '' :
    `\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${cipher},[^\n]+\n`;
  const lines = '([a-zA-Z0-9\\+/=]{64}\n)*[a-zA-Z0-9\\+/=]{1,64}';
  return new RegExp(`^${dashes}BEGIN ${label}${dashes}${encrypted}\n${lines}\n` +
                    `${dashes}END ${label}${dashes}\n$`);
}

module.exports = {
  modp2buf,
  assertApproximateSize,
  testEncryptDecrypt,
  testSignVerify,
  pkcs1PubExp: pemPattern('RSA PUBLIC KEY'),
  pkcs1PrivExp: pemPattern('RSA PRIVATE KEY'),
  pkcs1EncExp: (cipher) => pemPattern('RSA PRIVATE KEY', cipher),
  spkiExp: pemPattern('PUBLIC KEY'),
  pkcs8Exp: pemPattern('PRIVATE KEY'),
  pkcs8EncExp: pemPattern('ENCRYPTED PRIVATE KEY'),
  sec1Exp: pemPattern('EC PRIVATE KEY'),
  sec1EncExp: (cipher) => pemPattern('EC PRIVATE KEY', cipher),
};
