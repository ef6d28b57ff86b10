"""internalBinding('tls_wrap'): OpenSSL work for node:tls, sans I/O.

Python's ``ssl`` module does the TLS (``SSLContext.wrap_bio`` -> an
``SSLObject`` between two ``MemoryBIO``\\ s); the JS side
(``polyfills/internal/bindings/tls_wrap.js``) moves the ciphertext between the
transport handle and this object, so TLS rides on any stream handle and the
loop.  Nothing here blocks or touches a socket.

Node completes every handshake and judges the peer's certificate afterwards
(its verify callback accepts everything; ``SSL_get_verify_result`` tells
``authorized`` / ``authorizationError``).  ``ssl`` exposes neither, so a few
libssl calls go through ctypes on the very library ``_ssl`` is linked with
(:class:`_LibSSL`); without them a handshake that fails verification fails
as in Python, and the rest still works.

Errors never raise into JS: functions return ``None`` / a value, or an error
dict ``{message, code, library, reason, opensslErrorStack?}`` that JS turns
into Node's error.
"""

from __future__ import annotations

import ctypes
import datetime
import hashlib
import ipaddress
import os
import ssl
import weakref

import _ssl

# -- libssl through ctypes ----------------------------------------------------

_VERIFY_PEER = 0x01
_VERIFY_FAIL_IF_NO_PEER_CERT = 0x02
_VERIFY_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p)


@_VERIFY_CB
def _accept_all(preverify_ok, store_ctx):  # pragma: no cover - called by OpenSSL
    # As Node's verify callback: finish the handshake, judge in JS afterwards.
    return 1


_NEW_SESSION_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_SESSION_OWNERS: "weakref.WeakValueDictionary[int, Connection]" = weakref.WeakValueDictionary()


@_NEW_SESSION_CB
def _on_new_session(ssl_ptr, session):  # pragma: no cover - called by OpenSSL
    # Node's 'session' event: one per session (TLS 1.3: one per ticket).
    conn = _SESSION_OWNERS.get(ssl_ptr)
    if conn is not None and LIB is not None:
        data = LIB.session_der(session)
        if data:
            conn.sessions.append(data)
    return 0  # OpenSSL keeps its reference


_KEYLOG_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)


@_KEYLOG_CB
def _on_keylog(ssl_ptr, line):  # pragma: no cover - called by OpenSSL
    conn = _SESSION_OWNERS.get(ssl_ptr)
    if conn is not None and conn.keylog and line is not None:
        conn.keylog_lines.append(line + b"\n")


_ALPN_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p),
                            ctypes.POINTER(ctypes.c_ubyte), ctypes.c_void_p, ctypes.c_uint, ctypes.c_void_p)
# SSL_CTX* -> the server's protocol list in wire form (kept alive here).
_ALPN_LISTS: dict[int, ctypes.Array] = {}


@_ALPN_CB
def _alpn_select(ssl_ptr, out, outlen, client, client_len, arg):  # pragma: no cover - called by OpenSSL
    # As Node's server: its own preference, and a fatal alert when the
    # client offers nothing it speaks (ssl would go on without ALPN).
    conn = _SESSION_OWNERS.get(ssl_ptr)
    if conn is not None and conn.alpn_choice is not None:
        # The server's ALPNCallback already chose (empty: it rejected all).
        choice = conn.alpn_choice
        if not len(choice):
            return 2
        status = LIB.select_next_proto(out, outlen, choice, len(choice), client, client_len)
        return 0 if status == 1 else 2
    wire = _ALPN_LISTS.get(LIB.get_ssl_ctx(ssl_ptr))
    if wire is None:
        return 3  # SSL_TLSEXT_ERR_NOACK
    status = LIB.select_next_proto(out, outlen, wire, len(wire), client, client_len)
    return 0 if status == 1 else 2  # OK / SSL_TLSEXT_ERR_ALERT_FATAL


