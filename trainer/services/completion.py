"""Who completes a class (结业), and for the others why not: the pure rule of
trainer/rules/completion.py applied to what the database holds.

The rule's facts per trainee come from here: the class's lessons (held, cancelled, to come), the
trainee's attendance, the day they joined, the classes they transferred from (their attendance
there counts), and their assessment. The policy comes from the course (min_attendance_percent,
excused_counts_present, pass_mark) and the office setting `completion.require_assessment`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable

from sqlalchemy import select

from trainer.db.models import (Assessment, Attendance, Cohort, Course, Enrolment, Enterprise,
                                Lesson, Trainee)
from trainer.texts import language
from trainer.rules.completion import (ACTIVE, TRANSFERRED, CompletionPolicy, CompletionResult,
                                      LessonFact, Stint, TraineeFacts, evaluate)
from trainer.services.attendance import lesson_facts
from trainer.services.online_study import online_minutes
from trainer.services.enrolment import load_cohort
from trainer.services.schedule_classes import get_class
from trainer.services.schedule_data import ClassRecord
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class TraineeCompletion:
    trainee_id: int
    name: str
    enterprise_name: str
    id_tail: str
    enrolment_status: str
    enrolled_on: dt.date
    score: int | None
    passed: bool | None  # None: not assessed
    result: CompletionResult

    @property
    def completes(self) -> bool:
        return self.result.completes

    def reason(self, lang: str | None = None) -> str:
        return self.result.message(lang or language())


@dataclass(frozen=True)
class ClassCompletion:
    cohort: ClassRecord
    policy: CompletionPolicy
    as_of: dt.date
    lessons: int  # all lessons of the class, cancelled ones included
    held: int
    cancelled: int
    upcoming: int
    unrecorded: tuple[int, ...]  # sequence numbers of held lessons with no attendance typed in
    trainees: tuple[TraineeCompletion, ...]

    @property
    def completing(self) -> tuple[TraineeCompletion, ...]:
        return tuple(t for t in self.trainees if t.completes)

    @property
    def not_completing(self) -> tuple[TraineeCompletion, ...]:
        return tuple(t for t in self.trainees if not t.completes)


def policy_for(uow: UnitOfWork, course_id: int) -> CompletionPolicy:
    from trainer.services.settings import get_setting

    with uow:
        course = uow.session.get(Course, course_id)
        return CompletionPolicy(course.min_attendance_percent, bool(course.excused_counts_present),
                                course.pass_mark,
                                bool(get_setting(uow, "completion.require_assessment")),
                                min_online_hours=course.min_online_hours)


def _journeys(uow: UnitOfWork, cohort: Cohort, trainee_ids: list[int]) -> dict[int, list]:
    """trainee id → their enrolments in classes of this class's course, by the day they began."""
    out: dict[int, list] = {}
    for start in range(0, len(trainee_ids), 500):
        for row in uow.session.execute(
                select(Enrolment.trainee_id, Enrolment.cohort_id, Enrolment.enrolled_on,
                       Enrolment.status, Enrolment.id, Cohort.name, Cohort.code)
                .join(Cohort, Cohort.id == Enrolment.cohort_id)
                .where(Cohort.course_id == cohort.course_id,
                       Enrolment.trainee_id.in_(trainee_ids[start:start + 500]))):
            out.setdefault(row.trainee_id, []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r.enrolled_on, r.id))
    return out


def _attendance(uow: UnitOfWork, cohort_ids: Iterable[int],
                trainee_ids: list[int]) -> dict[int, dict[int, str]]:
    """trainee id → {lesson id: status} over the lessons of `cohort_ids`."""
    out: dict[int, dict[int, str]] = {}
    cohorts = sorted(set(cohort_ids))
    for start in range(0, len(trainee_ids), 500):
        for trainee_id, lesson_id, status in uow.session.execute(
                select(Attendance.trainee_id, Attendance.lesson_id, Attendance.status)
                .join(Lesson, Lesson.id == Attendance.lesson_id)
                .where(Lesson.cohort_id.in_(cohorts),
                       Attendance.trainee_id.in_(trainee_ids[start:start + 500]))):
            out.setdefault(trainee_id, {})[lesson_id] = status
    return out


