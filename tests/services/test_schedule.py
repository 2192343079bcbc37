"""Schedule services on SQLite and PostgreSQL: classes from a request, lessons added and moved
through the conflict rules (refused with the sentence, saved when free, stale versions refused),
locks, deletes, calendar overrides, listing and the whole-schedule check."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.scenarios.schedule_scenario import build
from trainer.db.models import Attendance, Enrolment, Trainee
from trainer.errors import (ConflictError, InUseError, InvalidInput, StaleEditError,
                            ValidationError)
from trainer.services import schedule as sc
from trainer.services.schedule_calendar import (calendar_days, delete_override, list_overrides,
                                                set_override)
from trainer.services.settings import set_setting

D, T = dt.date, dt.time
TUE = D(2026, 10, 13)


@pytest.fixture
def world(uow):
    return build(uow)


@pytest.fixture
def classes(uow, world):
    big = sc.create_classes(uow, world.request_big)
    small = sc.create_classes(uow, world.request_small)
    return big, small


def add(uow, cls, date, period="morning", lecturer=None, venue=None, **kw):
    return sc.add_lesson(uow, sc.LessonForm(cls.id, date, period, lecturer_id=lecturer,
                                            venue_id=venue, **kw))


# --- classes ----------------------------------------------------------------------------------

def test_split_sizes():
    assert sc.split_sizes(130, 60) == [44, 43, 43]
    assert sc.split_sizes(130, 60, 40) == [33, 33, 32, 32]
    assert sc.split_sizes(60, 60, None) == [60]
    assert sc.split_sizes(61, 0, 60) == [31, 30]
    assert sc.split_sizes(7) == [7]


def test_classes_from_a_request(uow, world):
    made = sc.create_classes(uow, world.request_big)
    assert [c.capacity for c in made] == [44, 43, 43]
    assert [c.code for c in made] == [f"R{world.request_big}-{n}" for n in (1, 2, 3)]
    assert made[0].name == "新钢公司安全生产法与岗位安全责任1班"
    assert (made[0].enterprise_name, made[0].course_title, made[0].lesson_count,
            made[0].theme_name, made[0].enrolled, made[0].scheduled) == (
        "新钢公司", "安全生产法与岗位安全责任", 3, "安全生产", 0, 0)
    assert made[0].request.weekdays == "12345" and made[0].request.start == D(2026, 9, 28)
    assert sc.list_classes(uow, request_id=world.request_big) == made
    assert sc.get_class(uow, made[1].id) == made[1]
    with pytest.raises(ValidationError) as err:
        sc.create_classes(uow, world.request_big)
    assert "已分成 3 个培训班" in err.value.message("zh")


def test_classes_within_a_smaller_venue(uow, world):
    made = sc.create_classes(uow, world.request_big, venue_id=world.small_workshop)
    assert [c.capacity for c in made] == [33, 33, 32, 32]


# --- adding and moving lessons ------------------------------------------------------------

def test_add_lesson_at_a_period(uow, world, classes):
    cls = classes[0][0]
    rec = add(uow, cls, TUE, "上午", world.wang, world.workshop)
    assert (rec.sequence, rec.date, rec.start, rec.end, rec.period) == (1, TUE, T(8, 30), T(10, 30),
                                                                        "morning")
    assert (rec.lecturer_name, rec.venue_name, rec.enterprise_name, rec.theme_name) == (
        "王建国", "一车间", "新钢公司", "安全生产")
    assert rec.theme_color.startswith("#") and rec.version == 1 and not rec.locked
    assert rec.conflicts == () and not rec.has_conflicts
    second = add(uow, cls, D(2026, 10, 15), "afternoon", world.wang, world.workshop)
    assert (second.sequence, second.start, second.end) == (2, T(14), T(16))


def test_lecturer_busy_refused_with_the_sentence_and_nothing_saved(uow, world, classes):
    big, small = classes
    first = add(uow, big[0], TUE, "afternoon", world.wang, world.workshop)
    with pytest.raises(ConflictError) as err:
        add(uow, small[0], TUE, "afternoon", world.wang, world.saiwei_room)
    assert [c.code for c in err.value.conflicts] == ["lecturer_busy"]
    assert err.value.message("zh") == (
        f"讲师王建国 2026-10-13（周二）下午已在新钢公司一车间上新钢公司安全生产法与岗位安全责任1班"
        f"第1次课（课次 {first.id}），不能同时在赛维公司培训室上赛维公司安全生产法与岗位安全责任1班第1次课。")
    assert "Lecturer 王建国 already teaches" in err.value.message("en")
    assert sc.list_lessons(uow, TUE, TUE) == [dataclasses.replace(first)]
    # the user overrides: saved, and marked as conflicting in the calendar
    forced = sc.add_lesson(uow, sc.LessonForm(small[0].id, TUE, "afternoon",
                                              lecturer_id=world.wang, venue_id=world.saiwei_room),
                           allow_conflicts=True)
    listed = {r.id: r for r in sc.list_lessons(uow, TUE, TUE)}
    assert listed[forced.id].has_conflicts and listed[first.id].has_conflicts
    assert [c.code for c in sc.check_schedule(uow)] == ["lecturer_busy"]


def test_move_to_a_free_time_saved_and_stale_version_refused(uow, world, classes):
    cls = classes[0][0]
    lesson = add(uow, cls, TUE, "morning", world.wang, world.workshop)
    other = add(uow, classes[0][1], D(2026, 10, 14), "morning", world.wang, world.saiwei_room)
    with pytest.raises(ConflictError) as err:
        sc.move_lesson(uow, lesson.id, D(2026, 10, 14), "morning", expected_version=lesson.version)
    assert "lecturer_busy" in [c.code for c in err.value.conflicts]
    assert f"（课次 {other.id}）" in err.value.message("zh")
    assert sc.get_lesson(uow, lesson.id).date == TUE
    moved = sc.move_lesson(uow, lesson.id, D(2026, 10, 14), "afternoon",
                           expected_version=lesson.version)
    assert (moved.date, moved.period, moved.start, moved.version) == (
        D(2026, 10, 14), "afternoon", T(14), lesson.version + 1)
    with pytest.raises(StaleEditError):
        sc.move_lesson(uow, lesson.id, D(2026, 10, 16), "morning", expected_version=lesson.version)
    again = sc.move_lesson(uow, lesson.id, D(2026, 10, 16), "morning", lecturer_id=world.li,
                           expected_version=moved.version)
    assert (again.date, again.lecturer_name, again.venue_name) == (D(2026, 10, 16), "李芳", "一车间")


def test_holiday_and_request_rules_refuse_a_move(uow, world, classes):
    lesson = add(uow, classes[1][0], D(2026, 10, 13), "afternoon", world.wang, world.saiwei_room)
    with pytest.raises(ConflictError) as err:
        sc.move_lesson(uow, lesson.id, D(2026, 10, 6), "afternoon",
                       expected_version=lesson.version)  # Tuesday in 国庆节
    assert [c.code for c in err.value.conflicts] == ["non_working_day"]
    assert "这一天是国庆节，不是工作日" in err.value.message("zh")
    with pytest.raises(ConflictError) as err:
        sc.move_lesson(uow, lesson.id, D(2026, 10, 22), "morning",  # blackout, and a morning
                       expected_version=lesson.version)
    assert {c.code for c in err.value.conflicts} == {"blackout_date", "wrong_period"}
    with pytest.raises(ConflictError) as err:
        sc.move_lesson(uow, lesson.id, D(2026, 10, 13), "afternoon", lecturer_id=world.xin,
                       expected_version=lesson.version)
    assert [c.code for c in err.value.conflicts] == ["not_qualified"]


def test_adjusted_saturday_is_a_working_day(uow, world, classes):
    """10 Oct 2026 (Saturday) is worked for 国庆节: only the request's weekdays object."""
    conflicts = sc.preview_lessons(uow, [sc.LessonDraft(None, classes[0][0].id, D(2026, 10, 10),
                                                        T(8, 30), world.wang, world.workshop)])
    assert [c.code for c in conflicts] == ["wrong_weekday"]


