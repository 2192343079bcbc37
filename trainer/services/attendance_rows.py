"""The rows of an attendance file matched to lessons and trainees (io/attendance_io.py reads
the file and the cells; this finds what they name). A row names its lesson by id, or by class
(code or id) with the lesson's number or date, or by a date alone when the trainee has one
lesson that day; its trainee by scan code, ID number (or its tail, within the class) or name
(within the class). What cannot be matched is an AttendanceRowError saying why."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Cohort, Enrolment, Lesson, Trainee
from trainer.errors import ValidationError
from trainer.texts import FIELDS, label, language, pick
from trainer.rules.statuses import LessonStatus
from trainer.rules.text import clean_code, clean_text
from trainer.security.personal import require_reveal_for_lookup
from trainer.services.attendance import parse_scan_code
from trainer.services.attendance_marking import ClassIndex
from trainer.services.uow import UnitOfWork
from trainer.texts import errors as error_texts

IMPORT_LABELS: dict[str, tuple[str, str]] = {  # the import's fields, as its messages name them
    "lesson_id": ("课次ID", "lesson id"), "sequence": ("课次", "lesson number"),
    "cohort": ("班级", "class"), "date": ("日期", "date"), "code": ("签到码", "code"),
    "id_number": ("身份证号", "ID number"), "name": ("姓名", "name"),
    "status": ("考勤", "attendance"), "late_minutes": ("迟到分钟", "minutes late"),
    "note": ("备注", "note"),
}


class AttendanceRowError(ValidationError):
    """A row problem the field rules do not know: which lesson, which trainee."""

    TEXTS = error_texts.ATTENDANCE_ROW_ERROR  # trainer/texts/errors.py

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(self.TEXTS[self.reason], lang).format(**self.params)
        name = label(IMPORT_LABELS if self.field in IMPORT_LABELS else FIELDS, self.field, lang)
        return f"{name}{text}" if lang == "zh" else f"{name[:1].upper()}{name[1:]} {text}"


@dataclass(frozen=True)
class RowRefs:
    """What one row says about its lesson and trainee (texts as typed, stripped)."""
    code: str = ""
    id_number: str = ""
    name: str = ""
    lesson_id: str = ""
    cohort: str = ""
    sequence: int | None = None
    day: dt.date | None = None


def _lesson_on(lessons: list[Lesson], day: dt.date | None, sequence: int | None) -> list[Lesson]:
    if sequence is not None:
        return [l for l in lessons if l.sequence == sequence]
    return [l for l in lessons if l.date == day and l.status != LessonStatus.cancelled]


class RowResolver:
    """Finds lessons and trainees for the rows of one file, caching what it reads. Use inside
    `with uow`."""

    def __init__(self, uow: UnitOfWork, cohort_id: int | None) -> None:
        self.uow, self.s = uow, uow.session
        self.default_cohort = cohort_id
        self.indexes: dict[int, ClassIndex] = {}
        self.lessons: dict[int, list[Lesson]] = {}
        self.cohorts: dict[str, Cohort | None] = {}

    def resolve(self, refs: RowRefs) -> tuple[int, int]:
        """(lesson id, trainee id) the row names, or AttendanceRowError."""
        who_field = next((f for f in ("code", "id_number", "name") if getattr(refs, f)), None)
        if who_field is None:
            raise AttendanceRowError("name", "need_trainee")
        who = getattr(refs, who_field)
        lesson, cohort_id = None, self.default_cohort
        if refs.lesson_id:
            lesson = self._lesson_by_id(refs.lesson_id)
            cohort_id = lesson.cohort_id
        elif refs.cohort:
            cohort = self._cohort(refs.cohort)
            if cohort is None:
                raise AttendanceRowError("cohort", "unknown_class", value=refs.cohort)
            cohort_id = cohort.id
        trainee_id, trainee_name = self._trainee(who_field, who, cohort_id)
        typed_name = clean_text(refs.name)
        if who_field != "name" and typed_name and typed_name.replace(" ", "") != trainee_name:
            raise AttendanceRowError("name", "name_mismatch", value=typed_name,
                                     expected=trainee_name)
        if lesson is None:
            lesson = self._lesson(cohort_id, trainee_id, refs.sequence, refs.day)
        if lesson.status == LessonStatus.cancelled:
            raise AttendanceRowError("lesson_id", "lesson_cancelled", sequence=lesson.sequence,
                                     date=lesson.date.isoformat())
        if trainee_id not in self._index(lesson.cohort_id).by_id:
            raise AttendanceRowError(who_field, "not_in_class", trainee=trainee_name,
                                     cohort=self.s.get(Cohort, lesson.cohort_id).name)
        return lesson.id, trainee_id

    def _trainee(self, who_field: str, who: str, cohort_id: int | None) -> tuple[int, str]:
        if cohort_id is not None:
            outcome, match, candidates = self._index(cohort_id).resolve(who, active_only=False)
            if outcome == "ambiguous":
                raise AttendanceRowError(who_field, "ambiguous_trainee", value=who,
                                         names="、".join(c.name for c in candidates))
            if outcome == "not_enrolled":
                raise AttendanceRowError(who_field, "not_in_class", trainee=match.name,
                                         cohort=self.s.get(Cohort, cohort_id).name)
            if outcome != "found":
                raise AttendanceRowError(who_field, "unknown_trainee", value=who)
            return match.trainee_id, match.name
        found = self._trainee_anywhere(clean_code(who))
        if found is None:
            if who_field == "name" or (parse_scan_code(who) is None
                                       and len(clean_code(who)) != 18):
                raise AttendanceRowError(who_field, "need_class")
            raise AttendanceRowError(who_field, "unknown_trainee", value=who)
        return found

    def _lesson(self, cohort_id: int | None, trainee_id: int, sequence: int | None,
                day: dt.date | None) -> Lesson:
        if cohort_id is not None:
            if sequence is None and day is None:
                raise AttendanceRowError("lesson_id", "need_lesson")
            hits = _lesson_on(self._class_lessons(cohort_id), day, sequence)
        elif day is not None:
            cohorts = list(self.s.scalars(select(Enrolment.cohort_id).where(
                Enrolment.trainee_id == trainee_id)))
            hits = [l for c in cohorts for l in _lesson_on(self._class_lessons(c), day, None)]
        else:
            raise AttendanceRowError("lesson_id", "need_lesson")
        if not hits:
            if sequence is not None:
                raise AttendanceRowError("sequence", "no_lesson", value=sequence)
            raise AttendanceRowError("date", "no_lesson_on_date", date=day.isoformat())
        if len(hits) > 1:
            raise AttendanceRowError("date", "several_lessons", date=day.isoformat(),
                                     lessons=",".join(str(l.id) for l in hits))
        return hits[0]

    def _cohort(self, text: str) -> Cohort | None:
        text = clean_text(text)
        if text not in self.cohorts:
            org = self.uow.organization_id
            row = self.s.scalar(select(Cohort).where(Cohort.organization_id == org,
                                                     Cohort.code == text))
            if row is None and text.isdigit():
                row = self.s.scalar(select(Cohort).where(Cohort.organization_id == org,
                                                         Cohort.id == int(text)))
            self.cohorts[text] = row
        return self.cohorts[text]

    def _class_lessons(self, cohort_id: int) -> list[Lesson]:
        if cohort_id not in self.lessons:
            self.lessons[cohort_id] = list(self.s.scalars(select(Lesson).where(
                Lesson.cohort_id == cohort_id).order_by(Lesson.sequence)))
        return self.lessons[cohort_id]

    def _index(self, cohort_id: int) -> ClassIndex:
        if cohort_id not in self.indexes:
            self.indexes[cohort_id] = ClassIndex(self.uow, cohort_id)
        return self.indexes[cohort_id]

    def _lesson_by_id(self, text: str) -> Lesson:
        text = clean_text(text)
        row = None
        if text.isdigit():
            row = self.s.scalar(select(Lesson).join(Cohort, Cohort.id == Lesson.cohort_id).where(
                Lesson.id == int(text), Cohort.organization_id == self.uow.organization_id))
        if row is None:
            raise AttendanceRowError("lesson_id", "no_lesson", value=text)
        return row

    def _trainee_anywhere(self, code: str) -> tuple[int, str] | None:
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
