"""Which lunar-calendar library computes the statutory days of a year chinesecalendar does not
know (trainer/rules/statutory.py)? For each one installed — tyme4py (chosen), lunar-python,
sxtwl, borax — prints its import time, the time to compute 正月初一, 清明, 五月初五 and 八月十五
for 2016–2035, the days of 2016–2026 on which it disagrees with chinesecalendar's holidays, and
the years of 2016–2035 on which it disagrees with tyme4py. The others are not dependencies:
`pip install lunar-python sxtwl borax` to compare.

    python bench/lunar_libraries.py"""
from __future__ import annotations

import datetime as dt
import time

import chinese_calendar

D = dt.date
YEARS = range(2016, 2036)


def tyme4py():
    from tyme4py.lunar import LunarDay
    from tyme4py.solar import SolarTerm

    def s(x):
        return D(x.get_year(), x.get_month(), x.get_day())
    return lambda y: (s(LunarDay.from_ymd(y, 1, 1).get_solar_day()),
                      s(SolarTerm.from_name(y, "清明").get_julian_day().get_solar_day()),
                      s(LunarDay.from_ymd(y, 5, 5).get_solar_day()),
                      s(LunarDay.from_ymd(y, 8, 15).get_solar_day()))


def lunar_python():
    from lunar_python import Lunar

    def s(x):
        return D(x.getYear(), x.getMonth(), x.getDay())

    def f(y):
        table = Lunar.fromYmd(y, 1, 1).getJieQiTable()
        return (s(Lunar.fromYmd(y, 1, 1).getSolar()), s(table["清明"]),
                s(Lunar.fromYmd(y, 5, 5).getSolar()), s(Lunar.fromYmd(y, 8, 15).getSolar()))
    return f


def sxtwl():
    import sxtwl as lib

    def s(x):
        return D(x.getSolarYear(), x.getSolarMonth(), x.getSolarDay())

    def f(y):
        qm = next(s(lib.fromSolar(y, 4, d)) for d in range(1, 15)
                  if lib.fromSolar(y, 4, d).hasJieQi() and lib.fromSolar(y, 4, d).getJieQi() == 7)
        return (s(lib.fromLunar(y, 1, 1)), qm, s(lib.fromLunar(y, 5, 5)),
                s(lib.fromLunar(y, 8, 15)))
    return f


def borax():
    from borax.calendars.lunardate import LunarDate, TermUtils
    return lambda y: (LunarDate(y, 1, 1).to_solar_date(), TermUtils.nth_term_day(y, term_name="清明"),
                      LunarDate(y, 5, 5).to_solar_date(), LunarDate(y, 8, 15).to_solar_date())


def main() -> None:
    reference = None
    for name, make in (("tyme4py", tyme4py), ("lunar-python", lunar_python), ("sxtwl", sxtwl),
                       ("borax", borax)):
        t0 = time.perf_counter()
        try:
            compute = make()
        except ImportError:
            print(f"{name:13s} not installed")
            continue
        t1 = time.perf_counter()
        out = {y: compute(y) for y in YEARS}
        t2 = time.perf_counter()
        wrong = [d for y in range(2016, 2027) for d in out[y][1:] + (out[y][0],)
                 if chinese_calendar.is_workday(d)]
        reference = reference or out
        differs = [y for y in YEARS if out[y] != reference[y]]
        print(f"{name:13s} import {1000 * (t1 - t0):6.1f} ms   20 years {1000 * (t2 - t1):6.1f} ms"
              f"   working days in chinesecalendar 2016–2026: {len(wrong)}"
              f"   years differing from tyme4py: {differs or 'none'}")


if __name__ == "__main__":
    main()
