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
from trainer.rules.calendar import DayPeriod, lesson_times, period_of
from trainer.rules.conflicts import (LessonFacts, RequestWindow, RuleContext, Unavailable,
                                     lecturer_unavailable, non_working_day, outside_request)
from trainer.scheduling.problem import (ClassToPlan, FixedLesson, LecturerFacts, LessonToPlace,
                                        Placement, PlanningProblem, Slot, VenueFacts, Weights)
from trainer.services.schedule_classes import split_sizes
from trainer.services.schedule_data import (ClassRecord, ScheduleSnapshot, VenueInfo,
                                            judged_range_condition, load_classes, load_snapshot)
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork

OPEN = "open"


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


def _site(venue: VenueInfo | None, enterprise_id: int | None) -> int | None:
    """Where a lecturer has to go, as one number (the rules' LessonFacts.site): an enterprise
    id, or minus a training centre's venue id."""
    if venue is not None:
        return venue.enterprise_id if venue.enterprise_id is not None else -venue.id
    return enterprise_id


def _probe(cls: ClassRecord, n: int, date: dt.date, period: DayPeriod,
           lecturer_id: int | None = None) -> LessonFacts:
    start, end = lesson_times(period, cls.lesson_minutes)
    return LessonFacts(id=-n, class_id=cls.id, class_code=cls.code, class_name=cls.name,
                       sequence=1, date=date, start=start, end=end, theme_id=cls.theme_id,
                       lecturer_id=lecturer_id, enterprise_id=cls.enterprise_id,
                       request=cls.request)


STAGES = (("weekdays", "wrong_weekday"), ("periods", "wrong_period"),
          ("working_days", "non_working_day"), ("blackout", "blackout_date"))


def _class_slots(cls: ClassRecord, start: dt.date, end: dt.date, periods, ctx: RuleContext,
                 slot_index: dict[tuple[dt.date, str], int]):
    """The grid slots the class's request allows, and how many were left after each rule."""
    req = cls.request or RequestWindow(start, end)
    first, last = max(start, req.start or start), min(end, req.end or end)
    probes = []
    day = first
    while day <= last:
        for period in periods:
            probes.append((day, period))
        day += dt.timedelta(days=1)
    facts = [_probe(cls, i + 1, d, p) for i, (d, p) in enumerate(probes)]
    broken: dict[str, set[int]] = defaultdict(set)
    for conflict in outside_request(facts, ctx) + non_working_day(facts, ctx):
        for lesson_id in conflict.lesson_ids:
            broken[conflict.code].add(-lesson_id - 1)
    left = set(range(len(probes))) - broken["outside_window"]
    stages = [("window", len(left))]
    for stage, code in STAGES:
        left -= broken[code]
        stages.append((stage, len(left)))
    slots = sorted(slot_index[(probes[i][0], probes[i][1].code)] for i in left
                   if (probes[i][0], probes[i][1].code) in slot_index)
    return tuple(slots), tuple(stages)


