"""The import wizard and the Export button, driven like a clerk would: type the path, look at
the matched columns, read the counts and reasons, import or cancel."""
import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QWizard

from tests.scenarios.import_sheets import ID_DB, ID_M, make_id, messy_xlsx
from trainer.services import enterprises, trainees


@pytest.fixture
def office(uow):
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余恒达钢铁"))
    trainees.create_trainee(uow, trainees.TraineeForm(name="老员工", id_number=ID_DB,
                                                      enterprise_id=firm.id, post="钳工"))
    return firm


def _next(wizard):
    wizard.button(QWizard.WizardButton.NextButton).click()


def _field_of(page, column: int) -> str | None:
    return page.columns.cellWidget(column, 2).currentData()


def test_import_messy_list_from_trainees_page(qtbot, window, answer, typist, office, tmp_path,
                                              monkeypatch):
    source = messy_xlsx(tmp_path / "list.xlsx")
    rejects = tmp_path / "back.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(rejects), ""))
    page = window.show_page("trainees")
    seen = {}

    def drive(wizard):
        typist(wizard.file_page.path, str(source))
        _next(wizard)
        mapping = wizard.mapping_page
        assert wizard.currentPage() is mapping
        assert mapping.header_row.value() == 3
        seen["fields"] = [_field_of(mapping, c) for c in range(mapping.columns.rowCount())]
        _next(wizard)
        preview = wizard.preview_page
        assert wizard.currentPage() is preview
        seen["summary"] = preview.summary.text()
        seen["problems"] = [(int(preview.problems.item(r, 0).text()),
                             preview.problems.item(r, 1).text())
                            for r in range(preview.problems.rowCount())]
        preview.save_rejects.click()
        _next(wizard)  # Import
        qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
        seen["status"] = wizard.run_page.status.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    answer(page.import_button.click, drive)
    assert seen["fields"] == [None, "name", "gender", "id_number", "mobile", "enterprise", "post",
                              "category", "notes"]
    assert seen["summary"].startswith("2 rows will be imported (2 new, 0 updated); 4 rejected; "
                                      "2 already there and skipped; 3 blank or total rows")
    assert seen["problems"] == [(7, "身份证号码"), (7, "联系电话"), (8, "姓 名"), (9, "身份证号码"),
                                (10, ""), (11, ""), (12, "工作单位")]
    assert seen["status"] == "Done: 2 created, 0 updated, 2 skipped."
    assert trainees.count_trainees(trainees_uow := page.uow) == 3
    assert {t.name for t in trainees.list_trainees(trainees_uow)} == {"老员工", "张三", "李四"}
    sheet = openpyxl.load_workbook(rejects).active
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == [7, 8, 9, 12]
    assert "repeats row 4" in sheet.cell(4, sheet.max_column).value


def test_cancel_midway_writes_nothing(qtbot, window, answer, typist, office, tmp_path,
                                      monkeypatch):
    import ui.dialogs.import_wizard as wizard_module

    real = wizard_module.run_import

    def held_after_first_chunk(uow, preview, progress):
        def report(done, total):
            progress(done, total)
            while done:  # rows are written but not committed: wait for Cancel
                time.sleep(0.01)
                progress(done, total)  # raises once the user cancelled
        return real(uow, preview, report)

    monkeypatch.setattr(wizard_module, "run_import", held_after_first_chunk)
    source = messy_xlsx(tmp_path / "list.xlsx")
    page = window.show_page("trainees")
    seen = {}

    def drive(wizard):
        typist(wizard.file_page.path, str(source))
        _next(wizard)
        _next(wizard)
        _next(wizard)
        run = wizard.run_page
        qtbot.waitUntil(lambda: run.bar.value() > 0, timeout=10000)
        run.cancel.click()
        qtbot.waitUntil(run.isComplete, timeout=10000)
        seen["status"] = run.status.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    answer(page.import_button.click, drive)
    assert seen["status"] == "Import cancelled; nothing was written."
    assert [t.name for t in trainees.list_trainees(page.uow)] == ["老员工"]


