"""Feedback (满意度) per class: a score of 1–5 and a comment, from the enterprise and from
trainees. Trainee forms are often anonymous (no trainee id); a named trainee has one feedback per
class — giving it again replaces the earlier one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Cohort, Enrolment, Feedback, Trainee
from trainer.errors import AttendanceError, NotFoundError
from trainer.rules import fields
from trainer.services.enrolment import load_cohort
from trainer.services.uow import UnitOfWork

FEEDBACK_SOURCES: dict[str, tuple[str, str]] = {
    "enterprise": ("企业", "enterprise"),
    "trainee": ("学员", "trainee"),
}


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    cohort_id: int
    source: str
    trainee_id: int | None
    trainee_name: str
    score: int
    comment: str
    created_at: dt.datetime


@dataclass(frozen=True)
class SourceSummary:
    count: int
    average: float | None
    distribution: tuple[int, int, int, int, int]  # how many gave 1, 2, 3, 4, 5


@dataclass(frozen=True)
class FeedbackSummary:
    cohort_id: int
    enterprise: SourceSummary
    trainee: SourceSummary
    comments: int


def _record(row: Feedback, name: str | None) -> FeedbackRecord:
    return FeedbackRecord(row.id, row.cohort_id, row.source, row.trainee_id, name or "",
                          row.score, row.comment, row.created_at)


def add_feedback(uow: UnitOfWork, cohort_id: int, source: str, score: int | str,
                 comment: str = "", trainee_id: int | None = None) -> FeedbackRecord:
    check = fields.FieldCheck()
    source = check(fields.choice, source, "source", FEEDBACK_SOURCES)
    score = check(fields.integer, score, "score", minimum=1, maximum=5, required=True)
    comment = check(fields.text, comment, "comment", max_len=2000) or ""
    check.raise_if_any()
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        name = None
        row = None
        if source == "trainee" and trainee_id is not None:
            trainee = s.get(Trainee, trainee_id)
            enrolled = s.scalar(select(Enrolment.id).where(Enrolment.cohort_id == cohort_id,
                                                           Enrolment.trainee_id == trainee_id))
            if trainee is None or trainee.organization_id != uow.organization_id:
                raise NotFoundError("trainee", trainee_id)
            if enrolled is None:
                raise AttendanceError("feedback_not_in_class", trainee=trainee.name,
                                      cohort=cohort.name)
            name = trainee.name
            row = s.scalar(select(Feedback).where(Feedback.cohort_id == cohort_id,
                                                  Feedback.trainee_id == trainee_id))
        if row is None:
            row = Feedback(cohort_id=cohort_id, source=source,
                           trainee_id=trainee_id if source == "trainee" else None)
            s.add(row)
        row.score, row.comment = score, comment
        s.flush()
        return _record(row, name)


def list_feedback(uow: UnitOfWork, cohort_id: int) -> list[FeedbackRecord]:
    with uow:
        load_cohort(uow, cohort_id)
        return [_record(f, n) for f, n in uow.session.execute(
            select(Feedback, Trainee.name).outerjoin(Trainee, Trainee.id == Feedback.trainee_id)
            .where(Feedback.cohort_id == cohort_id).order_by(Feedback.source, Feedback.id))]


def _summary(scores: list[int]) -> SourceSummary:
    dist = tuple(scores.count(k) for k in range(1, 6))
    return SourceSummary(len(scores), round(sum(scores) / len(scores), 2) if scores else None,
                         dist)  # type: ignore[arg-type]


def feedback_summary(uow: UnitOfWork, cohort_id: int) -> FeedbackSummary:
    records = list_feedback(uow, cohort_id)
    return FeedbackSummary(
        cohort_id, _summary([r.score for r in records if r.source == "enterprise"]),
        _summary([r.score for r in records if r.source == "trainee"]),
        sum(1 for r in records if r.comment))


def delete_feedback(uow: UnitOfWork, feedback_id: int) -> None:
    with uow:
        row = uow.session.get(Feedback, feedback_id)
        cohort = uow.session.get(Cohort, row.cohort_id) if row else None
        if row is None or cohort.organization_id != uow.organization_id:
            raise NotFoundError("feedback", feedback_id)
        uow.session.delete(row)
