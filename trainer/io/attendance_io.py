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
from sqlalchemy import select

from trainer.db.models import Cohort, Enrolment, Lesson, Trainee
from trainer.errors import InvalidInput, ValidationError
from trainer.io.columns import HEADER_SEARCH_ROWS, normalise_header
from trainer.io.importing import DuplicateRow, Problem, RejectedRow
from trainer.io.reading import Cell, ImportFileError, cell_text, excel_serial_to_date, read_table
from trainer.io.workbooks import (_BOLD, _HEADER_FILL, DATE_FORMAT, _excel_value, _save,
                                  _set_widths, _width)
from trainer.messages import FIELDS, TRAINEE_CATEGORIES, label, language, pick
from trainer.rules import fields
from trainer.rules.completion import (ABSENT, CANCELLED_LESSON, EXCUSED, LATE, PRESENT,
                                      STATUS_LABELS, STATUS_LETTERS)
from trainer.rules.text import clean_code, clean_text
from trainer.security.personal import require_reveal_for_lookup
from trainer.services.attendance import (CellChange, SaveResult, _write, load_attendance_grid,
                                         parse_scan_code)
from trainer.services.attendance_marking import ClassIndex
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


IMPORT_LABELS: dict[str, tuple[str, str]] = {  # the import's fields, as its messages name them
    "lesson_id": ("课次ID", "lesson id"), "sequence": ("课次", "lesson number"),
    "cohort": ("班级", "class"), "date": ("日期", "date"), "code": ("签到码", "code"),
    "id_number": ("身份证号", "ID number"), "name": ("姓名", "name"),
    "status": ("考勤", "attendance"), "late_minutes": ("迟到分钟", "minutes late"),
    "note": ("备注", "note"),
}


class AttendanceRowError(ValidationError):
    """A row problem the field rules do not know: which lesson, which trainee."""

    TEXTS = {
        "no_lesson": ("“{value}”不存在", "“{value}” does not exist"),
        "no_lesson_on_date": ("{date} 没有该学员所在班级的课", "has no lesson of the trainee's "
                              "classes on {date}"),
        "several_lessons": ("{date} 有多个课次（课次ID {lessons}），请写明课次ID或班级",
                            "{date} has several lessons (ids {lessons}); give the lesson id or "
                            "the class"),
        "unknown_class": ("培训班“{value}”不存在", "class “{value}” does not exist"),
        "unknown_trainee": ("找不到“{value}”对应的学员", "“{value}” matches no trainee"),
        "ambiguous_trainee": ("“{value}”对应多名学员：{names}", "“{value}” matches several "
                              "trainees: {names}"),
        "not_in_class": ("{trainee}不在培训班“{cohort}”中", "{trainee} is not in class “{cohort}”"),
        "name_mismatch": ("“{value}”与编号/身份证号对应的姓名“{expected}”不符",
                          "“{value}” is not {expected}, the name of that code/ID number"),
        "lesson_cancelled": ("第 {sequence} 次课（{date}）已取消", "lesson {sequence} ({date}) "
                             "is cancelled"),
        "need_class": ("只凭身份证后几位或姓名找人时，需写明课次ID或班级",
                       "to find a trainee by an ID tail or a name, give the lesson id or the "
                       "class"),
        "need_lesson": ("需写明课次ID，或班级加课次/日期，或日期",
                        "give the lesson id, or the class with the lesson number or date, or "
                        "the date"),
        "need_trainee": ("需写明签到码、身份证号或姓名", "give the code, ID number or name"),
        "repeats": ("与第 {row} 行重复", "repeats row {row}"),
    }

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(self.TEXTS[self.reason], lang).format(**self.params)
        name = label(IMPORT_LABELS if self.field in IMPORT_LABELS else FIELDS, self.field, lang)
        return f"{name}{text}" if lang == "zh" else f"{name[:1].upper()}{name[1:]} {text}"


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


