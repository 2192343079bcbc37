"""Importing the files enterprises really send. Every test builds its own file in the tricky
shapes (merged title, 填报单位 line, variant headers, blank and 合计 rows, full-width digits,
GBK CSV, .xls, Excel serial dates) and asserts exactly which rows go in and which come back."""
import datetime as dt
import gc

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from trainer.db.base import utcnow
from trainer.db.models import Trainee, TrainingRequest
from trainer.io import adapters
from trainer.io.importing import ImportCancelled, preview_import, run_import
from trainer.io.reading import ImportFileError, UnreadableFileError
from trainer.texts import set_language
from trainer.services import courses, enterprises, trainee_import, trainees

from tests.scenarios.import_sheets import (FULLWIDTH, ID_BAD, ID_DB, ID_F, ID_M, ID_M2, make_id,
                                          messy_xlsx)


@pytest.fixture(autouse=True)
def _english():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def office(uow):
    e = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余恒达钢铁"))
    t = trainees.create_trainee(uow, trainees.TraineeForm(name="老员工", id_number=ID_DB,
                                                          enterprise_id=e.id, post="钳工"))
    return uow, e.id, t.id




def test_messy_xlsx_accepts_and_rejects_exactly(office, tmp_path):
    uow, firm, _ = office
    preview = preview_import(uow, "trainees", messy_xlsx(tmp_path / "list.xlsx"))
    assert preview.header_row == 3
    assert preview.mapping == {1: "name", 2: "gender", 3: "id_number", 4: "mobile",
                               5: "enterprise", 6: "post", 7: "category", 8: "notes"}
    assert preview.unmapped == ("序号",)
    assert [r.row for r in preview.accepted] == [4, 5]
    zhang, li = (r.values for r in preview.accepted)
    assert (zhang["name"], zhang["id_number"], zhang["mobile"], zhang["gender"],
            zhang["category"], zhang["enterprise_id"], zhang["birth_date"]) == (
        "张三", ID_F, "13800138000", "F", "migrant", firm, dt.date(1949, 12, 31))
    assert (li["name"], li["id_number"], li["mobile"], li["notes"]) == (
        "李四", ID_M, "13900139000", "班组长")
    rejected = {r.row: [(p.column, p.header, p.error.field, p.error.reason) for p in r.problems]
                for r in preview.rejected}
    assert rejected == {
        7: [(3, "身份证号码", "id_number", "id_checksum"), (4, "联系电话", "mobile", "mobile_format")],
        8: [(1, "姓 名", "person_name", "required")],
        9: [(3, "身份证号码", "id_number", "duplicate_in_file")],
        12: [(5, "工作单位", "enterprise", "unknown")],
    }
    messages = {r.row: r.message("en") for r in preview.rejected}
    assert messages[9] == "身份证号码: Resident ID number repeats row 4"
    assert messages[12] == "工作单位: Enterprise “不存在公司” does not exist"
    assert "; 联系电话: Mobile must be 11 digits" in messages[7]
    assert preview.rejected[0].message("zh").startswith("身份证号码：身份证号校验位应为")
    assert [(d.row, d.first_row, d.existing_id is not None) for d in preview.duplicates] == [
        (10, 5, False), (11, None, True)]
    assert preview.skipped_rows == (6, 13, 14)

    result = run_import(uow, preview)
    assert (result.created, result.updated, result.skipped) == (2, 0, 2)
    names = {t.name: t for t in trainees.list_trainees(uow)}
    assert set(names) == {"老员工", "张三", "李四"}
    assert names["老员工"].post == "钳工"  # skipped, not touched


def test_update_existing_person_changes_only_given_fields(office, tmp_path):
    uow, firm, old_id = office
    preview = preview_import(uow, "trainees", messy_xlsx(tmp_path / "list.xlsx"),
                             on_duplicate="update")
    assert [(r.row, r.existing_id) for r in preview.accepted] == [(4, None), (5, None),
                                                                   (11, old_id)]
    result = run_import(uow, preview)
    assert (result.created, result.updated, result.skipped) == (2, 1, 1)
    record = trainees.get_trainee(uow, old_id)
    assert (record.name, record.mobile, record.post, record.version) == (
        "钱七", "13600136000", "钳工", 2)  # post not in that row: kept


