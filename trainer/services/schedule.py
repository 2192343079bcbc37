"""Scheduling use cases: a training request split into classes; lessons listed, added, moved,
changed, locked and deleted — every change judged by the conflict rules (trainer.rules.conflicts)
and refused with a ConflictError unless the caller explicitly allows conflicts; the whole
schedule checked.

Lessons are edited as LessonDrafts: where a lesson goes (class, number, date, start, lecturer,
venue). `save_lessons` judges a batch of drafts against the rest of the schedule in one go and
writes them in one transaction — the calendar's drag and drop saves one, the planner a whole
proposal."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Sequence

from sqlalchemy import func, or_, select

from trainer.db.models import Attendance, Cohort, Lecturer, Lesson, Venue
from trainer.errors import ConflictError, NotFoundError, ValidationError
from trainer.rules import fields
from trainer.rules.calendar import (ScheduleFieldError, minute_of_day, parse_time, period_named,
                                    time_of_minute)
from trainer.rules.conflicts import (Conflict, LessonFacts, OnlineMeeting, check_all,
                                     check_changes)
from trainer.rules.statuses import LessonStatus
from trainer.services.common import check_version, refuse_if_referenced
from trainer.services.lesson_departures import lesson_deleted, lesson_leaving
from trainer.services.schedule_classes import create_classes, get_class, list_classes, split_sizes
from trainer.services.schedule_calendar import load_settings
from trainer.services.schedule_data import (ClassRecord, LessonRecord, ScheduleSnapshot,
                                            facts_of, judged_range_condition, load_classes,
                                            load_snapshot, online_of, range_condition, week_span)
from trainer.services.uow import UnitOfWork

__all__ = ["ClassRecord", "LessonRecord", "LessonDraft", "LessonForm", "split_sizes",
           "create_classes", "list_classes", "get_class", "list_lessons", "get_lesson",
           "preview_lessons", "save_lessons", "add_lesson", "update_lesson", "move_lesson",
           "delete_lesson", "cancel_lesson", "restore_lesson", "set_lesson_locked",
           "check_schedule", "KEEP"]

KEEP = object()  # move_lesson: leave the lecturer / venue as it is



# --- listing and checking ---------------------------------------------------------------------

def _judge(snapshot: ScheduleSnapshot) -> dict[int, list[Conflict]]:
    by_lesson: dict[int, list[Conflict]] = {}
    for conflict in check_all(snapshot.lessons, snapshot.context):
        for lesson_id in conflict.lesson_ids:
            by_lesson.setdefault(lesson_id, []).append(conflict)
    return by_lesson


def list_lessons(uow: UnitOfWork, start: dt.date | None = None, end: dt.date | None = None, *,
                 lecturer_id: int | None = None, enterprise_id: int | None = None,
                 venue_id: int | None = None, class_id: int | None = None,
                 with_conflicts: bool = True) -> list[LessonRecord]:
    """Lessons (not cancelled) from `start` to `end`, by date and time; only a lecturer's, an
    enterprise's (its classes' lessons and lessons in its venues), a venue's or a class's when
    asked. With `with_conflicts` each record carries its conflicts with the whole schedule."""
    with uow:
        snapshot = load_snapshot(uow, judged_range_condition(start, end) if with_conflicts
                                 else range_condition(start, end))
    verdicts = _judge(snapshot) if with_conflicts else {}
    out = []
    for facts in snapshot.lessons:
        if (start and facts.date < start) or (end and facts.date > end):
            continue
        if lecturer_id is not None and facts.lecturer_id != lecturer_id:
            continue
        if enterprise_id is not None and enterprise_id not in (facts.enterprise_id,
                                                               facts.venue_enterprise_id):
            continue
        if venue_id is not None and facts.venue_id != venue_id:
            continue
        if class_id is not None and facts.class_id != class_id:
            continue
        out.append(snapshot.record(facts, verdicts.get(facts.id, ())))
    return out


def get_lesson(uow: UnitOfWork, lesson_id: int) -> LessonRecord:
    """One lesson with its conflicts (cancelled lessons too, without conflicts)."""
    with uow:
        row = _lesson_row(uow, lesson_id)
        snapshot = load_snapshot(uow, judged_range_condition(row.date, row.date)
                                 | (Lesson.id == row.id))
    for facts in snapshot.lessons:
        if facts.id == lesson_id:
            return snapshot.record(facts, _judge(snapshot).get(lesson_id, ()))
    with uow:  # cancelled: not in the snapshot
        snapshot = load_snapshot(uow, Lesson.id == -1, [row.cohort_id])
        cls = snapshot.classes[row.cohort_id]
        venue = snapshot.venues.get(row.venue_id) if row.venue_id else None
        lecturer = snapshot.context.lecturers.get(row.lecturer_id) if row.lecturer_id else None
        facts = facts_of(cls, id=row.id, sequence=row.sequence, date=row.date,
                         start=row.start_time, end=row.end_time, lecturer_id=row.lecturer_id,
                         lecturer_name=lecturer.name if lecturer else "", venue=venue,
                         online=online_of(row))
        return replace(snapshot.record(facts), version=row.version, status=row.status,
                       locked=row.locked)


def check_schedule(uow: UnitOfWork, start: dt.date | None = None,
                   end: dt.date | None = None) -> list[Conflict]:
    """Every conflict in the database involving a lesson from `start` to `end` (all lessons
    when open), in date order. Notices (a year chinesecalendar does not know) are included
    with `blocking` False."""
    snapshot = load_snapshot(uow, judged_range_condition(start, end))
    inside = {x.id for x in snapshot.lessons
              if not ((start and x.date < start) or (end and x.date > end))}
    return [c for c in check_all(snapshot.lessons, snapshot.context)
            if inside.intersection(c.lesson_ids)]


# --- changes ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LessonDraft:
    """Where a lesson goes. `lesson_id` None: a new lesson. `end` None: start + the course's
    lesson length. `sequence` None: the class's next number (new) or unchanged.
    `expected_version`: the version the user saw (optimistic locking). `locked` None: unchanged
    (False for a new lesson). `online`: the meeting of an online lesson (no venue then), None for
    a lesson in a room, KEEP unchanged (a new lesson: in a room)."""
    lesson_id: int | None
    class_id: int
    date: dt.date
    start: dt.time
    lecturer_id: int | None = None
    venue_id: int | None = None
    sequence: int | None = None
    end: dt.time | None = None
    expected_version: int | None = None
    locked: bool | None = None
    online: OnlineMeeting | None | object = KEEP


@dataclass(frozen=True)
class LessonForm:
    """What the lesson form holds. `period` (code or label: 上午 / morning) places the start at
    the period's start; `start` (a time or "HH:MM") gives an irregular time instead."""
    class_id: int
    date: dt.date | str
    period: str = ""
    start: dt.time | str | None = None
    lecturer_id: int | None = None
    venue_id: int | None = None
    sequence: int | str | None = None
    locked: bool = False


