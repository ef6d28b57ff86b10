"""node:tls and node:https: scripts under tests/tls_scripts/ run under real
node and under nodeshim with the same certificates (made here, at test time,
with ``cryptography``) and must print the same."""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

HERE = Path(__file__).resolve().parent
SCRIPTS = sorted((HERE / "tls_scripts").glob("*.js"))
NODE = shutil.which("node")


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "nodeshim tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, key, issuer, issuer_key, *, ca=False, sans=None, days=(-1, 3650)):
    now = datetime.datetime.now(datetime.timezone.utc)
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now + datetime.timedelta(days=days[0]))
         .not_valid_after(now + datetime.timedelta(days=days[1]))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        b = b.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


def _write(d: Path, stem: str, key, cert) -> None:
    (d / f"{stem}-key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (d / f"{stem}-cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("certs")
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = _cert(_name("nodeshim test CA"), ca_key, _name("nodeshim test CA"), ca_key, ca=True)
    _write(d, "ca", ca_key, ca)
    local = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _write(d, "server", key, _cert(_name("localhost"), key, ca.subject, ca_key, sans=local))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _write(d, "self", key, _cert(_name("self"), key, _name("self"), key, sans=local))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _write(d, "expired", key, _cert(_name("localhost"), key, ca.subject, ca_key, sans=local, days=(-30, -1)))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _write(d, "client", key, _cert(_name("client"), key, ca.subject, ca_key))
    key = ec.generate_private_key(ec.SECP256R1())
    _write(d, "ec", key, _cert(_name("localhost"), key, ca.subject, ca_key, sans=local))
    return d


def _run(cmd: list[str], script: Path, certs: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CERTS=str(certs))
    env.pop("NODE_OPTIONS", None)
    env.pop("NODE_TLS_REJECT_UNAUTHORIZED", None)
    return subprocess.run(cmd + [str(script)], cwd=script.parent, capture_output=True, timeout=60, env=env)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_same_as_node(script: Path, certs: Path) -> None:
    if NODE is None:
        pytest.skip("node is not installed")
    expected = _run([NODE], script, certs)
    actual = _run([sys.executable, "-m", "nodeshim"], script, certs)
    err = actual.stderr.decode(errors="replace")[-3000:]
    assert actual.stdout.decode(errors="replace") == expected.stdout.decode(errors="replace"), err
    assert actual.returncode == expected.returncode, err
