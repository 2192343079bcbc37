"""Changing a programme after it is made (services/programmes.py makes and reads them). Name,
notes, eligible categories and each level's pass mark and grade may always change; the class
size too, as long as no class has more trainees enrolled than the new size (each class's
capacity follows it); the venue, months, classes a month and levels only while nobody is
enrolled (its classes, and their lessons, are then made again). Every write carries the
version the user saw; a programme's version grows with any change to it or its levels."""
from __future__ import annotations

from sqlalchemy import and_, func, select

from trainer.db.base import utcnow
from trainer.db.models import Cohort, Enrolment, Lesson, Programme, ProgrammeLevel, Trainee
from trainer.errors import ProgrammeError
from trainer.rules import fields
from trainer.rules.completion import ACTIVE
from trainer.rules.text import clean_text
from trainer.services.common import check_version, ensure_unique, get_row, refuse_if_referenced
from trainer.services.lesson_departures import lesson_deleted
from trainer.services.programmes import (LevelForm, LevelRecord, ProgrammeForm, ProgrammeRecord,
                                         _check_refs, _clean, _enrolment_count, _make_classes,
                                         _record)
from trainer.services.uow import UnitOfWork

SHAPE = ("start_month", "months", "classes_per_month")  # with the venue and the levels


def form_of(record: ProgrammeRecord) -> ProgrammeForm:
    """The form that leaves `record` as it is: what an edit starts from (each level's pass mark
    and grade as shown, which then become the level's own)."""
    return ProgrammeForm(record.name, record.venue_id, record.start_month, record.months,
                         record.classes_per_month, record.class_size, record.eligible_categories,
                         tuple(LevelForm(lv.level, lv.course_id, lv.classes_per_month,
                                         lv.pass_mark, lv.grade) for lv in record.levels),
                         record.notes)


def _shape(levels) -> list[tuple]:
    return [(lv["level"], lv["course_id"], lv["classes_per_month"]) if isinstance(lv, dict)
            else (lv.level, lv.course_id, lv.classes_per_month) for lv in levels]


def update_programme(uow: UnitOfWork, programme_id: int, form: ProgrammeForm,
                     expected_version: int | None, *, force: bool = False) -> ProgrammeRecord:
    """Changes the programme (module docstring). Refused with ProgrammeError has_enrolments
    (a change of shape once people are enrolled) or over_size (a class holds more than the
    new size); StaleEditError when it changed since `expected_version`."""
    values, levels = _clean(form)
    with uow:
        s, org = uow.session, uow.organization_id
        row = get_row(s, Programme, programme_id, "programme", org)
        check_version(row, expected_version, "programme", row.name, force=force)
        _check_refs(uow, form.venue_id, levels, values["class_size"])
        ensure_unique(s, select(Programme.id).where(
            Programme.organization_id == org, Programme.name == values["name"],
            Programme.id != row.id), "name", values["name"])
        old = list(s.scalars(select(ProgrammeLevel).where(
            ProgrammeLevel.programme_id == row.id).order_by(ProgrammeLevel.position)))
        reshaped = (_shape(levels) != _shape(old) or form.venue_id != row.venue_id
                    or any(values[k] != getattr(row, k) for k in SHAPE))
        if reshaped:
            taken = _enrolment_count(uow, row.id)
            if taken:
                raise ProgrammeError("has_enrolments", name=row.name, count=taken)
            _drop_classes(uow, row.id)
            for lv in old:
                s.delete(lv)
            s.flush()
            row.venue_id = form.venue_id
        elif values["class_size"] != row.class_size:
            _resize_classes(uow, row, values["class_size"])
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()  # the version grows when only its levels' marks change
        if reshaped:
            new_levels = [ProgrammeLevel(programme_id=row.id, **lv) for lv in levels]
            s.add_all(new_levels)
            s.flush()
            _make_classes(uow, row, new_levels)
        else:
            for lv, new in zip(old, levels):
                lv.pass_mark, lv.grade = new["pass_mark"], new["grade"]
            for cohort in s.scalars(select(Cohort).where(Cohort.programme_id == row.id)):
                cohort.eligible_categories = row.eligible_categories
        s.flush()
        return _record(uow, row)


def _resize_classes(uow: UnitOfWork, row: Programme, size: int) -> None:
    """Every class of the programme takes `size` places, unless one has more enrolled."""
    s = uow.session
    counted = s.execute(
        select(Cohort, func.count(Enrolment.id)).outerjoin(Enrolment, and_(
            Enrolment.cohort_id == Cohort.id, Enrolment.status == ACTIVE))
        .where(Cohort.programme_id == row.id).group_by(Cohort.id)
        .order_by(Cohort.window_start, Cohort.code)).all()
    for cohort, enrolled in counted:
        if enrolled > size:
            raise ProgrammeError("over_size", name=row.name, code=cohort.code, count=enrolled,
                                 size=size)
    for cohort, _enrolled in counted:
        cohort.capacity = size


def _drop_classes(uow: UnitOfWork, programme_id: int) -> None:
    s = uow.session
    for cohort in list(s.scalars(select(Cohort).where(Cohort.programme_id == programme_id))):
        for lesson in list(s.scalars(select(Lesson).where(Lesson.cohort_id == cohort.id))):
            lesson_deleted(uow, lesson)  # its calendars send it as cancelled (io/ics.py)
            s.delete(lesson)
        s.flush()
        s.delete(cohort)
    s.flush()


def delete_programme(uow: UnitOfWork, programme_id: int, expected_version: int | None, *,
                     force: bool = False) -> None:
    """Deletes a programme nobody is enrolled in, with its classes and their lessons."""
    with uow:
        s = uow.session
        row = get_row(s, Programme, programme_id, "programme", uow.organization_id)
        check_version(row, expected_version, "programme", row.name, force=force)
        refuse_if_referenced(s, "programme", row.name, [
            ("enrolment", select(Trainee.name).join(Enrolment, Enrolment.trainee_id == Trainee.id)
             .join(Cohort, Cohort.id == Enrolment.cohort_id)
             .where(Cohort.programme_id == row.id))])
        _drop_classes(uow, row.id)
        s.delete(row)
        s.flush()


def set_level_marks(uow: UnitOfWork, programme_id: int, level: str, *,
                    pass_mark: int | None, grade: str,
                    expected_version: int | None, force: bool = False) -> LevelRecord:
    """The exam's pass mark for one level (None: the course's) and the grade its certificates
    show when passed ("" : the level's name)."""
    check = fields.FieldCheck()
    mark = check(fields.integer, pass_mark, "pass_mark", maximum=1000)
    grade_text = check(fields.text, grade, "grade", max_len=20)
    check.raise_if_any()
    with uow:
        s = uow.session
        row = get_row(s, Programme, programme_id, "programme", uow.organization_id)
        lv = s.scalar(select(ProgrammeLevel).where(ProgrammeLevel.programme_id == row.id,
                                                   ProgrammeLevel.level == clean_text(level)))
        if lv is None:
            raise ProgrammeError("level_unknown", name=row.name, level=clean_text(level),
                                 levels=tuple(s.scalars(select(ProgrammeLevel.level).where(
                                     ProgrammeLevel.programme_id == row.id))))
        check_version(lv, expected_version, "programme", f"{row.name} {lv.level}", force=force)
        lv.pass_mark, lv.grade = mark, grade_text
        s.flush()
        return next(x for x in _record(uow, row).levels if x.id == lv.id)
