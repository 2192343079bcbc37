"""Password hashes (argon2id) and login tokens for the command line.

Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 40 ms a hash here, where
argon2-cffi's defaults (64 MiB, 4 lanes) took 0.45 s on a busy 2-core office PC. Hashes made
with other parameters still verify and are re-hashed at the next login.

A token is 32 random bytes; only its SHA-256 is stored (a random token needs no slow hash)."""
from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from trainer.errors import AccountError

MIN_LENGTH, MAX_LENGTH = 8, 200
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# verified against when the user name is unknown, so a wrong name takes as long as a wrong
# password and the time does not tell which names exist. Written here, not hashed at import
# (an argon2 hash at every start of the app); a test checks it has _hasher's parameters.
_DUMMY_HASH = ("$argon2id$v=19$m=19456,t=2,p=1$jg7e2XE3jCJRdu6BRe+xZw$"
               "/D+VpoPr/cLmtO+IcDGxgE99dRa1uUvaojzFvrf02+0")


def check_password_rules(password: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise AccountError("password_short", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise AccountError("password_long", max=MAX_LENGTH)


def hash_password(password: str) -> str:
    check_password_rules(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> tuple[bool, str | None]:
    """(matches, a new hash when the stored one used weaker parameters than today's)."""
    try:
        _hasher.verify(stored_hash or _DUMMY_HASH, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if stored_hash is None:
        return False, None
    return True, (_hasher.hash(password) if _hasher.check_needs_rehash(stored_hash) else None)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256((token or "").strip().encode("utf-8")).hexdigest()
