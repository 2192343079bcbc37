"""Online study time (线上学习时长) per trainee per class, as the learning platform's export says
it (trainer/io/online_hours.py reads the file): matching a row to a trainee of the class — by ID
number (in full, or masked the way platforms print it: 360502********1234) or, without one, by
name when exactly one trainee of the class has it — and recording the minutes. The platform's
figure is cumulative, so an import replaces the recorded one; the preview carries the version it
saw of each trainee's row, and a row changed since is refused (StaleEditError), nothing saved."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import select

from trainer.db.models import Enrolment, OnlineStudy, Trainee
from trainer.errors import ValidationError
from trainer.texts import FIELDS, label, language, pick
from trainer.rules.text import clean_name, clean_text
from trainer.security.personal import require_reveal_for_lookup
from trainer.services.common import check_version
from trainer.services.enrolment import load_cohort
from trainer.services.uow import UnitOfWork
from trainer.texts import errors as error_texts

ROW_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "name"), "id_number": ("身份证号", "ID number"),
    "minutes": ("学习时长", "study time"),
}


class OnlineRowError(ValidationError):
    """Why a row of the platform's export matches no one trainee of the class."""

    TEXTS = error_texts.ONLINE_ROW_ERROR  # trainer/texts/errors.py

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(self.TEXTS[self.reason], lang).format(**self.params)
        name = label(ROW_LABELS if self.field in ROW_LABELS else FIELDS, self.field, lang)
        return f"{name}{text}" if lang == "zh" else f"{name[:1].upper()}{name[1:]} {text}"


@dataclass(frozen=True)
class Member:
    trainee_id: int
    name: str
    id_number: str


_MASK_CHARS = "*＊●•×"  # what platforms print instead of the hidden digits

class ClassRoster:
    """The trainees who are or were in the class, for matching the export's rows."""

    def __init__(self, uow: UnitOfWork, cohort_id: int) -> None:
        self.uow = uow
        rows = uow.session.execute(
            select(Trainee.id, Trainee.name, Trainee.id_number)
            .join(Enrolment, Enrolment.trainee_id == Trainee.id)
            .where(Enrolment.cohort_id == cohort_id)).all()
        self.members = [Member(i, clean_name(n), (idn or "").upper()) for i, n, idn in rows]
        self.by_id = {m.id_number: m for m in self.members if m.id_number}
        self.by_name: dict[str, list[Member]] = {}
        for m in self.members:
            self.by_name.setdefault(m.name, []).append(m)

    def match(self, id_number: str, name: str) -> Member:
        """The one trainee the row names, or OnlineRowError / PermissionDenied."""
        code = clean_text(id_number).replace(" ", "").upper()
        name = clean_name(name)
        if not code and not name:
            raise OnlineRowError("name", "need_person")
        masked = any(c in _MASK_CHARS for c in code)
        if code and not masked and len(code) >= 15:
            require_reveal_for_lookup(self.uow)  # found / not found would confirm a number
            member = self.by_id.get(code)
            if member is None:
                raise OnlineRowError("id_number", "not_in_class", value=code)
        elif code:
            member = self._masked(code, name)
        else:
            found = self.by_name.get(name, [])
            if not found:
                raise OnlineRowError("name", "not_in_class", value=name)
            if len(found) > 1:
                tails = "、".join(f"…{m.id_number[-4:]}" for m in found)
                raise OnlineRowError("name", "ambiguous_name", value=name, count=len(found),
                                     tails=tails)
            member = found[0]
        if name and member.name != name:
            raise OnlineRowError("name", "name_mismatch", value=name, expected=member.name)
        return member

    def _masked(self, code: str, name: str) -> Member:
        """360502********1234 (or the last digits alone, 1234): the digits shown must fit, the
        name picks among those that do."""
        if any(c in _MASK_CHARS for c in code):
            head = re.match(r"[0-9X]*", code).group()
            tail = re.search(r"[0-9X]*$", code).group()
            size = len(code)
        else:
            head, tail, size = "", code, None
        if len(tail) < 4 and len(head) < 14:  # the region code alone tells nobody apart
            raise OnlineRowError("id_number", "masked_id", value=code)
        fits = [m for m in self.members if m.id_number.startswith(head)
                and m.id_number.endswith(tail) and size in (None, len(m.id_number))]
        if name:
            fits = [m for m in fits if m.name == name] or fits
        if not fits:
            raise OnlineRowError("id_number", "not_in_class", value=code)
        if len(fits) > 1:
            raise OnlineRowError("id_number", "ambiguous_id", value=code, count=len(fits))
        return fits[0]


def online_minutes(uow: UnitOfWork, cohort_id: int) -> dict[int, int]:
    """trainee id → online study minutes recorded in the class."""
    with uow:
        return dict(uow.session.execute(select(OnlineStudy.trainee_id, OnlineStudy.minutes)
                                        .where(OnlineStudy.cohort_id == cohort_id)).all())


def online_versions(uow: UnitOfWork, cohort_id: int) -> dict[int, tuple[int, int]]:
    """trainee id → (minutes, version) of the rows recorded in the class."""
    with uow:
        return {t: (m, v) for t, m, v in uow.session.execute(
            select(OnlineStudy.trainee_id, OnlineStudy.minutes, OnlineStudy.version)
            .where(OnlineStudy.cohort_id == cohort_id))}


@dataclass(frozen=True)
class OnlineMinutes:
    """A trainee's online minutes to record; `seen_version` the version of their row the user
    saw (0: none was recorded)."""
    trainee_id: int
    minutes: int
    seen_version: int = 0


def record_online_minutes(uow: UnitOfWork, cohort_id: int, changes: Sequence[OnlineMinutes],
                          source: str = "") -> int:
    """Writes the minutes in one transaction, replacing what was recorded; refused whole
    (StaleEditError) when a trainee's row changed since `seen_version`. Returns rows written."""
    with uow:
        load_cohort(uow, cohort_id)  # NotFoundError for another office's class
        s = uow.session
        ids = [c.trainee_id for c in changes]
        rows = {r.trainee_id: r for r in _rows(s, cohort_id, ids)}
        names = dict(s.execute(select(Trainee.id, Trainee.name).where(Trainee.id.in_(ids))).all())
        for change in changes:
            row = rows.get(change.trainee_id)
            if row is None and change.seen_version == 0:
                s.add(OnlineStudy(cohort_id=cohort_id, trainee_id=change.trainee_id,
                                  minutes=change.minutes, source=source[:200]))
                continue
            if row is None:  # deleted since: nothing to compare with, ask again
                raise ValidationError("online_study", "unknown", value=names.get(
                    change.trainee_id, change.trainee_id))
            check_version(row, change.seen_version, "online_study",
                          names.get(change.trainee_id, str(change.trainee_id)))
            row.minutes, row.source = change.minutes, source[:200]
        s.flush()
        return len(changes)


def _rows(session, cohort_id: int, trainee_ids: Iterable[int]) -> list[OnlineStudy]:
    ids = sorted(set(trainee_ids))
    out: list[OnlineStudy] = []
    for start in range(0, len(ids), 500):
        out += session.scalars(select(OnlineStudy).where(
            OnlineStudy.cohort_id == cohort_id,
            OnlineStudy.trainee_id.in_(ids[start:start + 500])))
    return out
