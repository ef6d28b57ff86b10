// RSA-PSS key pairs: parameters, their DER form, restrictions on use.
const c = require('crypto');
for (const o of [{ hashAlgorithm: 'sha256' }, { mgf1HashAlgorithm: 'sha1' }, { saltLength: 5 }, {},
  { hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 16 }]) {
  const k = c.generateKeyPairSync('rsa-pss', { modulusLength: 1024, ...o });
  const spki = k.publicKey.export({ format: 'der', type: 'spki' });
  console.log(JSON.stringify(o), k.publicKey.asymmetricKeyType, k.publicKey.asymmetricKeyDetails,
    spki.subarray(0, spki.length - 140).toString('hex'),
    c.createPrivateKey(k.privateKey.export({ format: 'pem', type: 'pkcs8' })).asymmetricKeyDetails,
    c.createPublicKey({ key: spki, format: "der", type: "spki" }).asymmetricKeyType,
    c.verify(null, Buffer.from('a'), k.publicKey, c.sign(null, Buffer.from('a'), k.privateKey)));
  try { c.publicEncrypt(k.publicKey, Buffer.from('a')); } catch (e) { console.log(e.message); }
  try { c.sign('sha256', Buffer.from('a'), { key: k.privateKey, padding: 1 }); } catch (e) { console.log(e.message); }
  try { k.publicKey.export({ format: 'jwk' }); } catch (e) { console.log(e.code, e.message); }
}
