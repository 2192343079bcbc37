"""The working-day calendar (chinesecalendar + overrides) and the day periods."""
from __future__ import annotations

import datetime as dt

import pytest

from trainer.errors import ValidationError
from trainer.rules.calendar import (ADJUSTED_WORKDAY, DEFAULT_DAY_PERIODS, HOLIDAY, WEEKEND,
                                    WORKDAY, WorkingCalendar, day_periods, describe_date,
                                    lesson_times, parse_time, period_named, period_of, year_known)

D = dt.date


def test_2026_national_day_as_chinesecalendar_has_it():
    """chinesecalendar 1.11: 国庆节 1–7 Oct 2026 (中秋节 25–27 Sept); Sunday 20 Sept and Saturday
    10 Oct are worked (调休上班); 8 Oct is an ordinary Thursday."""
    cal = WorkingCalendar()
    for day in range(1, 8):
        info = cal.day(D(2026, 10, day))
        assert (info.working, info.kind, info.name("zh"), info.name("en")) == \
            (False, HOLIDAY, "国庆节", "National Day")
    assert cal.day(D(2026, 10, 3)).kind == HOLIDAY  # a Saturday inside the holiday
    assert cal.is_working_day(D(2026, 10, 8)) and cal.day(D(2026, 10, 8)).kind == WORKDAY
    for adjusted in (D(2026, 9, 20), D(2026, 10, 10)):
        info = cal.day(adjusted)
        assert info.working and info.kind == ADJUSTED_WORKDAY
        assert info.name("zh") == "国庆节调休上班"
        assert "调休上班" in info.name("en") and "National Day" in info.name("en")
    assert cal.day(D(2026, 9, 25)).name("zh") == "中秋节"
    assert not cal.is_working_day(D(2026, 10, 17)) and cal.day(D(2026, 10, 17)).kind == WEEKEND
    assert cal.day(D(2026, 10, 17)).name("zh") == "周末"
    assert cal.day(D(2026, 10, 17)).name("en") == "weekend"


def test_working_days_of_national_day_fortnight():
    days = WorkingCalendar().working_days(D(2026, 9, 28), D(2026, 10, 11))
    assert days == [D(2026, 9, 28), D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8),
                    D(2026, 10, 9), D(2026, 10, 10)]


def test_other_2026_adjusted_saturdays():
    cal = WorkingCalendar()
    assert cal.day(D(2026, 2, 14)).kind == ADJUSTED_WORKDAY  # 春节
    assert cal.day(D(2026, 2, 14)).name("zh") == "春节调休上班"
    assert cal.day(D(2026, 5, 9)).name("zh") == "劳动节调休上班"
    assert cal.day(D(2026, 4, 6)).name("zh") == "清明节"


def test_unknown_year_falls_back_to_weekends_and_statutory_days_and_says_so():
    assert year_known(2026) and not year_known(2031)
    cal = WorkingCalendar()
    monday, saturday = D(2031, 10, 6), D(2031, 10, 4)
    assert cal.day(monday).working and not cal.day(monday).year_known
    assert cal.day(saturday).kind == WEEKEND and not cal.day(saturday).working
    national = cal.day(D(2031, 10, 2))  # a Thursday: 国庆节 by law, provisional
    assert (national.working, national.kind, national.name("zh"), national.year_known) == (
        False, HOLIDAY, "国庆节", False)
    assert cal.is_provisional_holiday(D(2031, 10, 2))
    assert not cal.is_provisional_holiday(D(2026, 10, 2))  # chinesecalendar's, not provisional
    assert cal.unknown_years(D(2031, 1, 1), D(2031, 12, 31)) == (2031,)
    assert cal.unknown_years(D(2025, 12, 1), D(2026, 2, 1)) == ()


def test_overrides_for_an_unknown_year():
    cal = WorkingCalendar({D(2031, 10, 1): (False, "国庆节"), D(2031, 9, 28): (True, "")})
    holiday = cal.day(D(2031, 10, 1))
    assert (holiday.working, holiday.kind, holiday.name("zh"), holiday.overridden,
            holiday.year_known) == (False, HOLIDAY, "国庆节", True, False)
    sunday = cal.day(D(2031, 9, 28))
    assert sunday.working and sunday.kind == ADJUSTED_WORKDAY and sunday.name("zh") == "调休上班"


def test_overrides_win_over_chinesecalendar():
    cal = WorkingCalendar({D(2026, 10, 8): (False, "单位停电检修"), D(2026, 10, 3): (True, "补课")})
    assert not cal.is_working_day(D(2026, 10, 8))
    assert cal.day(D(2026, 10, 8)).name("zh") == "单位停电检修"
    assert cal.is_working_day(D(2026, 10, 3))
    assert cal.day(D(2026, 10, 3)).kind == ADJUSTED_WORKDAY


def test_periods_default_and_period_of_a_start_time():
    morning, afternoon, evening = DEFAULT_DAY_PERIODS
    assert (morning.code, morning.start, morning.end) == ("morning", dt.time(8, 30), dt.time(12))
    assert (evening.start, evening.end, evening.minutes) == (dt.time(19), dt.time(21), 120)
    assert period_of(dt.time(8, 30)) is morning
    assert period_of(dt.time(10, 0)) is morning
    assert period_of(dt.time(12, 0)) is None  # lunch break: an irregular time
    assert period_of(dt.time(14, 0)) is afternoon
    assert period_of(dt.time(7, 0)) is None
    assert period_named("evening") is evening
    assert lesson_times(afternoon, 180) == (dt.time(14), dt.time(17))
    assert afternoon.label("zh") == "下午"


def test_periods_from_a_setting_and_refused_settings():
    periods = day_periods({"evening": ["18:30", "20:30"], "morning": ["8:00", "11:30"]})
    assert [p.code for p in periods] == ["morning", "evening"]
    assert period_of(dt.time(18, 30), periods).code == "evening"
    with pytest.raises(ValidationError) as err:
        day_periods({"morning": ["08:30", "12:00"], "afternoon": ["11:00", "13:00"]})
    assert "重叠" in err.value.message("zh") and "overlap" in err.value.message("en")
    with pytest.raises(ValidationError):
        day_periods({"night": ["22:00", "23:00"]})
    with pytest.raises(ValidationError):
        day_periods({"morning": ["12:00", "08:00"]})
    with pytest.raises(ValidationError) as err:
        parse_time("8点半")
    assert "8点半" in err.value.message("zh")
    assert parse_time("08:30") == dt.time(8, 30)


def test_describe_date():
    assert describe_date(D(2026, 10, 13), "zh") == "2026-10-13（周二）"
    assert describe_date(D(2026, 10, 13), "en") == "Tue 2026-10-13"
