"""The learning platform's export of online study time imported for a class, on SQLite and
PostgreSQL: a CSV as 钉钉 writes it (UTF-8 with BOM, CRLF, quoted, 1小时30分 cells), one as an
older system or Excel on a Chinese Windows saves it (GBK, 学习时长（分钟）), and an .xlsx with a
title row and time cells; rows matched by ID number (full or masked) or by a name unique in the
class; ambiguous names, strangers and unreadable times refused with the row and the reason;
a person's rows summed; figures replace what was recorded; a stale preview refused."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.scenarios.pdf_scenario import id_number, make_class
from trainer.db.models import Enrolment, Trainee
from trainer.errors import StaleEditError
from trainer.io.online_hours import preview_online_hours, run_online_hours
from trainer.rules.pinyin import pinyin_initials
from trainer.services.online_study import online_minutes

# make_class(seed=7): 林杰桂 …0014, 罗平建 …0022, 欧伟芳 …0030, 阳磊静 …0049, 王涛磊 …0057,
# 李桂勇 …0065 (born 1977-08-01); a second 林杰桂 joins below
BORN = dt.date(1977, 8, 1)


@pytest.fixture
def cls(uow):
    scenario = make_class(uow, trainees=6, lessons=4, start=dt.date(2026, 10, 12))
    with uow:
        namesake = Trainee(organization_id=uow.organization_id, name="林杰桂",
                           name_initials=pinyin_initials("林杰桂"), gender="M",
                           id_number=id_number(99, BORN), mobile="13900000099")
        uow.session.add(namesake)
        uow.session.flush()
        uow.session.add(Enrolment(cohort_id=scenario.cohort_id, trainee_id=namesake.id,
                                  enrolled_on=dt.date(2026, 10, 12), status="active"))
    return scenario


def _csv(path, rows, encoding):
    path.write_bytes("\r\n".join(",".join(f'"{c}"' for c in row) for row in rows)
                     .encode(encoding) + b"\r\n")
    return path


def test_dingtalk_csv_utf8_bom(uow, cls, tmp_path):
    path = _csv(tmp_path / "学习统计.csv", [
        ["姓名", "工号", "部门", "学习时长", "完成课程数"],
        ["罗平建", "", "炼钢车间", "1小时30分", "3"],
        ["欧伟芳", "", "炼钢车间", "45分钟", "1"],
        ["欧伟芳", "", "炼钢车间", "1小时15分", "2"],  # a second row: summed
        ["林杰桂", "", "炼钢车间", "2小时", "4"],  # two 林杰桂 in the class
        ["张无忌", "", "轧钢车间", "30分钟", "1"],  # not in the class
        ["阳磊静", "", "炼钢车间", "很久", "1"],
        ["王涛磊", "", "炼钢车间", "--", "0"],
    ], "utf-8-sig")
    preview = preview_online_hours(uow, cls.cohort_id, path)
    got = {e.name: (e.minutes, e.rows) for e in preview.entries}
    assert got == {"罗平建": (90, (2,)), "欧伟芳": (120, (3, 4)), "王涛磊": (0, (8,))}
    refused = {r.row: r.message("zh") for r in preview.rejected}
    tail = id_number(99, BORN)[-4:]
    assert refused == {
        5: f"姓名：姓名“林杰桂”在本班有 2 人（…0014、…{tail}），请在文件中写明身份证号",
        6: "姓名：姓名“张无忌”不是本班学员",
        7: "学习时长：学习时长“很久”无法识别（应写成 90、1.5小时、1小时30分或 01:30:00）"}
    assert online_minutes(uow, cls.cohort_id) == {}  # nothing written by a preview
    assert run_online_hours(uow, preview) == 3
    by_name = _recorded(uow, cls)
    assert by_name == {"罗平建": 90, "欧伟芳": 120, "王涛磊": 0}


def _recorded(uow, cls):
    with uow:
        names = dict(uow.session.query(Trainee.id, Trainee.name).all())
    return {names[t]: m for t, m in online_minutes(uow, cls.cohort_id).items()}


def test_gbk_csv_with_id_numbers_and_minutes_header(uow, cls, tmp_path):
    full, masked = id_number(1, BORN), id_number(2, BORN)
    path = _csv(tmp_path / "export.csv", [
        ["序号", "学员姓名", "身份证号码", "学习时长（分钟）"],
        ["1", "林杰桂", full, "480"],  # the ID number tells the two 林杰桂 apart
        ["2", "罗平建", masked[:6] + "********" + masked[-4:], "95.5"],
        ["3", "欧伟芳", id_number(2, BORN), "60"],  # 罗平建's number under 欧伟芳's name
        ["4", "", "360502" + "*" * 12, "60"],
    ], "gbk")
    preview = preview_online_hours(uow, cls.cohort_id, path)
    assert sorted((e.name, e.minutes) for e in preview.entries) == [("林杰桂", 480),
                                                                    ("罗平建", 95)]
    refused = {r.row: r.message("en") for r in preview.rejected}
    assert refused[4] == "学员姓名: Name “欧伟芳” is not 罗平建, the trainee with that ID number"
    assert "shows too few digits" in refused[5]
    run_online_hours(uow, preview)
    # the platform's figure is cumulative: the next export replaces it
    again = preview_online_hours(uow, cls.cohort_id, _csv(tmp_path / "later.csv", [
        ["学员姓名", "身份证号码", "学习时长（分钟）"], ["罗平建", masked, "300"]], "gbk"))
    assert [(e.name, e.minutes, e.previous) for e in again.entries] == [("罗平建", 300, 95)]
    assert [e.name for e in again.changed] == ["罗平建"]
    run_online_hours(uow, again)
    assert _recorded(uow, cls)["罗平建"] == 300


def test_excel_with_a_title_row_and_time_cells(uow, cls, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年10月 职工安全生产线上学习情况统计表"])
    sheet.append(["序号", "姓名", "证件号码", "累计学习时长", "最后学习时间"])
    sheet.append([1, "阳磊静", id_number(4, BORN), dt.time(1, 30), dt.datetime(2026, 10, 20, 21, 5)])
    sheet["D3"].number_format = "h:mm:ss"
    sheet.append([2, "李桂勇", id_number(6, BORN), dt.timedelta(hours=26, minutes=5)])
    sheet["D4"].number_format = "[h]:mm:ss"
    sheet.append([3, "王涛磊", id_number(5, BORN), 90])  # a bare number: minutes or hours?
    path = tmp_path / "统计.xlsx"
    book.save(path)
    preview = preview_online_hours(uow, cls.cohort_id, path)
    assert preview.header_row == 2
    assert sorted((e.name, e.minutes) for e in preview.entries) == [("李桂勇", 1565),
                                                                    ("阳磊静", 90)]
    assert [(r.row, r.message("zh")) for r in preview.rejected] == [
        (5, "累计学习时长：学习时长“90”没有单位，列名“累计学习时长”也没写明（小时）还是（分钟）")]


def test_a_preview_made_stale_by_another_import_is_refused(uow, cls, tmp_path):
    path = _csv(tmp_path / "a.csv", [["姓名", "学时"], ["罗平建", "8"]], "utf-8-sig")
    first = preview_online_hours(uow, cls.cohort_id, path)
    second = preview_online_hours(uow, cls.cohort_id, path)
    run_online_hours(uow, first)
    with pytest.raises(StaleEditError):
        run_online_hours(uow, second)
    assert _recorded(uow, cls) == {"罗平建": 480}
