"""The learning platform's export of online study time (线上学习时长), read for one class.

What platforms write, and what is read here:
- the file: CSV in UTF-8 with a BOM (钉钉, 腾讯会议, 小鹅通 exports) or in GBK/GB18030 (older
  systems, or a CSV saved again by Excel on a Chinese Windows), or an Excel/WPS workbook
  (.xlsx/.xls), often with a title row or two above the header — read by io/reading.py;
- the person: 姓名 (学员姓名, 用户姓名, 真实姓名, 用户昵称…) and/or 身份证号 (证件号码…), in full,
  masked as platforms print it (360502********1234) or its last digits; matched within the class
  (services/online_study.py): by the ID number, else by the name when exactly one trainee of the
  class has it;
- the time: a column such as 学习时长, 累计学习时长, 观看时长, 参会时长, 在线时长 or 学时. Its unit
  is taken from the header — 学习时长（分钟）, 时长(小时), 学时 (class hours of 60 minutes, as
  everywhere in this program), 时长(秒) — or from the cell: 90分钟, 1.5小时, 1小时30分, 2时5分10秒,
  01:30:00, or a time/duration cell of a workbook. A bare number under a header without a unit
  is refused (a 90 could be minutes or hours). Blank, 0, -, -- or 未学习 is no study (0).
- a person on several rows (a 参会明细 lists every time someone joined) gets the rows' sum.

Nothing is written until `run_online_hours`; the preview says per trainee the minutes found, the
minutes recorded before, and per refused row its row number and why."""
from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from trainer.errors import InvalidInput, ValidationError
from trainer.io.columns import HEADER_SEARCH_ROWS, normalise_header
from trainer.io.importing import Problem, RejectedRow
from trainer.io.reading import Cell, ImportFileError, cell_text, read_table
from trainer.texts import language
from trainer.rules.text import clean_text
from trainer.services.online_study import (ClassRoster, OnlineMinutes, OnlineRowError,
                                           online_versions, record_online_minutes)
from trainer.services.uow import UnitOfWork

NAME_WORDS = ("姓名", "学员姓名", "用户姓名", "真实姓名", "学生姓名", "学员", "用户名称", "用户昵称",
              "参会者", "名字", "name", "user name", "trainee")
ID_WORDS = ("身份证号", "身份证号码", "身份证", "证件号码", "证件号", "公民身份号码",
            "身份证件号码", "id number", "id no", "id")
TIME_WORDS = ("学习时长", "累计学习时长", "总学习时长", "总时长", "观看时长", "累计观看时长",
              "在线时长", "在线学习时长", "参会时长", "直播观看时长", "学习时间", "时长", "学时",
              "学习学时", "获得学时", "已获学时", "完成学时", "学时数", "study time", "duration",
              "hours", "minutes")
_HOURS_HEADERS = {normalise_header(w) for w in ("学时", "学习学时", "获得学时", "已获学时",
                                                 "完成学时", "学时数", "hours")}
_INDEX = {normalise_header(w): f for f, words in (("name", NAME_WORDS), ("id_number", ID_WORDS),
                                                   ("minutes", TIME_WORDS)) for w in words}
MINUTES, HOURS, SECONDS = 1.0, 60.0, 1 / 60
_MINUTE_UNIT = "[\\(\uff08]\\s*\u5206\\s*[\\)\uff09]"  # 时长（分）, either bracket
MAX_MINUTES = 2000 * 60
_ZERO = {"", "-", "--", "—", "——", "/", "无", "未学习", "未参加", "未观看", "未参会"}
_CLOCK = re.compile(r"(\d{1,5}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?")
_PARTS = re.compile(
    r"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:小时|时|h|hr|hrs|hour|hours|学时))?\s*"
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分钟|分|min|mins|minute|minutes|m))?\s*"
    r"(?:(?P<s>\d+(?:\.\d+)?)\s*(?:秒钟|秒|s|sec|secs|second|seconds))?")


def header_unit(header: str) -> float | None:
    """Minutes per unit the header names: 学习时长（分钟） → 1, 时长(小时)/学时 → 60, None."""
    text = clean_text(header).lower()
    if "分钟" in text or re.search(r"\bmin", text) or re.search(_MINUTE_UNIT, text):
        return MINUTES
    if "秒" in text or re.search(r"\bsec", text):
        return SECONDS
    if "小时" in text or "hour" in text or re.search(r"[(（]\s*h\s*[)）]", text):
        return HOURS
    if normalise_header(header) in _HOURS_HEADERS:
        return HOURS
    return None


def parse_minutes(value: Cell, unit: float | None, header: str = "") -> int:
    """Whole minutes of study (seconds dropped) from a cell; OnlineRowError saying why not."""
    if isinstance(value, dt.timedelta):
        minutes = value.total_seconds() / 60
    elif isinstance(value, dt.datetime):  # a duration over a day, as Excel stores [h]:mm:ss
        minutes = (value - dt.datetime(1899, 12, 30)).total_seconds() / 60
    elif isinstance(value, dt.time):
        minutes = value.hour * 60 + value.minute + value.second / 60
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if unit is None:
            raise OnlineRowError("minutes", "duration_unit", value=cell_text(value),
                                 header=header)
        minutes = float(value) * unit
    else:
        minutes = _text_minutes(clean_text(cell_text(value)).lower(), unit, header)
    if not math.isfinite(minutes) or not 0 <= minutes <= MAX_MINUTES:
        raise OnlineRowError("minutes", "duration_range", value=cell_text(value))
    return int(minutes + 1e-9)


