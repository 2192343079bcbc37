"""The schedule calendar, used with the mouse and the keyboard: drag a lesson onto a busy time
(refused, with the sentence), onto a free time (saved), undo and redo; open a lesson; create one
by dragging on empty time."""
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from trainer.services import courses, enterprises, lecturers, requests, schedule

MORNING = dt.time(8, 30)
TUESDAY, WEDNESDAY, THURSDAY = dt.date(2026, 9, 15), dt.date(2026, 9, 16), dt.date(2026, 9, 17)


@pytest.fixture
def plan(uow):
    """Two enterprises, each with a class of a two-lesson safety course, taught by 王建国."""
    theme = next(t for t in courses.list_themes(uow) if t.name == "安全生产")
    course = courses.create_course(uow, courses.CourseForm(theme_id=theme.id, title="班组安全管理",
                                                           lesson_count=2, lesson_minutes=120))
    teacher = lecturers.create_lecturer(uow, lecturers.LecturerForm(
        name="王建国", category="national_senior", theme_ids=(theme.id,)))
    lessons = []
    for n, (firm_name, day) in enumerate((("新钢公司", TUESDAY), ("赛维公司", WEDNESDAY))):
        firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name=firm_name))
        enterprises.create_venue(uow, enterprises.VenueForm(name="一车间", enterprise_id=firm.id,
                                                            capacity=60))
        request = requests.create_request(uow, requests.TrainingRequestForm(
            enterprise_id=firm.id, course_id=course.id, workers=40,
            window_start=dt.date(2026, 9, 1), window_end=dt.date(2026, 9, 30)))
        cls = schedule.create_classes(uow, request.id)[0]
        lessons.append(schedule.add_lesson(uow, schedule.LessonForm(
            cls.id, day, "morning", lecturer_id=teacher.id,
            venue_id=enterprises.list_venues(uow, firm.id)[0].id)))
    return lessons


def _drag(qtbot, view, start, end):
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view, start + (end - start) * step / 5)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def _centre(view, lesson_id) -> QPoint:
    return view.entry_rect(lesson_id).center().toPoint()


