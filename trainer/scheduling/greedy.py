"""A simple greedy placement: class by class (most urgent and most constrained first), lesson by
lesson, the cheapest free slot, with the class's lecturer if possible, else the least loaded one.

It is the yardstick the bench compares CP-SAT with, and the hint CP-SAT starts from."""
from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict

from trainer.scheduling.candidates import (ONLINE, Candidates, LessonOptions, compute_candidates,
                                           venue_rank)
from trainer.scheduling.costs import slot_costs, venue_cost
from trainer.scheduling.problem import Placement, Plan, PlanningProblem, week_key


class _State:
    """What is taken so far: lecturers' lessons per day, venues, classes' half-days, loads."""

    def __init__(self, cands: Candidates) -> None:
        self.cands = cands
        problem = cands.problem
        self.slots = problem.slots
        self.lecturers = problem.lecturer_by_id()
        self.day_minutes = defaultdict(int, cands.fixed_day_minutes)
        self.week_minutes = defaultdict(int, cands.fixed_week_minutes)
        self.lecturer_day: dict[tuple[int, dt.date], list[tuple[int, int, int | None]]] = \
            defaultdict(list)
        self.venue_slots: set[tuple[int, int]] = set()
        self.class_slots: dict[str, set[int]] = defaultdict(set)
        self.load: dict[int, int] = defaultdict(int)
        self.class_lecturers: dict[str, list[int]] = defaultdict(list)
        self.conflicting: dict[str, set[str]] = defaultdict(set)
        for a, b in problem.class_conflicts:
            self.conflicting[a].add(b)
            self.conflicting[b].add(a)
        for f in problem.fixed:
            if f.class_key and f.lecturer_id is not None:
                self.class_lecturers[f.class_key].append(f.lecturer_id)
        self.placements: dict[str, Placement] = {}

    def lecturer_free(self, opt: LessonOptions, lid: int, s: int) -> bool:
        lec = self.lecturers[lid]
        slot = self.slots[s]
        minutes = opt.minutes
        if lec.max_minutes_per_day is not None and \
                self.day_minutes[(lid, slot.date)] + minutes > lec.max_minutes_per_day:
            return False
        if lec.max_minutes_per_week is not None and \
                self.week_minutes[(lid, week_key(slot.date))] + minutes > lec.max_minutes_per_week:
            return False
        gap = self.cands.problem.travel_gap_minutes
        start, end = slot.start_minute, slot.start_minute + minutes
        for other_start, other_end, place in self.lecturer_day[(lid, slot.date)]:
            need = gap if place != opt.cls.enterprise_id else 0
            if start < other_end + need and other_start < end + need:
                return False
        return True

    def class_free(self, opt: LessonOptions, s: int) -> bool:
        key = opt.cls.key
        return s not in self.class_slots[key] and not any(
            s in self.class_slots[other] for other in self.conflicting[key])

    def take(self, opt: LessonOptions, place: Placement) -> None:
        slot = self.slots[place.slot]
        lid = place.lecturer_id
        self.day_minutes[(lid, slot.date)] += opt.minutes
        self.week_minutes[(lid, week_key(slot.date))] += opt.minutes
        self.lecturer_day[(lid, slot.date)].append(
            (slot.start_minute, slot.start_minute + opt.minutes, opt.cls.enterprise_id))
        if place.venue_id is not ONLINE:
            self.venue_slots.add((place.venue_id, place.slot))
        self.class_slots[opt.cls.key].add(place.slot)
        self.load[lid] += opt.minutes
        self.class_lecturers[opt.cls.key].append(lid)
        self.placements[opt.lesson.key] = place

    def untake(self, opt: LessonOptions) -> None:
        place = self.placements.pop(opt.lesson.key)
        slot = self.slots[place.slot]
        lid = place.lecturer_id
        self.day_minutes[(lid, slot.date)] -= opt.minutes
        self.week_minutes[(lid, week_key(slot.date))] -= opt.minutes
        self.lecturer_day[(lid, slot.date)].remove(
            (slot.start_minute, slot.start_minute + opt.minutes, opt.cls.enterprise_id))
        self.venue_slots.discard((place.venue_id, place.slot))
        self.class_slots[opt.cls.key].discard(place.slot)
        self.load[lid] -= opt.minutes
        self.class_lecturers[opt.cls.key].remove(lid)

    def chain_bounds(self, opt: LessonOptions) -> tuple[tuple | None, tuple | None]:
        """(date, minute) of the nearest placed or fixed lesson of the class before and after."""
        low = high = None
        chain = self.cands.chains.get(opt.cls.key, ())
        here = chain.index(opt.lesson.key)
        for key in reversed(chain[:here]):
            low = self._when(key)
            if low is not None:
                break
        for key in chain[here + 1:]:
            high = self._when(key)
            if high is not None:
                break
        return low, high

    def _when(self, key: str):
        if key in self.placements:
            slot = self.slots[self.placements[key].slot]
            return slot.date, slot.start_minute
        fixed = self.cands.fixed_by_key.get(key)
        if fixed is not None:
            return fixed.date, fixed.start.hour * 60 + fixed.start.minute
        return None


