"""Attendance and enrolment files: a class's attendance and results to Excel; attendance typed
into a spreadsheet (one row per lesson × trainee) imported; a trainee list enrolled in a class.

Attendance import columns (headers found by synonym, in Chinese or English, below title rows):
the lesson — its id (课次ID), or the class (班级, code or id) with the lesson's number (课次) or
date (日期), or a date alone when the trainee has one lesson that day; the trainee — the scan code
(签到码, T0000123), the ID number (身份证号, or its last 4–6 characters when the class is known) or
the name (姓名, within the class); the status (考勤: 出勤/迟到/请假/缺勤, P/L/E/A, √/×, "迟到10分钟");
optionally minutes late (迟到分钟) and a note (备注). Bad rows are reported like the trainee
import's (importing.RejectedRow, and workbooks.write_rejects can send them back); the good ones
are written in one transaction."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from trainer.errors import InvalidInput, ValidationError
from trainer.io.columns import HEADER_SEARCH_ROWS, normalise_header
from trainer.io.importing import DuplicateRow, Problem, RejectedRow
from trainer.io.reading import Cell, ImportFileError, cell_text, excel_serial_to_date, read_table
from trainer.io.workbooks import (_BOLD, _HEADER_FILL, DATE_FORMAT, _excel_value, _save,
                                  _set_widths, _width)
from trainer.texts import TRAINEE_CATEGORIES, label, language, pick
from trainer.rules import fields
from trainer.rules.completion import (ABSENT, EXCUSED, LATE, PRESENT, STATUS_LABELS,
                                      STATUS_LETTERS)
from trainer.rules.text import clean_text
from trainer.services.attendance import (CellChange, SaveResult, load_attendance_grid,
                                         save_attendance)
from trainer.services.attendance_rows import AttendanceRowError, RowRefs, RowResolver
from trainer.services.completion import class_completion
from trainer.services.enrolment import ENROLMENT_STATUS_LABELS
from trainer.services.uow import UnitOfWork

# --- export ----------------------------------------------------------------------------------

HEADERS: dict[str, tuple[str, str]] = {
    "no": ("序号", "No."), "name": ("姓名", "Name"), "enterprise": ("企业", "Enterprise"),
    "id_tail": ("身份证后四位", "ID (last 4)"), "code": ("签到码", "Code"),
    "category": ("人员类别", "Category"), "enrolled_on": ("报名日期", "Enrolled on"),
    "status": ("状态", "Status"), "present": ("出勤", "Present"), "late": ("迟到", "Late"),
    "excused": ("请假", "Excused"), "absent": ("缺勤", "Absent"),
    "rate": ("出勤率", "Attendance"), "score": ("成绩", "Score"),
    "passed": ("考核", "Assessment"), "completes": ("结业", "Completes"),
    "reason": ("说明", "Reason"), "sequence": ("课次", "Lesson"), "date": ("日期", "Date"),
    "start": ("开始", "Start"), "end": ("结束", "End"), "lecturer": ("讲师", "Lecturer"),
    "unrecorded": ("未录入", "Not recorded"), "lesson_status": ("课次状态", "Lesson status"),
}
LESSON_STATUS: dict[str, tuple[str, str]] = {
    "planned": ("计划", "planned"), "held": ("已上课", "held"), "cancelled": ("已取消", "cancelled"),
}
SHEETS = {"results": ("考勤与成绩", "Attendance and results"), "lessons": ("课次", "Lessons")}


@dataclass(frozen=True)
class AttendanceExport:
    path: Path
    trainees: int
    lessons: int


def _cell_text(status: str | None, minutes: int, lang: str) -> str:
    if status is None:
        return ""
    letter = pick(STATUS_LETTERS[status], lang)
    return f"{letter}{minutes}" if status == LATE and minutes else letter


def export_class_attendance(uow: UnitOfWork, cohort_id: int, path: str | os.PathLike, *,
                            lang: str | None = None,
                            as_of: dt.date | None = None) -> AttendanceExport:
    """The class's attendance grid and results as .xlsx: sheet 1 one row per trainee (a column
    per lesson: 到/迟10/假/缺 or P/L10/E/A, '—' before joining or after leaving; counts, rate,
    score, completes and why not), sheet 2 one row per lesson. Headers in `lang` (default: the
    UI's), dates as Excel dates, widths that fit."""
    lang = lang or language()
    grid = load_attendance_grid(uow, cohort_id)
    done = class_completion(uow, cohort_id, as_of=as_of)
    results = {t.trainee_id: t for t in done.trainees}
    book = Workbook()
    sheet = book.active
    sheet.title = pick(SHEETS["results"], lang)
    h = {k: pick(v, lang) for k, v in HEADERS.items()}
    lesson_headers = [(f"第{l.sequence}次 {l.date:%m-%d}" if lang == "zh" else
                       f"L{l.sequence} {l.date:%m-%d}") for l in grid.lessons]
    headers = ([h[k] for k in ("no", "name", "enterprise", "id_tail", "code", "category",
                               "enrolled_on", "status")] + lesson_headers
               + [h[k] for k in ("present", "late", "excused", "absent", "rate", "score",
                                 "passed", "completes", "reason")])
    rows = []
    for number, t in enumerate(grid.trainees, 1):
        cells = []
        for lesson in grid.lessons:
            found = grid.cell(lesson.id, t.trainee_id)
            if found is None and not grid.applicable(lesson, t):
                cells.append("—")
            else:
                cells.append(_cell_text(found.status if found else None,
                                        found.late_minutes if found else 0, lang))
        r = results[t.trainee_id]
        res = r.result
        passed = "" if r.passed is None else pick(("合格", "pass") if r.passed else
                                                  ("不合格", "fail"), lang)
        rows.append([number, t.name, t.enterprise_name, t.id_tail, t.code,
                     label(TRAINEE_CATEGORIES, t.category, lang), t.enrolled_on,
                     label(ENROLMENT_STATUS_LABELS, t.status, lang)] + cells + [
            res.present, res.late, res.excused, res.absent,
            (res.attended / res.held) if res.held else None, r.score, passed,
            pick(("是", "yes") if res.completes else ("否", "no"), lang),
            "" if res.completes else res.message(lang)])
    rate_col = len(headers) - 4  # 1-based: rate, score, passed, completes, reason
    _fill(sheet, headers, rows, dates=(7,), percents=(rate_col,), wrap_last=True)
    sheet.freeze_panes = "C2"
    lessons = book.create_sheet(pick(SHEETS["lessons"], lang))
    lesson_rows = []
    for lesson in grid.lessons:
        counts = {s: 0 for s in (PRESENT, LATE, EXCUSED, ABSENT)}
        for t in grid.trainees:
            found = grid.cell(lesson.id, t.trainee_id)
            if found:
                counts[found.status] += 1
        expected = sum(1 for t in grid.trainees if grid.applicable(lesson, t)
                       and t.status == "active")
        recorded_active = sum(1 for t in grid.trainees if t.status == "active"
                              and grid.applicable(lesson, t) and grid.cell(lesson.id, t.trainee_id))
        shown = ("cancelled" if lesson.cancelled else
                 "held" if lesson.fact().held(as_of or dt.date.today()) else "planned")
        lesson_rows.append([lesson.sequence, lesson.date, lesson.start_time, lesson.end_time,
                            label(LESSON_STATUS, shown, lang), lesson.lecturer_name,
                            counts[PRESENT], counts[LATE], counts[EXCUSED], counts[ABSENT],
                            0 if lesson.cancelled else expected - recorded_active])
    _fill(lessons, [h[k] for k in ("sequence", "date", "start", "end", "lesson_status",
                                   "lecturer", "present", "late", "excused", "absent",
                                   "unrecorded")], lesson_rows, dates=(2,), times=(3, 4))
    lessons.freeze_panes = "A2"
    return AttendanceExport(_save(book, path), len(grid.trainees), len(grid.lessons))


def _fill(sheet, headers: list[str], rows: list[list[Any]], *, dates=(), times=(), percents=(),
          wrap_last: bool = False) -> None:
    """Header row (bold, shaded, auto-filter) and rows; columns given 1-based."""
    from openpyxl.styles import Alignment

    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    widths = [_width(x) for x in headers]
    for row in rows:
        values = [v if isinstance(v, dt.time) else _excel_value(v) for v in row]  # times stay times
        sheet.append(values)
        for i, v in enumerate(values):
            widths[i] = max(widths[i], 8 if i + 1 in percents else 5 if i + 1 in times
                            else _width(v))
    for index in range(2, len(rows) + 2):
        for col in dates:
            sheet.cell(index, col).number_format = DATE_FORMAT
        for col in times:
            sheet.cell(index, col).number_format = "hh:mm"
        for col in percents:
            sheet.cell(index, col).number_format = "0.0%"
        if wrap_last:
            sheet.cell(index, len(headers)).alignment = Alignment(wrap_text=True, vertical="top")
    _set_widths(sheet, widths)
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


# --- import ----------------------------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {  # field → header words (first: the template's)
    "lesson_id": ("课次ID", "课次编号", "lesson id", "lesson_id"),
    "sequence": ("课次", "第几次课", "第几次", "课次序号", "sequence", "lesson no", "lesson"),
    "cohort": ("班级", "班级编号", "培训班", "班号", "班级代码", "class", "class code", "cohort"),
    "date": ("日期", "上课日期", "培训日期", "签到日期", "date", "lesson date"),
    "code": ("签到码", "学员编号", "编号", "学号", "code", "trainee code", "scan code"),
    "id_number": ("身份证号", "身份证号码", "身份证", "证件号码", "公民身份号码", "身份证后四位",
                  "身份证后4位", "身份证后六位", "id number", "id no", "id tail", "id"),
    "name": ("姓名", "学员姓名", "名字", "name", "trainee"),
    "status": ("考勤", "考勤状态", "考勤情况", "出勤情况", "出勤", "状态", "签到", "签到情况",
               "status", "attendance"),
    "late_minutes": ("迟到分钟", "迟到分钟数", "迟到时间", "迟到", "late minutes", "minutes late"),
    "note": ("备注", "说明", "note", "notes", "remarks"),
}
_INDEX = {normalise_header(word): name for name, words in COLUMNS.items() for word in words}