def _venues_for(cls_size: int, enterprise_id: int | None, venues: dict[int, VenueInfo],
                own_venue: int | None = None) -> tuple[int, ...]:
    """The class's own venue (a programme's training centre) when it has one; else its
    enterprise's venues big enough (capacity 0: not recorded, accepted), smallest first; else
    the first training centre big enough."""
    def fits(v: VenueInfo) -> bool:
        return not v.capacity or v.capacity >= cls_size
    if own_venue is not None:
        return (own_venue,) if own_venue in venues and fits(venues[own_venue]) else ()
    own = sorted((v for v in venues.values() if v.enterprise_id == enterprise_id and
                  enterprise_id is not None and fits(v)),
                 key=lambda v: (v.capacity or 10**6, v.id))
    if own:
        return tuple(v.id for v in own)
    centres = sorted((v for v in venues.values() if v.enterprise_id is None and fits(v)),
                     key=lambda v: (v.capacity or 10**6, v.id))
    return (centres[0].id,) if centres else ()


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
    slots: list[Slot] = []
    for date in _grid_days(ctx.calendar, start, end, weekends):
        for period in periods:
            slots.append(Slot(len(slots), date, period.code, period.start, period.end))
    slot_index = {(s.date, s.period): s.index for s in slots}

    # --- classes to plan ----------------------------------------------------------------------
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

    # --- lessons already there: movable, or fixed --------------------------------------------
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
                _site(snapshot.venues.get(facts.venue_id), facts.enterprise_id), slot))

    # --- lecturers: free slots by the rule lecturer_unavailable ------------------------------
    any_class = next(iter(classes.values()), None)
    lecturer_facts = []
    for lid in sorted(lecturers):
        profile = lecturers[lid]
        available = None
        if any_class is not None and (profile.unavailable or profile.weekly):
            probes = [replace(_probe(any_class, s.index + 1, s.date, _period(periods, s.period)),
                              lecturer_id=lid) for s in slots]
            away = {-c.lesson_ids[0] - 1 for c in lecturer_unavailable(probes, ctx)}
            available = frozenset(s.index for s in slots if s.index not in away)
        lecturer_facts.append(LecturerFacts(
            lid, profile.name, tuple(sorted(profile.theme_ids)),
            profile.max_hours_per_day * 60 if profile.max_hours_per_day else None,
            profile.max_hours_per_week * 60 if profile.max_hours_per_week else None, available))

    venues = []
    for vid in sorted(snapshot.venues):
        v = snapshot.venues[vid]
        available = None
        if venue_away is not None and venue_away.resource_id == vid:
            available = frozenset(s.index for s in slots
                                  if not venue_away.start <= s.date <= venue_away.end)
        venues.append(VenueFacts(vid, f"{v.enterprise_name}{v.name}", v.capacity,
                                 v.enterprise_id, available))

    # --- the classes' requests probed with the rules -----------------------------------------
    plan_classes = []
    for key in sorted(classes, key=_class_order):
        record = classes[key]
        allowed, stages = _class_slots(record, start, end, periods, ctx, slot_index)
        venue_ids = _venues_for(record.size, record.enterprise_id, snapshot.venues,
                                record.venue_id)
        site = _site(snapshot.venues.get(venue_ids[0]) if venue_ids else None,
                     record.enterprise_id)
        req = record.request
        plan_classes.append(ClassToPlan(
            key, record.name, record.course_title, record.theme_id, record.theme_name, site,
            record.enterprise_name, record.size, record.lesson_minutes,
            req.start if req and req.start else start, req.end if req and req.end else end,
            req.weekdays if req else "1234567", tuple(req.periods) if req else (),
            allowed, venue_ids, stages, _priority(open_requests, record),
            settings.class_min_gap_days))

    conflicts = []
    keys_by_id = {c.id: k for k, c in classes.items()}
    enrolled = ctx.enrolments
    planned = [cid for cid in keys_by_id if cid in enrolled]
    for a in sorted(planned):
        for b in sorted(enrolled):
            if a != b and enrolled[a] & enrolled[b] and (b not in keys_by_id or a < b):
                conflicts.append((keys_by_id[a], keys_by_id.get(b, f"class:{b}")))

    problem = PlanningProblem(
        tuple(slots), tuple(plan_classes), tuple(sorted(lessons, key=_lesson_order)),
        tuple(lecturer_facts), tuple(venues), tuple(fixed), tuple(conflicts), weights,
        preferred, settings.travel_gap_minutes)
    return BuiltProblem(problem, snapshot, periods, ctx, start, end, classes, new_classes,
                        tuple(request_ids), print_fp,
                        {i: row for i, row in lesson_rows.items()})


def _sequences_taken(uow: UnitOfWork, class_ids: list[int]) -> dict[int, set[int]]:
    """class id → the sequence numbers of its lessons not cancelled."""
    out: dict[int, set[int]] = defaultdict(set)
    with uow:
        for start in range(0, len(class_ids), 500):
            for cohort_id, seq in uow.session.execute(select(Lesson.cohort_id, Lesson.sequence)
                                                      .where(Lesson.cohort_id.in_(
                                                          class_ids[start:start + 500]),
                                                          Lesson.status != "cancelled")):
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


def _grid_days(calendar, start: dt.date, end: dt.date, weekends: bool) -> list[dt.date]:
    """Working days, and the ordinary weekend days too when `weekends`."""
    from trainer.rules.conflicts import RequestWindow, weekend_allowed
    allow = RequestWindow(allow_weekends=True) if weekends else None
    days, date = [], start
    while date <= end:
        day = calendar.day(date)
        if day.working or weekend_allowed(day, allow):
            days.append(date)
        date += dt.timedelta(days=1)
    return days


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


def _period(periods, code: str) -> DayPeriod:
    return next(p for p in periods if p.code == code)


def _priority(requests, record: ClassRecord) -> int:
    for req in requests:
        if req.id == record.request_id:
            return req.priority
    return 0


def _class_order(key: str):
    kind, _, rest = key.partition(":")
    return kind, rest


def _lesson_order(lesson: LessonToPlace):
    return _class_order(lesson.class_key), lesson.sequence, lesson.key
