"""Spreadsheets as they really are (issue 13): IDs a spreadsheet stored as numbers, a template
filled below its example row, an enterprise's own words for categories, merged 单位/岗位 cells,
hidden rows and sheets, several sheets, .ods, .xls and UTF-16 text — each built as the office
suite stores it (tests/sheet_files.py)."""
import random
import zipfile

import openpyxl
import pytest
import xlwt

from tests.sheet_files import ods, typed_id
from trainer.cli import main
from trainer.io.importing import preview_import, run_import
from trainer.io.preview_notes import preview_notes
from trainer.io.reading import ImportFileError
from trainer.io.workbooks import write_template
from trainer.texts import set_language
from trainer.rules.id_number import check_character
from trainer.services import enterprises, trainees

NUMERIC_ZH = "身份证号被表格存成了数字，后几位已丢失，请把该列设为文本后重新填写"


def make_id(n: int, region="360502") -> str:
    """A valid ID ending in a digit (one ending in X stays text in any spreadsheet)."""
    for serial in range(n % 1000, 1000):
        first = f"{region}{19700101 + (n % 28) + 100 * (n % 12):08d}{serial:03d}"
        if check_character(first) != "X":
            return first + check_character(first)
    raise AssertionError(n)


@pytest.fixture(autouse=True)
def _chinese():
    set_language("zh")
    yield
    set_language("en")


@pytest.fixture
def firms(uow):
    for name in ("新余恒达钢铁", "江西新能源科技", "赣西锂电材料"):
        enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name=name))
    return uow


def _xlsx(path, rows, *, text_ids=True):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if text_ids:  # a string cell, as typed into a column formatted as text
        for row in book.active.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)
    return str(path)


def _stored_ids(uow):
    return {t.id_number for t in trainees.list_trainees(uow)}


