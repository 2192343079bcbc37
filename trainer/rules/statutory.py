"""The statutory holidays a year has by law, before the State Council announces its arrangement.

《全国年节及纪念日放假办法》 (as amended in 2024, in force from 2025) fixes the days every citizen
has off: 元旦 1 January; 春节 4 days, 除夕 (the last day of the lunar year) to 正月初三; 清明节 the
day of the Qingming solar term; 劳动节 1–2 May; 端午节 五月初五; 中秋节 八月十五; 国庆节 1–3
October. The State Council's yearly notice then adds bridge days and the adjusted working days
(调休上班); until it is published — and until chinesecalendar carries it — these days are
*provisional*: the planner keeps them free and the calendar shows them as 按法定节日推算.

Lunar dates and solar terms come from tyme4py (pure Python, computes both astronomically, so no
year range runs out; it agrees with chinesecalendar on every such day of 2016–2026 and with
lunar-python, sxtwl and borax on 2016–2035 — tests/unit/rules/test_statutory.py)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

# (Chinese, English) names, as trainer.rules.calendar.HOLIDAY_NAMES spells them
NEW_YEAR = ("元旦", "New Year's Day")
SPRING = ("春节", "Spring Festival")
QINGMING = ("清明节", "Qingming Festival")
LABOUR = ("劳动节", "Labour Day")
DRAGON_BOAT = ("端午节", "Dragon Boat Festival")
MID_AUTUMN = ("中秋节", "Mid-Autumn Festival")
NATIONAL = ("国庆节", "National Day")


def _lunar(year: int, month: int, day: int) -> dt.date:
    from tyme4py.lunar import LunarDay
    solar = LunarDay.from_ymd(year, month, day).get_solar_day()
    return dt.date(solar.get_year(), solar.get_month(), solar.get_day())


def _qingming(year: int) -> dt.date:
    from tyme4py.solar import SolarTerm
    solar = SolarTerm.from_name(year, "清明").get_julian_day().get_solar_day()
    return dt.date(solar.get_year(), solar.get_month(), solar.get_day())


@lru_cache(maxsize=32)
def statutory_days(year: int) -> dict[dt.date, tuple[str, str]]:
    """Every statutory holiday of the Gregorian `year` by law, date → (Chinese, English) name.
    The Spring Festival days of the lunar year beginning in `year` (除夕 may fall on 31 January
    at the earliest, never in the previous December). Where two festivals share a day (中秋节 on
    1–3 October) the day carries both names, 中秋节、国庆节."""
    days: dict[dt.date, tuple[str, str]] = {}

    def add(date: dt.date, name: tuple[str, str]) -> None:
        if date in days and days[date] != name:
            first = days[date]
            name = (f"{first[0]}、{name[0]}", f"{first[1]} and {name[1]}")
        days[date] = name

    add(dt.date(year, 1, 1), NEW_YEAR)
    new_year = _lunar(year, 1, 1)
    for offset in range(-1, 3):  # 除夕, 正月初一 … 初三
        add(new_year + dt.timedelta(days=offset), SPRING)
    add(_qingming(year), QINGMING)
    add(dt.date(year, 5, 1), LABOUR)
    add(dt.date(year, 5, 2), LABOUR)
    add(_lunar(year, 5, 5), DRAGON_BOAT)
    add(_lunar(year, 8, 15), MID_AUTUMN)
    for day in (1, 2, 3):
        add(dt.date(year, 10, day), NATIONAL)
    return dict(sorted(days.items()))
