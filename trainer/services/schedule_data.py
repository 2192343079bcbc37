"""The schedule as the conflict rules see it, loaded from the database: classes, venues,
lecturer profiles, enrolments and lessons turned into trainer.rules.conflicts facts, plus the
frozen records the calendar and the lists show (LessonRecord, ClassRecord).

A ScheduleSnapshot holds the lessons of some part of the schedule with everything needed to
judge them, so a service (or the planner) can run the rules without touching the database again."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session, selectinload

from trainer.db.models import (Cohort, Course, Enrolment, Enterprise, Lecturer, Lesson, Theme,
                               Trainee, TrainingRequest, Venue)
from trainer.rules.calendar import PERIOD_CODES, period_of
from trainer.rules.conflicts import (Conflict, LecturerProfile, LessonFacts, OnlineMeeting,
                                     RequestWindow, RuleContext, Unavailable)
from trainer.rules.statuses import LessonStatus
from trainer.services.schedule_calendar import load_calendar, load_settings
from trainer.services.uow import UnitOfWork

CANCELLED = LessonStatus.cancelled  # a cancelled lesson takes no lecturer, venue or trainee time
ACTIVE_ENROLMENT = "active"


@dataclass(frozen=True)
class ClassRecord:
    """A class (培训班, Cohort): the one read model of a class, for the schedule, the planner,
    enrolment, attendance and completion. `capacity` is its planned size; `enrolled` the active
    enrolments; `request` what its training request allows (None: made by hand); `scheduled`
    its lessons not cancelled, from `first_lesson` to `last_lesson`."""
    id: int
    version: int
    code: str
    name: str
    course_id: int
    course_title: str
    lesson_count: int
    lesson_minutes: int
    theme_id: int
    theme_name: str
    theme_color: str
    enterprise_id: int | None
    enterprise_name: str
    request_id: int | None
    capacity: int
    enrolled: int
    status: str
    request: RequestWindow | None = None
    scheduled: int = 0
    venue_id: int | None = None  # a programme's class: its venue (the planner uses only it)
    open_enrolment: bool = False
    eligible_categories: tuple[str, ...] = ()  # codes of texts.TRAINEE_CATEGORIES; () = anyone
    first_lesson: dt.date | None = None  # of its lessons not cancelled
    last_lesson: dt.date | None = None

    @property
    def size(self) -> int:
        """How many the class holds: those enrolled, or its planned size while nobody is."""
        return self.enrolled or self.capacity

    @property
    def free(self) -> int:
        """Places left for enrolment."""
        return max(0, self.capacity - self.enrolled)

    @property
    def display_name(self) -> str:
        return f"{self.name}({self.code})" if self.code and self.code != self.name else self.name


@dataclass(frozen=True)
class VenueInfo:
    id: int
    name: str
    address: str
    capacity: int
    enterprise_id: int | None
    enterprise_name: str


@dataclass(frozen=True)
class LessonRecord:
    """A lesson as the calendar shows it. `period`: the day period it starts in ("" for an
    irregular time). `conflicts`: what the rules say about it (notices included; see
    `has_conflicts`)."""
    id: int
    version: int
    class_id: int
    class_code: str
    class_name: str
    sequence: int
    lesson_count: int
    date: dt.date
    start: dt.time
    end: dt.time
    period: str
    course_id: int
    course_title: str
    theme_id: int
    theme_name: str
    theme_color: str
    lecturer_id: int | None
    lecturer_name: str
    venue_id: int | None
    venue_name: str
    venue_address: str
    venue_enterprise_id: int | None  # None: a union training centre (or no venue)
    place: str  # 新钢公司一车间: the venue with its enterprise
    enterprise_id: int | None
    enterprise_name: str
    status: str
    locked: bool
    conflicts: tuple[Conflict, ...] = ()
    venue_enterprise_name: str = ""  # the enterprise whose workshop the venue is
    online: OnlineMeeting | None = None  # an online lesson: platform and link, no venue

    @property
    def has_conflicts(self) -> bool:
        return any(c.blocking for c in self.conflicts)

    def conflict_texts(self, lang: str | None = None) -> list[str]:
        return [c.text(lang) for c in self.conflicts]


@dataclass(frozen=True, eq=False)
class ScheduleSnapshot:
    """Lessons (as rule facts) with their context, classes, venues and the rows' version,
    status and lock, so records can be made without another query."""
    lessons: tuple[LessonFacts, ...]
    context: RuleContext
    classes: Mapping[int, ClassRecord]
    venues: Mapping[int, VenueInfo]
    rows: Mapping[int, tuple[int, str, bool]]  # lesson id → (version, status, locked)

    def record(self, facts: LessonFacts, conflicts: Iterable[Conflict] = ()) -> LessonRecord:
        cls = self.classes[facts.class_id]
        venue = self.venues.get(facts.venue_id) if facts.venue_id else None
        version, status, locked = self.rows.get(facts.id, (0, "planned", False))
        period = period_of(facts.start, self.context.periods)
        return LessonRecord(
            facts.id, version, cls.id, cls.code, cls.name, facts.sequence, cls.lesson_count,
            facts.date, facts.start, facts.end, period.code if period else "", cls.course_id,
            cls.course_title, cls.theme_id, cls.theme_name, cls.theme_color, facts.lecturer_id,
            facts.lecturer_name, facts.venue_id, venue.name if venue else "",
            venue.address if venue else "", venue.enterprise_id if venue else None, facts.place,
            cls.enterprise_id, cls.enterprise_name, status, locked, tuple(conflicts),
            venue.enterprise_name if venue else "", facts.online)


# --- loading ----------------------------------------------------------------------------------

def request_window(row: TrainingRequest | None) -> RequestWindow | None:
    if row is None:
        return None
    return RequestWindow(row.window_start, row.window_end, row.weekdays or "1234567",
                         tuple(p for p in (row.periods or "").split(",") if p) or PERIOD_CODES,
                         frozenset(dt.date.fromisoformat(d) for d in
                                   (row.blackout_dates or "").split(",") if d),
                         bool(row.allow_weekends))


def load_classes(session: Session, org: int, condition: ColumnElement[bool] | None = None
                 ) -> dict[int, ClassRecord]:
    """Classes of the office matching `condition` (a WHERE on Cohort), with enrolled and
    scheduled counts."""
    # correlated counts: each uses the cohort_id index, for only the classes asked for
    enrolled = (select(func.count()).where(Enrolment.cohort_id == Cohort.id,
                                           Enrolment.status == ACTIVE_ENROLMENT)
                .correlate(Cohort).scalar_subquery())
    scheduled, first, last = (
        select(of).where(Lesson.cohort_id == Cohort.id, Lesson.status != CANCELLED)
        .correlate(Cohort).scalar_subquery()
        for of in (func.count(), func.min(Lesson.date), func.max(Lesson.date)))
    stmt = (select(Cohort, Course, Theme, Enterprise.name, TrainingRequest, enrolled, scheduled,
                   first, last)
            .join(Course, Cohort.course_id == Course.id)
            .join(Theme, Course.theme_id == Theme.id)
            .outerjoin(Enterprise, Cohort.enterprise_id == Enterprise.id)
            .outerjoin(TrainingRequest, Cohort.request_id == TrainingRequest.id)
            .where(Cohort.organization_id == org, condition if condition is not None else true()))
    out = {}
    for (cohort, course, theme, enterprise_name, req, n_enrolled, n_scheduled, first_day,
         last_day) in session.execute(stmt):
        out[cohort.id] = ClassRecord(
            cohort.id, cohort.version, cohort.code, cohort.name, course.id, course.title,
            course.lesson_count, course.lesson_minutes, theme.id, theme.name, theme.color,
            cohort.enterprise_id, enterprise_name or "", cohort.request_id, cohort.capacity,
            int(n_enrolled), cohort.status, request_window(req) or class_window(cohort),
            int(n_scheduled), cohort.venue_id, bool(cohort.open_enrolment),
            categories_of(cohort), _day(first_day), _day(last_day))
    return out


def categories_of(cohort: Cohort) -> tuple[str, ...]:
    """The trainee categories a class takes in open enrolment (stored comma-separated)."""
    return tuple(c for c in re.split(r"[,,、\s]+", cohort.eligible_categories or "") if c)


def _day(value) -> dt.date | None:
    """A MIN/MAX of a date column: SQLite returns it as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def class_window(cohort: Cohort) -> RequestWindow | None:
    """The date window of a class made without a request (a programme's month), if it has one:
    working days, any period."""
    if cohort.window_start is None and cohort.window_end is None:
        return None
    return RequestWindow(cohort.window_start, cohort.window_end)


