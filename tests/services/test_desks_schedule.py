"""Two desks on one schedule (issue 15): on SQLite two engines on one file, on PostgreSQL two
connections. Every change of a lesson carries the version the desk showed: a stale move, edit,
lock or delete is refused with who changed what and when, nothing the other desk saved is lost,
and the same change made on the fresh version is accepted."""
import datetime as dt

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from trainer.db.migrate import open_database
from trainer.errors import StaleEditError
from trainer.services import lecturers, schedule
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

WEDNESDAY = dt.date(2026, 9, 16)


@pytest.fixture
def desks(db_url):
    """Desk A (李干事) and desk B (王管理), each with its own engine on one database."""
    first = open_database(db_url)
    create_organization(UnitOfWork(first), "新余市总工会", "新余总工会", "XYZGH")
    scenario = make_class(UnitOfWork(first), trainees=3, lessons=3, attendance=False)
    staff = make_staff(first)
    second = open_database(db_url)
    theme = next(t for t in lecturers.get_lecturer(UnitOfWork(first), scenario.lecturer_id)
                 .theme_ids)
    other = lecturers.create_lecturer(UnitOfWork(first, user=staff.admin), lecturers.LecturerForm(
        name="𠮷祥", category="national_senior", theme_ids=(theme,)))
    yield (UnitOfWork(first, user=staff.officer), UnitOfWork(second, user=staff.admin),
           scenario, other.id)
    second.dispose()
    first.dispose()


def _change_lecturer(uow, record, lecturer_id):
    form = schedule.LessonForm(record.class_id, record.date, "", record.start, lecturer_id,
                               record.venue_id, record.sequence, record.locked)
    return schedule.update_lesson(uow, record.id, form, record.version, allow_conflicts=True)


def test_a_stale_move_is_refused_and_the_other_desks_lecturer_stays(desks):
    a, b, scenario, new_lecturer = desks
    shown_at_a = schedule.get_lesson(a, scenario.lesson_ids[0])
    shown_at_b = schedule.get_lesson(b, scenario.lesson_ids[0])
    _change_lecturer(b, shown_at_b, new_lecturer)
    with pytest.raises(StaleEditError) as info:
        schedule.move_lesson(a, shown_at_a.id, WEDNESDAY, "afternoon",
                             expected_version=shown_at_a.version, allow_conflicts=True)
    error = info.value
    assert error.updated_by == "王管理" and error.actual == shown_at_a.version + 1
    zh = error.message("zh")
    assert "被 王管理 修改" in zh and "讲师 黎建国 → 𠮷祥" in zh and zh.endswith("请重新打开后再保存。")
    stored = schedule.get_lesson(a, shown_at_a.id)
    assert (stored.date, stored.lecturer_id) == (shown_at_a.date, new_lecturer)  # nothing lost
    moved = schedule.move_lesson(a, stored.id, WEDNESDAY, "afternoon",
                                 expected_version=stored.version, allow_conflicts=True)
    assert (moved.date, moved.lecturer_id, moved.version) == (WEDNESDAY, new_lecturer,
                                                              stored.version + 1)


def test_stale_edit_lock_and_delete_are_refused_fresh_ones_accepted(desks):
    a, b, scenario, new_lecturer = desks
    shown = schedule.get_lesson(a, scenario.lesson_ids[1])
    locked = schedule.set_lesson_locked(b, shown.id, True, shown.version)
    with pytest.raises(StaleEditError):
        _change_lecturer(a, shown, new_lecturer)
    with pytest.raises(StaleEditError):
        schedule.set_lesson_locked(a, shown.id, False, shown.version)
    with pytest.raises(StaleEditError):
        schedule.delete_lesson(a, shown.id, shown.version)
    stored = schedule.get_lesson(a, shown.id)
    assert stored.locked and stored.lecturer_id == shown.lecturer_id
    assert stored.version == locked.version
    changed = _change_lecturer(a, stored, new_lecturer)
    assert changed.locked and changed.lecturer_id == new_lecturer
    schedule.delete_lesson(b, changed.id, changed.version)
    assert shown.id not in {r.id for r in schedule.list_lessons(a)}


