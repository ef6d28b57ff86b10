"""Asymmetric keys for internalBinding('crypto'): parsing, export, key
generation, signatures and RSA encryption, over ``cryptography``.

Every entry point returns a value or an error list ``[code, message,
library, reason]`` (or a short tag JS maps to Node's error); none raises.
``cryptography`` is imported when the first key is made.
"""

from __future__ import annotations

import base64

_DECODER_UNSUPPORTED = ["ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported",
                        "DECODER routines", "unsupported"]
_BAD_DECRYPT = ["ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt",
                "Provider routines", "bad decrypt"]
_OAEP_FAILED = ["ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error",
                "rsa routines", "oaep decoding error"]
_TOO_LARGE = ["ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
              "error:0200006E:rsa routines::data too large for key size", "rsa routines",
              "data too large for key size"]
MISSING_PASSPHRASE = "passphrase"
# OpenSSL 3 asks for a PKCS#8 passphrase through a callback Node does not give.
_INTERRUPTED = ["ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
                "error:07880109:common libcrypto routines::interrupted or cancelled",
                "common libcrypto routines", "interrupted or cancelled"]

# OpenSSL curve names <-> cryptography's classes' names; JWK names.
_CURVES = {"prime256v1": "secp256r1", "secp256r1": "secp256r1", "p-256": "secp256r1",
           "secp384r1": "secp384r1", "p-384": "secp384r1", "secp521r1": "secp521r1",
           "p-521": "secp521r1", "secp256k1": "secp256k1", "secp224r1": "secp224r1",
           "p-224": "secp224r1", "prime192v1": "secp192r1", "secp192r1": "secp192r1",
           "brainpoolp256r1": "brainpoolP256r1", "brainpoolp384r1": "brainpoolP384r1",
           "brainpoolp512r1": "brainpoolP512r1"}