class _LibSSL:
    def __init__(self):
        lib = ctypes.CDLL(_ssl.__file__)
        p, i, L = ctypes.c_void_p, ctypes.c_int, ctypes.c_long

        def fn(name, restype, *argtypes):
            f = getattr(lib, name)
            f.restype = restype
            f.argtypes = list(argtypes)
            return f

        self.set_verify = fn("SSL_set_verify", None, p, i, _VERIFY_CB)
        self.get_verify_result = fn("SSL_get_verify_result", L, p)
        self.get_ssl_ctx = fn("SSL_get_SSL_CTX", p, p)
        self.verify_error_string = fn("X509_verify_cert_error_string", ctypes.c_char_p, L)
        self.session_reused = fn("SSL_session_reused", i, p)
        self.get_peer_cert_chain = fn("SSL_get_peer_cert_chain", p, p)
        self.sk_num = fn("OPENSSL_sk_num", i, p)
        self.sk_value = fn("OPENSSL_sk_value", p, p, i)
        self.i2d_x509 = fn("i2d_X509", i, p, ctypes.POINTER(ctypes.c_char_p))
        self.get_servername = fn("SSL_get_servername", ctypes.c_char_p, p, i)
        self.get_current_cipher = fn("SSL_get_current_cipher", p, p)
        self.cipher_standard_name = fn("SSL_CIPHER_standard_name", ctypes.c_char_p, p)
        self.get1_session = fn("SSL_get1_session", p, p)
        self.session_free = fn("SSL_SESSION_free", None, p)
        self.i2d_session = fn("i2d_SSL_SESSION", i, p, ctypes.POINTER(ctypes.c_char_p))
        self.d2i_session = fn("d2i_SSL_SESSION", p, p, ctypes.POINTER(ctypes.c_char_p), L)
        self.set_session = fn("SSL_set_session", i, p, p)
        self.crypto_free = fn("CRYPTO_free", None, p, ctypes.c_char_p, i)
        self.lib_error_string = fn("ERR_lib_error_string", ctypes.c_char_p, ctypes.c_ulong)
        self.reason_error_string = fn("ERR_reason_error_string", ctypes.c_char_p, ctypes.c_ulong)
        self.get_finished = fn("SSL_get_finished", ctypes.c_size_t, p, ctypes.c_char_p, ctypes.c_size_t)
        self.get_peer_finished = fn("SSL_get_peer_finished", ctypes.c_size_t, p, ctypes.c_char_p, ctypes.c_size_t)
        self.ctx_set_session_id_context = fn("SSL_CTX_set_session_id_context", i, p, ctypes.c_char_p, ctypes.c_uint)
        self.ctx_set_timeout = fn("SSL_CTX_set_timeout", L, p, L)
        self.ctx_sess_set_new_cb = fn("SSL_CTX_sess_set_new_cb", None, p, _NEW_SESSION_CB)
        self.ctx_ctrl = fn("SSL_CTX_ctrl", L, p, i, L, p)
        self.ssl_ctrl = fn("SSL_ctrl", L, p, i, L, p)
        self.ctx_set_ciphersuites = fn("SSL_CTX_set_ciphersuites", i, p, ctypes.c_char_p)
        self.ctx_set_cipher_list = fn("SSL_CTX_set_cipher_list", i, p, ctypes.c_char_p)
        self.ctx_set_keylog_callback = fn("SSL_CTX_set_keylog_callback", None, p, _KEYLOG_CB)
        self.get0_session = fn("SSL_get_session", p, p)
        self.session_get0_ticket = fn("SSL_SESSION_get0_ticket", None, p, ctypes.POINTER(ctypes.c_void_p),
                                      ctypes.POINTER(ctypes.c_size_t))
        self.ctx_set_alpn_select_cb = fn("SSL_CTX_set_alpn_select_cb", None, p, _ALPN_CB, p)
        self.select_next_proto = fn("SSL_select_next_proto", i, ctypes.POINTER(ctypes.c_void_p),
                                    ctypes.POINTER(ctypes.c_ubyte), p, ctypes.c_uint, p, ctypes.c_uint)
        self.err_clear = fn("ERR_clear_error", None)

    def _i2d(self, encode, obj) -> bytes:
        """An OpenSSL object's DER (i2d_* allocating the buffer), or b""."""
        buf = ctypes.c_char_p()
        n = encode(obj, ctypes.byref(buf))
        if n <= 0:
            return b""
        try:
            return ctypes.string_at(buf, n)
        finally:
            self.crypto_free(buf, None, 0)

    def session_der(self, sess) -> bytes:
        return self._i2d(self.i2d_session, sess)

    @staticmethod
    def ctx_ptr(context: ssl.SSLContext) -> int:
        # PySSLContext: PyObject_HEAD, then SSL_CTX *ctx.
        return ctypes.c_void_p.from_address(id(context) + 16).value

    @staticmethod
    def ssl_ptr(sslobj: ssl.SSLObject) -> int:
        # PySSLSocket: PyObject_HEAD, PyObject *Socket, then SSL *ssl.
        return ctypes.c_void_p.from_address(id(sslobj._sslobj) + 24).value

    def der(self, x509) -> bytes:
        return self._i2d(self.i2d_x509, x509)


def _load_libssl():
    try:
        lib = _LibSSL()
        # Check the struct offsets on a throwaway object before trusting them.
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        obj = ctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO())
        if lib.get_ssl_ctx(lib.ssl_ptr(obj)) != lib.ctx_ptr(ctx):
            return None
        return lib
    except (OSError, AttributeError, ValueError):  # pragma: no cover
        return None


LIB = _load_libssl()

# OpenSSL's X509_V_ERR_* numbers -> the names Node gives as err.code.
_VERIFY_CODES = {
    2: "UNABLE_TO_GET_ISSUER_CERT", 3: "UNABLE_TO_GET_CRL",
    4: "UNABLE_TO_DECRYPT_CERT_SIGNATURE", 5: "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
    6: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", 7: "CERT_SIGNATURE_FAILURE",
    8: "CRL_SIGNATURE_FAILURE", 9: "CERT_NOT_YET_VALID", 10: "CERT_HAS_EXPIRED",
    11: "CRL_NOT_YET_VALID", 12: "CRL_HAS_EXPIRED", 13: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
    14: "ERROR_IN_CERT_NOT_AFTER_FIELD", 15: "ERROR_IN_CRL_LAST_UPDATE_FIELD",
    16: "ERROR_IN_CRL_NEXT_UPDATE_FIELD", 17: "OUT_OF_MEM",
    18: "DEPTH_ZERO_SELF_SIGNED_CERT", 19: "SELF_SIGNED_CERT_IN_CHAIN",
    20: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 21: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    22: "CERT_CHAIN_TOO_LONG", 23: "CERT_REVOKED", 24: "INVALID_CA",
    25: "PATH_LENGTH_EXCEEDED", 26: "INVALID_PURPOSE", 27: "CERT_UNTRUSTED",
    28: "CERT_REJECTED", 62: "HOSTNAME_MISMATCH",
}