def test_lecturer_unavailable_and_daily_hours(uow, world, classes):
    big = classes[0]
    with pytest.raises(ConflictError) as err:
        add(uow, big[0], D(2026, 11, 3), "morning", world.li, world.workshop)
    assert "讲师李芳 2026-11-02 至 2026-11-06 不能授课（外地授课）" in err.value.message("zh")
    add(uow, big[0], D(2026, 10, 20), "morning", world.li, world.workshop)
    add(uow, big[1], D(2026, 10, 20), "afternoon", world.li, world.workshop)
    with pytest.raises(ConflictError) as err:
        add(uow, big[2], D(2026, 10, 20), "evening", world.li, world.saiwei_room)
    assert {c.code for c in err.value.conflicts} == {"daily_hours", "wrong_period"}


def test_class_order_gap_capacity_and_travel(uow, world, classes):
    big, small = classes
    sc.add_lesson(uow, sc.LessonForm(big[0].id, D(2026, 10, 20), "morning", lecturer_id=world.wang,
                                     venue_id=world.small_workshop), allow_conflicts=True)  # 44 > 40
    assert [c.code for c in sc.check_schedule(uow)] == ["venue_capacity"]
    with pytest.raises(ConflictError) as err:
        add(uow, big[0], D(2026, 10, 20), "afternoon", world.li, world.workshop)
    assert [c.code for c in err.value.conflicts] == ["class_gap"]
    with pytest.raises(ConflictError) as err:
        add(uow, big[0], D(2026, 10, 19), "afternoon", world.li, world.workshop)
    assert [c.code for c in err.value.conflicts] == ["class_order"]
    set_setting(uow, "schedule.travel_gap_minutes", 300, force=True)
    with pytest.raises(ConflictError) as err:  # 新钢 until 10:30, 赛维 at 14:00
        add(uow, small[0], D(2026, 10, 20), "afternoon", world.wang, world.saiwei_room)
    assert [c.code for c in err.value.conflicts] == ["travel_gap"]
    assert "少于路程所需的 300 分钟" in err.value.message("zh")


