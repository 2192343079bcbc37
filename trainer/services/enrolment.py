"""Enrolment (报名): who is in a class. From an enterprise's roster, a list of ids (a multi-select,
an import), or open enrolment with eligibility by trainee category; capacity enforced; late
joiners; transfers that keep attendance; withdrawals.

Statuses of an enrolment: active, transferred (moved to another class of the same course; a new
active enrolment there starts on the transfer date), withdrawn. Only active enrolments take a
place. `enrolled_on` is the day the trainee joined: lessons before it are not counted against
them. Left out, it is the class's first lesson date (or today, if that is later): offices type
paper lists in after the fact, so a late joiner is the exception and is said so by giving the
date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from sqlalchemy import func, select

from trainer.db.models import Cohort, Course, Enrolment, Enterprise, Lesson, Trainee
from trainer.errors import EnrolmentError, NotFoundError
from trainer.texts import TRAINEE_CATEGORIES, label, language, pick
from trainer.rules.completion import ACTIVE, CANCELLED_LESSON, TRANSFERRED, WITHDRAWN
from trainer.rules.statuses import CohortStatus
from trainer.services.common import check_version, get_row
from trainer.services.schedule_data import categories_of
from trainer.services.uow import UnitOfWork

ENROLMENT_STATUS_LABELS: dict[str, tuple[str, str]] = {
    ACTIVE: ("在班", "active"), TRANSFERRED: ("已转班", "transferred"),
    WITHDRAWN: ("已退出", "withdrawn"),
}

# Why a trainee cannot be enrolled (one trainee of a selection; the others go ahead).
REFUSALS: dict[str, tuple[str, str]] = {
    "unknown_trainee": ("学员 {trainee_id} 不存在", "trainee {trainee_id} does not exist"),
    "not_eligible": ("人员类别“{category}”不在本班招收范围（{eligible}）内",
                     "category “{category}” is not one this class takes ({eligible})"),
    "other_enterprise": ("不是{enterprise}的职工，本班只招收该企业职工",
                         "is not a worker of {enterprise}, whose class this is"),
    "left_class": ("已从本班转出，不能再报名本班", "transferred out of this class before"),
    "already_enrolled": ("已在本班", "is in this class already"),
    "class_full": ("班级已满：{capacity} 个名额，本次报名 {places} 人后已无空位",
                   "class full: {capacity} places, none left after the {places} enrolled now"),
}


@dataclass(frozen=True)
class EnrolmentRecord:
    id: int
    version: int
    cohort_id: int
    trainee_id: int
    trainee_name: str
    enterprise_name: str
    id_tail: str  # last four characters of the ID number, as the sign-in sheet prints
    category: str
    enrolled_on: dt.date
    status: str
    left_on: dt.date | None = None  # transferred: the day the trainee joined the next class


@dataclass(frozen=True)
class Refusal:
    trainee_id: int
    trainee_name: str
    reason: str  # a code of REFUSALS
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The trainee's name and why: "王芳：人员类别…"."""
        lang = lang or language()
        text = self.reason_text(lang)
        if self.reason == "unknown_trainee":
            return text
        return f"{self.trainee_name}：{text}" if lang == "zh" else f"{self.trainee_name}: {text}"

    def reason_text(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = dict(self.params)
        if "category" in params:
            params["category"] = label(TRAINEE_CATEGORIES, str(params["category"]), lang)
        if "eligible" in params:
            params["eligible"] = ("、" if lang == "zh" else ", ").join(
                label(TRAINEE_CATEGORIES, c, lang) for c in params["eligible"])
        return pick(REFUSALS[self.reason], lang).format(trainee_id=self.trainee_id, **params)


@dataclass(frozen=True)
class EnrolmentResult:
    cohort_id: int
    enrolled: tuple[int, ...]  # trainee ids newly enrolled (or re-activated after withdrawing)
    already: tuple[int, ...]  # trainee ids already active in the class
    refused: tuple[Refusal, ...]
    dry_run: bool = False
    seats_left: int = 0


# --- classes -------------------------------------------------------------------------------

def load_cohort(uow: UnitOfWork, cohort_id: int, *, lock: bool = False) -> Cohort:
    stmt = select(Cohort).where(Cohort.id == cohort_id,
                                Cohort.organization_id == uow.organization_id)
    row = uow.session.scalar(stmt.with_for_update() if lock else stmt)
    if row is None:
        raise NotFoundError("cohort", cohort_id)
    return row


def active_count(uow: UnitOfWork, cohort_id: int) -> int:
    return uow.session.scalar(select(func.count()).select_from(Enrolment).where(
        Enrolment.cohort_id == cohort_id, Enrolment.status == ACTIVE)) or 0


def default_enrolled_on(uow: UnitOfWork, cohort_id: int, today: dt.date | None = None) -> dt.date:
    """The class's first lesson date, or `today` when that is earlier (or there are no lessons)."""
    today = today or dt.date.today()
    with uow:
        first = uow.session.scalar(select(func.min(Lesson.date)).where(
            Lesson.cohort_id == cohort_id, Lesson.status != CANCELLED_LESSON))
    return min(first, today) if first else today


# --- enrolments ------------------------------------------------------------------------------

def _record(row: Enrolment, trainee: Trainee, enterprise_name: str | None,
            left_on: dt.date | None = None) -> EnrolmentRecord:
    return EnrolmentRecord(row.id, row.version, row.cohort_id, row.trainee_id, trainee.name,
                           enterprise_name or "", (trainee.id_number or "")[-4:],
                           trainee.category, row.enrolled_on, row.status, left_on)


def transfer_dates(uow: UnitOfWork, cohort_id: int,
                   trainee_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
    """trainee id → the day a trainee transferred out of the class (the enrolled_on of their
    next enrolment in another class of the same course)."""
    s = uow.session
    cohort = load_cohort(uow, cohort_id)
    stmt = (select(Enrolment.trainee_id, Enrolment.enrolled_on, Enrolment.cohort_id)
            .join(Cohort, Cohort.id == Enrolment.cohort_id)
            .where(Cohort.course_id == cohort.course_id, Enrolment.cohort_id != cohort_id,
                   Enrolment.trainee_id.in_(
                       select(Enrolment.trainee_id).where(Enrolment.cohort_id == cohort_id,
                                                          Enrolment.status == TRANSFERRED))))
    if trainee_ids is not None:
        stmt = stmt.where(Enrolment.trainee_id.in_(list(trainee_ids)))
    own = dict(s.execute(select(Enrolment.trainee_id, Enrolment.enrolled_on).where(
        Enrolment.cohort_id == cohort_id, Enrolment.status == TRANSFERRED)).all())
    out: dict[int, dt.date] = {}
    for trainee_id, enrolled_on, _other in s.execute(stmt):
        if enrolled_on >= own.get(trainee_id, enrolled_on) and (
                trainee_id not in out or enrolled_on < out[trainee_id]):
            out[trainee_id] = enrolled_on
    return out


def list_enrolments(uow: UnitOfWork, cohort_id: int, *,
                    include_inactive: bool = True) -> list[EnrolmentRecord]:
    """The class list, by enterprise then name (as the sign-in sheet reads)."""
    with uow:
        load_cohort(uow, cohort_id)
        stmt = (select(Enrolment, Trainee, Enterprise.name)
                .join(Trainee, Trainee.id == Enrolment.trainee_id)
                .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                .where(Enrolment.cohort_id == cohort_id)
                .order_by(Enterprise.name, Trainee.name_initials, Trainee.name, Trainee.id))
        if not include_inactive:
            stmt = stmt.where(Enrolment.status == ACTIVE)
        left = transfer_dates(uow, cohort_id)
        return [_record(e, t, n, left.get(t.id)) for e, t, n in uow.session.execute(stmt)]


def _refusal(cohort: Cohort, enterprise_name: str, trainee: Trainee) -> Refusal | None:
    categories = categories_of(cohort)
    if cohort.open_enrolment:
        if categories and trainee.category not in categories:
            return Refusal(trainee.id, trainee.name, "not_eligible",
                           {"category": trainee.category, "eligible": categories})
    elif cohort.enterprise_id is not None and trainee.enterprise_id != cohort.enterprise_id:
        return Refusal(trainee.id, trainee.name, "other_enterprise",
                       {"enterprise": enterprise_name})
    return None


@dataclass
class Sorting:
    """A choice of trainees sorted for a class, in the order chosen: those who may join, those
    in it already, those refused (with why). `existing`: their enrolment rows in the class."""

    joining: list[Trainee]
    already: list[int]
    refused: list[Refusal]
    existing: dict[int, Enrolment]


def sort_choice(uow: UnitOfWork, cohort: Cohort, ids: Sequence[int]) -> Sorting:
    """Who of `ids` may join `cohort` (places not counted: the caller decides what a full class
    means). Raises EnrolmentError(class_cancelled) for a cancelled class."""
    s = uow.session
    if cohort.status == CohortStatus.cancelled:
        raise EnrolmentError("class_cancelled", cohort=cohort.name)
    enterprise = s.get(Enterprise, cohort.enterprise_id) if cohort.enterprise_id else None
    existing: dict[int, Enrolment] = {}
    for start in range(0, len(ids), 500):
        existing.update((e.trainee_id, e) for e in s.scalars(select(Enrolment).where(
            Enrolment.cohort_id == cohort.id, Enrolment.trainee_id.in_(ids[start:start + 500]))))
    trainees = _trainees_by_id(uow, ids)
    out = Sorting([], [], [], existing)
    for trainee_id in ids:
        trainee = trainees.get(trainee_id)
        current = existing.get(trainee_id)
        if trainee is None:
            out.refused.append(Refusal(trainee_id, "", "unknown_trainee"))
        elif current is not None and current.status == ACTIVE:
            out.already.append(trainee_id)
        elif current is not None and current.status == TRANSFERRED:
            out.refused.append(Refusal(trainee_id, trainee.name, "left_class"))
        else:
            refusal = _refusal(cohort, enterprise.name if enterprise else "", trainee)
            if refusal is not None:
                out.refused.append(refusal)
            else:
                out.joining.append(trainee)
    return out


def admit(uow: UnitOfWork, cohort_id: int, joining: Sequence[Trainee],
          existing: Mapping[int, Enrolment], enrolled_on: dt.date | None) -> None:
    """Writes the enrolments of `joining` (a withdrawn one comes back, attendance as it was)."""
    if not joining:
        return
    day = enrolled_on or default_enrolled_on(uow, cohort_id)
    for trainee in joining:
        current = existing.get(trainee.id)
        if current is not None:
            current.status = ACTIVE
        else:
            uow.session.add(Enrolment(cohort_id=cohort_id, trainee_id=trainee.id,
                                      enrolled_on=day, status=ACTIVE))
    uow.session.flush()


def enrol_trainees(uow: UnitOfWork, cohort_id: int, trainee_ids: Iterable[int], *,
                   enrolled_on: dt.date | None = None, dry_run: bool = False) -> EnrolmentResult:
    """Enrols the trainees who may join; refuses the others, each with a reason (category not
    taken by an open class, worker of another enterprise, unknown). Raises EnrolmentError
    (class_full) — and enrols nobody — when those who may join exceed the free places, and
    (class_cancelled) for a cancelled class. `dry_run`: checks only. (A long choice that may
    fill the class part way: services.bulk_enrolment.)"""
    ids = list(dict.fromkeys(int(i) for i in trainee_ids))
    with uow:
        cohort = load_cohort(uow, cohort_id, lock=not dry_run)
        sorting = sort_choice(uow, cohort, ids)
        joining = sorting.joining
        taken = active_count(uow, cohort_id)
        free = cohort.capacity - taken
        if len(joining) > free:
            raise EnrolmentError("class_full", cohort=cohort.name, capacity=cohort.capacity,
                                 taken=taken, free=max(free, 0), wanted=len(joining))
        if not dry_run:
            admit(uow, cohort_id, joining, sorting.existing, enrolled_on)
        return EnrolmentResult(cohort_id, tuple(t.id for t in joining), tuple(sorting.already),
                               tuple(sorting.refused), dry_run, free - len(joining))


def _trainees_by_id(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, Trainee]:
    out: dict[int, Trainee] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update((t.id, t) for t in uow.session.scalars(select(Trainee).where(
            Trainee.id.in_(chunk), Trainee.organization_id == uow.organization_id)))
    return out


def roster_ids(uow: UnitOfWork, enterprise_id: int, category: str | None = None) -> list[int]:
    """The ids of an enterprise's whole roster (optionally one category of it), by name."""
    with uow:
        get_row(uow.session, Enterprise, enterprise_id, "enterprise", uow.organization_id)
        stmt = select(Trainee.id).where(Trainee.organization_id == uow.organization_id,
                                        Trainee.enterprise_id == enterprise_id)
        if category:
            stmt = stmt.where(Trainee.category == category)
        return list(uow.session.scalars(stmt.order_by(Trainee.name_initials, Trainee.id)))


def enrol_enterprise(uow: UnitOfWork, cohort_id: int, enterprise_id: int, *,
                     category: str | None = None, enrolled_on: dt.date | None = None,
                     dry_run: bool = False) -> EnrolmentResult:
    """Enrols an enterprise's whole roster (optionally one category of it): everyone not yet
    in the class; all or nothing as enrol_trainees."""
    with uow:
        ids = roster_ids(uow, enterprise_id, category)
        return enrol_trainees(uow, cohort_id, ids, enrolled_on=enrolled_on, dry_run=dry_run)


def _enrolment(uow: UnitOfWork, cohort: Cohort, trainee_id: int) -> tuple[Enrolment, Trainee]:
    trainee = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
    row = uow.session.scalar(select(Enrolment).where(Enrolment.cohort_id == cohort.id,
                                                     Enrolment.trainee_id == trainee_id))
    if row is None:
        raise EnrolmentError("not_enrolled", trainee=trainee.name, cohort=cohort.name)
    return row, trainee


def _status_word(status: str) -> str:
    return label(ENROLMENT_STATUS_LABELS, status)


def transfer_trainee(uow: UnitOfWork, trainee_id: int, from_cohort_id: int, to_cohort_id: int,
                     *, on: dt.date | None = None) -> EnrolmentRecord:
    """Moves a trainee to another class of the same course from day `on` (default today): the
    old enrolment becomes `transferred`, a new active one starts on `on`. Attendance recorded in
    the old class stays and counts towards completing the new one (rules/completion.py)."""
    on = on or dt.date.today()
    with uow:
        s = uow.session
        if from_cohort_id == to_cohort_id:
            raise EnrolmentError("same_class", cohort=load_cohort(uow, from_cohort_id).name)
        source = load_cohort(uow, from_cohort_id)
        target = load_cohort(uow, to_cohort_id, lock=True)
        old, trainee = _enrolment(uow, source, trainee_id)
        if old.status != ACTIVE:
            raise EnrolmentError("not_active", trainee=trainee.name, cohort=source.name,
                                 status=_status_word(old.status))
        if source.course_id != target.course_id:
            raise EnrolmentError("transfer_course", source=source.name, target=target.name,
                                 source_course=s.get(Course, source.course_id).title,
                                 target_course=s.get(Course, target.course_id).title)
        result = enrol_trainees(uow, to_cohort_id, [trainee_id], enrolled_on=on)
        if result.refused:
            raise EnrolmentError("refused", trainee=trainee.name, cohort=target.name,
                                 why=result.refused[0])
        if result.already:
            raise EnrolmentError("refused", trainee=trainee.name, cohort=target.name,
                                 why=Refusal(trainee_id, trainee.name, "already_enrolled"))
        new = s.scalar(select(Enrolment).where(Enrolment.cohort_id == to_cohort_id,
                                               Enrolment.trainee_id == trainee_id))
        new.enrolled_on = max(on, old.enrolled_on)
        old.status = TRANSFERRED
        s.flush()
        enterprise = s.get(Enterprise, trainee.enterprise_id) if trainee.enterprise_id else None
        return _record(new, trainee, enterprise.name if enterprise else None)


def withdraw_trainee(uow: UnitOfWork, cohort_id: int, trainee_id: int,
                     expected_version: int | None, *, force: bool = False) -> EnrolmentRecord:
    """Takes a trainee out of a class (their place is free again; attendance is kept)."""
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        row, trainee = _enrolment(uow, cohort, trainee_id)
        check_version(row, expected_version, "enrolment", trainee.name, force=force)
        if row.status != ACTIVE:
            raise EnrolmentError("not_active", trainee=trainee.name, cohort=cohort.name,
                                 status=_status_word(row.status))
        row.status = WITHDRAWN
        s.flush()
        enterprise = s.get(Enterprise, trainee.enterprise_id) if trainee.enterprise_id else None
        return _record(row, trainee, enterprise.name if enterprise else None)


def set_enrolled_on(uow: UnitOfWork, cohort_id: int, trainee_id: int, enrolled_on: dt.date,
                    expected_version: int | None, *, force: bool = False) -> EnrolmentRecord:
    """Corrects the day a trainee joined (a late joiner typed in without the date)."""
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        row, trainee = _enrolment(uow, cohort, trainee_id)
        check_version(row, expected_version, "enrolment", trainee.name, force=force)
        row.enrolled_on = enrolled_on
        s.flush()
        enterprise = s.get(Enterprise, trainee.enterprise_id) if trainee.enterprise_id else None
        return _record(row, trainee, enterprise.name if enterprise else None)
