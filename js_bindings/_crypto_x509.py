"""X509Certificate for internalBinding('crypto'), over ``cryptography``'s
x509 module.  Text fields are formatted as Node prints them with OpenSSL
(names one ``SN=value`` per line, ``Mon DD HH:MM:SS YYYY GMT`` times,
colon-separated upper-case fingerprints).
"""

from __future__ import annotations

import hashlib
import ipaddress

_PEM_NO_START = ["ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line",
                 "PEM routines", "no start line"]
_WRONG_TAG = ["ERR_OSSL_ASN1_WRONG_TAG", "error:068000A8:asn1 encoding routines::wrong tag",
              "asn1 encoding routines", "wrong tag"]
_DECODE_ERROR = ["ERR_OSSL_ASN1_DECODE_ERROR", "error:0680007B:asn1 encoding routines::decode error",
                 "asn1 encoding routines", "decode error"]

# OpenSSL's short names of the attribute types Node prints.
_SHORT = {
    "2.5.4.6": "C", "2.5.4.8": "ST", "2.5.4.7": "L", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.3": "CN",
    "1.2.840.113549.1.9.1": "emailAddress", "2.5.4.5": "serialNumber", "2.5.4.9": "street",
    "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID", "2.5.4.12": "title",
    "2.5.4.42": "GN", "2.5.4.4": "SN", "2.5.4.43": "initials", "2.5.4.65": "pseudonym",
    "2.5.4.44": "generationQualifier", "2.5.4.46": "dnQualifier", "2.5.4.17": "postalCode",
    "2.5.4.15": "businessCategory", "2.5.4.41": "name", "2.5.4.13": "description",
    "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC", "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
    "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL", "2.5.4.97": "organizationIdentifier",
    "2.5.4.16": "postalAddress", "2.5.4.18": "postOfficeBox", "2.5.4.72": "role",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse(data: bytes):
    from cryptography import x509  # noqa: PLC0415
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        if data[:1] != b"\x30":
            return _PEM_NO_START if data.isascii() and b"\x00" not in data else _WRONG_TAG
        return x509.load_der_x509_certificate(data)
    except ValueError:
        return _PEM_NO_START if not data.startswith(b"\x30") else _WRONG_TAG


def _escape(value: str) -> str:
    # RFC 2253 escapes and control characters as \XX, as OpenSSL's
    # ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL print them.
    out = []
    for i, ch in enumerate(value):
        if ch in ',+"\\<>;' or (ch == "#" and i == 0) or (ch == " " and i in (0, len(value) - 1)):
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):02X}")
        else:
            out.append(ch)
    return "".join(out)


def _attr_value(attr) -> str:
    value = attr.value
    if isinstance(value, bytes):
        return "#" + value.hex().upper()
    return value


def _name_text(name) -> str:
    return "\n".join(f"{_SHORT.get(a.oid.dotted_string, a.oid.dotted_string)}={_escape(_attr_value(a))}"
                     for rdn in name.rdns for a in rdn)


def _name_legacy(name) -> dict:
    out: dict = {}
    for rdn in name.rdns:
        for a in rdn:
            key = _SHORT.get(a.oid.dotted_string, a.oid.dotted_string)
            value = _attr_value(a)
            if key in out:
                out[key] = (out[key] if isinstance(out[key], list) else [out[key]]) + [value]
            else:
                out[key] = value
    return out


def _time_text(when) -> str:
    return f"{_MONTHS[when.month - 1]} {when.day:2d} {when:%H:%M:%S} {when.year} GMT"


def _fingerprint(der: bytes, algo: str) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.new(algo, der).digest())


def _ext(cert, oid):
    from cryptography import x509  # noqa: PLC0415
    try:
        return cert.extensions.get_extension_for_oid(oid).value
    except (x509.ExtensionNotFound, ValueError):
        return None


def _safe(text: str) -> bool:
    return all(0x20 < ord(c) < 0x7F and c not in ',"\\' for c in text) and text != ""


def _quoted(text: str) -> str:
    import json  # noqa: PLC0415
    return text if _safe(text) else json.dumps(text)