def test_trainee_in_two_classes_at_once(uow, world, classes):
    big = classes[0]
    with uow:
        person = Trainee(organization_id=uow.organization_id, name="张三", id_number=None)
        uow.session.add(person)
        uow.session.flush()
        for cls in big[:2]:
            uow.session.add(Enrolment(cohort_id=cls.id, trainee_id=person.id, enrolled_on=TUE))
    add(uow, big[0], TUE, "morning", world.wang, world.workshop)
    with pytest.raises(ConflictError) as err:
        add(uow, big[1], TUE, "morning", world.li, world.small_workshop)
    assert [c.code for c in err.value.conflicts] == ["trainee_clash"]
    assert "学员张三 1 人同时在" in err.value.message("zh")


def test_batch_save_swaps_numbers_and_is_judged_together(uow, world, classes):
    cls = classes[0][0]
    one = add(uow, cls, D(2026, 10, 13), "morning", world.wang, world.workshop)
    two = add(uow, cls, D(2026, 10, 15), "morning", world.wang, world.workshop)
    saved = sc.save_lessons(uow, [
        sc.LessonDraft(one.id, cls.id, D(2026, 10, 15), T(8, 30), world.wang, world.workshop,
                       sequence=2, expected_version=one.version),
        sc.LessonDraft(two.id, cls.id, D(2026, 10, 13), T(8, 30), world.wang, world.workshop,
                       sequence=1, expected_version=two.version)])
    assert [(r.id, r.sequence, r.date) for r in saved] == [(one.id, 2, D(2026, 10, 15)),
                                                            (two.id, 1, D(2026, 10, 13))]
    assert sc.check_schedule(uow) == []
    with pytest.raises(ConflictError):  # two new lessons of one class on one day
        sc.save_lessons(uow, [sc.LessonDraft(None, cls.id, D(2026, 10, 20), T(8, 30)),
                              sc.LessonDraft(None, cls.id, D(2026, 10, 20), T(14))])
    assert len(sc.list_lessons(uow)) == 2
    with pytest.raises(ValidationError):
        sc.save_lessons(uow, [sc.LessonDraft(None, cls.id, D(2026, 10, 20), T(8, 30), sequence=1)])


def test_form_errors(uow, world, classes):
    with pytest.raises(InvalidInput) as err:
        sc.add_lesson(uow, sc.LessonForm(classes[0][0].id, "2026-13-01", "noon"))
    assert {e.field for e in err.value.errors} == {"date", "period"}
    rec = sc.add_lesson(uow, sc.LessonForm(classes[0][0].id, "2026年10月13日", start="09:15",
                                           lecturer_id=world.wang))
    assert (rec.start, rec.end, rec.period) == (T(9, 15), T(11, 15), "morning")


def test_lock_unlock_and_delete(uow, world, classes):
    lesson = add(uow, classes[0][0], TUE, "morning", world.wang, world.workshop)
    locked = sc.set_lesson_locked(uow, lesson.id, True, expected_version=lesson.version)
    assert locked.locked and locked.version == lesson.version + 1
    moved = sc.move_lesson(uow, lesson.id, D(2026, 10, 14), "morning",
                           expected_version=locked.version)
    assert moved.locked  # a hand move keeps the lock
    unlocked = sc.set_lesson_locked(uow, lesson.id, False, expected_version=moved.version)
    assert not unlocked.locked
    with pytest.raises(StaleEditError):
        sc.delete_lesson(uow, lesson.id, expected_version=lesson.version)
    with uow:
        person = Trainee(organization_id=uow.organization_id, name="李四")
        uow.session.add(person)
        uow.session.flush()
        uow.session.add(Attendance(lesson_id=lesson.id, trainee_id=person.id, status="present"))
    with pytest.raises(InUseError):
        sc.delete_lesson(uow, lesson.id, expected_version=unlocked.version)
    other = add(uow, classes[0][1], TUE, "afternoon", world.wang, world.workshop)
    sc.delete_lesson(uow, other.id, expected_version=other.version)
    assert [r.id for r in sc.list_lessons(uow)] == [lesson.id]


