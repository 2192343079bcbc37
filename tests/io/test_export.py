"""Excel out: exports of lists, blank templates, rejected rows sent back — and the command line
of import/template/export with its exit codes 0, 2 and 3."""
import datetime as dt

import openpyxl
import pytest

from trainer.cli import main
from trainer.io.columns import fields_of
from trainer.io.importing import preview_import
from trainer.io.workbooks import export_records, write_rejects, write_template
from trainer.texts import set_language
from trainer.rules.id_number import check_character


def make_id(seq="123"):
    first = "36050219900101" + seq
    return first + check_character(first)


@pytest.fixture(autouse=True)
def _english():
    set_language("en")
    yield
    set_language("en")


def test_export_records_dates_widths_and_header(tmp_path):
    path = export_records(tmp_path / "out.xlsx", ["企业名称", "开始", "人数"],
                          [["新余恒达钢铁有限公司", dt.date(2027, 3, 1), 60],
                           ["ab", None, 7]], title="requests")
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == ["企业名称", "开始", "人数"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert ws["B2"].is_date and ws["B2"].value == dt.datetime(2027, 3, 1)
    assert ws["C2"].value == 60  # numbers stay numbers
    assert ws.column_dimensions["A"].width == 22  # 10 Chinese characters count 20, plus 2
    assert ws.column_dimensions["C"].width == 6  # "人数" is 4 wide


def test_template_round_trips_through_the_importer(uow, tmp_path):
    from trainer.services import enterprises
    enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余恒达钢铁"))
    for lang in ("zh", "en"):
        path = write_template("trainees", tmp_path / f"t-{lang}.xlsx", lang)
        ws = openpyxl.load_workbook(path).active
        assert ws.max_row == 2
        assert ws["A1"].value == ("姓名*" if lang == "zh" else "Name*")
        preview = preview_import(uow, "trainees", path)
        assert len(preview.mapping) == len(fields_of("trainees"))
        assert [r.row for r in preview.accepted] == [2] and not preview.rejected
    for kind in ("enterprises", "lecturers", "requests"):
        ws = openpyxl.load_workbook(write_template(kind, tmp_path / f"{kind}.xlsx", "zh")).active
        assert [c.value for c in ws[1]][0].endswith("*")


def test_rejects_file_keeps_original_cells_and_every_reason(uow, tmp_path):
    src = tmp_path / "in.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "姓名", "身份证号", "手机"])
    wb.active.append([1, "张三", make_id("002"), "13800138000"])
    wb.active.append([2, None, "12345", "99"])
    wb.save(src)
    preview = preview_import(uow, "trainees", src)
    out = write_rejects(preview, tmp_path / "back.xlsx", "zh")
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == ["原行号", "序号", "姓名", "身份证号", "手机", "原因"]
    row = [c.value for c in ws[2]]
    assert row[:5] == [3, 2, None, "12345", "99"]
    assert row[5] == ("姓名：姓名不能为空；身份证号：身份证号应为 18 位（当前 5 位）；"
                      "手机：手机号应为 11 位手机号，以 13–19 开头")
    assert ws.max_row == 2


# --- command line --------------------------------------------------------------------------

def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_db(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert run(capsys, "init", "--db", url)[0] == 0
    assert run(capsys, "add", "enterprise", "--db", url, "--name", "新余恒达钢铁")[0] == 0
    return url


def _file(tmp_path, rows, name="list.xlsx"):
    wb = openpyxl.Workbook()
    wb.active.append(["姓 名", "身份证号码", "联系电话"])
    for r in rows:
        wb.active.append(r)
    wb.save(tmp_path / name)
    return str(tmp_path / name)


def test_cli_import_all_good_exit_0(capsys, cli_db, tmp_path):
    path = _file(tmp_path, [["张三", make_id("002"), "+86 138-0013-8000"]])
    code, out, _ = run(capsys, "import", "trainees", path, "--db", cli_db,
                       "--enterprise", "新余恒达钢铁")
    assert code == 0
    assert out.splitlines()[0] == "accepted 1, rejected 0"
    code, out, _ = run(capsys, "list", "trainees", "--db", cli_db, "--format", "csv")
    assert "张三" in out and "新余恒达钢铁" in out


def test_cli_import_some_rejected_exit_3_and_dry_run_writes_nothing(capsys, cli_db, tmp_path):
    path = _file(tmp_path, [["张三", make_id("002"), "13800138000"],
                            ["李四", "123", "555"]])
    rejects = tmp_path / "back.xlsx"
    code, out, _ = run(capsys, "import", "学员", path, "--db", cli_db, "--dry-run",
                       "--rejects", str(rejects))
    assert code == 3
    lines = out.splitlines()
    assert lines[0] == "accepted 1, rejected 1"
    assert lines[1] == ("row 3: 身份证号码: Resident ID number must have 18 characters (has 3); "
                        "联系电话: Mobile must be 11 digits starting 13–19")
    assert rejects.exists()
    assert "(0)" in run(capsys, "list", "trainees", "--db", cli_db)[1]
    code, out, _ = run(capsys, "import", "trainees", path, "--db", cli_db)
    assert code == 3 and "created 1, updated 0, skipped 0" in out
    assert "(1)" in run(capsys, "list", "trainees", "--db", cli_db)[1]


def test_cli_import_unreadable_exit_2(capsys, cli_db, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"\x00\x01garbage")
    code, _, err = run(capsys, "import", "trainees", str(bad), "--db", cli_db)
    assert code == 2 and "not an Excel" in err
    code, _, err = run(capsys, "import", "trainees", str(tmp_path / "none.csv"), "--db", cli_db)
    assert code == 2 and "not found" in err
    code, _, err = run(capsys, "import", "venues", str(bad), "--db", cli_db)
    assert code == 2


def test_cli_template_and_export_masked_unless_revealed(capsys, cli_db, tmp_path):
    path = _file(tmp_path, [["张三", make_id("002"), "13800138000"]])
    assert run(capsys, "import", "trainees", path, "--db", cli_db)[0] == 0
    out = tmp_path / "tpl.xlsx"
    assert run(capsys, "template", "trainee", str(out))[0] == 0 and out.exists()
    for reveal, expected in ((False, "3605**********002" + make_id("002")[-1:]),
                             (True, make_id("002"))):
        target = tmp_path / f"export-{reveal}.xlsx"
        args = ["export", "trainees", str(target), "--db", cli_db] + (["--reveal"] if reveal else [])
        assert run(capsys, *args)[0] == 0
        ws = openpyxl.load_workbook(target).active
        # the screen's columns (io/list_columns.py), not the CLI's id first
        assert [c.value for c in ws[1]][:4] == ["Name", "Gender", "Resident ID number", "Mobile"]
        assert ws["C2"].value == expected and ws["A2"].value == "张三"
