"""A signing key for tests that issue certificates: made once per database (as the system or
the administrator given), its file in the test's own data folder."""
from trainer.services import certificate_keys as keys

PASSPHRASE = "新余总工会-证书口令2026"


def make_signer(uow, admin_uow=None) -> keys.Signer:
    """The unlocked key for `uow` (made first, by `admin_uow` or `uow`, when there is none)."""
    if keys.current_key(uow) is None:
        keys.create_key(admin_uow or uow, PASSPHRASE)
    return keys.load_signer(uow, PASSPHRASE)