def _general_name(gn) -> str:
    from cryptography import x509  # noqa: PLC0415
    if isinstance(gn, x509.DNSName):
        return f"DNS:{_quoted(gn.value)}"
    if isinstance(gn, x509.RFC822Name):
        return f"email:{_quoted(gn.value)}"
    if isinstance(gn, x509.UniformResourceIdentifier):
        return f"URI:{_quoted(gn.value)}"
    if isinstance(gn, x509.IPAddress):
        ip = gn.value
        if isinstance(ip, ipaddress.IPv4Address):
            return f"IP Address:{ip}"
        if isinstance(ip, ipaddress.IPv6Address):
            packed = ip.packed
            return "IP Address:" + ":".join(f"{(packed[i] << 8) | packed[i + 1]:X}" for i in range(0, 16, 2))
        return "IP Address:<invalid>"
    if isinstance(gn, x509.DirectoryName):
        return "DirName:" + _quoted(_name_text(gn.value).replace("\n", "/"))
    if isinstance(gn, x509.RegisteredID):
        return f"Registered ID:{gn.value.dotted_string}"
    return "othername:<unsupported>"


def _info_access(cert):
    from cryptography.x509.oid import AuthorityInformationAccessOID, ExtensionOID  # noqa: PLC0415
    aia = _ext(cert, ExtensionOID.AUTHORITY_INFORMATION_ACCESS)
    if aia is None:
        return None
    entries = []
    for desc in aia:
        method = {AuthorityInformationAccessOID.OCSP: "OCSP",
                  AuthorityInformationAccessOID.CA_ISSUERS: "CA Issuers"}.get(desc.access_method,
                                                                              desc.access_method.dotted_string)
        entries.append(f"{method} - {_general_name(desc.access_location)}")
    return entries


def _whole_bytes_hex(n: int) -> str:
    text = f"{n:X}"
    return "0" + text if len(text) % 2 else text


def info(cert) -> dict:
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415
    der = cert.public_bytes(ser.Encoding.DER)
    san = _ext(cert, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    eku = _ext(cert, ExtensionOID.EXTENDED_KEY_USAGE)
    aia = _info_access(cert)
    serial = cert.serial_number
    return {
        "subject": _name_text(cert.subject),
        "issuer": _name_text(cert.issuer),
        "subjectAltName": None if san is None else ", ".join(_general_name(g) for g in san),
        "infoAccess": None if aia is None else "\n".join(aia),
        "validFrom": _time_text(cert.not_valid_before_utc),
        "validTo": _time_text(cert.not_valid_after_utc),
        "fingerprint": _fingerprint(der, "sha1"),
        "fingerprint256": _fingerprint(der, "sha256"),
        "fingerprint512": _fingerprint(der, "sha512"),
        "keyUsage": None if eku is None else [oid.dotted_string for oid in eku],
        "serialNumber": ("-" if serial < 0 else "") + _whole_bytes_hex(abs(serial)),
        "raw": der,
        "pem": cert.public_bytes(ser.Encoding.PEM).decode(),
        "ca": is_ca(cert),
    }


def is_ca(cert) -> bool:
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415
    bc = _ext(cert, ExtensionOID.BASIC_CONSTRAINTS)
    return bool(bc is not None and bc.ca)


def legacy(cert) -> dict:
    """The object tls.TLSSocket#getPeerCertificate() builds on (before
    _tls_common's translatePeerCertificate)."""
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: PLC0415
    base = info(cert)
    out = {"subject": _name_legacy(cert.subject), "issuer": _name_legacy(cert.issuer)}
    if base["subjectAltName"] is not None:
        out["subjectaltname"] = base["subjectAltName"]
    if base["infoAccess"] is not None:
        out["infoAccess"] = base["infoAccess"] + "\n"
    out["ca"] = base["ca"]
    try:
        pub = cert.public_key()
    except ValueError:
        pub = None
    if isinstance(pub, rsa.RSAPublicKey):
        numbers = pub.public_numbers()
        out["modulus"] = f"{numbers.n:X}"
        out["bits"] = pub.key_size
        out["exponent"] = hex(numbers.e)
        out["pubkey"] = pub.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
    elif isinstance(pub, ec.EllipticCurvePublicKey):
        out["bits"] = pub.curve.key_size
        out["pubkey"] = pub.public_bytes(ser.Encoding.X962, ser.PublicFormat.UncompressedPoint)
        name = {"secp256r1": "prime256v1"}.get(pub.curve.name, pub.curve.name)
        out["asn1Curve"] = name
        out["nistCurve"] = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}.get(pub.curve.name)
        if out["nistCurve"] is None:
            del out["nistCurve"]
    for key in ("validFrom", "validTo"):
        out["valid_from" if key == "validFrom" else "valid_to"] = base[key]
    for key in ("fingerprint", "fingerprint256", "fingerprint512"):
        out[key] = base[key]
    if base["keyUsage"] is not None:
        out["ext_key_usage"] = base["keyUsage"]
    out["serialNumber"] = base["serialNumber"]
    out["raw"] = base["raw"]
    return out


