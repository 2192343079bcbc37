"""Attendance files: export of a class to Excel, import of typed-in sheets (rows reported like
the trainee import's), and a trainee list enrolled from a file. SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from tests.scenarios.attendance_fixtures import (id_number, make_class, make_course,
                                                   make_trainees, set_lesson_status)
from trainer.errors import EnrolmentError
from trainer.io import attendance_io as aio
from trainer.io.enrolment_file import enrol_from_file
from trainer.io.reading import ImportFileError
from trainer.io.workbooks import write_rejects
from trainer.services import assessment as asm
from trainer.services import attendance as at
from trainer.services import enrolment as en
from trainer.services.trainees import count_trainees, get_trainee

D = dt.date


@pytest.fixture
def klass(uow):
    course = make_course(uow, lessons=4, pass_mark=60)
    cohort, lessons = make_class(uow, course, "QHD-01", lessons=4, start=D(2026, 3, 2))
    people = make_trainees(uow, 4)
    en.enrol_trainees(uow, cohort, people[:3])
    en.enrol_trainees(uow, cohort, people[3:], enrolled_on=D(2026, 3, 6))
    return cohort, lessons, people


def save_xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_export_has_headers_in_the_language_dates_as_dates_and_fitting_widths(uow, klass,
                                                                          tmp_path):
    cohort, lessons, people = klass
    at.save_attendance(uow, [at.CellChange(l, people[0], "present") for l in lessons]
                       + [at.CellChange(lessons[0], people[1], "late", 12),
                          at.CellChange(lessons[1], people[1], "absent"),
                          at.CellChange(lessons[2], people[3], "excused")])
    asm.record_assessment(uow, cohort, people[0], score=88)
    done = aio.export_class_attendance(uow, cohort, tmp_path / "zh.xlsx", lang="zh",
                                       as_of=D(2026, 6, 30))
    assert (done.trainees, done.lessons) == (4, 4)
    book = openpyxl.load_workbook(done.path)
    sheet = book["考勤与成绩"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["序号", "姓名", "企业", "身份证后四位", "签到码", "人员类别", "报名日期",
                          "状态"]
    assert header[8] == "第1次 03-02" and header[-1] == "说明"
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    first = rows[get_trainee(uow, people[0]).name]
    assert first[8:12] == ("到", "到", "到", "到") and first[-4] == 88 and first[-2] == "是"
    assert isinstance(first[6], dt.datetime) and first[6].date() == D(2026, 3, 2)
    assert sheet.cell(2, 7).number_format == "yyyy-mm-dd"
    second = rows[get_trainee(uow, people[1]).name]
    assert second[8:10] == ("迟12", "缺") and second[-2] == "否"
    assert "出勤 1/4 次，至少需要 4 次" in second[-1]
    late = rows[get_trainee(uow, people[3]).name]
    assert late[8:11] == ("—", "—", "假")  # before joining; then excused
    rate_col = header.index("出勤率") + 1
    assert sheet.cell(2, rate_col).number_format == "0.0%"
    assert sheet.column_dimensions["B"].width >= 8  # a Chinese name fits
    assert sheet.column_dimensions["D"].width >= 14  # 身份证后四位: six wide characters
    lessons_sheet = book["课次"]
    assert [c.value for c in lessons_sheet[1]][:4] == ["课次", "日期", "开始", "结束"]
    first_lesson = [c.value for c in lessons_sheet[2]]
    assert first_lesson[1].date() == D(2026, 3, 2) and first_lesson[2] == dt.time(9)
    assert first_lesson[4] == "已上课"
    assert first_lesson[6:11] == [1, 1, 0, 0, 1]  # present, late, excused, absent, not recorded
    english = openpyxl.load_workbook(aio.export_class_attendance(
        uow, cohort, tmp_path / "en.xlsx", lang="en").path)
    assert english.sheetnames == ["Attendance and results", "Lessons"]
    assert [c.value for c in english.active[1]][:2] == ["No.", "Name"]


def test_import_by_lesson_id_class_and_number_or_date(uow, klass, tmp_path):
    cohort, lessons, people = klass
    t = {p: get_trainee(uow, p) for p in people}
    path = save_xlsx(tmp_path / "a.xlsx", [
        ["秦皇岛母婴护理师培训签到汇总"],
        ["课次ID", "班级", "课次", "日期", "签到码", "身份证号", "姓名", "考勤", "迟到分钟", "备注"],
        [lessons[0], None, None, None, at.trainee_scan_code(people[0]), None, None, "√", None,
         None],
        [None, "QHD-01", 1, None, None, t[people[1]].id_number, t[people[1]].name, "迟到10分钟",
         None, "堵车"],
        [None, "QHD-01", None, dt.datetime(2026, 3, 2), None, t[people[2]].id_number[-4:], None,
         "请假", None, None],
        [None, None, None, "2026-03-04", None, t[people[0]].id_number, None, "L", 25, None],
        [None, None, None, None, None, None, None, None, None, None],
        [lessons[0], None, None, None, at.trainee_scan_code(people[0]), None, None, "出勤", None,
         None],  # the same again: a duplicate, skipped
    ])
    preview = aio.preview_attendance_import(uow, path)
    assert preview.header_row == 2 and not preview.rejected
    assert [(r.row, r.status, r.late_minutes) for r in preview.accepted] == [
        (3, "present", 0), (4, "late", 10), (5, "excused", 0), (6, "late", 25)]
    assert [d.first_row for d in preview.duplicates] == [3]
    saved = aio.run_attendance_import(uow, preview)
    assert saved.created == 4
    grid = at.load_attendance_grid(uow, cohort)
    assert grid.cell(lessons[0], people[1]).note == "堵车"
    assert grid.cell(lessons[1], people[0]).late_minutes == 25


def test_rejected_rows_say_why_and_can_be_sent_back(uow, klass, tmp_path):
    cohort, lessons, people = klass
    t = {p: get_trainee(uow, p) for p in people}
    stranger = make_trainees(uow, 1, first=50)[0]
    set_lesson_status(uow, lessons[3], "cancelled")
    path = tmp_path / "b.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["课次ID", "身份证号", "姓名", "考勤"])
        w.writerow([lessons[0], t[people[0]].id_number, t[people[0]].name, "到"])  # good
        w.writerow([lessons[0], t[people[1]].id_number, "张冠李", "到"])  # name mismatch
        w.writerow([lessons[0], get_trainee(uow, stranger).id_number, "", "到"])  # not in class
        w.writerow([999999, t[people[0]].id_number, "", "到"])  # no lesson
        w.writerow([lessons[1], "0000", "", "到"])  # unknown tail
        w.writerow([lessons[1], t[people[2]].id_number, "", "睡觉"])  # bad status
        w.writerow([lessons[3], t[people[2]].id_number, "", "到"])  # cancelled lesson
        w.writerow(["", t[people[2]].id_number, "", "到"])  # no lesson at all
        w.writerow([lessons[0], t[people[0]].id_number, "", "缺勤"])  # contradicts row 2
    preview = aio.preview_attendance_import(uow, path)
    assert [r.row for r in preview.accepted] == [2]
    reasons = {r.row: r.message("zh") for r in preview.rejected}
    assert "“张冠李”与编号/身份证号对应的姓名" in reasons[3]
    assert "不在培训班“母婴护理师QHD-01班”中" in reasons[4]
    assert "课次ID“999999”不存在" in reasons[5]
    assert "找不到“0000”对应的学员" in reasons[6]
    assert reasons[7].startswith("考勤：")
    assert "已取消" in reasons[8]
    assert "需写明课次ID" in reasons[9]
    assert "与第 2 行重复" in reasons[10]
    assert "is not in class" in preview.rejected[1].message("en")
    out = write_rejects(preview, tmp_path / "rejects.xlsx", lang="zh")
    back = openpyxl.load_workbook(out).active
    assert back.cell(1, 1).value == "原行号" and back.max_row == 1 + len(preview.rejected)
    assert back.cell(2, 1).value == 3 and "张冠李" in back.cell(2, back.max_column).value


def test_a_date_alone_is_enough_when_the_trainee_has_one_lesson_that_day(uow, klass, tmp_path):
    cohort, lessons, people = klass
    course = make_course(uow, "育婴员", lessons=2)
    other, other_lessons = make_class(uow, course, "YY-01", lessons=2, start=D(2026, 3, 2))
    en.enrol_trainees(uow, other, people[:1])
    number = get_trainee(uow, people[0]).id_number
    path = save_xlsx(tmp_path / "c.xlsx", [
        ["日期", "身份证号", "考勤"],
        [D(2026, 3, 4), get_trainee(uow, people[1]).id_number, "present"],
        [D(2026, 3, 4), number, "present"],  # two classes that day
        [D(2026, 3, 5), number, "present"],  # none that day
        [D(2026, 3, 2), number[-4:], "present"],  # a tail needs the class
    ])
    preview = aio.preview_attendance_import(uow, path)
    assert [r.lesson_id for r in preview.accepted] == [lessons[1]]
    reasons = {r.row: r.message("en") for r in preview.rejected}
    assert "several lessons" in reasons[3] and "no lesson" in reasons[4]
    assert "give the lesson id or the class" in reasons[5]
    with_class = aio.preview_attendance_import(uow, path, cohort_id=other)
    assert [(r.row, r.lesson_id) for r in with_class.accepted] == [(3, other_lessons[1]),
                                                                   (5, other_lessons[0])]


def test_files_that_cannot_be_imported(uow, klass, tmp_path):
    with pytest.raises(ImportFileError) as no_header:
        aio.preview_attendance_import(uow, save_xlsx(tmp_path / "d.xlsx", [["a", "b"], [1, 2]]))
    assert no_header.value.reason == "no_header"
    with pytest.raises(ImportFileError) as no_status:
        aio.preview_attendance_import(uow, save_xlsx(tmp_path / "e.xlsx",
                                                     [["课次ID", "身份证号"], [1, 2]]))
    assert no_status.value.reason == "bad_mapping"
    with pytest.raises(ImportFileError):
        aio.preview_attendance_import(uow, tmp_path / "missing.xlsx")


def test_status_words():
    assert aio.parse_status("√") == ("present", None)
    assert aio.parse_status("迟到15分钟") == ("late", 15)
    assert aio.parse_status("L 5") == ("late", 5)
    assert aio.parse_status("迟到") == ("late", None)
    assert aio.parse_status("病假") == ("excused", None)
    assert aio.parse_status("旷课") == ("absent", None)
    assert aio.parse_status("Excused leave") == ("excused", None)
    with pytest.raises(Exception):
        aio.parse_status("")


def signup(path, rows):
    return save_xlsx(path, [["姓名", "身份证号码", "手机", "人员类别"]] + rows)


def test_enrol_a_list_from_a_file_adds_new_people_and_enrols_all(uow, tmp_path):
    course = make_course(uow, lessons=2)
    cohort, _ = make_class(uow, course, "QHD", lessons=2, open_enrolment=True,
                           categories="laid_off,migrant")
    known = make_trainees(uow, 1)[0]
    path = signup(tmp_path / "list.xlsx", [
        [get_trainee(uow, known).name, get_trainee(uow, known).id_number, "", "下岗失业人员"],
        ["赵秀英", id_number(101), "13900000101", "农民工"],
        ["钱桂兰", id_number(102), "", "在岗职工"],  # added, but not eligible
        ["孙玉梅", "", "", "农民工"],  # no ID number: cannot be matched to a person
        ["李红", "1234", "", "农民工"],  # a bad ID number
    ])
    before = count_trainees(uow)
    dry = enrol_from_file(uow, cohort, path, dry_run=True)
    assert dry.dry_run and len(dry.result.enrolled) == 2
    assert count_trainees(uow) == before and en.list_enrolments(uow, cohort) == []
    done = enrol_from_file(uow, cohort, path)
    assert (done.created_trainees, done.known_trainees) == (2, 1)
    assert [r.row for r in done.rejected] == [5, 6]
    assert done.rejected[0].cells[0] == "孙玉梅"
    assert len(done.result.enrolled) == 2 and done.result.refused[0].reason == "not_eligible"
    assert count_trainees(uow) == before + 2
    out = write_rejects(done, tmp_path / "back.xlsx", lang="en")
    assert openpyxl.load_workbook(out).active.max_row == 3


def test_enrolling_a_file_into_a_full_class_writes_nothing(uow, tmp_path):
    course = make_course(uow, lessons=2)
    cohort, _ = make_class(uow, course, "QHD", lessons=2, capacity=1)
    path = signup(tmp_path / "list.xlsx", [["赵秀英", id_number(101), "", "农民工"],
                                            ["钱桂兰", id_number(102), "", "农民工"]])
    before = count_trainees(uow)
    with pytest.raises(EnrolmentError):
        enrol_from_file(uow, cohort, path)
    assert count_trainees(uow) == before  # the new trainees were rolled back too
