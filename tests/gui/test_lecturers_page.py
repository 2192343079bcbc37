"""Lecturers: create with themes, fee and unavailable dates; deleting one who still teaches a
lesson is refused with the reason."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton

from trainer.services import courses, lecturers


def test_create_lecturer_with_themes_fee_and_dates(qtbot, window, answer, uow, typist):
    page = window.show_page("lecturers")

    def fill(dialog):
        typist(dialog.findChild(QLineEdit, "person_name"), "李明")
        category = dialog.findChild(QComboBox, "category")
        category.setCurrentIndex(category.findData("model_trainer"))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "hourly_fee"), "450")
        dialog.set_theme_checked("安全生产")
        dialog.add_dates(dt.date(2026, 3, 2), dt.date(2026, 3, 1), "出差")
        dialog.findChild(QPushButton, "save").click()
        assert dialog.isVisible() and dialog.field_error("unavailable")  # ends before it starts
        dialog.remove_dates() if dialog.unavailable_view.currentIndex().isValid() else None
        dialog.unavailable.set_rows([])
        dialog.add_dates(dt.date(2026, 3, 1), dt.date(2026, 3, 5), "出差")
        dialog.findChild(QPushButton, "save").click()
        assert not dialog.isVisible()

    answer(page.new_button.click, fill)
    [lecturer] = lecturers.list_lecturers(uow)
    assert lecturer.category == "model_trainer" and lecturer.hourly_fee == 450
    assert lecturer.theme_names == ("安全生产",)
    assert lecturer.unavailable == (lecturers.DateRange(dt.date(2026, 3, 1),
                                                        dt.date(2026, 3, 5), "出差"),)
    assert page.model.rowCount() == 1


def _lesson_for(uow, lecturer_id: int) -> None:
    """A class with one lesson taught by the lecturer, straight through the ORM."""
    from trainer.db.models import Cohort, Lesson

    theme = courses.list_themes(uow)[0]
    course = courses.create_course(uow, courses.CourseForm(theme.id, "心理健康讲座"))
    with uow:
        cohort = Cohort(organization_id=uow.organization_id, course_id=course.id, code="2026-01",
                        name="心理健康第一期")
        uow.session.add(cohort)
        uow.session.flush()
        uow.session.add(Lesson(cohort_id=cohort.id, sequence=1, date=dt.date(2026, 3, 10),
                               start_time=dt.time(9), end_time=dt.time(11),
                               lecturer_id=lecturer_id))


def test_deleting_a_lecturer_who_teaches_is_refused(qtbot, window, answer, uow):
    lecturer = lecturers.create_lecturer(uow, lecturers.LecturerForm("王芳", "national_senior"))
    _lesson_for(uow, lecturer.id)
    page = window.show_page("lecturers")
    page.view.setFocus()
    page.view.selectRow(0)
    refusal = []

    def confirm(box):
        assert "王芳" in box.text()
        delete = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        delete.click()

    def read_refusal(box):
        refusal.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer(lambda: qtbot.keyClick(page.view, Qt.Key.Key_Delete), confirm, read_refusal)
    assert refusal and "王芳" in refusal[0] and "lesson" in refusal[0]
    assert [r.name for r in lecturers.list_lecturers(uow)] == ["王芳"]
    assert page.model.rowCount() == 1
