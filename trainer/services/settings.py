"""Office settings: typed defaults in one table here, values stored as JSON in `settings`.

A setting not yet stored reads as its default, so a new database needs no seeding."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from trainer.db.models import Setting
from trainer.errors import ValidationError
from trainer.services.uow import UnitOfWork

# key → default. Each area adds its settings here, so every setting and its default is in one place.
DEFAULTS: dict[str, Any] = {}


def get_setting(uow: UnitOfWork, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    with uow:
        stored = uow.session.scalar(select(Setting.value).where(
            Setting.organization_id == uow.organization_id, Setting.key == key))
    return DEFAULTS[key] if stored is None else json.loads(stored)


def set_setting(uow: UnitOfWork, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    default = DEFAULTS[key]
    if default is not None and value is not None and type(value) is not type(default) \
            and not (isinstance(default, float) and isinstance(value, int)):
        raise ValidationError(key, "wrong_type", expected=type(default).__name__)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with uow:
        row = uow.session.scalar(select(Setting).where(
            Setting.organization_id == uow.organization_id, Setting.key == key))
        if row is None:
            uow.session.add(Setting(organization_id=uow.organization_id, key=key, value=text))
        else:
            row.value = text
