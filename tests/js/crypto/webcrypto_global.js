console.log(typeof crypto, Object.prototype.toString.call(crypto), crypto === require('crypto').webcrypto);
console.log(crypto.getRandomValues(new Uint8Array(4)).length, crypto.randomUUID().length);
try { crypto.getRandomValues(new Float32Array(2)) } catch (e) { console.log(e.name, e.message) }
try { crypto.getRandomValues.call({}, new Uint8Array(2)) } catch (e) { console.log(e.name, e.code, e.message) }
try { new Crypto() } catch (e) { console.log(e.name, e.code, e.message) }
(async () => {
  const d = await crypto.subtle.digest('SHA-256', Buffer.from('abc'));
  console.log(d instanceof ArrayBuffer, Buffer.from(d).toString('hex'));
  await crypto.subtle.digest('nope', Buffer.from('abc')).catch((e) => console.log(e.name, e.message));
  const key = await crypto.subtle.importKey('raw', Buffer.from('secret'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log(key.type, key.algorithm, key.usages, key.extractable, String(key));
  const sig = await crypto.subtle.sign('HMAC', key, Buffer.from('msg'));
  console.log(Buffer.from(sig).toString('hex'), await crypto.subtle.verify('HMAC', key, sig, Buffer.from('msg')));
  console.log(await crypto.subtle.exportKey('jwk', key));
  const aes = await crypto.subtle.importKey('raw', Buffer.alloc(16, 1), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const iv = Buffer.alloc(12, 2);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, Buffer.from('hello'));
  console.log(Buffer.from(ct).toString('hex'));
  console.log(Buffer.from(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, aes, ct)).toString());
  const pb = await crypto.subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', false, ['deriveBits']);
  console.log(Buffer.from(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from('s'), iterations: 5 }, pb, 128)).toString('hex'));
  const hk = await crypto.subtle.importKey('raw', Buffer.from('pw'), 'HKDF', false, ['deriveBits']);
  console.log(Buffer.from(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('s'), info: Buffer.from('i') }, hk, 128)).toString('hex'));
})();
