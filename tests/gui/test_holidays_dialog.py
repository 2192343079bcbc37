"""The Holidays dialog's own days (a range typed by hand) saved through the same service as
`trainer schedule holiday set` (services.schedule_calendar.set_override_range): the whole range
or, when another desk marked one of its days after the dialog showed it, nothing."""
import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from trainer.services.schedule_calendar import list_overrides, set_override
from ui.dialogs.holidays_dialog import HolidaysDialog

D = dt.date


def test_a_typed_range_is_saved_whole_or_not_at_all(qtbot, uow, languages):
    dialog = HolidaysDialog(None, uow, 2031)
    qtbot.addWidget(dialog)
    dialog.first.setDate(QDate(2031, 2, 1))
    dialog.last.setDate(QDate(2031, 2, 7))
    dialog.name.setText("春节")
    set_override(uow, D(2031, 2, 4), False, "厂休")  # another desk, after the dialog looked
    add = dialog.findChild(QPushButton, "add")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() != ""
    assert [o.name for o in list_overrides(uow, D(2031, 2, 1), D(2031, 2, 7))] == ["厂休"]
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # now with the version it shows
    assert dialog.problem.text() == ""
    saved = list_overrides(uow, D(2031, 2, 1), D(2031, 2, 7))
    assert [o.date for o in saved] == [D(2031, 2, 1) + dt.timedelta(days=n) for n in range(7)]
    assert {o.name for o in saved} == {"春节"}