def test_drag_refused_then_saved_then_undone(qtbot, window, answer, uow, plan):
    first, _second = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week
    assert not week.entry_rect(first.id).isEmpty()
    refusals = []

    def read_refusal(box):
        refusals.append(box.text())
        box.accept()

    busy = week.point_for(WEDNESDAY, MORNING).toPoint()
    answer(lambda: _drag(qtbot, week, _centre(week, first.id), busy), read_refusal)
    assert "王建国" in refusals[0] and "2026-09-16" in refusals[0]
    assert schedule.get_lesson(uow, first.id).date == TUESDAY  # nothing changed
    assert not page.undo_stack.canUndo()

    free = week.point_for(THURSDAY, MORNING).toPoint()
    _drag(qtbot, week, _centre(week, first.id), free)
    moved = schedule.get_lesson(uow, first.id)
    assert (moved.date, moved.start) == (THURSDAY, MORNING)
    assert not week.entry_rect(first.id).isEmpty()
    assert week.entry_rect(first.id).center().x() > busy.x()  # drawn in Thursday's column

    window.activateWindow()  # the refusal's message box had it
    qtbot.waitUntil(window.isActiveWindow)
    week.setFocus()
    qtbot.keyClick(week, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert schedule.get_lesson(uow, first.id).date == TUESDAY
    qtbot.keyClick(week, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert schedule.get_lesson(uow, first.id).date == THURSDAY


def test_open_change_lecturer_and_see_conflict(qtbot, window, answer, uow, plan):
    first, second = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week

    def change(dialog):
        period = dialog.findChild(QComboBox, "period")
        period.setCurrentIndex(period.findData("afternoon"))
        dialog.findChild(QPushButton, "save").click()

    answer(lambda: qtbot.mouseDClick(week, Qt.MouseButton.LeftButton,
                                     pos=_centre(week, second.id)), change)
    assert schedule.get_lesson(uow, second.id).start == dt.time(14, 0)
    assert page.undo_stack.undoText().startswith("Edit 班组安全管理")
    page.undo_stack.undo()
    assert schedule.get_lesson(uow, second.id).start == MORNING


def test_drag_on_empty_time_creates_a_lesson(qtbot, window, answer, uow, plan):
    first, _ = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week
    friday = dt.date(2026, 9, 18)

    def create(dialog):
        cohort = dialog.findChild(QComboBox, "class")
        cohort.setCurrentIndex(cohort.findData(first.class_id))
        assert dialog.findChild(QComboBox, "period").currentData() == "afternoon"
        dialog.findChild(QPushButton, "save").click()

    start = week.point_for(friday, dt.time(14, 30)).toPoint()
    answer(lambda: _drag(qtbot, week, start, start + QPoint(0, 40)), create)
    added = [r for r in schedule.list_lessons(uow, friday, friday)]
    assert [(r.class_id, r.start, r.sequence) for r in added] == [
        (first.class_id, dt.time(14, 0), 2)]
    page.undo_stack.undo()
    assert schedule.list_lessons(uow, friday, friday) == []


def test_month_view_and_filter(qtbot, window, uow, plan):
    first, second = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    page.month_button.click()
    assert page.range_label.text() == "2026-09"
    assert not page.month.entry_rect(first.id).isEmpty()
    page.set_filter("enterprise", second.enterprise_id)
    assert set(page.records) == {second.id}
    page.set_filter("all")
    assert set(page.records) == {first.id, second.id}


def test_plan_automatically_then_accept(qtbot, window, answer, uow, plan):
    from PySide6.QtCore import QDate

    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    seen = {}

    def plan_and_accept(dialog):
        dialog.start.setDate(QDate(2026, 9, 1))
        dialog.end.setDate(QDate(2026, 9, 30))
        dialog.propose_button.click()
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.changes.rowCount()
        seen["unplaced"] = dialog.unplaced.count()
        dialog.accept_button.click()

    answer(page.plan_button.click, plan_and_accept)
    assert seen["summary"].startswith("Placed 4 of 4 lessons: 0 new classes, 2 lessons added, 0 moved")
    assert seen["rows"] == 2
    assert seen["unplaced"] == 0
    lessons = schedule.list_lessons(uow, dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert sorted(r.sequence for r in lessons) == [1, 1, 2, 2]
    assert [c for c in schedule.check_schedule(uow) if c.blocking] == []
    assert set(page.records) >= {r.id for r in lessons if TUESDAY <= r.date <= THURSDAY}


def test_replan_for_an_absent_lecturer(qtbot, window, answer, uow, plan):
    from PySide6.QtCore import QDate

    first, second = plan
    page = window.show_page("schedule")
    seen = {}

    def replan(dialog):
        dialog.start.setDate(QDate(2026, 9, 16))
        dialog.end.setDate(QDate(2026, 9, 16))
        dialog.propose_button.click()
        seen["rows"] = [dialog.changes.item(r, 0).text() for r in range(dialog.changes.rowCount())]
        seen["unplaced"] = [dialog.unplaced.item(r).text() for r in range(dialog.unplaced.count())]
        dialog.accept_button.click()

    answer(page.replan_button.click, replan)
    # 王建国 is away on Wednesday: only that lesson moves (to another day), Tuesday's stays
    assert seen == {"rows": ["new time"], "unplaced": []}  # what the move changes
    assert schedule.get_lesson(uow, second.id).date != WEDNESDAY
    assert schedule.get_lesson(uow, first.id).date == TUESDAY
    away = lecturers.get_lecturer(uow, first.lecturer_id).unavailable
    assert [(u.start, u.end) for u in away] == [(WEDNESDAY, WEDNESDAY)]


def test_holidays_of_an_unknown_year_are_entered_and_shown(qtbot, window, answer, uow):
    from PySide6.QtCore import QDate

    page = window.show_page("schedule")
    page.show_date(dt.date(2031, 2, 3))
    assert page.year_notice.isVisible() and "2031" in page.year_notice.text()

    def enter(dialog):
        dialog.first.setDate(QDate(2031, 2, 3))
        dialog.last.setDate(QDate(2031, 2, 5))
        qtbot.keyClicks(dialog.name, "Spring")
        dialog.findChild(QPushButton, "add").click()
        assert dialog.table.rowCount() == 3
        dialog.reject()

    answer(page.holidays_button.click, enter)
    assert not page.week.days[dt.date(2031, 2, 4)].working
    assert page.week.days[dt.date(2031, 2, 4)].name == "Spring"
    assert page.week.days[dt.date(2031, 2, 6)].working
    assert page.year_notice.isVisible()  # single days do not confirm 2031: only a notice does


def test_a_stale_drag_is_refused_and_offered_again(qtbot, window, answer, uow, plan, sqlite_url):
    """Desk B (its own engine on the same file) gives the lesson another lecturer; desk A, still
    showing the old calendar, drags it: refused with who changed what, B's lecturer stays, and
    A is offered the move again on top of B's change."""
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork

    first, _second = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week
    desk_b = open_database(sqlite_url)
    other = UnitOfWork(desk_b)
    theme = next(t for t in courses.list_themes(other) if t.name == "安全生产")
    li = lecturers.create_lecturer(other, lecturers.LecturerForm(
        name="李芳", category="national_senior", theme_ids=(theme.id,)))
    shown = schedule.get_lesson(other, first.id)
    schedule.update_lesson(other, first.id, schedule.LessonForm(
        shown.class_id, shown.date, "morning", lecturer_id=li.id, venue_id=shown.venue_id,
        sequence=shown.sequence), shown.version)
    desk_b.dispose()
    seen = {}

    def read_refusal(box):
        seen["refusal"] = box.text()
        stored = schedule.get_lesson(uow, first.id)
        seen["stored"] = (stored.date, stored.lecturer_name)
        box.accept()

    def move_again(box):
        seen["question"] = box.text()
        box.button(box.StandardButton.Yes).click()

    free = week.point_for(THURSDAY, MORNING).toPoint()
    answer(lambda: _drag(qtbot, week, _centre(week, first.id), free), read_refusal, move_again)
    assert "王建国 → 李芳" in seen["refusal"] and "reopen" in seen["refusal"].lower()
    assert seen["stored"] == (TUESDAY, "李芳")  # the drag saved nothing over desk B's change
    assert seen["question"].startswith("Move it again to Thu 2026-09-17")
    moved = schedule.get_lesson(uow, first.id)
    assert (moved.date, moved.lecturer_name) == (THURSDAY, "李芳")  # both desks' changes kept
    page.undo_stack.undo()
    assert schedule.get_lesson(uow, first.id).date == TUESDAY