def _text_minutes(text: str, unit: float | None, header: str) -> float:
    if text in _ZERO:
        return 0.0
    compact = text.replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        if unit is None:
            raise OnlineRowError("minutes", "duration_unit", value=text, header=header)
        return float(compact) * unit
    clock = _CLOCK.fullmatch(compact)
    if clock:
        h, m, s = clock.group(1), clock.group(2), clock.group(3) or "0"
        return int(h) * 60 + int(m) + float(s) / 60
    parts = _PARTS.fullmatch(compact)
    if parts and any(parts.group(k) for k in "hms"):
        return (float(parts.group("h") or 0) * 60 + float(parts.group("m") or 0)
                + float(parts.group("s") or 0) / 60)
    raise OnlineRowError("minutes", "duration_format", value=text)


@dataclass(frozen=True)
class OnlineHoursEntry:
    """A trainee's minutes in the file (rows summed) beside what was recorded before."""
    trainee_id: int
    name: str
    rows: tuple[int, ...]
    minutes: int
    previous: int | None  # None: nothing recorded yet
    seen_version: int  # 0: nothing recorded yet


@dataclass(frozen=True)
class OnlineHoursPreview:
    path: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    unit_note: str  # where the unit came from: the header's (小时) or the cells
    cohort_id: int
    entries: tuple[OnlineHoursEntry, ...]
    rejected: tuple[RejectedRow, ...]
    organization_id: int
    skipped_rows: tuple[int, ...] = field(default=())

    @property
    def changed(self) -> tuple[OnlineHoursEntry, ...]:
        return tuple(e for e in self.entries if e.previous not in (None, e.minutes))


def _header(table) -> tuple[int, dict[int, str]]:
    best, best_map = None, {}
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        for col, value in enumerate(row):
            name = _INDEX.get(normalise_header(value)) if value is not None else None
            if name and name not in mapping.values():
                mapping[col] = name
        if "minutes" in mapping.values() and len(mapping) >= 2 and len(mapping) > len(best_map):
            best, best_map = index, mapping
    if best is None:
        raise ImportFileError("no_header", rows=HEADER_SEARCH_ROWS,
                              example="姓名、身份证号、学习时长（分钟）",
                              sheets="、".join(table.sheet_names))
    return best, best_map


def preview_online_hours(uow: UnitOfWork, cohort_id: int, path: str | os.PathLike, *,
                         sheet: str | int | None = None) -> OnlineHoursPreview:
    """Reads and matches the platform's export for the class; writes nothing."""
    table = read_table(path, sheet)
    if not any(any(c is not None and cell_text(c).strip() for c in r) for r in table.rows):
        raise ImportFileError("empty", path=table.path)
    header_index, mapping = _header(table)
    headers = tuple(cell_text(c) for c in table.rows[header_index])
    columns = {f: c for c, f in mapping.items()}
    time_header = headers[columns["minutes"]]
    unit = header_unit(time_header)
    rejected: list[RejectedRow] = []
    skipped: list[int] = []
    found: dict[int, list] = {}  # trainee id → [name, rows, minutes]
    with uow:
        roster = ClassRoster(uow, cohort_id)
        recorded = online_versions(uow, cohort_id)
        for index in range(header_index + 1, len(table.rows)):
            cells, row_no = table.rows[index], index + 1
            if not any(c is not None and cell_text(c).strip() for c in cells):
                skipped.append(row_no)
                continue
            get = {f: (cells[c] if c < len(cells) else None) for f, c in columns.items()}
            try:
                minutes = parse_minutes(get["minutes"], unit, time_header)
                member = roster.match(cell_text(get.get("id_number")),
                                      cell_text(get.get("name")))
            except InvalidInput as exc:
                rejected.append(_rejection(row_no, cells, exc.errors, columns, headers))
                continue
            entry = found.setdefault(member.trainee_id, [member.name, [], 0])
            entry[1].append(row_no)
            entry[2] += minutes
        entries = tuple(OnlineHoursEntry(
            tid, name, tuple(rows), minutes, recorded.get(tid, (None, 0))[0],
            recorded.get(tid, (None, 0))[1]) for tid, (name, rows, minutes) in found.items())
        zh = language() == "zh"
        note = (f"“{time_header}”" + ("：单位见各单元格" if unit is None else "")) if zh else (
            f"“{time_header}”" + (": units in the cells" if unit is None else ""))
        return OnlineHoursPreview(table.path, table.sheet, header_index + 1, headers, note,
                                  cohort_id, entries, tuple(rejected), uow.organization_id,
                                  tuple(skipped))


def _rejection(row_no: int, cells, errors, columns: dict[str, int],
               headers: tuple[str, ...]) -> RejectedRow:
    problems = []
    for error in errors:
        column = columns.get(error.field)
        if column is None and error.field in ("name", "id_number"):
            column = columns.get("id_number", columns.get("name"))
        problems.append(Problem(row_no, column, headers[column] if column is not None
                                and column < len(headers) else "", error))
    return RejectedRow(row_no, tuple(cells), tuple(problems))


def run_online_hours(uow: UnitOfWork, preview: OnlineHoursPreview) -> int:
    """Records the preview's minutes in one transaction (replacing what was recorded);
    StaleEditError when someone recorded a trainee's minutes since the preview."""
    with uow:
        uow.use_organization(preview.organization_id)
        return record_online_minutes(
            uow, preview.cohort_id,
            [OnlineMinutes(e.trainee_id, e.minutes, e.seen_version) for e in preview.entries],
            source=Path(preview.path).name)


__all__ = ["header_unit", "parse_minutes", "preview_online_hours", "run_online_hours",
           "OnlineHoursPreview", "OnlineHoursEntry", "ValidationError"]
