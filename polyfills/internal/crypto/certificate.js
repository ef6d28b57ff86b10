'use strict';

// crypto.Certificate: the SPKAC (Netscape SPKI) helpers.  They keep no
// state; the constructor survives for compatibility.

const { Buffer } = require('buffer');
const { binding, getArrayBufferOrView } = require('internal/crypto/util');

function spkacBytes(spkac, encoding) {
  const bytes = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (bytes.byteLength > 2 ** 31 - 1) {
    const err = new RangeError('spkac is too large');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return bytes;
}

function verifySpkac(spkac, encoding) {
  return binding.spkacVerify(spkacBytes(spkac, encoding));
}

// Both give '' for an SPKAC that does not parse.
function exportPublicKey(spkac, encoding) {
  const pem = binding.spkacPublicKey(spkacBytes(spkac, encoding));
  return pem === null ? '' : Buffer.from(pem);
}

function exportChallenge(spkac, encoding) {
  const challenge = binding.spkacChallenge(spkacBytes(spkac, encoding));
  return challenge === null ? '' : Buffer.from(challenge);
}

function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}
Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = Certificate;
