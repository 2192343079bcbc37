"""Attendance (签到/考勤): one record per lesson × trainee — present, late (minutes), excused
leave or absent, with a note.

Three ways in, for three ways of working:
- the grid: `load_attendance_grid` gives a class's trainees × lessons in one call, each cell with
  its version; `save_attendance` writes many cells in one transaction and refuses the whole save
  (StaleCellsError, naming the cells) when someone else changed any of them meanwhile;
- the scanner (trainer.services.attendance_marking): `mark_by_code` takes what a barcode scanner or a clerk typed — a trainee's code
  or the tail of their ID number — and says what happened (marked / already marked / not
  enrolled / unknown / ambiguous);
- the sheet (attendance_marking too): `mark_lesson` marks everyone present, then the few late, excused or absent.

A trainee's code (printed as a barcode/QR on the sign-in sheet) is `trainee_scan_code(id)`:
"T" and the trainee's database id in seven digits, T0000123. Typed instead, a trainee is found
by the last 4–6 (or more) characters of the ID number, by the full ID number, by mobile number,
or by exact name — within the lesson's class."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from trainer.db.models import Attendance, Cohort, Enrolment, Enterprise, Lecturer, Lesson, Trainee
from trainer.errors import (AttendanceError, NotFoundError, StaleCell, StaleCellsError,
                            ValidationError)
from trainer.rules import fields
from trainer.rules.completion import (ACTIVE, ATTENDANCE_STATUSES, CANCELLED_LESSON, LATE,
                                      STATUS_LABELS, LessonFact)
from trainer.rules.text import clean_code
from trainer.services.enrolment import load_cohort, transfer_dates
from trainer.services.schedule_classes import get_class
from trainer.services.schedule_data import ClassRecord
from trainer.services.uow import UnitOfWork

SCAN_PREFIX = "T"
_SCAN_CODE = re.compile(r"T(\d{1,10})")
_ID_TAIL = re.compile(r"[0-9]{3,16}[0-9X]")
CHUNK = 500  # ids per IN (…)


def lesson_minutes(day: dt.date, start: dt.time, end: dt.time) -> int:
    return max(0, int((dt.datetime.combine(day, end) - dt.datetime.combine(day, start))
                      .total_seconds() // 60))


def trainee_scan_code(trainee_id: int) -> str:
    """The code printed on the sign-in sheet for a trainee: T0000123."""
    return f"{SCAN_PREFIX}{trainee_id:07d}"


def parse_scan_code(text: str) -> int | None:
    """The trainee id in a scan code (T0000123, t123), or None when `text` is not one."""
    match = _SCAN_CODE.fullmatch(clean_code(text))
    return int(match.group(1)) if match else None


# --- the grid --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GridLesson:
    id: int
    version: int
    sequence: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str
    lecturer_name: str
    recorded: int  # cells recorded for this lesson

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED_LESSON

    @property
    def minutes(self) -> int:
        return lesson_minutes(self.date, self.start_time, self.end_time)

    def fact(self) -> LessonFact:
        return LessonFact(self.id, self.date, self.status, self.minutes, self.recorded > 0)


@dataclass(frozen=True)
class GridTrainee:
    trainee_id: int
    enrolment_id: int
    name: str
    enterprise_name: str
    id_tail: str
    code: str
    category: str
    enrolled_on: dt.date
    status: str  # active / transferred / withdrawn
    left_on: dt.date | None  # transferred: the day they joined the next class


@dataclass(frozen=True)
class GridCell:
    status: str
    late_minutes: int
    note: str
    version: int


@dataclass(frozen=True)
class AttendanceGrid:
    """A class's attendance: rows = trainees, columns = lessons; `cells` maps (lesson id,
    trainee id) to what is recorded (an absent key: nothing recorded yet, version 0)."""

    cohort: ClassRecord
    lessons: tuple[GridLesson, ...]
    trainees: tuple[GridTrainee, ...]
    cells: Mapping[tuple[int, int], GridCell]

    def cell(self, lesson_id: int, trainee_id: int) -> GridCell | None:
        return self.cells.get((lesson_id, trainee_id))

    def version(self, lesson_id: int, trainee_id: int) -> int:
        """What to pass as CellChange.expected_version: 0 for an empty cell."""
        found = self.cells.get((lesson_id, trainee_id))
        return found.version if found else 0

    @staticmethod
    def applicable(lesson: GridLesson, trainee: GridTrainee) -> bool:
        """False where a cell means nothing: a cancelled lesson, or one before the trainee
        joined or after they transferred out (the GUI greys these out)."""
        return (not lesson.cancelled and trainee.enrolled_on <= lesson.date
                and (trainee.left_on is None or lesson.date < trainee.left_on))


def _lessons(uow: UnitOfWork, cohort_id: int) -> list[tuple[Lesson, str | None]]:
    return uow.session.execute(
        select(Lesson, Lecturer.name).outerjoin(Lecturer, Lecturer.id == Lesson.lecturer_id)
        .where(Lesson.cohort_id == cohort_id).order_by(Lesson.sequence, Lesson.id)).all()


def load_attendance_grid(uow: UnitOfWork, cohort_id: int, *,
                         include_inactive: bool = True) -> AttendanceGrid:
    """The whole class in three queries: lessons, enrolled trainees, recorded cells."""
    with uow:
        s = uow.session
        cohort = load_cohort(uow, cohort_id)
        info = get_class(uow, cohort.id)
        lessons = _lessons(uow, cohort_id)
        lesson_ids = [lesson.id for lesson, _ in lessons]
        cells: dict[tuple[int, int], GridCell] = {}
        recorded: dict[int, int] = {}
        if lesson_ids:
            for a in s.scalars(select(Attendance).where(Attendance.lesson_id.in_(
                    select(Lesson.id).where(Lesson.cohort_id == cohort_id)))):
                cells[(a.lesson_id, a.trainee_id)] = GridCell(a.status, a.late_minutes, a.note,
                                                              a.version)
                recorded[a.lesson_id] = recorded.get(a.lesson_id, 0) + 1
        grid_lessons = tuple(GridLesson(
            lesson.id, lesson.version, lesson.sequence, lesson.date, lesson.start_time,
            lesson.end_time, lesson.status, lecturer or "", recorded.get(lesson.id, 0))
            for lesson, lecturer in lessons)
        stmt = (select(Enrolment, Trainee, Enterprise.name)
                .join(Trainee, Trainee.id == Enrolment.trainee_id)
                .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                .where(Enrolment.cohort_id == cohort_id)
                .order_by(Enterprise.name, Trainee.name_initials, Trainee.name, Trainee.id))
        if not include_inactive:
            stmt = stmt.where(Enrolment.status == ACTIVE)
        left = transfer_dates(uow, cohort_id)
        trainees = tuple(GridTrainee(
            t.id, e.id, t.name, ent or "", (t.id_number or "")[-4:], trainee_scan_code(t.id),
            t.category, e.enrolled_on, e.status, left.get(t.id))
            for e, t, ent in s.execute(stmt))
        return AttendanceGrid(info, grid_lessons, trainees, cells)


@dataclass(frozen=True)
class CellChange:
    """One cell to write. `status` None or '' clears the cell. `expected_version`: the cell's
    version when loaded (AttendanceGrid.version: 0 = it was empty); None = do not check."""

    lesson_id: int
    trainee_id: int
    status: str | None
    late_minutes: int | str = 0
    note: str = ""
    expected_version: int | None = None


@dataclass(frozen=True)
class SaveResult:
    created: int
    updated: int
    deleted: int
    unchanged: int
    versions: Mapping[tuple[int, int], int]  # (lesson, trainee) → version now (0: empty)


def _clean_change(change: CellChange) -> tuple[str | None, int, str]:
    check = fields.FieldCheck()
    status = (change.status or "").strip().lower() or None
    if status is not None and status not in ATTENDANCE_STATUSES:
        check.add(ValidationError("status", "choice",
                                         choices=tuple(STATUS_LABELS.values())))
    minutes = check(fields.integer, change.late_minutes, "late_minutes", maximum=600) or 0
    note = check(fields.text, change.note, "notes", max_len=200) or ""
    check.raise_if_any()
    return status, minutes if status == LATE else 0, note


def save_attendance(uow: UnitOfWork, changes: Sequence[CellChange]) -> SaveResult:
    """Writes `changes` in one transaction: all of them, or — on a bad value, a cancelled
    lesson, a trainee not in the class, or any cell changed by someone else since it was loaded
    (StaleCellsError listing every such cell) — none."""
    with uow:
        return _write(uow, changes)


def _write(uow: UnitOfWork, changes: Sequence[CellChange]) -> SaveResult:
    s = uow.session
    cleaned = {}
    for change in changes:  # the last change of a cell wins
        cleaned[(change.lesson_id, change.trainee_id)] = (change, *_clean_change(change))
    lesson_ids = sorted({k[0] for k in cleaned})
    lessons: dict[int, Lesson] = {}
    for start in range(0, len(lesson_ids), CHUNK):
        lessons.update((row.id, row) for row in s.scalars(
            select(Lesson).join(Cohort, Cohort.id == Lesson.cohort_id).where(
                Lesson.id.in_(lesson_ids[start:start + CHUNK]),
                Cohort.organization_id == uow.organization_id)))
    missing = [i for i in lesson_ids if i not in lessons]
    if missing:
        raise NotFoundError("lesson", missing[0])
    enrolled = _enrolled_pairs(uow, {lessons[l].cohort_id for l in lesson_ids},
                               {k[1] for k in cleaned})
    existing = _existing(uow, cleaned)
    stale: list[StaleCell] = []
    for (lesson_id, trainee_id), (change, status, _m, _n) in cleaned.items():
        lesson = lessons[lesson_id]
        if status is not None and lesson.status == CANCELLED_LESSON:
            raise AttendanceError("lesson_cancelled", sequence=lesson.sequence,
                                  date=lesson.date.isoformat())
        if status is not None and lesson.date > dt.date.today():
            raise AttendanceError("lesson_in_future", sequence=lesson.sequence,
                                  date=lesson.date.isoformat())
        if (lesson.cohort_id, trainee_id) not in enrolled:
            trainee = s.get(Trainee, trainee_id)
            raise AttendanceError("not_in_class", trainee=trainee.name if trainee else trainee_id,
                                  cohort=s.get(Cohort, lesson.cohort_id).name)
        row = existing.get((lesson_id, trainee_id))
        actual = row.version if row is not None else 0
        if change.expected_version is not None and change.expected_version != actual:
            stale.append(StaleCell(lesson_id, trainee_id, change.expected_version, actual,
                                   enrolled[(lesson.cohort_id, trainee_id)], lesson.sequence))
    if stale:
        raise StaleCellsError("attendance", stale)
    created = updated = deleted = unchanged = 0
    versions: dict[tuple[int, int], int] = {}
    new_rows = []
    touched = []
    for key, (_change, status, minutes, note) in cleaned.items():
        row = existing.get(key)
        if status is None:
            if row is not None:
                s.delete(row)
                deleted += 1
            else:
                unchanged += 1
            versions[key] = 0
        elif row is None:
            new_rows.append({"lesson_id": key[0], "trainee_id": key[1], "status": status,
                             "late_minutes": minutes, "note": note})
            versions[key] = 1
        elif (row.status, row.late_minutes, row.note) == (status, minutes, note):
            unchanged += 1
            versions[key] = row.version
        else:
            row.status, row.late_minutes, row.note = status, minutes, note
            touched.append((key, row))
            updated += 1
    try:
        for start in range(0, len(new_rows), 1000):
            s.execute(insert(Attendance), new_rows[start:start + 1000])
        s.flush()
    except IntegrityError as exc:  # another desk recorded one of these empty cells meanwhile
        raise StaleCellsError("attendance", [StaleCell(
            r["lesson_id"], r["trainee_id"], 0, 1,
            enrolled[(lessons[r["lesson_id"]].cohort_id, r["trainee_id"])],
            lessons[r["lesson_id"]].sequence) for r in new_rows]) from exc
    created = len(new_rows)
    for key, row in touched:
        versions[key] = row.version
    return SaveResult(created, updated, deleted, unchanged, versions)


def _enrolled_pairs(uow: UnitOfWork, cohort_ids: set[int],
                    trainee_ids: set[int]) -> dict[tuple[int, int], str]:
    """(cohort, trainee) → trainee name, for every enrolment (any status) of these people."""
    out: dict[tuple[int, int], str] = {}
    ids = sorted(trainee_ids)
    for start in range(0, len(ids), CHUNK):
        out.update(((c, t), n) for c, t, n in uow.session.execute(
            select(Enrolment.cohort_id, Enrolment.trainee_id, Trainee.name)
            .join(Trainee, Trainee.id == Enrolment.trainee_id)
            .where(Enrolment.cohort_id.in_(sorted(cohort_ids)),
                   Enrolment.trainee_id.in_(ids[start:start + CHUNK]))))
    return out


def _existing(uow: UnitOfWork,
              keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], Attendance]:
    by_lesson: dict[int, set[int]] = {}
    for lesson_id, trainee_id in keys:
        by_lesson.setdefault(lesson_id, set()).add(trainee_id)
    out: dict[tuple[int, int], Attendance] = {}
    lesson_ids = sorted(by_lesson)
    for start in range(0, len(lesson_ids), CHUNK):
        for row in uow.session.scalars(select(Attendance).where(
                Attendance.lesson_id.in_(lesson_ids[start:start + CHUNK]))):
            if row.trainee_id in by_lesson[row.lesson_id]:
                out[(row.lesson_id, row.trainee_id)] = row
    return out


def lesson_facts(uow: UnitOfWork, cohort_ids: Iterable[int]) -> dict[int, tuple[LessonFact, ...]]:
    """cohort id → its lessons as the completion rule sees them."""
    ids = sorted(set(cohort_ids))
    out: dict[int, list[LessonFact]] = {i: [] for i in ids}
    if not ids:
        return {}
    s = uow.session
    recorded = set(s.scalars(select(Attendance.lesson_id).distinct().join(
        Lesson, Lesson.id == Attendance.lesson_id).where(Lesson.cohort_id.in_(ids))))
    for lesson in s.scalars(select(Lesson).where(Lesson.cohort_id.in_(ids))
                            .order_by(Lesson.cohort_id, Lesson.sequence)):
        out[lesson.cohort_id].append(LessonFact(
            lesson.id, lesson.date, lesson.status,
            lesson_minutes(lesson.date, lesson.start_time, lesson.end_time),
            lesson.id in recorded, bool(lesson.online)))
    return {k: tuple(v) for k, v in out.items()}