def load_venues(session: Session, org: int) -> dict[int, VenueInfo]:
    rows = session.execute(select(Venue, Enterprise.name).outerjoin(
        Enterprise, Venue.enterprise_id == Enterprise.id).where(Venue.organization_id == org))
    return {v.id: VenueInfo(v.id, v.name, v.address, v.capacity, v.enterprise_id, name or "")
            for v, name in rows}


def load_lecturers(session: Session, org: int) -> dict[int, LecturerProfile]:
    rows = session.scalars(select(Lecturer).where(Lecturer.organization_id == org).options(
        selectinload(Lecturer.themes), selectinload(Lecturer.unavailable),
        selectinload(Lecturer.availability)))
    return {r.id: LecturerProfile(
        r.id, r.name, frozenset(t.id for t in r.themes),
        tuple(Unavailable(u.start_date, u.end_date, u.reason) for u in r.unavailable),
        frozenset((a.weekday, a.period) for a in r.availability),
        r.max_hours_per_day, r.max_hours_per_week) for r in rows}


def load_enrolments(session: Session, class_ids: Iterable[int]
                    ) -> tuple[dict[int, frozenset[int]], dict[int, str]]:
    """Active trainees per class, and the names of those in two or more of the classes (the
    only ones a trainee clash can name)."""
    ids = sorted(set(class_ids))
    members: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(ids), 500):
        for cohort_id, trainee_id in session.execute(select(
                Enrolment.cohort_id, Enrolment.trainee_id).where(
                Enrolment.cohort_id.in_(ids[start:start + 500]),
                Enrolment.status == ACTIVE_ENROLMENT)):
            members[cohort_id].add(trainee_id)
    seen = Counter(t for trainees in members.values() for t in trainees)
    shared = [t for t, n in seen.items() if n > 1]
    names: dict[int, str] = {}
    for start in range(0, len(shared), 500):
        names.update((i, n) for i, n in session.execute(select(Trainee.id, Trainee.name).where(
            Trainee.id.in_(shared[start:start + 500]))))
    return {c: frozenset(t) for c, t in members.items()}, names


