"""A planning problem made from the database, with the calendar and the conflict rules of
trainer.rules (no second holiday calendar, no second set of rules):

- the grid: working days of trainer.rules.calendar (chinesecalendar + the office's overrides)
  from `start` to `end`, times the office's day periods (setting schedule.periods);
- each class's allowed slots: every (date, period) of its request's window probed with the rules
  `outside_request` and `non_working_day`, counting what each of them removes (the explanation's
  stages);
- each lecturer's free slots: every slot probed with the rule `lecturer_unavailable`
  (unavailable dates, weekly half-days offered);
- classes: the open requests' classes — new ones split with schedule_classes.split_sizes exactly
  as create_classes will make them on acceptance, and existing ones missing lessons — with the
  course's number of lessons;
- everything else in the range (and the whole weeks around it) stays as it is.
The same database gives the same problem: every list is sorted by id."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from trainer.db.models import (CalendarOverride, Cohort, Course, Enterprise, Lecturer, Lesson,
                               TrainingRequest)
from trainer.rules.calendar import DayPeriod, period_of
from trainer.rules.conflicts import RuleContext, Unavailable
from trainer.rules.statuses import LessonStatus, RequestStatus
from trainer.scheduling.build_facts import (class_conflicts, classes_to_plan, grid_slots,
                                            lecturer_facts, lesson_order, site_of, venue_facts)
from trainer.scheduling.problem import (FixedLesson, LessonToPlace, Placement, PlanningProblem,
                                        Weights)
from trainer.services.schedule_classes import split_sizes
from trainer.services.schedule_data import (ClassRecord, ScheduleSnapshot,
                                            judged_range_condition, load_classes, load_snapshot)
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork

OPEN = RequestStatus.open


@dataclass(frozen=True)
class NewClass:
    """A class the plan creates from a request (create_classes makes it on acceptance)."""
    key: str
    request_id: int
    number: int
    code: str
    name: str
    size: int
    record: ClassRecord  # a stand-in (negative id) for judging the plan with the rules


@dataclass(frozen=True)
class Unavailability:
    """Dates a lecturer (or a venue) cannot be used: applied before planning (re-planning)."""
    resource_id: int
    start: dt.date
    end: dt.date
    reason: str = ""


@dataclass(frozen=True, eq=False)
class BuiltProblem:
    problem: PlanningProblem
    snapshot: ScheduleSnapshot
    periods: tuple[DayPeriod, ...]
    context: RuleContext  # the snapshot's, with any unavailability applied
    start: dt.date
    end: dt.date
    classes: dict[str, ClassRecord]  # class key → record (stand-ins for new classes)
    new_classes: dict[str, NewClass]
    request_ids: tuple[int, ...]
    fingerprint: str
    lesson_rows: dict[int, tuple[int, bool]] = field(default_factory=dict)  # id → (version, lock)


def planner_weights(uow: UnitOfWork) -> Weights:
    return Weights.from_mapping(get_setting(uow, "planner.weights") or {})


def fingerprint(uow: UnitOfWork, start: dt.date, end: dt.date) -> str:
    """What the plan depends on, as a hash: the lessons around the range, the open requests
    and their classes, the lecturers and the calendar overrides (each row's version). Accepting
    a proposal is refused when it changed."""
    first, last = start - dt.timedelta(days=7), end + dt.timedelta(days=7)
    with uow:
        s, org = uow.session, uow.organization_id
        parts = [
            s.execute(select(Lesson.id, Lesson.version, Lesson.status).join(Cohort).where(
                Cohort.organization_id == org, Lesson.date.between(first, last))
                .order_by(Lesson.id)).all(),
            s.execute(select(TrainingRequest.id, TrainingRequest.version).where(
                TrainingRequest.organization_id == org, TrainingRequest.status == OPEN)
                .order_by(TrainingRequest.id)).all(),
            s.execute(select(Cohort.id, Cohort.version).where(Cohort.organization_id == org)
                      .order_by(Cohort.id)).all(),
            s.execute(select(Lecturer.id, Lecturer.version).where(
                Lecturer.organization_id == org).order_by(Lecturer.id)).all(),
            s.execute(select(CalendarOverride.id, CalendarOverride.version).where(
                CalendarOverride.organization_id == org).order_by(CalendarOverride.id)).all(),
        ]
    return hashlib.sha256(repr([[tuple(r) for r in p] for p in parts]).encode()).hexdigest()


def build_problem(uow: UnitOfWork, start: dt.date, end: dt.date, *,
                  requests: bool = True, movable_all: bool = False,
                  must_move: frozenset[int] = frozenset(),
                  movable: frozenset[int] = frozenset(),
                  lecturer_away: Unavailability | None = None,
                  venue_away: Unavailability | None = None,
                  class_ids: frozenset[int] = frozenset()) -> BuiltProblem:
    """`requests`: place the lessons of open requests (plan). `class_ids`: classes made
    without a request (a programme's) whose missing lessons to place, within their own window. `movable_all`: every unlocked
    lesson in the range may move, at a cost (re-plan); otherwise only the unlocked lessons of
    the open requests' classes and those in `movable`. `must_move`: lesson ids whose place is
    no longer allowed (a lesson on a day that became a day off has no slot: it must move).
    `lecturer_away` / `venue_away`: unavailability to apply before planning."""
    with uow:
        session, org = uow.session, uow.organization_id
        print_fp = fingerprint(uow, start, end)
        from trainer.services.schedule_calendar import load_settings
        settings = load_settings(uow)
        open_requests = list(session.scalars(select(TrainingRequest).where(
            TrainingRequest.organization_id == org, TrainingRequest.status == OPEN,
            TrainingRequest.window_start <= end, TrainingRequest.window_end >= start)
            .order_by(TrainingRequest.id))) if requests else []
        request_ids = [r.id for r in open_requests]
        existing = load_classes(session, org, Cohort.request_id.in_(request_ids)) \
            if request_ids else {}
        own_classes = load_classes(session, org, Cohort.id.in_(sorted(class_ids))) \
            if class_ids else {}
        existing.update(own_classes)
        snapshot = load_snapshot(uow, judged_range_condition(start, end), list(existing))
        weights = planner_weights(uow)
        preferred = tuple(get_setting(uow, "planner.preferred_periods") or ())
        courses = {c.id: c for c in session.scalars(select(Course).where(
            Course.id.in_([r.course_id for r in open_requests])))} if open_requests else {}
        enterprise_names = dict(session.execute(select(Enterprise.id, Enterprise.name).where(
            Enterprise.organization_id == org)).all())
        lesson_rows = {r.id: (r.version, r.locked) for r in session.scalars(
            select(Lesson).where(Lesson.id.in_([f.id for f in snapshot.lessons])))} \
            if snapshot.lessons else {}
        all_classes = dict(snapshot.classes)
        all_classes.update(existing)

    ctx = snapshot.context
    lecturers = dict(ctx.lecturers)
    if lecturer_away is not None and lecturer_away.resource_id in lecturers:
        profile = lecturers[lecturer_away.resource_id]
        lecturers[profile.id] = replace(profile, unavailable=profile.unavailable + (
            Unavailable(lecturer_away.start, lecturer_away.end, lecturer_away.reason),))
        ctx = replace(ctx, lecturers=lecturers)
    periods = settings.periods

    # ordinary weekends join the grid when a request allows them (its classes alone may use
    # them: _class_slots probes non_working_day, which knows the request)
    weekends = any(r.allow_weekends for r in open_requests) or any(
        c.request is not None and c.request.allow_weekends for c in all_classes.values())
    slots, slot_index = grid_slots(ctx.calendar, start, end, periods, weekends)

    classes, new_classes, lessons, planned_ids = _to_plan(
        uow, existing, own_classes, open_requests, courses, snapshot, enterprise_names)
    fixed = _movable_or_fixed(snapshot, lesson_rows, periods, slot_index, start, end,
                              classes, lessons, planned_ids,
                              (movable_all, must_move, movable))

    problem = PlanningProblem(
        tuple(slots),
        tuple(classes_to_plan(classes, start, end, periods, ctx, slot_index, snapshot.venues,
                              open_requests, settings.class_min_gap_days)),
        tuple(sorted(lessons, key=lesson_order)),
        tuple(lecturer_facts(lecturers, classes, slots, periods, ctx)),
        tuple(venue_facts(snapshot.venues, slots, venue_away)), tuple(fixed),
        tuple(class_conflicts(classes, ctx)), weights, preferred, settings.travel_gap_minutes)
    return BuiltProblem(problem, snapshot, periods, ctx, start, end, classes, new_classes,
                        tuple(request_ids), print_fp,
                        {i: row for i, row in lesson_rows.items()})


def _to_plan(uow: UnitOfWork, existing: dict, own_classes: dict, open_requests, courses,
             snapshot: ScheduleSnapshot, enterprise_names: dict):
    """The classes to plan — existing ones missing lessons, and new ones split from the open
    requests exactly as create_classes will make them — with their lessons to place."""
    classes: dict[str, ClassRecord] = {}
    new_classes: dict[str, NewClass] = {}
    lessons: list[LessonToPlace] = []
    by_request: dict[int, list[ClassRecord]] = defaultdict(list)
    for record in existing.values():
        by_request[record.request_id].append(record)
    planned_ids: set[int] = set()
    scheduled: dict[int, set[int]] = defaultdict(set)
    for facts in snapshot.lessons:
        scheduled[facts.class_id].add(facts.sequence)
    taken = _sequences_taken(uow, [c.id for c in existing.values()])
    for record in sorted(own_classes.values(), key=lambda c: c.id):
        _missing_lessons(record, taken, classes, lessons, planned_ids)
    for req in open_requests:
        own = sorted(by_request.get(req.id, []), key=lambda c: c.id)
        if own:
            for record in own:
                _missing_lessons(record, taken, classes, lessons, planned_ids)
            continue
        course = courses[req.course_id]
        own_capacity = [v.capacity for v in snapshot.venues.values()
                        if v.enterprise_id == req.enterprise_id]
        sizes = split_sizes(req.workers, course.capacity, max(own_capacity) if own_capacity
                            else None)
        enterprise = enterprise_names.get(req.enterprise_id, "")
        template = next(iter(load_request_class(uow, req.id)), None)
        for n, size in enumerate(sizes, 1):
            key = f"new:R{req.id}-{n}"
            name = f"{enterprise}{course.title}{n}班"[:100]
            record = replace(template, id=-(req.id * 100 + n), code=f"R{req.id}-{n}", name=name,
                             capacity=size, enrolled=0, scheduled=0)
            classes[key] = record
            new_classes[key] = NewClass(key, req.id, n, record.code, name, size, record)
            for seq in range(1, course.lesson_count + 1):
                lessons.append(LessonToPlace(f"{key}:{seq}", key, seq))
    return classes, new_classes, lessons, planned_ids


def _movable_or_fixed(snapshot: ScheduleSnapshot, lesson_rows: dict, periods, slot_index,
                      start: dt.date, end: dt.date, classes: dict, lessons: list,
                      planned_ids: set[int], moves) -> list[FixedLesson]:
    """The lessons already there: movable ones join `lessons` (their class `classes`), the
    others are returned as fixed."""
    movable_all, must_move, movable = moves
    fixed: list[FixedLesson] = []
    for facts in snapshot.lessons:
        version, locked = lesson_rows.get(facts.id, (0, False))
        key = f"class:{facts.class_id}"
        period = period_of(facts.start, periods)
        slot = slot_index.get((facts.date, period.code)) if period and \
            period.start == facts.start else None
        in_range = start <= facts.date <= end
        may_move = not locked and in_range and (slot is not None or facts.id in must_move) and (
            movable_all or facts.class_id in planned_ids or facts.id in movable)
        if may_move:
            classes.setdefault(key, snapshot.classes[facts.class_id])
            lessons.append(LessonToPlace(
                f"lesson:{facts.id}", key, facts.sequence,
                Placement(slot, facts.lecturer_id, facts.venue_id)
                if facts.lecturer_id and slot is not None else None,
                must_move=facts.id in must_move or facts.lecturer_id is None,
                online=facts.online is not None))
        else:
            fixed.append(FixedLesson(
                f"lesson:{facts.id}", key, facts.sequence, facts.date, facts.start, facts.end,
                facts.lecturer_id, facts.venue_id,
                site_of(snapshot.venues.get(facts.venue_id), facts.enterprise_id), slot))
    return fixed


def _sequences_taken(uow: UnitOfWork, class_ids: list[int]) -> dict[int, set[int]]:
    """class id → the sequence numbers of its lessons not cancelled."""
    out: dict[int, set[int]] = defaultdict(set)
    with uow:
        for start in range(0, len(class_ids), 500):
            for cohort_id, seq in uow.session.execute(select(Lesson.cohort_id, Lesson.sequence)
                                                      .where(Lesson.cohort_id.in_(
                                                          class_ids[start:start + 500]),
                                                          Lesson.status != LessonStatus.cancelled)):
                out[cohort_id].add(seq)
    return out


def _missing_lessons(record: ClassRecord, taken: dict[int, set[int]], classes: dict,
                     lessons: list, planned_ids: set[int]) -> None:
    """An existing class to plan: its lessons not scheduled yet become lessons to place."""
    key = f"class:{record.id}"
    classes[key] = record
    planned_ids.add(record.id)
    for seq in range(1, record.lesson_count + 1):
        if seq not in taken.get(record.id, ()):
            lessons.append(LessonToPlace(f"add:{record.id}:{seq}", key, seq))


def load_request_class(uow: UnitOfWork, request_id: int) -> list[ClassRecord]:
    """A stand-in ClassRecord for a request's future classes: course, theme, enterprise and
    request window as load_classes would give them (a Cohort is not made until acceptance)."""
    from trainer.db.models import Theme
    from trainer.services.schedule_data import request_window
    with uow:
        row = uow.session.execute(
            select(TrainingRequest, Course, Theme, Enterprise.name)
            .join(Course, TrainingRequest.course_id == Course.id)
            .join(Theme, Course.theme_id == Theme.id)
            .join(Enterprise, TrainingRequest.enterprise_id == Enterprise.id)
            .where(TrainingRequest.id == request_id)).one()
    req, course, theme, enterprise = row
    return [ClassRecord(0, 0, "", "", course.id, course.title, course.lesson_count,
                        course.lesson_minutes, theme.id, theme.name, theme.color,
                        req.enterprise_id, enterprise or "", req.id, 0, 0, "planned",
                        request_window(req), 0)]


