"""Attendance by code and by signed sheet: scanner mode (`mark_by_code`: a trainee's code or
the tail of their ID number → marked / already marked / not enrolled / unknown / ambiguous), a
sheet typed in (`mark_lesson`: everyone present, then the few late, excused or absent), and one
lesson's roll for the scanner screen. The grid and the cell rules are in
trainer.services.attendance."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from trainer.db.models import Attendance, Cohort, Enrolment, Enterprise, Lesson, Trainee
from trainer.errors import AttendanceError, NotFoundError, StaleCell, StaleCellsError
from trainer.texts import language
from trainer.rules.completion import ACTIVE, CANCELLED_LESSON, LATE, PRESENT, STATUS_LABELS
from trainer.rules.text import clean_code, clean_name
from trainer.security.personal import require_reveal_for_lookup
from trainer.services.attendance import (_ID_TAIL, CellChange, SaveResult, _write,
                                         parse_scan_code, trainee_scan_code)
from trainer.services.schedule_classes import get_class
from trainer.services.schedule_data import ClassRecord
from trainer.services.uow import UnitOfWork


# --- scanner mode and marking by code --------------------------------------------------------

MARKED, ALREADY_MARKED, NOT_ENROLLED, UNKNOWN, AMBIGUOUS = (
    "marked", "already_marked", "not_enrolled", "unknown", "ambiguous")

SCAN_TEXTS: dict[str, tuple[str, str]] = {
    MARKED: ("{name} 已记为{status}", "{name}: marked {status}"),
    "marked_over": ("{name} 已记为{status}（原为{previous}）",
                    "{name}: marked {status} (was {previous})"),
    ALREADY_MARKED: ("{name} 已记录为{status}", "{name} is already marked {status}"),
    NOT_ENROLLED: ("{name} 不在本班", "{name} is not in this class"),
    UNKNOWN: ("找不到“{code}”对应的学员", "No trainee matches “{code}”"),
    AMBIGUOUS: ("“{code}”对应多名学员：{names}，请输入更多位数",
                "“{code}” matches several trainees: {names}; type more characters"),
    "late_minutes": ("迟到 {minutes} 分钟", "late {minutes} min"),
}


@dataclass(frozen=True)
class Match:
    trainee_id: int
    name: str
    enterprise_name: str
    id_tail: str


@dataclass(frozen=True)
class ScanResult:
    """What one scanned or typed code did. `outcome`: marked / already_marked / not_enrolled /
    unknown / ambiguous; `trainee` is set for the first three, `candidates` for ambiguous."""

    outcome: str
    code: str
    lesson_id: int
    trainee: Match | None = None
    status: str | None = None  # the trainee's status for the lesson now
    late_minutes: int = 0
    previous_status: str | None = None
    candidates: tuple[Match, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome in (MARKED, ALREADY_MARKED)

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        zh = lang == "zh"

        def word(status: str | None) -> str:
            if status is None:
                return ""
            text = STATUS_LABELS[status][0 if zh else 1]
            if status == LATE and self.late_minutes:
                text = SCAN_TEXTS["late_minutes"][0 if zh else 1].format(minutes=self.late_minutes)
            return text

        key = self.outcome
        if key == MARKED and self.previous_status and self.previous_status != self.status:
            key = "marked_over"
        names = ("、" if zh else ", ").join(f"{c.name}({c.enterprise_name or c.id_tail})"
                                            for c in self.candidates)
        return SCAN_TEXTS[key][0 if zh else 1].format(
            name=self.trainee.name if self.trainee else "", code=self.code, names=names,
            status=word(self.status), previous=word(self.previous_status))


@dataclass(frozen=True)
class _Member:
    trainee_id: int
    name: str
    id_number: str
    mobile: str
    enterprise_name: str
    active: bool

    def match(self) -> Match:
        return Match(self.trainee_id, self.name, self.enterprise_name, self.id_number[-4:])


class ClassIndex:
    """The people of one class, for finding who a code means."""

    def __init__(self, uow: UnitOfWork, cohort_id: int) -> None:
        self.uow = uow
        self.cohort_id = cohort_id
        self.members = [_Member(t, n, i or "", m or "", e or "", st == ACTIVE)
                        for t, n, i, m, e, st in uow.session.execute(
                            select(Trainee.id, Trainee.name, Trainee.id_number, Trainee.mobile,
                                   Enterprise.name, Enrolment.status)
                            .join(Enrolment, Enrolment.trainee_id == Trainee.id)
                            .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
                            .where(Enrolment.cohort_id == cohort_id)
                            .order_by(Trainee.name_initials, Trainee.id))]
        self.by_id = {m.trainee_id: m for m in self.members}

    def _outsider(self, condition) -> Match | None:
        found = self.uow.session.execute(
            select(Trainee.id, Trainee.name, Trainee.id_number, Enterprise.name)
            .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
            .where(condition, Trainee.organization_id == self.uow.organization_id)).first()
        return Match(found[0], found[1], found[3] or "", (found[2] or "")[-4:]) if found else None

    def resolve(self, text: str, *, active_only: bool = True
                ) -> tuple[str, Match | None, tuple[Match, ...]]:
        """(outcome, match, candidates): outcome is 'found', not_enrolled, unknown or ambiguous.
        `active_only` False also finds those who transferred out or withdrew (for typing in
        old sheets)."""
        code = clean_code(text)
        pool = [m for m in self.members if m.active or not active_only]
        trainee_id = parse_scan_code(code)
        if trainee_id is not None:
            member = self.by_id.get(trainee_id)
            if member is not None and (member.active or not active_only):
                return "found", member.match(), ()
            outsider = member.match() if member else self._outsider(Trainee.id == trainee_id)
            return (NOT_ENROLLED, outsider, ()) if outsider else (UNKNOWN, None, ())
        if len(code) == 18:
            hits = [m for m in pool if m.id_number == code]
            if hits:
                return "found", hits[0].match(), ()
            outsider = self._outsider(Trainee.id_number == code)
            return (NOT_ENROLLED, outsider, ()) if outsider else (UNKNOWN, None, ())
        if code.isdigit() and len(code) == 11 and code.startswith("1"):
            hits = [m for m in pool if m.mobile == code]
            if len(hits) == 1:
                return "found", hits[0].match(), ()
        if _ID_TAIL.fullmatch(code):
            return self._one([m for m in pool if m.id_number.endswith(code)])
        name = clean_name(text)
        return self._one([m for m in pool if m.name == name]) if name else (UNKNOWN, None, ())

    @staticmethod
    def _one(hits: list[_Member]) -> tuple[str, Match | None, tuple[Match, ...]]:
        if len(hits) == 1:
            return "found", hits[0].match(), ()
        if not hits:
            return UNKNOWN, None, ()
        return AMBIGUOUS, None, tuple(m.match() for m in hits)


def _lesson(uow: UnitOfWork, lesson_id: int) -> Lesson:
    row = uow.session.scalar(select(Lesson).join(Cohort, Cohort.id == Lesson.cohort_id).where(
        Lesson.id == lesson_id, Cohort.organization_id == uow.organization_id))
    if row is None:
        raise NotFoundError("lesson", lesson_id)
    if row.status == CANCELLED_LESSON:
        raise AttendanceError("lesson_cancelled", sequence=row.sequence, date=row.date.isoformat())
    if row.date > dt.date.today():  # a sheet typed in before the lesson: a mistake
        raise AttendanceError("lesson_in_future", sequence=row.sequence, date=row.date.isoformat())
    return row


def late_minutes_at(lesson_date: dt.date, start: dt.time, at: dt.datetime | None,
                    grace_minutes: int) -> int:
    """Minutes late for someone signing in at `at` (0: on time, or no time given)."""
    if at is None or at.date() != lesson_date:
        return 0
    minutes = int((at - dt.datetime.combine(lesson_date, start)).total_seconds() // 60)
    return minutes if minutes > grace_minutes else 0


class ScanSession:
    """Scanner mode for one lesson: what `mark_by_code` does, with the lesson, the late grace
    and the class's index read once when the session opens (as the permission to look people
    up by ID number or mobile is checked then), so a scan reads the attendance cell and writes
    it — two statements of its own, besides the write's audit trail and change feed. A code the
    index does not know re-reads the class (someone enrolled at another desk meanwhile); the
    scanner screen opens a new session when the live views say the class or lesson changed."""

    def __init__(self, uow: UnitOfWork, lesson_id: int) -> None:
        from trainer.services.settings import get_setting

        self.uow, self.lesson_id = uow, lesson_id
        with uow:
            require_reveal_for_lookup(uow)  # a code may be a full ID number or mobile
            lesson = _lesson(uow, lesson_id)
            self.cohort_id, self.sequence = lesson.cohort_id, lesson.sequence
            self.date, self.start = lesson.date, lesson.start_time
            self.grace = int(get_setting(uow, "attendance.late_grace_minutes"))
            self.index = ClassIndex(uow, lesson.cohort_id)

    def scan(self, code: str, *, at: dt.datetime | None = None) -> ScanResult:
        """Marks the trainee `code` means present (late, with the minutes, when `at` is later
        than the start plus the grace). Someone already present or late is left as they are
        (already_marked); an absent or excused record becomes present. Strangers and
        ambiguous tails are reported, nothing written."""
        with self.uow:
            outcome, match, candidates = self.index.resolve(code)
            if outcome != "found":  # enrolled at another desk since the session opened?
                self.index = ClassIndex(self.uow, self.cohort_id)
                outcome, match, candidates = self.index.resolve(code)
            if outcome != "found":
                return ScanResult(outcome, code, self.lesson_id, match, candidates=candidates)
            return self._mark(code, match, at)

    def _mark(self, code: str, match: Match, at: dt.datetime | None) -> ScanResult:
        lesson_id, session = self.lesson_id, self.uow.session
        row = session.scalar(select(Attendance).where(
            Attendance.lesson_id == lesson_id, Attendance.trainee_id == match.trainee_id))
        if row is not None and row.status in (PRESENT, LATE):
            return ScanResult(ALREADY_MARKED, code, lesson_id, match, row.status, row.late_minutes,
                              row.status)
        minutes = late_minutes_at(self.date, self.start, at, self.grace)
        status = LATE if minutes else PRESENT
        previous = row.status if row is not None else None
        if row is None:
            session.add(Attendance(lesson_id=lesson_id, trainee_id=match.trainee_id,
                                   status=status, late_minutes=minutes))
        else:
            row.status, row.late_minutes = status, minutes
        try:
            session.flush()
        except IntegrityError as exc:  # another desk recorded this empty cell meanwhile
            raise StaleCellsError("attendance", [StaleCell(
                lesson_id, match.trainee_id, 0, 1, match.name, self.sequence)]) from exc
        return ScanResult(MARKED, code, lesson_id, match, status, minutes, previous)


def mark_by_code(uow: UnitOfWork, lesson_id: int, code: str, *,
                 at: dt.datetime | None = None) -> ScanResult:
    """One scan in a session of its own (ScanSession.scan); a scanner at the door keeps one
    ScanSession for the lesson instead."""
    return ScanSession(uow, lesson_id).scan(code, at=at)


@dataclass(frozen=True)
class MarkResult:
    lesson_id: int
    outcomes: tuple[ScanResult, ...]  # one per code given, in the order given
    filled_present: int  # trainees marked present by all_present
    saved: SaveResult | None = None

    @property
    def problems(self) -> tuple[ScanResult, ...]:
        return tuple(o for o in self.outcomes if not o.ok)


def mark_lesson(uow: UnitOfWork, lesson_id: int, *, all_present: bool = False,
                present: Iterable[str] = (),
                late: Iterable[tuple[str, int]] | Mapping[str, int] = (),
                excused: Iterable[str] = (), absent: Iterable[str] = (),
                note: str = "") -> MarkResult:
    """A signed sheet typed in: `all_present` marks everyone in the class with nothing recorded
    for the lesson present (not those who joined after it); the codes given (scan codes or ID
    tails) set their status, overriding. Codes that match nobody in the class, or several, are
    reported and skipped; the rest is written in one transaction."""
    late_items = list(late.items()) if isinstance(late, Mapping) else list(late)
    wanted = ([(c, PRESENT, 0) for c in present] + [(c, LATE, int(m)) for c, m in late_items]
              + [(c, "excused", 0) for c in excused] + [(c, "absent", 0) for c in absent])
    with uow:
        s = uow.session
        lesson = _lesson(uow, lesson_id)
        index = ClassIndex(uow, lesson.cohort_id)
        current = {a.trainee_id: a for a in s.scalars(select(Attendance).where(
            Attendance.lesson_id == lesson_id))}
        outcomes: list[ScanResult] = []
        changes: dict[int, CellChange] = {}
        for code, status, minutes in wanted:
            outcome, match, candidates = index.resolve(code)
            if outcome != "found":
                outcomes.append(ScanResult(outcome, code, lesson_id, match, candidates=candidates))
                continue
            row = current.get(match.trainee_id)
            previous = row.status if row is not None else None
            same = row is not None and (row.status, row.late_minutes) == (status, minutes)
            outcomes.append(ScanResult(ALREADY_MARKED if same else MARKED, code, lesson_id, match,
                                       status, minutes, previous))
            changes[match.trainee_id] = CellChange(lesson_id, match.trainee_id, status, minutes,
                                                   note or (row.note if row else ""))
        filled = 0
        if all_present:
            joined = dict(s.execute(select(Enrolment.trainee_id, Enrolment.enrolled_on).where(
                Enrolment.cohort_id == lesson.cohort_id, Enrolment.status == ACTIVE)).all())
            for trainee_id, enrolled_on in joined.items():
                if trainee_id not in changes and trainee_id not in current \
                        and enrolled_on <= lesson.date:
                    changes[trainee_id] = CellChange(lesson_id, trainee_id, PRESENT, 0, note)
                    filled += 1
        saved = _write(uow, list(changes.values())) if changes else None
        return MarkResult(lesson_id, tuple(outcomes), filled, saved)


# --- one lesson, for the scanner screen ------------------------------------------------------

@dataclass(frozen=True)
class RollEntry:
    trainee_id: int
    name: str
    enterprise_name: str
    id_tail: str
    code: str
    status: str | None
    late_minutes: int
    note: str
    version: int  # 0: nothing recorded


@dataclass(frozen=True)
class LessonRoll:
    lesson_id: int
    cohort: ClassRecord
    sequence: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str
    entries: tuple[RollEntry, ...]  # active trainees who had joined by the lesson's date

    def count(self, status: str | None) -> int:
        return sum(1 for e in self.entries if e.status == status)


def lesson_roll(uow: UnitOfWork, lesson_id: int) -> LessonRoll:
    """Who is expected at a lesson and what is recorded for each, for the scanner screen's list
    and counters ("signed in 42 of 58")."""
    with uow:
        s = uow.session
        lesson = uow.session.scalar(select(Lesson).join(Cohort, Cohort.id == Lesson.cohort_id)
                                    .where(Lesson.id == lesson_id,
                                           Cohort.organization_id == uow.organization_id))
        if lesson is None:
            raise NotFoundError("lesson", lesson_id)
        info = get_class(uow, lesson.cohort_id)
        records = {a.trainee_id: a for a in s.scalars(select(Attendance).where(
            Attendance.lesson_id == lesson_id))}
        rows = s.execute(
            select(Trainee.id, Trainee.name, Enterprise.name, Trainee.id_number,
                   Enrolment.enrolled_on)
            .join(Enrolment, Enrolment.trainee_id == Trainee.id)
            .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
            .where(Enrolment.cohort_id == lesson.cohort_id, Enrolment.status == ACTIVE)
            .order_by(Enterprise.name, Trainee.name_initials, Trainee.name, Trainee.id)).all()
        entries = []
        for trainee_id, name, enterprise, id_number, enrolled_on in rows:
            rec = records.get(trainee_id)
            if enrolled_on > lesson.date and rec is None:
                continue
            entries.append(RollEntry(trainee_id, name, enterprise or "", (id_number or "")[-4:],
                                     trainee_scan_code(trainee_id), rec.status if rec else None,
                                     rec.late_minutes if rec else 0, rec.note if rec else "",
                                     rec.version if rec else 0))
        return LessonRoll(lesson.id, info, lesson.sequence, lesson.date, lesson.start_time,
                          lesson.end_time, lesson.status, tuple(entries))