_PROTOCOLS = {
    "TLSv1": ssl.TLSVersion.TLSv1, "TLSv1.1": ssl.TLSVersion.TLSv1_1,
    "TLSv1.2": ssl.TLSVersion.TLSv1_2, "TLSv1.3": ssl.TLSVersion.TLSv1_3,
}

_LIB_CODES = {name: code for code, name in _ssl.lib_codes_to_names.items()}

_LIB_NAMES = {"SSL": "SSL routines", "X509": "x509 certificate routines",
              "PEM": "PEM routines", "PROV": "Provider routines", "EVP": "digital envelope routines",
              "ASN1": "asn1 encoding routines", "DECODER": "DECODER routines", "PKCS12": "PKCS12 routines",
              "RSA": "rsa routines", "DH": "dh routines", "X509V3": "X509 V3 routines"}


_ALERTS = {
    "UNEXPECTED_MESSAGE": 10, "BAD_RECORD_MAC": 20, "RECORD_OVERFLOW": 22,
    "DECOMPRESSION_FAILURE": 30, "HANDSHAKE_FAILURE": 40, "BAD_CERTIFICATE": 42,
    "UNSUPPORTED_CERTIFICATE": 43, "CERTIFICATE_REVOKED": 44, "CERTIFICATE_EXPIRED": 45,
    "CERTIFICATE_UNKNOWN": 46, "ILLEGAL_PARAMETER": 47, "UNKNOWN_CA": 48, "ACCESS_DENIED": 49,
    "DECODE_ERROR": 50, "DECRYPT_ERROR": 51, "PROTOCOL_VERSION": 70, "INSUFFICIENT_SECURITY": 71,
    "INTERNAL_ERROR": 80, "INAPPROPRIATE_FALLBACK": 86, "USER_CANCELLED": 90,
    "NO_RENEGOTIATION": 100, "UNSUPPORTED_EXTENSION": 110, "UNRECOGNIZED_NAME": 112,
    "UNKNOWN_PSK_IDENTITY": 115, "CERTIFICATE_REQUIRED": 116, "NO_APPLICATION_PROTOCOL": 120,
}


def _error(err: BaseException) -> dict:
    """An ``ssl.SSLError`` (or other failure) as the parts of Node's error."""
    library = getattr(err, "library", None)
    reason = getattr(err, "reason", None)
    text = str(err.args[1] if len(err.args) > 1 and isinstance(err.args[1], str) else err)
    # '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)'
    if text.startswith("[") and "] " in text:
        text = text.split("] ", 1)[1]
    if text.endswith(")") and " (_ssl.c:" in text:
        text = text.rsplit(" (_ssl.c:", 1)[0]
    if (isinstance(err, ssl.SSLError) and not reason and len(err.args) > 1 and text
            and not text.startswith("EOF")):
        # Reasons newer than ssl's table arrive as bare text ('tlsv1 alert
        # no application protocol'): rebuild the name OpenSSL gives them.
        library = library or "SSL"
        reason = "".join(ch if ch.isalnum() else "_" for ch in text).upper()
    if library and reason:
        codes = None
        lib_code = _LIB_CODES.get(library)
        if lib_code is not None and isinstance(err.args[0], int) and 0 < err.args[0] < (1 << 23):
            codes = (lib_code, err.args[0])
        if library == "SSL" and "_ALERT_" in reason:
            # Alerts: OpenSSL's reason is 1000 + the alert's number.
            alert = reason.split("_ALERT_", 1)[-1] if "_ALERT_" in reason else None
            if alert in _ALERTS:
                codes = (20, 1000 + _ALERTS[alert])
        lib_text = _LIB_NAMES.get(library, library)
        packed = 0
        if codes is not None:
            packed = (codes[0] << 23) | codes[1]
            if LIB is not None:
                lib_text = (LIB.lib_error_string(packed) or lib_text.encode()).decode()
                text = (LIB.reason_error_string(packed) or text.encode()).decode()
        return {
            "message": f"error:{packed:08X}:{lib_text}::{text}",
            "code": ("ERR_SSL_" if library == "SSL" else
                     "ERR_OSSL_" if library == "PROV" else f"ERR_OSSL_{library}_") + reason,
            "library": lib_text, "reason": text,
        }
    return {"message": text, "code": None, "library": None, "reason": None}


def _fd_path(data: bytes) -> tuple[int, str]:
    """``ssl`` loads keys and certificates from paths only: an anonymous file."""
    fd = os.memfd_create("nodeshim-tls", 0)
    os.write(fd, data)
    return fd, f"/proc/self/fd/{fd}"


# -- contexts -----------------------------------------------------------------

class Context:
    """Node's SecureContext: one configuration for the client and the server
    side (``ssl`` wants the side up front, Node decides it per socket)."""

    def __init__(self):
        self.client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        for c in self.sides:
            c.check_hostname = False  # JS runs checkServerIdentity
            c.verify_mode = ssl.CERT_NONE
            c.options |= ssl.OP_NO_RENEGOTIATION if hasattr(ssl, "OP_NO_RENEGOTIATION") else 0
        # Node's servers follow the client's cipher order unless honorCipherOrder.
        self.server.options &= ~ssl.OP_CIPHER_SERVER_PREFERENCE
        self.server.sni_callback = _record_sni
        if LIB is not None:
            ptr = LIB.ctx_ptr(self.client)
            # SSL_CTRL_SET_SESS_CACHE_MODE: client side, no internal store.
            LIB.ctx_ctrl(ptr, 44, 0x0001 | 0x0200, None)
            LIB.ctx_sess_set_new_cb(ptr, _on_new_session)
        self.has_ca = False
        self.alpn_ptr = None

    def __del__(self):
        if self.alpn_ptr is not None:
            _ALPN_LISTS.pop(self.alpn_ptr, None)

    @property
    def sides(self):
        return (self.client, self.server)