def test_enterprise_option_assigns_every_row(office, tmp_path):
    uow, firm, _ = office
    path = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号"])
    wb.active.append(["周一", ID_M])
    wb.active.append(["吴二", ID_M2])
    wb.save(path)
    preview = preview_import(uow, "trainees", path, enterprise="新余 恒达钢铁")
    assert [r.values["enterprise_id"] for r in preview.accepted] == [firm, firm]
    with pytest.raises(ImportFileError) as exc:
        preview_import(uow, "trainees", path, enterprise="没有这家")
    assert exc.value.reason == "unknown_enterprise"


def test_gbk_and_utf8_bom_csv(office, tmp_path):
    uow, _, _ = office
    text = f"姓名,身份证号,手机号,单位\r\n张三,{ID_F},13800138000,新余恒达钢铁\r\n" \
           f"李四,{ID_M},1380013800,新余恒达钢铁\r\n"
    for encoding, expected in (("gbk", "gb18030"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        preview = preview_import(uow, "trainees", path)
        assert preview.encoding == expected
        assert [(r.row, r.values["name"]) for r in preview.accepted] == [(2, "张三")]
        assert [(r.row, r.problems[0].header, r.problems[0].error.reason)
                for r in preview.rejected] == [(3, "手机号", "mobile_format")]


def test_xls_file(office, tmp_path):
    xlwt = pytest.importorskip("xlwt")
    uow, firm, _ = office
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    sheet.write_merge(0, 0, 0, 3, "职工花名册")
    for col, header in enumerate(["名字", "公民身份号码", "手机号码", "所在企业"]):
        sheet.write(1, col, header)
    sheet.write(2, 0, "张三")
    sheet.write(2, 1, ID_F)
    sheet.write(2, 2, 13800138000)  # a number cell, as Excel stores a typed mobile
    sheet.write(2, 3, "新余恒达钢铁")
    sheet.write(3, 0, "李四")
    sheet.write(3, 1, "123")
    path = tmp_path / "old.xls"
    book.save(str(path))
    preview = preview_import(uow, "trainees", path)
    assert preview.header_row == 2
    assert [(r.row, r.values["mobile"], r.values["enterprise_id"]) for r in preview.accepted] == [
        (3, "13800138000", firm)]
    assert [(r.row, [p.error.reason for p in r.problems]) for r in preview.rejected] == [
        (4, ["id_length"])]


def test_requests_with_serial_text_and_real_dates(uow, tmp_path):
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余恒达钢铁"))
    theme = courses.list_themes(uow)[0]
    course = courses.create_course(uow, courses.CourseForm(theme_id=theme.id, title="安全生产基础"))
    serial = (dt.date(2027, 3, 1) - dt.date(1899, 12, 30)).days
    path = tmp_path / "requests.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2027 年培训需求调查表"])
    ws.append(["企业名称*", "培训课程", "参训人数", "开始日期(必填)", "结束日期", "可培训时段"])
    ws.append(["新余恒达钢铁", "安全生产基础", 60, serial, "2027年3月31日", "上午、晚上"])
    ws.append(["新余恒达钢铁", "安全生产基础", "３０", dt.datetime(2027, 4, 1), "2027/4/30", None])
    ws.append(["新余恒达钢铁", "不存在的课", 10, "2027-05-01", "2027-04-01", None])
    wb.save(path)
    preview = preview_import(uow, "requests", path)
    assert [(r.row, r.values["window_start"], r.values["window_end"], r.values["workers"])
            for r in preview.accepted] == [
        (3, dt.date(2027, 3, 1), dt.date(2027, 3, 31), 60),
        (4, dt.date(2027, 4, 1), dt.date(2027, 4, 30), 30)]
    assert preview.accepted[0].values["periods"] == "morning,evening"
    assert [(r.row, sorted((p.header, p.error.reason) for p in r.problems))
            for r in preview.rejected] == [
        (5, [("培训课程", "unknown"), ("结束日期", "date_order")])]
    result = run_import(uow, preview)
    assert result.created == 2
    with uow:
        rows = uow.session.scalars(select(TrainingRequest).order_by(TrainingRequest.id)).all()
        assert [(r.enterprise_id, r.course_id, r.workers) for r in rows] == [
            (firm.id, course.id, 60), (firm.id, course.id, 30)]


