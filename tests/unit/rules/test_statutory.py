"""Statutory days by law for years chinesecalendar does not know (trainer.rules.statutory)."""
import datetime as dt

import chinese_calendar
import pytest

from trainer.rules.calendar import HOLIDAY, WEEKEND, WORKDAY, WorkingCalendar, provisional_warning
from trainer.rules.statutory import statutory_days

D = dt.date


def _names(year):
    return {d: n[0] for d, n in statutory_days(year).items()}


def test_2027_by_law():
    days = _names(2027)
    assert [d for d, n in days.items() if n == "春节"] == [D(2027, 2, d) for d in (5, 6, 7, 8)]
    assert days[D(2027, 1, 1)] == "元旦"
    assert days[D(2027, 4, 5)] == "清明节"
    assert [d for d, n in days.items() if n == "劳动节"] == [D(2027, 5, 1), D(2027, 5, 2)]
    assert days[D(2027, 6, 9)] == "端午节"
    assert days[D(2027, 9, 15)] == "中秋节"
    assert [d for d, n in days.items() if n == "国庆节"] == [D(2027, 10, d) for d in (1, 2, 3)]
    assert len(days) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3: the 2024 amendment's thirteen days


def test_2028_by_law_and_two_festivals_on_one_day():
    days = _names(2028)
    assert [d for d, n in days.items() if n == "春节"] == [D(2028, 1, d) for d in (25, 26, 27, 28)]
    assert days[D(2028, 4, 4)] == "清明节"
    assert days[D(2028, 5, 28)] == "端午节"
    assert days[D(2028, 10, 3)] == "中秋节、国庆节"  # 八月十五 is 3 October 2028
    assert len(days) == 12


@pytest.mark.parametrize("year", range(2016, 2027))
def test_agrees_with_chinesecalendar_on_every_known_year(year):
    """Every day the law fixes is a holiday in the State Council's arrangement as
    chinesecalendar has it. Before the 2024 amendment (years up to 2024) 除夕 and 2 May were
    not statutory days: those two are left out there."""
    eve = min(d for d, n in statutory_days(year).items() if n[0] == "春节")
    for date, (zh, _en) in statutory_days(year).items():
        if year < 2025 and date in (eve, D(year, 5, 2)):
            continue
        assert not chinese_calendar.is_workday(date), (date, zh)


def test_the_calendar_uses_them_for_an_unknown_year():
    cal = WorkingCalendar()
    spring = [cal.day(D(2027, 2, d)) for d in range(4, 10)]
    assert [(d.working, d.kind) for d in spring] == [
        (True, WORKDAY), (False, HOLIDAY), (False, HOLIDAY), (False, HOLIDAY), (False, HOLIDAY),
        (True, WORKDAY)]
    assert spring[2].name("zh") == "春节"  # a Saturday inside 春节: a holiday, not a weekend
    assert cal.day(D(2027, 2, 13)).kind == WEEKEND
    assert cal.unknown_years(D(2027, 1, 1), D(2027, 3, 31)) == (2027,)


def test_a_year_confirmed_by_notice_drops_the_computed_days():
    cal = WorkingCalendar({D(2027, 2, 9): (False, "春节")}, notice_years={2027})
    assert cal.day(D(2027, 2, 9)).kind == HOLIDAY and cal.day(D(2027, 2, 9)).year_known
    assert cal.day(D(2027, 6, 9)).working  # the computed 端午节 is gone: the notice decides
    assert cal.unknown_years(D(2027, 1, 1), D(2028, 1, 1)) == (2028,)


def test_warning_names_the_years():
    assert provisional_warning([2027], "zh").startswith("2027 年的放假安排尚未确认（按法定节日推算）")
    assert provisional_warning([2027, 2028], "en").startswith("holidays of 2027, 2028 are provisional")
    assert provisional_warning([], "zh") == ""