def facts_of(cls: ClassRecord, *, id: int, sequence: int, date: dt.date, start: dt.time,
             end: dt.time, lecturer_id: int | None, lecturer_name: str,
             venue: VenueInfo | None, online: OnlineMeeting | None = None) -> LessonFacts:
    return LessonFacts(
        id=id, class_id=cls.id, class_code=cls.code, class_name=cls.name, sequence=sequence,
        date=date, start=start, end=end, course_id=cls.course_id, course_title=cls.course_title,
        theme_id=cls.theme_id, theme_name=cls.theme_name, lecturer_id=lecturer_id,
        lecturer_name=lecturer_name, venue_id=venue.id if venue else None,
        venue_name=venue.name if venue else "", venue_capacity=venue.capacity if venue else 0,
        venue_enterprise_id=venue.enterprise_id if venue else None,
        venue_enterprise_name=venue.enterprise_name if venue else "",
        enterprise_id=cls.enterprise_id, enterprise_name=cls.enterprise_name,
        class_size=cls.size, request=cls.request, online=online)


def online_of(row: Lesson) -> OnlineMeeting | None:
    """The lesson row's online meeting, None for a lesson in a room."""
    return OnlineMeeting(row.online_platform, row.online_link) if row.online else None


def load_snapshot(uow: UnitOfWork, condition: ColumnElement[bool] | None,
                  extra_class_ids: Iterable[int] = ()) -> ScheduleSnapshot:
    """The lessons (not cancelled) matching `condition` (a WHERE on Lesson; None: all) with
    their context. `extra_class_ids`: classes to know even without lessons (new lessons')."""
    with uow:
        session, org = uow.session, uow.organization_id
        stmt = (select(Lesson).join(Cohort, Lesson.cohort_id == Cohort.id)
                .where(Cohort.organization_id == org, Lesson.status != CANCELLED,
                       condition if condition is not None else true())
                .order_by(Lesson.date, Lesson.start_time, Lesson.id))
        rows = list(session.scalars(stmt))
        class_ids = {r.cohort_id for r in rows} | set(extra_class_ids)
        classes = load_classes(session, org, Cohort.id.in_(sorted(class_ids))) if class_ids else {}
        venues = load_venues(session, org)
        lecturers = load_lecturers(session, org)
        enrolments, names = load_enrolments(session, classes)
        settings = load_settings(uow)
        calendar = load_calendar(uow)
    lessons = tuple(facts_of(
        classes[r.cohort_id], id=r.id, sequence=r.sequence, date=r.date, start=r.start_time,
        end=r.end_time, lecturer_id=r.lecturer_id,
        lecturer_name=lecturers[r.lecturer_id].name if r.lecturer_id in lecturers else "",
        venue=venues.get(r.venue_id) if r.venue_id else None, online=online_of(r))
        for r in rows)
    context = RuleContext(lecturers=lecturers, enrolments=enrolments, trainee_names=names,
                          calendar=calendar, periods=settings.periods,
                          travel_gap_minutes=settings.travel_gap_minutes,
                          class_min_gap_days=settings.class_min_gap_days)
    return ScheduleSnapshot(lessons, context, classes, venues,
                            {r.id: (r.version, r.status, r.locked) for r in rows})


def week_span(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """From the Monday of `start`'s week to the Sunday of `end`'s (weekly hours need whole weeks)."""
    return start - dt.timedelta(days=start.weekday()), end + dt.timedelta(days=6 - end.weekday())


def range_condition(start: dt.date | None, end: dt.date | None) -> ColumnElement[bool] | None:
    """Lessons from `start` to `end` (either open)."""
    parts = []
    if start is not None:
        parts.append(Lesson.date >= start)
    if end is not None:
        parts.append(Lesson.date <= end)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts[0] & parts[1]


def judged_range_condition(start: dt.date | None, end: dt.date | None
                           ) -> ColumnElement[bool] | None:
    """What must be loaded to judge the lessons from `start` to `end`: their whole weeks, and
    every lesson of their classes (order and spacing)."""
    if start is None and end is None:
        return None
    first, last = week_span(start or dt.date.min + dt.timedelta(days=7),
                            end or dt.date.max - dt.timedelta(days=7))
    in_range = select(Lesson.cohort_id).where(range_condition(start, end))
    return Lesson.date.between(first, last) | Lesson.cohort_id.in_(in_range)
