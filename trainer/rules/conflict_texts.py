"""The sentence of each conflict, in Chinese or English, naming the people, places and dates —
what a training officer reads in the form, the calendar's tooltip and `trainer schedule check`."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from trainer.texts import language, pick
from trainer.rules.calendar import PERIOD_LABELS, WEEKDAY_LABELS, describe_date

# code → (Chinese, English) title, for lists and filters
CONFLICT_TITLES: dict[str, tuple[str, str]] = {
    "lecturer_busy": ("讲师时间冲突", "lecturer double-booked"),
    "venue_busy": ("场地时间冲突", "venue double-booked"),
    "trainee_clash": ("学员时间冲突", "trainee in two lessons at once"),
    "not_qualified": ("讲师不讲授该主题", "lecturer not qualified for the theme"),
    "lecturer_unavailable": ("讲师不可授课", "lecturer unavailable"),
    "lecturer_not_offered": ("讲师该时段不授课", "lecturer does not teach then"),
    "outside_window": ("超出培训时间段", "outside the request's window"),
    "wrong_weekday": ("星期不符合需求", "weekday not requested"),
    "wrong_period": ("时段不符合需求", "time of day not requested"),
    "blackout_date": ("企业不可培训日期", "enterprise's blackout date"),
    "non_working_day": ("节假日或周末", "holiday or weekend"),
    "year_unknown": ("放假安排未确认", "holidays provisional"),
    "daily_hours": ("讲师超过每日学时", "lecturer over daily hours"),
    "weekly_hours": ("讲师超过每周学时", "lecturer over weekly hours"),
    "travel_gap": ("讲师转场时间不足", "not enough travel time"),
    "class_order": ("课次顺序颠倒", "lessons out of order"),
    "class_gap": ("同班课次间隔太近", "lessons of a class too close"),
    "venue_capacity": ("场地容量不足", "venue too small"),
}


def _zh(lang: str | None) -> bool:
    return (lang or language()) == "zh"


def ref(lesson, lang: str | None) -> str:
    """新钢安全生产1班第2次课(课次 12) / lesson 2 of … (#12)"""
    if _zh(lang):
        return f"{lesson.class_name}第{lesson.sequence}次课" + (
            f"（课次 {lesson.id}）" if lesson.id > 0 else "")
    return f"lesson {lesson.sequence} of {lesson.class_name}" + (
        f" (#{lesson.id})" if lesson.id > 0 else "")


def when(lesson, period: str | None, lang: str | None) -> str:
    """2026-10-13(周二)上午 / Tue 2026-10-13 morning; an irregular start shows its time."""
    day = describe_date(lesson.date, lang)
    if period:
        label = pick(PERIOD_LABELS[period], lang)
        return f"{day}{label}" if _zh(lang) else f"{day} {label}"
    return f"{day}{lesson.start:%H:%M}" if _zh(lang) else f"{day} at {lesson.start:%H:%M}"


def _place(lesson, lang: str | None) -> str:
    return lesson.place or ("未定地点" if _zh(lang) else "an unset place")


def _lecturer(lesson, params) -> str:
    return params.get("lecturer") or lesson.lecturer_name or "?"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"


def _join(items, lang: str | None) -> str:
    return "、".join(items) if _zh(lang) else ", ".join(items)


def _lecturer_busy(p, lang):
    a, b = p["lesson"], p["other"]
    if _zh(lang):
        return (f"讲师{_lecturer(a, p)} {when(b, p.get('other_period'), lang)}已在{_place(b, lang)}上"
                f"{ref(b, lang)}，不能同时在{_place(a, lang)}上{ref(a, lang)}。")
    return (f"Lecturer {_lecturer(a, p)} already teaches {ref(b, lang)} at {_place(b, lang)} "
            f"on {when(b, p.get('other_period'), lang)}, so cannot teach {ref(a, lang)} at "
            f"{_place(a, lang)} at the same time.")


def _venue_busy(p, lang):
    a, b = p["lesson"], p["other"]
    if _zh(lang):
        return (f"{_place(b, lang)} {when(b, p.get('other_period'), lang)}已安排{ref(b, lang)}，"
                f"不能同时安排{ref(a, lang)}。")
    return (f"{_place(b, lang)} is already taken {when(b, p.get('other_period'), lang)} by "
            f"{ref(b, lang)}; {ref(a, lang)} cannot be held there at the same time.")


def _trainee_clash(p, lang):
    a, b = p["lesson"], p["other"]
    count, names = len(p["trainees"]), p.get("names") or ()
    shown = _join(names[:3], lang) + ("等" if _zh(lang) and count > 3 else "")
    if _zh(lang):
        who = f"学员{shown} {count} 人" if shown else f"{count} 名学员"
        return (f"{who}同时在{a.class_name}和{b.class_name}，两班 {when(a, p.get('period'), lang)}"
                f"都有课：{ref(a, lang)}与{ref(b, lang)}。")
    who = f"{count} trainee(s)" + (f" ({shown}{', …' if count > 3 else ''})" if shown else "")
    return (f"{who} are in both {a.class_name} and {b.class_name}, which both have a lesson "
            f"{when(a, p.get('period'), lang)} ({ref(a, lang)} and {ref(b, lang)}).")


def _not_qualified(p, lang):
    a = p["lesson"]
    if _zh(lang):
        return (f"讲师{_lecturer(a, p)}不讲授“{a.theme_name}”主题，不能上课程“{a.course_title}”的"
                f"{ref(a, lang)}。")
    return (f"Lecturer {_lecturer(a, p)} does not teach the theme “{a.theme_name}” and cannot "
            f"take {ref(a, lang)}, course “{a.course_title}”.")


def _lecturer_unavailable(p, lang):
    a, span = p["lesson"], p["span"]
    reason = f"（{span.reason}）" if span.reason and _zh(lang) else (
        f" ({span.reason})" if span.reason else "")
    if _zh(lang):
        return (f"讲师{_lecturer(a, p)} {span.start} 至 {span.end} 不能授课{reason}，"
                f"{ref(a, lang)}却安排在{when(a, p.get('period'), lang)}。")
    return (f"Lecturer {_lecturer(a, p)} cannot teach from {span.start} to {span.end}{reason}, "
            f"but {ref(a, lang)} is on {when(a, p.get('period'), lang)}.")


def _offered(pairs, lang) -> str:
    return _join([pick(WEEKDAY_LABELS[d - 1], lang) + ("" if _zh(lang) else " ")
                  + pick(PERIOD_LABELS[c], lang) for d, c in pairs if c in PERIOD_LABELS], lang)


def _lecturer_not_offered(p, lang):
    a = p["lesson"]
    if _zh(lang):
        return (f"讲师{_lecturer(a, p)}只在{_offered(p['offered'], lang)}授课，"
                f"{ref(a, lang)}却安排在{when(a, p.get('period'), lang)}。")
    return (f"Lecturer {_lecturer(a, p)} teaches only on {_offered(p['offered'], lang)}, but "
            f"{ref(a, lang)} is on {when(a, p.get('period'), lang)}.")


def _who(a, lang) -> str:
    return a.enterprise_name or ("该班" if _zh(lang) else "the class")


def _outside_window(p, lang):
    a, req = p["lesson"], p["lesson"].request
    if _zh(lang):
        return (f"{ref(a, lang)}安排在{describe_date(a.date, lang)}，不在{_who(a, lang)}培训需求的"
                f"时间段 {req.start} 至 {req.end} 内。")
    return (f"{ref(a, lang)} is on {describe_date(a.date, lang)}, outside {_who(a, lang)}'s "
            f"requested window {req.start} to {req.end}.")


def _weekdays(digits: str, lang) -> str:
    return _join([pick(WEEKDAY_LABELS[int(d) - 1], lang) for d in digits], lang)


def _wrong_weekday(p, lang):
    a = p["lesson"]
    days = _weekdays(a.request.weekdays, lang)
    if _zh(lang):
        return f"{ref(a, lang)}安排在{describe_date(a.date, lang)},{_who(a, lang)}只能在{days}培训。"
    return (f"{ref(a, lang)} is on {describe_date(a.date, lang)}, but {_who(a, lang)} can train "
            f"only on {days}.")


def _wrong_period(p, lang):
    a = p["lesson"]
    periods = _join([pick(PERIOD_LABELS[c], lang) for c in a.request.periods
                     if c in PERIOD_LABELS], lang)
    if _zh(lang):
        return (f"{ref(a, lang)}安排在{when(a, p.get('period'), lang)},{_who(a, lang)}只能在"
                f"{periods}培训。")
    return (f"{ref(a, lang)} is on {when(a, p.get('period'), lang)}, but {_who(a, lang)} can "
            f"train only in the {periods}.")


def _blackout_date(p, lang):
    a = p["lesson"]
    if _zh(lang):
        return (f"{ref(a, lang)}安排在{describe_date(a.date, lang)}，这一天{_who(a, lang)}"
                f"不能培训（已列为不可培训日期）。")
    return (f"{ref(a, lang)} is on {describe_date(a.date, lang)}, a day {_who(a, lang)} "
            f"cannot train (a blackout date).")


def _non_working_day(p, lang):
    a, day = p["lesson"], p["day"]
    if _zh(lang):
        return f"{ref(a, lang)}安排在{describe_date(a.date, lang)}，这一天是{day.name(lang)}，不是工作日。"
    return (f"{ref(a, lang)} is on {describe_date(a.date, lang)} ({day.name(lang)}), "
            f"not a working day.")


def _year_unknown(p, lang):
    from trainer.rules.calendar import provisional_warning
    count = p["count"]
    if _zh(lang):
        return f"{count} 个课次在此期间。{provisional_warning([p['year']], lang)}"
    return f"{count} lesson(s) in that year. {provisional_warning([p['year']], lang)}"


def _daily_hours(p, lang):
    a = p["lesson"]
    hours, limit = _hours(p["minutes"]), p["max_hours"]
    if _zh(lang):
        return (f"讲师{p['lecturer']} {describe_date(a.date, lang)}共有 {hours} 小时课，"
                f"超过每日最多 {limit} 小时。")
    return (f"Lecturer {p['lecturer']} has {hours} hours of lessons on "
            f"{describe_date(a.date, lang)}, more than the daily maximum of {limit}.")


def _weekly_hours(p, lang):
    a = p["lesson"]
    monday = a.date - dt.timedelta(days=a.date.weekday())
    hours, limit = _hours(p["minutes"]), p["max_hours"]
    if _zh(lang):
        return (f"讲师{p['lecturer']}在 {monday} 开始的一周共有 {hours} 小时课，"
                f"超过每周最多 {limit} 小时。")
    return (f"Lecturer {p['lecturer']} has {hours} hours of lessons in the week of {monday}, "
            f"more than the weekly maximum of {limit}.")


def _in_time_order(p):
    a, b = p["lesson"], p["other"]
    return (a, b) if (a.date, a.start_minute) <= (b.date, b.start_minute) else (b, a)


def _travel_gap(p, lang):
    first, then = _in_time_order(p)
    lecturer = first.lecturer_name or "?"
    if _zh(lang):
        return (f"讲师{lecturer} {describe_date(first.date, lang)} {first.end:%H:%M} 在"
                f"{_place(first, lang)}下课（{ref(first, lang)}），{then.start:%H:%M} 就要在"
                f"{_place(then, lang)}上课（{ref(then, lang)}），间隔 {p['gap']} 分钟，"
                f"少于路程所需的 {p['needed']} 分钟。")
    return (f"Lecturer {lecturer} finishes at {_place(first, lang)} at {first.end:%H:%M} on "
            f"{describe_date(first.date, lang)} ({ref(first, lang)}) and must start at "
            f"{_place(then, lang)} at {then.start:%H:%M} ({ref(then, lang)}): {p['gap']} minutes, "
            f"less than the {p['needed']} minutes the journey needs.")


def _by_sequence(p):
    a, b = p["lesson"], p["other"]
    return (a, b) if a.sequence < b.sequence else (b, a)


def _class_order(p, lang):
    low, high = _by_sequence(p)
    if _zh(lang):
        return (f"{high.class_name}第{high.sequence}次课（{describe_date(high.date, lang)}）排在"
                f"第{low.sequence}次课（{describe_date(low.date, lang)}）之前，课次顺序颠倒。")
    return (f"Lesson {high.sequence} of {high.class_name} ({describe_date(high.date, lang)}) "
            f"comes before lesson {low.sequence} ({describe_date(low.date, lang)}): out of order.")


def _class_gap(p, lang):
    low, high = _by_sequence(p)
    days, minimum = p["days"], p["min_days"]
    if _zh(lang):
        if days == 0:
            return (f"{high.class_name}第{low.sequence}次课和第{high.sequence}次课都在"
                    f"{describe_date(high.date, lang)}，同一个班一天只能上一次课。")
        return (f"{high.class_name}第{low.sequence}次课（{low.date}）和第{high.sequence}次课"
                f"（{high.date}）只相隔 {days} 天，至少应相隔 {minimum} 天。")
    if days == 0:
        return (f"Lessons {low.sequence} and {high.sequence} of {high.class_name} are both on "
                f"{describe_date(high.date, lang)}; a class has at most one lesson a day.")
    return (f"Lessons {low.sequence} ({low.date}) and {high.sequence} ({high.date}) of "
            f"{high.class_name} are only {days} day(s) apart; they must be at least {minimum}.")


def _venue_capacity(p, lang):
    a = p["lesson"]
    if _zh(lang):
        return (f"{ref(a, lang)}:{a.class_name}有 {a.class_size} 人，{_place(a, lang)}只能容纳 "
                f"{a.venue_capacity} 人。")
    return (f"{ref(a, lang)}: {a.class_name} has {a.class_size} trainees but {_place(a, lang)} "
            f"holds only {a.venue_capacity}.")


TEXTS: dict[str, Callable] = {
    "lecturer_busy": _lecturer_busy, "venue_busy": _venue_busy, "trainee_clash": _trainee_clash,
    "not_qualified": _not_qualified, "lecturer_unavailable": _lecturer_unavailable,
    "lecturer_not_offered": _lecturer_not_offered, "outside_window": _outside_window,
    "wrong_weekday": _wrong_weekday, "wrong_period": _wrong_period,
    "blackout_date": _blackout_date, "non_working_day": _non_working_day,
    "year_unknown": _year_unknown, "daily_hours": _daily_hours, "weekly_hours": _weekly_hours,
    "travel_gap": _travel_gap, "class_order": _class_order, "class_gap": _class_gap,
    "venue_capacity": _venue_capacity,
}


def conflict_text(conflict, lang: str | None = None) -> str:
    lang = lang or language()
    text = TEXTS[conflict.code](conflict.params, lang)
    return text if lang == "zh" else text[:1].upper() + text[1:]


def conflict_title(code: str, lang: str | None = None) -> str:
    return pick(CONFLICT_TITLES[code], lang)