def _lesson_row(uow: UnitOfWork, lesson_id: int) -> Lesson:
    row = uow.session.get(Lesson, lesson_id)
    if row is None or uow.session.scalar(select(Cohort.organization_id).where(
            Cohort.id == row.cohort_id)) != uow.organization_id:
        raise NotFoundError("lesson", lesson_id)
    return row


def _draft_from_form(uow: UnitOfWork, form: LessonForm, lesson_id: int | None,
                     expected_version: int | None) -> LessonDraft:
    check = fields.FieldCheck()
    date = check(fields.date, form.date, "date", required=True)
    start = None
    if form.start not in (None, ""):
        start = check(parse_time, form.start, "start")
    elif str(form.period or "").strip():
        periods = load_settings(uow).periods
        period = check(lambda v: period_named(fields.choice(v, "period", _period_choices(periods)),
                                              periods), form.period)
        start = period.start if period else None
    else:
        check.add(ValidationError("period", "required"))
    sequence = check(fields.integer, form.sequence, "sequence", minimum=1, maximum=999)
    check.raise_if_any()
    return LessonDraft(lesson_id, form.class_id, date, start, form.lecturer_id, form.venue_id,
                       sequence or None, None, expected_version, form.locked)


def _period_choices(periods) -> dict[str, tuple[str, str]]:
    from trainer.rules.calendar import PERIOD_LABELS
    return {p.code: PERIOD_LABELS[p.code] for p in periods}


def _check_lesson_version(row: Lesson, expected_version: int | None, force: bool,
                          name: str) -> None:
    """Every change of a lesson carries the version the person saw; only `force` (a person's
    explicit choice to overwrite) skips the check. A missing version is a programming error."""
    check_version(row, expected_version, "lesson", name, force=force)


