"""Conflict rules of the schedule (pure: no database). One function per rule; each takes the
lessons to look at and a RuleContext, and returns Conflicts naming the lessons involved.

Everything the rules need travels in plain frozen dataclasses (trainer.rules.conflict_facts):
LessonFacts (one lesson with its
class, course, theme, lecturer, venue, enterprise and the class's training-request constraints),
LecturerProfile (themes, unavailable dates, weekly half-days offered, daily/weekly maximum hours)
and the enrolments (trainee ids per class). The form, the calendar's drag and drop, the planner and
`trainer schedule check` all judge a schedule with these functions.

Rules group lessons by day, lecturer, venue or class before comparing them, so checking 1,500
lessons compares only lessons that share a day (and a lecturer, venue or trainee), never all
pairs. `check_changes` judges proposed lessons against an index of the others, looking only at
lessons on the same days, of the same lecturer's weeks and of the same classes.

Two lessons clash when their times overlap or when they start in the same day period (a lecturer
or venue holds at most one lesson per half-day, trainer.rules.calendar)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable, Sequence

from trainer.rules.calendar import WEEKEND
from trainer.rules.conflict_facts import (NOTICE_CODES, Conflict, LecturerProfile, LessonFacts,
                                          OnlineMeeting, RequestWindow, Rule, RuleContext,
                                          Unavailable)

__all__ = ["NOTICE_CODES", "Conflict", "LecturerProfile", "LessonFacts", "OnlineMeeting",
           "RequestWindow", "Rule", "RuleContext", "Unavailable", "RULES", "check_all",
           "check_changes", "check_lesson", "LessonIndex", "clashing_pairs", "weekend_allowed"]


# --- helpers ----------------------------------------------------------------------------------

def _group(lessons: Iterable[LessonFacts], key) -> dict:
    groups: dict = defaultdict(list)
    for lesson in lessons:
        k = key(lesson)
        if k is not None:
            groups[k].append(lesson)
    return groups


def _order(lesson: LessonFacts) -> tuple:
    return lesson.date, lesson.start_minute, lesson.end_minute, lesson.id


def clashing_pairs(lessons: Sequence[LessonFacts], ctx: RuleContext):
    """Pairs (earlier, later) of lessons on one day whose times overlap or that start in the same
    period. A sweep in start order: a lesson that ended before the current one starts, in another
    period, cannot clash with any later one (periods are contiguous ranges of start times)."""
    active: list[tuple[LessonFacts, str | None]] = []
    for lesson in sorted(lessons, key=_order):
        period = ctx.period_code(lesson)
        active = [(a, p) for a, p in active
                  if a.date == lesson.date and (a.end_minute > lesson.start_minute
                                                or (p is not None and p == period))]
        for earlier, _p in active:
            yield earlier, lesson
        active.append((lesson, period))


def _one(code: str, ctx: RuleContext, lesson: LessonFacts, **params) -> Conflict:
    return Conflict(code, (lesson.id,), {"lesson": lesson, "period": ctx.period_code(lesson),
                                         **params})


def _two(code: str, ctx: RuleContext, lesson: LessonFacts, other: LessonFacts,
         **params) -> Conflict:
    """`lesson` is the one that cannot be, `other` the one already there."""
    return Conflict(code, (lesson.id, other.id), {
        "lesson": lesson, "other": other, "period": ctx.period_code(lesson),
        "other_period": ctx.period_code(other), **params})


def _pair(code: str, ctx: RuleContext, earlier: LessonFacts, later: LessonFacts,
          **params) -> Conflict:
    """Of two lessons that clash, the later-placed one (by time, then id) is the one that cannot
    be; check_changes puts the proposed lesson first whatever the time."""
    return _two(code, ctx, later, earlier, **params)


# --- the rules --------------------------------------------------------------------------------

def lecturer_double_booked(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """A lecturer in two lessons at once (or twice in one half-day)."""
    out = []
    for group in _group(lessons, lambda x: (x.lecturer_id, x.date) if x.lecturer_id else None).values():
        out.extend(_pair("lecturer_busy", ctx, a, b) for a, b in clashing_pairs(group, ctx))
    return out


def venue_double_booked(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """A venue holding two lessons at once (or twice in one half-day)."""
    out = []
    for group in _group(lessons, lambda x: (x.venue_id, x.date) if x.venue_id else None).values():
        out.extend(_pair("venue_busy", ctx, a, b) for a, b in clashing_pairs(group, ctx))
    return out


def trainee_double_booked(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """A trainee enrolled in two classes that have lessons at the same time."""
    out = []
    enrolled = ctx.enrolments
    with_trainees = [x for x in lessons if enrolled.get(x.class_id)]
    for group in _group(with_trainees, lambda x: x.date).values():
        for a, b in clashing_pairs(group, ctx):
            if a.class_id == b.class_id:
                continue
            shared = enrolled[a.class_id] & enrolled[b.class_id]
            if shared:
                ids = tuple(sorted(shared))
                names = tuple(ctx.trainee_names[i] for i in ids if i in ctx.trainee_names)
                out.append(_pair("trainee_clash", ctx, a, b, trainees=ids, names=names))
    return out


def lecturer_not_qualified(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """The lecturer does not teach the lesson's theme."""
    out = []
    for lesson in lessons:
        profile = ctx.lecturers.get(lesson.lecturer_id) if lesson.lecturer_id else None
        if profile and lesson.theme_id is not None and lesson.theme_id not in profile.theme_ids:
            out.append(_one("not_qualified", ctx, lesson))
    return out


