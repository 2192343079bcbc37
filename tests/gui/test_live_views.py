"""Two desks on one PostgreSQL database (two main windows, two engines): what desk B saves shows
on desk A within 5 s, keeping A's selection and unsaved edits; a save A makes on what it saw
before B's change is refused with the sentence (issue 15)."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_schedule_page import MORNING, THURSDAY, TUESDAY, _centre, _drag
from tests.gui.test_schedule_page import plan as make_plan_fixture
from tests.scenarios.attendance_fixtures import (make_class, make_course, make_enterprise,
                                                   make_trainees)
from trainer.db.migrate import open_database
from trainer.services import courses, lecturers, schedule
from trainer.services.attendance import CellChange, load_attendance_grid, save_attendance
from trainer.services.enrolment import enrol_trainees
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork
from ui.models.attendance_grid_model import FIXED

pytestmark = pytest.mark.postgres
make_plan = make_plan_fixture.__wrapped__  # the schedule tests' plan, made on desk A's data


@pytest.fixture
def desks(qtbot, languages, pg_url):
    """Desk A and desk B: each its own engine and main window on one server database."""
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    first = open_database(pg_url)
    create_organization(UnitOfWork(first), "秦皇岛市总工会", "秦皇岛总工会", "QHDZGH")
    second = open_database(pg_url)
    windows = []
    for database in (first, second):
        window = MainWindow(UnitOfWork(database), languages, AppSettings())
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
    yield windows
    from PySide6.QtCore import QCoreApplication, QEvent

    for window in windows:  # gone before the server database is (no late retranslate)
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    first.dispose()
    second.dispose()


def test_a_lesson_moved_on_desk_b_shows_on_desk_a_and_a_stale_drag_is_refused(
        qtbot, desks, answer):
    desk_a, desk_b = desks
    first, second = make_plan(desk_a.uow)
    page_a, page_b = desk_a.show_page("schedule"), desk_b.show_page("schedule")
    page_a.show_date(TUESDAY)
    page_b.show_date(TUESDAY)
    # desk B drags the first lesson to Thursday in its own calendar
    _drag(qtbot, page_b.week, _centre(page_b.week, first.id),
          page_b.week.point_for(THURSDAY, MORNING).toPoint())
    assert schedule.get_lesson(desk_b.uow, first.id).date == THURSDAY
    qtbot.waitUntil(lambda: page_a.records[first.id].date == THURSDAY, timeout=5000)
    assert not page_a.week.entry_rect(first.id).isEmpty()  # drawn on Thursday now

    # desk A has not heard yet of B's next change (its feed paused): its drag is stale
    desk_a.live.stop()
    theme = next(t for t in courses.list_themes(desk_b.uow) if t.name == "安全生产")
    li = lecturers.create_lecturer(desk_b.uow, lecturers.LecturerForm(
        name="李芳", category="national_senior", theme_ids=(theme.id,)))
    shown = schedule.get_lesson(desk_b.uow, second.id)
    schedule.update_lesson(desk_b.uow, second.id, schedule.LessonForm(
        shown.class_id, shown.date, "morning", lecturer_id=li.id, venue_id=shown.venue_id,
        sequence=shown.sequence), shown.version)
    seen = {}

    def read_refusal(box):
        seen["refusal"] = box.text()
        box.accept()

    def decline(box):
        box.button(box.StandardButton.No).click()

    free = page_a.week.point_for(dt.date(2026, 9, 18), MORNING).toPoint()
    answer(lambda: _drag(qtbot, page_a.week, _centre(page_a.week, second.id), free),
           read_refusal, decline)
    assert "王建国 → 李芳" in seen["refusal"]
    stored = schedule.get_lesson(desk_b.uow, second.id)
    assert (stored.date, stored.lecturer_name) == (dt.date(2026, 9, 16), "李芳")  # nothing lost


def test_attendance_saved_on_desk_b_shows_on_desk_a_keeping_and_marking_its_edits(
        qtbot, desks):
    desk_a, desk_b = desks
    uow = desk_a.uow
    course = make_course(uow, lessons=2)
    firm = make_enterprise(uow)
    cohort_id, lessons = make_class(uow, course, "QHD-1", lessons=2, enterprise_id=firm)
    people = make_trainees(uow, 3, enterprise_id=firm)
    enrol_trainees(uow, cohort_id, people, enrolled_on=dt.date(2026, 3, 1))
    page = desk_a.show_page("attendance")
    page.choose_class(cohort_id)
    page.tabs.setCurrentIndex(0)
    grid, model = page.grid, page.grid.grid_model
    rows = [t.trainee_id for t in model.grid.trainees]
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, FIXED))
    qtbot.keyClick(grid, Qt.Key.Key_P)  # A: row 1 present (unsaved), cursor to row 2
    qtbot.keyClick(grid, Qt.Key.Key_P)  # A: row 2 present (unsaved)
    # desk B saves row 1 absent (the same cell) and row 3 late (a cell A did not touch)
    save_attendance(desk_b.uow, [CellChange(lessons[0], rows[0], "absent", expected_version=0),
                                 CellChange(lessons[0], rows[2], "late", expected_version=0)])
    qtbot.waitUntil(lambda: model.index(2, FIXED).data() == "L", timeout=5000)
    assert model.index(0, FIXED).data() == "P" and model.index(1, FIXED).data() == "P"
    assert model.conflicts == {(lessons[0], rows[0])}  # marked: B saved it meanwhile
    assert "1 of them changed on another computer" in page.grid_status.text()
    assert grid.currentIndex().row() == 2  # A's cursor where it was
    refusals = []
    from ui.dialogs import messages

    original = messages.show_refusal
    messages.show_refusal = lambda _parent, text: refusals.append(text)
    try:
        page.save_button.click()
    finally:
        messages.show_refusal = original
    assert len(refusals) == 1 and "changed by someone else" in refusals[0], refusals
    saved = load_attendance_grid(desk_b.uow, cohort_id)
    assert saved.cell(lessons[0], rows[0]).status == "absent"  # B's entry kept
    assert saved.cell(lessons[0], rows[1]) is None  # A's save refused whole: nothing half-done
    assert model.dirty  # A's edits are still there to look at
