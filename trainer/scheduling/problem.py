"""What the planner is given and what it gives back: plain frozen dataclasses, no database.

A problem is a grid of half-day slots (working date × day period, in time order), the classes
whose lessons are to be placed on that grid (each with the slots its training request allows),
lessons that stay where they are (locked, or outside the re-planned set), and the facts about
lecturers and venues. `trainer.scheduling.build` makes one from the database with the calendar
and the conflict rules of `trainer.rules`; `trainer.scheduling.instances` generates them for the
bench and the tests. Everything is ordered (tuples, sorted keys) so that the same problem always
builds the same model."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

PERIOD_ORDER = ("morning", "afternoon", "evening")


@dataclass(frozen=True)
class Slot:
    """One half-day on the planning grid. `index` is its position in `PlanningProblem.slots`."""
    index: int
    date: dt.date
    period: str
    start: dt.time  # a lesson starts when the period starts
    end: dt.time  # the period's end (a lesson may run past it only if the next period allows)

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute


@dataclass(frozen=True)
class Placement:
    """Where a lesson is (or goes): a slot of the grid, a lecturer and a venue."""
    slot: int
    lecturer_id: int
    venue_id: int | None


@dataclass(frozen=True)
class ClassToPlan:
    """A class (Cohort) with lessons to place, and what its training request allows.

    `slots` are the grid slots the request allows (window, weekdays, periods, blackout dates,
    working days) — the same for every lesson of the class. `slot_stages` records how many slots
    were left after each of those filters, in order, so an explanation can name the filter that
    left none. `venue_ids` are the venues big enough for the class, most suitable first."""
    key: str
    name: str
    course_title: str
    theme_id: int
    theme_name: str
    enterprise_id: int | None
    enterprise_name: str
    size: int
    lesson_minutes: int
    window_start: dt.date
    window_end: dt.date
    weekdays: str  # ISO weekday digits allowed by the request, e.g. "24"
    periods: tuple[str, ...]
    slots: tuple[int, ...]
    venue_ids: tuple[int, ...]
    slot_stages: tuple[tuple[str, int], ...] = ()
    priority: int = 0
    min_gap_days: int = 1  # between consecutive lessons of this class, in days


@dataclass(frozen=True)
class LessonToPlace:
    """A lesson the planner may place (new) or move (existing, not locked).

    `key` identifies it in the plan: "lesson:<id>" for an existing lesson, "new:…" for one the
    plan creates. `current` is where an existing lesson is now (moving it costs `Weights.move`);
    `must_move` marks one whose current place is no longer allowed (re-planning). An `online`
    lesson (marked online before planning) takes no venue: it is placed with venue None."""
    key: str
    class_key: str
    sequence: int
    current: Placement | None = None
    must_move: bool = False
    online: bool = False


@dataclass(frozen=True)
class FixedLesson:
    """A lesson that stays: locked, or not part of what is being planned. It occupies its
    lecturer and venue, counts towards the lecturer's daily and weekly hours and keeps the order
    of its class. `slot` is its grid slot when it starts at one, else None (a lesson at an
    irregular time, or outside the planning range)."""
    key: str
    class_key: str | None
    sequence: int
    date: dt.date
    start: dt.time
    end: dt.time
    lecturer_id: int | None
    venue_id: int | None
    enterprise_id: int | None
    slot: int | None = None

    @property
    def minutes(self) -> int:
        return _minutes(self.end) - _minutes(self.start)


@dataclass(frozen=True)
class LecturerFacts:
    """`available`: grid slots the lecturer may teach (unavailable dates and weekly
    availability already applied); None means every slot."""
    id: int
    name: str
    theme_ids: tuple[int, ...]
    max_minutes_per_day: int | None = None
    max_minutes_per_week: int | None = None
    available: frozenset[int] | None = None

    def can_teach(self, slot: int) -> bool:
        return self.available is None or slot in self.available


@dataclass(frozen=True)
class VenueFacts:
    id: int
    name: str
    capacity: int
    enterprise_id: int | None
    available: frozenset[int] | None = None  # None: every slot

    def can_host(self, slot: int) -> bool:
        return self.available is None or slot in self.available


@dataclass(frozen=True)
class Weights:
    """Soft goals, each a penalty per unit in the objective (office setting `planner.weights`).
    Placing a lesson is worth `place` (+ `priority` per request priority level), far more than
    any soft goal, so the planner never leaves a lesson out to make the others nicer."""
    place: int = 10_000
    priority: int = 1_000
    one_lecturer: int = 40  # per extra lecturer in a class
    spread: int = 2  # per day a lesson is away from its even spacing over the window
    balance: int = 10  # per hour of the busiest lecturer's load
    travel: int = 8  # per trip (a lecturer's journey to one enterprise on one day)
    preferred_period: int = 5  # per lesson outside the preferred half-days
    same_venue: int = 3  # per lesson not in its class's first-choice venue
    move: int = 500  # per existing lesson moved (re-planning)

    @classmethod
    def from_mapping(cls, values: dict) -> Weights:
        known = {k: int(v) for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class PlanningProblem:
    slots: tuple[Slot, ...]
    classes: tuple[ClassToPlan, ...]
    lessons: tuple[LessonToPlace, ...]
    lecturers: tuple[LecturerFacts, ...]
    venues: tuple[VenueFacts, ...]
    fixed: tuple[FixedLesson, ...] = ()
    class_conflicts: tuple[tuple[str, str], ...] = ()  # classes sharing a trainee
    weights: Weights = field(default_factory=Weights)
    preferred_periods: tuple[str, ...] = ("morning", "afternoon")
    travel_gap_minutes: int = 0

    def class_by_key(self) -> dict[str, ClassToPlan]:
        return {c.key: c for c in self.classes}

    def lecturer_by_id(self) -> dict[int, LecturerFacts]:
        return {lec.id: lec for lec in self.lecturers}

    def venue_by_id(self) -> dict[int, VenueFacts]:
        return {v.id: v for v in self.venues}


@dataclass(frozen=True)
class Plan:
    """The planner's answer: where each placed lesson goes; the keys it could not place.

    `method` says which search produced it ("greedy", or "greedy+cp-sat" when CP-SAT improved on
    the greedy plan); `status` how the search ended ("at bound", "greedy kept", "improved",
    "wall-clock limit", "cancelled"; "searching" for a plan shown while the search goes on; ""
    when CP-SAT did not run); `seconds` the wall time,
    `search_seconds` the part spent in CP-SAT, `changed` how many lessons CP-SAT placed or moved
    away from the greedy plan, `added` how many more it placed (trainer.scheduling.planner.method_line says it in words)."""
    placements: dict[str, Placement]
    unplaced: tuple[str, ...]
    method: str
    status: str = ""
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    search_seconds: float = 0.0
    changed: int = 0
    added: int = 0  # of `changed`: lessons placed that the greedy plan left out (net)

    @property
    def placed_count(self) -> int:
        return len(self.placements)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def minute_of_day(t: dt.time) -> int:
    return _minutes(t)


def week_key(date: dt.date) -> tuple[int, int]:
    iso = date.isocalendar()
    return iso[0], iso[1]


def fixed_neighbours(problem: PlanningProblem) -> dict[tuple[int, int], list[tuple[object, str | None]]]:
    """Lessons that stay, by (lecturer, a slot next to theirs on the same day): a lesson placed
    there at the same enterprise with the same lecturer saves a trip."""
    slots = problem.slots
    fixed_next: dict[tuple[int, int], list[tuple[object, str | None]]] = defaultdict(list)
    for f in problem.fixed:
        if f.slot is None or f.lecturer_id is None:
            continue
        for s in (f.slot - 1, f.slot + 1):
            if 0 <= s < len(slots) and slots[s].date == f.date:
                fixed_next[(f.lecturer_id, s)].append((f.enterprise_id, f.class_key))
    return fixed_next