def test_enterprises_and_lecturers(uow, tmp_path):
    path = tmp_path / "firms.csv"
    path.write_text("单位名称,联系人,联系电话,职工数\n新余 钢铁,李四,0790-6221234,1200\n"
                    "新余钢铁,王五,0790-6221235,1300\n江西新能源,赵六,电话待定,abc\n",
                    encoding="utf-8")
    preview = preview_import(uow, "enterprises", path)
    assert [r.row for r in preview.accepted] == [2]
    assert [(r.row, sorted(p.error.reason for p in r.problems)) for r in preview.rejected] == [
        (3, ["duplicate_in_file"]), (4, ["not_a_number", "phone_format"])]
    assert run_import(uow, preview).created == 1
    # a credit code already held by another enterprise is refused before anything is written
    code = "91360500MA35XXXX0H"
    steel = enterprises.find_enterprise(uow, "新余钢铁")
    enterprises.update_enterprise(uow, steel.id,
                                  enterprises.EnterpriseForm(name="新余钢铁", credit_code=code),
                                  steel.version)
    path.write_text(f"企业名称,统一社会信用代码\n另一家,{code.lower()}\n", encoding="utf-8")
    preview = preview_import(uow, "enterprises", path)
    assert [(r.row, r.problems[0].header, r.problems[0].error.reason)
            for r in preview.rejected] == [(2, "统一社会信用代码", "duplicate")]
    path = tmp_path / "lecturers.csv"
    path.write_text("讲师姓名,讲师类别,授课主题,课时费(元)\n王老师,国家高级专业讲师,安全生产、职工心理健康,300\n"
                    "李老师,普通,无此主题,x\n", encoding="utf-8")
    preview = preview_import(uow, "lecturers", path)
    assert [r.row for r in preview.accepted] == [2]
    assert [(r.row, sorted(p.error.field for p in r.problems)) for r in preview.rejected] == [
        (3, ["category", "hourly_fee", "themes"])]
    run_import(uow, preview)
    # again, with update: the same lecturer (name + mobile) is updated, not added
    again = preview_import(uow, "lecturers", path, on_duplicate="update")
    assert [r.existing_id is not None for r in again.accepted] == [True]


def _snapshot(uow):
    with uow:
        return sorted(tuple((c, getattr(t, c)) for c in ("id", "name", "id_number", "post",
                                                          "version"))
                      for t in uow.session.scalars(select(Trainee)))


def big_file(path, n, start=0):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["姓名", "身份证号", "岗位"])
    for i in range(start, start + n):
        ws.append([f"学员{i}", make_id("360502", "19900101", f"{i:03d}"), "焊工"])
    wb.save(path)
    return path


def test_cancel_midway_leaves_database_as_it_was(office, tmp_path, monkeypatch):
    uow, _, _ = office
    monkeypatch.setattr(adapters, "CHUNK", 3)
    preview = preview_import(uow, "trainees", big_file(tmp_path / "big.xlsx", 10),
                             on_duplicate="update")
    before = _snapshot(uow)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if done >= 6:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        run_import(uow, preview, progress)
    assert calls == [(0, 10), (3, 10), (6, 10)]
    assert _snapshot(uow) == before
    # and the same preview imports fine afterwards
    assert run_import(uow, preview).created == 10


