"""Lessons that left a calendar (revision 0014, db/calendar_models.py): written by the schedule
services in the transaction that deletes a lesson, gives it to another lecturer or moves it to
another enterprise's workshop; read by the calendar files (services/reports/lesson_calendar.py),
which send them as STATUS:CANCELLED to the lecturer or enterprise that had them.

A holder is ('lecturer', id) or ('enterprise', id): the lesson's lecturer, its class's enterprise
and its venue's enterprise — the calendars io/ics.py writes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Cohort, Course, Lesson, LessonDeparture, Venue
from trainer.services.uow import UnitOfWork

LECTURER, ENTERPRISE = "lecturer", "enterprise"
Holder = tuple[str, int]


@dataclass(frozen=True)
class DepartureRecord:
    lesson_id: int
    date: dt.date
    start: dt.time
    end: dt.time
    summary: str        # course · class, as the event had it
    sequence: int       # above every SEQUENCE the holder was sent for this lesson
    reason: str         # deleted / reassigned / moved
    departed_at: dt.datetime


def holders(session, row: Lesson, lecturer_id: int | None, venue_id: int | None) -> set[Holder]:
    """The calendars lesson `row` is in with this lecturer and venue."""
    found: set[Holder] = {(LECTURER, lecturer_id)} if lecturer_id is not None else set()
    enterprise = session.scalar(select(Cohort.enterprise_id).where(Cohort.id == row.cohort_id))
    if venue_id is not None:
        found |= {(ENTERPRISE, e) for e in session.scalars(
            select(Venue.enterprise_id).where(Venue.id == venue_id)) if e is not None}
    if enterprise is not None:
        found.add((ENTERPRISE, enterprise))
    return found


def _summary(session, row: Lesson) -> str:
    title, name = session.execute(select(Course.title, Cohort.name).join(
        Cohort, Cohort.course_id == Course.id).where(Cohort.id == row.cohort_id)).one()
    return f"{title} · {name}"  # io/ics.py's summary of a lesson


def record_departures(uow: UnitOfWork, row: Lesson, gone: set[Holder],
                      reason: str | None = None) -> None:
    """Lesson `row` (still at its old times) leaves the calendars `gone`, in the caller's
    transaction. Its SEQUENCE there is one above the version they last saw. `reason` None: a
    lecturer's lesson was 'reassigned', an enterprise's 'moved' (to another's workshop)."""
    if not gone:
        return
    session = uow.session
    forget(uow, row.id, gone)
    summary = _summary(session, row)
    for kind, holder_id in sorted(gone):
        why = reason or ("reassigned" if kind == LECTURER else "moved")
        session.add(LessonDeparture(
            organization_id=uow.organization_id, lesson_id=row.id, holder_kind=kind,
            holder_id=holder_id, date=row.date, start_time=row.start_time,
            end_time=row.end_time, summary=summary, sequence=row.version + 1, reason=why))
    session.flush()


def lesson_leaving(uow: UnitOfWork, row: Lesson, lecturer_id: int | None,
                   venue_id: int | None) -> None:
    """Lesson `row` is about to get this lecturer and venue: the calendars it leaves get a
    departure, the ones it (re)joins lose theirs. Call before changing the row."""
    session = uow.session
    before = holders(session, row, row.lecturer_id, row.venue_id)
    after = holders(session, row, lecturer_id, venue_id)
    record_departures(uow, row, before - after)
    forget(uow, row.id, after)


def lesson_deleted(uow: UnitOfWork, row: Lesson) -> None:
    """Lesson `row` is about to be deleted: every calendar it is in gets a departure."""
    record_departures(uow, row, holders(uow.session, row, row.lecturer_id, row.venue_id),
                      "deleted")


def forget(uow: UnitOfWork, lesson_id: int, back: set[Holder]) -> None:
    """Lesson `lesson_id` is (again) in the calendars `back`: no departure is sent there."""
    session = uow.session
    for kind, holder_id in back:
        for row in session.scalars(select(LessonDeparture).where(
                LessonDeparture.lesson_id == lesson_id, LessonDeparture.holder_kind == kind,
                LessonDeparture.holder_id == holder_id)):
            session.delete(row)
    session.flush()


def list_departures(uow: UnitOfWork, holder: Holder, start: dt.date | None = None,
                    end: dt.date | None = None) -> list[DepartureRecord]:
    """The lessons that left `holder`'s calendar, dated from `start` to `end` (either open)."""
    stmt = select(LessonDeparture).where(
        LessonDeparture.organization_id == uow.organization_id,
        LessonDeparture.holder_kind == holder[0], LessonDeparture.holder_id == holder[1])
    if start is not None:
        stmt = stmt.where(LessonDeparture.date >= start)
    if end is not None:
        stmt = stmt.where(LessonDeparture.date <= end)
    with uow:
        rows = uow.session.scalars(stmt.order_by(LessonDeparture.date,
                                                 LessonDeparture.start_time))
        return [DepartureRecord(r.lesson_id, r.date, r.start_time, r.end_time, r.summary,
                                r.sequence, r.reason, r.departed_at) for r in rows]