def test_file_without_header_is_mapped_by_hand(qtbot, window, answer, typist, office, tmp_path):
    source = tmp_path / "bare.csv"
    other = make_id("360502", "19880808", "071")
    source.write_bytes(f"王小明,{other},13912345678\n张丽,{ID_M},\n".encode("gbk"))
    page = window.show_page("trainees")
    seen = {}

    def drive(wizard):
        typist(wizard.file_page.path, str(source))
        enterprise = wizard.file_page.enterprise
        enterprise.setCurrentIndex(enterprise.findText("新余恒达钢铁"))
        _next(wizard)
        mapping = wizard.mapping_page
        assert mapping.header_row.value() == 0
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        seen["problem"] = mapping.problem.text()
        for column, field in ((0, "name"), (1, "id_number"), (2, "mobile")):
            combo: QComboBox = mapping.columns.cellWidget(column, 2)
            combo.setCurrentIndex(combo.findData(field))
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        _next(wizard)
        seen["summary"] = wizard.preview_page.summary.text()
        _next(wizard)
        qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    answer(page.import_button.click, drive)
    assert seen["problem"] == "Choose a column for: Name"
    assert seen["summary"].startswith("2 rows will be imported (2 new")
    imported = {t.name: t for t in trainees.list_trainees(page.uow)}
    assert imported["王小明"].mobile == "13912345678"
    assert imported["张丽"].enterprise_id == office.id


def test_unreadable_file_is_refused_and_the_wizard_stays(qtbot, window, answer, typist, tmp_path,
                                                         monkeypatch):
    import ui.dialogs.import_wizard as wizard_module

    bad = tmp_path / "list.xlsx"
    bad.write_bytes(b"this is not a workbook")
    page = window.show_page("enterprises")
    seen = {}
    monkeypatch.setattr(wizard_module.messages, "show_refusal",
                        lambda parent, text: seen.setdefault("text", text))

    def drive(wizard):
        typist(wizard.file_page.path, str(bad))
        _next(wizard)
        seen["page"] = wizard.currentPage() is wizard.file_page
        wizard.reject()

    answer(page.import_button.click, drive)
    assert "is not an Excel (.xlsx/.xls), OpenDocument (.ods) or CSV file" in seen["text"] and seen["page"]


def test_export_button_writes_the_list(qtbot, window, office, tmp_path, monkeypatch):
    out = tmp_path / "enterprises.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page = window.show_page("enterprises")
    page.export_button.click()
    sheet = openpyxl.load_workbook(out).active
    # the screen's columns (no database id), headings as the table shows them
    headings = [page.view.model().headerData(c, Qt.Horizontal)
                for c in range(page.view.model().columnCount())]
    assert [c.value for c in sheet[1]] == headings
    assert sheet.cell(1, 1).value == "Name" and sheet.cell(2, 1).value == "新余恒达钢铁"
    assert "Saved 1 rows" in window.statusBar().currentMessage()


def test_values_we_do_not_know_step_maps_once_per_file(qtbot, window, answer, typist, office,
                                                       tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["身份证号一列请设为文本"])
    sheet = book.create_sheet("名单")
    sheet.append(["姓名", "身份证号", "单位", "人员类别"])
    for i, word in enumerate(["技术骨干", "班组长", "技术骨干", "一线职工", "技术骨干"]):
        sheet.append([f"工人{i}", make_id(seq=f"{300 + i}"), "新余恒达钢铁", word])
    sheet.row_dimensions[6].hidden = True
    book.save(tmp_path / "words.xlsx")
    page = window.show_page("trainees")
    seen = {}

    def drive(wizard):
        typist(wizard.file_page.path, str(tmp_path / "words.xlsx"))
        _next(wizard)
        mapping = wizard.mapping_page
        seen["sheet"] = (mapping.sheet.currentData(), mapping.sheet.count())
        seen["hidden"] = mapping.hidden.isVisibleTo(wizard)
        _next(wizard)
        values = wizard.values_page
        assert wizard.currentPage() is values
        seen["values"] = [(values.values.item(r, 1).text(), values.values.item(r, 2).text())
                          for r in range(values.values.rowCount())]
        combo = values.values.cellWidget(0, 3)
        combo.setCurrentIndex(combo.findData("regular"))
        _next(wizard)
        assert wizard.currentPage() is wizard.preview_page
        seen["notes"] = wizard.preview_page.notes.text()
        _next(wizard)
        qtbot.waitUntil(wizard.run_page.isComplete, timeout=10000)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    answer(page.import_button.click, drive)
    assert seen["sheet"] == ("名单", 2) and seen["hidden"]
    assert seen["values"][0][0] == "技术骨干" and seen["values"][0][1].startswith("2")  # row 6 hidden
    assert seen["values"][1][0] == "班组长"
    assert "技术骨干" in seen["notes"] and "Hidden row" in seen["notes"]
    stored = {t.name: t.category for t in trainees.list_trainees(page.uow)}
    assert stored["工人0"] == "regular" and stored["工人1"] == "班组长" and "工人4" not in stored
