"""Bulk enrolment as a clerk does it: a whole enterprise roster into a class that has fewer
places (the summary says who is left out and why, before anything is written), a list file of
names and ID numbers, who may join a class; and 一人一档 found by name with a chooser."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from tests.scenarios.attendance_fixtures import (id_number, make_class, make_course,
                                                   make_enterprise, make_trainees)
from trainer.services.enrolment import enrol_trainees, list_enrolments
from trainer.services.schedule_classes import get_class
from trainer.services.trainees import TraineeForm, create_trainee, get_trainee

SHOTS = "/tmp/enrolui-shots"


@pytest.fixture
def plant(uow):
    """A 5-place class of 秦皇岛纺织厂, its 7 workers, 2 workers of another enterprise."""
    course = make_course(uow, lessons=4)
    mill = make_enterprise(uow, "秦皇岛纺织厂")
    other = make_enterprise(uow, "秦皇岛玻璃厂")
    cohort, _ = make_class(uow, course, "FZ-1", lessons=4, enterprise_id=mill, capacity=5)
    own = make_trainees(uow, 7, enterprise_id=mill, category="regular")
    others = make_trainees(uow, 2, enterprise_id=other, first=50, category="laid_off")
    return cohort, own, others, other


def _when(ready, act, tries: int = 250):
    """Runs act() once ready() holds (the dialog above has closed and its caller has moved on)."""
    if ready() or tries == 0:
        act()
    else:
        QTimer.singleShot(20, lambda: _when(ready, act, tries - 1))


def _later(click):
    QTimer.singleShot(0, click)  # the click opens a modal: return so the next step answers it


def test_whole_roster_with_one_summary_before_confirming(qtbot, window, answer, uow, plant):
    cohort, own, _others, _other = plant
    page = window.show_page("attendance")
    page.choose_class(cohort)
    seen = {}

    def roster(dialog):
        dialog.resize(760, 560)
        assert dialog.enterprise.currentText() == "秦皇岛纺织厂"
        assert dialog.table.rowCount() == 7
        qtbot.mouseClick(dialog.findChild(QPushButton, "selectAll"), Qt.MouseButton.LeftButton)
        assert dialog.ticked_label.text() == "7 ticked"
        qtbot.mouseClick(dialog.findChild(QPushButton, "selectNone"), Qt.MouseButton.LeftButton)
        assert dialog.ticked() == []
        dialog.grab().save(f"{SHOTS}/enrol-dialog.png")
        _later(dialog.roster_button.click)

    def summary(box):
        seen["summary"] = box.summary.text()
        seen["reasons"] = [box.reasons.item(i).text() for i in range(box.reasons.count())]
        box.grab().save(f"{SHOTS}/enrol-summary.png")
        assert get_class(uow, cohort).enrolled == 0  # nothing written before confirming
        qtbot.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)

    answer(page.enrol_button.click, roster, summary)
    assert "can enrol 5, not enrolled 2, 0 places left" in seen["summary"]
    assert len(seen["reasons"]) == 2 and all("class full" in r for r in seen["reasons"])
    assert get_class(uow, cohort).enrolled == 5
    assert page.grid.grid_model.rowCount() == 5


def test_list_file_and_who_may_join(qtbot, window, answer, uow, plant, tmp_path):
    cohort, own, others, other = plant
    enrol_trainees(uow, cohort, own[:1], enrolled_on=dt.date(2026, 3, 1))
    names = [get_trainee(uow, i).name for i in own[1:3]]
    outsider = get_trainee(uow, others[0])
    book = openpyxl.Workbook()
    book.active.append(["序号", "姓名", "身份证号"])
    book.active.append([1, names[0], ""])
    book.active.append([2, "", id_number(2)])  # own[2]'s number alone
    book.active.append([3, outsider.name, outsider.id_number])  # another enterprise's worker
    book.active.append([4, "查无此人", ""])
    book.save(tmp_path / "报名名单.xlsx")
    page = window.show_page("attendance")
    page.choose_class(cohort)
    seen = {}

    def by_file(dialog):
        dialog.list_path = str(tmp_path / "报名名单.xlsx")
        _later(dialog.file_button.click)

    def summary(box):
        seen["summary"] = box.summary.text()
        seen["reasons"] = [box.reasons.item(i).text() for i in range(box.reasons.count())]
        _later(box.confirm_button.click)

    answer(page.enrol_button.click, by_file, summary)
    assert "can enrol 2, not enrolled 2" in seen["summary"]
    assert any("row 5" in r and "查无此人" in r for r in seen["reasons"])
    assert any(outsider.name in r and "秦皇岛纺织厂" in r for r in seen["reasons"])
    assert {e.trainee_id for e in list_enrolments(uow, cohort)} == set(own[:3])

    held = {}

    def open_class(dialog):
        held["dialog"] = dialog
        assert dialog.who.text() == "only workers of 秦皇岛纺织厂"
        _later(dialog.eligibility_button.click)

    def eligibility(box):
        box.grab().save(f"{SHOTS}/eligibility-dialog.png")
        for button in (box.open, box.boxes["laid_off"]):  # on the words, as a person clicks
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
        dialog = held["dialog"]
        _when(lambda: "open" in dialog.who.text(), lambda: after(dialog))

    def after(dialog):
        assert dialog.who.text() == "open to: laid-off / unemployed"
        dialog.enterprise.setCurrentIndex(dialog.enterprise.findText("秦皇岛玻璃厂"))
        assert dialog.table.rowCount() == 2
        assert all(dialog.table.item(r, 4).text() == "" for r in range(2))  # may join now
        dialog.tick_all()
        _later(dialog.enrol_button.click)

    def confirm(box):
        assert "can enrol 2, not enrolled 0, 0 places left" in box.summary.text()
        _later(box.confirm_button.click)

    answer(page.enrol_button.click, open_class, eligibility, confirm)
    info = get_class(uow, cohort)
    assert info.open_enrolment and info.eligible_categories == ("laid_off",)
    assert info.enrolled == 5


def test_trainee_record_found_by_name_with_a_chooser(qtbot, window, answer, typist, uow):
    for serial in (301, 302):
        create_trainee(uow, TraineeForm("王秀英", id_number(serial), "F"))
    li = create_trainee(uow, TraineeForm("李䶮", id_number(303), "F")).id
    page = window.show_page("reports")
    page.choose("trainee_record")
    assert page.trainee.isVisible()
    seen = {}

    def chooser(box):
        box.grab().save(f"{SHOTS}/trainee-chooser.png")
        seen["rows"] = [(box.table.item(r, 0).text(), box.table.item(r, 2).text())
                        for r in range(box.table.rowCount())]
        box.table.selectRow(1)
        ok = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def preview(dialog):
        seen["title"] = dialog.windowTitle()
        dialog.accept()

    typist(page.trainee, "王秀英")
    answer(page.preview_button.click, chooser, preview)
    assert [r[0] for r in seen["rows"]] == ["王秀英", "王秀英"]
    assert all("**********" in r[1] for r in seen["rows"])  # masked ID numbers
    assert page.trainee_chosen.name == "王秀英"
    assert page.trainee_chosen.masked_id == seen["rows"][1][1]  # the row clicked
    page.trainee.clear()
    typist(page.trainee, id_number(303)[-6:])  # the last digits of the ID: one match
    answer(page.preview_button.click, preview)
    assert page.trainee_chosen.id == li
    page.trainee.clear()
    typist(page.trainee, "孙悟空")
    page.preview_button.click()
    assert "No trainee matches “孙悟空”" in page.description.text()