def _record_sni(sslobj, servername, context):
    owner = getattr(sslobj, "_nodeshim_conn", None)
    if owner is None:
        return None
    owner.servername = servername
    return None


def ctx_new():
    return Context()


_BAD_DECRYPT = {"message": "error:1C800064:Provider routines::bad decrypt", "code": "ERR_OSSL_BAD_DECRYPT",
                "library": "Provider routines", "reason": "bad decrypt"}


def _decrypted_key(key: bytes, passphrase):
    """An encrypted PEM key, decrypted (``ssl`` reports a wrong or missing
    passphrase only as 'PEM lib'; Node says 'bad decrypt')."""
    from cryptography.hazmat.primitives import serialization
    try:
        pkey = serialization.load_pem_private_key(key, passphrase or b"")
    except (ValueError, TypeError):
        return None
    return pkey.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())


def ctx_set_cert_key(ctx: Context, cert: bytes, key: bytes, passphrase):
    if b"ENCRYPTED" in key:
        key = _decrypted_key(key, passphrase)
        if key is None:
            return dict(_BAD_DECRYPT)
    cfd, cpath = _fd_path(cert)
    kfd, kpath = _fd_path(key)
    try:
        pw = passphrase if passphrase is not None else (lambda: b"")
        for c in ctx.sides:
            c.load_cert_chain(cpath, kpath, pw)
        return None
    except (ssl.SSLError, OSError, ValueError, TypeError) as err:
        return _error(err)
    finally:
        os.close(cfd)
        os.close(kfd)


def _der_prefix(data: bytes) -> bytes:
    """The first DER element of ``data`` (a certificate before its trust
    settings, in a TRUSTED CERTIFICATE block)."""
    if len(data) < 2:
        return data
    n = data[1]
    if n < 0x80:
        return data[:2 + n]
    k = n & 0x7F
    return data[:2 + k + int.from_bytes(data[2:2 + k], "big")]


def _plain_pem(pem: str) -> str:
    import base64
    out = []
    for kind in ("TRUSTED CERTIFICATE", "X509 CERTIFICATE"):
        begin, end = f"-----BEGIN {kind}-----", f"-----END {kind}-----"
        while begin in pem:
            head, rest = pem.split(begin, 1)
            body, tail = rest.split(end, 1) if end in rest else (rest, "")
            der = _der_prefix(base64.b64decode("".join(body.split())))
            out.append(ssl.DER_cert_to_PEM_cert(der))
            pem = head + tail
    return pem + "".join(out)


def ctx_add_ca(ctx: Context, pem):
    if "TRUSTED CERTIFICATE" in pem or "X509 CERTIFICATE" in pem:
        try:
            pem = _plain_pem(pem)
        except ValueError:
            pass
    try:
        for c in ctx.sides:
            c.load_verify_locations(cadata=pem)
        ctx.has_ca = True
        return None
    except (ssl.SSLError, ValueError, TypeError) as err:
        if "no start line" in str(err) or "no certificate" in str(err).lower():
            return None  # Node skips what is not a certificate
        return _error(err)


def ctx_add_root_certs(ctx: Context):
    for c in ctx.sides:
        try:
            c.load_default_certs(ssl.Purpose.SERVER_AUTH if c is ctx.client else ssl.Purpose.CLIENT_AUTH)
        except ssl.SSLError:
            pass
    return None


def ctx_set_ciphers(ctx: Context, ciphers: str):
    if ciphers == "":
        if LIB is not None:
            for c in ctx.sides:
                LIB.ctx_set_cipher_list(LIB.ctx_ptr(c), b"")
            LIB.err_clear()
        return None
    try:
        for c in ctx.sides:
            c.set_ciphers(ciphers)
        return None
    except ssl.SSLError:
        # ssl's own 'No cipher can be selected.' is OpenSSL's no cipher match.
        return {"message": "error:0A0000B9:SSL routines::no cipher match", "code": "ERR_SSL_NO_CIPHER_MATCH",
                "library": "SSL routines", "reason": "no cipher match"}


def ctx_set_cipher_suites(ctx: Context, suites: str):
    """TLS 1.3 suites (``ssl`` has no setter for them)."""
    if LIB is None:
        return None
    for c in ctx.sides:
        if not LIB.ctx_set_ciphersuites(LIB.ctx_ptr(c), suites.encode()):
            return {"message": "error:0A0000B9:SSL routines::no cipher match", "code": "ERR_SSL_NO_CIPHER_MATCH",
                    "library": "SSL routines", "reason": "no cipher match"}
    return None


def ctx_set_protocols(ctx: Context, min_version, max_version):
    try:
        for c in ctx.sides:
            if max_version:
                c.maximum_version = _PROTOCOLS[max_version]
            if min_version:
                c.minimum_version = _PROTOCOLS[min_version]
        return None
    except (ValueError, KeyError, ssl.SSLError) as err:
        return _error(err)


def ctx_set_ecdh_curve(ctx: Context, curve: str):
    if curve == "auto":
        return None
    try:
        for c in ctx.sides:
            for name in curve.split(":"):
                c.set_ecdh_curve(name)
        return None
    except (ValueError, ssl.SSLError) as err:
        return _error(err)


