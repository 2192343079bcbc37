"""Cancelling a lesson from the calendar (issue 15): right click → Cancel lesson…, confirmed,
saved with the version the calendar shows, undone with Ctrl+Z; a lesson another desk changed
meanwhile is refused with who changed what."""
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication

from tests.gui.test_schedule_page import TUESDAY, WEDNESDAY, plan  # noqa: F401 (fixture)
from trainer.services import courses, lecturers, schedule


def _right_click_cancel(qtbot, view, lesson_id, offered: list[str]):
    """Right-clicks the lesson and chooses Cancel lesson… in the menu that opens."""
    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, choose)
            return
        offered.extend(a.text() for a in menu.actions())
        menu.setActiveAction(menu.findChild(QAction, "cancelLesson"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    point = view.entry_rect(lesson_id).center().toPoint()
    QTimer.singleShot(0, choose)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                   view.mapToGlobal(point)))


# the offscreen platform cannot raise a popup menu or let it grab the keyboard; the menu works
POPUP = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")


def _click(label: str):
    def step(box):
        step.text = box.text()
        next(b for b in box.buttons() if b.text() == label).click()
    return step


@POPUP
def test_cancel_a_lesson_from_the_calendar_and_undo(qtbot, window, answer, uow, plan):  # noqa: F811
    first, _second = plan
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week
    offered: list[str] = []
    keep = _click("Keep it")
    answer(lambda: _right_click_cancel(qtbot, week, first.id, offered), keep)
    assert offered == ["Open…", "Cancel lesson…"]
    assert "班组安全管理 1/2" in keep.text and "Ctrl+Z" in keep.text
    assert schedule.get_lesson(uow, first.id).status == "planned"   # kept: nothing changed

    answer(lambda: _right_click_cancel(qtbot, week, first.id, []), _click("Cancel lesson"))
    cancelled = schedule.get_lesson(uow, first.id)
    assert cancelled.status == "cancelled" and cancelled.version == first.version + 1
    assert week.entry_rect(first.id).isEmpty()                       # gone from the calendar
    assert page.undo_stack.undoText() == "Cancel lesson"

    window.activateWindow()  # the message box had it
    qtbot.waitUntil(window.isActiveWindow)
    week.setFocus()
    qtbot.keyClick(week, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = schedule.get_lesson(uow, first.id)
    assert (back.status, back.date) == ("planned", TUESDAY) and back.version > cancelled.version
    assert not week.entry_rect(first.id).isEmpty()
    qtbot.keyClick(week, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert schedule.get_lesson(uow, first.id).status == "cancelled"


@POPUP
def test_cancelling_a_lesson_another_desk_changed_is_refused(  # noqa: F811 (plan)
        qtbot, window, answer, uow, plan, sqlite_url):
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork

    _first, second = plan
    page = window.show_page("schedule")
    page.show_date(WEDNESDAY)
    desk_b = open_database(sqlite_url)   # another desk, its own engine on the same file
    other = UnitOfWork(desk_b)
    theme = next(t for t in courses.list_themes(other) if t.name == "安全生产")
    li = lecturers.create_lecturer(other, lecturers.LecturerForm(
        name="李芳", category="national_senior", theme_ids=(theme.id,)))
    shown = schedule.get_lesson(other, second.id)
    schedule.update_lesson(other, second.id, schedule.LessonForm(
        shown.class_id, shown.date, "morning", lecturer_id=li.id, venue_id=shown.venue_id,
        sequence=shown.sequence), shown.version)
    desk_b.dispose()
    refusal = _click("OK")
    answer(lambda: _right_click_cancel(qtbot, page.week, second.id, []),
           _click("Cancel lesson"), refusal)
    assert "王建国 → 李芳" in refusal.text and "reopen" in refusal.text.lower()
    stored = schedule.get_lesson(uow, second.id)
    assert (stored.status, stored.lecturer_name) == ("planned", "李芳")  # desk B's change kept
    assert not page.undo_stack.canUndo()
