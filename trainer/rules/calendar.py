"""The working-day calendar and the day periods (pure: no database).

Working days come from `chinesecalendar` (statutory holidays and the adjusted working days, 调休
上班, announced each year by the State Council), corrected by the office's own override table
(CalendarOverride rows, passed in as a mapping). For a year chinesecalendar does not know yet it
raises NotImplementedError; then the statutory days the law fixes (trainer.rules.statutory) are
holidays, *provisional* (`CalendarDay.year_known` False, so the UI, the printed timetables and
`trainer schedule plan`/`check` say so) until the office reads the State Council's notice for the
year (trainer.io.holiday_notice): that year is then "confirmed by notice" — weekends and the
notice's days (saved as overrides) count, nothing computed.

Day periods (上午/下午/晚上) come from the office setting `schedule.periods`. The convention every
part of the scheduler follows: a lesson starts at the start of a period and lasts its course's
`lesson_minutes`; a lecturer or a venue holds at most one lesson per period."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import chinese_calendar

from trainer.errors import ValidationError
from trainer.texts import FIELDS, label, language, pick
from trainer.texts import errors as error_texts
from trainer.texts.labels import PERIODS, WEEKDAYS

# field labels and reasons only the scheduling modules use, kept beside them (rules/calendar.py)
for _key, _label in {
    "schedule.periods": ("上课时段设置", "day periods setting"),
    "period": ("时段", "time of day"),
    "start": ("开始时间", "start time"),
    "date": ("日期", "date"),
    "sequence": ("课次序号", "lesson number"),
    "lecturer": ("讲师", "lecturer"),
    "venue": ("培训地点", "venue"),
    "class": ("培训班", "class"),
}.items():
    FIELDS.setdefault(_key, _label)


class ScheduleFieldError(ValidationError):
    """A bad scheduling field whose reason only scheduling raises: its texts are kept here
    (TEXTS) rather than in messages.REASONS. Still a ValidationError (field + reason), so forms
    and the CLI treat it like any other."""

    TEXTS = error_texts.SCHEDULE_FIELD_ERROR  # trainer/texts/errors.py

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = {k: pick(PERIOD_LABELS[v], lang) if k in ("first", "second") else v
                  for k, v in self.params.items()}
        text = pick(self.TEXTS[self.reason], lang).format(**params)
        field = label(FIELDS, self.field, lang)
        return f"{field}{text}" if lang == "zh" else f"{field[:1].upper()}{field[1:]} {text}"

# --- day periods ------------------------------------------------------------------------------

PERIOD_CODES = ("morning", "afternoon", "evening")  # in the order of the day
PERIOD_LABELS = PERIODS  # the one table of trainer/texts/labels.py
PERIODS_SETTING = "schedule.periods"
DEFAULT_PERIODS: dict[str, list[str]] = {"morning": ["08:30", "12:00"],
                                         "afternoon": ["14:00", "17:30"],
                                         "evening": ["19:00", "21:00"]}


@dataclass(frozen=True)
class DayPeriod:
    code: str  # morning / afternoon / evening
    start: dt.time
    end: dt.time

    @property
    def minutes(self) -> int:
        return minute_of_day(self.end) - minute_of_day(self.start)

    def label(self, lang: str | None = None) -> str:
        return pick(PERIOD_LABELS[self.code], lang)


def minute_of_day(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def time_of_minute(minute: int) -> dt.time:
    """Minute of the day → time; a lesson running past midnight is cut at 23:59."""
    minute = max(0, min(minute, 23 * 60 + 59))
    return dt.time(minute // 60, minute % 60)


def parse_time(value: object, field: str = "start") -> dt.time:
    """A time, or "8:30" / "08:30" / "08：30" text."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = str(value or "").strip().replace("\uff1a", ":")
    try:
        hours, minutes = text.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ScheduleFieldError(field, "time_format", value=text) from None


def day_periods(setting: Mapping[str, Sequence[str]] | None = None) -> tuple[DayPeriod, ...]:
    """The periods of the setting `schedule.periods` ({code: [start, end]}), in time order.
    Codes other than morning/afternoon/evening, ends before starts and overlapping periods are
    refused (ValidationError on the setting key)."""
    setting = DEFAULT_PERIODS if setting is None else setting
    periods = []
    for code, span in setting.items():
        if code not in PERIOD_LABELS:
            raise ValidationError(PERIODS_SETTING, "choice", choices=tuple(PERIOD_LABELS.values()))
        try:
            start, end = (parse_time(v, PERIODS_SETTING) for v in span)
        except (TypeError, ValueError):
            raise ScheduleFieldError(PERIODS_SETTING, "time_format", value=str(span)) from None
        if end <= start:
            raise ValidationError(PERIODS_SETTING, "date_order")
        periods.append(DayPeriod(code, start, end))
    periods.sort(key=lambda p: p.start)
    for before, after in zip(periods, periods[1:]):
        if after.start < before.end:
            raise ScheduleFieldError(PERIODS_SETTING, "periods_overlap",
                                     first=before.code, second=after.code)
    return tuple(periods)


