"""Each conflict rule on small hand-made schedules, its sentence in both languages, the
single-change check, and the speed on a province-sized schedule."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time

from trainer.rules.calendar import WorkingCalendar
from trainer.rules.conflicts import (Conflict, LecturerProfile, LessonFacts, LessonIndex,
                                     RequestWindow, RuleContext, Unavailable, check_all,
                                     check_changes, check_lesson, class_sequence,
                                     lecturer_double_booked, lecturer_not_qualified,
                                     lecturer_over_hours, lecturer_unavailable, non_working_day,
                                     outside_request, travel_gap, trainee_double_booked,
                                     venue_double_booked, venue_too_small)

D, T = dt.date, dt.time
TUE = D(2026, 10, 13)  # an ordinary Tuesday
SAFETY = 2  # theme id of 安全生产

WANG = LecturerProfile(1, "王建国", frozenset({SAFETY}))
LI = LecturerProfile(2, "李芳", frozenset({SAFETY, 3}))


def lesson(id: int, *, class_id: int = 1, sequence: int = 1, date: dt.date = TUE,
           start: dt.time = T(8, 30), minutes: int = 120, lecturer: LecturerProfile | None = WANG,
           enterprise: tuple[int, str] = (100, "新钢公司"), venue: tuple[int, str] | None = (10, "一车间"),
           **changes) -> LessonFacts:
    end_minute = start.hour * 60 + start.minute + minutes
    base = LessonFacts(
        id=id, class_id=class_id, class_code=f"C{class_id}", class_name=f"{enterprise[1]}{class_id}班",
        sequence=sequence, date=date, start=start, end=T(end_minute // 60, end_minute % 60),
        course_id=7, course_title="安全生产法与岗位安全责任", theme_id=SAFETY, theme_name="安全生产",
        lecturer_id=lecturer.id if lecturer else None, lecturer_name=lecturer.name if lecturer else "",
        venue_id=venue[0] if venue else None, venue_name=venue[1] if venue else "",
        venue_capacity=60, venue_enterprise_id=enterprise[0] if venue else None,
        venue_enterprise_name=enterprise[1] if venue else "",
        enterprise_id=enterprise[0], enterprise_name=enterprise[1], class_size=40)
    return dataclasses.replace(base, **changes)


def ctx(**changes) -> RuleContext:
    values = dict(lecturers={WANG.id: WANG, LI.id: LI})
    values.update(changes)
    return RuleContext(**values)


def codes(conflicts: list[Conflict]) -> list[str]:
    return [c.code for c in conflicts]


SAIWEI = (200, "赛维公司")


# --- lecturer, venue, trainee double-booked -------------------------------------------------

def test_lecturer_double_booked_names_lecturer_places_and_date():
    here = lesson(12, class_id=1)
    there = lesson(15, class_id=2, enterprise=SAIWEI, venue=(20, ""))
    found = lecturer_double_booked([here, there], ctx())
    assert codes(found) == ["lecturer_busy"] and found[0].lesson_ids == (15, 12)
    assert found[0].text("zh") == ("讲师王建国 2026-10-13（周二）上午已在新钢公司一车间上新钢公司1班第1次课"
                                   "（课次 12），不能同时在赛维公司上赛维公司2班第1次课（课次 15）。")
    english = found[0].text("en")
    assert english.startswith("Lecturer 王建国 already teaches") and "Tue 2026-10-13 morning" in english


def test_lecturer_once_per_half_day_even_without_overlap():
    early = lesson(1, start=T(8, 30), minutes=90)  # 08:30–10:00
    late = lesson(2, class_id=2, start=T(10, 30), minutes=90)  # 10:30–12:00, same morning
    assert codes(lecturer_double_booked([early, late], ctx())) == ["lecturer_busy"]


def test_lecturer_free_in_other_period_other_day_or_other_lecturer():
    morning = lesson(1)
    assert lecturer_double_booked([morning, lesson(2, class_id=2, start=T(14))], ctx()) == []
    assert lecturer_double_booked([morning, lesson(3, class_id=2, date=D(2026, 10, 14))], ctx()) == []
    assert lecturer_double_booked([morning, lesson(4, class_id=2, lecturer=LI)], ctx()) == []
    assert lecturer_double_booked([morning, lesson(5, class_id=2, lecturer=None)], ctx()) == []


def test_overlap_across_period_boundary_found():
    long = lesson(1, start=T(10), minutes=300)  # 10:00–15:00, starts in the morning
    after = lesson(2, class_id=2, start=T(14))  # afternoon, but overlapping
    assert codes(lecturer_double_booked([long, after], ctx())) == ["lecturer_busy"]


def test_venue_double_booked():
    a = lesson(1)
    b = lesson(2, class_id=2, lecturer=LI)
    found = venue_double_booked([a, b], ctx())
    assert codes(found) == ["venue_busy"] and set(found[0].lesson_ids) == {1, 2}
    assert "新钢公司一车间" in found[0].text("zh") and "不能同时安排" in found[0].text("zh")
    assert venue_double_booked([a, lesson(3, class_id=2, venue=(11, "二车间"))], ctx()) == []


def test_trainee_in_two_lessons_at_once():
    a = lesson(1, class_id=1)
    b = lesson(2, class_id=2, lecturer=LI, venue=(11, "二车间"))
    enrol = {1: frozenset({7, 8, 9}), 2: frozenset({9, 10})}
    found = trainee_double_booked([a, b], ctx(enrolments=enrol, trainee_names={9: "张三"}))
    assert codes(found) == ["trainee_clash"] and found[0].params["trainees"] == (9,)
    assert "张三" in found[0].text("zh") and "1 trainee(s) (张三)" in found[0].text("en")
    disjoint = {1: frozenset({7}), 2: frozenset({10})}
    assert trainee_double_booked([a, b], ctx(enrolments=disjoint)) == []
    later = dataclasses.replace(b, start=T(14), end=T(16))
    assert trainee_double_booked([a, later], ctx(enrolments=enrol)) == []


# --- lecturer facts -------------------------------------------------------------------------

def test_lecturer_not_qualified():
    marketing = lesson(1, theme_id=4, theme_name="线上线下营销", course_title="直播带货实务")
    found = lecturer_not_qualified([marketing, lesson(2, date=D(2026, 10, 14))], ctx())
    assert codes(found) == ["not_qualified"] and found[0].lesson_ids == (1,)
    assert found[0].text("zh") == ("讲师王建国不讲授“线上线下营销”主题，不能上课程“直播带货实务”的"
                                   "新钢公司1班第1次课（课次 1）。")


def test_lecturer_unavailable_dates_and_weekly_half_days():
    away = dataclasses.replace(WANG, unavailable=(Unavailable(D(2026, 10, 12), D(2026, 10, 16), "出差"),))
    found = lecturer_unavailable([lesson(1), lesson(2, date=D(2026, 10, 19))],
                                 ctx(lecturers={1: away}))
    assert codes(found) == ["lecturer_unavailable"] and found[0].lesson_ids == (1,)
    assert "2026-10-12 至 2026-10-16 不能授课（出差）" in found[0].text("zh")
    weekly = dataclasses.replace(WANG, weekly=frozenset({(2, "afternoon"), (4, "morning")}))
    found = lecturer_unavailable([lesson(1), lesson(2, start=T(14))], ctx(lecturers={1: weekly}))
    assert codes(found) == ["lecturer_not_offered"] and found[0].lesson_ids == (1,)
    assert "周二下午、周四上午" in found[0].text("zh")


def test_lecturer_over_daily_and_weekly_hours():
    limited = dataclasses.replace(WANG, max_hours_per_day=4, max_hours_per_week=6)
    day = [lesson(1, minutes=180), lesson(2, class_id=2, start=T(14), minutes=120)]
    found = lecturer_over_hours(day, ctx(lecturers={1: limited}))
    assert codes(found) == ["daily_hours"]
    assert "共有 5 小时课，超过每日最多 4 小时" in found[0].text("zh")
    week = [lesson(i, class_id=i, date=TUE + dt.timedelta(days=i)) for i in range(4)]  # Tue–Fri
    found = lecturer_over_hours(week, ctx(lecturers={1: limited}))
    assert codes(found) == ["weekly_hours"] and len(found[0].lesson_ids) == 4
    assert "2026-10-12 开始的一周共有 8 小时课" in found[0].text("zh")
    assert lecturer_over_hours(week[:3], ctx(lecturers={1: limited})) == []
    spread = [lesson(1), lesson(2, class_id=2, date=D(2026, 10, 19))]  # two ISO weeks
    assert lecturer_over_hours(spread, ctx(lecturers={1: dataclasses.replace(WANG, max_hours_per_week=2)})) == []


# --- the request ----------------------------------------------------------------------------

def test_outside_the_request():
    req = RequestWindow(D(2026, 10, 12), D(2026, 10, 30), "135", ("afternoon",),
                        frozenset({D(2026, 10, 14)}))
    ok = lesson(1, date=D(2026, 10, 16), start=T(14), request=req)
    assert outside_request([ok], ctx()) == []
    assert codes(outside_request([lesson(2, date=D(2026, 11, 2), start=T(14), request=req)], ctx())) \
        == ["outside_window"]
    wrong_day = outside_request([lesson(3, date=TUE, start=T(14), request=req)], ctx())
    assert codes(wrong_day) == ["wrong_weekday"]
    assert "新钢公司只能在周一、周三、周五培训" in wrong_day[0].text("zh")
    wrong_period = outside_request([lesson(4, date=D(2026, 10, 16), request=req)], ctx())
    assert codes(wrong_period) == ["wrong_period"] and "只能在下午培训" in wrong_period[0].text("zh")
    blackout = outside_request([lesson(5, date=D(2026, 10, 14), start=T(14), request=req)], ctx())
    assert codes(blackout) == ["blackout_date"]
    assert "2026-10-14（周三）" in blackout[0].text("zh")


# --- the calendar ---------------------------------------------------------------------------

def test_national_day_2026_holiday_and_adjusted_saturday():
    found = non_working_day([lesson(1, date=D(2026, 10, 5)),  # Monday inside 国庆节
                             lesson(2, date=D(2026, 10, 10)),  # Saturday worked (调休上班)
                             lesson(3, date=D(2026, 9, 20)),  # Sunday worked (调休上班)
                             lesson(4, date=D(2026, 10, 8)),  # Thursday after the holiday
                             lesson(5, date=D(2026, 10, 17))], ctx())  # an ordinary Saturday
    assert [(c.code, c.lesson_ids) for c in found] == [("non_working_day", (1,)),
                                                       ("non_working_day", (5,))]
    assert found[0].text("zh").endswith("安排在2026-10-05（周一），这一天是国庆节，不是工作日。")
    assert "(National Day), not a working day" in found[0].text("en")
    assert "这一天是周末" in found[1].text("zh")


def test_unknown_year_notice_and_override():
    lessons = [lesson(1, date=D(2031, 10, 8)), lesson(2, date=D(2031, 10, 4)),
               lesson(3, date=D(2031, 10, 2))]  # Wednesday; Saturday; 国庆节 by law
    found = non_working_day(lessons, ctx())
    assert [(c.code, c.lesson_ids, c.blocking) for c in found] == [
        ("non_working_day", (2,), True), ("non_working_day", (3,), True),
        ("year_unknown", (1, 2, 3), False)]
    assert "2031 年的放假安排尚未确认（按法定节日推算）" in found[2].text("zh")
    assert "这一天是国庆节" in found[1].text("zh")
    with_override = ctx(calendar=WorkingCalendar({D(2031, 10, 8): (False, "国庆节")}))
    found = non_working_day(lessons, with_override)
    assert codes(found) == ["non_working_day"] * 3 + ["year_unknown"]
    assert "这一天是国庆节" in found[0].text("zh")
    confirmed = ctx(calendar=WorkingCalendar({D(2031, 10, 8): (False, "国庆节")}, {2031}))
    assert codes(non_working_day(lessons, confirmed)) == ["non_working_day"] * 2


# --- travel, class order, venue size --------------------------------------------------------

def test_travel_gap_between_enterprises():
    here = lesson(1, start=T(8, 30), minutes=120)  # ends 10:30
    there = lesson(2, class_id=2, start=T(14), enterprise=SAIWEI, venue=(20, "培训室"))
    assert travel_gap([here, there], ctx()) == []  # 210 minutes to travel
    tight = travel_gap([here, there], ctx(travel_gap_minutes=240))
    assert codes(tight) == ["travel_gap"] and tight[0].lesson_ids == (2, 1)
    assert tight[0].text("zh") == ("讲师王建国 2026-10-13（周二） 10:30 在新钢公司一车间下课（新钢公司1班第1次课"
                                   "（课次 1）），14:00 就要在赛维公司培训室上课（赛维公司2班第1次课（课次 2）），"
                                   "间隔 210 分钟，少于路程所需的 240 分钟。")
    lunch = lesson(3, class_id=3, start=T(12, 30), minutes=60, enterprise=SAIWEI, venue=(20, "培训室"))
    assert codes(travel_gap([here, lunch], ctx())) == []  # 120 minutes ≥ 60
    close = lesson(4, class_id=3, start=T(11), minutes=60, enterprise=SAIWEI, venue=(20, "培训室"))
    assert codes(travel_gap([here, close], ctx(periods=(ctx().periods[1],)))) == ["travel_gap"]
    same_site = lesson(5, class_id=3, start=T(14), venue=(11, "二车间"))
    assert travel_gap([here, same_site], ctx(travel_gap_minutes=600)) == []
    assert travel_gap([here, there], ctx(travel_gap_minutes=0)) == []


def test_class_order_and_gap():
    first = lesson(1, sequence=1, date=D(2026, 10, 14))
    second = lesson(2, sequence=2, date=D(2026, 10, 13))
    found = class_sequence([first, second], ctx())
    assert codes(found) == ["class_order"]
    assert found[0].text("zh") == ("新钢公司1班第2次课（2026-10-13（周二））排在第1次课（2026-10-14（周三））之前，"
                                   "课次顺序颠倒。")
    same_day = class_sequence([lesson(1), lesson(2, sequence=2, start=T(14))], ctx())
    assert codes(same_day) == ["class_gap"] and "同一个班一天只能上一次课" in same_day[0].text("zh")
    next_day = [lesson(1), lesson(2, sequence=2, date=D(2026, 10, 14))]
    assert class_sequence(next_day, ctx()) == []
    found = class_sequence(next_day, ctx(class_min_gap_days=2))
    assert codes(found) == ["class_gap"] and "只相隔 1 天，至少应相隔 2 天" in found[0].text("zh")
    other_class = [lesson(1), lesson(2, class_id=2, start=T(14))]
    assert class_sequence(other_class, ctx()) == []


def test_class_larger_than_its_venue():
    found = venue_too_small([lesson(1, class_size=70), lesson(2, class_id=2, class_size=60)], ctx())
    assert codes(found) == ["venue_capacity"] and found[0].lesson_ids == (1,)
    assert "有 70 人，新钢公司一车间只能容纳 60 人" in found[0].text("zh")
    assert venue_too_small([lesson(3, class_size=70, venue_capacity=0)], ctx()) == []


# --- all rules, one change ------------------------------------------------------------------

def test_check_all_in_date_order():
    lessons = [lesson(1, date=D(2026, 10, 14)), lesson(2, class_id=2, date=D(2026, 10, 14)),
               lesson(3, class_id=3, date=D(2026, 10, 5))]
    found = check_all(lessons, ctx())
    assert [c.code for c in found] == ["non_working_day", "lecturer_busy", "venue_busy"]


def test_check_lesson_reports_only_the_change_and_names_it_first():
    others = [lesson(1), lesson(2, class_id=2, date=D(2026, 10, 5)),  # 2 is on a holiday already
              lesson(3, class_id=3, lecturer=LI, venue=(11, "二车间"), start=T(14))]
    index = LessonIndex(others)
    moved = dataclasses.replace(others[2], start=T(8, 30), end=T(10, 30), lecturer_id=WANG.id,
                                lecturer_name=WANG.name)
    found = check_lesson(moved, index, ctx())
    assert [(c.code, c.lesson_ids) for c in found] == [("lecturer_busy", (3, 1))]
    assert "不能同时在新钢公司二车间上新钢公司3班第1次课（课次 3）" in found[0].text("zh")
    free = dataclasses.replace(others[2], date=D(2026, 10, 15))
    assert check_lesson(free, index, ctx()) == []
    # a new lesson (id 0) earlier in the day than the one it clashes with is still named first
    new = lesson(0, class_id=4, start=T(8, 30), venue=(11, "二车间"))
    later = [lesson(5, class_id=5, start=T(9, 30))]
    found = check_lesson(new, later, ctx())
    assert found[0].lesson_ids == (0, 5) and "新钢公司4班第1次课。" in found[0].text("zh")


def test_check_changes_between_changed_lessons():
    a = lesson(-1, class_id=1, sequence=1)
    b = lesson(-2, class_id=1, sequence=2, start=T(14))
    found = check_changes([a, b], [], ctx())
    assert codes(found) == ["class_gap"]


def _province(n_lessons: int, seed: int = 5):
    rng = random.Random(seed)
    lecturers = {i: LecturerProfile(i, f"讲师{i}", frozenset({1, 2, 3, 4}), max_hours_per_day=8,
                                    max_hours_per_week=24) for i in range(1, 61)}
    days = WorkingCalendar().working_days(D(2026, 7, 1), D(2026, 9, 30))
    lessons = []
    for i in range(1, n_lessons + 1):
        cls = (i - 1) // 4 + 1
        start = rng.choice((T(8, 30), T(14), T(19)))
        lessons.append(lesson(i, class_id=cls, sequence=(i - 1) % 4 + 1, date=rng.choice(days),
                              start=start, lecturer=lecturers[rng.randint(1, 60)],
                              enterprise=(cls % 200, f"企业{cls % 200}"), venue=(cls % 250, "车间"),
                              request=RequestWindow(D(2026, 7, 1), D(2026, 9, 30), "12345",
                                                    ("morning", "afternoon"))))
    enrol = {c: frozenset(rng.sample(range(20_000), 40)) for c in range(1, n_lessons // 4 + 1)}
    return lessons, RuleContext(lecturers=lecturers, enrolments=enrol)


def test_fast_enough_for_a_province_quarter():
    lessons, context = _province(1600)
    began = time.perf_counter()
    found = check_all(lessons, context)
    whole = time.perf_counter() - began
    assert found and whole < 2.0, whole
    index = LessonIndex(lessons)
    began = time.perf_counter()
    for moved in lessons[:100]:
        check_lesson(dataclasses.replace(moved, date=moved.date + dt.timedelta(days=7)), index, context)
    per_change = (time.perf_counter() - began) / 100
    assert per_change < 0.02, per_change


def test_check_lesson_agrees_with_check_all():
    """What check_lesson reports for a lesson is what check_all reports about it."""
    lessons, context = _province(600, seed=11)
    everything = check_all(lessons, context)
    index = LessonIndex(lessons)
    for target in lessons[::37]:
        mine = {(c.code, frozenset(c.lesson_ids)) for c in check_lesson(target, index, context)}
        expected = {(c.code, frozenset(c.lesson_ids)) for c in everything
                    if target.id in c.lesson_ids and c.code != "year_unknown"}
        assert mine == expected


def test_a_request_allowing_weekends_may_use_ordinary_weekends_only():
    weekends = RequestWindow(allow_weekends=True)
    found = non_working_day([
        lesson(1, date=D(2026, 10, 17), request=weekends),  # an ordinary Saturday: allowed
        lesson(2, date=D(2026, 10, 3), request=weekends),  # Saturday inside 国庆节: refused
        lesson(3, date=D(2027, 2, 6), request=weekends),  # Saturday inside 春节 by law: refused
        lesson(4, date=D(2026, 10, 24), request=RequestWindow()),  # not allowed: refused
        lesson(5, date=D(2026, 10, 31), request=weekends)], ctx(calendar=WorkingCalendar(
            {D(2026, 10, 31): (False, "")})))  # the office's own day off: refused
    assert [c.lesson_ids for c in found if c.code == "non_working_day"] == [(2,), (3,), (4,), (5,)]
