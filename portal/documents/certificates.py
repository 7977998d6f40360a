"""The portal's organisational certificate: where it is, and a self-signed one for development."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEV_COMMON_NAME = "Medborgarlöften (utvecklingscertifikat, inte för produktion)"


@dataclass(frozen=True)
class SealConfig:
    pkcs12_path: Path
    passphrase: bytes | None


def seal_config() -> SealConfig:
    """The configured PKCS#12 file and its passphrase (settings, filled from the environment)."""
    path = getattr(settings, "PORTAL_SEAL_PKCS12", "")
    if not path:
        raise ImproperlyConfigured(
            "No seal certificate: set PORTAL_SEAL_PKCS12 (and PORTAL_SEAL_PASSPHRASE or "
            "PORTAL_SEAL_PASSPHRASE_FILE), or run `manage.py create_dev_certificate` in demo mode."
        )
    path = Path(path)
    if not path.is_file():
        raise ImproperlyConfigured(f"The seal certificate {path} does not exist.")
    passphrase = getattr(settings, "PORTAL_SEAL_PASSPHRASE", "")
    passphrase_file = getattr(settings, "PORTAL_SEAL_PASSPHRASE_FILE", "")
    if not passphrase and passphrase_file and Path(passphrase_file).is_file():
        passphrase = Path(passphrase_file).read_text().strip()
    return SealConfig(pkcs12_path=path, passphrase=passphrase.encode() if passphrase else None)


def create_dev_certificate(
    *, pkcs12_path: Path, passphrase_path: Path, common_name: str = DEV_COMMON_NAME
) -> bool:
    """Write a self-signed sealing certificate and a random passphrase; False if one exists."""
    if pkcs12_path.is_file() and passphrase_path.is_file():
        return False
    pkcs12_path.parent.mkdir(parents=True, exist_ok=True)
    passphrase_path.parent.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Medborgarlöften"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=5 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    passphrase = secrets.token_urlsafe(32)
    data = pkcs12.serialize_key_and_certificates(
        name=b"portal-seal",
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )
    passphrase_path.write_text(passphrase + "\n")
    passphrase_path.chmod(0o600)
    pkcs12_path.write_bytes(data)
    pkcs12_path.chmod(0o600)
    return True