def test_ids_stored_as_numbers_are_refused_never_rebuilt(firms, tmp_path):
    rng = random.Random(13)
    numbers = [make_id(i) for i in range(40)]
    rows = [["姓名", "身份证号", "单位"]]
    numeric_rows = []
    for i, number in enumerate(numbers):
        if i % 2:  # typed into a General column: a double with 15 significant digits
            rows.append([f"职工{i}", typed_id(number), "新余恒达钢铁"])
            numeric_rows.append(i + 2)
        else:
            rows.append([f"职工{i}", number, "新余恒达钢铁"])
    rng.shuffle(rows[1:])
    path = _xlsx(tmp_path / "ids.xlsx", rows)
    preview = preview_import(firms, "trainees", path)
    assert preview.numeric_identifiers == 20 == len(preview.rejected)
    for rejected in preview.rejected:
        assert [p.message() for p in rejected.problems] == [NUMERIC_ZH]
    assert any("有 20 行的身份证号被表格存成了数字" in n and "文本" in n
               for n in preview_notes(preview))
    set_language("en")
    assert preview.rejected[0].problems[0].message().startswith(
        "Resident ID number was stored by the spreadsheet as a number")
    run_import(firms, preview)
    stored = _stored_ids(firms)
    assert stored == {numbers[i] for i in range(0, 40, 2)}  # 0 wrong IDs stored
    # the same in a CSV saved from such a sheet, and in .xls and .ods files
    csv_path = tmp_path / "ids.csv"
    csv_path.write_text("姓名,身份证号\n甲,3.60502E+17\n乙,360502199001011000\n", encoding="utf-8")
    csv_preview = preview_import(firms, "trainees", csv_path)
    assert csv_preview.numeric_identifiers == 1
    xls = xlwt.Workbook()
    sheet = xls.add_sheet("名单")
    for r, row in enumerate([["姓名", "身份证号"], ["丙", typed_id(numbers[1])]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    xls.save(tmp_path / "ids.xls")
    assert preview_import(firms, "trainees", tmp_path / "ids.xls").numeric_identifiers == 1
    ods(tmp_path / "ids.ods", {"名单": [["姓名", "身份证号"], ["丁", typed_id(numbers[3])],
                                      ["戊", numbers[5]]]})
    ods_preview = preview_import(firms, "trainees", tmp_path / "ids.ods")
    assert ods_preview.numeric_identifiers == 1 and len(ods_preview.accepted) == 1


def test_template_filled_below_the_example_row(firms, tmp_path):
    template = write_template("trainees", tmp_path / "tpl.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book.active
    headers = [c.value.rstrip("*") for c in sheet[1]]
    id_col = headers.index("身份证号") + 1
    mobile_col = headers.index("手机") + 1
    for col in (id_col, mobile_col):  # the whole column, not only the example row
        letter = openpyxl.utils.get_column_letter(col)
        assert sheet.column_dimensions[letter].number_format == "@"
    with zipfile.ZipFile(template) as z:
        assert b'<col ' in z.read("xl/worksheets/sheet1.xml")
    # a clerk types below the example: the spreadsheet gives the new cells the column's text
    # format, so the numbers stay text
    for r in range(3, 13):
        sheet.cell(r, headers.index("姓名") + 1, f"新人{r}")
        cell = sheet.cell(r, id_col, make_id(r))
        assert sheet.column_dimensions[openpyxl.utils.get_column_letter(id_col)].number_format \
            == "@"
        cell.data_type = "s"
        sheet.cell(r, mobile_col, f"1380013{r:04d}").data_type = "s"
    book.save(tmp_path / "filled.xlsx")
    preview = preview_import(firms, "trainees", tmp_path / "filled.xlsx")
    assert not preview.rejected and len(preview.accepted) == 11  # the example row too
    assert {r.values["id_number"] for r in preview.accepted} >= {make_id(r) for r in range(3, 13)}


def test_unknown_categories_kept_mapped_and_counted(firms, tmp_path):
    rows = [["姓名", "性别", "身份证号", "单位", "人员类别"]]
    words = ["一线职工", "技术骨干", "班组长", "农民工", "技术骨干", "在岗职工", "技术骨干"]
    for i, word in enumerate(words):
        rows.append([f"工人{i}", "女性" if i == 0 else "", make_id(i), "新余恒达钢铁",
                     word])
    path = _xlsx(tmp_path / "cat.xlsx", rows)
    preview = preview_import(firms, "trainees", path)
    assert not preview.rejected and len(preview.accepted) == 7  # nobody lost for a label
    unknown = {(u.field, u.value): u.rows for u in preview.unknown_values}
    assert unknown == {("category", "技术骨干"): (3, 6, 8), ("category", "班组长"): (4,)}
    by_row = {r.row: r.values["category"] for r in preview.accepted}
    assert by_row[2] == "regular"  # 一线职工 → 在岗职工
    assert by_row[3] == "技术骨干" and by_row[4] == "班组长"  # kept as written
    assert preview.accepted[0].values["gender"] == "F"  # 女性
    notes = "\n".join(preview_notes(preview))
    assert "未识别的类别“技术骨干”:3 行" in notes.replace("：", ":") or "技术骨干" in notes
    mapped = preview_import(firms, "trainees", path,
                            value_map={"category": {"技术骨干": "在岗职工", "班组长": ""}})
    by_row = {r.row: r.values["category"] for r in mapped.accepted}
    assert by_row[3] == by_row[6] == "regular" and by_row[4] == "班组长"
    run_import(firms, mapped)
    stored = {t.name: t.category for t in trainees.list_trainees(firms)}
    assert stored["工人1"] == "regular" and stored["工人2"] == "班组长"
    # editing that trainee keeps the category as written
    kept = next(t for t in trainees.list_trainees(firms) if t.name == "工人2")
    form = trainees.TraineeForm(name="工人二", id_number=kept.id_number, category="班组长",
                                enterprise_id=kept.enterprise_id)
    assert trainees.update_trainee(firms, kept.id, form, kept.version).category == "班组长"


def test_vertical_merges_give_every_row_its_enterprise_and_post(firms, tmp_path):
    rows = [["序号", "姓名", "身份证号", "单位", "岗位"]]
    for i in range(9):
        firm = ("新余恒达钢铁", "江西新能源科技", "赣西锂电材料")[i // 3] if i % 3 == 0 else None
        post = "焊工" if i in (0, 4) else None
        rows.append([i + 1, f"员工{i}", make_id(i + 100), firm, post])
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for first in (2, 5, 8):
        book.active.merge_cells(f"D{first}:D{first + 2}")
    book.active.merge_cells("E2:E4")
    book.active.merge_cells("E6:E7")
    book.save(tmp_path / "merged.xlsx")
    preview = preview_import(firms, "trainees", tmp_path / "merged.xlsx")
    assert not preview.rejected and len(preview.accepted) == 9 and preview.merges == 5
    ids = {e.name: e.id for e in enterprises.list_enterprises(firms)}
    got = [(r.values["enterprise_id"], r.values["post"]) for r in preview.accepted]
    assert got == [(ids["新余恒达钢铁"], "焊工")] * 3 + [
        (ids["江西新能源科技"], ""), (ids["江西新能源科技"], "焊工"), (ids["江西新能源科技"], "焊工"),
    ] + [(ids["赣西锂电材料"], "")] * 3
    # the same list saved by LibreOffice as .ods
    ods(tmp_path / "merged.ods", {"名单": rows},
        merges={"名单": [(1, 3, 3), (4, 6, 3), (7, 9, 3), (1, 3, 4), (5, 6, 4)]})
    ods_preview = preview_import(firms, "trainees", tmp_path / "merged.ods")
    assert [(r.values["enterprise_id"], r.values["post"]) for r in ods_preview.accepted] == got


def test_hidden_rows_listed_and_left_out_unless_chosen(firms, tmp_path):
    rows = [["姓名", "身份证号", "单位"]] + [[f"人{i}", make_id(i + 200), "新余恒达钢铁"]
                                          for i in range(6)]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    book.active.row_dimensions[6].hidden = True
    book.save(tmp_path / "hidden.xlsx")
    preview = preview_import(firms, "trainees", tmp_path / "hidden.xlsx")
    assert preview.hidden_rows == (3, 6) and not preview.hidden_imported
    assert [r.row for r in preview.accepted] == [2, 4, 5, 7]
    assert any("隐藏的行" in n and "未导入" in n for n in preview_notes(preview))
    everything = preview_import(firms, "trainees", tmp_path / "hidden.xlsx", include_hidden=True)
    assert len(everything.accepted) == 6 and everything.hidden_imported
    ods(tmp_path / "hidden.ods", {"名单": rows}, hidden_rows={"名单": [2, 5]})
    assert preview_import(firms, "trainees", tmp_path / "hidden.ods").hidden_rows == (3, 6)


def test_several_sheets_choose_and_name_them(firms, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["请按下表填写,身份证号列设为文本"])
    names = book.create_sheet("一车间")
    names.append(["姓名", "身份证号"])
    names.append(["甲", make_id(300)])
    second = book.create_sheet("二车间")
    second.append(["姓名", "身份证号"])
    second.append(["乙", make_id(301)])
    second.append(["丙", make_id(302)])
    old = book.create_sheet("旧名单")
    old.sheet_state = "hidden"
    old.append(["姓名", "身份证号"])
    book.save(tmp_path / "multi.xlsx")
    preview = preview_import(firms, "trainees", tmp_path / "multi.xlsx")
    assert preview.sheet == "一车间" and len(preview.accepted) == 1  # first sheet with a header
    assert [(s.name, s.hidden) for s in preview.sheets] == [
        ("填表说明", False), ("一车间", False), ("二车间", False), ("旧名单", True)]
    assert any("旧名单（隐藏）" in n for n in preview_notes(preview))
    assert len(preview_import(firms, "trainees", tmp_path / "multi.xlsx",
                              sheet="二车间").accepted) == 2
    with pytest.raises(ImportFileError) as info:
        preview_import(firms, "trainees", tmp_path / "multi.xlsx", sheet="填表说明")
    assert "填表说明、一车间、二车间、旧名单" in str(info.value)
    with pytest.raises(ImportFileError) as info:
        preview_import(firms, "trainees", tmp_path / "multi.xlsx", sheet="三车间")
    assert "一车间" in str(info.value)


def test_ods_xls_and_utf16_text(firms, tmp_path):
    rows = [["姓名", "身份证号", "单位", "手机"], ["张三丽", make_id(400), "新余恒达钢铁", 13800138000],
            ["𠮷祥", make_id(401), "江西新能源科技", "13900139000"]]
    ods(tmp_path / "list.ods", {"名单": rows, "备用": [["x"]]}, hidden_sheets=("备用",))
    preview = preview_import(firms, "trainees", tmp_path / "list.ods")
    assert [r.values["name"] for r in preview.accepted] == ["张三丽", "𠮷祥"]
    assert preview.accepted[0].values["mobile"] == "13800138000"
    assert [s.hidden for s in preview.sheets] == [False, True]
    # Excel's "Unicode text" (.txt): UTF-16 LE with a BOM, tab-separated
    text = "\r\n".join("\t".join(str(c) for c in row) for row in rows) + "\r\n"
    (tmp_path / "list.txt").write_bytes(text.encode("utf-16"))
    preview = preview_import(firms, "trainees", tmp_path / "list.txt")
    assert preview.encoding == "utf-16" and len(preview.accepted) == 2
    book = xlwt.Workbook()
    sheet = book.add_sheet("名单")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "list.xls"))
    assert len(preview_import(firms, "trainees", tmp_path / "list.xls").accepted) == 2


def test_cli_sheet_map_values_hidden_rows(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["init", "--db", url]) == 0
    assert main(["add", "enterprise", "--db", url, "--name", "新余恒达钢铁"]) == 0
    book = openpyxl.Workbook()
    book.active.title = "说明"
    sheet = book.create_sheet("名单")
    sheet.append(["姓名", "身份证号", "单位", "人员类别"])
    sheet.append(["甲", make_id(500), "新余恒达钢铁", "技术骨干"])
    sheet.append(["乙", typed_id(make_id(501)), "新余恒达钢铁", "一线职工"])
    sheet.append(["丙", make_id(502), "新余恒达钢铁", "班组长"])
    sheet.row_dimensions[4].hidden = True
    book.save(tmp_path / "c.xlsx")
    (tmp_path / "map.txt").write_text("技术骨干=在岗职工\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["import", "trainees", str(tmp_path / "c.xlsx"), "--db", url, "--lang", "zh",
                 "--map-values", str(tmp_path / "map.txt")])
    out = capsys.readouterr().out
    assert code == 3  # the numeric ID row
    assert out.splitlines()[0] == "通过检查 1 行，退回 1 行"  # --lang zh: the summary too
    assert "有 1 行的身份证号被表格存成了数字" in out and "第 4 行" in out and "“名单”" in out
    assert "对应为“在岗职工”" in out
    code = main(["import", "trainees", str(tmp_path / "c.xlsx"), "--db", url, "--sheet", "名单",
                 "--hidden-rows", "import", "--map-values", "班组长=", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 3 and out.splitlines()[0] == "通过检查 1 行，退回 1 行"  # 丙; 甲 is in already
    assert "第 4 行" in out and "已导入" in out
    assert main(["import", "trainees", str(tmp_path / "c.xlsx"), "--db", url,
                 "--map-values", "班组长=不存在的类别"]) == 2
