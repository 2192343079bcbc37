"""What a calendar file (.ics) of a lecturer or an enterprise carries: the screen's lessons
(services.schedule.list_lessons), the cancelled ones too and the ones that left it — deleted,
given to another lecturer, moved to another enterprise's workshop (services.lesson_departures) —
so calendars that imported them drop them, and the enterprises' addresses and contacts for the
events' location and description. Written by io/ics.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from trainer.db.models import Cohort, Enterprise, Lecturer, Lesson, Venue
from trainer.errors import NotFoundError
from trainer.rules.statuses import LessonStatus
from trainer.services.lesson_departures import (ENTERPRISE, LECTURER, DepartureRecord,
                                                list_departures)
from trainer.services.schedule import LessonRecord, get_lesson, list_lessons
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class CalendarLessons:
    name: str                                    # the lecturer's or the enterprise's
    lessons: tuple[LessonRecord, ...]            # planned first, then the cancelled
    departures: tuple[DepartureRecord, ...]      # lessons no longer this lecturer's/enterprise's
    addresses: dict[int, str]                    # enterprise id → address
    contacts: dict[int, tuple[str, str]]         # enterprise id → (contact, phone)


def _enterprise_facts(uow: UnitOfWork) -> tuple[dict[int, str], dict[int, tuple[str, str]]]:
    with uow:
        rows = uow.session.execute(select(
            Enterprise.id, Enterprise.address, Enterprise.contact_name, Enterprise.contact_phone)
            .where(Enterprise.organization_id == uow.organization_id)).all()
    return ({i: a for i, a, _n, _p in rows if a}, {i: (n, p) for i, _a, n, p in rows})


def _cancelled_ids(uow: UnitOfWork, start: dt.date | None, end: dt.date | None, *,
                   lecturer_id: int | None = None, enterprise_id: int | None = None) -> list[int]:
    """The cancelled lessons of the lecturer or the enterprise (its classes' and its venues')."""
    stmt = (select(Lesson.id).join(Cohort, Lesson.cohort_id == Cohort.id)
            .where(Cohort.organization_id == uow.organization_id,
                   Lesson.status == LessonStatus.cancelled))
    if start is not None:
        stmt = stmt.where(Lesson.date >= start)
    if end is not None:
        stmt = stmt.where(Lesson.date <= end)
    if lecturer_id is not None:
        stmt = stmt.where(Lesson.lecturer_id == lecturer_id)
    if enterprise_id is not None:
        venues = select(Venue.id).where(Venue.enterprise_id == enterprise_id)
        stmt = stmt.where(or_(Cohort.enterprise_id == enterprise_id, Lesson.venue_id.in_(venues)))
    with uow:
        return list(uow.session.scalars(stmt.order_by(Lesson.date, Lesson.start_time)))


def calendar_lessons(uow: UnitOfWork, start: dt.date | None, end: dt.date | None, *,
                     lecturer_id: int | None = None,
                     enterprise_id: int | None = None) -> CalendarLessons:
    """The lessons of one lecturer or one enterprise from `start` to `end` (either open)."""
    model, entity, record_id = ((Lecturer, "lecturer", lecturer_id) if lecturer_id is not None
                                else (Enterprise, "enterprise", enterprise_id))
    with uow:
        name = uow.session.scalar(select(model.name).where(
            model.id == record_id, model.organization_id == uow.organization_id))
        if name is None:
            raise NotFoundError(entity, record_id)
    which = dict(lecturer_id=lecturer_id, enterprise_id=enterprise_id)
    lessons = list_lessons(uow, start, end, with_conflicts=False, **which)
    lessons += [get_lesson(uow, i) for i in _cancelled_ids(uow, start, end, **which)]
    holder = (LECTURER, lecturer_id) if lecturer_id is not None else (ENTERPRISE, enterprise_id)
    listed = {lesson.id for lesson in lessons}
    departures = [d for d in list_departures(uow, holder, start, end) if d.lesson_id not in listed]
    addresses, contacts = _enterprise_facts(uow)
    return CalendarLessons(name, tuple(lessons), tuple(departures), addresses, contacts)
