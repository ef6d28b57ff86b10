"""internalBinding('crypto'): digests, MACs, randomness, KDFs and ciphers.

Thin: JS (polyfills/internal/crypto/*) validates arguments and shapes
Node's errors; this module only computes.  Digests, HMAC, PBKDF2, scrypt and
randomness come from the standard library (hashlib is OpenSSL underneath, as
in Node).  Ciphers use the ``cryptography`` package, imported on first use so
that loading ``node:crypto`` stays cheap.

Failures come back as values, never exceptions: ``None`` for an unknown
algorithm, or ``[code, message]`` for an OpenSSL-style failure that JS turns
into Node's error object.
"""

from __future__ import annotations

import hashlib
import hmac as _hmac
import os

# OpenSSL's digest names (case-insensitive) -> hashlib's.
_DIGESTS = {
    "md5": "md5", "ssl3-md5": "md5", "md5withrsaencryption": "md5",
    "sha1": "sha1", "ssl3-sha1": "sha1", "rsa-sha1-2": "sha1", "sha1withrsaencryption": "sha1",
    "sha-1": "sha1", "sha1-2": "sha1",
    "sha224": "sha224", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512",
    "sha512-224": "sha512_224", "sha512/224": "sha512_224",
    "sha512-256": "sha512_256", "sha512/256": "sha512_256",
    "sha3-224": "sha3_224", "sha3-256": "sha3_256", "sha3-384": "sha3_384", "sha3-512": "sha3_512",
    "shake128": "shake_128", "shake256": "shake_256", "shake-128": "shake_128", "shake-256": "shake_256",
    "ripemd160": "ripemd160", "ripemd": "ripemd160", "rmd160": "ripemd160", "ripemd-160": "ripemd160",
    "ripemd160withrsa": "ripemd160",
    "blake2b512": "blake2b", "blake2s256": "blake2s",
    "md5-sha1": "md5-sha1", "sm3": "sm3", "sm3withrsaencryption": "sm3",
}
for _bits in ("224", "256", "384", "512"):
    _DIGESTS[f"sha2-{_bits}"] = f"sha{_bits}"
    _DIGESTS[f"sha-{_bits}"] = f"sha{_bits}"
    _DIGESTS[f"sha{_bits}withrsaencryption"] = f"sha{_bits}"
    _DIGESTS[f"id-rsassa-pkcs1-v1_5-with-sha3-{_bits}"] = f"sha3_{_bits}"
for _bits in ("224", "256"):
    _DIGESTS[f"sha2-512/{_bits}"] = f"sha512_{_bits}"
    _DIGESTS[f"sha512-{_bits}withrsaencryption"] = f"sha512_{_bits}"

# The names getHashes() lists, as Node built on OpenSSL 3 lists them.
HASH_LIST = [
    "RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA1-2", "RSA-SHA224", "RSA-SHA256",
    "RSA-SHA3-224", "RSA-SHA3-256", "RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384", "RSA-SHA512",
    "RSA-SHA512/224", "RSA-SHA512/256", "RSA-SM3", "blake2b512", "blake2s256",
    "id-rsassa-pkcs1-v1_5-with-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-256",
    "id-rsassa-pkcs1-v1_5-with-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-512", "md5", "md5-sha1",
    "md5WithRSAEncryption", "ripemd", "ripemd160", "ripemd160WithRSA", "rmd160", "sha1",
    "sha1WithRSAEncryption", "sha224", "sha224WithRSAEncryption", "sha256", "sha256WithRSAEncryption",
    "sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384", "sha384WithRSAEncryption", "sha512",
    "sha512-224", "sha512-224WithRSAEncryption", "sha512-256", "sha512-256WithRSAEncryption",
    "sha512WithRSAEncryption", "shake128", "shake256", "sm3", "sm3WithRSAEncryption", "ssl3-md5",
    "ssl3-sha1",
]

# crypto.constants as Node built on OpenSSL 3.0 has them.
_TLS_CIPHERS = ("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
                "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
                "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:"
                "DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:"
                "ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:"
                "!MD5:!PSK:!SRP:!CAMELLIA")