def test_no_version_is_a_programming_error_and_force_is_explicit(desks):
    a, b, scenario, new_lecturer = desks
    shown = schedule.get_lesson(a, scenario.lesson_ids[2])
    with pytest.raises(TypeError):
        schedule.move_lesson(a, shown.id, WEDNESDAY, "afternoon", expected_version=None)
    with pytest.raises(TypeError):
        schedule.delete_lesson(a, shown.id, None)
    with pytest.raises(TypeError):
        schedule.save_lessons(a, [schedule.LessonDraft(shown.id, shown.class_id, WEDNESDAY,
                                                       dt.time(14, 0))], allow_conflicts=True)
    _change_lecturer(b, shown, new_lecturer)
    # a person chose to overwrite: the move goes through on top of what is stored
    moved = schedule.move_lesson(a, shown.id, WEDNESDAY, "afternoon", expected_version=None,
                                 force=True, allow_conflicts=True)
    assert (moved.date, moved.lecturer_id) == (WEDNESDAY, new_lecturer)


def test_a_day_off_made_by_another_desk_is_not_overwritten_silently(desks):
    """Desk A's holidays list showed no override of the day; desk B makes one; A's save of that
    day (no version: "I saw none") is refused with the sentence, B's stays; A's save on B's
    version is accepted."""
    from trainer.services.schedule_calendar import list_overrides, set_override

    a, b, _scenario, _lecturer = desks
    day = dt.date(2026, 9, 18)
    assert day not in {o.date for o in list_overrides(a)}
    made = set_override(b, day, False, "全厂停电检修")
    with pytest.raises(StaleEditError) as info:
        set_override(a, day, False, "厂休")
    assert info.value.message("zh").endswith("请重新打开后再保存。")
    assert [o.name for o in list_overrides(a) if o.date == day] == ["全厂停电检修"]
    changed = set_override(a, day, False, "厂休", made.version)
    assert changed.name == "厂休" and changed.version == made.version + 1


def test_a_stale_attendance_cell_is_refused_and_the_other_desks_mark_stays(desks):
    """The attendance grid's save carries each cell's version (0: empty when shown)."""
    from trainer.errors import StaleCellsError
    from trainer.services.attendance import CellChange, save_attendance

    a, b, scenario, _lecturer = desks
    lesson, trainee = scenario.lesson_ids[0], scenario.trainee_ids[0]
    saved = save_attendance(b, [CellChange(lesson, trainee, "absent", expected_version=0)])
    with pytest.raises(StaleCellsError):
        save_attendance(a, [CellChange(lesson, trainee, "present", expected_version=0)])
    again = save_attendance(b, [CellChange(lesson, trainee, "absent",
                                           expected_version=saved.versions[(lesson, trainee)])])
    assert again.versions[(lesson, trainee)] == saved.versions[(lesson, trainee)]  # unchanged
    fresh = save_attendance(a, [CellChange(lesson, trainee, "present",
                                           expected_version=saved.versions[(lesson, trainee)])])
    assert fresh.versions[(lesson, trainee)] == saved.versions[(lesson, trainee)] + 1


def test_a_holiday_range_is_saved_whole_or_not_at_all(desks):
    """The GUI's and the CLI's range (services.schedule_calendar.set_override_range): a week
    whose middle day another desk marked since A looked is refused as a whole; with the version
    A saw of that day it is saved whole; deleting the range removes every day."""
    from trainer.errors import ValidationError
    from trainer.services.schedule_calendar import (delete_override_range, list_overrides,
                                                    set_override, set_override_range)

    a, b, _scenario, _lecturer = desks
    first, last = dt.date(2031, 2, 1), dt.date(2031, 2, 7)
    middle = set_override(b, dt.date(2031, 2, 4), False, "厂休")
    with pytest.raises(StaleEditError):
        set_override_range(a, first, last, False, "春节")
    assert [o.name for o in list_overrides(a, first, last)] == ["厂休"]
    saved = set_override_range(a, first, last, False, "春节", {middle.date: middle.version})
    assert [o.date for o in saved] == [first + dt.timedelta(days=n) for n in range(7)]
    assert {o.name for o in list_overrides(a, first, last)} == {"春节"}
    with pytest.raises(ValidationError):
        set_override_range(a, last, first, False, "春节")
    assert delete_override_range(a, first, last) == 7
    assert list_overrides(a, first, last) == []