def test_database_error_midway_leaves_database_as_it_was(office, tmp_path, monkeypatch):
    uow, firm, _ = office
    monkeypatch.setattr(adapters, "CHUNK", 3)
    preview = preview_import(uow, "trainees", big_file(tmp_path / "big.xlsx", 10))
    # someone registers row 9's person meanwhile, and the run-time check is blinded
    trainees.create_trainee(uow, trainees.TraineeForm(name="抢先", id_number=make_id(
        "360502", "19900101", "007")))
    monkeypatch.setattr(adapters.TraineeAdapter, "existing", lambda self, uow, keys: {})
    before = _snapshot(uow)
    with pytest.raises(ImportFileError) as exc:
        run_import(uow, preview)
    assert exc.value.reason == "write_failed"
    assert _snapshot(uow) == before


def test_unusable_files(uow, tmp_path):
    with pytest.raises(UnreadableFileError) as exc:
        preview_import(uow, "trainees", tmp_path / "missing.xlsx")
    assert exc.value.reason == "not_found"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFileError) as exc:
        preview_import(uow, "trainees", broken)
    assert exc.value.reason == "unreadable"
    no_header = tmp_path / "numbers.csv"
    no_header.write_text("1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        preview_import(uow, "trainees", no_header)
    assert exc.value.reason == "no_header"
    # …but a clerk's manual mapping of a header-less file works
    preview = preview_import(uow, "trainees", no_header, mapping={0: "name", 2: "post"})
    assert [(r.row, r.values["name"], r.values["post"]) for r in preview.accepted] == [
        (1, "1", "3"), (2, "4", "6")]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.one_of(
    st.none(), st.text(max_size=25), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(),
    st.sampled_from(["合计", "张 三", ID_F.lower(), "+86 138-0013-8000", "男", "女", "农民工",
                     "１２３", "2026年3月5日", "新余恒达钢铁"])), min_size=0, max_size=6),
    max_size=8))
def test_random_cells_raise_only_typed_errors(uow, tmp_path, rows):
    path = tmp_path / "random.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "手机", "性别", "企业", "人员类别"])
    for row in rows:
        wb.active.append([v if not isinstance(v, str) else
                          "".join(ch for ch in v if ch.isprintable()) for v in row])
    wb.save(path)
    for kind in ("trainees", "requests"):
        try:
            preview = preview_import(uow, kind, path)
        except ImportFileError:
            continue
        numbers = ([r.row for r in preview.accepted] + [r.row for r in preview.rejected]
                   + [d.row for d in preview.duplicates] + list(preview.skipped_rows))
        # each data row lands in exactly one list (trailing empty rows are not in the file)
        assert len(numbers) == len(set(numbers)) <= len(rows)
        assert all(2 <= n <= len(rows) + 1 for n in numbers)
        try:
            run_import(uow, preview)
        except ImportFileError:
            pass


@pytest.mark.parametrize("read_all_factor", [0, 1000])  # look keys up in IN lists / read all
@pytest.mark.parametrize("on_duplicate", ["skip", "update"])
def test_people_registered_after_the_preview_are_found_at_run_time(
        office, tmp_path, monkeypatch, read_all_factor, on_duplicate):
    uow, _, old_id = office
    monkeypatch.setattr(trainee_import, "READ_ALL_FACTOR", read_all_factor)
    monkeypatch.setattr(trainee_import, "LOOKUP_CHUNK", 3)
    monkeypatch.setattr(adapters, "CHUNK", 4)
    preview = preview_import(uow, "trainees", big_file(tmp_path / "big.xlsx", 10),
                             on_duplicate=on_duplicate)
    assert preview.to_create == 10
    early = trainees.create_trainee(uow, trainees.TraineeForm(name="抢先", id_number=make_id(
        "360502", "19900101", "007"), post="电工"))
    result = run_import(uow, preview)
    record = trainees.get_trainee(uow, early.id)
    if on_duplicate == "skip":
        assert (result.created, result.updated, result.skipped) == (9, 0, 1)
        assert (record.name, record.post, record.version) == ("抢先", "电工", 1)
    else:
        assert (result.created, result.updated, result.skipped) == (9, 1, 0)
        assert (record.name, record.post, record.version) == ("学员7", "焊工", 2)
    assert trainees.count_trainees(uow) == 11
    assert trainees.get_trainee(uow, old_id).name == "老员工"