# --- listing, checking, overrides -------------------------------------------------------------

def test_list_lessons_filters(uow, world, classes):
    big, small = classes
    a = add(uow, big[0], TUE, "morning", world.wang, world.workshop)
    b = add(uow, small[0], TUE, "afternoon", world.li, world.saiwei_room)
    c = add(uow, small[0], D(2026, 10, 20), "afternoon", world.li, world.small_workshop)
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(sc.list_lessons(uow, TUE, D(2026, 10, 31))) == [a.id, b.id, c.id]
    assert ids(sc.list_lessons(uow, TUE, TUE)) == [a.id, b.id]
    assert ids(sc.list_lessons(uow, lecturer_id=world.li)) == [b.id, c.id]
    assert ids(sc.list_lessons(uow, enterprise_id=world.saiwei)) == [b.id, c.id]  # its class
    assert ids(sc.list_lessons(uow, enterprise_id=world.xingang)) == [a.id, c.id]  # its venue
    assert ids(sc.list_lessons(uow, venue_id=world.small_workshop)) == [c.id]
    assert ids(sc.list_lessons(uow, class_id=big[0].id, with_conflicts=False)) == [a.id]
    assert all(not r.conflicts for r in sc.list_lessons(uow))


def test_check_schedule_range(uow, world, classes):
    big, small = classes
    add(uow, big[0], TUE, "morning", world.wang, world.workshop)
    sc.add_lesson(uow, sc.LessonForm(big[1].id, D(2026, 10, 5), "morning", lecturer_id=world.li,
                                     venue_id=world.workshop), allow_conflicts=True)
    expected = ["non_working_day"]
    assert [c.code for c in sc.check_schedule(uow)] == expected
    assert sc.check_schedule(uow, D(2026, 10, 12), D(2026, 10, 31)) == []
    assert [c.code for c in sc.check_schedule(uow, end=D(2026, 10, 5))] == expected


def test_calendar_overrides(uow, world, classes):
    made = set_override(uow, D(2026, 10, 14), False, "全厂停电检修")
    assert (made.date, made.is_working_day, made.name, made.version) == (
        D(2026, 10, 14), False, "全厂停电检修", 1)
    with pytest.raises(ConflictError) as err:
        add(uow, classes[0][0], D(2026, 10, 14), "morning", world.wang, world.workshop)
    assert "这一天是全厂停电检修" in err.value.message("zh")
    changed = set_override(uow, D(2026, 10, 14), True, "", expected_version=made.version)
    assert changed.is_working_day and changed.version == 2
    with pytest.raises(StaleEditError):
        set_override(uow, D(2026, 10, 14), False, "x", expected_version=made.version)
    add(uow, classes[0][0], D(2026, 10, 14), "morning", world.wang, world.workshop)
    set_override(uow, D(2031, 10, 1), False, "国庆节")
    assert [o.date for o in list_overrides(uow)] == [D(2026, 10, 14), D(2031, 10, 1)]
    assert [o.date for o in list_overrides(uow, start=D(2027, 1, 1))] == [D(2031, 10, 1)]
    days = calendar_days(uow, D(2031, 9, 30), D(2031, 10, 1))
    assert [(d.working, d.year_known, d.name("zh")) for d in days] == [
        (True, False, "工作日"), (False, False, "国庆节")]
    delete_override(uow, "2026-10-14")
    assert [o.date for o in list_overrides(uow)] == [D(2031, 10, 1)]


def test_unknown_year_is_a_notice(uow, world, classes):
    """A lesson in 2031 is checked against weekends, the statutory days by law and overrides,
    with a notice that 2031 is provisional; the notice alone does not refuse a change."""
    cls = classes[0][0]
    rec = sc.add_lesson(uow, sc.LessonForm(cls.id, D(2031, 10, 7), "morning",
                                           lecturer_id=world.wang), allow_conflicts=True)
    found = sc.check_schedule(uow)
    assert [(c.code, c.blocking) for c in found] == [("year_unknown", False),
                                                     ("outside_window", True)]
    assert "2031 年的放假安排尚未确认（按法定节日推算）" in found[0].text("zh")
    assert rec.id in found[0].lesson_ids