def ctx_set_dh_param(ctx: Context, pem: bytes):
    fd, path = _fd_path(pem)
    try:
        for c in ctx.sides:
            c.load_dh_params(path)
        return None
    except (ssl.SSLError, OSError) as err:
        return _error(err)
    finally:
        os.close(fd)


def ctx_set_options(ctx: Context, options: int):
    for c in ctx.sides:
        c.options |= int(options)
    return None


def ctx_set_session_params(ctx: Context, id_context, timeout):
    if LIB is None:
        return None
    ptr = LIB.ctx_ptr(ctx.server)
    if id_context:
        data = id_context.encode() if isinstance(id_context, str) else bytes(id_context)
        LIB.ctx_set_session_id_context(ptr, data[:32], len(data[:32]))
    if timeout is not None:
        LIB.ctx_set_timeout(ptr, int(timeout))
    return None


# Node's ticket keys are 48 bytes (16 name, 16 HMAC, 16 AES); OpenSSL 3's
# built-in ticket keys are 80 (16 name, 32 HMAC, 32 AES): the 16-byte halves
# are doubled, so equal Node keys make equal OpenSSL keys.
def ctx_get_ticket_keys(ctx: Context):
    if LIB is None:
        return None
    buf = ctypes.create_string_buffer(80)
    # SSL_CTRL_GET_TLSEXT_TICKET_KEYS
    if LIB.ctx_ctrl(LIB.ctx_ptr(ctx.server), 58, 80, ctypes.cast(buf, ctypes.c_void_p)) <= 0:
        return None
    raw = buf.raw
    return raw[:16] + raw[16:32] + raw[48:64]


def ctx_set_ticket_keys(ctx: Context, keys: bytes):
    if LIB is None or len(keys) != 48:
        return None
    keys = bytes(keys)
    full = keys[:16] + keys[16:32] * 2 + keys[32:48] * 2
    buf = ctypes.create_string_buffer(full, 80)
    # SSL_CTRL_SET_TLSEXT_TICKET_KEYS
    LIB.ctx_ctrl(LIB.ctx_ptr(ctx.server), 59, 80, ctypes.cast(buf, ctypes.c_void_p))
    return None


def ctx_set_alpn(ctx: Context, protocols):
    try:
        for c in ctx.sides:
            c.set_alpn_protocols(list(protocols))
        if LIB is not None:
            wire = b"".join(bytes([len(p.encode())]) + p.encode() for p in protocols)
            ptr = LIB.ctx_ptr(ctx.server)
            _ALPN_LISTS[ptr] = ctypes.create_string_buffer(wire, len(wire))
            ctx.alpn_ptr = ptr
            LIB.ctx_set_alpn_select_cb(ptr, _alpn_select, None)
        return None
    except (ValueError, ssl.SSLError, NotImplementedError) as err:
        return _error(err)


# -- connections --------------------------------------------------------------

class Connection:
    __slots__ = ("ctx", "incoming", "outgoing", "obj", "is_server", "done", "servername",
                 "closed", "request_cert", "sessions", "keylog", "keylog_lines", "alpn_choice",
                 "__weakref__")

    def __init__(self, ctx: Context, is_server: bool, servername, request_cert, reject, session):
        self.ctx = ctx
        self.is_server = is_server
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.servername = None
        self.done = False
        self.closed = False
        self.request_cert = request_cert
        self.sessions: list[bytes] = []
        self.keylog = False
        self.alpn_choice = None
        self.keylog_lines: list[bytes] = []
        side = ctx.server if is_server else ctx.client
        self.obj = side.wrap_bio(self.incoming, self.outgoing, server_side=is_server,
                                 server_hostname=None if is_server else (servername or None))
        self.obj._nodeshim_conn = self
        if LIB is not None:
            ptr = LIB.ssl_ptr(self.obj)
            _SESSION_OWNERS[ptr] = self
            if not is_server:
                LIB.set_verify(ptr, _VERIFY_PEER, _accept_all)
            elif request_cert:
                mode = _VERIFY_PEER | (_VERIFY_FAIL_IF_NO_PEER_CERT if reject else 0)
                LIB.set_verify(ptr, mode, _accept_all)
            if session and not is_server:
                buf = ctypes.c_char_p(bytes(session))
                sess = LIB.d2i_session(None, ctypes.byref(buf), len(session))
                if sess:
                    LIB.set_session(ptr, sess)
                    LIB.session_free(sess)
        elif not is_server:
            # No libssl access: verification has to happen inside the handshake.
            side.verify_mode = ssl.CERT_REQUIRED if reject else ssl.CERT_NONE

    def ptr(self):
        return LIB.ssl_ptr(self.obj) if LIB is not None else None


def _pump(conn: Connection):
    """Advance the handshake, decrypt what arrived: [ciphertext out, plaintext,
    flags, error] with flags 1 = handshake finished now, 2 = peer's close_notify."""
    flags = 0
    error = None
    plain = []
    if not conn.done:
        try:
            conn.obj.do_handshake()
            conn.done = True
            flags |= 1
        except ssl.SSLWantReadError:
            pass
        except ssl.SSLError as err:
            error = _error(err)
        except OSError as err:  # pragma: no cover
            error = {"message": str(err), "code": None, "library": None, "reason": None}
    if conn.done and error is None:
        while True:
            try:
                data = conn.obj.read(65536)
            except ssl.SSLWantReadError:
                break
            except ssl.SSLZeroReturnError:
                flags |= 2
                break
            except ssl.SSLError as err:
                if err.reason == "UNEXPECTED_EOF_WHILE_READING":
                    flags |= 2
                else:
                    error = _error(err)
                break
            if not data:  # ssl reports the peer's close_notify as b""
                flags |= 2
                break
            plain.append(data)
    out = conn.outgoing.read()
    sessions, conn.sessions = conn.sessions, []
    keylog, conn.keylog_lines = conn.keylog_lines, []
    # Each SSL_read result is its own chunk, as Node hands them over.
    return [out or None, plain or None, flags, error, sessions, keylog]