@pytest.mark.parametrize("read_all_factor", [0, 1000])
def test_duplicates_in_the_database_found_either_way(office, tmp_path, monkeypatch,
                                                     read_all_factor):
    uow, _, _ = office
    monkeypatch.setattr(trainee_import, "READ_ALL_FACTOR", read_all_factor)
    monkeypatch.setattr(trainee_import, "LOOKUP_CHUNK", 3)
    first = run_import(uow, preview_import(uow, "trainees", big_file(tmp_path / "a.xlsx", 12)))
    assert first.created == 12
    # rows 5…16 of a second list: 7 are in the database already (5…11), 5 are new
    preview = preview_import(uow, "trainees", big_file(tmp_path / "b.xlsx", 12, start=5))
    assert [d.row for d in preview.duplicates] == list(range(2, 9))
    assert all(d.existing_id is not None for d in preview.duplicates)
    assert [r.values["name"] for r in preview.accepted] == [f"学员{i}" for i in range(12, 17)]


def test_bulk_rows_carry_the_office_version_and_one_timestamp(office, tmp_path):
    uow, _, old_id = office
    before = utcnow()
    result = run_import(uow, preview_import(uow, "trainees", big_file(tmp_path / "b.xlsx", 5)))
    after = utcnow()
    assert result.created == 5
    with uow:
        rows = uow.session.scalars(select(Trainee).where(Trainee.id != old_id)).all()
        stamps = {(t.organization_id, t.version, t.created_at, t.updated_at) for t in rows}
        office_id = uow.organization_id
    assert len(rows) == 5 and len(stamps) == 1
    org, version, created, updated = stamps.pop()
    assert (org, version) == (office_id, 1)
    assert created == updated and before <= created <= after
    # an imported row edits like any other: its version moves on
    record = trainees.get_trainee(uow, rows[0].id)
    edited = trainees.update_trainee(uow, record.id, trainees.TraineeForm(
        name=record.name, id_number=record.id_number, post="电工"), expected_version=1)
    assert (edited.version, edited.post) == (2, "电工")


def test_enterprise_cells_of_other_types(uow, tmp_path):
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="1"))
    path = tmp_path / "firms.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "企业"])
    for i, cell in enumerate([1, True, 1.0, "1", " 1 ", True, 2]):
        ws.append([f"学员{i}", make_id("360502", "19900101", f"{i:03d}"), cell])
    wb.save(path)
    preview = preview_import(uow, "trainees", path)
    assert [(r.row, r.values["enterprise_id"]) for r in preview.accepted] == [
        (2, firm.id), (4, firm.id), (5, firm.id), (6, firm.id)]
    assert [(r.row, r.problems[0].error.reason, r.problems[0].error.params["value"])
            for r in preview.rejected] == [(3, "unknown", "TRUE"), (7, "unknown", "TRUE"),
                                           (8, "unknown", "2")]


def test_collection_is_back_on_after_a_preview_that_fails(office, tmp_path, monkeypatch):
    uow, _, _ = office
    path = big_file(tmp_path / "big.xlsx", 3)
    assert gc.isenabled()
    preview_import(uow, "trainees", path)
    assert gc.isenabled()

    def broken(self, uow, keys):
        raise RuntimeError("database gone")

    monkeypatch.setattr(adapters.TraineeAdapter, "existing", broken)
    with pytest.raises(RuntimeError):
        preview_import(uow, "trainees", path)
    assert gc.isenabled()


def test_a_count_line_alone_is_a_total_row_not_a_trainee(office, tmp_path):
    uow, _firm, _ = office
    path = tmp_path / "count.csv"
    path.write_text(f"姓名,身份证号,企业\n张三丽,{ID_F},新余恒达钢铁\n共 1 人\n共１人,,\n",
                    encoding="utf-8")
    preview = preview_import(uow, "trainees", path)
    assert [r.row for r in preview.accepted] == [2] and preview.rejected == ()
    assert preview.skipped_rows == (3, 4)