def lecturer_unavailable(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """The lesson falls in a lecturer's unavailable dates, or on a weekly half-day the lecturer
    does not offer (when weekly availability is recorded)."""
    out = []
    for lesson in lessons:
        profile = ctx.lecturers.get(lesson.lecturer_id) if lesson.lecturer_id else None
        if profile is None:
            continue
        for span in profile.unavailable:
            if span.start <= lesson.date <= span.end:
                out.append(_one("lecturer_unavailable", ctx, lesson, lecturer=profile.name,
                                span=span))
                break
        else:
            if profile.weekly and (lesson.date.isoweekday(), ctx.period_code(lesson)) \
                    not in profile.weekly:
                out.append(_one("lecturer_not_offered", ctx, lesson, lecturer=profile.name,
                                offered=tuple(sorted(profile.weekly))))
    return out


def outside_request(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """Outside the training request's window, weekdays or half-days, or on a blackout date."""
    out = []
    for lesson in lessons:
        req = lesson.request
        if req is None:
            continue
        if (req.start and lesson.date < req.start) or (req.end and lesson.date > req.end):
            out.append(_one("outside_window", ctx, lesson))
        if str(lesson.date.isoweekday()) not in req.weekdays:
            out.append(_one("wrong_weekday", ctx, lesson))
        if ctx.period_code(lesson) not in req.periods:
            out.append(_one("wrong_period", ctx, lesson))
        if lesson.date in req.blackout_dates:
            out.append(_one("blackout_date", ctx, lesson))
    return out


def non_working_day(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """A statutory holiday, or a weekend day that is not an adjusted working day (调休上班) —
    unless the class's request allows ordinary weekends (a holiday stays refused). Lessons in
    a provisional year add one `year_unknown` notice per year."""
    out, unknown = [], defaultdict(list)
    for lesson in lessons:
        day = ctx.calendar.day(lesson.date)
        if not day.working and not weekend_allowed(day, lesson.request):
            out.append(_one("non_working_day", ctx, lesson, day=day))
        if not day.year_known:
            unknown[lesson.date.year].append(lesson.id)
    for year, ids in sorted(unknown.items()):
        out.append(Conflict("year_unknown", tuple(ids), {"year": year, "count": len(ids),
                                                         "date": dt.date(year, 1, 1)}))
    return out


def weekend_allowed(day, request: RequestWindow | None) -> bool:
    """An ordinary Saturday or Sunday (not a holiday, not the office's own day off) that the
    request allows."""
    return bool(request and request.allow_weekends and day.kind == WEEKEND and not day.overridden)


def lecturer_over_hours(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """More hours in a day or an ISO week than the lecturer's maximum."""
    out = []
    by_lecturer = _group(lessons, lambda x: x.lecturer_id)
    for lecturer_id, own in by_lecturer.items():
        profile = ctx.lecturers.get(lecturer_id)
        if profile is None:
            continue
        for limit, code, key in ((profile.max_hours_per_day, "daily_hours", lambda x: x.date),
                                 (profile.max_hours_per_week, "weekly_hours", lambda x: x.week)):
            if not limit:
                continue
            for when, group in sorted(_group(own, key).items()):
                minutes = sum(x.minutes for x in group)
                if minutes > limit * 60:
                    group.sort(key=_order)
                    out.append(Conflict(code, tuple(x.id for x in reversed(group)), {
                        "lesson": group[-1], "lecturer": profile.name, "minutes": minutes,
                        "max_hours": limit, "first": group[0].date}))
    return out


def travel_gap(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """Two lessons of one lecturer on one day at different enterprises (sites) with less than the
    travel gap between the end of one and the start of the next."""
    out = []
    need = ctx.travel_gap_minutes
    if need <= 0:
        return out
    for group in _group(lessons, lambda x: (x.lecturer_id, x.date) if x.lecturer_id else None).values():
        group.sort(key=_order)
        for a, b in zip(group, group[1:]):
            if a.site is None or b.site is None or a.site == b.site:
                continue
            gap = b.start_minute - a.end_minute
            same_period = ctx.period_code(a) is not None and ctx.period_code(a) == ctx.period_code(b)
            if 0 <= gap < need and not same_period:  # overlaps are lecturer_busy's
                out.append(_two("travel_gap", ctx, b, a, gap=gap, needed=need))
    return out


def class_sequence(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """Lessons of a class out of sequence order, or closer together than
    schedule.class_min_gap_days (1: not two lessons of one class on one day)."""
    out = []
    for group in _group(lessons, lambda x: x.class_id).values():
        group.sort(key=lambda x: (x.sequence, x.id))
        for a, b in zip(group, group[1:]):
            if (b.date, b.start_minute) <= (a.date, a.start_minute):
                out.append(_two("class_order", ctx, b, a))
            elif (b.date - a.date).days < ctx.class_min_gap_days:
                out.append(_two("class_gap", ctx, b, a, days=(b.date - a.date).days,
                                min_days=ctx.class_min_gap_days))
    return out


def venue_too_small(lessons: Sequence[LessonFacts], ctx: RuleContext) -> list[Conflict]:
    """A class larger than its venue's capacity (a capacity of 0 is not recorded: no check)."""
    return [_one("venue_capacity", ctx, x) for x in lessons
            if x.venue_id is not None and x.venue_capacity and x.class_size > x.venue_capacity]


RULES: tuple[Rule, ...] = (lecturer_double_booked, venue_double_booked, trainee_double_booked,
                           lecturer_not_qualified, lecturer_unavailable, outside_request,
                           non_working_day, lecturer_over_hours, travel_gap, class_sequence,
                           venue_too_small)


# --- running the rules ------------------------------------------------------------------------

def _sort_key(conflict: Conflict) -> tuple:
    lesson = conflict.params.get("lesson")
    when = (lesson.date, lesson.start_minute) if isinstance(lesson, LessonFacts) else \
        (conflict.params.get("date") or dt.date.min, 0)
    return when, conflict.code, conflict.lesson_ids


def check_all(lessons: Sequence[LessonFacts], ctx: RuleContext,
              rules: Sequence[Rule] = RULES) -> list[Conflict]:
    """Every conflict among `lessons`, in date order."""
    lessons = list(lessons)
    found = [c for rule in rules for c in rule(lessons, ctx)]
    return sorted(found, key=_sort_key)


class LessonIndex:
    """The lessons of a schedule indexed by day, lecturer-week and class, so one proposed change
    is judged against the few lessons it can conflict with."""

    def __init__(self, lessons: Iterable[LessonFacts]) -> None:
        self.by_id: dict[int, LessonFacts] = {}
        self._by_date: dict[dt.date, list[LessonFacts]] = defaultdict(list)
        self._by_lecturer_week: dict[tuple, list[LessonFacts]] = defaultdict(list)
        self._by_class: dict[int, list[LessonFacts]] = defaultdict(list)
        for lesson in lessons:
            self.by_id[lesson.id] = lesson
            self._by_date[lesson.date].append(lesson)
            self._by_class[lesson.class_id].append(lesson)
            if lesson.lecturer_id:
                self._by_lecturer_week[(lesson.lecturer_id, lesson.week)].append(lesson)

    def __len__(self) -> int:
        return len(self.by_id)

    def neighbours(self, lesson: LessonFacts) -> Iterable[LessonFacts]:
        """Lessons that can conflict with `lesson` placed as it is: same day, same lecturer's
        week, same class."""
        yield from self._by_date.get(lesson.date, ())
        if lesson.lecturer_id:
            yield from self._by_lecturer_week.get((lesson.lecturer_id, lesson.week), ())
        yield from self._by_class.get(lesson.class_id, ())


def check_changes(changed: Sequence[LessonFacts], others: LessonIndex | Iterable[LessonFacts],
                  ctx: RuleContext, rules: Sequence[Rule] = RULES) -> list[Conflict]:
    """The conflicts the `changed` lessons (new, or replacing the lessons with their ids) would
    have with each other and with `others`. Conflicts among the others alone are not reported."""
    index = others if isinstance(others, LessonIndex) else LessonIndex(others)
    changed_ids = {x.id for x in changed}
    nearby: dict[int, LessonFacts] = {}
    for lesson in changed:
        for other in index.neighbours(lesson):
            if other.id not in changed_ids:
                nearby[other.id] = other
    subset = list(nearby.values()) + list(changed)
    return [_proposed_first(c, changed_ids) for c in check_all(subset, ctx, rules)
            if changed_ids.intersection(c.lesson_ids)]


def _proposed_first(conflict: Conflict, changed_ids: set[int]) -> Conflict:
    """A pair conflict names the proposed lesson as the one that cannot be."""
    ids, params = conflict.lesson_ids, conflict.params
    if len(ids) != 2 or "other" not in params or ids[0] in changed_ids or ids[1] not in changed_ids:
        return conflict
    swapped = dict(params, lesson=params["other"], other=params["lesson"],
                   period=params.get("other_period"), other_period=params.get("period"))
    return Conflict(conflict.code, (ids[1], ids[0]), swapped)


def check_lesson(proposed: LessonFacts, others: LessonIndex | Iterable[LessonFacts],
                 ctx: RuleContext) -> list[Conflict]:
    """The conflicts of one proposed lesson (a new one, or an existing one moved or changed)."""
    return check_changes([proposed], others, ctx)