def conn_new(ctx, is_server, servername, request_cert, reject, session):
    return Connection(ctx, bool(is_server), servername, bool(request_cert), bool(reject),
                      None if session is None else session)


def conn_receive(conn: Connection, data):
    if data:
        conn.incoming.write(data)
    return _pump(conn)


def conn_write(conn: Connection, data: bytes):
    try:
        view = memoryview(data)
        while view:
            n = conn.obj.write(view)
            view = view[n:]
        return [conn.outgoing.read() or None, None]
    except ssl.SSLError as err:
        return [conn.outgoing.read() or None, _error(err)]


def conn_set_alpn_choice(conn: Connection, protocol) -> None:
    """The protocol a server's ALPNCallback picked (None: none of the client's)."""
    if LIB is None:
        return
    wire = b"" if protocol is None else bytes([len(protocol.encode())]) + protocol.encode()
    conn.alpn_choice = ctypes.create_string_buffer(wire, len(wire))
    LIB.ctx_set_alpn_select_cb(LIB.ctx_ptr(conn.obj.context), _alpn_select, None)


def conn_enable_keylog(conn: Connection) -> None:
    """Node's 'keylog': NSS key log lines of this connection's handshakes."""
    if LIB is None or conn.keylog:
        return
    conn.keylog = True
    LIB.ctx_set_keylog_callback(LIB.ctx_ptr(conn.obj.context), _on_keylog)


def conn_set_max_send_fragment(conn: Connection, size: int) -> int:
    if LIB is None:
        return 0
    # SSL_CTRL_SET_MAX_SEND_FRAGMENT
    return int(LIB.ssl_ctrl(conn.ptr(), 52, int(size), None))


def conn_shutdown(conn: Connection):
    if conn.done and not conn.closed:
        conn.closed = True
        try:
            conn.obj.unwrap()
        except (ssl.SSLWantReadError, ssl.SSLError, ValueError):
            pass
    return conn.outgoing.read() or None


def conn_info(conn: Connection):
    """What TLSSocket's getters report, after the handshake."""
    obj = conn.obj
    info = {
        "protocol": obj.version(),
        "alpn": obj.selected_alpn_protocol() or False,
        "servername": (conn.servername or False) if conn.is_server else (obj.server_hostname or False),
        "cipher": None,
        "verifyError": None,
        "reused": False,
    }
    c = obj.cipher()
    if c:
        std = c[0]
        if LIB is not None:
            cp = LIB.get_current_cipher(conn.ptr())
            if cp:
                std = (LIB.cipher_standard_name(cp) or c[0].encode()).decode()
        info["cipher"] = {"name": c[0], "standardName": std, "version": c[1]}
    if LIB is not None:
        ptr = conn.ptr()
        info["reused"] = bool(LIB.session_reused(ptr))
        if not conn.is_server and info["servername"] is False:
            name = LIB.get_servername(ptr, 0)
            info["servername"] = name.decode() if name else False
        has_peer = obj.getpeercert(True) is not None
        if has_peer or not conn.is_server:
            code = LIB.get_verify_result(ptr)
            if code:
                info["verifyError"] = _verify_error(code)
            elif not has_peer:
                info["verifyError"] = _verify_error(50)  # X509_V_ERR_APPLICATION_VERIFICATION
        elif conn.request_cert:
            info["verifyError"] = {"code": "UNABLE_TO_GET_ISSUER_CERT", "message": "unable to get issuer certificate"}
    return info


def _verify_error(code: int) -> dict:
    msg = LIB.verify_error_string(code).decode() if LIB is not None else "certificate verify failed"
    return {"code": _VERIFY_CODES.get(code, msg), "message": msg}


def conn_peer_chain(conn: Connection):
    """The peer's certificates (DER), leaf first."""
    leaf = conn.obj.getpeercert(True)
    if leaf is None:
        return []
    chain = [leaf]
    if LIB is not None:
        sk = LIB.get_peer_cert_chain(conn.ptr())
        if sk:
            for i in range(LIB.sk_num(sk)):
                der = LIB.der(LIB.sk_value(sk, i))
                if der and der not in chain:
                    chain.append(der)
    return chain


def conn_session(conn: Connection):
    if LIB is None:
        return None
    sess = LIB.get1_session(conn.ptr())
    if not sess:
        return None
    try:
        buf = ctypes.c_char_p()
        n = LIB.i2d_session(sess, ctypes.byref(buf))
        if n <= 0:
            return None
        try:
            return ctypes.string_at(buf, n)
        finally:
            LIB.crypto_free(buf, None, 0)
    finally:
        LIB.session_free(sess)


def conn_ticket(conn: Connection):
    """The session ticket the server gave (getTLSTicket)."""
    if LIB is None:
        return None
    sess = LIB.get0_session(conn.ptr())
    if not sess:
        return None
    tick = ctypes.c_void_p()
    n = ctypes.c_size_t()
    LIB.session_get0_ticket(sess, ctypes.byref(tick), ctypes.byref(n))
    return ctypes.string_at(tick, n.value) if tick.value and n.value else None


