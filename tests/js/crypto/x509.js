// X509Certificate fields, checks and the legacy object, on certificates
// made for these tests (tests/js/fixtures/crypto).
const { X509Certificate, createPrivateKey, generateKeyPairSync } = require('crypto');
const { readFileSync } = require('fs');
const path = require('path');
const read = (name) => readFileSync(path.join(__dirname, '..', 'fixtures', 'crypto', name));

const leaf = new X509Certificate(read('leaf-cert.pem'));
const ca = new X509Certificate(read('ca-cert.pem').toString());
for (const name of ['subject', 'issuer', 'subjectAltName', 'infoAccess', 'validFrom', 'validTo',
  'fingerprint', 'fingerprint256', 'fingerprint512', 'keyUsage', 'serialNumber', 'ca']) {
  console.log(name, JSON.stringify(leaf[name]), JSON.stringify(ca[name]));
}
console.log(leaf.raw.length, leaf.toString() === read('leaf-cert.pem').toString(), leaf.toJSON() === leaf.toString());
console.log(leaf.publicKey.type, leaf.publicKey.asymmetricKeyType, ca.publicKey.asymmetricKeyDetails);
console.log(leaf.checkPrivateKey(createPrivateKey(read('leaf-key.pem'))),
  leaf.checkPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey));
console.log(leaf.checkIssued(ca), ca.checkIssued(leaf), leaf.verify(ca.publicKey), leaf.verify(leaf.publicKey));
console.log(leaf.checkHost('leaf.example'), leaf.checkHost('x.wild.example'), leaf.checkHost('a.b.wild.example'),
  leaf.checkHost('other.example'), leaf.checkHost('leaf.example', { subject: 'never' }));
console.log(leaf.checkEmail('alt@example.org'), leaf.checkEmail('leaf@example.org'),
  leaf.checkEmail('leaf@example.org', { subject: 'always' }));
console.log(leaf.checkIP('127.0.0.1'), leaf.checkIP('::1'), leaf.checkIP('10.0.0.1'));
for (const f of [() => leaf.checkIP('nope'), () => leaf.checkHost('a\0b'), () => leaf.checkHost('a', { subject: 'x' }),
  () => leaf.checkIssued({}), () => leaf.verify(createPrivateKey(read('leaf-key.pem'))),
  () => new X509Certificate(1), () => new X509Certificate('garbage')]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
const legacy = leaf.toLegacyObject();
console.log(Object.keys(legacy));
console.log(legacy.subject, legacy.issuer, legacy.infoAccess, legacy.subjectaltname);
console.log(legacy.bits, legacy.exponent, legacy.modulus.length, legacy.valid_from, legacy.valid_to,
  legacy.serialNumber, legacy.ext_key_usage, legacy.pubkey.length, legacy.raw.equals(leaf.raw));
