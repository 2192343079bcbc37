"""The sentence of each conflict, naming the people, places and dates: the templates are in the
catalogue (trainer/texts/conflicts.py); this fills them in from a conflict's lessons and params."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from trainer.rules.calendar import PERIOD_LABELS, WEEKDAY_LABELS, describe_date
from trainer.texts import language, pick
from trainer.texts.conflicts import CONFLICT_TITLES, PIECES, SENTENCES

__all__ = ["CONFLICT_TITLES", "conflict_text", "conflict_title", "ref", "when"]


def _piece(key: str, lang: str | None, **params) -> str:
    return pick(PIECES[key], lang).format(**params)


def ref(lesson, lang: str | None) -> str:
    """新钢安全生产1班第2次课（课次 12） / lesson 2 of … (#12)"""
    text = _piece("ref", lang, class_name=lesson.class_name, sequence=lesson.sequence)
    return text + (_piece("ref_id", lang, id=lesson.id) if lesson.id > 0 else "")


def when(lesson, period: str | None, lang: str | None) -> str:
    """2026-10-13（周二）上午 / Tue 2026-10-13 morning; an irregular start shows its time."""
    day = describe_date(lesson.date, lang)
    if period:
        return _piece("when_period", lang, day=day, period=pick(PERIOD_LABELS[period], lang))
    return _piece("when_time", lang, day=day, time=f"{lesson.start:%H:%M}")


def _place(lesson, lang: str | None) -> str:
    return lesson.place or _piece("unset_place", lang)


def _lecturer(lesson, params) -> str:
    return params.get("lecturer") or lesson.lecturer_name or "?"


def _join(items, lang: str | None) -> str:
    return _piece("separator", lang).join(items)


def _who(lesson, lang) -> str:
    return lesson.enterprise_name or _piece("the_class", lang)


def _lesson(p, lang) -> dict:
    a = p["lesson"]
    return {"ref": ref(a, lang), "place": _place(a, lang), "when": when(a, p.get("period"), lang),
            "date": describe_date(a.date, lang), "class_name": a.class_name, "who": _who(a, lang)}


def _pair(p, lang) -> dict:
    b = p["other"]
    return {**_lesson(p, lang), "other_ref": ref(b, lang), "other_place": _place(b, lang),
            "other_when": when(b, p.get("other_period"), lang), "other_class": b.class_name}


def _lecturer_busy(p, lang):
    return {**_pair(p, lang), "lecturer": _lecturer(p["lesson"], p)}


def _trainee_clash(p, lang):
    count, names = len(p["trainees"]), p.get("names") or ()
    more = _piece("more_names", lang) if count > 3 else ""
    who = (_piece("trainees_named", lang, names=_join(names[:3], lang), more=more, count=count)
           if names else _piece("trainees", lang, count=count))
    return {**_pair(p, lang), "who": who}


def _not_qualified(p, lang):
    a = p["lesson"]
    return {**_lesson(p, lang), "lecturer": _lecturer(a, p), "theme": a.theme_name,
            "course": a.course_title}


def _lecturer_unavailable(p, lang):
    span = p["span"]
    reason = _piece("because", lang, reason=span.reason) if span.reason else ""
    return {**_lesson(p, lang), "lecturer": _lecturer(p["lesson"], p), "start": span.start,
            "end": span.end, "reason": reason}


def _lecturer_not_offered(p, lang):
    offered = _join([_piece("weekday_period", lang, weekday=pick(WEEKDAY_LABELS[d - 1], lang),
                            period=pick(PERIOD_LABELS[c], lang))
                     for d, c in p["offered"] if c in PERIOD_LABELS], lang)
    return {**_lesson(p, lang), "lecturer": _lecturer(p["lesson"], p), "offered": offered}


def _outside_window(p, lang):
    request = p["lesson"].request
    return {**_lesson(p, lang), "start": request.start, "end": request.end}


def _wrong_weekday(p, lang):
    days = _join([pick(WEEKDAY_LABELS[int(d) - 1], lang) for d in p["lesson"].request.weekdays],
                 lang)
    return {**_lesson(p, lang), "days": days}


def _wrong_period(p, lang):
    periods = _join([pick(PERIOD_LABELS[c], lang) for c in p["lesson"].request.periods
                     if c in PERIOD_LABELS], lang)
    return {**_lesson(p, lang), "periods": periods}


def _non_working_day(p, lang):
    return {**_lesson(p, lang), "day_name": p["day"].name(lang)}


def _year_unknown(p, lang):
    from trainer.rules.calendar import provisional_warning
    return {"count": p["count"], "warning": provisional_warning([p["year"]], lang)}


def _hours(p, lang):
    a = p["lesson"]
    return {**_lesson(p, lang), "lecturer": p["lecturer"], "hours": f"{p['minutes'] / 60:g}",
            "limit": p["max_hours"], "monday": a.date - dt.timedelta(days=a.date.weekday())}


def _travel_gap(p, lang):
    a, b = p["lesson"], p["other"]
    first, then = (a, b) if (a.date, a.start_minute) <= (b.date, b.start_minute) else (b, a)
    return {"lecturer": first.lecturer_name or "?", "date": describe_date(first.date, lang),
            "end": f"{first.end:%H:%M}", "place": _place(first, lang), "ref": ref(first, lang),
            "start": f"{then.start:%H:%M}", "other_place": _place(then, lang),
            "other_ref": ref(then, lang), "gap": p["gap"], "needed": p["needed"]}


def _by_sequence(p, lang):
    a, b = p["lesson"], p["other"]
    low, high = (a, b) if a.sequence < b.sequence else (b, a)
    return {"class_name": high.class_name, "low": low.sequence, "high": high.sequence,
            "low_date": low.date, "high_date": high.date, "date": describe_date(high.date, lang),
            "days": p.get("days"), "minimum": p.get("min_days")}


def _class_order(p, lang):
    params = _by_sequence(p, lang)
    a, b = p["lesson"], p["other"]
    low, high = (a, b) if a.sequence < b.sequence else (b, a)
    return {**params, "low_date": describe_date(low.date, lang),
            "high_date": describe_date(high.date, lang)}


def _venue_capacity(p, lang):
    a = p["lesson"]
    return {**_lesson(p, lang), "size": a.class_size, "capacity": a.venue_capacity}


PARAMS: dict[str, Callable] = {
    "lecturer_busy": _lecturer_busy, "venue_busy": _pair, "trainee_clash": _trainee_clash,
    "not_qualified": _not_qualified, "lecturer_unavailable": _lecturer_unavailable,
    "lecturer_not_offered": _lecturer_not_offered, "outside_window": _outside_window,
    "wrong_weekday": _wrong_weekday, "wrong_period": _wrong_period,
    "blackout_date": _lesson, "non_working_day": _non_working_day,
    "year_unknown": _year_unknown, "daily_hours": _hours, "weekly_hours": _hours,
    "travel_gap": _travel_gap, "class_order": _class_order, "class_gap": _by_sequence,
    "venue_capacity": _venue_capacity,
}


def conflict_text(conflict, lang: str | None = None) -> str:
    lang = lang or language()
    code, params = conflict.code, conflict.params
    if code == "class_gap" and params["days"] == 0:
        code = "class_gap_same_day"
    text = pick(SENTENCES[code], lang).format(**PARAMS[conflict.code](params, lang))
    return text if lang == "zh" else text[:1].upper() + text[1:]


def conflict_title(code: str, lang: str | None = None) -> str:
    return pick(CONFLICT_TITLES[code], lang)