_PRESENT_WORDS = {"出勤", "到", "已到", "签到", "已签到", "正常", "在", "√", "✓", "✔", "1", "p",
                  "present", "yes", "y", "ok", "是"}
_EXCUSED_WORDS = {"请假", "假", "事假", "病假", "公假", "准假", "e", "excused", "leave",
                  "excused leave"}
_ABSENT_WORDS = {"缺勤", "缺", "旷课", "未到", "缺席", "旷", "×", "✗", "✘", "x", "0", "a", "absent",
                 "no", "n", "否"}
_LATE = re.compile(r"(?:迟到|迟|l|late)\s*(\d{1,3})?\s*(?:分钟|分|min|mins|minutes|')?")


def parse_status(value: Cell) -> tuple[str, int | None]:
    """(status, minutes late or None) from what a clerk typed; ValidationError otherwise."""
    text = clean_text(cell_text(value)).lower()
    if not text:
        raise ValidationError("status", "required")
    if text in _PRESENT_WORDS:
        return PRESENT, None
    if text in _EXCUSED_WORDS:
        return EXCUSED, None
    if text in _ABSENT_WORDS:
        return ABSENT, None
    match = _LATE.fullmatch(text)
    if match:
        return LATE, int(match.group(1)) if match.group(1) else None
    for code, (zh, en) in STATUS_LABELS.items():
        if text in (code, zh, en):
            return code, None
    raise ValidationError("status", "choice", choices=tuple(STATUS_LABELS.values()))


