"""Why a lesson was not placed: one sentence with the binding reason, in Chinese or English.

The reason is found by running the filters stage by stage and stopping at the first that leaves
nothing: the request's window against the planning range, its weekdays, half-days, working days
(holidays, weekends that are not adjusted working days) and blackout dates; the lesson's length;
the class's locked lessons; a venue big enough; a lecturer who teaches the theme; one of them free
on an allowed half-day; enough such half-days for the class's lessons at the required spacing.
When every filter leaves something, the lesson lost to other lessons: the plan is examined slot by
slot for what is in the way (the lecturers busy, their daily or weekly maximum, the venue, the
trainees, the travel gap) and the most frequent obstacle is named."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from trainer.texts import language
from trainer.scheduling.candidates import Candidates, LessonOptions
from trainer.scheduling.greedy import _State
from trainer.scheduling.problem import Plan

WEEKDAYS = (("周一", "Mondays"), ("周二", "Tuesdays"), ("周三", "Wednesdays"),
            ("周四", "Thursdays"), ("周五", "Fridays"), ("周六", "Saturdays"), ("周日", "Sundays"))
PERIODS = {"morning": ("上午", "mornings"), "afternoon": ("下午", "afternoons"),
           "evening": ("晚上", "evenings")}

# code → (Chinese, English); {what} is the lesson, the other fields come from params
TEXTS: dict[str, tuple[str, str]] = {
    "window_outside": ("{what}：培训需求的时间段 {window} 不在排课范围 {range} 内",
                       "{what}: the request's window {window} is outside the planning range "
                       "{range}"),
    "weekdays": ("{what}:{window} 之间没有{weekdays}", "{what}: there are no {weekdays} "
                 "between {window}"),
    "periods": ("{what}：需求的时段（{periods}）不在本单位设定的上课时段内",
                "{what}: the requested times of day ({periods}) are not among the office's "
                "day periods"),
    "working_days": ("{what}:{window} 之间的{weekdays}都是节假日或休息日",
                     "{what}: between {window} there is no working day on {weekdays} (only "
                     "holidays and rest days)"),
    "blackout": ("{what}:{window} 之间可用的{weekdays}都是企业的不可培训日期",
                 "{what}: between {window} every working day on {weekdays} is one of the "
                 "enterprise's blackout dates"),
    "lesson_length": ("{what}:{minutes} 分钟的课放不进所要求的时段",
                      "{what}: a {minutes}-minute lesson does not fit the requested times of day"),
    "class_order": ("{what}：在本班已锁定的课次之间没有按顺序、间隔 {gap} 天的空档",
                    "{what}: no half-day between the class's locked lessons keeps the order and "
                    "the {gap}-day spacing"),
    "trainees_busy": ("{what}：学员在所有可用时段都有别的课", "{what}: its trainees have "
                      "another lesson at every usable time"),
    "no_venue": ("{what}:{enterprise}没有容纳 {size} 人的培训地点",
                 "{what}: {enterprise} has no venue for {size} trainees"),
    "venue_busy": ("{what}：培训地点（{venues}）在 {window} 之间的可用时段都已占用",
                   "{what}: the venue ({venues}) is taken at every usable time between {window}"),
    "no_qualified_lecturer": ("{what}：没有讲师讲授“{theme}”",
                              "{what}: no lecturer teaches {theme}"),
    "lecturers_unavailable": ("{what}：讲授“{theme}”的讲师（{lecturers}）在 {window} 之间的{weekdays}"
                              "{periods}都没有空",
                              "{what}: no lecturer qualified for {theme} ({lecturers}) is free "
                              "on {weekdays} {periods} between {window}"),
    "too_few_days": ("{what}:{window} 之间只有 {days} 天能上课，不够本班 {lessons} 次课"
                     "（每次间隔至少 {gap} 天）",
                     "{what}: only {days} usable day(s) between {window}, not enough for the "
                     "class's {lessons} lessons at least {gap} day(s) apart"),
    "earlier_unplaced": ("{what}：本班第 {earlier} 次课未能排入，后续课次随之未排",
                         "{what}: lesson {earlier} of the class could not be placed, so the "
                         "later ones were not either"),
    "lecturer_busy": ("{what}：讲授“{theme}”的讲师（{lecturers}）在 {window} 之间可用的 {slots} 个"
                      "时段都已有别的课",
                      "{what}: the {slots} usable half-days between {window} when a lecturer "
                      "qualified for {theme} ({lecturers}) is free are all taken by other lessons"),
    "daily_max": ("{what}：讲授“{theme}”的讲师（{lecturers}）在可用日期都已达到每日最多学时",
                  "{what}: the lecturers qualified for {theme} ({lecturers}) reach their daily "
                  "maximum hours on every usable day"),
    "weekly_max": ("{what}：讲授“{theme}”的讲师（{lecturers}）在可用的各周都已达到每周最多学时",
                   "{what}: the lecturers qualified for {theme} ({lecturers}) reach their weekly "
                   "maximum hours in every usable week"),
    "travel_gap": ("{what}：讲师在可用时段都要在别的企业上课，转场时间不足",
                   "{what}: at every usable time the lecturers teach at another enterprise the "
                   "same day without the travel gap"),
    "order_blocked": ("{what}：本班前后课次的位置使它没有合适的空档",
                      "{what}: the class's other lessons leave it no place in order and spacing"),
    "rule_conflict": ("{what}:{sentence}", "{what}: {sentence}"),
    "not_found": ("{what}：在限定时间内未找到可行的安排（可延长计算时间再试）",
                  "{what}: no place was found within the time limit (try a longer time limit)"),
}


@dataclass(frozen=True)
class Explanation:
    """Why lesson `lesson_key` (number `sequence` of class `class_name`) was not placed."""
    lesson_key: str
    class_name: str
    sequence: int
    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        zh = lang == "zh"
        what = (f"{self.class_name}第{self.sequence}次课" if zh
                else f"lesson {self.sequence} of {self.class_name}")
        values = {k: _text(v, zh) for k, v in self.params.items()}
        return TEXTS[self.code][0 if zh else 1].format(what=what, **values)

    def __str__(self) -> str:
        return self.message()


def _date(d: dt.date, zh: bool) -> str:
    return f"{d.month}月{d.day}日" if zh else f"{d.day} {d:%b}"


def _text(value: object, zh: bool) -> str:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, dt.date) for v in value):
        a, b = value
        if zh:
            return f"{_date(a, zh)}至{_date(b, zh)}"
        return f"{a.day} and {_date(b, zh)}" if (a.year, a.month) == (b.year, b.month) \
            else f"{_date(a, zh)} and {_date(b, zh)}"
    if isinstance(value, _Words):
        return value.render(zh)
    return str(value)


@dataclass(frozen=True)
class _Words:
    """A list said as a person says it: 周二或周四 / Tuesdays or Thursdays."""
    items: tuple[tuple[str, str], ...]
    joiner: tuple[str, str] = ("或", " or ")

    def render(self, zh: bool) -> str:
        words = [pair[0 if zh else 1] for pair in self.items]
        if zh:
            return self.joiner[0].join(words) if self.joiner[0] == "或" else "、".join(words)
        if len(words) <= 2:
            return self.joiner[1].join(words)
        return ", ".join(words[:-1]) + self.joiner[1] + words[-1]


def _weekdays(digits: str) -> _Words:
    return _Words(tuple(WEEKDAYS[int(d) - 1] for d in digits if d.isdigit() and 1 <= int(d) <= 7))


def _periods(codes) -> _Words:
    return _Words(tuple(PERIODS.get(c, (c, c)) for c in codes))


def _names(names) -> _Words:
    return _Words(tuple((n, n) for n in names), ("、", ", "))


def explain_unplaced(cands: Candidates, plan: Plan) -> dict[str, Explanation]:
    """An explanation for each lesson of `plan.unplaced`, by lesson key."""
    problem = cands.problem
    state = _State(cands)
    for key, place in plan.placements.items():
        state.take(cands.options[key], place)
    lecturers = problem.lecturer_by_id()
    venues = problem.venue_by_id()
    out: dict[str, Explanation] = {}
    unplaced = set(plan.unplaced)
    for key in plan.unplaced:
        opt = cands.options[key]
        cls = opt.cls
        first, last = problem.slots[0].date, problem.slots[-1].date
        window = (max(cls.window_start, first), min(cls.window_end, last))
        common = {"window": window, "weekdays": _weekdays(cls.weekdays),
                  "periods": _periods(cls.periods), "theme": cls.theme_name}

        def make(code: str, **params) -> Explanation:
            return Explanation(key, cls.name, opt.lesson.sequence, code,
                               {**common, **params})

        earlier = [k for k in cands.chains.get(cls.key, ())
                   if k in unplaced and cands.options[k].lesson.sequence < opt.lesson.sequence
                   and cands.options[k].lesson.current is None]
        if earlier and opt.lesson.current is None:
            out[key] = make("earlier_unplaced", earlier=cands.options[earlier[0]].lesson.sequence)
            continue
        out[key] = _filters(cands, opt, make, window, lecturers, venues) \
            or _obstacles(cands, opt, state, make, lecturers)
    return out


def _filters(cands, opt: LessonOptions, make, window, lecturers, venues):
    cls = opt.cls
    if window[0] > window[1]:
        return make("window_outside", window=(cls.window_start, cls.window_end),
                    range=(cands.problem.slots[0].date, cands.problem.slots[-1].date))
    for stage, left in tuple(cls.slot_stages) + tuple(opt.stages):
        if left == 0:
            if stage == "lesson_length":
                return make(stage, minutes=cls.lesson_minutes)
            if stage == "class_order":
                return make(stage, gap=cls.min_gap_days)
            if stage == "window":
                return make("window_outside", window=(cls.window_start, cls.window_end),
                            range=(cands.problem.slots[0].date, cands.problem.slots[-1].date))
            return make(stage)
    if not cls.venue_ids and not opt.lesson.online:
        return make("no_venue", enterprise=cls.enterprise_name, size=cls.size)
    if not any(opt.venues.values()):
        return make("venue_busy", venues=_names([venues[v].name for v in cls.venue_ids]))
    if not opt.lecturers:
        return make("no_qualified_lecturer")
    names = _names([lecturers[lid].name for lid in sorted(opt.lecturers)])
    usable = opt.usable_slots()
    if not usable:
        return make("lecturers_unavailable", lecturers=names)
    # can the class's lessons fit at all, spaced min_gap_days apart, on the usable days?
    chain = cands.chains.get(cls.key, (opt.lesson.key,))
    dates = sorted({cands.problem.slots[s].date for s in usable})
    fit, last = 0, None
    for d in dates:
        if last is None or (d - last).days >= cls.min_gap_days:
            fit, last = fit + 1, d
    if fit < len(chain) and chain.index(opt.lesson.key) >= fit:
        return make("too_few_days", days=fit, lessons=len(chain), gap=cls.min_gap_days)
    return None


def _obstacles(cands, opt: LessonOptions, state: _State, make, lecturers) -> Explanation:
    """The lesson lost to other lessons: what is in the way, slot by slot."""
    reasons: Counter = Counter()
    usable = opt.usable_slots()
    low, high = state.chain_bounds(opt)
    gap = dt.timedelta(days=opt.cls.min_gap_days)
    problem = cands.problem
    for s in usable:
        slot = problem.slots[s]
        here = (slot.date, slot.start_minute)
        if (low is not None and (here <= low or slot.date < low[0] + gap)) or \
                (high is not None and (here >= high or slot.date > high[0] - gap)):
            reasons["order_blocked"] += 1
            continue
        if not state.class_free(opt, s):
            reasons["trainees_busy"] += 1
            continue
        if not any(s in free and (v, s) not in state.venue_slots
                   for v, free in opt.venues.items()):
            reasons["venue_busy"] += 1
            continue
        found = [_lecturer_obstacle(state, opt, lid, s) for lid, free in opt.lecturers.items()
                 if s in free]
        if any(r is None for r in found):
            reasons["not_found"] += 1
        elif found:
            reasons[Counter(found).most_common(1)[0][0]] += 1
    if not reasons:
        return make("not_found")
    code = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    names = _names([lecturers[lid].name for lid in sorted(opt.lecturers)])
    venues = problem.venue_by_id()
    return make(code, lecturers=names, slots=len(usable),
                venues=_names([venues[v].name for v in opt.cls.venue_ids]))


def _lecturer_obstacle(state: _State, opt: LessonOptions, lid: int, s: int) -> str | None:
    lec = state.lecturers[lid]
    slot = state.slots[s]
    from trainer.scheduling.problem import week_key
    start, end = slot.start_minute, slot.start_minute + opt.minutes
    for other_start, other_end, place in state.lecturer_day[(lid, slot.date)]:
        if start < other_end and other_start < end:
            return "lecturer_busy"
    if lec.max_minutes_per_day is not None and \
            state.day_minutes[(lid, slot.date)] + opt.minutes > lec.max_minutes_per_day:
        return "daily_max"
    if lec.max_minutes_per_week is not None and \
            state.week_minutes[(lid, week_key(slot.date))] + opt.minutes > lec.max_minutes_per_week:
        return "weekly_max"
    if not state.lecturer_free(opt, lid, s):
        return "travel_gap"
    return None
