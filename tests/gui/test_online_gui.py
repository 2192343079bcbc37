"""Online lessons and online study hours in the window: a lesson opened from the calendar made
online (platform, link) through its own dialog, and back into a room; the platform's export
imported from the attendance page (preview with refused rows, then recorded in a worker thread);
the course's online-hours threshold typed into the course dialog; screenshots at 1366×768."""
import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QRadioButton

from tests.scenarios.attendance_fixtures import (id_number, make_class, make_course,
                                                   make_trainees, person_name)
from trainer.services import courses, enterprises, lecturers, requests, schedule
from trainer.services.completion import class_completion
from trainer.services.enrolment import enrol_trainees
from trainer.services.online_study import online_minutes

SHOTS = os.environ.get("TRAINER_SCREENSHOTS")  # a folder: the screens are saved there too
TUESDAY = dt.date(2026, 9, 15)
LINK = "https://meeting.tencent.com/dm/Xq7bT2"


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def lesson(uow):
    theme = next(t for t in courses.list_themes(uow) if t.name == "安全生产")
    course = courses.create_course(uow, courses.CourseForm(theme_id=theme.id, title="班组安全管理",
                                                           lesson_count=2, lesson_minutes=120))
    teacher = lecturers.create_lecturer(uow, lecturers.LecturerForm(
        name="王建国", category="national_senior", theme_ids=(theme.id,)))
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新钢公司"))
    room = enterprises.create_venue(uow, enterprises.VenueForm(name="一车间",
                                                               enterprise_id=firm.id, capacity=60))
    request = requests.create_request(uow, requests.TrainingRequestForm(
        enterprise_id=firm.id, course_id=course.id, workers=40,
        window_start=dt.date(2026, 9, 1), window_end=dt.date(2026, 9, 30)))
    cls = schedule.create_classes(uow, request.id)[0]
    return schedule.add_lesson(uow, schedule.LessonForm(cls.id, TUESDAY, "morning",
                                                        lecturer_id=teacher.id, venue_id=room.id))


def test_lesson_made_online_and_back_into_a_room(qtbot, window, answer, uow, lesson):
    window.resize(1366, 768)
    page = window.show_page("schedule")
    page.show_date(TUESDAY)
    week = page.week
    centre = week.entry_rect(lesson.id).center().toPoint()

    def open_online(dialog):  # the next dialog opens from this one: click once this step ends
        QTimer.singleShot(0, dialog.findChild(QPushButton, "onlineLesson").click)

    def fill(dialog):
        assert dialog.findChild(QRadioButton, "offline").isChecked()
        dialog.findChild(QRadioButton, "online").click()
        assert not dialog.findChild(QComboBox, "venue").isEnabled()
        platform = dialog.findChild(QComboBox, "platform")
        platform.setCurrentText("腾讯会议")
        link = dialog.findChild(QLineEdit, "link")
        link.clear()
        qtbot.keyClicks(link, LINK)
        _shot(dialog, "online_lesson_dialog")
        dialog.findChild(QPushButton, "save").click()

    answer(lambda: qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=centre),
           open_online, fill)
    saved = schedule.get_lesson(uow, lesson.id)
    assert saved.online.platform == "腾讯会议" and saved.online.link == LINK
    assert saved.venue_id is None
    _shot(window, "schedule_week_online")

    def back(dialog):
        dialog.findChild(QRadioButton, "offline").click()
        venue = dialog.findChild(QComboBox, "venue")
        venue.setCurrentIndex(1)
        dialog.findChild(QPushButton, "save").click()

    centre = week.entry_rect(lesson.id).center().toPoint()
    answer(lambda: qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=centre),
           open_online, back)
    again = schedule.get_lesson(uow, lesson.id)
    assert again.online is None and again.venue_name == "一车间"


@pytest.fixture
def cohort(uow):
    course = make_course(uow, lessons=2)
    cohort_id, lessons = make_class(uow, course, "QHD-9", lessons=2)
    people = make_trainees(uow, 3)
    enrol_trainees(uow, cohort_id, people, enrolled_on=dt.date(2026, 3, 1))
    return course, cohort_id, people


def test_online_hours_imported_from_the_attendance_page(qtbot, window, answer, uow, cohort,
                                                        tmp_path):
    course_id, cohort_id, people = cohort
    record = courses.get_course(uow, course_id)
    window.resize(1366, 768)

    def set_threshold(dialog):
        field = dialog.findChild(QLineEdit, "minOnlineHours")
        qtbot.keyClicks(field, "8")
        dialog.findChild(QPushButton, "save").click()

    from ui.dialogs.course_dialogs import CourseDialog
    answer(lambda: CourseDialog.ask(window, uow, record), set_threshold)
    assert courses.get_course(uow, course_id).min_online_hours == 8

    export = tmp_path / "学习统计.csv"
    export.write_bytes(("\ufeff姓名,身份证号,学习时长\r\n"
                        f"{person_name(0)},{id_number(0)},8小时\r\n"
                        f"{person_name(1)},,3小时20分\r\n"
                        "赵敏,,1小时\r\n").encode("utf-8"))
    page = window.show_page("attendance")
    page.choose_class(cohort_id)

    def import_file(dialog):
        assert not dialog.findChild(QPushButton, "recordHours").isEnabled()
        dialog.load_file(str(export))
        table = dialog.table
        assert table.rowCount() == 2
        assert [table.item(0, c).text() for c in range(3)] == ["2", person_name(0), "8"]
        assert table.item(1, 2).text() == "3.3"
        assert dialog.refused.count() == 1 and "赵敏" in dialog.refused.item(0).text()
        _shot(dialog, "online_hours_dialog")
        dialog.findChild(QPushButton, "recordHours").click()

    answer(page.online_button.click, import_file)
    assert online_minutes(uow, cohort_id) == {people[0]: 480, people[1]: 200}
    page.tabs.setCurrentIndex(2)
    assert "online study needed: 8 h" in page.completion_summary.text()
    reasons = {t.name: t.reason("en") for t in class_completion(uow, cohort_id).trainees}
    assert "online study 3.3 h, needs 8 h" in reasons[person_name(1)]
    _shot(window, "attendance_completion_online")
