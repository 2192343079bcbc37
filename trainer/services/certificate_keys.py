"""The office's certificate signing key: Ed25519, its private half outside the database.

- The public key is a row of `certificate_keys`; its fingerprint (SHA-256, shown in groups of
  four) is printed in settings, so an office can publish it and anyone can check that the key
  a copy of the app verifies with is the office's.
- The private key is a PKCS#8 PEM file encrypted with a passphrase, in the data folder of the
  person who made it (`<data folder>/certificate-keys/<fingerprint>.pem`), or one they chose;
  `export_private_key` copies it (still encrypted) for a backup or a second issuing desk,
  `import_private_key` puts such a copy in place.
- Making a key is the administrator's act (the guard refuses certificate_keys rows to anyone
  else, and records the row in the audit trail); a partial unique index keeps one current key
  per office, so two administrators making one at once get one key and a clear refusal.

Whoever holds only the database can read the public key and every signature, and forge none."""
from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from trainer.db.base import utcnow
from trainer.db.models import CertificateKey
from trainer.errors import CertificateError
from trainer.files import atomic_output
from trainer.security import guard
from trainer.security.audit import record_event
from trainer.security.roles import CERTIFICATES, SETTINGS
from trainer.services.uow import UnitOfWork

MIN_PASSPHRASE = 8
KEY_FOLDER = "certificate-keys"


@dataclass(frozen=True)
class KeyInfo:
    id: int
    fingerprint: str          # hex SHA-256 of the raw public key
    public_key: bytes         # 32 bytes
    created_at: object
    created_by: str
    retired: bool

    @property
    def fingerprint_display(self) -> str:
        """The first 32 hex digits in groups of four: what settings show and offices publish."""
        return fingerprint_display(self.fingerprint)


def fingerprint_display(fingerprint: str) -> str:
    head = fingerprint[:32].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def fingerprint_of(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()


def key_folder() -> Path:
    from trainer.config import data_dir

    return data_dir() / KEY_FOLDER


def key_file(fingerprint: str, folder: Path | None = None) -> Path:
    return (folder or key_folder()) / f"{fingerprint[:32]}.pem"


def _info(row: CertificateKey) -> KeyInfo:
    return KeyInfo(row.id, row.fingerprint, base64.b64decode(row.public_key), row.created_at,
                   row.created_by, row.retired_at is not None)


def current_key(uow: UnitOfWork) -> KeyInfo | None:
    """The office's current signing key (its public half), None before one is made."""
    with uow:
        row = uow.session.scalar(select(CertificateKey).where(
            CertificateKey.organization_id == uow.organization_id,
            CertificateKey.retired_at.is_(None)))
        return _info(row) if row is not None else None


def key_by_id(uow: UnitOfWork, key_id: int) -> KeyInfo | None:
    with uow:
        row = uow.session.get(CertificateKey, key_id)
        return _info(row) if row is not None else None


def first_key_made_at(uow: UnitOfWork):
    """When the office began signing (certificates without a signature made after this are
    not the program's)."""
    with uow:
        return uow.session.scalar(select(CertificateKey.created_at).where(
            CertificateKey.organization_id == uow.organization_id)
            .order_by(CertificateKey.created_at).limit(1))


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise CertificateError("key_passphrase_short", minimum=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


def _write_private(path: Path, pem: bytes) -> None:
    """Owner-only, written beside and renamed, so a failed write leaves no half key file."""
    with atomic_output(path) as partial:
        partial.write_bytes(pem)


def create_key(uow: UnitOfWork, passphrase: str, *, folder: Path | None = None,
               replace: bool = False) -> tuple[KeyInfo, Path]:
    """Makes the office's signing key: the private half into an encrypted key file (returned),
    the public half into the database. Administrators only. With `replace`, the current key is
    retired (it keeps verifying what it signed); without, an existing key is an error."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    secret = _check_passphrase(passphrase)
    guard.require(uow, SETTINGS, "create", "certificate_keys")
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
    fingerprint = fingerprint_of(raw)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(secret))
    path = key_file(fingerprint, folder)
    _write_private(path, pem)
    try:
        with uow:
            s = uow.session
            existing = s.scalar(select(CertificateKey).where(
                CertificateKey.organization_id == uow.organization_id,
                CertificateKey.retired_at.is_(None)))
            if existing is not None:
                if not replace:
                    raise CertificateError("key_exists",
                                           fingerprint=fingerprint_display(existing.fingerprint))
                existing.retired_at = utcnow()
                s.flush()
            row = CertificateKey(organization_id=uow.organization_id, fingerprint=fingerprint,
                                 public_key=base64.b64encode(raw).decode("ascii"),
                                 created_at=utcnow(), created_by=uow.actor.label or uow.actor.role)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:  # another administrator made one at the same moment
                raise CertificateError("key_exists", fingerprint="—") from None
            info = _info(row)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return info, path


@dataclass(frozen=True)
class Signer:
    """The unlocked private key of the office's current key, for one issuing session."""

    key: KeyInfo
    private: object  # Ed25519PrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def load_signer(uow: UnitOfWork, passphrase: str, path: str | os.PathLike | None = None
                ) -> Signer:
    """Opens the key file of the office's current key (the default place, or `path`) with the
    passphrase; refuses a file of another key, a wrong passphrase, or no key at all."""
    from cryptography.hazmat.primitives import serialization

    guard.require(uow, CERTIFICATES, "create", "certificates")
    key = current_key(uow)
    if key is None:
        raise CertificateError("no_key")
    file = Path(path) if path else key_file(key.fingerprint)
    try:
        pem = file.read_bytes()
    except OSError as exc:
        raise CertificateError("key_file_missing", path=str(file),
                               fingerprint=key.fingerprint_display, detail=exc.strerror or str(exc)
                               ) from None
    try:
        private = serialization.load_pem_private_key(pem, (passphrase or "").encode("utf-8"))
    except (ValueError, TypeError):
        raise CertificateError("key_passphrase") from None
    raw = private.public_key().public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
    if raw != key.public_key:
        raise CertificateError("key_mismatch", path=str(file),
                               fingerprint=key.fingerprint_display)
    return Signer(key, private)


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def export_private_key(uow: UnitOfWork, out: str | os.PathLike, passphrase: str) -> Path:
    """A backup copy of the current key file (still encrypted; the passphrase is checked first,
    so a backup nobody can open is not made). Recorded in the audit trail."""
    signer = load_signer(uow, passphrase)
    guard.require(uow, SETTINGS, "export", "certificate_keys")
    target = Path(out)
    _write_private(target, key_file(signer.key.fingerprint).read_bytes())
    record_event(uow, "export", entity="certificate_keys", record_id=signer.key.id,
                 summary=f"private key {signer.key.fingerprint_display} → {target.name}")
    return target


def import_private_key(uow: UnitOfWork, source: str | os.PathLike, passphrase: str) -> Path:
    """Puts an exported key file in this person's data folder, after checking that it is the
    office's current key and opens with the passphrase."""
    signer = load_signer(uow, passphrase, source)
    path = key_file(signer.key.fingerprint)
    if Path(source).resolve() != path.resolve():
        _write_private(path, Path(source).read_bytes())
    return path


def public_key_pem(key: KeyInfo) -> str:
    """The public key as a PEM text an office can publish (verification with --public-key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(key.public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def read_public_key(path: str | os.PathLike) -> bytes:
    """The raw Ed25519 public key of a published PEM file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise CertificateError("public_key_file", path=str(path), detail=str(exc)) from None
    if not isinstance(key, Ed25519PublicKey):
        raise CertificateError("public_key_file", path=str(path), detail="not Ed25519")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