DEFAULT_DAY_PERIODS = day_periods(DEFAULT_PERIODS)


def period_of(start: dt.time, periods: Sequence[DayPeriod] = DEFAULT_DAY_PERIODS) -> DayPeriod | None:
    """The period a lesson starting at `start` belongs to: the one whose [start, end) holds it;
    None for a time between periods (a lesson at an irregular time)."""
    for period in periods:
        if period.start <= start < period.end:
            return period
    return None


def period_named(code: str, periods: Sequence[DayPeriod] = DEFAULT_DAY_PERIODS) -> DayPeriod:
    for period in periods:
        if period.code == code:
            return period
    raise ValidationError("period", "choice",
                          choices=tuple(PERIOD_LABELS[p.code] for p in periods))


def lesson_times(period: DayPeriod, lesson_minutes: int) -> tuple[dt.time, dt.time]:
    """Start and end of a lesson placed in `period` (the convention: it starts with the period)."""
    start = minute_of_day(period.start)
    return period.start, time_of_minute(start + lesson_minutes)


# --- working days -----------------------------------------------------------------------------

# chinesecalendar's holiday names (its Holiday enum values) → (Chinese, English)
HOLIDAY_NAMES: dict[str, tuple[str, str]] = {
    "New Year's Day": ("元旦", "New Year's Day"),
    "Spring Festival": ("春节", "Spring Festival"),
    "Tomb-sweeping Day": ("清明节", "Qingming Festival"),
    "Labour Day": ("劳动节", "Labour Day"),
    "Dragon Boat Festival": ("端午节", "Dragon Boat Festival"),
    "National Day": ("国庆节", "National Day"),
    "Mid-autumn Festival": ("中秋节", "Mid-Autumn Festival"),
    "Anti-Fascist 70th Day": ("抗战胜利70周年纪念日", "70th anniversary of the victory"),
}

WORKDAY, WEEKEND, HOLIDAY, ADJUSTED_WORKDAY = "workday", "weekend", "holiday", "adjusted_workday"
DAY_KINDS: dict[str, tuple[str, str]] = {
    WORKDAY: ("工作日", "working day"),
    WEEKEND: ("周末", "weekend"),
    HOLIDAY: ("节假日", "holiday"),
    ADJUSTED_WORKDAY: ("调休上班", "adjusted working day (调休上班)"),
}
WEEKDAY_LABELS = tuple(WEEKDAYS.values())  # Monday first, as date.weekday() counts


@dataclass(frozen=True)
class CalendarDay:
    """What a date is. `kind`: workday / weekend / holiday / adjusted_workday (a weekend day
    worked in exchange for a holiday). `holiday`: (Chinese, English) name of the holiday the day
    belongs to — for an adjusted working day the holiday it makes up for; for an override its
    name. `year_known`: chinesecalendar knows the year (else only weekends and overrides count).
    `overridden`: the office's override table decided."""
    date: dt.date
    working: bool
    kind: str
    holiday: tuple[str, str] | None = None
    year_known: bool = True
    overridden: bool = False

    @property
    def provisional(self) -> bool:
        """A statutory day computed from the law in a year not confirmed yet."""
        return self.kind == HOLIDAY and not self.year_known and not self.overridden

    def label(self, lang: str | None = None) -> str:
        """The name for a calendar cell: 春节（推算） / Spring Festival (provisional) when
        provisional, else name()."""
        if not self.provisional:
            return self.name(lang)
        zh = (lang or _lang()) == "zh"
        return f"{self.name(lang)}（推算）" if zh else f"{self.name(lang)} (provisional)"

    def name(self, lang: str | None = None) -> str:
        """The holiday's name (国庆节), else "周末"/"weekend", "调休上班"… as a person says it."""
        if self.kind == ADJUSTED_WORKDAY:
            base = pick(DAY_KINDS[ADJUSTED_WORKDAY], lang)
            if self.holiday and pick(self.holiday, lang):
                holiday = pick(self.holiday, lang)
                return f"{holiday}{base}" if (lang or _lang()) == "zh" else f"{base} for {holiday}"
            return base
        if self.kind == HOLIDAY and self.holiday and pick(self.holiday, lang):
            return pick(self.holiday, lang)
        return pick(DAY_KINDS[self.kind], lang)


def _lang() -> str:
    from trainer.texts import language
    return language()


