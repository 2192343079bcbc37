"""What a printed timetable shows: the screen's lessons of a period (services.schedule
.list_lessons — everything, one lecturer's or one enterprise's, found by name), the working-day
calendar of those days, and for a lecturer the workshops they teach in with their contacts.
Drawn by pdf/schedules.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from trainer.db.models import Enterprise, Lecturer, Lesson, Venue
from trainer.errors import ValidationError
from trainer.rules.calendar import CalendarDay
from trainer.rules.phone import mask_mobile
from trainer.services.common import id_by_name
from trainer.services.organizations import office_name
from trainer.services.schedule import LessonRecord, list_lessons
from trainer.services.schedule_calendar import calendar_days
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class Workshop:
    enterprise: str
    venue: str
    address: str
    contact: str
    phone: str
    lessons: int


@dataclass(frozen=True)
class Timetable:
    office: str
    scope: str                       # all / lecturer / enterprise
    scope_name: str
    start: dt.date
    end: dt.date
    days: tuple[CalendarDay, ...]
    lessons: tuple[LessonRecord, ...]
    workshops: tuple[Workshop, ...] = ()
    lecturer_phone: str = ""

    @property
    def themes(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for lesson in self.lessons:
            seen.setdefault(lesson.theme_name, lesson.theme_color)
        return sorted(seen.items())


def _workshops(uow: UnitOfWork, lesson_ids: list[int], reveal: bool) -> tuple[Workshop, ...]:
    if not lesson_ids:
        return ()
    rows = uow.session.execute(
        select(Enterprise.name, Venue.name, Venue.address, Enterprise.address,
               Enterprise.contact_name, Enterprise.contact_phone, func.count(Lesson.id))
        .join(Venue, Venue.id == Lesson.venue_id)
        .outerjoin(Enterprise, Enterprise.id == Venue.enterprise_id)
        .where(Lesson.id.in_(lesson_ids))
        .group_by(Enterprise.name, Venue.name, Venue.address, Enterprise.address,
                  Enterprise.contact_name, Enterprise.contact_phone)
        .order_by(Enterprise.name, Venue.name)).all()
    return tuple(Workshop(ent or "", venue, address or ent_address or "", contact or "",
                          (phone or "") if reveal else mask_mobile(phone or ""), n)
                 for ent, venue, address, ent_address, contact, phone, n in rows)


def load_timetable(uow: UnitOfWork, start: dt.date, end: dt.date, *, lecturer: str | None = None,
                   enterprise: str | None = None, reveal: bool = False) -> Timetable:
    """Lessons from `start` to `end` (all, one lecturer's or one enterprise's, by name), the
    calendar of those days, and for a lecturer the workshops with their contacts (mobiles
    masked unless `reveal`)."""
    if lecturer and enterprise:
        raise ValidationError("lecturer", "choice", choices="--lecturer / --enterprise")
    if end < start:
        raise ValidationError("end_date", "date_order")
    with uow:
        s, org = uow.session, uow.organization_id
        lecturer_id = id_by_name(s, Lecturer, org, lecturer, "lecturer") if lecturer else None
        enterprise_id = id_by_name(s, Enterprise, org, enterprise, "enterprise") \
            if enterprise else None
    lessons = tuple(list_lessons(uow, start, end, lecturer_id=lecturer_id,
                                 enterprise_id=enterprise_id, with_conflicts=False))
    days = tuple(calendar_days(uow, start, end))
    scope, name, shops, phone = "all", "", (), ""
    with uow:
        if lecturer_id is not None:
            row = uow.session.get(Lecturer, lecturer_id)
            scope, name = "lecturer", row.name
            phone = row.mobile if reveal else mask_mobile(row.mobile)
            shops = _workshops(uow, [l.id for l in lessons], reveal)
        elif enterprise_id is not None:
            scope, name = "enterprise", uow.session.get(Enterprise, enterprise_id).name
    return Timetable(office_name(uow), scope, name, start, end, days, lessons, shops, phone)
