"""Nothing we write runs as a formula, and every workbook prints: the files read back as XML
(what Excel, WPS and LibreOffice will see), not through openpyxl's own model."""
import csv
import io
import re
import zipfile

import openpyxl
import pytest

from trainer.cli import main
from trainer.io.importing import preview_import
from trainer.io.list_export import export_list
from trainer.io.schedule_export import export_schedule
from trainer.io.workbooks import csv_cell, write_rejects, write_template
from trainer.texts import set_language
from trainer.services import enterprises, lecturers, trainees

HOSTILE = ['=HYPERLINK("http://evil.example/","点击查看")', "+1+cmd|' /C calc'!A0",
           "-2+3", "@SUM(1,2)", "=1+1"]


@pytest.fixture(autouse=True)
def _chinese():
    set_language("zh")
    yield
    set_language("en")


def _sheet_xml(path) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


def _assert_no_formula(path):
    sheets = _sheet_xml(path)
    assert sheets
    for xml in sheets:
        assert b"<f>" not in xml and b"<f " not in xml, path


def _assert_prints(path, *, landscape: bool | None = None):
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        for xml in _sheet_xml(path):
            text = xml.decode()
            assert 'fitToPage="1"' in text and 'fitToWidth="1"' in text and 'fitToHeight="0"' in text
            assert '<pane ' in text and 'state="frozen"' in text
            if landscape is not None:
                assert ('orientation="landscape"' in text) == landscape
    assert "_xlnm.Print_Titles" in book and "$1:$1" in book


def _hostile_records(uow):
    ent_ids = []
    for n, name in enumerate(HOSTILE):
        e = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name=name))
        ent_ids.append(e.id)
        trainees.create_trainee(uow, trainees.TraineeForm(name=name, enterprise_id=e.id,
                                                          post=HOSTILE[-1 - n]))
    lecturers.create_lecturer(uow, lecturers.LecturerForm(
        name="=王老师", category="national_senior", hourly_fee="300.50"))


def test_exports_write_text_never_formulas_and_print(uow, tmp_path):
    _hostile_records(uow)
    for kind in ("trainees", "enterprises", "lecturers"):
        out = export_list(uow, kind, tmp_path / f"{kind}.xlsx", reveal=True).path
        _assert_no_formula(out)
        _assert_prints(out)
        values = {c.value for row in openpyxl.load_workbook(out).active.iter_rows()
                  for c in row}
        assert set(HOSTILE if kind != "lecturers" else ["=王老师"]) <= values  # kept as written
    with zipfile.ZipFile(tmp_path / "trainees.xlsx") as z:
        assert "学员" in z.read("xl/workbook.xml").decode()  # sheet name in the UI language
    # the fee is a number with a money format, not text
    with zipfile.ZipFile(tmp_path / "lecturers.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r'<c r="[A-Z]+2"[^>]*><v>300\.5</v>', sheet)
    fee = [c for c in openpyxl.load_workbook(tmp_path / "lecturers.xlsx").active[2]
           if c.value == 300.5]
    assert fee and fee[0].number_format == "#,##0.00"


def test_schedule_export_is_landscape_and_formula_free(uow, tmp_path):
    out = export_schedule(uow, tmp_path / "s.xlsx").path
    _assert_no_formula(out)
    _assert_prints(out, landscape=True)


def test_rejects_and_template_are_formula_free(uow, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "企业"])
    for name in HOSTILE:
        wb.active.append([name, "123", name])
    for row in wb.active.iter_rows():  # typed as text in the enterprise's spreadsheet
        for cell in row:
            cell.data_type = "s"
    wb.save(tmp_path / "in.xlsx")
    preview = preview_import(uow, "trainees", tmp_path / "in.xlsx")
    assert len(preview.rejected) == len(HOSTILE)
    out = write_rejects(preview, tmp_path / "back.xlsx")
    _assert_no_formula(out)
    _assert_prints(out)
    with zipfile.ZipFile(out) as z:  # kept as text, for the enterprise to see
        assert "HYPERLINK" in "".join(z.read(n).decode() for n in z.namelist())
    tpl = write_template("trainees", tmp_path / "tpl.xlsx")
    _assert_no_formula(tpl)
    _assert_prints(tpl)


def test_csv_cells_neutralised():
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("+86 138") == "'+86 138"
    assert csv_cell("-2+3") == "'-2+3"
    assert csv_cell("@SUM(1)") == "'@SUM(1)"
    assert csv_cell("\t=1") == "'\t=1" and csv_cell("\r=1") == "'\r=1"
    assert csv_cell("-12.5") == "-12.5" and csv_cell("张三") == "张三" and csv_cell(None) == ""


def test_cli_list_csv_neutralises(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["init", "--db", url]) == 0
    for name in HOSTILE:
        assert main(["add", "enterprise", "--db", url, f"--name={name}"]) == 0
    capsys.readouterr()
    assert main(["list", "enterprises", "--db", url, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    names = {cell for row in rows[1:] for cell in row if "HYPERLINK" in cell or "SUM" in cell
             or cell.startswith(("'", "=", "+", "-", "@"))}
    assert names and all(c.startswith("'") for c in names), names