def conn_finished(conn: Connection, peer):
    if LIB is None or not conn.done:
        return None
    buf = ctypes.create_string_buffer(128)
    n = (LIB.get_peer_finished if peer else LIB.get_finished)(conn.ptr(), buf, 128)
    return buf.raw[:n] if n else None


# -- certificates --------------------------------------------------------------

_SHORT_NAMES = {
    "2.5.4.6": "C", "2.5.4.8": "ST", "2.5.4.7": "L", "2.5.4.10": "O", "2.5.4.11": "OU",
    "2.5.4.3": "CN", "1.2.840.113549.1.9.1": "emailAddress", "2.5.4.5": "serialNumber",
    "2.5.4.4": "SN", "2.5.4.42": "GN", "0.9.2342.19200300.100.1.25": "DC", "2.5.4.12": "title",
    "2.5.4.9": "street", "2.5.4.17": "postalCode", "0.9.2342.19200300.100.1.1": "UID",
    "2.5.4.46": "dnQualifier", "2.5.4.65": "pseudonym", "2.5.4.43": "initials",
    "2.5.4.44": "generationQualifier", "2.5.4.97": "organizationIdentifier", "2.5.4.15": "businessCategory",
    "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC", "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
    "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL", "2.5.4.41": "name", "2.5.4.16": "postalAddress",
}

_CURVES = {"secp256r1": ("prime256v1", "P-256"), "secp384r1": ("secp384r1", "P-384"),
           "secp521r1": ("secp521r1", "P-521"), "secp224r1": ("secp224r1", "P-224"),
           "secp256k1": ("secp256k1", None)}


def _name(name) -> list:
    """[[key, value], ...] in certificate order (JS builds the object)."""
    out = []
    for rdn in name.rdns:
        for attr in rdn:
            dotted = attr.oid.dotted_string
            value = attr.value if isinstance(attr.value, str) else attr.value.hex()
            out.append([_SHORT_NAMES.get(dotted, dotted), value])
    return out


def _asn1_time(t: datetime.datetime) -> str:
    return f"{t:%b} {t.day:2d} {t:%H:%M:%S} {t.year} GMT"


def _ip_text(ip) -> str:
    if isinstance(ip, ipaddress.IPv6Address):
        return ":".join(f"{int(h, 16):X}" for h in ip.exploded.split(":"))
    return str(ip)


def _alt(text: str, utf8: bool = False) -> str:
    """A SAN value as Node prints it: JSON-quoted when it holds characters
    that would make the list ambiguous or unreadable."""
    def unsafe(ch):
        o = ord(ch)
        return ch in "\"\\,'" or o < 0x20 or o == 0x7F or (not utf8 and o > 0x7E)
    if not any(unsafe(ch) for ch in text):
        return text
    out = []
    for ch in text:
        if ch in "\"\\":
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) >= 0x7F and not utf8:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _hex_colon(data: bytes) -> str:
    return ":".join(f"{b:02X}" for b in data)


def _bn_hex(n: int) -> str:
    if n == 0:
        return "00"
    h = f"{n:X}"
    return ("0" + h) if len(h) % 2 else h


def _ia5(general_name) -> str:
    # cryptography decodes IA5Strings as text already; keep raw bytes' chars.
    value = general_name.value
    return value if isinstance(value, str) else bytes(value).decode("latin1")


