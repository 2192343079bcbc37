"""Masks that stay masks (issue 20, finding 3). A role without the reveal permission sees ID
numbers and mobiles masked (rules.id_number.mask_id_number, rules.phone.mask_mobile: the last
four characters visible), and nothing it can ask may tell it more: searches by digits match only
those visible last four, a look-up by a full ID number or mobile is refused before anything is
looked up (an answer "not found" / "found" would confirm a guessed number), and birth dates are
not shown beside a masked ID number."""
from __future__ import annotations

import re
from typing import Any

from trainer.errors import PermissionDenied
from trainer.rules.id_number import mask_id_number
from trainer.rules.phone import mask_mobile
from trainer.security.roles import REVEAL

VISIBLE_TAIL = 4  # characters of an ID number or mobile a mask leaves visible
_TAIL = re.compile(r"[0-9]{1,3}[0-9X]?")


def _masked_date(value: Any) -> Any:
    return "****-**-**" if value else value


# Columns holding personal values, and their masks. The audit trail stores them masked
# (security.guard): a full ID number or mobile is never written there, so no retention of
# the trail keeps one; the birth date goes too, as it would narrow a masked ID number.
PERSONAL_FIELDS = {"id_number": mask_id_number, "mobile": mask_mobile,
                   "contact_phone": mask_mobile, "birth_date": _masked_date}


def mask_personal(column: str, value: Any) -> Any:
    """`value` of `column` as the audit trail keeps it (masked when personal)."""
    mask = PERSONAL_FIELDS.get(column)
    return mask(value) if mask is not None and value else value


def masked_record(record: Any, reveal: bool) -> Any:
    """`record` (a frozen dataclass a service returns) with its personal fields — those of
    PERSONAL_FIELDS it has — masked, unless `reveal`. The one place records are masked."""
    if reveal:
        return record
    import dataclasses

    changes = {f.name: mask_personal(f.name, getattr(record, f.name))
               for f in dataclasses.fields(record) if f.name in PERSONAL_FIELDS}
    return dataclasses.replace(record, **changes) if changes else record


def shown(uow: Any, record: Any, reveal: bool) -> Any:
    """`record` as the acting user may see it: in full only when `reveal` was asked for and
    the user holds the reveal permission. (Call inside `with uow`.)"""
    return masked_record(record, reveal and may_reveal(uow))


def may_reveal(uow: Any) -> bool:
    """Does the acting user hold the reveal permission? (Call inside `with uow`.)"""
    return uow.actor.holds(REVEAL)


def require_reveal_for_lookup(uow: Any) -> None:
    """PermissionDenied unless the acting user may reveal: for every look-up by a full ID
    number or mobile, before it is made. (Call inside `with uow`.)"""
    actor = uow.actor
    if not actor.holds(REVEAL):
        raise PermissionDenied(actor.role, "search_personal")


def visible_tail(code: str) -> str | None:
    """`code` when it is no more than what a mask shows (up to the last four characters of an
    ID number or mobile), else None."""
    return code if _TAIL.fullmatch(code) else None


def masked_birth_date(value: Any, reveal: bool) -> str:
    """A birth date shown beside an ID number: in full only when the ID number is."""
    if not value:
        return ""
    return value.isoformat() if reveal else "****-**-**"