def _resolve(uow: UnitOfWork, drafts: Sequence[LessonDraft], force: bool = False
             ) -> tuple[list[LessonDraft], dict[int, Lesson]]:
    """Fills sequence, end and lock of each draft; checks versions and references."""
    session, org = uow.session, uow.organization_id
    rows: dict[int, Lesson] = {}
    classes = load_classes(session, org, Cohort.id.in_(sorted({d.class_id for d in drafts})))
    lecturers = set(session.scalars(select(Lecturer.id).where(Lecturer.organization_id == org)))
    venues = set(session.scalars(select(Venue.id).where(Venue.organization_id == org)))
    next_number: dict[int, int] = {}
    resolved = []
    for draft in drafts:
        check = fields.FieldCheck()
        cls = classes.get(draft.class_id)
        if cls is None:
            raise ValidationError("class", "unknown", value=draft.class_id)
        if draft.lecturer_id is not None and draft.lecturer_id not in lecturers:
            check.add(ValidationError("lecturer", "unknown", value=draft.lecturer_id))
        if draft.venue_id is not None and draft.venue_id not in venues:
            check.add(ValidationError("venue", "unknown", value=draft.venue_id))
        row = None
        if draft.lesson_id is not None:
            row = _lesson_row(uow, draft.lesson_id)
            _check_lesson_version(row, draft.expected_version, force,
                                  f"{cls.name} #{row.sequence}")
            if row.cohort_id != draft.class_id:
                check.add(ScheduleFieldError("class", "cannot_change"))
            rows[row.id] = row
        sequence = draft.sequence or (row.sequence if row else None)
        if sequence is None:
            if cls.id not in next_number:
                next_number[cls.id] = (session.scalar(select(func.max(Lesson.sequence)).where(
                    Lesson.cohort_id == cls.id)) or 0) + 1
            sequence, next_number[cls.id] = next_number[cls.id], next_number[cls.id] + 1
        end = draft.end or time_of_minute(minute_of_day(draft.start) + cls.lesson_minutes)
        if end <= draft.start:
            check.add(ScheduleFieldError("start", "too_late", value=f"{draft.start:%H:%M}"))
        online = draft.online if draft.online is not KEEP else (online_of(row) if row else None)
        if online is not None and draft.venue_id is not None:
            check.add(ScheduleFieldError("venue", "online_venue"))
        check.raise_if_any()
        locked = draft.locked if draft.locked is not None else (row.locked if row else False)
        resolved.append(replace(draft, sequence=sequence, end=end, locked=locked, online=online))
    _refuse_duplicate_numbers(session, resolved)
    return resolved, rows


def _refuse_duplicate_numbers(session, drafts: Sequence[LessonDraft]) -> None:
    """Two lessons of a class cannot have one number (moving lessons of the batch is fine)."""
    mine = {d.lesson_id for d in drafts if d.lesson_id is not None}
    wanted = [(d.class_id, d.sequence) for d in drafts]
    if len(set(wanted)) != len(wanted):
        raise ValidationError("sequence", "duplicate", value=max(wanted, key=wanted.count)[1])
    taken = {(c, n): i for c, n, i in session.execute(select(
        Lesson.cohort_id, Lesson.sequence, Lesson.id).where(
        Lesson.cohort_id.in_(sorted({d.class_id for d in drafts}))))}
    for key in wanted:
        if key in taken and taken[key] not in mine:
            raise ValidationError("sequence", "duplicate", value=key[1])


def _neighbourhood(drafts: Sequence[LessonDraft]):
    """Lessons that can conflict with the drafts: same days, the lecturers' weeks, the classes."""
    dates = sorted({d.date for d in drafts})
    first, last = week_span(dates[0], dates[-1])
    lecturers = sorted({d.lecturer_id for d in drafts if d.lecturer_id is not None})
    parts = [Lesson.date.in_(dates), Lesson.cohort_id.in_(sorted({d.class_id for d in drafts}))]
    if lecturers:
        parts.append(Lesson.lecturer_id.in_(lecturers) & Lesson.date.between(first, last))
    return or_(*parts)


