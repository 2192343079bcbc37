"""Levels and graded certificates (issue 16). A trainee's level is kept on each enrolment
(`Enrolment.level`: from the applicants' list, or set here — the grid's level column); a
programme's level has the exam's pass mark for it and the grade its certificate shows
(ProgrammeLevel). Assessments judge `passed` with the trainee's level's pass mark
(`pass_marks`), and completion certificates print each holder's grade (`grades_for`): the
grade of the level they were enrolled in, when they passed its exam. "Already holds the
certificate" is a fact about the person (`Trainee.holds_certificate`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Assessment, Cohort, Course, Enrolment, ProgrammeLevel, Trainee
from trainer.errors import EnrolmentError
from trainer.services.common import check_version, get_row
from trainer.services.programmes import ProgrammeError
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class EnrolmentLevel:
    cohort_id: int
    trainee_id: int
    trainee_name: str
    level: str
    version: int  # the enrolment's


def _levels_of(uow: UnitOfWork, cohort: Cohort) -> dict[str, ProgrammeLevel]:
    if cohort.programme_id is None:
        return {}
    return {lv.level: lv for lv in uow.session.scalars(select(ProgrammeLevel).where(
        ProgrammeLevel.programme_id == cohort.programme_id))}


def _cohort(uow: UnitOfWork, cohort_id: int) -> Cohort:
    return get_row(uow.session, Cohort, cohort_id, "cohort", uow.organization_id)


def enrolment_levels(uow: UnitOfWork, cohort_id: int) -> dict[int, str]:
    """trainee id → level, for everyone enrolled in the class (the class's level when the
    enrolment has none of its own)."""
    with uow:
        cohort = _cohort(uow, cohort_id)
        return {t: (lv or cohort.level) for t, lv in uow.session.execute(
            select(Enrolment.trainee_id, Enrolment.level).where(Enrolment.cohort_id == cohort_id))}


@dataclass(frozen=True)
class LevelRow:
    """One line of a class's level grid: the enrolment's level (with the enrolment's version)
    and whether the person already holds the certificate (with the trainee's version)."""
    trainee_id: int
    trainee_name: str
    id_tail: str  # last four characters of the ID number
    category: str
    status: str
    level: str  # the enrolment's own, else the class's
    version: int  # the enrolment's
    holds_certificate: bool
    trainee_version: int


def class_levels(uow: UnitOfWork, cohort_id: int) -> tuple[tuple[str, ...], list[LevelRow]]:
    """The levels the class's programme offers (empty for a class outside a programme) and
    everyone enrolled in the class, by name."""
    with uow:
        cohort = _cohort(uow, cohort_id)
        offered = tuple(sorted(_levels_of(uow, cohort).values(), key=lambda lv: lv.position))
        rows = uow.session.execute(select(Enrolment, Trainee).join(
            Trainee, Trainee.id == Enrolment.trainee_id).where(Enrolment.cohort_id == cohort_id)
            .order_by(Trainee.name_initials, Trainee.name, Trainee.id))
        return tuple(lv.level for lv in offered), [
            LevelRow(t.id, t.name, (t.id_number or "")[-4:], t.category, e.status,
                     e.level or cohort.level or "", e.version, bool(t.holds_certificate),
                     t.version) for e, t in rows]


def set_enrolment_level(uow: UnitOfWork, cohort_id: int, trainee_id: int, level: str,
                        expected_version: int | None, *, force: bool = False) -> EnrolmentLevel:
    """Sets a trainee's level in a class. For a programme's class the level must be one the
    programme offers (ProgrammeError level_unknown); for another class any text up to 20
    characters ("" clears it)."""
    from trainer.rules import fields

    text = fields.text(level, "level", max_len=20)
    with uow:
        s = uow.session
        cohort = _cohort(uow, cohort_id)
        trainee = get_row(s, Trainee, trainee_id, "trainee", uow.organization_id)
        row = s.scalar(select(Enrolment).where(Enrolment.cohort_id == cohort_id,
                                               Enrolment.trainee_id == trainee_id))
        if row is None:
            raise EnrolmentError("not_enrolled", trainee=trainee.name, cohort=cohort.name)
        check_version(row, expected_version, "enrolment", trainee.name, force=force)
        offered = _levels_of(uow, cohort)
        if offered and text and text not in offered:
            from trainer.db.models import Programme
            raise ProgrammeError("level_unknown", level=text, levels=tuple(offered),
                                 name=s.get(Programme, cohort.programme_id).name)
        row.level = text
        s.flush()
        return EnrolmentLevel(cohort_id, trainee_id, trainee.name, row.level, row.version)


def set_holds_certificate(uow: UnitOfWork, trainee_id: int, holds: bool,
                          expected_version: int | None, *, force: bool = False) -> int:
    """Records whether the trainee already holds the certificate; returns the new version."""
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        check_version(row, expected_version, "trainee", row.name, force=force)
        row.holds_certificate = bool(holds)
        uow.session.flush()
        return row.version


def _level_marks(uow: UnitOfWork, cohort: Cohort) -> dict[str, int | None]:
    """level → its exam's pass mark: the level's own, else its course's."""
    offered = _levels_of(uow, cohort)
    courses = dict(uow.session.execute(select(Course.id, Course.pass_mark).where(
        Course.id.in_({lv.course_id for lv in offered.values()}))).all()) if offered else {}
    return {name: lv.pass_mark if lv.pass_mark is not None else courses.get(lv.course_id)
            for name, lv in offered.items()}


def pass_mark_for(uow: UnitOfWork, cohort_id: int, level: str = "") -> int | None:
    """The exam's pass mark for `level` (default the class's) in the class: the programme
    level's own, else that level's course's, else (no such level) the class's course's."""
    with uow:
        cohort = _cohort(uow, cohort_id)
        marks = _level_marks(uow, cohort)
        name = level or cohort.level
        if name in marks:
            return marks[name]
        return uow.session.scalar(select(Course.pass_mark).where(Course.id == cohort.course_id))


def pass_marks(uow: UnitOfWork, cohort_id: int) -> dict[int, int | None]:
    """trainee id → the pass mark of their level, for the enrolled trainees of a programme's
    class (empty for another class: the course's mark holds)."""
    with uow:
        cohort = _cohort(uow, cohort_id)
        marks = _level_marks(uow, cohort)
        if not marks:
            return {}
        return {t: marks[lv or cohort.level] for t, lv in uow.session.execute(
            select(Enrolment.trainee_id, Enrolment.level).where(Enrolment.cohort_id == cohort_id))
            if (lv or cohort.level) in marks}


def grades_for(uow: UnitOfWork, cohort_id: int) -> dict[int, str]:
    """trainee id → the grade their certificate shows: their level's grade (the level's name
    when it has none), for those who passed the exam. Empty for a class without levels."""
    with uow:
        s = uow.session
        cohort = _cohort(uow, cohort_id)
        offered = _levels_of(uow, cohort)
        passed = set(s.scalars(select(Assessment.trainee_id).where(
            Assessment.cohort_id == cohort_id, Assessment.passed.is_(True))))
        out = {}
        for trainee_id, level in s.execute(select(Enrolment.trainee_id, Enrolment.level).where(
                Enrolment.cohort_id == cohort_id)):
            name = level or cohort.level
            if name and trainee_id in passed:
                lv = offered.get(name)
                out[trainee_id] = (lv.grade or lv.level) if lv is not None else name
        return out


def issue_graded_certificates(uow: UnitOfWork, cohort_id: int, *, signer,
                              issued_on: dt.date | None = None, progress=None, cancel=None):
    """Completion certificates for the class, each showing its holder's grade (grades_for)."""
    from trainer.services.certificates import issue_certificates

    return issue_certificates(uow, cohort_id, "completion", signer=signer, issued_on=issued_on,
                              grades=grades_for(uow, cohort_id), progress=progress,
                              cancel=cancel)