@dataclass(frozen=True)
class AttendanceRow:
    row: int
    lesson_id: int
    trainee_id: int
    status: str
    late_minutes: int
    note: str


@dataclass(frozen=True)
class AttendancePreview:
    path: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index → field of COLUMNS
    accepted: tuple[AttendanceRow, ...]
    rejected: tuple[RejectedRow, ...]
    duplicates: tuple[DuplicateRow, ...]
    organization_id: int
    skipped_rows: tuple[int, ...] = field(default=())


def _header(table) -> tuple[int, dict[int, str]]:
    best, best_map = None, {}
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        for col, value in enumerate(row):
            name = _INDEX.get(normalise_header(value)) if value is not None else None
            if name and name not in mapping.values():
                mapping[col] = name
        if len(mapping) >= 2 and len(mapping) > len(best_map):
            best, best_map = index, mapping
    if best is None:
        raise ImportFileError("no_header", rows=HEADER_SEARCH_ROWS, example="课次ID、身份证号、考勤")
    fields_found = set(best_map.values())
    if "status" not in fields_found or not fields_found & {"code", "id_number", "name"}:
        raise ImportFileError("bad_mapping", detail=(
                                  "考勤 + 签到码/身份证号/姓名" if language() == "zh"
                                  else "status + code/ID number/name"))
    return best, best_map


def _date(value: Cell) -> dt.date:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        day = excel_serial_to_date(value)
        if day:
            return day
    return fields.date(value, "date", required=True)


