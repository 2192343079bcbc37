"""An independent check of a plan against its problem's hard rules, written from the rules and
not from the model, so that tests catch a model that forgot one. (Plans made from the database
are checked again by the conflict rules of trainer.rules before they are offered.)"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from trainer.scheduling.candidates import fits_slot
from trainer.scheduling.problem import Plan, PlanningProblem, week_key


@dataclass(frozen=True)
class _Booked:
    key: str
    class_key: str | None
    sequence: int
    date: dt.date
    start: int  # minute of the day
    end: int
    lecturer_id: int | None
    venue_id: int | None
    enterprise_id: int | None


def _booked(problem: PlanningProblem, plan: Plan) -> list[_Booked]:
    classes = problem.class_by_key()
    out = [_Booked(f.key, f.class_key, f.sequence, f.date, f.start.hour * 60 + f.start.minute,
                   f.end.hour * 60 + f.end.minute, f.lecturer_id, f.venue_id, f.enterprise_id)
           for f in problem.fixed]
    lessons = {lesson.key: lesson for lesson in problem.lessons}
    for key, place in sorted(plan.placements.items()):
        lesson = lessons[key]
        cls = classes[lesson.class_key]
        slot = problem.slots[place.slot]
        out.append(_Booked(key, cls.key, lesson.sequence, slot.date, slot.start_minute,
                           slot.start_minute + cls.lesson_minutes, place.lecturer_id,
                           place.venue_id, cls.enterprise_id))
    return out


def check_plan(problem: PlanningProblem, plan: Plan) -> list[str]:
    """Every broken hard rule, one line each; empty when the plan is sound."""
    problems: list[str] = []
    classes = problem.class_by_key()
    lecturers = problem.lecturer_by_id()
    venues = problem.venue_by_id()
    lessons = {lesson.key: lesson for lesson in problem.lessons}
    unknown = set(plan.placements) - set(lessons)
    if unknown:
        problems.append(f"placements of unknown lessons {sorted(unknown)}")
    if set(plan.unplaced) & set(plan.placements):
        problems.append("a lesson is both placed and unplaced")
    problems += _placement_faults(problem, plan, classes, lecturers, venues, lessons)
    booked = _booked(problem, plan)
    problems += _clashes(problem, booked)
    problems += _overloads(problem, plan, booked, lecturers)
    problems += _order_faults(classes, booked)
    problems += _gaps(plan, lessons)
    return problems


def _placement_faults(problem: PlanningProblem, plan: Plan, classes, lecturers, venues,
                      lessons) -> list[str]:
    """Each placement against its lesson: slot, lecturer and venue allowed and free."""
    problems: list[str] = []
    for key, place in sorted(plan.placements.items()):
        if key not in lessons:
            continue
        cls = classes[lessons[key].class_key]
        if place.slot not in cls.slots:
            problems.append(f"{key}: slot {place.slot} not allowed by its request")
        elif not fits_slot(problem.slots, place.slot, cls.lesson_minutes):
            problems.append(f"{key}: too long for slot {place.slot}")
        lec = lecturers.get(place.lecturer_id)
        if lec is None or cls.theme_id not in lec.theme_ids:
            problems.append(f"{key}: lecturer {place.lecturer_id} not qualified")
        elif not lec.can_teach(place.slot):
            problems.append(f"{key}: lecturer {place.lecturer_id} unavailable in {place.slot}")
        if lessons[key].online:
            if place.venue_id is not None:
                problems.append(f"{key}: online lesson given venue {place.venue_id}")
        elif place.venue_id not in cls.venue_ids:
            problems.append(f"{key}: venue {place.venue_id} not suitable")
        elif not venues[place.venue_id].can_host(place.slot):
            problems.append(f"{key}: venue {place.venue_id} unavailable in {place.slot}")
    return problems


def _clashes(problem: PlanningProblem, booked: list[_Booked]) -> list[str]:
    """Two lessons at once for one lecturer (or without the travel gap), venue or trainees."""
    problems: list[str] = []
    by_date: dict[dt.date, list[_Booked]] = defaultdict(list)
    for b in booked:
        by_date[b.date].append(b)
    conflicting = {frozenset(pair) for pair in problem.class_conflicts}
    gap = problem.travel_gap_minutes
    for date, items in sorted(by_date.items()):
        items.sort(key=lambda b: (b.start, b.key))
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                overlap = a.start < b.end and b.start < a.end
                if a.lecturer_id is not None and a.lecturer_id == b.lecturer_id:
                    need = gap if a.enterprise_id != b.enterprise_id else 0
                    if a.start < b.end + need and b.start < a.end + need:
                        problems.append(f"lecturer {a.lecturer_id} double-booked or without "
                                        f"travel gap: {a.key} and {b.key} on {date}")
                if overlap and a.venue_id is not None and a.venue_id == b.venue_id:
                    problems.append(f"venue {a.venue_id} double-booked: {a.key} and {b.key}")
                if overlap and a.class_key is not None and (
                        a.class_key == b.class_key
                        or frozenset((a.class_key, b.class_key)) in conflicting):
                    problems.append(f"trainees in two lessons at once: {a.key} and {b.key}")
    return problems


def _overloads(problem: PlanningProblem, plan: Plan, booked: list[_Booked],
               lecturers) -> list[str]:
    """Lecturers over their daily or weekly maximum where the plan placed them."""
    problems: list[str] = []
    day_load: dict[tuple[int, dt.date], int] = defaultdict(int)
    week_load: dict[tuple[int, tuple[int, int]], int] = defaultdict(int)
    for b in booked:
        if b.lecturer_id is not None:
            day_load[(b.lecturer_id, b.date)] += b.end - b.start
            week_load[(b.lecturer_id, week_key(b.date))] += b.end - b.start
    placed_days = {(p.lecturer_id, problem.slots[p.slot].date) for p in plan.placements.values()}
    placed_weeks = {(lid, week_key(date)) for lid, date in placed_days}
    for (lid, date), minutes in sorted(day_load.items()):
        cap = lecturers[lid].max_minutes_per_day if lid in lecturers else None
        if (lid, date) in placed_days and cap is not None and minutes > cap:
            problems.append(f"lecturer {lid} over daily maximum on {date}: {minutes} min")
    for (lid, week), minutes in sorted(week_load.items()):
        cap = lecturers[lid].max_minutes_per_week if lid in lecturers else None
        if (lid, week) in placed_weeks and cap is not None and minutes > cap:
            problems.append(f"lecturer {lid} over weekly maximum in week {week}: {minutes} min")
    return problems


def _order_faults(classes, booked: list[_Booked]) -> list[str]:
    """A class's lessons out of order or closer than its minimum gap."""
    problems: list[str] = []
    by_class: dict[str, list[_Booked]] = defaultdict(list)
    for b in booked:
        if b.class_key in classes:
            by_class[b.class_key].append(b)
    for key, items in sorted(by_class.items()):
        items.sort(key=lambda b: b.sequence)
        min_gap = dt.timedelta(days=classes[key].min_gap_days)
        for a, b in zip(items, items[1:]):
            if (b.date, b.start) <= (a.date, a.start) or b.date - a.date < min_gap:
                problems.append(f"class {key}: lesson {b.sequence} out of order or too close "
                                f"to lesson {a.sequence}")
    return problems


def _gaps(plan: Plan, lessons) -> list[str]:
    """A lesson left unplaced while a later one of its class is placed."""
    problems: list[str] = []
    placed_sequences: dict[str, set[int]] = defaultdict(set)
    for key in plan.placements:
        if key in lessons:
            placed_sequences[lessons[key].class_key].add(lessons[key].sequence)
    for key in plan.unplaced:
        lesson = lessons.get(key)
        if lesson and any(s > lesson.sequence for s in placed_sequences[lesson.class_key]):
            problems.append(f"class {lesson.class_key}: a later lesson is placed while "
                            f"lesson {lesson.sequence} is not")
    return problems
