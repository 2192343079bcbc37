"""Where each lesson could go, before lessons compete with one another.

The unary part of the rules, applied once and shared by the CP-SAT model, the greedy placement,
the upper bound and the explanations: the class's allowed slots, the lesson's length against the
day's periods, the order of the class against its fixed lessons, and per lecturer and per venue
the slots left free by availability and by the lessons that stay (including the travel gap)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from trainer.scheduling.problem import (ClassToPlan, FixedLesson, LessonToPlace, PlanningProblem,
                                        Slot, minute_of_day, week_key)


ONLINE = None  # the "venue" of an online lesson: it holds any number of lessons at once


def venue_rank(opt: "LessonOptions", venue_id: int | None) -> int:
    """The venue's place in the class's order of suitability (an online lesson's: first)."""
    return opt.cls.venue_ids.index(venue_id) if venue_id in opt.cls.venue_ids else -1


@dataclass(frozen=True)
class LessonOptions:
    lesson: LessonToPlace
    cls: ClassToPlan
    slots: tuple[int, ...]  # allowed grid slots, before lecturers and venues
    lecturers: dict[int, tuple[int, ...]]  # qualified lecturer → the allowed slots they can take
    venues: dict[int | None, tuple[int, ...]]  # candidate venue → the allowed slots it is free
    #                                              (an online lesson: {None: every allowed slot})
    stages: tuple[tuple[str, int], ...]  # slots left after each lesson-level filter

    @property
    def minutes(self) -> int:
        return self.cls.lesson_minutes

    def usable_slots(self) -> tuple[int, ...]:
        """Slots where some lecturer and some venue are both free for this lesson."""
        by_lecturer = set().union(*self.lecturers.values()) if self.lecturers else set()
        by_venue = set().union(*self.venues.values()) if self.venues else set()
        return tuple(sorted(by_lecturer & by_venue))


@dataclass(frozen=True)
class Candidates:
    problem: PlanningProblem
    options: dict[str, LessonOptions]  # lesson key → options, in problem order
    chains: dict[str, tuple[str, ...]]  # class key → its lessons and fixed lessons by sequence
    fixed_by_key: dict[str, FixedLesson]
    fixed_day_minutes: dict[tuple[int, dt.date], int]  # (lecturer, date) → minutes that stay
    fixed_week_minutes: dict[tuple[int, tuple[int, int]], int]
    travel_pairs: dict[int, tuple[tuple[int, int], ...]]  # lesson minutes → same-day slot pairs
    #                                                        that need the travel gap between


def lesson_end_minute(slot: Slot, minutes: int) -> int:
    return slot.start_minute + minutes


def fits_slot(slots: tuple[Slot, ...], index: int, minutes: int) -> bool:
    """A lesson must end before the next period of the same day starts, so that one period holds
    one lesson of a lecturer or venue."""
    slot = slots[index]
    if index + 1 < len(slots) and slots[index + 1].date == slot.date:
        return lesson_end_minute(slot, minutes) <= slots[index + 1].start_minute
    return lesson_end_minute(slot, minutes) <= 24 * 60


def _overlaps(slot: Slot, minutes: int, fixed: FixedLesson, gap: int) -> bool:
    if fixed.date != slot.date:
        return False
    start, end = slot.start_minute, slot.start_minute + minutes
    return start < minute_of_day(fixed.end) + gap and minute_of_day(fixed.start) < end + gap


def _chain_bounds(problem: PlanningProblem, cls: ClassToPlan, lesson: LessonToPlace,
                  chain_fixed: list[FixedLesson]) -> tuple[tuple[dt.date, int] | None,
                                                            tuple[dt.date, int] | None]:
    """The fixed lessons of the class just before and just after this one, as (date, minute)."""
    before = [f for f in chain_fixed if f.sequence < lesson.sequence]
    after = [f for f in chain_fixed if f.sequence > lesson.sequence]
    low = max(before, key=lambda f: f.sequence, default=None)
    high = min(after, key=lambda f: f.sequence, default=None)
    return ((low.date, minute_of_day(low.start)) if low else None,
            (high.date, minute_of_day(high.start)) if high else None)


def _respects_chain(slot: Slot, cls: ClassToPlan, low, high) -> bool:
    here = (slot.date, slot.start_minute)
    gap = dt.timedelta(days=cls.min_gap_days)
    if low is not None and (here <= low or slot.date < low[0] + gap):
        return False
    if high is not None and (here >= high or slot.date > high[0] - gap):
        return False
    return True


def compute_candidates(problem: PlanningProblem) -> Candidates:
    slots = problem.slots
    classes = problem.class_by_key()
    fixed_by_class: dict[str, list[FixedLesson]] = defaultdict(list)
    # lecturer (venue) → date → its lessons that stay: a slot is compared with its own day only
    fixed_by_lecturer: dict[int, dict[dt.date, list[FixedLesson]]] = defaultdict(
        lambda: defaultdict(list))
    fixed_by_venue: dict[int, dict[dt.date, list[FixedLesson]]] = defaultdict(
        lambda: defaultdict(list))
    day_minutes: dict[tuple[int, dt.date], int] = defaultdict(int)
    week_minutes: dict[tuple[int, tuple[int, int]], int] = defaultdict(int)
    for f in problem.fixed:
        if f.class_key is not None:
            fixed_by_class[f.class_key].append(f)
        if f.lecturer_id is not None:
            fixed_by_lecturer[f.lecturer_id][f.date].append(f)
            day_minutes[(f.lecturer_id, f.date)] += f.minutes
            week_minutes[(f.lecturer_id, week_key(f.date))] += f.minutes
        if f.venue_id is not None:
            fixed_by_venue[f.venue_id][f.date].append(f)
    conflicting: dict[str, set[str]] = defaultdict(set)
    for a, b in problem.class_conflicts:
        conflicting[a].add(b)
        conflicting[b].add(a)

    qualified: dict[int, list] = defaultdict(list)
    for lec in problem.lecturers:
        for theme in lec.theme_ids:
            qualified[theme].append(lec)
    resources: dict[tuple, tuple[dict, dict]] = {}  # lessons of a class mostly share them
    venue_facts = problem.venue_by_id()
    options: dict[str, LessonOptions] = {}
    for lesson in problem.lessons:
        cls = classes[lesson.class_key]
        stages = []
        allowed = [s for s in cls.slots if fits_slot(slots, s, cls.lesson_minutes)]
        stages.append(("lesson_length", len(allowed)))
        low, high = _chain_bounds(problem, cls, lesson, fixed_by_class.get(cls.key, []))
        allowed = [s for s in allowed if _respects_chain(slots[s], cls, low, high)]
        stages.append(("class_order", len(allowed)))
        # lessons that stay, of this class or of a class sharing trainees, hold their half-day
        blockers = list(fixed_by_class.get(cls.key, []))
        for other in sorted(conflicting.get(cls.key, ())):
            blockers.extend(fixed_by_class.get(other, []))
        allowed = [s for s in allowed
                   if not any(_overlaps(slots[s], cls.lesson_minutes, f, 0) for f in blockers)]
        stages.append(("trainees_busy", len(allowed)))
        cache_key = (cls.key, tuple(allowed))
        if cache_key not in resources:
            resources[cache_key] = _resources(problem, cls, allowed, qualified[cls.theme_id],
                                              fixed_by_lecturer, fixed_by_venue, venue_facts)
        lecturers, venues = resources[cache_key]
        if lesson.online:  # no room: every allowed slot, whatever the venues hold
            venues = {ONLINE: tuple(allowed)}
        options[lesson.key] = LessonOptions(lesson, cls, tuple(allowed), lecturers, venues,
                                            tuple(stages))

    chains: dict[str, tuple[str, ...]] = {}
    by_class: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for lesson in problem.lessons:
        by_class[lesson.class_key].append((lesson.sequence, lesson.key))
    for key, fixed in fixed_by_class.items():
        if key in by_class:
            by_class[key].extend((f.sequence, f.key) for f in fixed)
    for key, items in by_class.items():
        chains[key] = tuple(k for _, k in sorted(items))

    return Candidates(problem, options, chains, {f.key: f for f in problem.fixed},
                      dict(day_minutes), dict(week_minutes), _travel_pairs(problem))


def _resources(problem: PlanningProblem, cls: ClassToPlan, allowed: list[int], qualified: list,
               fixed_by_lecturer: dict, fixed_by_venue: dict, venue_facts: dict
               ) -> tuple[dict, dict]:
    """Per qualified lecturer and per candidate venue: the allowed slots it can take."""
    slots = problem.slots
    gap = problem.travel_gap_minutes
    lecturers: dict[int, tuple[int, ...]] = {}
    for lec in qualified:
        free = allowed if lec.available is None else [s for s in allowed if s in lec.available]
        busy = fixed_by_lecturer.get(lec.id)
        if busy:
            free = [s for s in free if not any(
                _overlaps(slots[s], cls.lesson_minutes, f,
                          gap if f.enterprise_id != cls.enterprise_id else 0)
                for f in busy.get(slots[s].date, ()))]
        lecturers[lec.id] = tuple(free)
    venues: dict[int, tuple[int, ...]] = {}
    for vid in cls.venue_ids:
        venue = venue_facts[vid]
        free = allowed if venue.available is None else [s for s in allowed
                                                        if s in venue.available]
        busy = fixed_by_venue.get(vid)
        if busy:
            free = [s for s in free if not any(_overlaps(slots[s], cls.lesson_minutes, f, 0)
                                               for f in busy.get(slots[s].date, ()))]
        venues[vid] = tuple(free)
    return lecturers, venues


def _travel_pairs(problem: PlanningProblem) -> dict[int, tuple[tuple[int, int], ...]]:
    """For each lesson length: pairs (s1, s2) of slots of one day, s1 first, where a lesson of
    that length in s1 ends less than the travel gap before s2 starts."""
    out: dict[int, tuple[tuple[int, int], ...]] = {}
    if problem.travel_gap_minutes <= 0:
        return out
    by_date: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in problem.slots:
        by_date[slot.date].append(slot)
    for minutes in sorted({c.lesson_minutes for c in problem.classes}):
        pairs = []
        for day in by_date.values():
            for i, first in enumerate(day):
                for second in day[i + 1:]:
                    if first.start_minute + minutes + problem.travel_gap_minutes \
                            > second.start_minute:
                        pairs.append((first.index, second.index))
        out[minutes] = tuple(pairs)
    return out