def _draft_facts(snapshot: ScheduleSnapshot, drafts: Sequence[LessonDraft],
                 ids: Sequence[int]) -> list[LessonFacts]:
    out = []
    for draft, lesson_id in zip(drafts, ids):
        lecturer = snapshot.context.lecturers.get(draft.lecturer_id) if draft.lecturer_id else None
        out.append(facts_of(
            snapshot.classes[draft.class_id], id=lesson_id, sequence=draft.sequence,
            date=draft.date, start=draft.start, end=draft.end, lecturer_id=draft.lecturer_id,
            lecturer_name=lecturer.name if lecturer else "",
            venue=snapshot.venues.get(draft.venue_id) if draft.venue_id else None,
            online=draft.online))
    return out


def _judge_drafts(uow: UnitOfWork, drafts: Sequence[LessonDraft]
                  ) -> tuple[list[Conflict], ScheduleSnapshot]:
    """The drafts' conflicts with the lessons around them (new lessons numbered -1, -2…)."""
    snapshot = load_snapshot(uow, _neighbourhood(drafts), [d.class_id for d in drafts])
    ids = [d.lesson_id or -n for n, d in enumerate(drafts, 1)]
    changed = _draft_facts(snapshot, drafts, ids)
    return check_changes(changed, snapshot.lessons, snapshot.context), snapshot


def preview_lessons(uow: UnitOfWork, drafts: Sequence[LessonDraft]) -> list[Conflict]:
    """The conflicts the drafts would have, saving nothing (the form and drag-and-drop use it
    while the user hovers). New lessons are numbered -1, -2… in the conflicts."""
    with uow:
        resolved, _rows = _resolve(uow, drafts, force=True)  # nothing written: no version
        return _judge_drafts(uow, resolved)[0]


def save_lessons(uow: UnitOfWork, drafts: Sequence[LessonDraft], *,
                 allow_conflicts: bool = False, force: bool = False) -> list[LessonRecord]:
    """Writes the drafts in one transaction after judging them together against the rest of
    the schedule. Raises ConflictError (nothing saved) when a rule is broken, unless
    `allow_conflicts` (an explicit override by the user). A draft of an existing lesson must
    carry the version the user saw (StaleEditError when it changed since) unless `force` (the
    user chose to overwrite). Returns the saved lessons, in order."""
    if not drafts:
        return []
    with uow:
        session = uow.session
        resolved, rows = _resolve(uow, drafts, force)
        conflicts, snapshot = _judge_drafts(uow, resolved)
        blocking = [c for c in conflicts if c.blocking]
        if blocking and not allow_conflicts:
            raise ConflictError(blocking)
        renumbered = [rows[d.lesson_id] for d in resolved
                      if d.lesson_id is not None and rows[d.lesson_id].sequence != d.sequence]
        if len(renumbered) > 1:  # free the numbers first: a batch may swap two lessons' numbers
            for row in renumbered:
                row.sequence = -row.id
            session.flush()
        saved = []
        for draft in resolved:
            row = rows.get(draft.lesson_id) if draft.lesson_id is not None else None
            if row is None:
                row = Lesson(cohort_id=draft.class_id, status="planned")
                session.add(row)
            else:  # calendars it leaves (another lecturer, workshop) are told (io/ics.py)
                lesson_leaving(uow, row, draft.lecturer_id, draft.venue_id)
            row.sequence, row.date, row.start_time, row.end_time = (
                draft.sequence, draft.date, draft.start, draft.end)
            row.lecturer_id, row.venue_id, row.locked = draft.lecturer_id, draft.venue_id, \
                bool(draft.locked)
            meeting = draft.online
            row.online = meeting is not None
            row.online_platform = meeting.platform if meeting else ""
            row.online_link = meeting.link if meeting else ""
            saved.append(row)
        session.flush()
        # the saved lessons' conflicts, now under their ids: the same judgement, no new query
        final = _draft_facts(snapshot, resolved, [row.id for row in saved])
        verdicts: dict[int, list[Conflict]] = {}
        for conflict in check_changes(final, snapshot.lessons, snapshot.context):
            for lesson_id in conflict.lesson_ids:
                verdicts.setdefault(lesson_id, []).append(conflict)
        return [replace(snapshot.record(facts, verdicts.get(row.id, ())), version=row.version,
                        status=row.status, locked=row.locked)
                for facts, row in zip(final, saved)]


def add_lesson(uow: UnitOfWork, form: LessonForm, *, allow_conflicts: bool = False) -> LessonRecord:
    with uow:
        return save_lessons(uow, [_draft_from_form(uow, form, None, None)],
                            allow_conflicts=allow_conflicts)[0]