_OPENSSL_CURVE = {"secp256r1": "prime256v1", "secp192r1": "prime192v1"}
_JWK_CURVE = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521",
              "secp256k1": "secp256k1"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_bytes(n: int, size: int | None = None) -> bytes:
    return n.to_bytes(size or max(1, (n.bit_length() + 7) // 8), "big")


def _int(text: str) -> int:
    return int.from_bytes(_unb64(text), "big")


class KeyHandle:
    __slots__ = ("kind", "key", "pss")

    def __init__(self, kind: str, key, pss=None):
        self.kind = kind   # 'public' | 'private'
        self.key = key
        # An RSA-PSS key: None for plain RSA, else its restrictions
        # ({} when it has none): hash, mgf1 and salt.
        self.pss = pss

    def public(self):
        return self.key if self.kind == "public" else self.key.public_key()


def _asym_type(key) -> str:
    from cryptography.hazmat.primitives.asymmetric import (  # noqa: PLC0415
        dh, dsa, ec, ed448, ed25519, rsa, x448, x25519)
    for names, kind in ((("RSAPrivateKey", "RSAPublicKey"), rsa), (("DSAPrivateKey", "DSAPublicKey"), dsa),
                        (("EllipticCurvePrivateKey", "EllipticCurvePublicKey"), ec),
                        (("Ed25519PrivateKey", "Ed25519PublicKey"), ed25519),
                        (("Ed448PrivateKey", "Ed448PublicKey"), ed448),
                        (("X25519PrivateKey", "X25519PublicKey"), x25519),
                        (("X448PrivateKey", "X448PublicKey"), x448),
                        (("DHPrivateKey", "DHPublicKey"), dh)):
        if isinstance(key, tuple(getattr(kind, n) for n in names)):
            return {rsa: "rsa", dsa: "dsa", ec: "ec", ed25519: "ed25519", ed448: "ed448",
                    x25519: "x25519", x448: "x448", dh: "dh"}[kind]
    return "unknown"


# --- RSA-PSS keys: RSA keys under the id-RSASSA-PSS algorithm identifier ----

_OID_PSS = bytes.fromhex("2a864886f70d01010a")
_OID_MGF1 = bytes.fromhex("2a864886f70d010108")
_HASH_OIDS = {"sha1": bytes.fromhex("2b0e03021a"), "sha224": bytes.fromhex("608648016503040204"),
              "sha256": bytes.fromhex("608648016503040201"), "sha384": bytes.fromhex("608648016503040202"),
              "sha512": bytes.fromhex("608648016503040203")}
_HASH_SIZES = {"sha1": 20, "sha224": 28, "sha256": 32, "sha384": 48, "sha512": 64}


def _der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    size = (n.bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + n.to_bytes(size, "big") + body


def _hash_alg_id(name: str) -> bytes:
    return _der(0x30, _der(0x06, _HASH_OIDS[name]) + b"\x05\x00")


def _pss_alg_id(pss) -> bytes:
    if not pss:
        return _der(0x30, _der(0x06, _OID_PSS))
    params = b""
    if pss["hash"] != "sha1":
        params += _der(0xA0, _hash_alg_id(pss["hash"]))
    if pss["mgf1"] != "sha1":
        params += _der(0xA1, _der(0x30, _der(0x06, _OID_MGF1) + _hash_alg_id(pss["mgf1"])))
    if pss["salt"] != 20:
        salt = _int_bytes(pss["salt"])
        params += _der(0xA2, _der(0x02, b"\x00" + salt if salt[0] & 0x80 else salt))
    return _der(0x30, _der(0x06, _OID_PSS) + _der(0x30, params))


def _children(data: bytes, start: int, end: int):
    from ._crypto_x509 import _der_element  # noqa: PLC0415
    pos = start
    while pos < end:
        tag, _, body, stop = _der_element(data, pos)
        yield tag, body, stop
        pos = stop


def _oid_hash(oid: bytes) -> str | None:
    for name, value in _HASH_OIDS.items():
        if value == oid:
            return name
    return None


def _pss_from_alg_id(der: bytes, body: int, end: int):
    """None if the AlgorithmIdentifier is not id-RSASSA-PSS, else its params."""
    items = list(_children(der, body, end))
    if not items or items[0][0] != 0x06 or der[items[0][1]:items[0][2]] != _OID_PSS:
        return None
    if len(items) < 2 or items[1][0] != 0x30:
        return {}
    pss = {"hash": "sha1", "mgf1": "sha1", "salt": 20}
    for tag, inner, stop in _children(der, items[1][1], items[1][2]):
        if tag == 0xA0:
            (_, alg, alg_end), = list(_children(der, inner, stop))[:1]
            oid = list(_children(der, alg, alg_end))[0]
            pss["hash"] = _oid_hash(der[oid[1]:oid[2]]) or "sha1"
        elif tag == 0xA1:
            (_, alg, alg_end), = list(_children(der, inner, stop))[:1]
            parts = list(_children(der, alg, alg_end))
            if len(parts) > 1:
                oid = list(_children(der, parts[1][1], parts[1][2]))[0]
                pss["mgf1"] = _oid_hash(der[oid[1]:oid[2]]) or "sha1"
        elif tag == 0xA2:
            (_, num, num_end), = list(_children(der, inner, stop))[:1]
            pss["salt"] = int.from_bytes(der[num:num_end], "big")
    return pss


def _pss_of(data: bytes, pem: bool, kind_hint: str):
    """The RSA-PSS parameters of an SPKI or PKCS#8 key, or None."""
    import base64  # noqa: PLC0415
    import binascii  # noqa: PLC0415
    try:
        der = data
        if pem:
            text = data.decode("latin1")
            if "-----BEGIN PUBLIC KEY-----" in text:
                body = text.split("-----BEGIN PUBLIC KEY-----", 1)[1].split("-----END", 1)[0]
            elif "-----BEGIN PRIVATE KEY-----" in text:
                body = text.split("-----BEGIN PRIVATE KEY-----", 1)[1].split("-----END", 1)[0]
            else:
                return None
            der = base64.b64decode("".join(body.split()))
        items = list(_children(der, *_outer(der)))
        alg = items[1] if len(items) > 1 and items[0][0] == 0x02 else items[0]
        if alg[0] != 0x30:
            return None
        return _pss_from_alg_id(der, alg[1], alg[2])
    except (ValueError, IndexError, binascii.Error, UnicodeDecodeError):
        return None


def _outer(der: bytes):
    from ._crypto_x509 import _der_element  # noqa: PLC0415
    _, _, body, end = _der_element(der, 0)
    return body, end


def _pss_export(handle: KeyHandle, fmt: str, enc_type: str):
    import base64  # noqa: PLC0415

    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    alg = _pss_alg_id(handle.pss)
    if handle.kind == "public" or enc_type == "spki":
        rsa_der = handle.public().public_bytes(ser.Encoding.DER, ser.PublicFormat.PKCS1)
        der = _der(0x30, alg + _der(0x03, b"\x00" + rsa_der))
        label = "PUBLIC KEY"
    else:
        rsa_der = handle.key.private_bytes(ser.Encoding.DER, ser.PrivateFormat.TraditionalOpenSSL,
                                           ser.NoEncryption())
        der = _der(0x30, _der(0x02, b"\x00") + alg + _der(0x04, rsa_der))
        label = "PRIVATE KEY"
    if fmt != "pem":
        return der
    text = base64.b64encode(der).decode()
    lines = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----\n".encode()


def parse(kind: str, data: bytes, fmt: str, enc_type, passphrase):
    result = _parse(kind, data, fmt, enc_type, passphrase)
    if isinstance(result, KeyHandle) and _asym_type(result.key) == "rsa":
        result.pss = _pss_of(data, fmt == "pem", kind)
    return result


def _legacy_decrypt(data: bytes, passphrase: bytes):
    """The DER inside an OpenSSL traditional encrypted PEM (the inverse of
    _legacy_encrypted_pem); None if it does not decrypt."""
    import hashlib  # noqa: PLC0415

    from ._crypto_cipher import CIPHERS, CipherState  # noqa: PLC0415
    text = data.decode("latin1")
    head, _, rest = text.partition("DEK-Info:")
    dek, _, body = rest.partition("\n")
    cipher, _, iv_hex = dek.strip().partition(",")
    info = CIPHERS.get(cipher.lower())
    if info is None:
        return None
    iv = bytes.fromhex(iv_hex.strip())
    body = body.split("-----END", 1)[0]
    encrypted = base64.b64decode("".join(body.split()))
    key_len = info[2]
    material, block = b"", b""
    while len(material) < key_len:
        block = hashlib.md5(block + passphrase + iv[:8]).digest()
        material += block
    state = CipherState(info, material[:key_len], iv, False, 16)
    out = state.update(encrypted)
    tail = state.final()
    if isinstance(tail, (list, str)):
        return None
    return out + tail


def _parse(kind: str, data: bytes, fmt: str, enc_type, passphrase):
    if fmt == "pem" and b"Proc-Type: 4,ENCRYPTED" in data and passphrase is not None:
        # Decrypted here: cryptography refuses an empty passphrase, OpenSSL does not.
        der = _legacy_decrypt(data, passphrase)
        if der is None:
            return _BAD_DECRYPT
        return _parse(kind, der, "der", None, None)
    from cryptography import x509  # noqa: PLC0415
    from cryptography.exceptions import UnsupportedAlgorithm  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    pem = fmt == "pem"
    try:
        if kind == "public":
            if pem and b"-----BEGIN CERTIFICATE-----" in data:
                return KeyHandle("public", x509.load_pem_x509_certificate(data).public_key())
            if pem and b"PRIVATE KEY-----" not in data:
                return KeyHandle("public", ser.load_pem_public_key(data))
            if not pem and enc_type in ("spki", "pkcs1"):
                try:
                    return KeyHandle("public", ser.load_der_public_key(data))
                except ValueError:
                    if enc_type == "spki":
                        raise
        load = ser.load_pem_private_key if pem else ser.load_der_private_key
        key = load(data, password=passphrase)
        return KeyHandle("private", key) if kind == "private" else KeyHandle("public", key.public_key())
    except TypeError as err:
        if "not encrypted" in str(err) and passphrase is not None:
            # OpenSSL ignores a passphrase given for a key that has none.
            return _parse(kind, data, fmt, enc_type, None)
        if "not given" in str(err) or "encrypted" in str(err):
            # PEM asks through OpenSSL's (absent) password callback; DER is refused up front.
            return _INTERRUPTED if fmt == "pem" else MISSING_PASSPHRASE
        return _DECODER_UNSUPPORTED
    except ValueError as err:
        if "decrypt" in str(err).lower() or "password" in str(err).lower():
            return _BAD_DECRYPT
        return _DECODER_UNSUPPORTED
    except UnsupportedAlgorithm:
        return _DECODER_UNSUPPORTED


def from_jwk(kind: str, jwk: dict):
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa, x448, x25519  # noqa: PLC0415
    try:
        kty = jwk["kty"]
        if kty == "RSA":
            pub = rsa.RSAPublicNumbers(_int(jwk["e"]), _int(jwk["n"]))
            if kind == "public":
                return KeyHandle("public", pub.public_key())
            priv = rsa.RSAPrivateNumbers(_int(jwk["p"]), _int(jwk["q"]), _int(jwk["d"]), _int(jwk["dp"]),
                                         _int(jwk["dq"]), _int(jwk["qi"]), pub)
            return KeyHandle("private", priv.private_key())
        if kty == "EC":
            curve = getattr(ec, {"P-256": "SECP256R1", "P-384": "SECP384R1", "P-521": "SECP521R1",
                                 "secp256k1": "SECP256K1"}[jwk["crv"]])()
            pub = ec.EllipticCurvePublicNumbers(_int(jwk["x"]), _int(jwk["y"]), curve)
            if kind == "public":
                return KeyHandle("public", pub.public_key())
            return KeyHandle("private", ec.EllipticCurvePrivateNumbers(_int(jwk["d"]), pub).private_key())
        module = {"Ed25519": ed25519, "Ed448": ed448, "X25519": x25519, "X448": x448}[jwk["crv"]]
        prefix = jwk["crv"]
        if kind == "public":
            cls = getattr(module, f"{prefix}PublicKey")
            return KeyHandle("public", cls.from_public_bytes(_unb64(jwk["x"])))
        cls = getattr(module, f"{prefix}PrivateKey")
        return KeyHandle("private", cls.from_private_bytes(_unb64(jwk["d"])))
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def key_type(handle: KeyHandle) -> str:
    return "rsa-pss" if handle.pss is not None else _asym_type(handle.key)


def details(handle: KeyHandle) -> dict:
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa  # noqa: PLC0415
    pub = handle.public()
    if isinstance(pub, rsa.RSAPublicKey):
        e = pub.public_numbers().e
        out = {"modulusLength": pub.key_size, "publicExponent": _int_bytes(e)}
        if handle.pss:
            out.update(hashAlgorithm=handle.pss["hash"], mgf1HashAlgorithm=handle.pss["mgf1"],
                       saltLength=handle.pss["salt"])
        return out
    if isinstance(pub, dsa.DSAPublicKey):
        q = pub.parameters().parameter_numbers().q
        return {"modulusLength": pub.key_size, "divisorLength": q.bit_length()}
    if isinstance(pub, ec.EllipticCurvePublicKey):
        name = pub.curve.name
        return {"namedCurve": _OPENSSL_CURVE.get(name, name)}
    return {}


def export(handle: KeyHandle, fmt: str, enc_type: str, cipher, passphrase):
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    if handle.pss is not None and cipher is None:
        return _pss_export(handle, fmt, enc_type)
    encoding = ser.Encoding.PEM if fmt == "pem" else ser.Encoding.DER
    if handle.kind == "public" or enc_type == "spki":
        pub = handle.public()
        fmt_ = ser.PublicFormat.PKCS1 if enc_type == "pkcs1" else ser.PublicFormat.SubjectPublicKeyInfo
        return pub.public_bytes(encoding, fmt_)
    private_format = ser.PrivateFormat.PKCS8 if enc_type == "pkcs8" else ser.PrivateFormat.TraditionalOpenSSL
    if fmt == "pem" and enc_type != "pkcs8" and cipher is not None and passphrase is not None:
        return _legacy_encrypted_pem(handle, cipher, passphrase)
    algorithm = ser.BestAvailableEncryption(passphrase) if cipher is not None and passphrase else \
        ser.NoEncryption()
    return handle.key.private_bytes(encoding, private_format, algorithm)


def _legacy_encrypted_pem(handle: KeyHandle, cipher: str, passphrase: bytes) -> bytes:
    """OpenSSL's traditional encrypted PEM (Proc-Type/DEK-Info headers): the
    key is EVP_BytesToKey(MD5) of the passphrase salted with the IV's first
    8 bytes, the DER body encrypted with `cipher` and PKCS#7 padding."""
    import hashlib  # noqa: PLC0415
    import os  # noqa: PLC0415

    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415

    from ._crypto_cipher import CIPHERS, CipherState  # noqa: PLC0415
    info = CIPHERS[cipher.lower()]
    key_len, iv_len = info[2], info[3]
    der = handle.key.private_bytes(ser.Encoding.DER, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption())
    iv = os.urandom(iv_len)
    material, block = b"", b""
    while len(material) < key_len:
        block = hashlib.md5(block + passphrase + iv[:8]).digest()
        material += block
    state = CipherState(info, material[:key_len], iv, True, 16)
    body = state.update(der) + state.final()
    label = {"rsa": "RSA", "ec": "EC", "dsa": "DSA"}.get(_asym_type(handle.key), "RSA")
    text = base64.b64encode(body).decode()
    lines = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
    return (f"-----BEGIN {label} PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
            f"DEK-Info: {cipher.upper()},{iv.hex().upper()}\n\n{lines}\n"
            f"-----END {label} PRIVATE KEY-----\n").encode()


def export_jwk(handle: KeyHandle):
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: PLC0415
    if handle.pss is not None:
        return "type"
    pub = handle.public()
    private = handle.kind == "private"
    if isinstance(pub, rsa.RSAPublicKey):
        numbers = pub.public_numbers()
        jwk = {"kty": "RSA", "n": _b64(_int_bytes(numbers.n)), "e": _b64(_int_bytes(numbers.e))}
        if private:
            p = handle.key.private_numbers()
            jwk.update(d=_b64(_int_bytes(p.d)), p=_b64(_int_bytes(p.p)), q=_b64(_int_bytes(p.q)),
                       dp=_b64(_int_bytes(p.dmp1)), dq=_b64(_int_bytes(p.dmq1)),
                       qi=_b64(_int_bytes(p.iqmp)))
        return jwk
    if isinstance(pub, ec.EllipticCurvePublicKey):
        crv = _JWK_CURVE.get(pub.curve.name)
        if crv is None:
            return ["curve", _OPENSSL_CURVE.get(pub.curve.name, pub.curve.name)]
        size = (pub.curve.key_size + 7) // 8
        numbers = pub.public_numbers()
        jwk = {"kty": "EC", "x": _b64(_int_bytes(numbers.x, size)),
               "y": _b64(_int_bytes(numbers.y, size)), "crv": crv}
        if private:
            jwk["d"] = _b64(_int_bytes(handle.key.private_numbers().private_value, size))
        return jwk
    kind = _asym_type(pub)
    if kind in ("ed25519", "ed448", "x25519", "x448"):
        crv = {"ed25519": "Ed25519", "ed448": "Ed448", "x25519": "X25519", "x448": "X448"}[kind]
        jwk = {"crv": crv}
        if private:
            jwk["d"] = _b64(handle.key.private_bytes(ser.Encoding.Raw, ser.PrivateFormat.Raw,
                                                      ser.NoEncryption()))
        jwk["x"] = _b64(pub.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw))
        jwk["kty"] = "OKP"
        return jwk
    return "type"


def equals(a: KeyHandle, b: KeyHandle) -> bool:
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    der = ser.Encoding.DER
    if a.public().public_bytes(der, ser.PublicFormat.SubjectPublicKeyInfo) != \
            b.public().public_bytes(der, ser.PublicFormat.SubjectPublicKeyInfo):
        return False
    if a.kind == "private" and b.kind == "private":
        pk = ser.PrivateFormat.PKCS8
        return a.key.private_bytes(der, pk, ser.NoEncryption()) == b.key.private_bytes(der, pk, ser.NoEncryption())
    return a.kind == b.kind


def _rsa_generate(bits: int, e: int):
    """An RSA key of any size and odd exponent; ``cryptography`` only makes
    keys of 1024 bits and up with e = 3 or 65537, Node's tests use others."""
    import math  # noqa: PLC0415

    from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: PLC0415

    from .crypto import _generate_prime  # noqa: PLC0415
    while True:
        p = int.from_bytes(_generate_prime(bits - bits // 2, False, None, None), "big")
        q = int.from_bytes(_generate_prime(bits // 2, False, None, None), "big")
        n = p * q
        if p == q or n.bit_length() != bits:
            continue
        if math.gcd(e, (p - 1) * (q - 1)) != 1:
            continue
        if p < q:
            p, q = q, p
        d = pow(e, -1, (p - 1) * (q - 1) // math.gcd(p - 1, q - 1))
        numbers = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p),
                                        rsa.RSAPublicNumbers(e, n))
        return numbers.private_key(unsafe_skip_rsa_key_validation=True)


def generate(kind: str, opts: dict):
    if kind == "rsa-pss":
        handle = generate("rsa", opts)
        if isinstance(handle, KeyHandle):
            pss = {}
            if any(opts.get(k) is not None for k in ("hash", "mgf1", "salt")):
                h = opts.get("hash") or "sha1"
                mgf1 = opts.get("mgf1") or h
                salt = opts.get("salt")
                pss = {"hash": h, "mgf1": mgf1, "salt": _HASH_SIZES.get(h, 20) if salt is None else int(salt)}
            handle.pss = pss
        return handle
    return _generate(kind, opts)


def _generate_dh(opts: dict):
    import warnings  # noqa: PLC0415

    from cryptography.hazmat.primitives.asymmetric import dh  # noqa: PLC0415

    from ._crypto_dh import _modp, _safe_prime  # noqa: PLC0415
    g = int(opts.get("generator") or 2)
    if opts.get("group") is not None:
        p = _modp(opts["group"])
        if p is None:
            return "group"
        g = 2
    elif opts.get("prime") is not None:
        p = int.from_bytes(opts["prime"], "big")
    else:
        p = _safe_prime(int(opts["primeLength"]), g)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            key = dh.DHParameterNumbers(p, g).parameters().generate_private_key()
        except ValueError as err:
            return ["ERR_OSSL_DH_BAD_GENERATOR", str(err), "Diffie-Hellman routines", "bad generator"]
    return KeyHandle("private", key)


def _generate(kind: str, opts: dict):
    if kind == "dh":
        return _generate_dh(opts)
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x448, x25519  # noqa: PLC0415
    try:
        if kind == "rsa":
            bits, e = int(opts["modulusLength"]), int(opts.get("publicExponent", 65537))
            if bits >= 1024 and e in (3, 65537):
                key = rsa.generate_private_key(e, bits)
            elif e < 3 or e % 2 == 0 or bits < 16:
                return ["ERR_OSSL_RSA_BAD_E_VALUE" if e % 2 == 0 or e < 3 else "ERR_OSSL_RSA_KEY_SIZE_TOO_SMALL",
                        "error:1C8000AC:Provider routines::bad e value" if e % 2 == 0 or e < 3 else
                        "error:1C8000AF:Provider routines::key size too small",
                        "Provider routines", "bad e value" if e % 2 == 0 or e < 3 else "key size too small"]
            else:
                key = _rsa_generate(bits, e)
        elif kind == "dsa":
            key = dsa.generate_private_key(int(opts["modulusLength"]))
        elif kind == "ec":
            from ._crypto_dh import curve  # noqa: PLC0415
            name = _CURVES.get(str(opts["namedCurve"]).lower())
            found = None if name is None else curve(_OPENSSL_CURVE.get(name, name))
            if found is None:
                return "curve"
            key = ec.generate_private_key(found)
        else:
            key = {"ed25519": ed25519.Ed25519PrivateKey, "ed448": ed448.Ed448PrivateKey,
                   "x25519": x25519.X25519PrivateKey, "x448": x448.X448PrivateKey}[kind].generate()
    except (ValueError, TypeError, AttributeError) as err:
        return ["ERR_OSSL_GENERATE", str(err), "", ""]
    return KeyHandle("private", key)


def _hash(name):
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from .crypto import digest_name  # noqa: PLC0415
    algo = digest_name(name)
    if algo is None:
        return None
    return {"md5": hashes.MD5, "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
            "sha384": hashes.SHA384, "sha512": hashes.SHA512, "sha512_224": hashes.SHA512_224,
            "sha512_256": hashes.SHA512_256, "sha3_224": hashes.SHA3_224, "sha3_256": hashes.SHA3_256,
            "sha3_384": hashes.SHA3_384, "sha3_512": hashes.SHA3_512}.get(algo, lambda: None)()


def _pss(digest, salt_length):
    from cryptography.hazmat.primitives.asymmetric import padding  # noqa: PLC0415
    if salt_length is None or salt_length == -2:
        salt = padding.PSS.MAX_LENGTH if salt_length is not None else padding.PSS.MAX_LENGTH
    elif salt_length == -1:
        salt = padding.PSS.DIGEST_LENGTH
    else:
        salt = salt_length
    return padding.PSS(mgf=padding.MGF1(digest), salt_length=salt)


def _der_to_p1363(sig: bytes, size: int) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature  # noqa: PLC0415
    r, s = decode_dss_signature(sig)
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def _p1363_to_der(sig: bytes):
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature  # noqa: PLC0415
    half = len(sig) // 2
    return encode_dss_signature(int.from_bytes(sig[:half], "big"), int.from_bytes(sig[half:], "big"))


def _order_size(key) -> int:
    from cryptography.hazmat.primitives.asymmetric import dsa, ec  # noqa: PLC0415
    pub = key.public_key() if hasattr(key, "public_key") else key
    if isinstance(pub, ec.EllipticCurvePublicKey):
        return (pub.curve.key_size + 7) // 8
    if isinstance(pub, dsa.DSAPublicKey):
        return (pub.parameters().parameter_numbers().q.bit_length() + 7) // 8
    return 0


_BAD_PADDING = ["ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
                "error:1C8000A5:Provider routines::illegal or unsupported padding mode", "Provider routines",
                "illegal or unsupported padding mode"]
_NOT_FOR_KEYTYPE = ["ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                    "error:03000096:digital envelope routines::operation not supported for this keytype",
                    "digital envelope routines", "operation not supported for this keytype"]


def _signature_key_error(key, pad: int, pss=None, digest=None, salt_length=None):
    """The error OpenSSL reports before signing/verifying with `key`, if any."""
    from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: PLC0415

    from .crypto import digest_name  # noqa: PLC0415
    if _asym_type(key) in ("x25519", "x448", "dh"):
        return _NOT_FOR_KEYTYPE
    if pss and salt_length is not None and 0 <= salt_length < pss["salt"]:
        return ["ERR_OSSL_PSS_SALTLEN_TOO_SMALL", "error:1C8000AC:Provider routines::pss saltlen too small",
                "Provider routines", "pss saltlen too small"]
    if pss and digest is not None and digest_name(digest) != pss["hash"]:
        return ["ERR_OSSL_DIGEST_NOT_ALLOWED", "error:1C8000AE:Provider routines::digest not allowed",
                "Provider routines", "digest not allowed"]
    if pss is not None and pad not in (0, 6):
        return _BAD_PADDING
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)) and pad not in (0, 1, 6):
        return _BAD_PADDING
    return None


def _signature_params(handle: KeyHandle, key, digest_name_, pad: int, salt_length, signing: bool):
    """(error, padding, salt length, digest) for sign/verify: an RSA-PSS
    key's own parameters fill what the call left out (its salt length only
    when signing; a verifier without one detects it)."""
    error = _signature_key_error(key, pad, handle.pss, digest_name_, salt_length)
    if error:
        return error, pad, salt_length, None
    if handle.pss is not None:
        pad = 6
        if handle.pss and signing and salt_length is None:
            salt_length = handle.pss["salt"]
        if handle.pss and digest_name_ is None:
            digest_name_ = handle.pss["hash"]
    digest = None if digest_name_ is None else _hash(digest_name_)
    if digest_name_ is not None and digest is None:
        return "digest", pad, salt_length, None
    return None, pad, salt_length, digest


def sign(handle: KeyHandle, digest_name_, data: bytes, pad: int, salt_length, p1363: bool):
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa  # noqa: PLC0415
    key = handle.key
    error, pad, salt_length, digest = _signature_params(handle, key, digest_name_, pad, salt_length, True)
    if error:
        return error
    try:
        if isinstance(key, rsa.RSAPrivateKey):
            from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
            digest = digest or hashes.SHA256()
            scheme = _pss(digest, salt_length) if pad == 6 else padding.PKCS1v15()
            return key.sign(data, scheme, digest)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
            sig = key.sign(data, ec.ECDSA(digest or hashes.SHA256()))
            return _der_to_p1363(sig, _order_size(key)) if p1363 else sig
        if isinstance(key, dsa.DSAPrivateKey):
            from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
            sig = key.sign(data, digest or hashes.SHA256())
            return _der_to_p1363(sig, _order_size(key)) if p1363 else sig
        return key.sign(data)
    except (ValueError, TypeError, AttributeError) as err:
        if "too long for key size" in str(err) and pad == 6:
            return _TOO_LARGE
        if "too long for key size" in str(err):
            return ["ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY",
                    "error:02000070:rsa routines::digest too big for rsa key", "rsa routines",
                    "digest too big for rsa key"]
        return ["ERR_OSSL_SIGN", str(err), "", ""]


def verify(handle: KeyHandle, digest_name_, data: bytes, sig: bytes, pad: int, salt_length, p1363: bool):
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa  # noqa: PLC0415
    key = handle.public()
    error, pad, salt_length, digest = _signature_params(handle, key, digest_name_, pad, salt_length, False)
    if error:
        return error
    try:
        if isinstance(key, rsa.RSAPublicKey):
            digest = digest or hashes.SHA256()
            scheme = _pss(digest, -2 if salt_length is None else salt_length) if pad == 6 else \
                padding.PKCS1v15()
            if pad == 6 and salt_length is None:
                scheme = padding.PSS(mgf=padding.MGF1(digest), salt_length=padding.PSS.AUTO)
            key.verify(sig, data, scheme, digest)
        elif isinstance(key, (ec.EllipticCurvePublicKey, dsa.DSAPublicKey)):
            if p1363:
                if len(sig) != 2 * _order_size(key):
                    return False
                sig = _p1363_to_der(sig)
            if isinstance(key, ec.EllipticCurvePublicKey):
                key.verify(sig, data, ec.ECDSA(digest or hashes.SHA256()))
            else:
                key.verify(sig, data, digest or hashes.SHA256())
        else:
            key.verify(sig, data)
        return True
    except InvalidSignature:
        return False
    except (ValueError, TypeError, AttributeError):
        return False


def exchange(private: KeyHandle, public: KeyHandle):
    from cryptography.hazmat.primitives.asymmetric import dh, ec  # noqa: PLC0415
    peer = public.public()
    mismatch = (isinstance(private.key, dh.DHPrivateKey) and
                private.key.parameters().parameter_numbers() != peer.parameters().parameter_numbers()) or \
        (isinstance(private.key, ec.EllipticCurvePrivateKey) and private.key.curve.name != peer.curve.name)
    if mismatch:
        return ["ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
                "error:1C8000DE:Provider routines::mismatching domain parameters", "Provider routines",
                "mismatching domain parameters"]
    try:
        if isinstance(private.key, ec.EllipticCurvePrivateKey):
            return private.key.exchange(ec.ECDH(), public.public())
        return private.key.exchange(public.public())
    except (ValueError, TypeError) as err:
        return ["ERR_OSSL_EVP_DIFFERENT_PARAMETERS" if "curve" in str(err).lower() else "ERR_CRYPTO_OPERATION_FAILED",
                "error:1C8000C8:Provider routines::different parameters" if "curve" in str(err).lower()
                else str(err), "Provider routines", "different parameters"]


def _pkcs1_type1(data: bytes, size: int) -> bytes | None:
    if len(data) > size - 11:
        return None
    return b"\x00\x01" + b"\xff" * (size - 3 - len(data)) + b"\x00" + data


def rsa_crypt(op: str, handle: KeyHandle, data: bytes, pad: int, oaep_hash, label):
    from cryptography.hazmat.primitives import hashes  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import padding, rsa  # noqa: PLC0415
    pub = handle.public()
    if handle.pss is not None:
        return ["ERR_OSSL_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                "error:1C8000B2:Provider routines::operation not supported for this keytype",
                "Provider routines", "operation not supported for this keytype"]
    if not isinstance(pub, rsa.RSAPublicKey):
        return ["ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
                "error:03000096:digital envelope routines::operation not supported for this keytype",
                "digital envelope routines", "operation not supported for this keytype"]
    size = (pub.key_size + 7) // 8
    numbers = pub.public_numbers()
    try:
        if op == "publicEncrypt":
            if pad == 4:
                h = _hash(oaep_hash or "sha1")
                return pub.encrypt(data, padding.OAEP(padding.MGF1(h), h, label or None))
            if pad == 1:
                return pub.encrypt(data, padding.PKCS1v15())
            if len(data) != size:
                return _TOO_LARGE
            return _int_bytes(pow(int.from_bytes(data, "big"), numbers.e, numbers.n), size)
        if op == "privateDecrypt":
            key = handle.key
            if pad == 4:
                h = _hash(oaep_hash or "sha1")
                return key.decrypt(data, padding.OAEP(padding.MGF1(h), h, label or None))
            if pad == 1:
                return key.decrypt(data, padding.PKCS1v15())
            d = key.private_numbers().d
            return _int_bytes(pow(int.from_bytes(data, "big"), d, numbers.n), size)
        if op == "privateEncrypt":
            d = handle.key.private_numbers().d
            block = _pkcs1_type1(data, size) if pad == 1 else data
            if block is None or len(block) != size:
                return _TOO_LARGE
            return _int_bytes(pow(int.from_bytes(block, "big"), d, numbers.n), size)
        # publicDecrypt
        block = _int_bytes(pow(int.from_bytes(data, "big"), numbers.e, numbers.n), size)
        if pad != 1:
            return block
        if block[:2] != b"\x00\x01" or b"\x00" not in block[2:]:
            return ["ERR_OSSL_RSA_PADDING_CHECK_FAILED", "error:02000072:rsa routines::padding check failed",
                    "rsa routines", "padding check failed"]
        return block[block.index(b"\x00", 2) + 1:]
    except ValueError as err:
        if "too large" in str(err).lower() or "too long" in str(err).lower():
            return _TOO_LARGE
        return _OAEP_FAILED if pad == 4 else ["ERR_OSSL_RSA_PADDING_CHECK_FAILED",
                                              "error:02000072:rsa routines::padding check failed",
                                              "rsa routines", "padding check failed"]


def functions(engine) -> dict:
    import warnings  # noqa: PLC0415
    # Finite-field DH is deprecated in `cryptography`; Node still offers it.
    warnings.filterwarnings("ignore", message="Diffie-Hellman over finite fields")
    to_bytes = engine.to_bytes
    wrap = engine.host_object

    def wrapped(result):
        return wrap(result) if isinstance(result, KeyHandle) else result

    def opt_bytes(value):
        return None if value is None else to_bytes(value)

    def opt_text(value):
        return None if value is None else engine.text(value)

    jwk_fields = ("kty", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi")

    def jwk_dict(values):
        # JS passes the JWK members as an array in jwk_fields order (null when absent).
        items = engine.to_list(values)
        return {k: engine.text(v) for k, v in zip(jwk_fields, items) if v is not None}

    def gen(kind, modulus_length, public_exponent, named_curve, divisor_length, pss_hash=None, pss_mgf1=None,
            pss_salt=None, dh_group=None, dh_prime=None, dh_generator=None):
        from .crypto import digest_name  # noqa: PLC0415
        opts = {}
        if dh_group is not None:
            opts["group"] = engine.text(dh_group)
        if dh_prime is not None:
            opts["prime"] = to_bytes(dh_prime)
        if dh_generator is not None:
            opts["generator"] = dh_generator
        if modulus_length is not None and engine.text(kind) == "dh":
            opts["primeLength"] = modulus_length
        for key, value in (("hash", pss_hash), ("mgf1", pss_mgf1)):
            if value is not None:
                name = digest_name(engine.text(value))
                if name is None:
                    return ["digest", engine.text(value)]
                opts[key] = name
        if pss_salt is not None:
            opts["salt"] = int(pss_salt)
        if modulus_length is not None:
            opts["modulusLength"] = modulus_length
        if public_exponent is not None:
            opts["publicExponent"] = public_exponent
        if named_curve is not None:
            opts["namedCurve"] = engine.text(named_curve)
        if divisor_length is not None:
            opts["divisorLength"] = divisor_length
        return wrapped(generate(engine.text(kind), opts))

    return {
        "keyParse": lambda kind, data, fmt, t, pw: wrapped(
            parse(engine.text(kind), to_bytes(data), engine.text(fmt), opt_text(t), opt_bytes(pw))),
        "keyFromJwk": lambda kind, jwk: wrapped(from_jwk(engine.text(kind), jwk_dict(jwk))),
        "keyType": key_type,
        "keyDetails": details,
        "keyExport": lambda h, fmt, t, cipher, pw: export(h, engine.text(fmt), opt_text(t), opt_text(cipher),
                                                          opt_bytes(pw)),
        "keyExportJwk": export_jwk,
        "keyEquals": equals,
        "keyExchange": exchange,
        "keyPublic": lambda h: wrap(KeyHandle("public", h.public(), h.pss)),
        "keyGenerate": gen,
        "sign": lambda h, d, data, pad, salt, p1363: sign(h, opt_text(d), to_bytes(data), int(pad),
                                                         None if salt is None else int(salt), bool(p1363)),
        "verify": lambda h, d, data, sig, pad, salt, p1363: verify(
            h, opt_text(d), to_bytes(data), to_bytes(sig), int(pad), None if salt is None else int(salt),
            bool(p1363)),
        "rsaCrypt": lambda op, h, data, pad, oaep_hash, label: rsa_crypt(
            engine.text(op), h, to_bytes(data), int(pad), opt_text(oaep_hash), opt_bytes(label)),
    }
