"""Generated planning problems for the bench and the tests: a quarter of in-factory training for
a city or a province, reproducible from a seed.

The calendar here is plain Monday–Friday (three half-days each); real plans get their working
days from trainer.rules.calendar. Requests look like the survey's: a course of 2–6 lessons of
90–180 minutes, a window of three to eight weeks, the weekdays and half-days the shifts allow, a
few blackout days; lecturers teach one or two themes, some with daily or weekly maximums, some
away for a week or two, some only on certain weekdays. A few classes are made impossible on
purpose (a theme nobody teaches, a window with none of its weekdays), so that "everything
placeable placed" is measured against an upper bound, not against the number of lessons."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from trainer.scheduling.problem import (ClassToPlan, LecturerFacts, LessonToPlace,
                                        PlanningProblem, Slot, VenueFacts, Weights)

PERIODS = (("morning", dt.time(8, 30), dt.time(12, 0)),
           ("afternoon", dt.time(14, 0), dt.time(17, 30)),
           ("evening", dt.time(19, 0), dt.time(21, 0)))
THEMES = ((1, "职工心理健康"), (2, "安全生产"), (3, "班组建设与管理"), (4, "线上线下营销"))
UNTAUGHT_THEME = (5, "工匠精神与劳模精神")  # no lecturer teaches it: its classes cannot be placed
WEEKDAY_PATTERNS = ("12345", "12345", "135", "246", "1234", "2345", "24", "35", "13", "1245")
PERIOD_PATTERNS = (("morning", "afternoon"), ("morning",), ("afternoon",),
                   ("afternoon", "evening"), ("evening",), ("morning", "afternoon"))


@dataclass(frozen=True)
class InstanceSize:
    name: str
    enterprises: int
    lecturers: int
    lessons: int


CITY_QUARTER = InstanceSize("city quarter", 40, 15, 300)
PROVINCE_QUARTER = InstanceSize("province quarter", 200, 60, 1500)


def grid(start: dt.date, end: dt.date) -> tuple[Slot, ...]:
    """Monday–Friday × three half-days from start to end."""
    slots = []
    day = start
    while day <= end:
        if day.isoweekday() <= 5:
            for period, begin, finish in PERIODS:
                slots.append(Slot(len(slots), day, period, begin, finish))
        day += dt.timedelta(days=1)
    return tuple(slots)


def generate(size: InstanceSize, seed: int = 1, start: dt.date = dt.date(2027, 3, 1),
             weeks: int = 13, weights: Weights | None = None) -> PlanningProblem:
    rng = random.Random(seed)
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    slots = grid(start, end)
    by_date: dict[dt.date, list[Slot]] = {}
    for slot in slots:
        by_date.setdefault(slot.date, []).append(slot)

    venues: list[VenueFacts] = []
    enterprise_venues: dict[int, list[VenueFacts]] = {}
    for e in range(1, size.enterprises + 1):
        for _ in range(rng.choice((1, 1, 2, 3))):
            venue = VenueFacts(len(venues) + 1, f"企业{e}车间{len(enterprise_venues.get(e, [])) + 1}",
                               rng.randrange(30, 81, 5), e)
            venues.append(venue)
            enterprise_venues.setdefault(e, []).append(venue)

    lecturers = []
    for i in range(1, size.lecturers + 1):
        themes = tuple(sorted(rng.sample([t for t, _ in THEMES], rng.choice((1, 1, 2)))))
        available = None
        roll = rng.random()
        if roll < 0.25:  # away for one or two weeks
            away_from = start + dt.timedelta(days=rng.randrange(weeks * 7 - 14))
            away_to = away_from + dt.timedelta(days=rng.choice((6, 13)))
            available = frozenset(s.index for s in slots if not away_from <= s.date <= away_to)
        elif roll < 0.4:  # only some weekdays
            days = set(rng.sample(range(1, 6), 3))
            available = frozenset(s.index for s in slots if s.date.isoweekday() in days)
        lecturers.append(LecturerFacts(
            i, f"讲师{i}", themes, rng.choice((240, 360, None)), rng.choice((720, 960, None)),
            available))

    classes: list[ClassToPlan] = []
    lessons: list[LessonToPlace] = []
    impossible = max(1, size.lessons // 150)  # classes made unplaceable on purpose
    n = 0
    while len(lessons) < size.lessons:
        n += 1
        enterprise = rng.randrange(1, size.enterprises + 1)
        own = enterprise_venues[enterprise]
        count = min(rng.choice((2, 3, 4, 4, 5, 6)), size.lessons - len(lessons))
        minutes = rng.choice((90, 120, 120, 120, 180))
        length = rng.randint(max(3, count + 1), 8) * 7
        first = start + dt.timedelta(days=rng.randrange(max(1, weeks * 7 - length)))
        last = min(end, first + dt.timedelta(days=length - 1))
        weekdays = rng.choice(WEEKDAY_PATTERNS)
        periods = rng.choice(PERIOD_PATTERNS)
        theme_id, theme_name = rng.choice(THEMES)
        if n <= impossible:
            if n % 2:
                theme_id, theme_name = UNTAUGHT_THEME
            else:
                weekdays = "67"  # weekends only: no working day in the window
        allowed_dates = [d for d in sorted(by_date) if first <= d <= last]
        matching = [d for d in allowed_dates if str(d.isoweekday()) in weekdays]
        blackout = set(rng.sample(matching, min(len(matching) // 5, rng.choice((0, 1, 2)))))
        stages = [("window", sum(len(by_date[d]) for d in allowed_dates))]
        chosen = [s for d in matching for s in by_date[d]]
        stages.append(("weekdays", len(chosen)))
        chosen = [s for s in chosen if s.period in periods]
        stages.append(("periods", len(chosen)))
        chosen = [s for s in chosen if s.date not in blackout]
        stages.append(("blackout", len(chosen)))
        size_ = rng.randrange(20, 61, 5)
        suitable = sorted((v for v in own if v.capacity >= size_), key=lambda v: (v.capacity, v.id))
        if not suitable:
            size_ = max(v.capacity for v in own)
            suitable = [max(own, key=lambda v: (v.capacity, -v.id))]
        key = f"c{n}"
        classes.append(ClassToPlan(
            key, f"班{n}", f"课程{theme_id}-{minutes}", theme_id, theme_name, enterprise,
            f"企业{enterprise}", size_, minutes, first, last, weekdays, periods,
            tuple(s.index for s in chosen), tuple(v.id for v in suitable), tuple(stages),
            rng.choices((0, 1, 2, 3), (5, 3, 2, 1))[0], 1))
        for seq in range(1, count + 1):
            lessons.append(LessonToPlace(f"new:{key}:{seq}", key, seq))
    return PlanningProblem(tuple(slots), tuple(classes), tuple(lessons), tuple(lecturers),
                           tuple(venues), weights=weights or Weights())