def class_completion(uow: UnitOfWork, cohort_id: int, *, as_of: dt.date | None = None,
                     trainee_ids: Iterable[int] | None = None) -> ClassCompletion:
    """Everyone who is or was in the class (or just `trainee_ids`), each with completes yes/no
    and the reason; lessons counted up to `as_of` (default today)."""
    as_of = as_of or dt.date.today()
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        info = get_class(uow, cohort.id)
        policy = policy_for(uow, cohort.course_id)
        stmt = (select(Enrolment, Trainee.name, Trainee.id_number, Enterprise.name)
                .join(Trainee, Trainee.id == Enrolment.trainee_id)
                .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                .where(Enrolment.cohort_id == cohort_id)
                .order_by(Enterprise.name, Trainee.name_initials, Trainee.name, Trainee.id))
        if trainee_ids is not None:
            stmt = stmt.where(Enrolment.trainee_id.in_(list(trainee_ids)))
        enrolments = s.execute(stmt).all()
        ids = [e.trainee_id for e, *_ in enrolments]
        journeys = _journeys(uow, cohort, ids)
        cohorts = {cohort_id} | {r.cohort_id for rows in journeys.values() for r in rows}
        lessons = lesson_facts(uow, cohorts)
        attendance = _attendance(uow, cohorts, ids)
        assessed = {a.trainee_id: a for a in s.scalars(select(Assessment).where(
            Assessment.cohort_id == cohort_id))}
        from trainer.services.levels import pass_marks
        marks = pass_marks(uow, cohort_id)  # a programme level's own pass mark
        online = online_minutes(uow, cohort_id)
        results = []
        for enrolment, name, id_number, enterprise in enrolments:
            facts = _facts(enrolment, journeys.get(enrolment.trainee_id, []), lessons,
                           attendance.get(enrolment.trainee_id, {}),
                           assessed.get(enrolment.trainee_id),
                           online.get(enrolment.trainee_id, 0))
            a = assessed.get(enrolment.trainee_id)
            results.append(TraineeCompletion(
                enrolment.trainee_id, name, enterprise or "", (id_number or "")[-4:],
                enrolment.status, enrolment.enrolled_on, a.score if a else None,
                a.passed if a else None, evaluate(
                    replace(policy, pass_mark=marks[enrolment.trainee_id])
                    if enrolment.trainee_id in marks else policy, facts, as_of)))
        own = lessons.get(cohort_id, ())
        held = [f for f in own if f.held(as_of)]
        sequences = dict(s.execute(select(Lesson.id, Lesson.sequence).where(
            Lesson.cohort_id == cohort_id)).all())
        return ClassCompletion(
            info, policy, as_of, len(own), len(held), sum(1 for f in own if f.cancelled),
            sum(1 for f in own if not f.cancelled and not f.held(as_of)),
            tuple(sorted(sequences[f.lesson_id] for f in held if not f.recorded
                         and any(e.status == ACTIVE and e.enrolled_on <= f.date
                                 for e, *_ in enrolments))),
            tuple(results))


def _facts(enrolment: Enrolment, journey: list, lessons: dict[int, tuple[LessonFact, ...]],
           attendance: dict[int, str], assessment: Assessment | None,
           online_minutes: int = 0) -> TraineeFacts:
    """The trainee's stints: this class, preceded by the classes they transferred from."""
    position = next((i for i, r in enumerate(journey) if r.id == enrolment.id), None)
    chain = [journey[position]] if position is not None else []
    i = (position or 0) - 1
    while position is not None and i >= 0 and journey[i].status == TRANSFERRED:
        chain.insert(0, journey[i])
        i -= 1
    moved_to, moved_on = "", None
    if enrolment.status == TRANSFERRED and position is not None:
        later = [r for r in journey[position + 1:] if r.cohort_id != enrolment.cohort_id]
        if later:
            moved_to = f"{later[0].name}（{later[0].code}）" if later[0].code else later[0].name
            moved_on = later[0].enrolled_on
    stints = []
    for k, row in enumerate(chain):
        left = chain[k + 1].enrolled_on if k + 1 < len(chain) else moved_on
        own_lessons = lessons.get(row.cohort_id, ())
        stints.append(Stint(own_lessons, {f.lesson_id: attendance[f.lesson_id]
                                          for f in own_lessons if f.lesson_id in attendance},
                            row.enrolled_on, left))
    if not stints:  # not reachable with consistent data; keeps the rule total
        stints = [Stint(lessons.get(enrolment.cohort_id, ()), {}, enrolment.enrolled_on)]
    return TraineeFacts(enrolment.trainee_id, tuple(stints), enrolment.status,
                        assessment.score if assessment else None,
                        assessment.passed if assessment else None, moved_to, online_minutes)


def trainee_completion(uow: UnitOfWork, cohort_id: int, trainee_id: int, *,
                       as_of: dt.date | None = None) -> TraineeCompletion | None:
    """One trainee's completion of one class; None when they were never in it."""
    found = class_completion(uow, cohort_id, as_of=as_of, trainee_ids=[trainee_id]).trainees
    return found[0] if found else None

