"""What the archives print: the class file (一班一档 — its lessons, results and feedback beside
the attendance summary and sign-in sheets) and the trainee's record (一人一档 — the person's
facts, masked unless revealed, and every class with attendance and result). Drawn by
pdf/archives.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import (Assessment, Cohort, Course, Enrolment, Enterprise, Feedback, Lesson,
                               Theme, Trainee)
from trainer.errors import NotFoundError
from trainer.texts import GENDERS, TRAINEE_CATEGORIES, pick
from trainer.rules.id_number import mask_id_number
from trainer.rules.phone import mask_mobile
from trainer.rules.statuses import LessonStatus
from trainer.security.personal import masked_birth_date, require_reveal_for_lookup
from trainer.services.common import get_row
from trainer.services.organizations import office_name
from trainer.services.reports.attendance import class_attendance
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class ClassFile:
    """The class's lessons (not cancelled, by number), its results (name, score, passed, date)
    and its feedback (source, score, comment, trainee name)."""
    lesson_ids: tuple[int, ...]
    results: tuple[tuple[str, int | None, bool, dt.date | None], ...]
    feedback: tuple[tuple[str, int, str, str | None], ...]


def class_file(uow: UnitOfWork, cohort_id: int) -> ClassFile:
    with uow:
        s = uow.session
        get_row(s, Cohort, cohort_id, "cohort", uow.organization_id)
        lesson_ids = s.scalars(select(Lesson.id).where(
            Lesson.cohort_id == cohort_id, Lesson.status != LessonStatus.cancelled)
            .order_by(Lesson.sequence))
        results = s.execute(select(Trainee.name, Assessment.score, Assessment.passed,
                                   Assessment.assessed_on)
                            .join(Trainee, Trainee.id == Assessment.trainee_id)
                            .where(Assessment.cohort_id == cohort_id)
                            .order_by(Trainee.name_initials, Trainee.id))
        feedback = s.execute(select(Feedback.source, Feedback.score, Feedback.comment, Trainee.name)
                             .outerjoin(Trainee, Trainee.id == Feedback.trainee_id)
                             .where(Feedback.cohort_id == cohort_id)
                             .order_by(Feedback.source, Feedback.id))
        return ClassFile(tuple(lesson_ids), tuple(tuple(r) for r in results),
                         tuple(tuple(r) for r in feedback))


@dataclass(frozen=True)
class PersonFacts:
    """A trainee as the record prints them: ID number and mobile masked unless revealed, the
    birth date only beside a full ID number."""
    name: str
    gender: str
    id_number: str
    mobile: str
    enterprise: str
    post: str
    category: str
    birth: str


@dataclass(frozen=True)
class RecordClass:
    cohort_id: int
    code: str
    name: str
    course: str
    theme: str
    enrolled_on: dt.date
    status: str
    attended: int
    held: int
    minutes: int
    score: int | None
    completes: bool
    reason: str


def _find_trainee(uow: UnitOfWork, key: str) -> Trainee:
    s = uow.session
    key = key.strip().upper()
    row = None
    if key.isdigit() and len(key) <= 9:  # a database id (a mobile would overflow INTEGER)
        row = s.get(Trainee, int(key))
    if row is None:
        require_reveal_for_lookup(uow)  # "not found" would confirm a guessed ID number
        row = s.scalar(select(Trainee).where(Trainee.organization_id == uow.organization_id,
                                             Trainee.id_number == key))
    if row is None or row.organization_id != uow.organization_id:
        raise NotFoundError("trainee", key)
    return row


@dataclass(frozen=True)
class TraineeFile:
    office: str
    trainee_id: int
    facts: PersonFacts
    classes: tuple[RecordClass, ...]


def trainee_file(uow: UnitOfWork, trainee: str, *, reveal: bool = False) -> TraineeFile:
    """一人一档: one person (by id or resident ID number) with every class, its attendance and
    result."""
    with uow:
        s = uow.session
        person = _find_trainee(uow, str(trainee))
        ent = s.get(Enterprise, person.enterprise_id) if person.enterprise_id else None
        enrolments = s.execute(select(Enrolment, Cohort, Course.title, Theme.name)
                               .join(Cohort, Cohort.id == Enrolment.cohort_id)
                               .join(Course, Course.id == Cohort.course_id)
                               .join(Theme, Theme.id == Course.theme_id)
                               .where(Enrolment.trainee_id == person.id)
                               .order_by(Enrolment.enrolled_on, Cohort.id)).all()
        category = TRAINEE_CATEGORIES.get(person.category, (person.category,) * 2)
        facts = PersonFacts(
            name=person.name, gender=pick(GENDERS.get(person.gender, ("", "")), "zh"),
            id_number=person.id_number if reveal else mask_id_number(person.id_number),
            mobile=person.mobile if reveal else mask_mobile(person.mobile),
            enterprise=ent.name if ent else "", post=person.post, category=pick(category, "zh"),
            birth=masked_birth_date(person.birth_date, reveal))
        office = office_name(uow)
        person_id = person.id
    classes = []
    for enrolment, cohort, title, theme in enrolments:
        data = class_attendance(uow, cohort.id, reveal=reveal)
        mine = next((r for r in data.rows if r.trainee_id == person_id), None)
        classes.append(RecordClass(
            cohort.id, cohort.code, cohort.name, title, theme, enrolment.enrolled_on,
            enrolment.status, (mine.present + mine.late) if mine else 0,
            (mine.present + mine.late + mine.excused + mine.absent + mine.unmarked) if mine else 0,
            mine.attended_minutes if mine else 0, mine.score if mine else None,
            bool(mine and mine.completes), mine.reason if mine else ""))
    return TraineeFile(office, person_id, facts, tuple(classes))