@lru_cache(maxsize=64)
def year_known(year: int) -> bool:
    """chinesecalendar has the State Council's arrangement for `year`."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _holiday_name(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    return HOLIDAY_NAMES.get(value, (value, value))


@lru_cache(maxsize=8192)
def _statutory_day(date: dt.date) -> CalendarDay:
    """The day as chinesecalendar says; for a year it does not know, the weekends and the
    statutory days by law (provisional: year_known False)."""
    weekend = date.isoweekday() >= 6
    if not year_known(date.year):
        from trainer.rules.statutory import statutory_days
        name = statutory_days(date.year).get(date)
        if name:
            return CalendarDay(date, False, HOLIDAY, name, False)
        return CalendarDay(date, not weekend, WEEKEND if weekend else WORKDAY, None, False)
    working = chinese_calendar.is_workday(date)
    _on_holiday, name = chinese_calendar.get_holiday_detail(date)
    if working:
        if weekend:
            return CalendarDay(date, True, ADJUSTED_WORKDAY, _holiday_name(name))
        return CalendarDay(date, True, WORKDAY)
    if name:
        return CalendarDay(date, False, HOLIDAY, _holiday_name(name))
    # a weekday off without a name does not occur in chinesecalendar's data; keep it a holiday
    return CalendarDay(date, False, WEEKEND if weekend else HOLIDAY)


def _notice_day(date: dt.date) -> CalendarDay:
    """A day of a year confirmed by the office's reading of the State Council's notice: the
    notice's days are overrides, every other day is what its weekday says."""
    weekend = date.isoweekday() >= 6
    return CalendarDay(date, not weekend, WEEKEND if weekend else WORKDAY)


PROVISIONAL_NOTE = ("按法定节日推算，待国务院通知确认",
                    "computed from the statutory holidays, to be confirmed by the State Council's notice")


def _override_label(name: str) -> tuple[str, str]:
    """An override's name in both languages: 春节 / 中秋节、国庆节 are the festivals' own
    English names; anything else the office typed stays as typed."""
    english = {zh: en for zh, en in HOLIDAY_NAMES.values()}
    parts = name.split("、")
    if all(p in english for p in parts):
        return name, " and ".join(english[p] for p in parts)
    return name, name


class WorkingCalendar:
    """Working days: chinesecalendar corrected by `overrides` {date: (is_working_day, name)}.
    `notice_years`: years chinesecalendar does not know whose arrangement the office read from
    the State Council's notice (no provisional statutory days there)."""

    def __init__(self, overrides: Mapping[dt.date, tuple[bool, str]] | None = None,
                 notice_years: frozenset[int] | set[int] | tuple[int, ...] = ()) -> None:
        self.overrides = dict(overrides or {})
        self.notice_years = frozenset(notice_years)

    def day(self, date: dt.date) -> CalendarDay:
        base = _statutory_day(date)
        if not base.year_known and date.year in self.notice_years:
            base = _notice_day(date)
        override = self.overrides.get(date)
        if override is None:
            return base
        working, name = override
        label = _override_label(name) if name else None
        if working:
            kind = ADJUSTED_WORKDAY if date.isoweekday() >= 6 or base.kind == HOLIDAY else WORKDAY
            return CalendarDay(date, True, kind, label or base.holiday, base.year_known, True)
        kind = WEEKEND if date.isoweekday() >= 6 and not name else HOLIDAY
        return CalendarDay(date, False, kind, label or base.holiday, base.year_known, True)

    def is_working_day(self, date: dt.date) -> bool:
        return self.day(date).working

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        days, date = [], start
        while date <= end:
            if self.is_working_day(date):
                days.append(date)
            date += dt.timedelta(days=1)
        return days

    def year_known(self, year: int) -> bool:
        """chinesecalendar knows the year, or the office read its notice."""
        return year_known(year) or year in self.notice_years

    def unknown_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        """Provisional years from `start` to `end`: neither chinesecalendar nor a notice."""
        return tuple(y for y in range(start.year, end.year + 1) if not self.year_known(y))

    def is_provisional_holiday(self, date: dt.date) -> bool:
        """A statutory day by law in a year whose arrangement is not confirmed yet."""
        return self.day(date).provisional


def describe_date(date: dt.date, lang: str | None = None) -> str:
    """2026-10-13（周二） / Tue 2026-10-13"""
    weekday = pick(WEEKDAY_LABELS[date.weekday()], lang)
    if (lang or _lang()) == "zh":
        return f"{date.isoformat()}（{weekday}）"
    return f"{weekday} {date.isoformat()}"


def provisional_warning(years: Sequence[int], lang: str | None = None) -> str:
    """The warning wherever a period touches a year whose holidays are only computed from the
    law: 2027 年的放假安排尚未确认（按法定节日推算）… / holidays of 2027 are provisional: …"""
    if not years:
        return ""
    if (lang or _lang()) == "zh":
        listed = "、".join(f"{y}" for y in years)
        return (f"{listed} 年的放假安排尚未确认（按法定节日推算）：法定节假日不排课，"
                f"调休上班日未知；国务院通知发布后请在“节假日”中读入通知。")
    listed = ", ".join(str(y) for y in years)
    return (f"holidays of {listed} are provisional: computed from the statutory holidays (no "
            f"lesson on them, adjusted working days unknown); read the State Council's notice "
            f"in Holidays… once it is published.")