def _try_place(state: _State, opt: LessonOptions, order: list[int],
               lecturer_slots: dict[int, set[int]], venue_slots: dict[int, set[int]]
               ) -> Placement | None:
    low, high = state.chain_bounds(opt)
    gap = dt.timedelta(days=opt.cls.min_gap_days)
    preferred = list(dict.fromkeys(state.class_lecturers[opt.cls.key]))
    others = sorted((lid for lid in lecturer_slots if lid not in preferred),
                    key=lambda lid: (state.load[lid], lid))
    lecturer_order = [lid for lid in preferred + others if lid in lecturer_slots]
    venue_order = sorted(opt.venues, key=lambda v: (venue_cost(state.cands, opt, v),
                                                    venue_rank(opt, v)))
    for s in order:
        slot = state.slots[s]
        here = (slot.date, slot.start_minute)
        if low is not None and (here <= low or slot.date < low[0] + gap):
            continue
        if high is not None and (here >= high or slot.date > high[0] - gap):
            continue
        if not state.class_free(opt, s):
            continue
        venue = next((v for v in venue_order
                      if s in venue_slots[v] and (v, s) not in state.venue_slots), False)
        if venue is False:
            continue
        lecturer = next((lid for lid in lecturer_order
                         if s in lecturer_slots[lid] and state.lecturer_free(opt, lid, s)), None)
        if lecturer is not None:
            return Placement(s, lecturer, venue)
    return None


def _place_lessons(state: _State, lessons: list[LessonOptions], only: int | None) -> list:
    """Places the class's lessons in order (with lecturer `only`, or any); returns those placed.
    A new lesson never goes before an earlier one of its class."""
    placed, blocked = [], False
    for opt in lessons:
        if opt.lesson.key in state.placements or (blocked and opt.lesson.current is None):
            continue
        costs = slot_costs(state.cands, opt)
        order = sorted(opt.slots, key=lambda s: (costs[s], s))
        lecturers = {lid: set(v) for lid, v in opt.lecturers.items() if only in (None, lid)}
        place = _try_place(state, opt, order, lecturers,
                           {vid: set(v) for vid, v in opt.venues.items()})
        if place is None:
            blocked = blocked or opt.lesson.current is None
            continue
        state.take(opt, place)
        placed.append(opt)
    return placed


def _place_class(state: _State, lessons: list[LessonOptions], tries: int = 6) -> None:
    """One lecturer for the whole class when one can take every lesson (the class's own
    lecturer first, then the least loaded); else lesson by lesson with any lecturer."""
    todo = [o for o in lessons if o.lesson.key not in state.placements]
    if not todo:
        return
    qualified = set.intersection(*(set(o.lecturers) for o in todo))
    own = [lid for lid in dict.fromkeys(state.class_lecturers[todo[0].cls.key])
           if lid in qualified]
    others = sorted(qualified - set(own), key=lambda lid: (state.load[lid], lid))
    for lid in (own + others)[:tries]:
        placed = _place_lessons(state, todo, lid)
        if len(placed) == len(todo):
            return
        for opt in reversed(placed):
            state.untake(opt)
    _place_lessons(state, todo, None)


def greedy_plan(problem: PlanningProblem, cands: Candidates | None = None) -> Plan:
    started = time.perf_counter()
    cands = cands or compute_candidates(problem)
    state = _State(cands)
    options = cands.options

    # existing lessons first stay where they are, when that is still allowed
    for key, opt in options.items():
        current = opt.lesson.current
        if current is None or opt.lesson.must_move:
            continue
        if current.slot in opt.lecturers.get(current.lecturer_id, ()) and \
                current.slot in opt.venues.get(current.venue_id, ()) and \
                (current.venue_id, current.slot) not in state.venue_slots and \
                state.class_free(opt, current.slot) and \
                state.lecturer_free(opt, current.lecturer_id, current.slot):
            low, high = state.chain_bounds(opt)
            slot = problem.slots[current.slot]
            here = (slot.date, slot.start_minute)
            if (low is None or here > low) and (high is None or here < high):
                state.take(opt, current)

    by_class: dict[str, list[LessonOptions]] = defaultdict(list)
    for opt in options.values():
        by_class[opt.cls.key].append(opt)
    for lessons in by_class.values():
        lessons.sort(key=lambda o: o.lesson.sequence)

    def urgency(key: str):
        first = by_class[key][0]
        return (-first.cls.priority, len(first.usable_slots()), key)

    for key in sorted(by_class, key=urgency):
        _place_class(state, by_class[key])
    unplaced = tuple(k for k in options if k not in state.placements)
    return Plan(dict(sorted(state.placements.items())), unplaced, "greedy",
                seconds=time.perf_counter() - started)
