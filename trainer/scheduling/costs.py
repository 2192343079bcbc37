"""The per-lesson part of the soft goals, shared by the CP-SAT model and the greedy placement:
how far a slot is from the lesson's even spacing over its window, and whether it is a preferred
half-day. (The goals between lessons — one lecturer per class, balanced load, fewer trips — are
in the model; the greedy placement follows them by its choice of lecturer.)"""
from __future__ import annotations

import datetime as dt

from trainer.scheduling.candidates import Candidates, LessonOptions


def planning_window(cands: Candidates, opt: LessonOptions) -> tuple[dt.date, dt.date]:
    """The request's window cut to the planning range."""
    slots = cands.problem.slots
    first, last = slots[0].date, slots[-1].date
    return max(opt.cls.window_start, first), min(opt.cls.window_end, last)


def ideal_date(cands: Candidates, opt: LessonOptions) -> dt.date:
    """Where the lesson would be if the class's lessons were spread evenly over its window."""
    chain = cands.chains.get(opt.cls.key, (opt.lesson.key,))
    position = chain.index(opt.lesson.key) if opt.lesson.key in chain else 0
    start, end = planning_window(cands, opt)
    days = max((end - start).days + 1, 1)
    return start + dt.timedelta(days=int((position + 0.5) * days / max(len(chain), 1)))


def slot_costs(cands: Candidates, opt: LessonOptions) -> dict[int, int]:
    """slot → soft cost of putting this lesson there (spread + preferred half-days)."""
    problem = cands.problem
    weights = problem.weights
    ideal = ideal_date(cands, opt)
    preferred = set(problem.preferred_periods)
    out = {}
    for s in opt.slots:
        slot = problem.slots[s]
        cost = weights.spread * abs((slot.date - ideal).days)
        if slot.period not in preferred:
            cost += weights.preferred_period
        out[s] = cost
    return out


def venue_cost(cands: Candidates, opt: LessonOptions, venue_id: int | None) -> int:
    if venue_id is None:  # an online lesson: no room to prefer
        return 0
    first = opt.cls.venue_ids[0] if opt.cls.venue_ids else None
    return 0 if venue_id == first else cands.problem.weights.same_venue


def place_value(cands: Candidates, opt: LessonOptions) -> int:
    """What placing the lesson is worth in the objective."""
    weights = cands.problem.weights
    return weights.place + weights.priority * opt.cls.priority
