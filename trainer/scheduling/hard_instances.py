"""Hard planning problems for the bench and the tests: quarters where lessons compete for few
lecturers, so that where one class goes decides whether another can be placed at all.

What makes them hard, each a knob of `Tightness`:
- scarce qualified lecturers: few lecturers a lesson, some themes taught by two or three people
  who also teach a common theme (a greedy choice of them for the common theme starves the rare);
- weekly-hour limits that bind: every lecturer has a weekly maximum of two or three lessons;
- narrow windows: one to three weeks a class, on two or three weekdays;
- blackout dates: one to three per class;
- lecturers' unavailability: away for a week or two, or teaching only on some weekdays.
Venues are ample (each enterprise has rooms for every class), so the lecturers are what binds
and the max-flow bound (trainer.scheduling.bounds, with daily and weekly maximums) is tight."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from trainer.scheduling.instances import THEMES, InstanceSize, grid
from trainer.scheduling.problem import (ClassToPlan, LecturerFacts, LessonToPlace,
                                        PlanningProblem, VenueFacts, Weights)

RARE_THEME = (5, "工匠精神与劳模精神")  # taught by few lecturers, who also teach a common theme
HARD_WEEKDAYS = ("135", "24", "246", "13", "35", "25", "14", "1245")
HARD_PERIODS = (("morning", "afternoon"), ("morning",), ("afternoon",))


@dataclass(frozen=True)
class Tightness:
    weekly_lessons: tuple[int, ...] = (2, 2, 3)  # weekly maximum, in lessons of 180 minutes
    window_weeks: tuple[int, int] = (1, 3)
    blackout_days: tuple[int, int] = (1, 3)
    rare_share: float = 0.15  # of the classes: the rare theme
    rare_lecturers: int = 3
    away_share: float = 0.35  # of the lecturers: away a week or two
    weekday_share: float = 0.2  # of the lecturers: only three weekdays


HARD_PROVINCE = InstanceSize("hard province quarter", 200, 40, 1500)
HARD_CITY = InstanceSize("hard city quarter", 40, 8, 300)


def _lecturers(rng: random.Random, size: InstanceSize, tight: Tightness, slots, start, weeks
               ) -> list[LecturerFacts]:
    count = size.lecturers
    common = [t for t, _ in THEMES]
    out = []
    for i in range(1, count + 1):
        themes = set(rng.sample(common, rng.choice((1, 1, 2))))
        if i <= tight.rare_lecturers:
            themes.add(RARE_THEME[0])
        available = None
        roll = rng.random()
        if roll < tight.away_share:
            away_from = start + dt.timedelta(days=rng.randrange(weeks * 7 - 14))
            away_to = away_from + dt.timedelta(days=rng.choice((6, 13)))
            available = frozenset(s.index for s in slots if not away_from <= s.date <= away_to)
        elif roll < tight.away_share + tight.weekday_share:
            days = set(rng.sample(range(1, 6), 3))
            available = frozenset(s.index for s in slots if s.date.isoweekday() in days)
        week = rng.choice(tight.weekly_lessons) * 180
        out.append(LecturerFacts(i, f"讲师{i}", tuple(sorted(themes)), 360, week, available))
    return out


def generate_hard(size: InstanceSize = HARD_PROVINCE, seed: int = 1,
                  tight: Tightness = Tightness(), start: dt.date = dt.date(2027, 3, 1),
                  weeks: int = 13, weights: Weights | None = None) -> PlanningProblem:
    rng = random.Random(seed)
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    slots = grid(start, end)
    by_date: dict[dt.date, list] = {}
    for slot in slots:
        by_date.setdefault(slot.date, []).append(slot)
    venues = [VenueFacts(e * 2 - 1 + k, f"企业{e}教室{k + 1}", 80, e)
              for e in range(1, size.enterprises + 1) for k in range(2)]
    lecturers = _lecturers(rng, size, tight, slots, start, weeks)
    classes: list[ClassToPlan] = []
    lessons: list[LessonToPlace] = []
    n = 0
    while len(lessons) < size.lessons:
        n += 1
        enterprise = rng.randrange(1, size.enterprises + 1)
        count = min(rng.choice((2, 3, 3, 4)), size.lessons - len(lessons))
        minutes = rng.choice((120, 180))
        length = rng.randint(*tight.window_weeks) * 7
        first = start + dt.timedelta(days=rng.randrange(max(1, weeks * 7 - length)))
        last = min(end, first + dt.timedelta(days=length - 1))
        weekdays = rng.choice(HARD_WEEKDAYS)
        periods = rng.choice(HARD_PERIODS)
        if rng.random() < tight.rare_share:
            theme_id, theme_name = RARE_THEME
        else:
            theme_id, theme_name = rng.choice(THEMES)
        allowed = [d for d in sorted(by_date) if first <= d <= last]
        matching = [d for d in allowed if str(d.isoweekday()) in weekdays]
        blackout = set(rng.sample(matching, min(len(matching) // 3,
                                                rng.randint(*tight.blackout_days))))
        stages = [("window", sum(len(by_date[d]) for d in allowed))]
        chosen = [s for d in matching for s in by_date[d]]
        stages.append(("weekdays", len(chosen)))
        chosen = [s for s in chosen if s.period in periods]
        stages.append(("periods", len(chosen)))
        chosen = [s for s in chosen if s.date not in blackout]
        stages.append(("blackout", len(chosen)))
        key = f"h{n}"
        classes.append(ClassToPlan(
            key, f"班{n}", f"课程{theme_id}-{minutes}", theme_id, theme_name, enterprise,
            f"企业{enterprise}", rng.randrange(20, 61, 5), minutes, first, last, weekdays,
            periods, tuple(s.index for s in chosen), (enterprise * 2 - 1, enterprise * 2),
            tuple(stages), rng.choices((0, 1, 2), (6, 3, 1))[0], 1))
        for seq in range(1, count + 1):
            lessons.append(LessonToPlace(f"new:{key}:{seq}", key, seq))
    return PlanningProblem(tuple(slots), tuple(classes), tuple(lessons), tuple(lecturers),
                           tuple(venues), weights=weights or Weights())
