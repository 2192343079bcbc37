"""What the conflict rules look at (trainer.rules.conflicts): plain frozen dataclasses, no
database. LessonFacts is one lesson with its class, course, theme, lecturer, venue, enterprise
and the class's training-request constraints; an online lesson carries its OnlineMeeting (no
venue, no seats; the lecturer still booked). LecturerProfile and RuleContext are the facts
besides the lessons; Conflict is what a rule returns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from trainer.rules.calendar import (DEFAULT_DAY_PERIODS, PERIOD_CODES, DayPeriod,
                                    WorkingCalendar, minute_of_day, period_of)


@dataclass(frozen=True)
class OnlineMeeting:
    """Where an online lesson takes place: the platform (腾讯会议, 钉钉, 中国职工学习网…) and the
    link or meeting number the trainees join with (may be given later: "")."""
    platform: str
    link: str = ""

    def text(self) -> str:
        """腾讯会议 123 456 789 — the platform with its link, as timetables print it."""
        return f"{self.platform} {self.link}".strip()


@dataclass(frozen=True)
class RequestWindow:
    """What the class's training request allows: a date window, ISO weekday digits ("135"),
    day periods, blackout dates (production peaks, inspections), and whether ordinary
    weekends may be used (never a statutory holiday or a notice's holiday range)."""
    start: dt.date | None = None
    end: dt.date | None = None
    weekdays: str = "1234567"
    periods: tuple[str, ...] = PERIOD_CODES
    blackout_dates: frozenset[dt.date] = frozenset()
    allow_weekends: bool = False


@dataclass(frozen=True)
class LessonFacts:
    """One lesson with everything the rules need. A proposed lesson not saved yet has an id ≤ 0.

    `enterprise_*` is the class's enterprise (who asked for the training); `venue_enterprise_*`
    the enterprise the venue belongs to (None: a union training centre). `class_size` is the
    number enrolled, or the class's planned size while nobody is enrolled; `venue_capacity` 0
    means not recorded."""
    id: int
    class_id: int
    class_code: str
    class_name: str
    sequence: int
    date: dt.date
    start: dt.time
    end: dt.time
    course_id: int | None = None
    course_title: str = ""
    theme_id: int | None = None
    theme_name: str = ""
    lecturer_id: int | None = None
    lecturer_name: str = ""
    venue_id: int | None = None
    venue_name: str = ""
    venue_capacity: int = 0
    venue_enterprise_id: int | None = None
    venue_enterprise_name: str = ""
    enterprise_id: int | None = None
    enterprise_name: str = ""
    class_size: int = 0
    request: RequestWindow | None = None
    online: OnlineMeeting | None = None  # an online lesson: no venue, no seats

    @property
    def start_minute(self) -> int:
        return minute_of_day(self.start)

    @property
    def end_minute(self) -> int:
        return minute_of_day(self.end)

    @property
    def minutes(self) -> int:
        return max(0, self.end_minute - self.start_minute)

    @property
    def week(self) -> tuple[int, int]:
        iso = self.date.isocalendar()
        return iso[0], iso[1]

    @property
    def site(self) -> tuple[str, int] | None:
        """Where the lecturer has to be: the venue's enterprise, a training centre, or (no venue
        yet) the class's enterprise; None when unknown or online (taught from anywhere)."""
        if self.online is not None:
            return None
        if self.venue_enterprise_id is not None:
            return "enterprise", self.venue_enterprise_id
        if self.venue_id is not None:
            return "venue", self.venue_id
        if self.enterprise_id is not None:
            return "enterprise", self.enterprise_id
        return None

    @property
    def place(self) -> str:
        """新钢公司一车间 — the venue with its enterprise, else the class's enterprise; an online
        lesson's platform."""
        if self.online is not None:
            return self.online.platform
        if self.venue_id is not None:
            return f"{self.venue_enterprise_name}{self.venue_name}"
        return self.enterprise_name


@dataclass(frozen=True)
class Unavailable:
    start: dt.date
    end: dt.date
    reason: str = ""


@dataclass(frozen=True)
class LecturerProfile:
    """`weekly`: (ISO weekday 1–7, period code) pairs the lecturer offers; empty means any
    working half-day."""
    id: int
    name: str
    theme_ids: frozenset[int] = frozenset()
    unavailable: tuple[Unavailable, ...] = ()
    weekly: frozenset[tuple[int, str]] = frozenset()
    max_hours_per_day: int | None = None
    max_hours_per_week: int | None = None


@dataclass(frozen=True, eq=False)
class RuleContext:
    """The facts besides the lessons: lecturers by id, enrolments (class id → trainee ids),
    trainee names (for sentences; may hold only some), the working calendar, the day periods and
    the office settings schedule.travel_gap_minutes and schedule.class_min_gap_days."""
    lecturers: Mapping[int, LecturerProfile] = field(default_factory=dict)
    enrolments: Mapping[int, frozenset[int]] = field(default_factory=dict)
    trainee_names: Mapping[int, str] = field(default_factory=dict)
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    periods: tuple[DayPeriod, ...] = DEFAULT_DAY_PERIODS
    travel_gap_minutes: int = 60
    class_min_gap_days: int = 1

    def period_code(self, lesson: LessonFacts) -> str | None:
        period = period_of(lesson.start, self.periods)
        return period.code if period else None


NOTICE_CODES = frozenset({"year_unknown"})


@dataclass(frozen=True)
class Conflict:
    """A broken rule: `code` names it, `lesson_ids` the lessons involved (the one that cannot be
    first, the one already there second), `params` the facts the sentence names (LessonFacts
    under "lesson"/"other", names, dates, numbers). A notice (year_unknown) does not block."""
    code: str
    lesson_ids: tuple[int, ...]
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    @property
    def blocking(self) -> bool:
        return self.code not in NOTICE_CODES

    def text(self, lang: str | None = None) -> str:
        from trainer.rules.conflict_texts import conflict_text
        return conflict_text(self, lang)

    def __str__(self) -> str:
        return self.text()


Rule = Callable[[Sequence[LessonFacts], RuleContext], list]
