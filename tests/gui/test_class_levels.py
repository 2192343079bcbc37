"""A trainee's level and "already holds the certificate" set in the 培训项目 page's grid, as a
clerk does it: the class chosen, the level cell double-clicked and a level picked from the
programme's list with the keyboard, the certificate box ticked with the space bar; each saved
at once with the version the grid showed. Another desk's change meanwhile is refused with the
core's sentence and the grid then shows the row as it is now."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from tests.scenarios.attendance_fixtures import person_name
from tests.scenarios.programme_fixtures import applicant, build_office, make_programme, write_xlsx
from trainer.services import applications as apps
from trainer.services import levels
from trainer.services.trainees import get_trainee
from ui.widgets.class_levels import HOLDS, LEVEL, NAME

START = dt.date(2026, 9, 1)


def _enrolled(uow, tmp_path):
    office = build_office(uow, lessons=2, seats=10)
    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    rows = [applicant(i) for i in range(2)] + [applicant(2, holds="是")]
    apps.enrol_applications(uow, apps.preview_applications(
        uow, record.id, write_xlsx(tmp_path / "报名表.xlsx", rows)))
    return record


def _row_of(grid, name: str) -> int:
    return next(n for n in range(grid.rowCount()) if grid.item(n, NAME).text() == name)


def _choose_level(qtbot, grid, n: int, level: str) -> None:
    """Double-click the level cell, move to `level` in the list with the arrow keys, Enter."""
    rect = grid.visualItemRect(grid.item(n, LEVEL))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # 2 clicks
    editor = grid.indexWidget(grid.model().index(n, LEVEL))  # the open editor
    assert isinstance(editor, QComboBox) and editor.hasFocus()
    assert [editor.itemText(i) for i in range(editor.count())] == ["初级", "等级提升"]
    key = Qt.Key.Key_Down if editor.findText(level) > editor.currentIndex() else Qt.Key.Key_Up
    while editor.currentText() != level:
        qtbot.keyClick(editor, key)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it once events run
    qtbot.waitUntil(lambda: grid.state() == grid.State.NoState, timeout=5000)


def test_levels_and_certificate_mark_set_in_the_grid(qtbot, window, uow, tmp_path):
    record = _enrolled(uow, tmp_path)
    beginner = record.classes[0].id
    page = window.show_page("programmes")
    page.classes.selectRow(0)
    grid = page.trainees
    assert grid.rowCount() == 2
    first, second = _row_of(grid, person_name(0)), _row_of(grid, person_name(1))
    assert [grid.item(first, LEVEL).text(), grid.item(first, HOLDS).checkState()] == \
        ["初级", Qt.CheckState.Unchecked]
    _choose_level(qtbot, grid, first, "等级提升")
    person = grid.row_of(first).trainee_id
    assert levels.enrolment_levels(uow, beginner)[person] == "等级提升"
    assert page.status.text() == f"{person_name(0)}: level 等级提升."
    grid.setCurrentCell(second, HOLDS)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    other = grid.row_of(second).trainee_id
    assert get_trainee(uow, other).holds_certificate is True
    assert grid.item(second, HOLDS).checkState() == Qt.CheckState.Checked
    assert page.status.text() == f"{person_name(1)} holds the certificate."
    # the level again: the grid carries the enrolment's new version, so no false refusal
    _choose_level(qtbot, grid, first, "初级")
    assert levels.enrolment_levels(uow, beginner)[person] == "初级"
    window.grab().save(str(tmp_path / "levels.png"))


def test_another_desks_change_is_refused_with_the_sentence(qtbot, window, answer, uow,
                                                          tmp_path):
    record = _enrolled(uow, tmp_path)
    beginner = record.classes[0].id
    page = window.show_page("programmes")
    page.classes.selectRow(0)
    grid = page.trainees
    n = _row_of(grid, person_name(0))
    row = grid.row_of(n)
    levels.set_enrolment_level(uow, beginner, row.trainee_id, "等级提升", row.version)  # desk 2
    seen = {}

    def read_and_close(box):
        seen["text"] = box.text()
        box.accept()

    def choose():
        _choose_level(qtbot, grid, n, "等级提升")
        qtbot.waitUntil(lambda: "text" in seen, timeout=5000)

    # the grid still shows 初级 (loaded before desk 2 saved): choosing 等级提升 is refused
    assert grid.item(n, LEVEL).text() == "初级"
    answer(choose, read_and_close)
    assert "changed" in seen["text"] and person_name(0) in seen["text"], seen["text"]
    qtbot.waitUntil(lambda: grid.item(_row_of(grid, person_name(0)), LEVEL).text() == "等级提升",
                    timeout=5000)
    assert grid.row_of(_row_of(grid, person_name(0))).version == row.version + 1
