"""Office settings: typed defaults in one table here, values stored as JSON in `settings`.

A setting not yet stored reads as its default, so a new database needs no seeding."""
from __future__ import annotations

import json
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from trainer.db.models import Setting
from trainer.errors import StaleEditError, ValidationError
from trainer.services.common import check_version
from trainer.services.uow import UnitOfWork

# key → default. Each area adds its settings here, so every setting and its default is in one place.
DEFAULTS: dict[str, Any] = {}

DEFAULTS.update({  # scheduling (trainer/rules/calendar.py, rules/conflicts.py, services/schedule*.py)
    "schedule.periods": {"morning": ["08:30", "12:00"], "afternoon": ["14:00", "17:30"],
                         "evening": ["19:00", "21:00"]},  # half-days: a lesson starts at one's start
    "schedule.travel_gap_minutes": 60,  # between a lecturer's lessons at two enterprises on one day
    "schedule.class_min_gap_days": 1,  # between lessons of one class (1: not two on one day)
})

DEFAULTS.update({  # printed documents (trainer/pdf) and certificates (services/certificates)
    "pdf.font_path": "",              # a TrueType .ttf/.ttc; "" = resources/fonts, then the system's
    "pdf.font_index": 0,              # subfont of a .ttc
    "pdf.certificate_font_path": "",  # "" = a Kai face if installed, else the body font
    "pdf.certificate_font_index": 0,
    "pdf.signin_rows_per_page": 20,
    "certificate.verify_url": "",     # a web page verifying ?n=NUMBER&c=CODE: then the QR is its address
    "certificate.verify_phone": "",   # the office phone the QR sentence names ("" = the office's phone)
    "office.uuid": "",                # this database's office, made once: .ics UIDs (io/ics)
    "certificate.number_format": "{prefix}-{year}-{theme}-{serial:05d}",
    "certificate.theme_codes": {},    # theme name → code in numbers; default: pinyin initials
    "certificate.templates": {},      # kind → fields overriding the built-in template
    "certificate.seal_png": "",       # base64 of a transparent PNG
    "fees.hourly_rate_cents": {"national_senior": 50000, "model_trainer": 30000,
                               "skilled_technician": 30000},
    # 劳务报酬 withholding: income ≤ threshold → (income − flat deduction); above → income ×
    # (100 − percent)%; then the brackets (upper bound of the taxable amount, rate %, quick
    # deduction), the last without a bound
    "fees.withholding": {"threshold_cents": 400000, "flat_deduction_cents": 80000,
                         "deduction_percent": 20,
                         "brackets": [[2000000, 20, 0], [5000000, 30, 200000], [None, 40, 700000]]},
})

DEFAULTS.update({  # attendance and completion (services/attendance.py, services/completion.py)
    "completion.require_assessment": False,  # True: a passed assessment even without a pass mark
    "attendance.late_grace_minutes": 5,  # scanner mode: signed in later than start + this → late
})


DEFAULTS.update({  # the automatic planner (trainer/scheduling): penalties of the soft goals
    "planner.weights": {"one_lecturer": 40, "spread": 2, "balance": 10, "travel": 8,
                        "preferred_period": 5, "same_venue": 3, "move": 500},
    "planner.preferred_periods": ["morning", "afternoon"],  # other half-days cost preferred_period
    "planner.time_limit_seconds": 5.0,  # CP-SAT's deterministic time (about seconds)
})

DEFAULTS.update({  # trust (trainer/security): logins and backups
    "security.max_failed_logins": 5,  # wrong passwords in a row before the account locks
    "security.lock_minutes": 15,      # how long it stays locked
    "security.token_days": 30,        # validity of a `trainer login` token
    "backup.keep": 10,                # automatic SQLite copies kept (daily and before upgrades)
    "audit.retention_days": 365,      # a deleted trainee's personal values stay in the audit
                                      # trail this long, then `trainer audit purge` blanks them
})


def get_setting(uow: UnitOfWork, key: str) -> Any:
    return read_setting(uow, key)[0]


def read_setting(uow: UnitOfWork, key: str) -> tuple[Any, int]:
    """(value, version) of a setting as a screen shows it: version 0 while it is not stored yet.
    A save passes that version back to set_setting."""
    if key not in DEFAULTS:
        raise KeyError(key)
    with uow:
        row = uow.session.execute(select(Setting.value, Setting.version).where(
            Setting.organization_id == uow.organization_id, Setting.key == key)).first()
    return (DEFAULTS[key], 0) if row is None else (json.loads(row.value), row.version)


def set_setting(uow: UnitOfWork, key: str, value: Any, expected_version: int | None = None, *,
                force: bool = False) -> None:
    """Stores `value` if the setting is still at `expected_version` (read_setting's; 0: not
    stored yet, so a value made once never overwrites a stored one); StaleEditError naming who
    changed it otherwise. Only `force` (a person's explicit overwrite) skips the check."""
    if key not in DEFAULTS:
        raise KeyError(key)
    default = DEFAULTS[key]
    if default is not None and value is not None and type(value) is not type(default) \
            and not (isinstance(default, float) and isinstance(value, int)):
        raise ValidationError(key, "wrong_type", expected=type(default).__name__)
    if expected_version is None and not force:
        raise TypeError(f"setting {key!r}: expected_version is required (or force=True)")
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with uow:
        row = uow.session.scalar(select(Setting).where(
            Setting.organization_id == uow.organization_id, Setting.key == key))
        if row is None:
            if not force and expected_version != 0:  # settings are never deleted: cannot happen
                raise StaleEditError("setting", _name(key), expected_version, 0, None)
            uow.session.add(Setting(organization_id=uow.organization_id, key=key, value=text))
        else:
            check_version(row, expected_version, "setting", _name(key), force=force)
            row.value = text


def _name(key: str) -> str:
    """A setting as the person knows it (证书模板), else its key."""
    from trainer.texts import pick
    from trainer.texts.security import SETTING_NAMES

    return pick(SETTING_NAMES[key]) if key in SETTING_NAMES else key


def setting_made_once(uow: UnitOfWork, key: str, make: Callable[[], Any]) -> Any:
    """The stored value of `key`, or `make()` stored now if none is (the office UUID): never
    overwrites one, even when another desk stores its own at the same instant (then theirs)."""
    value = get_setting(uow, key)
    if value:
        return value
    try:
        with uow:
            value = make()
            set_setting(uow, key, value, 0)
    except (StaleEditError, IntegrityError):  # another desk stored one first: keep it
        return get_setting(uow, key)
    return value
