"""A trainee's history (一人一档): every class of one person, with attendance, result, whether
they completed (and why not) and the certificate."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from trainer.db.models import Certificate, Cohort, Course, Enrolment, Lesson, Theme
from trainer.texts import language
from trainer.rules.completion import CANCELLED_LESSON, TRANSFERRED, CompletionResult
from trainer.services.completion import class_completion
from trainer.services.trainees import TraineeRecord, get_trainee
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class HistoryEntry:
    cohort_id: int
    cohort_code: str
    cohort_name: str
    course_title: str
    theme_name: str
    total_hours: int
    enrolment_status: str
    enrolled_on: dt.date
    first_lesson: dt.date | None
    last_lesson: dt.date | None
    score: int | None
    passed: bool | None
    result: CompletionResult
    certificate_number: str  # '' when none was issued
    certificate_kind: str  # completion / attendance / ''
    certificate_issued_on: dt.date | None
    certificate_revoked: bool

    @property
    def completes(self) -> bool:
        return self.result.completes

    def reason(self, lang: str | None = None) -> str:
        return self.result.message(lang or language())


@dataclass(frozen=True)
class TraineeHistory:
    trainee: TraineeRecord
    entries: tuple[HistoryEntry, ...]  # oldest class first

    @property
    def completed(self) -> int:
        return sum(1 for e in self.entries if e.completes)

    @property
    def attended_minutes(self) -> int:
        """Hours attended in all classes; a class left by transfer is counted in the class the
        trainee moved to (its attendance carries over), not twice."""
        return sum(e.result.attended_minutes for e in self.entries
                   if e.enrolment_status != TRANSFERRED)


def _rank(cert: Certificate) -> tuple[bool, bool]:
    """Which certificate of a class to show: a current one before a revoked one, a completion
    certificate (结业证书) before an attendance one (培训证明); the later wins a tie."""
    return cert.revoked_at is None, getattr(cert, "kind", "completion") == "completion"


def trainee_history(uow: UnitOfWork, trainee_id: int, *,
                    as_of: dt.date | None = None) -> TraineeHistory:
    with uow:
        s = uow.session
        trainee = get_trainee(uow, trainee_id)
        rows = s.execute(
            select(Cohort, Course.title, Course.total_hours, Theme.name, Enrolment.status,
                   Enrolment.enrolled_on)
            .join(Enrolment, Enrolment.cohort_id == Cohort.id)
            .join(Course, Course.id == Cohort.course_id).join(Theme, Theme.id == Course.theme_id)
            .where(Enrolment.trainee_id == trainee_id)).all()
        spans = dict((cid, (first, last)) for cid, first, last in s.execute(
            select(Lesson.cohort_id, func.min(Lesson.date), func.max(Lesson.date))
            .where(Lesson.cohort_id.in_([r[0].id for r in rows]),
                   Lesson.status != CANCELLED_LESSON).group_by(Lesson.cohort_id))) if rows else {}
        certificates: dict[int, Certificate] = {}
        for cert in s.scalars(select(Certificate).where(Certificate.trainee_id == trainee_id)
                              .order_by(Certificate.issued_on, Certificate.id)):
            current = certificates.get(cert.cohort_id)
            if current is None or _rank(cert) >= _rank(current):
                certificates[cert.cohort_id] = cert
        entries = []
        for cohort, title, hours, theme, status, enrolled_on in rows:
            found = class_completion(uow, cohort.id, as_of=as_of, trainee_ids=[trainee_id])
            mine = found.trainees[0]
            first, last = spans.get(cohort.id, (None, None))
            cert = certificates.get(cohort.id)
            entries.append(HistoryEntry(
                cohort.id, cohort.code, cohort.name, title, theme, hours, status, enrolled_on,
                first, last, mine.score, mine.passed, mine.result,
                cert.number if cert else "", getattr(cert, "kind", "completion") if cert else "",
                cert.issued_on if cert else None,
                bool(cert and cert.revoked_at is not None)))
        entries.sort(key=lambda e: (e.first_lesson or e.enrolled_on, e.enrolled_on, e.cohort_id))
        return TraineeHistory(trainee, tuple(entries))
