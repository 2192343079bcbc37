"""The Holidays dialog used as an office would in December 2026: the schedule shows 2027's
statutory days computed from the law (amber); the State Council's notice is pasted, a typo is
refused with its line named and nothing saved, the corrected notice is previewed as a calendar
with each 共N天 checked, saved; the lesson it puts on a day off is listed at once, and "Re-plan
these" moves that lesson and no other. Screenshots go to $TRAINER_SCREENSHOTS when set."""
import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from tests.notices.official import EXAMPLE_2027
from tests.notices.scenario import BRIDGE_DAY, LATER, february_2027_lessons
from trainer.services import schedule
from trainer.services.schedule_calendar import list_overrides

D = dt.date


@pytest.fixture
def lessons(uow):
    return february_2027_lessons(uow)


def _shot(widget, name):
    folder = os.environ.get("TRAINER_SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def _paste(qtbot, edit, text):
    """As a person does: select all, paste from the clipboard (Ctrl+A, Ctrl+V)."""
    QApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keySequence(edit, QKeySequence.StandardKey.SelectAll)
    qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)


def test_paste_preview_save_and_replan(qtbot, window, answer, uow, lessons):
    page = window.show_page("schedule")
    page.show_date(D(2027, 2, 8))
    spring = page.week.days[D(2027, 2, 8)]
    assert spring.provisional and not spring.working
    assert spring.name == "Spring Festival (provisional)"
    assert page.year_notice.isVisible()
    assert "holidays of 2027 are provisional" in page.year_notice.text()
    page.set_mode(1)
    _shot(page, "schedule-provisional.png")
    page.set_mode(0)
    seen = {}

    def use_dialog(dialog):
        calendar = dialog.calendar
        assert calendar.year == 2027 and calendar.days[D(2027, 2, 5)][0] == "provisional"
        box = dialog.findChild(QPushButton, "readNotice")
        _paste(qtbot, dialog.text, EXAMPLE_2027.replace("共9天", "共8天"))
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        seen["problem"] = dialog.notice_problem.text()
        assert not dialog.save_button.isEnabled() and list_overrides(uow) == []
        _paste(qtbot, dialog.text, EXAMPLE_2027)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert dialog.notice_problem.text() == ""
        assert dialog.items.rowCount() == 7
        seen["spring"] = [dialog.items.item(1, c).text() for c in range(4)]
        assert calendar.days[BRIDGE_DAY] == ("holiday", "Spring Festival")
        assert calendar.days[D(2027, 2, 14)][0] == "working"
        assert BRIDGE_DAY in calendar.marked and D(2027, 6, 10) not in calendar.marked
        assert list_overrides(uow) == []  # nothing saved before the confirmation
        dialog.resize(1000, 720)
        _shot(dialog, "holidays-dialog-preview.png")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.banner.isVisible()
        seen["banner"] = dialog.banner.text.text()
        _shot(dialog, "holidays-dialog-saved.png")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes, like Close

    answer(page.holidays_button.click, use_dialog)
    assert "line 7 “二、春节" in seen["problem"] and "says 8 days, but the dates given make 9" in seen["problem"]
    assert seen["spring"] == ["二、春节", "2027-02-05 – 2027-02-13",
                              "9 ✓ (the notice says 9)", "2027-02-14"]
    assert "Now on a day off: 1 lesson" in seen["banner"] and "班组安全管理" in seen["banner"]
    assert len(list_overrides(uow)) == 34 and {o.notice_year for o in list_overrides(uow)} == {2027}
    assert not page.year_notice.isVisible()  # 2027 is confirmed by the notice
    assert page.days_off.isVisible() and page.days_off.lessons[0].id == lessons[0].id
    assert not page.week.days[BRIDGE_DAY].provisional and not page.week.days[BRIDGE_DAY].working

    def replan(dialog):
        assert dialog.windowTitle() == "Re-plan the lessons on days off"
        qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=60000)
        assert dialog.changes.rowCount() == 1 and dialog.changes.item(0, 0).text() == "new time"
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    answer(lambda: qtbot.mouseClick(page.days_off.replan, Qt.MouseButton.LeftButton), replan)
    moved = schedule.get_lesson(uow, lessons[0].id)
    assert moved.date != BRIDGE_DAY and moved.date.isoweekday() < 6
    assert schedule.get_lesson(uow, lessons[1].id).date == LATER  # only that lesson moved
    assert not page.days_off.isVisible()


def test_close_button_and_escape(qtbot, window, answer):
    page = window.show_page("schedule")

    def close(dialog):
        assert isinstance(dialog, QDialog) and dialog.objectName() == "holidaysDialog"
        qtbot.mouseClick(dialog.findChild(QPushButton, "close"), Qt.MouseButton.LeftButton)

    answer(page.holidays_button.click, close)

    def escape(dialog):
        dialog.text.setFocus()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)

    answer(page.holidays_button.click, escape)
    assert QApplication.activeModalWidget() is None


def test_plan_dialog_warns_for_a_provisional_year(qtbot, window, uow):
    from PySide6.QtCore import QDate

    from ui.dialogs.plan_dialog import PlanDialog
    dialog = PlanDialog(window, uow, D(2027, 1, 1), D(2027, 3, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.provisional.isVisible()
    assert dialog.provisional.text().startswith("holidays of 2027 are provisional")
    dialog.end.setDate(QDate(2026, 12, 31))
    dialog.start.setDate(QDate(2026, 10, 1))
    assert not dialog.provisional.isVisible()
