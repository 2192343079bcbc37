"""Assessment (考核): a score or a pass/fail per trainee per class, against the course's pass mark.

How `passed` is decided: with a score and a pass mark, score ≥ pass mark; a `passed` given
explicitly wins (the examiner's decision, e.g. a failed practical part despite the written
score); a score with no pass mark passes (there is nothing to fail); without a score, `passed`
must be given (a pass/fail course)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from trainer.db.models import Assessment, Course, Enrolment, Trainee
from trainer.errors import (EnrolmentError, InvalidInput, RowInvalidInput, StaleCell,
                            StaleCellsError, ValidationError)
from trainer.rules import fields
from trainer.rules.text import clean_text
from trainer.services.enrolment import load_cohort
from trainer.services.uow import UnitOfWork

MAX_SCORE = 100
_YES = {"1", "true", "yes", "y", "pass", "passed", "合格", "通过", "是", "√", "✓"}
_NO = {"0", "false", "no", "n", "fail", "failed", "不合格", "未通过", "否", "×", "✗"}


@dataclass(frozen=True)
class AssessmentEntry:
    """One trainee's result as typed. `expected_version`: the assessment's version when loaded
    (0: there was none); None: do not check."""

    trainee_id: int
    score: int | str | None = None
    passed: bool | str | None = None
    assessed_on: dt.date | str | None = None
    expected_version: int | None = None
    row: int | None = None  # where the caller shows it (a table or file row), for messages


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    version: int
    cohort_id: int
    trainee_id: int
    trainee_name: str
    score: int | None
    passed: bool
    assessed_on: dt.date | None


def parse_passed(value: bool | str | None, field: str = "passed") -> bool | None:
    """True/False from a checkbox or what a clerk types (合格/不合格, pass/fail, √/×); None
    when blank."""
    if value is None or isinstance(value, bool):
        return value
    text = clean_text(value).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(field, "choice", choices=(("合格", "pass"), ("不合格", "fail")))


def decide_passed(score: int | None, passed: bool | None, pass_mark: int | None) -> bool:
    """The rule in this module's docstring. Raises ValidationError when neither is given."""
    if passed is not None:
        return passed
    if score is None:
        raise ValidationError("score", "required")
    return pass_mark is None or score >= pass_mark


def _clean(entry: AssessmentEntry,
           pass_mark: int | None) -> tuple[int | None, bool, dt.date | None]:
    check = fields.FieldCheck()
    score = check(fields.integer, entry.score, "score", maximum=MAX_SCORE)
    passed = check(parse_passed, entry.passed)
    assessed_on = check(fields.date, entry.assessed_on, "assessed_on")
    check.raise_if_any()
    return score, decide_passed(score, passed, pass_mark), assessed_on


def _record(row: Assessment, name: str) -> AssessmentRecord:
    return AssessmentRecord(row.id, row.version, row.cohort_id, row.trainee_id, name, row.score,
                            row.passed, row.assessed_on)


def record_assessments(uow: UnitOfWork, cohort_id: int,
                       entries: Sequence[AssessmentEntry]) -> list[AssessmentRecord]:
    """Saves the results of many trainees of a class in one transaction: all or (on a bad value,
    someone not in the class, or a result changed by someone else — StaleCellsError) none."""
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        pass_mark = s.get(Course, cohort.course_id).pass_mark
        from trainer.services.levels import pass_marks
        marks = pass_marks(uow, cohort_id)  # a programme level's own pass mark
        ids = sorted({e.trainee_id for e in entries})
        names = dict(s.execute(select(Trainee.id, Trainee.name).join(
            Enrolment, Enrolment.trainee_id == Trainee.id).where(
            Enrolment.cohort_id == cohort_id, Enrolment.trainee_id.in_(ids))).all()) if ids else {}
        for trainee_id in ids:
            if trainee_id not in names:
                trainee = s.get(Trainee, trainee_id)
                raise EnrolmentError("not_enrolled", cohort=cohort.name,
                                     trainee=trainee.name if trainee else trainee_id)
        cleaned = []
        for number, entry in enumerate(entries, 1):
            try:
                cleaned.append((entry, *_clean(entry, marks.get(entry.trainee_id, pass_mark))))
            except InvalidInput as exc:  # say whose result it is and where it was typed
                raise RowInvalidInput(exc.errors, entry.row or number,
                                      names[entry.trainee_id]) from exc
        existing = {a.trainee_id: a for a in s.scalars(select(Assessment).where(
            Assessment.cohort_id == cohort_id, Assessment.trainee_id.in_(ids)))} if ids else {}
        stale = [StaleCell(0, e.trainee_id, e.expected_version,
                           existing[e.trainee_id].version if e.trainee_id in existing else 0,
                           names[e.trainee_id])
                 for e, *_ in cleaned if e.expected_version is not None and e.expected_version != (
                     existing[e.trainee_id].version if e.trainee_id in existing else 0)]
        if stale:
            raise StaleCellsError("assessment", stale)
        had = set(existing)
        rows = []
        for entry, score, passed, assessed_on in cleaned:
            row = existing.get(entry.trainee_id)
            if row is None:
                row = Assessment(cohort_id=cohort_id, trainee_id=entry.trainee_id)
                s.add(row)
                existing[entry.trainee_id] = row
            row.score, row.passed = score, passed
            row.assessed_on = assessed_on or row.assessed_on or dt.date.today()
            rows.append(row)
        try:
            s.flush()
        except IntegrityError as exc:  # another desk entered a first result meanwhile
            raise StaleCellsError("assessment", [
                StaleCell(0, t, 0, 1, names[t]) for t in ids if t not in had]) from exc
        return [_record(r, names[r.trainee_id]) for r in rows]


def record_assessment(uow: UnitOfWork, cohort_id: int, trainee_id: int, *,
                      score: int | str | None = None, passed: bool | str | None = None,
                      assessed_on: dt.date | str | None = None,
                      expected_version: int | None = None) -> AssessmentRecord:
    return record_assessments(uow, cohort_id, [AssessmentEntry(
        trainee_id, score, passed, assessed_on, expected_version)])[0]


def list_assessments(uow: UnitOfWork, cohort_id: int) -> list[AssessmentRecord]:
    with uow:
        load_cohort(uow, cohort_id)
        return [_record(a, n) for a, n in uow.session.execute(
            select(Assessment, Trainee.name).join(Trainee, Trainee.id == Assessment.trainee_id)
            .where(Assessment.cohort_id == cohort_id)
            .order_by(Trainee.name_initials, Trainee.id))]


def delete_assessment(uow: UnitOfWork, cohort_id: int, trainee_id: int) -> bool:
    """Removes a result entered by mistake; False when there was none."""
    with uow:
        load_cohort(uow, cohort_id)
        row = uow.session.scalar(select(Assessment).where(Assessment.cohort_id == cohort_id,
                                                          Assessment.trainee_id == trainee_id))
        if row is None:
            return False
        uow.session.delete(row)
        return True

