"""Training requests: entered in a form, checked beside the field, filtered by status."""
import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPushButton

from trainer.services import courses, enterprises, requests


def _master_data(uow):
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余钢铁集团"))
    theme = courses.list_themes(uow)[0] if courses.list_themes(uow) else courses.create_theme(
        uow, courses.ThemeForm(name="安全生产"))
    course = courses.create_course(uow, courses.CourseForm(theme_id=theme.id, title="班组安全管理",
                                                           lesson_count=4))
    return firm, course


def test_new_request_is_checked_saved_and_filtered(qtbot, window, answer, uow):
    firm, course = _master_data(uow)
    page = window.show_page("requests")

    def fill(dialog):
        dialog.findChild(QComboBox, "enterprise").setCurrentIndex(
            dialog.findChild(QComboBox, "enterprise").findData(firm.id))
        dialog.findChild(QComboBox, "course").setCurrentIndex(
            dialog.findChild(QComboBox, "course").findData(course.id))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "workers"), "130")
        dialog.findChild(QDateEdit, "window_start").setDate(QDate(2026, 10, 10))
        dialog.findChild(QDateEdit, "window_end").setDate(QDate(2026, 10, 1))
        dialog.findChild(QCheckBox, "weekdays_1").setChecked(False)
        dialog.findChild(QCheckBox, "periods_evening").setChecked(True)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "blackout_dates"), "2026-10-20, 2026/10/27")
        dialog.findChild(QPushButton, "save").click()
        assert dialog.field_error("window_end")  # before the start
        dialog.findChild(QDateEdit, "window_end").setDate(QDate(2026, 11, 30))
        dialog.findChild(QPushButton, "save").click()

    answer(page.new_button.click, fill)
    saved = requests.list_requests(uow)
    assert len(saved) == 1
    r = saved[0]
    assert (r.workers, r.weekdays, r.periods, r.window_end) == (
        130, "2345", ("morning", "afternoon", "evening"), dt.date(2026, 11, 30))
    assert r.blackout_dates == (dt.date(2026, 10, 20), dt.date(2026, 10, 27))
    assert page.selected_record().id == r.id
    assert page.model.index(0, 6).data() == "Tue Wed Thu Fri"

    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    assert page.proxy.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    assert page.proxy.rowCount() == 1


def test_split_a_request_into_classes(qtbot, window, answer, uow):
    firm, course = _master_data(uow)
    request = requests.create_request(uow, requests.TrainingRequestForm(
        enterprise_id=firm.id, course_id=course.id, workers=130,
        window_start=dt.date(2026, 10, 8), window_end=dt.date(2026, 11, 30)))
    page = window.show_page("requests")
    page.select_id(request.id)
    said = []
    answer(page.split_button.click, lambda box: (
        said.append((box.objectName(), box.text(), box.informativeText())), box.accept()))
    assert [c.capacity for c in page.last_split] == [44, 43, 43]
    name, text, details = said[0]  # confirmed in a dialog, not only in the status bar
    assert name == "splitDone" and "3 classes" in text
    assert details.count("places") == 3 and "44 places" in details
    classes_column = [c.title for c in page.model.COLUMNS].index("Classes")
    row = [r.id for r in page.model.records()].index(request.id)
    assert page.model.index(row, classes_column).data() in (3, "3")
    refusals = []
    answer(page.split_button.click, lambda box: (refusals.append(box.text()), box.accept()))
    assert "already has 3" in refusals[0]
