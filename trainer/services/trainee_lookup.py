"""Finding the trainee a clerk means by what they type (一人一档, the command line's --trainee,
a scanner): a database id, a scan code, a full ID number, the last digits of an ID number, a
name or its pinyin initials. Names and initials go through the Trainees page's own search
(trainees.page_trainees); ID tails through trainees.list_by_id_tail. Several people may match:
the caller offers a chooser (GUI) or lists them with masked ID numbers (CLI)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Enterprise, Trainee
from trainer.rules.id_number import mask_id_number
from trainer.rules.text import clean_code, clean_text
from trainer.security.personal import may_reveal
from trainer.services.uow import UnitOfWork

_CODE = re.compile(r"T(\d{1,10})")  # a scan code: T + the database id in 7 digits
_HASH_ID = re.compile(r"[#＃](\d{1,9})")  # "#609": the database id, said explicitly
ID_TAIL_MIN = 4  # fewer digits are a database id; 4 or more also the end of an ID number


@dataclass(frozen=True)
class TraineeRef:
    id: int
    name: str
    enterprise_name: str
    id_tail: str  # the last four characters of the ID number
    masked_id: str = ""  # 3605**********123X, as lists show it

    def line(self) -> str:
        """One line of a chooser: '#609 王芳 秦皇岛纺织厂 1303**********1234'."""
        return " ".join(p for p in (f"#{self.id}", self.name, self.enterprise_name,
                                    self.masked_id) if p)


def _ref(trainee_id: int, name: str, enterprise: str | None, id_number: str | None) -> TraineeRef:
    number = id_number or ""
    return TraineeRef(trainee_id, name, enterprise or "", number[-4:], mask_id_number(number))


def _by_condition(uow: UnitOfWork, condition) -> list[TraineeRef]:
    rows = uow.session.execute(
        select(Trainee, Enterprise.name)
        .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
        .where(condition, Trainee.organization_id == uow.organization_id)
        .order_by(Trainee.name, Trainee.id)).all()
    return [_ref(t.id, t.name, e, t.id_number) for t, e in rows]


def lookup_trainees(uow: UnitOfWork, text: str, *, limit: int = 20) -> list[TraineeRef]:
    """Everyone `text` may mean, at most `limit`: '#609' or a scan code (T0000609) is that id
    alone; a full ID number that person (only for a role that may reveal: for the others a
    guessed number must not be confirmed); digits — the database id, and from four digits on
    also every ID number ending with them; anything else the Trainees page's search (part of a
    name, pinyin initials), where people of exactly that name come before the rest."""
    from trainer.services.trainee_search import search_kind
    from trainer.services.trainees import list_by_id_tail, page_trainees

    raw = clean_text(text)
    code = clean_code(raw)
    if not code:
        return []
    with uow:
        explicit = _HASH_ID.fullmatch(raw.replace(" ", "")) or _CODE.fullmatch(code)
        if explicit:
            return _by_condition(uow, Trainee.id == int(explicit.group(1)))
        if len(code) == 18 and may_reveal(uow):
            found = _by_condition(uow, Trainee.id_number == code)
            if found:
                return found
        if re.fullmatch(r"[0-9]+X?", code):
            found = _by_condition(uow, Trainee.id == int(code)) if (
                code.isdigit() and len(code) <= 9) else []
            if len(code) >= ID_TAIL_MIN:
                seen = {r.id for r in found}
                found += [_ref(r.id, r.name, r.enterprise_name, r.id_number)
                          for r in list_by_id_tail(uow, code, limit=limit) if r.id not in seen]
            return found[:limit]
        kind, query = search_kind(raw)
        records = page_trainees(uow, raw, limit=limit).records
        found = [_ref(r.id, r.name, r.enterprise_name, r.id_number) for r in records]
        if kind == "name":
            exact = [r for r in found if r.name == query]
            found = exact + [r for r in found if r.name != query]
        return found


@dataclass(frozen=True)
class Lookup:
    """What a typed term found: `chosen` when it means one person (the only match, or the only
    one named exactly so), else the chooser's `matches`; `more`: there are more than shown."""

    term: str
    matches: tuple[TraineeRef, ...]
    chosen: TraineeRef | None
    more: bool


def find_trainee(uow: UnitOfWork, text: str, *, limit: int = 20) -> Lookup:
    """lookup_trainees, deciding when the term names one person."""
    found = lookup_trainees(uow, text, limit=limit + 1)
    more, found = len(found) > limit, found[:limit]
    exact = [r for r in found if r.name == clean_text(text)]
    chosen = found[0] if len(found) == 1 else exact[0] if len(exact) == 1 else None
    return Lookup(clean_text(text), tuple(found), chosen, more)