CONSTANTS = {
    "OPENSSL_VERSION_NUMBER": 805306672, "SSL_OP_ALL": 2147485776, "SSL_OP_ALLOW_NO_DHE_KEX": 1024,
    "SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION": 262144, "SSL_OP_CIPHER_SERVER_PREFERENCE": 4194304,
    "SSL_OP_CISCO_ANYCONNECT": 32768, "SSL_OP_COOKIE_EXCHANGE": 8192,
    "SSL_OP_CRYPTOPRO_TLSEXT_BUG": 2147483648, "SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS": 2048,
    "SSL_OP_LEGACY_SERVER_CONNECT": 4, "SSL_OP_NO_COMPRESSION": 131072,
    "SSL_OP_NO_ENCRYPT_THEN_MAC": 524288, "SSL_OP_NO_QUERY_MTU": 4096,
    "SSL_OP_NO_RENEGOTIATION": 1073741824, "SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION": 65536,
    "SSL_OP_NO_SSLv2": 0, "SSL_OP_NO_SSLv3": 33554432, "SSL_OP_NO_TICKET": 16384,
    "SSL_OP_NO_TLSv1": 67108864, "SSL_OP_NO_TLSv1_1": 268435456, "SSL_OP_NO_TLSv1_2": 134217728,
    "SSL_OP_NO_TLSv1_3": 536870912, "SSL_OP_PRIORITIZE_CHACHA": 2097152,
    "SSL_OP_TLS_ROLLBACK_BUG": 8388608, "ENGINE_METHOD_RSA": 1, "ENGINE_METHOD_DSA": 2,
    "ENGINE_METHOD_DH": 4, "ENGINE_METHOD_RAND": 8, "ENGINE_METHOD_EC": 2048,
    "ENGINE_METHOD_CIPHERS": 64, "ENGINE_METHOD_DIGESTS": 128, "ENGINE_METHOD_PKEY_METHS": 512,
    "ENGINE_METHOD_PKEY_ASN1_METHS": 1024, "ENGINE_METHOD_ALL": 65535, "ENGINE_METHOD_NONE": 0,
    "DH_CHECK_P_NOT_SAFE_PRIME": 2, "DH_CHECK_P_NOT_PRIME": 1, "DH_UNABLE_TO_CHECK_GENERATOR": 4,
    "DH_NOT_SUITABLE_GENERATOR": 8, "RSA_PKCS1_PADDING": 1, "RSA_NO_PADDING": 3,
    "RSA_PKCS1_OAEP_PADDING": 4, "RSA_X931_PADDING": 5, "RSA_PKCS1_PSS_PADDING": 6,
    "RSA_PSS_SALTLEN_DIGEST": -1, "RSA_PSS_SALTLEN_MAX_SIGN": -2, "RSA_PSS_SALTLEN_AUTO": -2,
    "defaultCoreCipherList": _TLS_CIPHERS, "TLS1_VERSION": 769, "TLS1_1_VERSION": 770,
    "TLS1_2_VERSION": 771, "TLS1_3_VERSION": 772, "POINT_CONVERSION_COMPRESSED": 2,
    "POINT_CONVERSION_UNCOMPRESSED": 4, "POINT_CONVERSION_HYBRID": 6,
}

_XOF_DEFAULT = {"shake_128": 16, "shake_256": 32}


def digest_name(name) -> str | None:
    """hashlib's name for an OpenSSL digest name, or None when unknown."""
    if not isinstance(name, str):
        return None
    key = name.lower()
    if key.startswith("rsa-"):
        key = key[4:]
    found = _DIGESTS.get(key)
    if found is None:
        return None
    try:
        hashlib.new(found)
    except ValueError:  # e.g. a build without the legacy provider
        return None
    return found


def _ossl(code: str, lib: str, reason: str, packed: str) -> list:
    return [f"ERR_OSSL_{code}", f"error:{packed}:{lib}::{reason}", lib, reason]


NOT_XOF = _ossl("EVP_NOT_XOF_OR_INVALID_LENGTH", "digital envelope routines",
                "not XOF or invalid length", "030000B2")


class HashState:
    __slots__ = ("h", "length", "xof")

    def __init__(self, h, length, xof):
        self.h = h
        self.length = length
        self.xof = xof

    def digest(self) -> bytes:
        return self.h.digest(self.length) if self.xof else self.h.digest()


def _hash_new(name, length):
    algo = digest_name(name)
    if algo is None:
        return None
    h = hashlib.new(algo)
    xof = algo in _XOF_DEFAULT
    if length is None or length < 0:
        length = _XOF_DEFAULT.get(algo, h.digest_size)
    elif not xof and length != h.digest_size:
        return NOT_XOF
    return HashState(h, length, xof)


def _hash_copy(state, length):
    # A copy does not inherit an XOF length: without one it has the default.
    if length is None or length < 0:
        length = _XOF_DEFAULT.get(state.h.name, state.h.digest_size)
    elif not state.xof and length != state.h.digest_size:
        return NOT_XOF
    return HashState(state.h.copy(), length, state.xof)


