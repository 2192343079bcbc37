"""Figures for the reports, read in a few queries and returned as plain dataclasses: attendance
of a class, the classes an enterprise's workers attended, and the statistics of a period by
theme, enterprise, district and month. Drawn by pdf/reports.py."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from trainer.db.models import (Assessment, Attendance, Cohort, Course, Enrolment, Enterprise,
                               Feedback, Lesson, Theme, Trainee)
from trainer.rules.id_number import mask_id_number
from trainer.rules.statuses import EnrolmentStatus, LessonStatus
from trainer.services.certificates import class_outcomes
from trainer.services.common import get_row, id_by_name
from trainer.services.organizations import office_name
from trainer.services.uow import UnitOfWork

ATTENDED = ("present", "late")


def _minutes(start: dt.time, end: dt.time) -> int:
    return max(0, end.hour * 60 + end.minute - start.hour * 60 - start.minute)


@dataclass(frozen=True)
class TraineeAttendance:
    trainee_id: int
    name: str
    enterprise: str
    id_masked: str
    present: int
    late: int
    excused: int
    absent: int
    unmarked: int
    attended_minutes: int
    score: int | None
    passed: bool | None
    completes: bool
    reason: str

    @property
    def rate(self) -> float:
        due = self.present + self.late + self.excused + self.absent + self.unmarked
        return (self.present + self.late) / due if due else 0.0


@dataclass(frozen=True)
class ClassAttendance:
    office: str
    cohort_id: int
    code: str
    name: str
    course: str
    theme: str
    enterprise: str
    lessons_held: int
    lessons_planned: int
    start: dt.date | None
    end: dt.date | None
    rows: tuple[TraineeAttendance, ...]

    @property
    def rate(self) -> float:
        due = sum(r.present + r.late + r.excused + r.absent + r.unmarked for r in self.rows)
        return sum(r.present + r.late for r in self.rows) / due if due else 0.0

    @property
    def completed(self) -> int:
        return sum(r.completes for r in self.rows)


def class_attendance(uow: UnitOfWork, cohort_id: int, *, reveal: bool = False) -> ClassAttendance:
    """Per trainee of the class: attendance counts over the lessons held, hours attended,
    result, and whether they complete (with the reason when not)."""
    with uow:
        s = uow.session
        cohort = get_row(s, Cohort, cohort_id, "cohort", uow.organization_id)
        course = s.get(Course, cohort.course_id)
        theme = s.get(Theme, course.theme_id)
        ent = s.get(Enterprise, cohort.enterprise_id) if cohort.enterprise_id else None
        lessons = s.execute(select(Lesson.id, Lesson.date, Lesson.start_time, Lesson.end_time)
                            .where(Lesson.cohort_id == cohort_id, Lesson.status != LessonStatus.cancelled)
                            .order_by(Lesson.date, Lesson.start_time)).all()
        marks: dict[int, dict[int, str]] = defaultdict(dict)
        for lesson_id, trainee_id, status in s.execute(
                select(Attendance.lesson_id, Attendance.trainee_id, Attendance.status)
                .join(Lesson, Lesson.id == Attendance.lesson_id)
                .where(Lesson.cohort_id == cohort_id)):
            marks[trainee_id][lesson_id] = status
        today = dt.date.today()
        marked = {l for m in marks.values() for l in m}
        held = [l for l in lessons if l.date <= today or l.id in marked]
        people = s.execute(select(Trainee.id, Trainee.name, Trainee.id_number, Enterprise.name,
                                  Enrolment.enrolled_on)
                           .join(Enrolment, Enrolment.trainee_id == Trainee.id)
                           .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                           .where(Enrolment.cohort_id == cohort_id, Enrolment.status == "active")
                           .order_by(Enterprise.name, Trainee.name_initials, Trainee.id)).all()
        results = {t: (score, passed) for t, score, passed in s.execute(
            select(Assessment.trainee_id, Assessment.score, Assessment.passed)
            .where(Assessment.cohort_id == cohort_id))}
        outcomes = {o.trainee_id: o for o in class_outcomes(uow, cohort_id, "zh")}
        rows = []
        for tid, name, idn, ent_name, enrolled_on in people:
            mine = marks.get(tid, {})
            due = [l for l in held if enrolled_on is None or l.date >= enrolled_on or l.id in mine]
            counts = defaultdict(int)
            for l in due:
                counts[mine.get(l.id, "unmarked")] += 1
            minutes = sum(_minutes(l.start_time, l.end_time) for l in due
                          if mine.get(l.id) in ATTENDED)
            score, passed = results.get(tid, (None, None))
            outcome = outcomes.get(tid)
            rows.append(TraineeAttendance(
                tid, name, ent_name or "", (idn or "") if reveal else mask_id_number(idn),
                counts["present"], counts["late"], counts["excused"], counts["absent"],
                counts["unmarked"], minutes, score, passed,
                bool(outcome and outcome.completes), outcome.reason if outcome else ""))
        return ClassAttendance(office_name(uow), cohort.id, cohort.code, cohort.name, course.title,
                               theme.name, ent.name if ent else "", len(held), len(lessons),
                               lessons[0].date if lessons else None,
                               lessons[-1].date if lessons else None, tuple(rows))


def enterprise_classes(uow: UnitOfWork, enterprise: str, start: dt.date, end: dt.date
                       ) -> tuple[str, list[int]]:
    """The enterprise found by `enterprise` (its name or a unique part of it) and the ids of
    the classes with lessons from `start` to `end`."""
    with uow:
        s = uow.session
        ent_id = id_by_name(s, Enterprise, uow.organization_id, enterprise, "enterprise")
        ent_name = s.get(Enterprise, ent_id).name
        cohort_ids = list(s.scalars(
            select(Cohort.id).join(Lesson, Lesson.cohort_id == Cohort.id)
            .where(Cohort.organization_id == uow.organization_id, Lesson.date >= start,
                   Lesson.date <= end).distinct().order_by(Cohort.id)))
    return ent_name, cohort_ids


# --- statistics of a period --------------------------------------------------------------------

@dataclass
class Tally:
    """One line of a statistics table."""

    label: str
    classes: set = field(default_factory=set)
    trainees: set = field(default_factory=set)
    lesson_minutes: dict = field(default_factory=dict)  # lesson id → minutes
    attended: int = 0
    due: int = 0
    person_minutes: int = 0
    completers: int = 0
    finishers: int = 0  # trainees of classes that ended in the period (completion base)

    @property
    def lessons(self) -> int:
        return len(self.lesson_minutes)

    @property
    def minutes(self) -> int:
        return sum(self.lesson_minutes.values())

    @property
    def attendance_rate(self) -> float:
        return self.attended / self.due if self.due else 0.0

    @property
    def completion_rate(self) -> float | None:
        return self.completers / self.finishers if self.finishers else None


@dataclass(frozen=True)
class PeriodStatistics:
    office: str
    start: dt.date
    end: dt.date
    total: Tally
    by_theme: tuple[Tally, ...]
    by_enterprise: tuple[Tally, ...]
    by_district: tuple[Tally, ...]
    by_month: tuple[Tally, ...]
    satisfaction: dict[str, tuple[float, int]]  # source → (average score, count)
    enterprises: int


@dataclass(frozen=True)
class _PeriodFacts:
    """What the statistics of a period are counted from, read in a few queries."""
    lessons: list          # (id, cohort_id, date, start, end, theme, enterprise, district)
    enrolled: dict         # class id → [(trainee id, enterprise, district)]
    marks: dict            # (lesson id, trainee id) → status
    last_lesson: dict      # class id → the date of its last lesson
    feedback: dict         # source → [scores]
    ended: list            # classes whose last lesson falls in the period
    completes: dict        # ended class id → the trainees who complete it
    theme_order: dict      # theme name → its place


def _read_period(uow: UnitOfWork, start: dt.date, end: dt.date) -> _PeriodFacts:
    with uow:
        s = uow.session
        lessons = s.execute(
            select(Lesson.id, Lesson.cohort_id, Lesson.date, Lesson.start_time, Lesson.end_time,
                   Theme.name, Enterprise.name, Enterprise.district)
            .join(Cohort, Cohort.id == Lesson.cohort_id)
            .join(Course, Course.id == Cohort.course_id).join(Theme, Theme.id == Course.theme_id)
            .outerjoin(Enterprise, Enterprise.id == Cohort.enterprise_id)
            .where(Cohort.organization_id == uow.organization_id,
                   Lesson.status != LessonStatus.cancelled,
                   Lesson.date >= start, Lesson.date <= end)).all()
        cohort_ids = sorted({l.cohort_id for l in lessons})
        enrolled: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        marks: dict[tuple[int, int], str] = {}
        last_lesson: dict[int, dt.date] = {}
        feedback: dict[str, list[int]] = defaultdict(list)
        for chunk in _chunks(cohort_ids):
            for cid, tid, ent, district in s.execute(
                    select(Enrolment.cohort_id, Enrolment.trainee_id, Enterprise.name,
                           Enterprise.district)
                    .join(Trainee, Trainee.id == Enrolment.trainee_id)
                    .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                    .where(Enrolment.cohort_id.in_(chunk),
                           Enrolment.status == EnrolmentStatus.active)):
                enrolled[cid].append((tid, ent or "", district or ""))
            for cid, last in s.execute(select(Lesson.cohort_id, func.max(Lesson.date))
                                       .where(Lesson.cohort_id.in_(chunk),
                                              Lesson.status != LessonStatus.cancelled)
                                       .group_by(Lesson.cohort_id)):
                last_lesson[cid] = last
            for source, score in s.execute(select(Feedback.source, Feedback.score)
                                           .where(Feedback.cohort_id.in_(chunk))):
                feedback[source].append(score)
        for chunk in _chunks([l.id for l in lessons]):
            for lid, tid, status in s.execute(select(Attendance.lesson_id, Attendance.trainee_id,
                                                     Attendance.status)
                                              .where(Attendance.lesson_id.in_(chunk))):
                marks[(lid, tid)] = status
        ended = [c for c in cohort_ids if start <= last_lesson.get(c, end + dt.timedelta(1)) <= end]
        completes = {c: {o.trainee_id for o in class_outcomes(uow, c, "zh") if o.completes}
                     for c in ended}
        theme_order = {name: i for i, name in enumerate(s.scalars(
            select(Theme.name).where(Theme.organization_id == uow.organization_id)
            .order_by(Theme.sort_order, Theme.id)))}
    return _PeriodFacts(lessons, enrolled, marks, last_lesson, feedback, ended, completes,
                        theme_order)


def _count(facts: _PeriodFacts) -> tuple[Tally, dict[str, dict[str, Tally]]]:
    """The total and the tallies by theme, enterprise, district and month."""
    total = Tally("合计")
    groups: dict[str, dict[str, Tally]] = {"theme": {}, "enterprise": {}, "district": {},
                                           "month": {}}

    def tallies(keys: dict[str, str]):
        yield total
        for kind, key in keys.items():
            yield groups[kind].setdefault(key, Tally(key))

    cohort_theme: dict[int, str] = {}
    for l in facts.lessons:
        cohort_theme[l.cohort_id] = l[5]
        minutes = _minutes(l.start_time, l.end_time)
        month = f"{l.date.year}-{l.date.month:02d}"
        for tally in tallies({"theme": l[5], "month": month}):
            tally.lesson_minutes[l.id] = minutes
            tally.classes.add(l.cohort_id)
        for tid, ent, district in facts.enrolled.get(l.cohort_id, []):
            status = facts.marks.get((l.id, tid))
            keys = {"theme": l[5], "month": month, "enterprise": ent or "（未填企业）",
                    "district": district or "（未填区县）"}
            for tally in tallies(keys):
                tally.trainees.add(tid)
                tally.classes.add(l.cohort_id)
                tally.lesson_minutes[l.id] = minutes
                tally.due += 1
                if status in ATTENDED:
                    tally.attended += 1
                    tally.person_minutes += minutes
    for cid in facts.ended:
        last = facts.last_lesson[cid]
        for tid, ent, district in facts.enrolled.get(cid, []):
            keys = {"theme": cohort_theme[cid], "enterprise": ent or "（未填企业）",
                    "district": district or "（未填区县）", "month": f"{last.year}-{last.month:02d}"}
            for tally in tallies(keys):
                tally.finishers += 1
                tally.completers += tid in facts.completes[cid]
    return total, groups


def period_statistics(uow: UnitOfWork, start: dt.date, end: dt.date) -> PeriodStatistics:
    """Lessons held from `start` to `end` and everything counted from them: trainees (distinct,
    enrolled in a class with a lesson in the period), lessons, class hours, attendance rate
    (present or late over the lessons trainees were due at), completion rate (of the classes
    whose last lesson falls in the period), satisfaction (feedback of those classes)."""
    facts = _read_period(uow, start, end)
    total, groups = _count(facts)
    order = facts.theme_order
    return PeriodStatistics(
        office_name(uow), start, end, total,
        tuple(sorted(groups["theme"].values(), key=lambda t: order.get(t.label, 99))),
        tuple(sorted(groups["enterprise"].values(), key=lambda t: -len(t.trainees))),
        tuple(sorted(groups["district"].values(), key=lambda t: -len(t.trainees))),
        tuple(sorted(groups["month"].values(), key=lambda t: t.label)),
        {k: (sum(v) / len(v), len(v)) for k, v in facts.feedback.items() if v},
        len({e for people in facts.enrolled.values() for _t, e, _d in people if e}))


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]
