"""Attendance: the grid (one call to load, many cells in one transaction with optimistic
locking), scanner mode (marked / already marked / not enrolled / unknown / ambiguous), a signed
sheet typed in (all present, then the few). Each test on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.attendance_fixtures import (make_class, make_course, make_trainees,
                                                   set_lesson_status)
from trainer.errors import AttendanceError, InvalidInput, NotFoundError, StaleCellsError
from trainer.rules.id_number import check_character
from trainer.services import attendance as at
from trainer.services import attendance_marking as mk
from trainer.services import enrolment as en
from trainer.services.settings import set_setting
from trainer.services.trainees import TraineeForm, create_trainee, get_trainee

D = dt.date


@pytest.fixture
def klass(uow):
    """A class of 8 lessons (2 March … every other day), 6 trainees, one a late joiner (from
    lesson 3), plus a trainee of the office who is not in the class."""
    course = make_course(uow)
    cohort, lessons = make_class(uow, course, "QHD-01", start=D(2026, 3, 2))
    people = make_trainees(uow, 7)
    en.enrol_trainees(uow, cohort, people[:5])
    en.enrol_trainees(uow, cohort, people[5:6], enrolled_on=D(2026, 3, 6))
    return cohort, lessons, people[:6], people[6]


def test_trainee_codes():
    assert at.trainee_scan_code(123) == "T0000123"
    assert at.parse_scan_code(" t0000123\n") == 123
    assert at.parse_scan_code("ＴＯ123") is None  # an O is not a zero
    assert at.parse_scan_code("1234") is None


def test_the_grid_loads_in_one_call_and_knows_which_cells_mean_nothing(uow, klass):
    cohort, lessons, people, _stranger = klass
    grid = at.load_attendance_grid(uow, cohort)
    assert [l.sequence for l in grid.lessons] == list(range(1, 9))
    assert {t.trainee_id for t in grid.trainees} == set(people)
    assert all(t.code == at.trainee_scan_code(t.trainee_id) for t in grid.trainees)
    late = next(t for t in grid.trainees if t.trainee_id == people[5])
    assert [grid.applicable(l, late) for l in grid.lessons[:4]] == [False, False, True, True]
    assert grid.cells == {} and grid.version(lessons[0], people[0]) == 0
    assert grid.lessons[0].minutes == 120


def test_saving_many_cells_in_one_transaction(uow, klass):
    cohort, lessons, people, _ = klass
    grid = at.load_attendance_grid(uow, cohort)
    changes = [at.CellChange(lessons[0], t, "present", expected_version=grid.version(lessons[0], t))
               for t in people[:5]]
    changes[1] = at.CellChange(lessons[0], people[1], "late", 15, "堵车", 0)
    saved = at.save_attendance(uow, changes)
    assert (saved.created, saved.updated, saved.deleted) == (5, 0, 0)
    assert saved.versions[(lessons[0], people[1])] == 1
    grid = at.load_attendance_grid(uow, cohort)
    cell = grid.cell(lessons[0], people[1])
    assert (cell.status, cell.late_minutes, cell.note, cell.version) == ("late", 15, "堵车", 1)
    assert grid.lessons[0].recorded == 5
    # change one, clear one, leave one as it is
    saved = at.save_attendance(uow, [
        at.CellChange(lessons[0], people[0], "excused", 0, "病假", 1),
        at.CellChange(lessons[0], people[2], None, expected_version=1),
        at.CellChange(lessons[0], people[3], "present", expected_version=1),
        at.CellChange(lessons[0], people[4], "present", 30),  # minutes only count when late
    ])
    assert (saved.updated, saved.deleted, saved.unchanged) == (1, 1, 2)
    assert saved.versions[(lessons[0], people[0])] == 2
    assert saved.versions[(lessons[0], people[2])] == 0
    grid = at.load_attendance_grid(uow, cohort)
    assert grid.cell(lessons[0], people[2]) is None
    assert grid.cell(lessons[0], people[4]).late_minutes == 0


def test_a_save_over_someone_elses_changes_is_refused_whole(uow, klass):
    cohort, lessons, people, _ = klass
    mine = at.load_attendance_grid(uow, cohort)  # clerk A opens the grid
    at.save_attendance(uow, [at.CellChange(lessons[1], people[0], "absent"),  # clerk B saves
                             at.CellChange(lessons[1], people[1], "present")])
    at.save_attendance(uow, [at.CellChange(lessons[1], people[1], "late", 5)])
    with pytest.raises(StaleCellsError) as caught:
        at.save_attendance(uow, [
            at.CellChange(lessons[1], t, "present", expected_version=mine.version(lessons[1], t))
            for t in people[:4]])
    stale = {(c.trainee_id, c.expected, c.actual) for c in caught.value.cells}
    assert stale == {(people[0], 0, 1), (people[1], 0, 2)}
    assert "2 条考勤记录已被他人修改" in caught.value.message("zh")
    assert "lesson 2" in caught.value.message("en")
    fresh = at.load_attendance_grid(uow, cohort)  # nothing of the refused save was written
    assert fresh.cell(lessons[1], people[2]) is None
    assert fresh.cell(lessons[1], people[0]).status == "absent"


def test_bad_saves_are_refused(uow, klass):
    cohort, lessons, people, stranger = klass
    with pytest.raises(InvalidInput) as bad:
        at.save_attendance(uow, [at.CellChange(lessons[0], people[0], "asleep", "-3")])
    assert {e.field for e in bad.value.errors} == {"status", "late_minutes"}
    with pytest.raises(AttendanceError) as outsider:
        at.save_attendance(uow, [at.CellChange(lessons[0], people[0], "present"),
                                 at.CellChange(lessons[0], stranger, "present")])
    assert outsider.value.reason == "not_in_class"
    set_lesson_status(uow, lessons[7], "cancelled")
    with pytest.raises(AttendanceError) as cancelled:
        at.save_attendance(uow, [at.CellChange(lessons[7], people[0], "present")])
    assert "已取消" in cancelled.value.message("zh")
    with pytest.raises(NotFoundError):
        at.save_attendance(uow, [at.CellChange(999999, people[0], "present")])
    assert at.load_attendance_grid(uow, cohort).cells == {}


def test_scanner_outcomes(uow, klass):
    cohort, lessons, people, stranger = klass
    first = get_trainee(uow, people[0])
    scan = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(people[0]))
    assert (scan.outcome, scan.status, scan.trainee.name) == ("marked", "present", first.name)
    assert scan.message("zh") == f"{first.name} 已记为出勤"
    again = mk.mark_by_code(uow, lessons[0], first.id_number[-6:])  # the ID tail, typed
    assert again.outcome == "already_marked" and again.ok
    assert again.message("en") == f"{first.name} is already marked present"
    outsider = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(stranger))
    assert outsider.outcome == "not_enrolled"
    unknown = mk.mark_by_code(uow, lessons[0], "T9999999")
    assert unknown.outcome == "unknown" and not unknown.ok
    assert mk.mark_by_code(uow, lessons[0], "0000").outcome == "unknown"
    by_number = mk.mark_by_code(uow, lessons[0], get_trainee(uow, people[1]).id_number)
    assert by_number.outcome == "marked"
    by_name = mk.mark_by_code(uow, lessons[0], get_trainee(uow, people[2]).name)
    assert by_name.outcome == "marked" and by_name.trainee.trainee_id == people[2]
    set_lesson_status(uow, lessons[7], "cancelled")
    with pytest.raises(AttendanceError):
        mk.mark_by_code(uow, lessons[7], at.trainee_scan_code(people[0]))
    roll = mk.lesson_roll(uow, lessons[0])
    assert roll.count("present") == 3 and roll.count(None) == 2  # the late joiner is not due
    assert len(roll.entries) == 5


def _same_tail() -> tuple[str, str]:
    """Two valid ID numbers ending in the same six characters (differing before)."""
    first = "11010519850312002"
    want = check_character(first)
    day = dt.date(1990, 1, 1)
    while True:
        other = f"130302{day:%Y%m}12002"
        if check_character(other) == want:
            return first + want, other + want
        day += dt.timedelta(days=31)


def test_an_id_tail_shared_by_two_trainees_is_ambiguous(uow):
    course = make_course(uow)
    cohort, lessons = make_class(uow, course, "C")
    first, second = _same_tail()
    a = create_trainee(uow, TraineeForm("王芳", first, "F")).id
    b = create_trainee(uow, TraineeForm("李娜", second, "F")).id
    en.enrol_trainees(uow, cohort, [a, b])
    result = mk.mark_by_code(uow, lessons[0], first[-4:])
    assert result.outcome == "ambiguous" and {c.trainee_id for c in result.candidates} == {a, b}
    assert "王芳" in result.message("zh") and "李娜" in result.message("zh")
    assert mk.mark_by_code(uow, lessons[0], first[-6:]).outcome == "ambiguous"
    assert mk.mark_by_code(uow, lessons[0], second[-9:]).trainee.trainee_id == b
    assert at.load_attendance_grid(uow, cohort).cell(lessons[0], a) is None


def test_scanning_late_marks_the_minutes_after_the_grace(uow, klass):
    cohort, lessons, people, _ = klass
    start = dt.datetime(2026, 3, 2, 9, 0)
    on_time = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(people[0]),
                              at=start + dt.timedelta(minutes=4))
    assert on_time.status == "present"
    late = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(people[1]),
                           at=start + dt.timedelta(minutes=17))
    assert (late.status, late.late_minutes) == ("late", 17)
    assert late.message("zh").endswith("迟到 17 分钟")
    set_setting(uow, "attendance.late_grace_minutes", 20, force=True)
    now_on_time = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(people[2]),
                                  at=start + dt.timedelta(minutes=17))
    assert now_on_time.status == "present"


def test_a_scan_turns_an_absence_into_present(uow, klass):
    cohort, lessons, people, _ = klass
    at.save_attendance(uow, [at.CellChange(lessons[0], people[0], "absent")])
    result = mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(people[0]))
    assert (result.outcome, result.previous_status, result.status) == ("marked", "absent",
                                                                       "present")
    assert "was absent" in result.message("en")


def test_a_signed_sheet_all_present_then_the_few(uow, klass):
    cohort, lessons, people, stranger = klass
    numbers = {t: get_trainee(uow, t).id_number for t in people}
    result = mk.mark_lesson(uow, lessons[0], all_present=True,
                            late=[(numbers[people[1]][-4:], 12)],
                            absent=[numbers[people[2]][-4:]],
                            excused=[at.trainee_scan_code(people[3])],
                            present=["T9999999", at.trainee_scan_code(stranger)])
    assert result.filled_present == 2  # people[0] and [4]; [5] joined after the lesson
    outcomes = [o.outcome for o in result.outcomes]
    assert outcomes == ["unknown", "not_enrolled", "marked", "marked", "marked"]
    assert len(result.problems) == 2
    grid = at.load_attendance_grid(uow, cohort)
    statuses = {t: grid.cell(lessons[0], t).status for t in people[:5]}
    assert statuses == {people[0]: "present", people[1]: "late", people[2]: "absent",
                        people[3]: "excused", people[4]: "present"}
    assert grid.cell(lessons[0], people[1]).late_minutes == 12
    assert grid.cell(lessons[0], people[5]) is None  # joined after this lesson
    # all-present again fills only the empty cells: the corrections stay
    again = mk.mark_lesson(uow, lessons[0], all_present=True)
    assert again.filled_present == 0 and again.saved is None
    assert at.load_attendance_grid(uow, cohort).cell(lessons[0], people[2]).status == "absent"


def test_attendance_for_a_lesson_not_held_yet_is_refused(uow):
    course = make_course(uow, lessons=2)
    cohort, lessons = make_class(uow, course, "FUTURE", lessons=2,
                                 start=dt.date.today() + dt.timedelta(days=7))
    (person,) = make_trainees(uow, 1)
    en.enrol_trainees(uow, cohort, [person])
    with pytest.raises(AttendanceError) as refused:
        at.save_attendance(uow, [at.CellChange(lessons[0], person, "present")])
    assert refused.value.reason == "lesson_in_future"
    with pytest.raises(AttendanceError):
        mk.mark_by_code(uow, lessons[0], at.trainee_scan_code(person))
    assert at.load_attendance_grid(uow, cohort).cells == {}