def _hkdf(algo, key: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    size = hashlib.new(algo).digest_size
    prk = _hmac.new(salt or b"\0" * size, key, algo).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = _hmac.new(prk, block + info + bytes([counter]), algo).digest()
        out += block
        counter += 1
    return out[:length]


def _probably_prime(n: int, rounds: int) -> bool:
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds or 64):
        a = 2 + int.from_bytes(os.urandom((n.bit_length() + 7) // 8 + 8), "big") % (n - 3)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _generate_prime(bits: int, safe: bool, add: int | None, rem: int | None):
    if add is not None:
        if add.bit_length() > bits:
            return "invalid options.add"
        if rem is None:
            rem = 3 if safe else 1
        elif rem >= add:
            return "invalid options.rem"
    if bits < 2 or (safe and bits < 3):
        return "invalid size"
    while True:
        n = int.from_bytes(os.urandom((bits + 7) // 8), "big")
        n &= (1 << bits) - 1
        n |= (1 << (bits - 1)) | 1
        if bits > 2:
            n |= 1 << (bits - 2)
        if add is not None:
            n -= n % add
            n += rem
            if n.bit_length() != bits:
                continue
        if safe and not _probably_prime((n - 1) // 2, 20):
            continue
        if _probably_prime(n, 20):
            return n.to_bytes((bits + 7) // 8, "big")


def create(host):
    engine = host.engine
    to_bytes = engine.to_bytes

    wrap = engine.host_object

    def wrapped(result):
        return wrap(result) if isinstance(result, HashState) else result

    def hash_new(name, length=-1):
        return wrapped(_hash_new(engine.text(name), None if length is None else int(length)))

    def hash_update(state, data):
        state.h.update(to_bytes(data))
        return 0

    def hash_digest(state):
        return state.digest()

    def one_shot(name, data):
        state = _hash_new(engine.text(name), None)
        if state is None or isinstance(state, list):
            return state
        state.h.update(to_bytes(data))
        return state.digest()

    def hmac_new(name, key):
        algo = digest_name(engine.text(name))
        if algo is None:
            return None
        if algo in _XOF_DEFAULT:
            return False
        return wrap(_hmac.new(to_bytes(key), None, algo))

    def hmac_update(state, data):
        state.update(to_bytes(data))
        return 0

    def digest_size(name):
        algo = digest_name(engine.text(name))
        if algo is None:
            return -1
        return _XOF_DEFAULT.get(algo) or hashlib.new(algo).digest_size

    def pbkdf2(name, password, salt, iterations, keylen):
        algo = digest_name(engine.text(name))
        if algo is None:
            return None
        if algo in _XOF_DEFAULT:
            return False
        return hashlib.pbkdf2_hmac(algo, to_bytes(password), to_bytes(salt), int(iterations), int(keylen))

    def scrypt(password, salt, n, r, p, maxmem, keylen):
        try:
            return hashlib.scrypt(to_bytes(password), salt=to_bytes(salt), n=int(n), r=int(r),
                                  p=int(p), maxmem=int(maxmem), dklen=int(keylen))
        except (ValueError, MemoryError, OverflowError):
            return None

    def scrypt_check(n, r, p, maxmem):
        # OpenSSL's own parameter rules, so that bad N/r/p fail as Node does
        # before any work is done.
        n, r, p, maxmem = int(n), int(r), int(p), int(maxmem)
        if n < 2 or n & (n - 1):
            return 1
        if r == 0 or p == 0 or p > (2 ** 30 - 1) // r:
            return 1
        if 16 * r <= 63 and n >= 2 ** (16 * r):
            return 1
        return 0 if 128 * r * (n + p + 2) <= maxmem else 2

    def hkdf(name, key, salt, info, length):
        algo = digest_name(engine.text(name))
        if algo is None or algo in _XOF_DEFAULT:
            return None
        return _hkdf(algo, to_bytes(key), to_bytes(salt), to_bytes(info), int(length))

    def random_bytes(size):
        return os.urandom(int(size))

    def timing_safe_equal(a, b):
        return _hmac.compare_digest(to_bytes(a), to_bytes(b))

    def generate_prime(bits, safe, add, rem):
        as_int = (lambda v: None if v is None else int.from_bytes(to_bytes(v), "big"))
        return _generate_prime(int(bits), bool(safe), as_int(add), as_int(rem))

    def check_prime(candidate, checks):
        return _probably_prime(int.from_bytes(to_bytes(candidate), "big"), int(checks))

    # Both are cheap to import: they load `cryptography` on first use.
    from . import _crypto_cipher, _crypto_dh, _crypto_keys, _crypto_x509  # noqa: PLC0415

    import _ssl  # noqa: PLC0415 - the OpenSSL this process links (cheaper than ssl)
    constants = dict(CONSTANTS, OPENSSL_VERSION_NUMBER=_ssl.OPENSSL_VERSION_NUMBER)
    binding = {
        "constants": constants,
        "hashNew": hash_new,
        "hashUpdate": hash_update,
        "hashDigest": hash_digest,
        "hashCopy": lambda state, length=-1: wrapped(_hash_copy(state, None if length is None else int(length))),
        "hashOneShot": one_shot,
        "hashList": lambda: list(HASH_LIST),
        "digestSize": digest_size,
        "hmacNew": hmac_new,
        "hmacUpdate": hmac_update,
        "hmacDigest": lambda state: state.digest(),
        "pbkdf2": pbkdf2,
        "scrypt": scrypt,
        "scryptCheck": scrypt_check,
        "hkdf": hkdf,
        "randomBytes": random_bytes,
        "timingSafeEqual": timing_safe_equal,
        "generatePrime": generate_prime,
        "checkPrime": check_prime,
    }
    binding.update(_crypto_cipher.functions(engine))
    binding.update(_crypto_keys.functions(engine))
    binding.update(_crypto_dh.functions(engine))
    binding.update(_crypto_x509.functions(engine))
    return binding
