"""The 培训项目 page as a clerk uses it: a programme made through its dialog (levels, venue,
months, classes, who may apply); the applicants' list chosen, previewed (placed and refused rows
with their reasons, by level and class) and confirmed; a class's graded certificates issued after
the exam. Screenshots of the page and the dialogs go to /tmp/proggui-shots."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from tests.gui.test_certificates_reports import type_passphrase
from tests.scenarios.certificate_keys import PASSPHRASE
from tests.scenarios.attendance_fixtures import id_number
from tests.scenarios.programme_fixtures import (HEADER, TITLE, applicant, build_office,
                                                make_programme, write_xlsx)
from tests.sheet_files import ods, typed_id
from trainer.scheduling.proposal import accept_proposal
from trainer.services import applications as apps
from trainer.services import certificate_keys as keys
from trainer.services import programmes as pg
from trainer.services.assessment import AssessmentEntry, record_assessments
from trainer.services.attendance import CellChange, save_attendance
from trainer.services.certificates import list_certificates
from trainer.services.enrolment import list_enrolments
from trainer.services.schedule import list_lessons

SHOTS = Path("/tmp/proggui-shots")
START = dt.date(2026, 9, 1)  # a programme already held: its lessons are in the past


@pytest.fixture
def office(uow):
    SHOTS.mkdir(exist_ok=True)
    return build_office(uow, lessons=2, seats=10)


def _next(wizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def _row_texts(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_a_programme_made_through_the_dialog(qtbot, window, answer, typist, uow, office):
    window.resize(1366, 768)
    page = window.show_page("programmes")
    assert page.programmes.rowCount() == 0 and not page.import_button.isEnabled()

    def fill(dialog):
        assert dialog.objectName() == "programmeDialog"
        dialog.save_button.click()  # no name: refused beside the field, the dialog stays
        assert dialog.field_error("name")
        typist(dialog.name, "秦皇岛市母婴护理师免费培训计划")
        dialog.course.setCurrentIndex(dialog.course.findData(office.beginner_course))
        dialog.raising.setCurrentIndex(dialog.raising.findData(office.raising_course))
        dialog.start.setFocus()
        dialog.start.selectAll()
        typist(dialog.start, "2027-03")
        for spin, value in ((dialog.months, "2"), (dialog.per_month, "3"), (dialog.class_size, "8")):
            spin.selectAll()
            typist(spin, value)
        for code in ("laid_off", "migrant", "school_leaver"):
            qtbot.mouseClick(dialog.boxes[code], Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
        dialog.grab().save(str(SHOTS / "programme-dialog.png"))
        dialog.save_button.click()
        assert not dialog.isVisible(), (dialog.banner.text(), [
            (k, e.text()) for k, (_w, e) in dialog._errors.items() if e.text()])

    answer(page.new_button.click, fill)
    assert page.programmes.rowCount() == 1
    assert _row_texts(page.programmes, 0) == ["秦皇岛市母婴护理师免费培训计划",
                                              "秦皇岛市职工培训中心", "2027-03", "2", "6", "48", "0"]
    assert page.classes.rowCount() == 6
    assert [page.classes.item(r, 1).text() for r in range(3)] == ["初级", "初级", "等级提升"]
    assert _row_texts(page.classes, 0)[2:] == ["2027-03", "8", "0"]
    record = pg.list_programmes(uow)[0]
    assert set(record.eligible_categories) == {"laid_off", "migrant", "school_leaver"}
    assert "6 classes made" in page.status.text()
    window.grab().save(str(SHOTS / "programmes-page.png"))


def _applicants_ods(path) -> str:
    """The list as LibreOffice Calc saves it: last year's list on the first sheet, this year's
    on the second with a title row, 人员类别 merged down over three applicants, a row hidden
    (withdrawn), one ID typed into a General cell (a number), a category in the list's own
    words (失业在家), one person applying twice."""
    this_year = [[TITLE], HEADER]
    this_year += [applicant(i) for i in range(4)]  # three places at 初级: the fourth has none
    this_year += [applicant(4, category="在岗职工"),  # not a category the programme admits
                  applicant(5, holds="是"),  # holds the certificate: put in 等级提升
                  applicant(6, category="失业在家", level="等级提升"),
                  applicant(7),  # hidden: withdrawn
                  applicant(8, number=typed_id(id_number(8))),
                  applicant(0)]  # row 3 again
    for row in this_year[3:5]:
        row[5] = None  # under the merge
    last_year = [HEADER, applicant(20), applicant(21)]
    return ods(path, {"2025年": last_year, "报名表": this_year},
               merges={"报名表": [(2, 4, 5)]}, hidden_rows={"报名表": [9]})


def test_the_applicants_list_through_the_import_wizard(qtbot, window, answer, typist, uow,
                                                       office, tmp_path):
    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    path = _applicants_ods(tmp_path / "报名表.ods")
    page = window.show_page("programmes")
    seen = {}

    def drive(wizard):
        assert wizard.objectName() == "importWizard"
        assert wizard.file_page.programme.currentText() == record.name
        assert not wizard.file_page.skip.isVisibleTo(wizard)  # matched by ID, never updated
        typist(wizard.file_page.path, path)
        _next(wizard)
        mapping = wizard.mapping_page
        assert mapping.sheet.currentData() == "2025年"  # the first sheet: the clerk changes it
        mapping.sheet.setFocus()
        qtbot.keyClick(mapping.sheet, Qt.Key.Key_Down)  # the next sheet, chosen by keyboard
        qtbot.waitUntil(lambda: wizard.table.sheet == "报名表", timeout=10000)
        assert mapping.header_row.value() == 2 and mapping.hidden.isVisibleTo(wizard)
        seen["fields"] = [mapping.columns.cellWidget(c, 2).currentData() for c in range(6, 8)]
        _next(wizard)
        values = wizard.values_page
        assert wizard.currentPage() is values
        assert values.values.item(0, 1).text() == "失业在家"
        combo = values.values.cellWidget(0, 3)
        combo.setCurrentIndex(combo.findData("laid_off"))
        _next(wizard)
        preview = wizard.preview_page
        assert wizard.currentPage() is preview
        seen["summary"] = preview.summary.text()
        seen["rows"] = [[preview.rows.item(r, c).text() for c in range(5)]
                        for r in range(preview.rows.rowCount())]
        seen["tip"] = preview.rows.item(3, 4).toolTip()
        wizard.grab().save(str(SHOTS / "applicants-wizard.png"))
        qtbot.mouseClick(preview.only_refused, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
        seen["shown"] = sum(not preview.rows.isRowHidden(r) for r in range(len(seen["rows"])))
        seen["button"] = wizard.button(QWizard.WizardButton.NextButton).text()
        _next(wizard)  # Enrol 5
        qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
        seen["status"] = wizard.run_page.status.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    answer(page.import_button.click, drive)
    assert seen["fields"] == ["level", "holds_certificate"]
    summary = seen["summary"].splitlines()
    assert summary[:4] == [f"Programme: {record.name}",
                           "9 rows: 5 to enrol (5 new to the database), 4 refused.",
                           "By level: 初级 3; 等级提升 2",
                           f"By class: P{record.id}-202609-1 3; P{record.id}-202609-2 2"]
    assert any("Hidden row" in line for line in summary[4:])
    rows = {int(r[0]): r[1:] for r in seen["rows"]}
    assert sorted(rows) == [3, 4, 5, 6, 7, 8, 9, 11, 12]  # row 10 hidden, left out
    assert rows[4][2] == f"P{record.id}-202609-1" and rows[8][1:3] == ["等级提升",
                                                                       f"P{record.id}-202609-2"]
    assert "no place" in rows[6][3] and "not one this programme takes" in rows[7][3]
    assert "holds the certificate" in rows[8][3] and rows[9][2] == f"P{record.id}-202609-2"
    assert "number" in rows[11][3] and "same person as row 3" in rows[12][3]
    assert seen["tip"].startswith("row 6: ") and seen["shown"] == 4
    assert seen["button"] == "Enrol 5" and seen["status"] == "Enrolled 5, refused 4."
    assert page.status.text() == "Enrolled 5, refused 4."
    assert [page.classes.item(r, 4).text() for r in range(2)] == ["3", "2"]
    assert len(list_enrolments(uow, record.classes[0].id)) == 3
    raising = list_enrolments(uow, record.classes[1].id)
    assert len(raising) == 2


def test_graded_certificates_for_a_class_after_the_exam(qtbot, window, answer, uow, office,
                                                        tmp_path):
    keys.create_key(uow, PASSPHRASE)
    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    accept_proposal(uow, pg.plan_programme_lessons(uow, record.id))
    rows = [applicant(i) for i in range(2)] + [applicant(2, holds="是")]
    apps.enrol_applications(uow, apps.preview_applications(
        uow, record.id, write_xlsx(tmp_path / "a.xlsx", rows)))
    beginner = record.classes[0].id
    people = [e.trainee_id for e in list_enrolments(uow, beginner)]
    lessons = [x.id for x in list_lessons(uow, START, dt.date(2026, 9, 30))
               if x.class_id == beginner]
    assert len(people) == 2 and len(lessons) == 2
    save_attendance(uow, [CellChange(lesson, t, "present") for lesson in lessons for t in people])
    record_assessments(uow, beginner, [AssessmentEntry(people[0], 88), AssessmentEntry(people[1], 41)])
    page = window.show_page("programmes")
    page.classes.selectRow(0)
    assert page.issue_button.isEnabled()
    answer(page.issue_button.click, type_passphrase)
    qtbot.waitUntil(lambda: page.status.text().startswith("Issued"), timeout=10000)
    assert page.status.text().startswith("Issued 1, already held 0, not qualified 1.")
    issued = list_certificates(uow, cohort_id=beginner, kind="completion")
    assert [c.trainee_id for c in issued] == [people[0]]


def test_the_programmes_lessons_planned_from_the_page(qtbot, window, answer, uow, office):
    """Plan lessons…: the planner's proposal for the classes' lessons within the programme's
    months (dates fixed to them), accepted in the dialog; the page then counts them."""
    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    page = window.show_page("programmes")
    page.programmes.selectRow(0)
    assert page.plan_button.isEnabled()
    seen = {}

    def propose_and_accept(dialog):
        seen["dates"] = (dialog.start.date().toPython(), dialog.end.date().toPython(),
                         dialog.start.isEnabled())
        dialog.propose_button.click()
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.changes.rowCount()
        dialog.accept_button.click()

    answer(page.plan_button.click, propose_and_accept)
    assert seen["dates"] == (START, dt.date(2026, 9, 30), False)
    assert seen["summary"].startswith("Placed 4 of 4 lessons") and seen["rows"] == 4
    lessons = [x for x in list_lessons(uow, START, dt.date(2026, 9, 30))
               if x.class_id in {c.id for c in record.classes}]
    assert len(lessons) == 4 and all(x.venue_id == office.centre for x in lessons)
    assert page.status.text() == f"{record.name}: 4 lessons planned."


def test_a_programme_edited_through_the_dialog(qtbot, window, answer, typist, uow, office,
                                               tmp_path):
    """Once people are enrolled: the shape fields disabled with the reason; the class size
    refused below the fullest class (beside the field), then raised; a level's pass mark
    typed; all saved with the version shown. A change made meanwhile at another desk is
    refused in the banner with who changed what, and the dialog stays."""
    from trainer.services import programme_changes as changes

    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    apps.enrol_applications(uow, apps.preview_applications(
        uow, record.id, write_xlsx(tmp_path / "a.xlsx", [applicant(i) for i in range(2)])))
    page = window.show_page("programmes")
    page.programmes.selectRow(0)
    assert page.edit_button.isEnabled()
    seen = {}

    def edit(dialog):
        assert dialog.objectName() == "programmeDialog" and dialog.fixed_note.isVisible()
        assert not dialog.months.isEnabled() and dialog.class_size.isEnabled()
        assert dialog.mark.value() == 60 and dialog.raising_mark.value() == 70
        dialog.name.selectAll()
        typist(dialog.name, "母婴护理师培训（一期）")
        dialog.class_size.selectAll()
        typist(dialog.class_size, "1")
        dialog.save_button.click()
        seen["size"] = dialog.field_error("class_size")  # beside the field it is about
        assert dialog.isVisible()
        dialog.class_size.selectAll()
        typist(dialog.class_size, "5")
        dialog.mark.selectAll()
        typist(dialog.mark, "65")
        dialog.grab().save(str(SHOTS / "programme-edit.png"))
        dialog.save_button.click()
        assert not dialog.isVisible(), dialog.banner.text()

    answer(page.edit_button.click, edit)
    assert "P%d-202609-1 has 2 trainees enrolled" % record.id in seen["size"]
    changed = pg.get_programme(uow, record.id)
    assert changed.name == "母婴护理师培训(一期)" and changed.version == record.version + 1
    assert [c.capacity for c in changed.classes] == [5, 5]
    assert [lv.pass_mark for lv in changed.levels] == [65, 70]
    assert page.status.text() == "母婴护理师培训(一期) saved: 2 classes, 10 places."
    assert _row_texts(page.programmes, 0)[5:] == ["10", "2"]

    def stale(dialog):
        other = changes.form_of(changed)  # desk 2 saves first
        changes.update_programme(uow, record.id, other.__class__(**{
            **other.__dict__, "class_size": 4}), changed.version)
        dialog.class_size.selectAll()
        typist(dialog.class_size, "6")
        dialog.save_button.click()
        seen["stale"] = dialog.banner.text()
        assert dialog.isVisible()
        dialog.reject()

    answer(page.edit_button.click, stale)
    assert "changed" in seen["stale"] and "4" in seen["stale"], seen["stale"]
    assert [c.capacity for c in pg.get_programme(uow, record.id).classes] == [4, 4]


def test_the_refused_applicants_saved_back_in_chinese(qtbot, languages, make_window, answer,
                                                      typist, uow, office, tmp_path, monkeypatch):
    """保存未录取的行……: the refused rows as the applicant wrote them (every cell, the 备注
    column the import does not read included), a reason column in Chinese, and nothing in the
    workbook a spreadsheet would run: a 备注 typed as =HYPERLINK(…) comes back as text."""
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    languages.install("zh_CN")
    window = make_window()
    record = make_programme(uow, office, months=1, per_month=2, size=3, start=START)
    formula = '=HYPERLINK("http://example.com/a","点此报名")'
    rows = [applicant(0), applicant(1, category="在岗职工"), applicant(2, number="13010519"),
            applicant(3), applicant(0)]
    rows[1][8] = formula
    path = write_xlsx(tmp_path / "报名表.xlsx", rows)
    book = openpyxl.load_workbook(path)  # the 备注 cell as a typed text cell, not a formula
    book.active.cell(4, 9).data_type = "s"
    book.save(path)
    back = tmp_path / "未录取.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(back), ""))
    page = window.show_page("programmes")
    seen = {}

    def drive(wizard):
        typist(wizard.file_page.path, path)
        while wizard.currentPage() is not wizard.preview_page:
            _next(wizard)
            qtbot.wait(50)
        button = wizard.preview_page.save_refused
        seen["button"] = (button.text(), button.isEnabled())
        wizard.grab().save(str(SHOTS / "applicants-refused-zh.png"))
        button.click()
        wizard.reject()

    answer(page.import_button.click, drive)
    assert seen["button"] == ("保存未录取的行……", True)
    assert b"<f>" not in _sheet_xml(back)
    sheet = openpyxl.load_workbook(back).active
    table = [[c.value for c in r] for r in sheet.iter_rows()]
    assert table[0] == ["原行号"] + HEADER + ["原因"]
    assert [r[0] for r in table[1:]] == [4, 5, 7]  # in file order; rows 3 and 6 enrolled
    assert table[1][1:10] == rows[1] and table[1][9] == formula
    assert sheet.cell(2, 10).data_type == "s"
    assert "人员类别“在岗职工”不在本项目招收范围" in table[1][10]
    assert table[2][4] == "13010519" and "身份证" in table[2][10]
    assert table[3][1:4] == rows[4][:3] and table[3][10] == "与第 3 行是同一人，重复报名"
    assert not list_enrolments(uow, record.classes[0].id)  # saving wrote nothing


def _sheet_xml(path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(n) for n in book.namelist() if n.startswith("xl/worksheets/"))
