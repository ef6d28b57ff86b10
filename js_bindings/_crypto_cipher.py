"""Symmetric ciphers for internalBinding('crypto'), over ``cryptography``.

``cryptography`` is imported on the first cipher made, not when the binding
loads.  Errors are returned as ``[code, message, library, reason]`` lists
(OpenSSL's error shape, which JS turns into Node's error object) or as one of
the short strings JS maps to Node's own codes.
"""

from __future__ import annotations

_PROVIDER = "Provider routines"
BAD_DECRYPT = ["ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt", _PROVIDER,
               "bad decrypt"]
WRONG_FINAL = ["ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH",
               "error:1C80006B:Provider routines::wrong final block length", _PROVIDER,
               "wrong final block length"]
AUTH_FAILED = "auth"   # JS: 'Unsupported state or unable to authenticate data'

# name -> (family, mode, key length, iv length, block size)
CIPHERS: dict[str, tuple] = {}
for _bits in (128, 192, 256):
    for _mode, _iv, _block in (("cbc", 16, 16), ("ecb", 0, 16), ("ctr", 16, 1), ("ofb", 16, 1),
                               ("cfb", 16, 1), ("cfb8", 16, 1), ("gcm", 12, 1), ("ccm", 12, 1)):
        CIPHERS[f"aes-{_bits}-{_mode}"] = ("aes", _mode, _bits // 8, _iv, _block)
    CIPHERS[f"aes{_bits}"] = CIPHERS[f"aes-{_bits}-cbc"]
    CIPHERS[f"id-aes{_bits}-gcm"] = CIPHERS[f"aes-{_bits}-gcm"]
    CIPHERS[f"id-aes{_bits}-ccm"] = CIPHERS[f"aes-{_bits}-ccm"]
    CIPHERS[f"aes{_bits}-wrap"] = ("aes", "wrap", _bits // 8, 8, 8)
    CIPHERS[f"id-aes{_bits}-wrap"] = CIPHERS[f"aes{_bits}-wrap"]
    CIPHERS[f"id-aes{_bits}-wrap-pad"] = ("aes", "wrap-pad", _bits // 8, 4, 8)
CIPHERS["aes-128-xts"] = ("aes", "xts", 32, 16, 1)
CIPHERS["aes-256-xts"] = ("aes", "xts", 64, 16, 1)
CIPHERS["chacha20"] = ("chacha20", "stream", 32, 16, 1)
CIPHERS["chacha20-poly1305"] = ("chacha20", "poly1305", 32, 12, 1)
CIPHERS["des-ede3-cbc"] = ("3des", "cbc", 24, 8, 8)
CIPHERS["des-ede3"] = ("3des", "ecb", 24, 0, 8)
CIPHERS["des3"] = CIPHERS["des-ede3-cbc"]

# Canonical name -> [OpenSSL NID, OpenSSL's (long) name, getCipherInfo mode].
NIDS = {
    "aes-128-cbc":[419,"aes-128-cbc","cbc"],
    "aes-128-ecb":[418,"aes-128-ecb","ecb"],
    "aes-128-ctr":[904,"aes-128-ctr","ctr"],
    "aes-128-ofb":[420,"aes-128-ofb","ofb"],
    "aes-128-cfb":[421,"aes-128-cfb","cfb"],
    "aes-128-cfb8":[653,"aes-128-cfb8","cfb"],
    "aes-128-gcm":[895,"id-aes128-gcm","gcm"],
    "aes-128-ccm":[896,"id-aes128-ccm","ccm"],
    "aes128-wrap":[788,"id-aes128-wrap","wrap"],
    "id-aes128-wrap-pad":[897,"id-aes128-wrap-pad","wrap"],
    "aes-192-cbc":[423,"aes-192-cbc","cbc"],
    "aes-192-ecb":[422,"aes-192-ecb","ecb"],
    "aes-192-ctr":[905,"aes-192-ctr","ctr"],
    "aes-192-ofb":[424,"aes-192-ofb","ofb"],
    "aes-192-cfb":[425,"aes-192-cfb","cfb"],
    "aes-192-cfb8":[654,"aes-192-cfb8","cfb"],
    "aes-192-gcm":[898,"id-aes192-gcm","gcm"],
    "aes-192-ccm":[899,"id-aes192-ccm","ccm"],
    "aes192-wrap":[789,"id-aes192-wrap","wrap"],
    "id-aes192-wrap-pad":[900,"id-aes192-wrap-pad","wrap"],
    "aes-256-cbc":[427,"aes-256-cbc","cbc"],
    "aes-256-ecb":[426,"aes-256-ecb","ecb"],
    "aes-256-ctr":[906,"aes-256-ctr","ctr"],
    "aes-256-ofb":[428,"aes-256-ofb","ofb"],
    "aes-256-cfb":[429,"aes-256-cfb","cfb"],
    "aes-256-cfb8":[655,"aes-256-cfb8","cfb"],
    "aes-256-gcm":[901,"id-aes256-gcm","gcm"],
    "aes-256-ccm":[902,"id-aes256-ccm","ccm"],
    "aes256-wrap":[790,"id-aes256-wrap","wrap"],
    "id-aes256-wrap-pad":[903,"id-aes256-wrap-pad","wrap"],
    "aes-128-xts":[913,"aes-128-xts","xts"],
    "aes-256-xts":[914,"aes-256-xts","xts"],
    "chacha20":[1019,"chacha20","stream"],
    "chacha20-poly1305":[1018,"chacha20-poly1305","stream"],
    "des-ede3-cbc":[44,"des-ede3-cbc","cbc"],
    "des-ede3":[33,"des-ede3","ecb"],
}
_ALIASES = {"des3": "des-ede3-cbc"}
for _bits in (128, 192, 256):
    _ALIASES[f"aes{_bits}"] = f"aes-{_bits}-cbc"
    _ALIASES[f"id-aes{_bits}-gcm"] = f"aes-{_bits}-gcm"
    _ALIASES[f"id-aes{_bits}-ccm"] = f"aes-{_bits}-ccm"
    _ALIASES[f"id-aes{_bits}-wrap"] = f"aes{_bits}-wrap"
_BY_NID = {v[0]: k for k, v in NIDS.items()}

# Names as OpenSSL spells them in getCiphers() (lower case but for id-*).
CIPHER_LIST = sorted(
    [n for n in CIPHERS if not n.startswith("id-")]
    + [n.replace("-gcm", "-GCM").replace("-ccm", "-CCM") for n in CIPHERS if n.startswith("id-")])

AEAD_MODES = ("gcm", "ccm", "poly1305")


def _cipher_info(name: str):
    return CIPHERS.get(name.lower())


class CipherState:
    """One Cipheriv/Decipheriv context."""

    def __init__(self, info, key: bytes, iv: bytes, encrypt: bool, tag_len: int):
        self.family, self.mode, _, _, self.block = info
        self.encrypt = encrypt
        self.key = key
        self.iv = iv
        self.tag_len = tag_len
        self.padding = self.block > 1
        self.tag = None          # set by setAuthTag (decrypt) or final (encrypt)
        self.aad = b""
        self.ccm_length = -1
        self.pending = b""       # the held-back last block when unpadding
        self.seen = 0
        self.ctx = None
        self.poly = None
        self.aad_len = 0
        self.data_len = 0
        self.ccm_result = None
        self._start()

    def _start(self):
        from cryptography.hazmat.decrepit.ciphers import modes as old_modes  # noqa: PLC0415
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: PLC0415
        if self.mode in ("ccm", "wrap", "wrap-pad"):
            return
        if self.family == "chacha20":
            if self.mode == "poly1305":
                from cryptography.hazmat.primitives.poly1305 import Poly1305  # noqa: PLC0415
                otk = Cipher(algorithms.ChaCha20(self.key, b"\0" * 4 + self.iv), None).encryptor()
                self.poly = Poly1305(otk.update(b"\0" * 32))
                algo = algorithms.ChaCha20(self.key, (1).to_bytes(4, "little") + self.iv)
            else:
                algo = algorithms.ChaCha20(self.key, self.iv)
            mode = None
        else:
            if self.family == "3des":
                from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES  # noqa: PLC0415
                algo = TripleDES(self.key)
            else:
                algo = algorithms.AES(self.key)
            mode = {
                "cbc": lambda: modes.CBC(self.iv), "ecb": modes.ECB, "ctr": lambda: modes.CTR(self.iv),
                "ofb": lambda: old_modes.OFB(self.iv), "cfb": lambda: old_modes.CFB(self.iv),
                "cfb8": lambda: old_modes.CFB8(self.iv), "xts": lambda: modes.XTS(self.iv),
                "gcm": lambda: modes.GCM(self.iv, min_tag_length=4),
            }[self.mode]()
        cipher = Cipher(algo, mode)
        self.ctx = cipher.encryptor() if self.encrypt else cipher.decryptor()

    def set_aad(self, aad: bytes, length: int):
        if self.mode == "ccm":
            self.aad += aad
            self.ccm_length = length
            return 0
        if self.mode == "poly1305":
            self.poly.update(aad)
            self.aad_len += len(aad)
            return 0
        self.ctx.authenticate_additional_data(aad)
        return 0

    def _poly_pad(self, n: int):
        if n % 16:
            self.poly.update(b"\0" * (16 - n % 16))

    def update(self, data: bytes):
        if self.mode == "ccm":
            return self._ccm(data)
        if self.mode in ("wrap", "wrap-pad"):
            # OpenSSL's wrap ciphers take the whole key in one update.
            self.pending = data
            return self._wrap()
        if self.mode == "poly1305":
            if self.data_len == 0:
                self._poly_pad(self.aad_len)
            out = self.ctx.update(data)
            self.poly.update(out if self.encrypt else data)
            self.data_len += len(data)
            return out
        self.seen += len(data)
        if not self.padding or self.encrypt:
            return self.ctx.update(data)
        # Decrypting with padding: keep the last full block back for final().
        buf = self.pending + data
        keep = len(buf) % self.block or self.block
        if len(buf) <= self.block:
            self.pending = buf
            return b""
        self.pending = buf[-keep:]
        return self.ctx.update(buf[:-keep])

    def _ccm(self, data: bytes):
        from cryptography.exceptions import InvalidTag  # noqa: PLC0415
        from cryptography.hazmat.primitives.ciphers.aead import AESCCM  # noqa: PLC0415
        aead = AESCCM(self.key, self.tag_len)
        aad = self.aad or None
        if self.encrypt:
            sealed = aead.encrypt(self.iv, data, aad)
            self.tag = sealed[len(data):]
            self.ccm_result = True
            return sealed[:len(data)]
        try:
            out = aead.decrypt(self.iv, data + (self.tag or b""), aad)
            self.ccm_result = True
            return out
        except InvalidTag:
            self.ccm_result = False
            return b""

    def final(self):
        if self.mode == "ccm":
            if self.ccm_result is None and not self.encrypt:
                self._ccm(b"")
            elif self.ccm_result is None:
                self._ccm(b"")
            return b"" if self.ccm_result else AUTH_FAILED
        if self.mode in ("wrap", "wrap-pad"):
            return b""
        if self.mode == "poly1305":
            if self.data_len == 0:
                self._poly_pad(self.aad_len)
            self._poly_pad(self.data_len)
            self.poly.update(self.aad_len.to_bytes(8, "little") + self.data_len.to_bytes(8, "little"))
            tag = self.poly.finalize()
            if self.encrypt:
                self.tag = tag[:self.tag_len]
                return b""
            import hmac  # noqa: PLC0415
            if self.tag is None or not hmac.compare_digest(tag[:len(self.tag)], self.tag):
                return AUTH_FAILED
            return b""
        if self.mode == "gcm":
            from cryptography.exceptions import InvalidTag  # noqa: PLC0415
            if self.encrypt:
                out = self.ctx.finalize()
                self.tag = self.ctx.tag[:self.tag_len]
                return out
            if self.tag is None:
                return AUTH_FAILED
            try:
                return self.ctx.finalize_with_tag(self.tag)
            except (InvalidTag, ValueError):
                return AUTH_FAILED
        if self.padding:
            if self.encrypt:
                pad = self.block - self.seen % self.block
                return self.ctx.update(bytes([pad]) * pad) + self.ctx.finalize()
            if len(self.pending) != self.block:
                return WRONG_FINAL
            last = self.ctx.update(self.pending)
            self.ctx.finalize()
            pad = last[-1]
            if not 1 <= pad <= self.block or last[-pad:] != bytes([pad]) * pad:
                return BAD_DECRYPT
            return last[:-pad]
        try:
            return self.ctx.finalize()
        except ValueError:
            return WRONG_FINAL

    def _wrap(self):
        from cryptography.hazmat.primitives import keywrap  # noqa: PLC0415
        try:
            if self.mode == "wrap":
                fn = keywrap.aes_key_wrap if self.encrypt else keywrap.aes_key_unwrap
            else:
                fn = keywrap.aes_key_wrap_with_padding if self.encrypt else keywrap.aes_key_unwrap_with_padding
            return fn(self.key, self.pending)
        except (ValueError, keywrap.InvalidUnwrap):
            return BAD_DECRYPT


def functions(engine) -> dict:
    to_bytes = engine.to_bytes

    def cipher_info(name):
        if isinstance(name, (int, float)):
            name = _BY_NID.get(int(name))
            if name is None:
                return None
        name = engine.text(name).lower()
        info = _cipher_info(name)
        if info is None:
            return None
        family, mode, key_len, iv_len, block = info
        nid, long_name, info_mode = NIDS[_ALIASES.get(name, name)]
        return [mode, key_len, iv_len, block, nid, long_name, info_mode]

    def cipher_new(name, key, iv, encrypt, tag_len):
        info = _cipher_info(engine.text(name))
        if info is None:
            return None
        return engine.host_object(CipherState(info, to_bytes(key), b"" if iv is None else to_bytes(iv), bool(encrypt),
                           int(tag_len)))

    def set_auth_tag(state, tag):
        state.tag = to_bytes(tag)
        return 0

    def set_auto_padding(state, on):
        state.padding = bool(on) and state.block > 1
        return 0

    return {
        "cipherInfo": cipher_info,
        "cipherList": lambda: list(CIPHER_LIST),
        "cipherNew": cipher_new,
        "cipherUpdate": lambda state, data: state.update(to_bytes(data)),
        "cipherFinal": lambda state: state.final(),
        "cipherSetAAD": lambda state, aad, length=-1: state.set_aad(to_bytes(aad), int(length)),
        "cipherGetAuthTag": lambda state: state.tag,
        "cipherSetAuthTag": set_auth_tag,
        "cipherSetAutoPadding": set_auto_padding,
    }