class _Resolver:
    """Finds lessons and trainees for rows, caching what it reads."""

    def __init__(self, uow: UnitOfWork, cohort_id: int | None) -> None:
        self.uow, self.s = uow, uow.session
        self.default_cohort = cohort_id
        self.indexes: dict[int, ClassIndex] = {}
        self.lessons: dict[int, list[Lesson]] = {}
        self.cohorts: dict[str, Cohort | None] = {}

    def cohort(self, value: Cell) -> Cohort | None:
        text = clean_text(cell_text(value))
        if text not in self.cohorts:
            org = self.uow.organization_id
            row = self.s.scalar(select(Cohort).where(Cohort.organization_id == org,
                                                     Cohort.code == text))
            if row is None and text.isdigit():
                row = self.s.scalar(select(Cohort).where(Cohort.organization_id == org,
                                                         Cohort.id == int(text)))
            self.cohorts[text] = row
        return self.cohorts[text]

    def class_lessons(self, cohort_id: int) -> list[Lesson]:
        if cohort_id not in self.lessons:
            self.lessons[cohort_id] = list(self.s.scalars(select(Lesson).where(
                Lesson.cohort_id == cohort_id).order_by(Lesson.sequence)))
        return self.lessons[cohort_id]

    def index(self, cohort_id: int) -> ClassIndex:
        if cohort_id not in self.indexes:
            self.indexes[cohort_id] = ClassIndex(self.uow, cohort_id)
        return self.indexes[cohort_id]

    def lesson_by_id(self, value: Cell) -> Lesson:
        text = clean_text(cell_text(value))
        row = None
        if text.isdigit():
            row = self.s.scalar(select(Lesson).join(Cohort, Cohort.id == Lesson.cohort_id).where(
                Lesson.id == int(text), Cohort.organization_id == self.uow.organization_id))
        if row is None:
            raise AttendanceRowError("lesson_id", "no_lesson", value=text)
        return row

    def trainee_anywhere(self, code: str) -> tuple[int, str] | None:
        trainee_id = parse_scan_code(code)
        cond = (Trainee.id == trainee_id) if trainee_id is not None else \
            (Trainee.id_number == code) if len(code) == 18 else None
        if cond is None:
            return None
        if trainee_id is None:
            require_reveal_for_lookup(self.uow)  # found / not found would confirm a number
        found = self.s.execute(select(Trainee.id, Trainee.name).where(
            cond, Trainee.organization_id == self.uow.organization_id)).first()
        return (found[0], found[1]) if found else None


def _date(value: Cell) -> dt.date:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        day = excel_serial_to_date(value)
        if day:
            return day
    return fields.date(value, "date", required=True)


def _lesson_on(lessons: list[Lesson], day: dt.date, sequence: int | None) -> list[Lesson]:
    if sequence is not None:
        return [l for l in lessons if l.sequence == sequence]
    return [l for l in lessons if l.date == day and l.status != CANCELLED_LESSON]


def _check_row(res: _Resolver, texts: dict[str, Cell]) -> tuple[int, int, str, int, str]:
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
    who_field = next((f for f in ("code", "id_number", "name") if cell_text(texts.get(f)).strip()),
                     None)
    if who_field is None:
        raise AttendanceRowError("name", "need_trainee")
    who = cell_text(texts[who_field]).strip()
    # the lesson, when the row names it
    lesson: Lesson | None = None
    cohort_id = res.default_cohort
    if cell_text(texts.get("lesson_id")).strip():
        lesson = res.lesson_by_id(texts["lesson_id"])
        cohort_id = lesson.cohort_id
    elif cell_text(texts.get("cohort")).strip():
        cohort = res.cohort(texts["cohort"])
        if cohort is None:
            raise AttendanceRowError("cohort", "unknown_class", value=cell_text(texts["cohort"]))
        cohort_id = cohort.id
    sequence = None
    if lesson is None and cell_text(texts.get("sequence")).strip():
        sequence = fields.integer(cell_text(texts["sequence"]), "sequence", minimum=1,
                                  maximum=1000)
    day = _date(texts["date"]) if lesson is None and cell_text(texts.get("date")).strip() else None
    # the trainee
    if cohort_id is not None:
        outcome, match, candidates = res.index(cohort_id).resolve(who, active_only=False)
        if outcome == "ambiguous":
            raise AttendanceRowError(who_field, "ambiguous_trainee", value=who,
                                     names="、".join(c.name for c in candidates))
        if outcome == "not_enrolled":
            cohort_row = res.s.get(Cohort, cohort_id)
            raise AttendanceRowError(who_field, "not_in_class", trainee=match.name,
                                     cohort=cohort_row.name)
        if outcome != "found":
            raise AttendanceRowError(who_field, "unknown_trainee", value=who)
        trainee_id, trainee_name = match.trainee_id, match.name
    else:
        found = res.trainee_anywhere(clean_code(who))
        if found is None:
            if who_field == "name" or (parse_scan_code(who) is None and len(clean_code(who)) != 18):
                raise AttendanceRowError(who_field, "need_class")
            raise AttendanceRowError(who_field, "unknown_trainee", value=who)
        trainee_id, trainee_name = found
    typed_name = clean_text(cell_text(texts.get("name")))
    if who_field != "name" and typed_name and typed_name.replace(" ", "") != trainee_name:
        raise AttendanceRowError("name", "name_mismatch", value=typed_name, expected=trainee_name)
    if lesson is None:
        if cohort_id is not None:
            if sequence is None and day is None:
                raise AttendanceRowError("lesson_id", "need_lesson")
            hits = _lesson_on(res.class_lessons(cohort_id), day, sequence)
        elif day is not None:
            cohorts = list(res.s.scalars(select(Enrolment.cohort_id).where(
                Enrolment.trainee_id == trainee_id)))
            hits = [l for c in cohorts for l in _lesson_on(res.class_lessons(c), day, None)]
        else:
            raise AttendanceRowError("lesson_id", "need_lesson")
        if not hits:
            if sequence is not None:
                raise AttendanceRowError("sequence", "no_lesson", value=sequence)
            raise AttendanceRowError("date", "no_lesson_on_date", date=day.isoformat())
        if len(hits) > 1:
            raise AttendanceRowError("date", "several_lessons", date=day.isoformat(),
                                     lessons=",".join(str(l.id) for l in hits))
        lesson = hits[0]
    if lesson.status == CANCELLED_LESSON:
        raise AttendanceRowError("lesson_id", "lesson_cancelled", sequence=lesson.sequence,
                                 date=lesson.date.isoformat())
    if trainee_id not in res.index(lesson.cohort_id).by_id:
        raise AttendanceRowError(who_field, "not_in_class", trainee=trainee_name,
                                 cohort=res.s.get(Cohort, lesson.cohort_id).name)
    return lesson.id, trainee_id, status, minutes if status == LATE else 0, note


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
        res = _Resolver(uow, cohort_id)
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
        return _write(uow, [CellChange(r.lesson_id, r.trainee_id, r.status, r.late_minutes,
                                       r.note) for r in preview.accepted])


