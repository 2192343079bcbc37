"""The lecturers' fee statement of a month: the screen's lessons (services.schedule.list_lessons)
grouped by lecturer, hours × the hourly rate (the lecturer's own, else their category's from
the setting fees.hourly_rate_cents), the tax withheld on labour remuneration (rules/fees.py).
Mobiles masked unless revealed. Drawn by pdf/fees.py."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Lecturer
from trainer.texts import LECTURER_CATEGORIES, pick
from trainer.rules.calendar import minute_of_day
from trainer.rules.fees import fee_cents, withholding_cents
from trainer.rules.phone import mask_mobile
from trainer.services.organizations import office_name
from trainer.services.schedule import list_lessons
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class FeeLesson:
    """A lesson as the statement's detail lists it: `place` the workshop with its enterprise."""
    date: dt.date
    start: dt.time
    end: dt.time
    class_code: str
    course: str
    place: str
    minutes: int


@dataclass(frozen=True)
class FeeLine:
    lecturer_id: int
    name: str
    category: str
    employer: str
    mobile: str
    lessons: tuple[FeeLesson, ...]
    minutes: int
    rate_cents: int
    gross_cents: int
    tax_cents: int

    @property
    def net_cents(self) -> int:
        return self.gross_cents - self.tax_cents


@dataclass(frozen=True)
class FeeStatement:
    office: str
    month: dt.date
    lines: tuple[FeeLine, ...]

    @property
    def totals(self) -> tuple[int, int, int, int]:
        return (sum(l.minutes for l in self.lines), sum(l.gross_cents for l in self.lines),
                sum(l.tax_cents for l in self.lines), sum(l.net_cents for l in self.lines))


def fee_statement(uow: UnitOfWork, month: dt.date, *, reveal: bool = False) -> FeeStatement:
    """Every lecturer with lessons (not cancelled) in the month, with hours, fee and tax; one
    payment per lecturer and month, as labour remuneration is withheld per payment."""
    first = month.replace(day=1)
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    by_lecturer: dict[int, list[FeeLesson]] = {}
    for l in list_lessons(uow, first, last, with_conflicts=False):
        if l.lecturer_id is None:
            continue
        place = " ".join(x for x in (l.venue_enterprise_name, l.venue_name) if x)
        minutes = max(0, minute_of_day(l.end) - minute_of_day(l.start))
        by_lecturer.setdefault(l.lecturer_id, []).append(
            FeeLesson(l.date, l.start, l.end, l.class_code, l.course_title, place, minutes))
    with uow:
        rates = get_setting(uow, "fees.hourly_rate_cents")
        rules = get_setting(uow, "fees.withholding")
        people = list(uow.session.scalars(
            select(Lecturer).where(Lecturer.id.in_(sorted(by_lecturer)))
            .order_by(Lecturer.name_initials, Lecturer.id))) if by_lecturer else []
        lines = []
        for person in people:
            lessons = by_lecturer[person.id]
            rate = person.hourly_fee_cents or int(rates.get(person.category, 0))
            minutes = sum(l.minutes for l in lessons)
            gross = fee_cents(minutes, rate)
            category = pick(LECTURER_CATEGORIES.get(person.category, (person.category,) * 2), "zh")
            mobile = person.mobile if reveal else mask_mobile(person.mobile)
            lines.append(FeeLine(person.id, person.name, category, person.employer, mobile,
                                 tuple(lessons), minutes, rate, gross,
                                 withholding_cents(gross, rules)))
    return FeeStatement(office_name(uow), first, tuple(lines))
