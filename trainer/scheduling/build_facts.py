"""The facts of a planning problem, worked out from what build.py loaded: the grid of slots,
each lecturer's and venue's free slots (probed with the rule lecturer_unavailable), each class's
allowed slots and venues (probed with outside_request and non_working_day), and the classes
that share trainees. Pure: no database."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from trainer.rules.calendar import DayPeriod, lesson_times
from trainer.rules.conflicts import (LessonFacts, LecturerProfile, RequestWindow, RuleContext,
                                     lecturer_unavailable, non_working_day, outside_request)
from trainer.scheduling.problem import (ClassToPlan, LecturerFacts, LessonToPlace, Slot,
                                        VenueFacts)
from trainer.services.schedule_data import ClassRecord, VenueInfo


def site_of(venue: VenueInfo | None, enterprise_id: int | None) -> int | None:
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


def lesson_order(lesson: LessonToPlace):
    return _class_order(lesson.class_key), lesson.sequence, lesson.key


def grid_slots(calendar, start: dt.date, end: dt.date, periods, weekends: bool
               ) -> tuple[list[Slot], dict[tuple[dt.date, str], int]]:
    """The grid: (working day, or weekend day when `weekends`) × day period, and each slot's
    index by (date, period code)."""
    slots: list[Slot] = []
    for date in _grid_days(calendar, start, end, weekends):
        for period in periods:
            slots.append(Slot(len(slots), date, period.code, period.start, period.end))
    return slots, {(s.date, s.period): s.index for s in slots}


def lecturer_facts(lecturers: dict[int, LecturerProfile], classes: dict[str, ClassRecord],
                   slots: list[Slot], periods, ctx: RuleContext) -> list[LecturerFacts]:
    """Each lecturer with the slots the rule lecturer_unavailable leaves free (None: all)."""
    any_class = next(iter(classes.values()), None)
    out = []
    for lid in sorted(lecturers):
        profile = lecturers[lid]
        available = None
        if any_class is not None and (profile.unavailable or profile.weekly):
            probes = [replace(_probe(any_class, s.index + 1, s.date, _period(periods, s.period)),
                              lecturer_id=lid) for s in slots]
            away = {-c.lesson_ids[0] - 1 for c in lecturer_unavailable(probes, ctx)}
            available = frozenset(s.index for s in slots if s.index not in away)
        out.append(LecturerFacts(
            lid, profile.name, tuple(sorted(profile.theme_ids)),
            profile.max_hours_per_day * 60 if profile.max_hours_per_day else None,
            profile.max_hours_per_week * 60 if profile.max_hours_per_week else None, available))
    return out


def venue_facts(venues: dict[int, VenueInfo], slots: list[Slot], venue_away) -> list[VenueFacts]:
    """Each venue, with the slots left free by `venue_away` (a re-plan's) when it is that one."""
    out = []
    for vid in sorted(venues):
        v = venues[vid]
        available = None
        if venue_away is not None and venue_away.resource_id == vid:
            available = frozenset(s.index for s in slots
                                  if not venue_away.start <= s.date <= venue_away.end)
        out.append(VenueFacts(vid, f"{v.enterprise_name}{v.name}", v.capacity,
                              v.enterprise_id, available))
    return out


def classes_to_plan(classes: dict[str, ClassRecord], start: dt.date, end: dt.date, periods,
                    ctx: RuleContext, slot_index, venues: dict[int, VenueInfo], open_requests,
                    min_gap_days: int) -> list[ClassToPlan]:
    """Each class with the slots its request allows (and what each rule removed) and the
    venues that hold it."""
    out = []
    for key in sorted(classes, key=_class_order):
        record = classes[key]
        allowed, stages = _class_slots(record, start, end, periods, ctx, slot_index)
        venue_ids = _venues_for(record.size, record.enterprise_id, venues, record.venue_id)
        site = site_of(venues.get(venue_ids[0]) if venue_ids else None, record.enterprise_id)
        req = record.request
        out.append(ClassToPlan(
            key, record.name, record.course_title, record.theme_id, record.theme_name, site,
            record.enterprise_name, record.size, record.lesson_minutes,
            req.start if req and req.start else start, req.end if req and req.end else end,
            req.weekdays if req else "1234567", tuple(req.periods) if req else (),
            allowed, venue_ids, stages, _priority(open_requests, record), min_gap_days))
    return out


def class_conflicts(classes: dict[str, ClassRecord], ctx: RuleContext
                    ) -> list[tuple[str, str]]:
    """Pairs of classes (to plan, or already there) sharing an active trainee."""
    conflicts = []
    keys_by_id = {c.id: k for k, c in classes.items()}
    enrolled = ctx.enrolments
    planned = [cid for cid in keys_by_id if cid in enrolled]
    for a in sorted(planned):
        for b in sorted(enrolled):
            if a != b and enrolled[a] & enrolled[b] and (b not in keys_by_id or a < b):
                conflicts.append((keys_by_id[a], keys_by_id.get(b, f"class:{b}")))
    return conflicts
