"""Attendance as a clerk does it: a signed sheet typed into the grid by keyboard, a scanner at the
door, and the completion view saying why someone does not complete."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer


from tests.scenarios.attendance_fixtures import (make_class, make_course, make_enterprise,
                                                   make_trainees)
from trainer.services.attendance import (CellChange, load_attendance_grid, save_attendance,
                                         trainee_scan_code)
from trainer.services.enrolment import enrol_trainees, list_enrolments
from ui.models.attendance_grid_model import FIXED


@pytest.fixture
def cohort(uow):
    """A four-lesson class held in March 2026, three trainees enrolled, a fourth on the roster."""
    course = make_course(uow, lessons=4)
    firm = make_enterprise(uow)
    cohort_id, lessons = make_class(uow, course, "QHD-1", lessons=4, enterprise_id=firm)
    people = make_trainees(uow, 4, enterprise_id=firm)
    enrol_trainees(uow, cohort_id, people[:3], enrolled_on=dt.date(2026, 3, 1))
    return cohort_id, lessons, people


def _open(window, cohort_id, tab):
    page = window.show_page("attendance")
    page.choose_class(cohort_id)
    page.tabs.setCurrentIndex(tab)
    return page


def test_keyboard_entry_in_the_grid(qtbot, window, uow, cohort):
    cohort_id, lessons, people = cohort
    page = _open(window, cohort_id, 0)
    grid, model = page.grid, page.grid.grid_model
    assert model.rowCount() == 3 and model.columnCount() == FIXED + 4
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, FIXED))
    qtbot.keyClick(grid, Qt.Key.Key_P)  # present, and down to the next trainee
    qtbot.keyClick(grid, Qt.Key.Key_L)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # blank → present → late
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_A)  # row 3 (clamped), lesson 2: absent
    assert [model.index(r, FIXED).data() for r in range(3)] == ["P", "L", "L"]
    page.all_present.click()  # the current column: lesson 2, the two still empty
    assert [model.index(r, FIXED + 1).data() for r in range(3)] == ["P", "P", "A"]
    assert "6 unsaved" in page.grid_status.text()
    page.save_button.click()
    saved = load_attendance_grid(uow, cohort_id)
    ids = [t.trainee_id for t in saved.trainees]
    assert [saved.cell(lessons[0], t).status for t in ids] == ["present", "late", "late"]
    assert [saved.cell(lessons[1], t).status for t in ids] == ["present", "present", "absent"]
    assert not model.dirty and page.grid_status.text() == "Saved."


def test_scanner_marks_present_and_reports_strangers(qtbot, window, uow, cohort, monkeypatch):
    cohort_id, lessons, people = cohort
    beeps = []
    monkeypatch.setattr("ui.pages.attendance_page.QApplication.beep", lambda: beeps.append(1))
    page = _open(window, cohort_id, 1)
    page.scan_lesson.setCurrentIndex(page.scan_lesson.findData(lessons[2]))
    qtbot.keyClicks(page.scan_input, trainee_scan_code(people[0]))
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    first = page.scan_result.text()
    assert first.startswith("✔") and "c8e6c9" in page.scan_result.styleSheet()
    qtbot.keyClicks(page.scan_input, trainee_scan_code(people[0]))
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    assert page.scan_result.text().startswith("⚠")  # already marked: said, not marked twice
    assert "fff3c4" in page.scan_result.styleSheet()
    qtbot.keyClicks(page.scan_input, trainee_scan_code(people[3]))  # on the roster, not enrolled
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    assert page.scan_result.text().startswith("✖") and "ffcdd2" in page.scan_result.styleSheet()
    assert page.scan_log.count() == 3 and len(beeps) == 1 + 2 + 3
    grid = load_attendance_grid(uow, cohort_id)
    assert grid.cell(lessons[2], people[0]).status == "present"
    assert grid.cell(lessons[2], people[3]) is None
    session = page._scan_session  # kept for the lesson: the class is not read again per scan
    assert session is not None and session.lesson_id == lessons[2]
    qtbot.keyClicks(page.scan_input, trainee_scan_code(people[1]))
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    assert page._scan_session is session and page.scan_result.text().startswith("✔")
    page.live_reload()  # another desk changed the class or its lessons: read again
    assert page._scan_session is None


def test_completion_view_says_why_not(qtbot, window, uow, cohort):
    cohort_id, lessons, people = cohort
    changes = [CellChange(lesson, person, "present") for lesson in lessons for person in people[:2]]
    changes += [CellChange(lessons[0], people[2], "present"),
                CellChange(lessons[1], people[2], "absent")]
    save_attendance(uow, changes)
    page = _open(window, cohort_id, 2)
    rows = {page.completion.item(r, 0).text(): page.completion.item(r, 4).text()
            for r in range(page.completion.rowCount())}
    names = {e.trainee_id: e.trainee_name for e in list_enrolments(uow, cohort_id)}
    assert rows[names[people[0]]] == "✔" and rows[names[people[2]]] == "✖"
    assert "1 of 4" in page.reason_of(names[people[2]]) and "needs 4" in page.reason_of(
        names[people[2]])


def test_enrol_from_the_roster(qtbot, window, answer, uow, cohort):
    cohort_id, lessons, people = cohort
    page = _open(window, cohort_id, 0)

    def tick_and_enrol(dialog):
        names = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
        assert len(names) == 4
        last = [n for n, r in names.items()
                if dialog.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable]
        assert len(last) == 1  # the three enrolled cannot be ticked again
        dialog.tick(last[0])
        QTimer.singleShot(0, dialog.enrol_button.click)  # opens the summary: return to answer it

    def confirm(summary):
        assert "1" in summary.confirm_button.text()
        summary.confirm_button.click()

    answer(page.enrol_button.click, tick_and_enrol, confirm)
    assert len(list_enrolments(uow, cohort_id)) == 4
    assert page.grid.grid_model.rowCount() == 4


