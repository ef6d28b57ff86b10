"""Diffie-Hellman (finite field, on Python integers) and ECDH (over
``cryptography``) for internalBinding('crypto').

Failures are returned as short tags JS turns into Node's errors, never
raised.
"""

from __future__ import annotations

import os

# The MODP groups of RFC 2409 and RFC 3526 (generator 2), by OpenSSL's names:
# p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k), with the RFCs'
# bit sizes n and offsets k.
_MODP = {"modp1": (768, 149686), "modp2": (1024, 129093), "modp5": (1536, 741804),
         "modp14": (2048, 124476), "modp15": (3072, 1690314), "modp16": (4096, 240904),
         "modp17": (6144, 929484), "modp18": (8192, 4743158)}
_cache: dict[str, int] = {}


def _pi_floor_scaled(shift: int) -> int:
    """floor(pi * 2^shift), from Machin's formula on integers."""
    guard = 64
    scale = 1 << (shift + guard)

    def arctan_inv(x: int) -> int:
        total, term, n, sign = 0, scale // x, 1, 1
        x2 = x * x
        while term:
            total += sign * (term // n)
            term //= x2
            n += 2
            sign = -sign
        return total
    pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
    return pi >> guard


def _modp(name: str) -> int | None:
    if name not in _MODP:
        return None
    if name not in _cache:
        bits, offset = _MODP[name]
        _cache[name] = ((1 << bits) - (1 << (bits - 64)) - 1
                        + (1 << 64) * (_pi_floor_scaled(bits - 130) + offset))
    return _cache[name]


def _is_prime(n: int) -> bool:
    from .crypto import _probably_prime  # noqa: PLC0415
    return _probably_prime(n, 20)


DH_MODULUS_TOO_SMALL = ["ERR_OSSL_DH_MODULUS_TOO_SMALL",
                        "error:0280007E:Diffie-Hellman routines::modulus too small",
                        "Diffie-Hellman routines", "modulus too small"]
DH_BAD_GENERATOR = ["ERR_OSSL_DH_BAD_GENERATOR", "error:02800065:Diffie-Hellman routines::bad generator",
                    "Diffie-Hellman routines", "bad generator"]


class DHState:
    __slots__ = ("p", "g", "priv", "pub", "verify_error")

    def __init__(self, p: int, g: int, verify_error: int):
        self.p, self.g = p, g
        self.priv = self.pub = None
        self.verify_error = verify_error


def _size(n: int) -> int:
    return max(1, (n.bit_length() + 7) // 8)


def _check(p: int, g: int, known_safe: bool) -> int:
    flags = 0
    if p.bit_length() < 512:
        flags |= 0x80                       # DH_MODULUS_TOO_SMALL
    if not known_safe:
        if not _is_prime(p):
            flags |= 1                      # DH_CHECK_P_NOT_PRIME
        elif not _is_prime((p - 1) // 2):
            flags |= 2                      # DH_CHECK_P_NOT_SAFE_PRIME
    if g <= 1 or g >= p - 1:
        flags |= 8                          # DH_NOT_SUITABLE_GENERATOR
    return flags


def _safe_prime(bits: int, g: int) -> int:
    """A safe prime for generator g, as OpenSSL's DH_generate_parameters makes
    it (through cryptography, which calls it, for the usual generators)."""
    if g in (2, 5):
        import warnings  # noqa: PLC0415

        from cryptography.hazmat.primitives.asymmetric import dh  # noqa: PLC0415
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dh.generate_parameters(g, bits).parameter_numbers().p
    from .crypto import _generate_prime  # noqa: PLC0415
    return int.from_bytes(_generate_prime(bits, True, None, None), "big")


def dh_new(prime, generator):
    """prime: a bit size (int) or the prime's bytes; generator: int or bytes."""
    g = generator if isinstance(generator, int) else int.from_bytes(generator, "big")
    if isinstance(prime, int):
        if prime < 512:
            return DH_MODULUS_TOO_SMALL
        if g < 2:
            return DH_BAD_GENERATOR
        return DHState(_safe_prime(prime, g), g, 0)
    p = int.from_bytes(prime, "big")
    if g < 2:
        return DH_BAD_GENERATOR
    return DHState(p, g, _check(p, g, False))


def dh_group(name: str):
    p = _modp(name)
    if p is None:
        return None
    return DHState(p, 2, 0)


def dh_generate(state: DHState):
    if state.p.bit_length() < 512:
        return DH_MODULUS_TOO_SMALL
    if state.priv is None:
        # A private exponent in [2, p - 2].
        state.priv = 2 + int.from_bytes(os.urandom(_size(state.p) + 8), "big") % (state.p - 3)
    state.pub = pow(state.g, state.priv, state.p)
    return _int_bytes(state.pub)


def _int_bytes(n: int, size: int | None = None) -> bytes:
    return n.to_bytes(size or _size(n), "big")


def dh_compute(state: DHState, other: bytes):
    if state.priv is None:
        return "nokey"
    y = int.from_bytes(other, "big")
    if y <= 1:
        return "small"
    if y >= state.p - 1:
        return "large"
    return _int_bytes(pow(y, state.priv, state.p), _size(state.p))


def dh_get(state: DHState, what: str):
    value = {"p": state.p, "g": state.g, "pub": state.pub, "priv": state.priv}[what]
    return None if value is None else _int_bytes(value)


def dh_set(state: DHState, what: str, data: bytes):
    value = int.from_bytes(data, "big")
    if what == "pub":
        state.pub = value
    else:
        state.priv = value
    return 0


# --- ECDH -------------------------------------------------------------------

_EC_NAMES = {"prime256v1": "SECP256R1", "secp256r1": "SECP256R1", "secp384r1": "SECP384R1",
             "secp521r1": "SECP521R1", "secp256k1": "SECP256K1", "secp224r1": "SECP224R1",
             "prime192v1": "SECP192R1", "secp192r1": "SECP192R1", "brainpoolP256r1": "BrainpoolP256R1",
             "brainpoolP384r1": "BrainpoolP384R1", "brainpoolP512r1": "BrainpoolP512R1"}


def curve(name: str):
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    attr = _EC_NAMES.get(name)
    if attr is None or not hasattr(ec, attr):
        return None
    return getattr(ec, attr)()


def curve_names() -> list:
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    return [name for name, attr in _EC_NAMES.items() if hasattr(ec, attr)]


class ECDHState:
    __slots__ = ("curve", "priv", "pub")

    def __init__(self, c):
        self.curve = c
        self.priv = None
        self.pub = None


def _order(c) -> int:
    # Group orders of the supported curves (public constants).
    return _ORDERS[c.name]


_ORDERS = {
    "secp256r1": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    "secp384r1": int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973",
                     16),
    "secp521r1": int("01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA"
                     "51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409", 16),
    "secp256k1": 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141,
    "secp224r1": 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF16A2E0B8F03E13DD29455C5C2A3D,
    "secp192r1": 0xFFFFFFFFFFFFFFFFFFFFFFFF99DEF836146BC9B1B4D22831,
    "brainpoolP256r1": 0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7,
    "brainpoolP384r1": int("8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565",
                           16),
    "brainpoolP512r1": int("AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471D"
                           "B1D381085DDADDB58796829CA90069", 16),
}


def _encode_point(pub, form: int) -> bytes:
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    if form == 2:
        return pub.public_bytes(ser.Encoding.X962, ser.PublicFormat.CompressedPoint)
    raw = pub.public_bytes(ser.Encoding.X962, ser.PublicFormat.UncompressedPoint)
    if form == 6:
        return bytes([6 | (raw[-1] & 1)]) + raw[1:]
    return raw


def _decode_point(c, data: bytes):
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    if data[:1] in (b"\x06", b"\x07"):
        data = b"\x04" + data[1:]
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(c, data)
    except (ValueError, TypeError):
        return None


def ecdh_generate(state: ECDHState):
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    state.priv = ec.generate_private_key(state.curve)
    state.pub = state.priv.public_key()
    return 0


def ecdh_set_private(state: ECDHState, data: bytes):
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    value = int.from_bytes(data, "big")
    if not 0 < value < _order(state.curve):
        return "keytype"
    state.priv = ec.derive_private_key(value, state.curve)
    state.pub = state.priv.public_key()
    return 0


def ecdh_set_public(state: ECDHState, data: bytes):
    pub = _decode_point(state.curve, data)
    if pub is None:
        return "point"
    state.pub = pub
    return 0


def ecdh_compute(state: ECDHState, data: bytes):
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    if state.priv is None or _encode_point(state.pub, 4) != _encode_point(state.priv.public_key(), 4):
        return "keypair"
    pub = _decode_point(state.curve, data)
    if pub is None:
        return "point"
    return state.priv.exchange(ec.ECDH(), pub)


def ecdh_private(state: ECDHState):
    if state.priv is None:
        return None
    return _int_bytes(state.priv.private_numbers().private_value, (state.curve.key_size + 7) // 8)


def ecdh_convert(name: str, data: bytes, form: int):
    c = curve(name)
    if c is None:
        return "curve"
    pub = _decode_point(c, data)
    if pub is None:
        return "point"
    return _encode_point(pub, form)


def functions(engine) -> dict:
    to_bytes = engine.to_bytes
    wrap = engine.host_object

    def wrapped(value):
        return wrap(value) if isinstance(value, (DHState, ECDHState)) else value

    def dh_new_js(prime, generator):
        p = int(prime) if isinstance(prime, (int, float)) else to_bytes(prime)
        g = int(generator) if isinstance(generator, (int, float)) else to_bytes(generator)
        return wrapped(dh_new(p, g))

    def ecdh_new(name):
        c = curve(engine.text(name))
        return None if c is None else wrap(ECDHState(c))

    return {
        "dhNew": dh_new_js,
        "dhGroup": lambda name: wrapped(dh_group(engine.text(name))),
        "dhVerifyError": lambda s: s.verify_error,
        "dhGenerateKeys": dh_generate,
        "dhComputeSecret": lambda s, key: dh_compute(s, to_bytes(key)),
        "dhGet": lambda s, what: dh_get(s, engine.text(what)),
        "dhSet": lambda s, what, data: dh_set(s, engine.text(what), to_bytes(data)),
        "ecdhNew": ecdh_new,
        "ecdhGenerateKeys": ecdh_generate,
        "ecdhGetPublicKey": lambda s, form: None if s.pub is None else _encode_point(s.pub, int(form)),
        "ecdhGetPrivateKey": ecdh_private,
        "ecdhSetPrivateKey": lambda s, data: ecdh_set_private(s, to_bytes(data)),
        "ecdhSetPublicKey": lambda s, data: ecdh_set_public(s, to_bytes(data)),
        "ecdhComputeSecret": lambda s, data: ecdh_compute(s, to_bytes(data)),
        "ecdhConvertKey": lambda name, data, form: ecdh_convert(engine.text(name), to_bytes(data), int(form)),
        "curveList": curve_names,
    }
