// Key pairs: generation, PEM/JWK round trips, signatures, RSA encryption.
const c = require('crypto');
for (const [type, opts] of [['rsa', { modulusLength: 1024 }], ['ec', { namedCurve: 'prime256v1' }], ['ed25519'], ['x25519'], ['dsa', { modulusLength: 2048 }]]) {
  const { publicKey, privateKey } = c.generateKeyPairSync(type, opts);
  // (DSA's default divisor differs between OpenSSL and the cryptography package.)
  const details = privateKey.asymmetricKeyDetails;
  if (type === 'dsa') delete details.divisorLength;
  console.log(type, publicKey.type, privateKey.type, publicKey.asymmetricKeyType, details);
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  const spki = publicKey.export({ format: 'pem', type: 'spki' });
  console.log(pem.split('\n')[0], spki.split('\n')[0]);
  const back = c.createPrivateKey(pem);
  console.log(back.equals(privateKey), c.createPublicKey(pem).equals(publicKey), c.createPublicKey(spki).equals(publicKey));
  if (type !== 'x25519') {
    const sig = c.sign(type.startsWith('ed') ? null : 'sha256', Buffer.from('msg'), privateKey);
    console.log('verify', c.verify(type.startsWith('ed') ? null : 'sha256', Buffer.from('msg'), publicKey, sig),
      c.verify(type.startsWith('ed') ? null : 'sha256', Buffer.from('msh'), spki, sig));
  }
  if (type !== 'dsa') {
    const jwk = publicKey.export({ format: 'jwk' });
    console.log(Object.keys(jwk), c.createPublicKey({ key: jwk, format: 'jwk' }).equals(publicKey));
  }
}
const { publicKey, privateKey } = c.generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'pkcs1', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
console.log(typeof publicKey, publicKey.split('\n')[0], privateKey.split('\n')[0]);
const s = c.createSign('SHA256'); s.update('hello'); const sig = s.sign(privateKey, 'hex');
const v = c.createVerify('SHA256'); v.update('hello'); console.log(v.verify(publicKey, sig, 'hex'));
const enc = c.publicEncrypt(publicKey, Buffer.from('secret')); console.log(c.privateDecrypt(privateKey, enc).toString());
const enc2 = c.privateEncrypt(privateKey, Buffer.from('secret2')); console.log(c.publicDecrypt(publicKey, enc2).toString());
try { c.createPrivateKey('garbage') } catch (e) { console.log(e.code, e.message) }
try { c.generateKeyPairSync('ec', { namedCurve: 'nope' }) } catch (e) { console.log(e.name, e.code, e.message) }
try { c.generateKeyPairSync('foo', {}) } catch (e) { console.log(e.name, e.code, e.message) }
c.generateKeyPair('ed25519', (err, pub, priv) => console.log('async', err, pub.type, priv.type));