# --- a trainee list enrolled in a class --------------------------------------------------------

@dataclass(frozen=True)
class FileEnrolment:
    """A trainee list (the trainee import's columns) enrolled in a class: new people added to the
    trainees first, everyone accepted enrolled. `rejected`: the file's bad rows (plus rows
    without an ID number, which cannot be matched to a person)."""

    path: str
    headers: tuple[str, ...]
    rejected: tuple[RejectedRow, ...]
    created_trainees: int
    known_trainees: int
    result: Any  # services.enrolment.EnrolmentResult
    dry_run: bool = False


class _DryRun(Exception):
    def __init__(self, outcome: FileEnrolment) -> None:
        super().__init__()
        self.outcome = outcome


def enrol_from_file(uow: UnitOfWork, cohort_id: int, path: str | os.PathLike, *,
                    enterprise: str | int | None = None, enrolled_on: dt.date | None = None,
                    sheet: str | int | None = None, dry_run: bool = False) -> FileEnrolment:
    """One transaction: the file's new trainees created, then everyone enrolled (capacity and
    eligibility as enrol_trainees); a full class or a database error leaves nothing written.
    `dry_run` does it all and rolls back (it needs a transaction of its own)."""
    if dry_run and getattr(uow, "_depth", 0):
        raise RuntimeError("a dry run rolls back: call it outside an open unit of work")
    try:
        with uow:
            outcome = _enrol_from_file(uow, cohort_id, path, enterprise, enrolled_on, sheet,
                                       dry_run)
            if dry_run:
                raise _DryRun(outcome)
            return outcome
    except _DryRun as done:
        return done.outcome


def _enrol_from_file(uow, cohort_id, path, enterprise, enrolled_on, sheet,
                     dry_run) -> FileEnrolment:
    from trainer.io.importing import preview_import, run_import
    from trainer.services.enrolment import enrol_trainees, load_cohort

    load_cohort(uow, cohort_id)
    preview = preview_import(uow, "trainees", path, enterprise=enterprise, sheet=sheet)
    columns = {f: c for c, f in preview.mapping.items()}
    no_id = [a for a in preview.accepted if not a.values.get("id_number")]
    table = read_table(path, sheet) if no_id else None
    rejected = list(preview.rejected) + [
        RejectedRow(a.row, tuple(table.rows[a.row - 1]), (Problem(a.row, columns.get("id_number"),
                                        preview.headers[columns["id_number"]]
                                        if "id_number" in columns else "",
                                        ValidationError("id_number", "required")),))
        for a in no_id]
    rejected.sort(key=lambda r: r.row)
    numbers = [a.values["id_number"] for a in preview.accepted if a.values.get("id_number")]
    known = sum(1 for d in preview.duplicates if d.existing_id is not None)
    created = 0
    if numbers:
        created = run_import(uow, _without(preview, no_id)).created
    ids = [d.existing_id for d in preview.duplicates if d.existing_id is not None]
    for start in range(0, len(numbers), 500):
        ids += list(uow.session.scalars(select(Trainee.id).where(
            Trainee.organization_id == uow.organization_id,
            Trainee.id_number.in_(numbers[start:start + 500]))))
    result = enrol_trainees(uow, cohort_id, ids, enrolled_on=enrolled_on)
    return FileEnrolment(preview.path, preview.headers, tuple(rejected), created, known, result,
                         dry_run)


def _without(preview, rows) -> Any:
    import dataclasses

    drop = {r.row for r in rows}
    return dataclasses.replace(preview, accepted=tuple(a for a in preview.accepted
                                                       if a.row not in drop))