def cert_parse(der):
    """A DER certificate as Node's getPeerCertificate() fields."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    der = bytes(der)
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    out = {"subject": _name(cert.subject), "issuer": _name(cert.issuer)}
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        parts = []
        for g in san:
            if isinstance(g, x509.DNSName):
                parts.append(f"DNS:{_alt(_ia5(g))}")
            elif isinstance(g, x509.IPAddress):
                parts.append(f"IP Address:{_ip_text(g.value)}")
            elif isinstance(g, x509.RFC822Name):
                parts.append(f"email:{_alt(_ia5(g))}")
            elif isinstance(g, x509.UniformResourceIdentifier):
                parts.append(f"URI:{_alt(_ia5(g))}")
            elif isinstance(g, x509.RegisteredID):
                parts.append(f"Registered ID:{g.value.dotted_string}")
            elif isinstance(g, x509.DirectoryName):
                parts.append("DirName:" + "".join(f"/{k}={v}" for k, v in _name(g.value)))
            else:
                parts.append("othername:<unsupported>")
        out["subjectaltname"] = ", ".join(parts)
    except (x509.ExtensionNotFound, ValueError):
        pass
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
        access = []
        for d in aia:
            kind = {"1.3.6.1.5.5.7.48.1": "OCSP", "1.3.6.1.5.5.7.48.2": "CA Issuers"}.get(
                d.access_method.dotted_string, d.access_method.dotted_string)
            loc = d.access_location
            value = loc.value if isinstance(loc.value, str) else str(loc.value)
            access.append([f"{kind} - URI" if isinstance(loc, x509.UniformResourceIdentifier) else kind, value])
        out["infoAccess"] = access
    except (x509.ExtensionNotFound, ValueError):
        pass
    try:
        out["ca"] = bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except (x509.ExtensionNotFound, ValueError):
        out["ca"] = False
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        nums = key.public_numbers()
        out["modulus"] = f"{nums.n:X}"
        out["bits"] = key.key_size
        out["exponent"] = f"0x{nums.e:x}"
        out["pubkey"] = key.public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        out["bits"] = key.key_size
        out["pubkey"] = key.public_bytes(serialization.Encoding.X962,
                                         serialization.PublicFormat.UncompressedPoint)
        asn1, nist = _CURVES.get(key.curve.name, (key.curve.name, None))
        out["asn1Curve"] = asn1
        if nist:
            out["nistCurve"] = nist
    out["valid_from"] = _asn1_time(cert.not_valid_before_utc)
    out["valid_to"] = _asn1_time(cert.not_valid_after_utc)
    out["fingerprint"] = _hex_colon(hashlib.sha1(der).digest())
    out["fingerprint256"] = _hex_colon(hashlib.sha256(der).digest())
    out["fingerprint512"] = _hex_colon(hashlib.sha512(der).digest())
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        out["ext_key_usage"] = [o.dotted_string for o in eku]
    except (x509.ExtensionNotFound, ValueError):
        pass
    out["serialNumber"] = _bn_hex(cert.serial_number)
    out["raw"] = der
    return out


def pem_to_der(pem):
    """The certificates of a PEM text, as DER."""
    text = pem if isinstance(pem, str) else bytes(pem).decode("latin1")
    out = []
    marker = "-----BEGIN CERTIFICATE-----"
    for part in text.split(marker)[1:]:
        body = part.split("-----END CERTIFICATE-----", 1)[0]
        try:
            out.append(ssl.PEM_cert_to_DER_cert(marker + body + "-----END CERTIFICATE-----\n"))
        except ValueError:
            pass
    return out


def root_certificates():
    ctx = ssl.create_default_context()
    return [ssl.DER_cert_to_PEM_cert(der).strip() for der in ctx.get_ca_certs(binary_form=True)]


# Every TLS 1.3 suite OpenSSL 3 implements (its default list leaves out the
# CCM ones; Node's getCiphers names all five).
_TLS13_SUITES = ("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
                 "TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256")


def get_ciphers():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.set_ciphers("ALL")
    if LIB is not None:
        LIB.ctx_set_ciphersuites(LIB.ctx_ptr(ctx), _TLS13_SUITES.encode())
    return [c["name"] for c in ctx.get_ciphers()]


def pkcs12_to_pem(data, passphrase):
    """A PFX as [keyPem, certPem, [caPem...]] or an error dict."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            bytes(data), passphrase.encode() if isinstance(passphrase, str) else passphrase)
    except ValueError as err:
        text = str(err)
        if "password" in text.lower() or "mac" in text.lower():
            return {"message": "mac verify failure", "code": None, "library": None, "reason": None}
        return {"message": "not enough data", "code": None, "library": None, "reason": None}
    enc = serialization.Encoding.PEM
    key_pem = key.private_bytes(enc, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()) if key else None
    cert_pem = cert.public_bytes(enc) if cert else None
    return [key_pem, cert_pem, [c.public_bytes(enc) for c in (extra or [])]]


def create(host):
    e = host.engine

    def b(v):
        return None if v is None else e.to_bytes(v)

    native = {
        "available": LIB is not None,
        "ctxNew": lambda: e.host_object(ctx_new()),
        "ctxSetCertKey": lambda c, cert, key, pw: ctx_set_cert_key(c, b(cert), b(key), None if pw is None else b(pw)),
        "ctxAddCA": lambda c, pem: ctx_add_ca(c, e.text(pem)),
        "ctxAddRootCerts": ctx_add_root_certs,
        "ctxSetCiphers": lambda c, s: ctx_set_ciphers(c, e.text(s)),
        "ctxSetProtocols": lambda c, lo, hi: ctx_set_protocols(c, lo, hi),
        "ctxSetCipherSuites": lambda c, s: ctx_set_cipher_suites(c, e.text(s)),
        "connSetMaxSendFragment": conn_set_max_send_fragment,
        "connEnableKeylog": conn_enable_keylog,
        "connSetALPNChoice": lambda conn, p: conn_set_alpn_choice(conn, None if p is None else e.text(p)),
        "ctxSetECDHCurve": lambda c, s: ctx_set_ecdh_curve(c, e.text(s)),
        "ctxSetDHParam": lambda c, pem: ctx_set_dh_param(c, b(pem)),
        "ctxSetOptions": ctx_set_options,
        "ctxGetTicketKeys": ctx_get_ticket_keys,
        "ctxSetTicketKeys": lambda c, keys: ctx_set_ticket_keys(c, b(keys)),
        "ctxSetSessionParams": ctx_set_session_params,
        "ctxSetALPN": lambda c, protos: ctx_set_alpn(c, [e.text(p) for p in e.to_list(protos)]),
        "connNew": lambda c, server, name, req, rej, sess: e.host_object(
            conn_new(c, server, name, req, rej, b(sess))),
        "connReceive": lambda conn, data: conn_receive(conn, b(data)),
        "connWrite": lambda conn, data: conn_write(conn, b(data)),
        "connShutdown": conn_shutdown,
        "connInfo": conn_info,
        "connPeerChain": conn_peer_chain,
        "connSession": conn_session,
        "connFinished": conn_finished,
        "connTicket": conn_ticket,
        "certParse": lambda der: cert_parse(b(der)),
        "pemToDer": lambda pem: pem_to_der(pem if isinstance(pem, str) else b(pem)),
        "rootCertificates": root_certificates,
        "getCiphers": get_ciphers,
        "pkcs12ToPem": lambda data, pw: pkcs12_to_pem(b(data), None if pw is None else e.text(pw)),
    }
    from .stream_wrap import load_shim
    return load_shim(host, "internal/bindings/tls_wrap", native)