def update_lesson(uow: UnitOfWork, lesson_id: int, form: LessonForm,
                  expected_version: int | None, *, force: bool = False,
                  allow_conflicts: bool = False) -> LessonRecord:
    """The lesson saved as `form` says, if it is still at `expected_version` (the version the
    user saw; StaleEditError otherwise). `force`: the user chose to overwrite whatever changed."""
    with uow:
        return save_lessons(uow, [_draft_from_form(uow, form, lesson_id, expected_version)],
                            allow_conflicts=allow_conflicts, force=force)[0]


def move_lesson(uow: UnitOfWork, lesson_id: int, date: dt.date | str, period: str = "", *,
                start: dt.time | str | None = None, lecturer_id=KEEP, venue_id=KEEP,
                expected_version: int | None, force: bool = False,
                allow_conflicts: bool = False) -> LessonRecord:
    """Drag and drop: the lesson to another date and period (or `start` time), optionally to
    another lecturer or venue (KEEP leaves them; None clears). `expected_version` is required
    (None only with `force`)."""
    with uow:
        row = _lesson_row(uow, lesson_id)  # the version is checked in save_lessons
        form = LessonForm(row.cohort_id, date, period, start,
                          row.lecturer_id if lecturer_id is KEEP else lecturer_id,
                          row.venue_id if venue_id is KEEP else venue_id, row.sequence, row.locked)
        return save_lessons(uow, [_draft_from_form(uow, form, lesson_id, expected_version)],
                            allow_conflicts=allow_conflicts, force=force)[0]


def set_lesson_locked(uow: UnitOfWork, lesson_id: int, locked: bool,
                      expected_version: int | None, *, force: bool = False) -> LessonRecord:
    """A locked lesson stays where it is when the planner runs. Not a schedule change: no rules."""
    with uow:
        row = _lesson_row(uow, lesson_id)
        _check_lesson_version(row, expected_version, force, f"#{row.id}")
        row.locked = bool(locked)
        uow.session.flush()
    return get_lesson(uow, lesson_id)


def delete_lesson(uow: UnitOfWork, lesson_id: int, expected_version: int | None, *,
                  force: bool = False) -> None:
    """Refused once attendance was recorded for it (cancel it instead), and when the lesson
    changed since the user saw `expected_version`."""
    with uow:
        row = _lesson_row(uow, lesson_id)
        _check_lesson_version(row, expected_version, force, f"#{row.id}")
        refuse_if_referenced(uow.session, "lesson", f"#{row.id}", [
            ("attendance", select(Attendance.id).where(Attendance.lesson_id == row.id))])
        lesson_deleted(uow, row)  # its calendars send it as cancelled (io/ics.py)
        uow.session.delete(row)


def cancel_lesson(uow: UnitOfWork, lesson_id: int, expected_version: int | None, *,
                  force: bool = False) -> LessonRecord:
    """The lesson will not take place: kept (calendar files send it as cancelled, so a
    lecturer's phone drops it) but takes no lecturer, venue or trainee time any more."""
    with uow:
        row = _lesson_row(uow, lesson_id)
        _check_lesson_version(row, expected_version, force, f"#{row.id}")
        row.status = LessonStatus.cancelled.value
        uow.session.flush()
    return get_lesson(uow, lesson_id)


def restore_lesson(uow: UnitOfWork, lesson_id: int, expected_version: int | None, *,
                   force: bool = False, allow_conflicts: bool = False) -> LessonRecord:
    """A cancelled lesson takes place after all (the undo of a cancellation): planned again
    where it was, judged by the conflict rules like a move (ConflictError: nothing changed)."""
    with uow:
        row = _lesson_row(uow, lesson_id)
        _check_lesson_version(row, expected_version, force, f"#{row.id}")
        row.status = LessonStatus.planned.value
        uow.session.flush()
        draft = LessonDraft(row.id, row.cohort_id, row.date, row.start_time, row.lecturer_id,
                            row.venue_id, row.sequence, row.end_time, row.version, row.locked,
                            online_of(row))
        blocking = [c for c in _judge_drafts(uow, [draft])[0] if c.blocking]
        if blocking and not allow_conflicts:
            raise ConflictError(blocking)
    return get_lesson(uow, lesson_id)