def _check_row(rows: RowResolver, texts: dict[str, Cell]) -> tuple[int, int, str, int, str]:
    """(lesson id, trainee id, status, minutes, note) for one row, or raises
    AttendanceRowError / ValidationError."""
    check = fields.FieldCheck()
    status_minutes = check(parse_status, texts.get("status"))
    minutes = check(fields.integer, cell_text(texts.get("late_minutes")), "late_minutes",
                    maximum=600)
    note = check(fields.text, cell_text(texts.get("note")), "notes", max_len=200) or ""
    check.raise_if_any()
    status, typed_minutes = status_minutes
    minutes = minutes if minutes is not None else (typed_minutes or 0)
    given = {f: cell_text(texts.get(f)).strip() for f in
             ("code", "id_number", "name", "lesson_id", "cohort", "sequence", "date")}
    sequence = day = None
    if not given["lesson_id"] and given["sequence"]:
        sequence = fields.integer(given["sequence"], "sequence", minimum=1, maximum=1000)
    if not given["lesson_id"] and given["date"]:
        day = _date(texts["date"])
    lesson_id, trainee_id = rows.resolve(
        RowRefs(code=given["code"], id_number=given["id_number"], name=given["name"],
                lesson_id=given["lesson_id"], cohort=given["cohort"], sequence=sequence, day=day))
    return lesson_id, trainee_id, status, minutes if status == LATE else 0, note


def preview_attendance_import(uow: UnitOfWork, path: str | os.PathLike, *,
                              cohort_id: int | None = None,
                              sheet: str | int | None = None) -> AttendancePreview:
    """Reads and checks an attendance file; writes nothing. `cohort_id`: the class of rows that
    do not name one."""
    table = read_table(path, sheet)
    if not any(any(c is not None and cell_text(c).strip() for c in r) for r in table.rows):
        raise ImportFileError("empty", path=table.path)
    header_index, mapping = _header(table)
    header = table.rows[header_index]
    headers = tuple(cell_text(c) for c in header)
    columns = {f: c for c, f in mapping.items()}
    accepted: list[AttendanceRow] = []
    rejected: list[RejectedRow] = []
    duplicates: list[DuplicateRow] = []
    skipped: list[int] = []
    first: dict[tuple[int, int], AttendanceRow] = {}
    with uow:
        res = RowResolver(uow, cohort_id)
        for index in range(header_index + 1, len(table.rows)):
            cells = table.rows[index]
            row_no = index + 1
            if not any(c is not None and cell_text(c).strip() for c in cells) or cells == header:
                skipped.append(row_no)
                continue
            texts = {f: cells[c] for c, f in mapping.items() if c < len(cells)}
            try:
                lesson_id, trainee_id, status, minutes, note = _check_row(res, texts)
            except InvalidInput as exc:  # one bad field (ValidationError) or several
                rejected.append(_rejection(row_no, cells, exc.errors, columns, headers))
                continue
            row = AttendanceRow(row_no, lesson_id, trainee_id, status, minutes, note)
            earlier = first.get((lesson_id, trainee_id))
            if earlier is not None:
                if (earlier.status, earlier.late_minutes, earlier.note) == (status, minutes, note):
                    duplicates.append(DuplicateRow(row_no, "", None, earlier.row))
                else:
                    rejected.append(_rejection(row_no, cells, [AttendanceRowError(
                        "name", "repeats", row=earlier.row)], columns, headers))
                continue
            first[(lesson_id, trainee_id)] = row
            accepted.append(row)
        return AttendancePreview(table.path, table.sheet, header_index + 1, headers, mapping,
                                 tuple(accepted), tuple(rejected), tuple(duplicates),
                                 uow.organization_id, tuple(skipped))


def _rejection(row_no: int, cells, errors, columns: dict[str, int],
               headers: tuple[str, ...]) -> RejectedRow:
    problems = []
    for error in errors:
        column = columns.get(error.field)
        if column is None and error.field == "name":
            column = next((columns[f] for f in ("code", "id_number") if f in columns), None)
        problems.append(Problem(row_no, column, headers[column] if column is not None
                                and column < len(headers) else "", error))
    return RejectedRow(row_no, tuple(cells), tuple(problems))


def run_attendance_import(uow: UnitOfWork, preview: AttendancePreview) -> SaveResult:
    """Writes the accepted rows in one transaction (what is recorded is overwritten)."""
    with uow:
        uow.use_organization(preview.organization_id)
        return save_attendance(uow, [CellChange(r.lesson_id, r.trainee_id, r.status,
                                                r.late_minutes, r.note)
                                     for r in preview.accepted])