def _hostname_match(pattern: str, host: str, flags: int) -> bool:
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if "*" not in pattern or flags & 0x2:     # X509_CHECK_FLAG_NO_WILDCARDS
        return pattern == host
    p_labels, h_labels = pattern.split("."), host.split(".")
    first = p_labels[0]
    if "*" in ".".join(p_labels[1:]) or len(p_labels) < 3:
        return pattern == host
    if first != "*" and flags & 0x4:           # X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS
        return pattern == host
    if p_labels[1:] != h_labels[-(len(p_labels) - 1):] or len(h_labels) < len(p_labels):
        return False
    if len(h_labels) != len(p_labels) and not flags & 0x8:   # MULTI_LABEL_WILDCARDS
        return False
    head = ".".join(h_labels[:len(h_labels) - len(p_labels) + 1])
    prefix, _, suffix = first.partition("*")
    if head.startswith("xn--") and first != "*":
        return False
    return len(head) >= len(prefix) + len(suffix) and head.startswith(prefix) and head.endswith(suffix)


def _subject_values(cert, oid_dotted: str) -> list:
    return [a.value for a in cert.subject if a.oid.dotted_string == oid_dotted and isinstance(a.value, str)]


def check_host(cert, name: str, flags: int):
    from cryptography import x509  # noqa: PLC0415
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415
    san = _ext(cert, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    dns = [] if san is None else san.get_values_for_type(x509.DNSName)
    for candidate in dns:
        if _hostname_match(candidate, name, flags):
            return candidate
    use_subject = flags & 0x1 or (not dns and not flags & 0x20)   # ALWAYS / NEVER_CHECK_SUBJECT
    if use_subject:
        for cn in _subject_values(cert, "2.5.4.3"):
            if _hostname_match(cn, name, flags):
                return cn
    return None


def check_email(cert, email: str, flags: int):
    from cryptography import x509  # noqa: PLC0415
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415

    def same(a: str, b: str) -> bool:
        la, _, da = a.rpartition("@")
        lb, _, db = b.rpartition("@")
        return la == lb and da.lower() == db.lower()
    san = _ext(cert, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    emails = [] if san is None else san.get_values_for_type(x509.RFC822Name)
    for candidate in emails:
        if same(candidate, email):
            return candidate
    if flags & 0x1 or (not emails and not flags & 0x20):
        for value in _subject_values(cert, "1.2.840.113549.1.9.1"):
            if same(value, email):
                return value
    return None


def check_ip(cert, ip: str):
    from cryptography import x509  # noqa: PLC0415
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415
    try:
        wanted = ipaddress.ip_address(ip)
    except ValueError:
        return False
    san = _ext(cert, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    if san is not None and wanted in san.get_values_for_type(x509.IPAddress):
        return ip
    return None


def check_issued(cert, issuer) -> bool:
    from cryptography.x509.oid import ExtensionOID  # noqa: PLC0415
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.extensions, issuer.extensions  # noqa: B018
    except ValueError:
        # OpenSSL marks a certificate with malformed extensions invalid.
        return False
    usage = _ext(issuer, ExtensionOID.KEY_USAGE)
    if usage is not None and not usage.key_cert_sign:
        return False
    aki = _ext(cert, ExtensionOID.AUTHORITY_KEY_IDENTIFIER)
    ski = _ext(issuer, ExtensionOID.SUBJECT_KEY_IDENTIFIER)
    if aki is not None and aki.key_identifier is not None and ski is not None:
        return aki.key_identifier == ski.digest
    return True


def _verify_signature(cert, public_key) -> bool:
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa  # noqa: PLC0415
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(),
                              cert.signature_hash_algorithm)
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(cert.signature, cert.tbs_certificate_bytes,
                              ec.ECDSA(cert.signature_hash_algorithm))
        elif isinstance(public_key, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
            public_key.verify(cert.signature, cert.tbs_certificate_bytes)
        else:
            return False
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def functions(engine) -> dict:
    from ._crypto_keys import KeyHandle, equals  # noqa: PLC0415
    to_bytes = engine.to_bytes
    wrap = engine.host_object

    class Cert:
        __slots__ = ("cert", "info")

        def __init__(self, cert):
            self.cert = cert
            self.info = None

    def parse_js(data):
        result = parse(to_bytes(data))
        return result if isinstance(result, list) else wrap(Cert(result))

    def get_info(c):
        if c.info is None:
            c.info = info(c.cert)
        return c.info

    def public_key(c):
        try:
            return wrap(KeyHandle("public", c.cert.public_key()))
        except ValueError:
            return _DECODE_ERROR

    def check_private(c, handle):
        try:
            pub = c.cert.public_key()
        except ValueError:
            return False
        return handle.kind == "private" and equals(KeyHandle("public", pub), KeyHandle("public", handle.public()))

    return {
        "x509Parse": parse_js,
        "x509Info": lambda c: dict(get_info(c)),
        "x509Legacy": lambda c: legacy(c.cert),
        "x509PublicKey": public_key,
        "x509CheckHost": lambda c, name, flags: check_host(c.cert, engine.text(name), int(flags)),
        "x509CheckEmail": lambda c, email, flags: check_email(c.cert, engine.text(email), int(flags)),
        "x509CheckIP": lambda c, ip: check_ip(c.cert, engine.text(ip)),
        "x509CheckIssued": lambda c, other: check_issued(c.cert, other.cert),
        "x509CheckPrivateKey": check_private,
        "x509Verify": lambda c, handle: _verify_signature(c.cert, handle.public()),
        "spkacPublicKey": lambda data: spkac_public_key(to_bytes(data)),
        "spkacChallenge": lambda data: spkac_challenge(to_bytes(data)),
        "spkacVerify": lambda data: spkac_verify(to_bytes(data)),
    }


# --- SPKAC (Netscape SignedPublicKeyAndChallenge), for crypto.Certificate ---

def _der_element(data: bytes, pos: int):
    """(tag, start of the whole element, start of content, end) of the DER
    element at `pos`; ValueError if malformed."""
    if pos + 2 > len(data):
        raise ValueError
    tag, length, head = data[pos], data[pos + 1], pos + 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or head + count > len(data):
            raise ValueError
        length = int.from_bytes(data[head:head + count], "big")
        head += count
    if head + length > len(data):
        raise ValueError
    return tag, pos, head, head + length


def _spkac_parts(spkac: bytes):
    """(public key info DER, challenge, signed bytes, signature algorithm OID
    DER, signature) of a base64 SPKAC, or None."""
    import base64  # noqa: PLC0415
    import binascii  # noqa: PLC0415
    try:
        der = base64.b64decode(b"".join(spkac.split()), validate=True)
        tag, _, body, end = _der_element(der, 0)
        if tag != 0x30:
            return None
        tag, pkac_start, pkac_body, pkac_end = _der_element(der, body)
        tag_spki, spki_start, _, spki_end = _der_element(der, pkac_body)
        tag_ch, _, ch_body, ch_end = _der_element(der, spki_end)
        tag_alg, _, alg_body, alg_end = _der_element(der, pkac_end)
        tag_oid, _, oid_body, oid_end = _der_element(der, alg_body)
        tag_sig, _, sig_body, sig_end = _der_element(der, alg_end)
        if (tag, tag_spki, tag_ch, tag_alg, tag_oid, tag_sig) != (0x30, 0x30, 0x16, 0x30, 0x06, 0x03):
            return None
        return (der[spki_start:spki_end], der[ch_body:ch_end], der[pkac_start:pkac_end],
                der[oid_body:oid_end], der[sig_body + 1:sig_end])
    except (ValueError, binascii.Error):
        return None


# signature algorithm OIDs (DER content) -> hash names
_SIG_HASHES = {
    bytes.fromhex("2a864886f70d010104"): "md5", bytes.fromhex("2a864886f70d010105"): "sha1",
    bytes.fromhex("2a864886f70d01010b"): "sha256", bytes.fromhex("2a864886f70d01010c"): "sha384",
    bytes.fromhex("2a864886f70d01010d"): "sha512", bytes.fromhex("2a864886f70d01010e"): "sha224",
}


def spkac_public_key(spkac: bytes):
    from cryptography.hazmat.primitives import serialization as ser  # noqa: PLC0415
    parts = _spkac_parts(spkac)
    if parts is None:
        return None
    try:
        key = ser.load_der_public_key(parts[0])
    except ValueError:
        return None
    return key.public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)


def spkac_challenge(spkac: bytes):
    parts = _spkac_parts(spkac)
    return None if parts is None else parts[1]


def spkac_verify(spkac: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes, serialization as ser  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import padding, rsa  # noqa: PLC0415
    parts = _spkac_parts(spkac)
    if parts is None:
        return False
    spki, _, signed, oid, signature = parts
    name = _SIG_HASHES.get(oid)
    try:
        key = ser.load_der_public_key(spki)
        if name is None or not isinstance(key, rsa.RSAPublicKey):
            return False
        key.verify(signature, signed, padding.PKCS1v15(), getattr(hashes, name.upper())())
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
