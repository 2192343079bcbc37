"""What a timetable shows, read in a few queries: the lessons of a period (for everything, one
lecturer or one enterprise, by name) with their class, course, theme, lecturer and place, the
working-day calendar of the period, and a lecturer's workshops. Drawn by pdf/schedules.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from trainer.db.models import Cohort, Course, Enterprise, Lecturer, Lesson, Theme, Venue
from trainer.errors import NotFoundError, ValidationError
from trainer.pdf.layout import office_name
from trainer.rules.calendar import CalendarDay, WorkingCalendar
from trainer.rules.phone import mask_mobile
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class TimetableLesson:
    id: int
    date: dt.date
    start: dt.time
    end: dt.time
    class_code: str
    class_name: str
    sequence: int
    lesson_count: int
    course_title: str
    theme_name: str
    theme_color: str
    lecturer_id: int | None
    lecturer_name: str
    venue_name: str
    venue_address: str
    enterprise_id: int | None
    enterprise_name: str


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
    lessons: tuple[TimetableLesson, ...]
    workshops: tuple[Workshop, ...] = ()
    lecturer_phone: str = ""

    @property
    def themes(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for lesson in self.lessons:
            seen.setdefault(lesson.theme_name, lesson.theme_color)
        return sorted(seen.items())


def _find(uow: UnitOfWork, model, name: str, entity: str) -> int:
    """An id from an exact name, else a unique substring; refused when ambiguous."""
    s = uow.session
    base = select(model.id, model.name).where(model.organization_id == uow.organization_id)
    exact = s.execute(base.where(model.name == name)).all()
    found = exact or s.execute(base.where(model.name.contains(name, autoescape=True))).all()
    if not found:
        raise NotFoundError(entity, name)
    if len(found) > 1:
        raise ValidationError(entity, "choice", choices="、".join(sorted(r.name for r in found)[:8]))
    return found[0].id


def _calendar(uow: UnitOfWork) -> WorkingCalendar:
    from trainer.services.schedule_calendar import load_calendar
    return load_calendar(uow)


def _lessons(uow: UnitOfWork, start: dt.date, end: dt.date, lecturer_id: int | None,
             enterprise_id: int | None) -> list[TimetableLesson]:
    s = uow.session
    counts = (select(Lesson.cohort_id, func.count().label("n")).where(Lesson.status != "cancelled")
              .group_by(Lesson.cohort_id).subquery())
    owner = Enterprise.__table__.alias("venue_owner")
    stmt = (select(Lesson, Cohort.code, Cohort.name, Cohort.enterprise_id, counts.c.n, Course.title,
                   Theme.name, Theme.color, Lecturer.name, Venue.name, Venue.address,
                   Venue.enterprise_id, Enterprise.name, owner.c.name)
            .join(Cohort, Cohort.id == Lesson.cohort_id)
            .join(Course, Course.id == Cohort.course_id)
            .join(Theme, Theme.id == Course.theme_id)
            .join(counts, counts.c.cohort_id == Cohort.id)
            .outerjoin(Lecturer, Lecturer.id == Lesson.lecturer_id)
            .outerjoin(Venue, Venue.id == Lesson.venue_id)
            .outerjoin(Enterprise, Enterprise.id == Cohort.enterprise_id)
            .outerjoin(owner, owner.c.id == Venue.enterprise_id)
            .where(Cohort.organization_id == uow.organization_id, Lesson.status != "cancelled",
                   Lesson.date >= start, Lesson.date <= end)
            .order_by(Lesson.date, Lesson.start_time, Cohort.code))
    if lecturer_id is not None:
        stmt = stmt.where(Lesson.lecturer_id == lecturer_id)
    out = []
    for (l, code, cname, cohort_ent, n, title, theme, color, lecturer, venue, address, venue_ent,
         ent_name, owner_name) in s.execute(stmt):
        if enterprise_id is not None and enterprise_id not in (cohort_ent, venue_ent):
            continue
        out.append(TimetableLesson(
            l.id, l.date, l.start_time, l.end_time, code, cname, l.sequence, max(n, l.sequence),
            title, theme, color or "#4a90d9", l.lecturer_id, lecturer or "", venue or "",
            address or "", cohort_ent or venue_ent, ent_name or owner_name or ""))
    return out


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
        lecturer_id = _find(uow, Lecturer, lecturer, "lecturer") if lecturer else None
        enterprise_id = _find(uow, Enterprise, enterprise, "enterprise") if enterprise else None
        lessons = _lessons(uow, start, end, lecturer_id, enterprise_id)
        cal = _calendar(uow)
        days = tuple(cal.day(start + dt.timedelta(days=i)) for i in range((end - start).days + 1))
        scope, name, shops, phone = "all", "", (), ""
        if lecturer_id is not None:
            row = uow.session.get(Lecturer, lecturer_id)
            scope, name = "lecturer", row.name
            phone = row.mobile if reveal else mask_mobile(row.mobile)
            shops = _workshops(uow, [l.id for l in lessons], reveal)
        elif enterprise_id is not None:
            scope, name = "enterprise", uow.session.get(Enterprise, enterprise_id).name
        return Timetable(office_name(uow), scope, name, start, end, days, tuple(lessons), shops,
                         phone)
