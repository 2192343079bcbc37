"""The office's calendar: overrides of chinesecalendar (CalendarOverride rows — holidays and
adjusted working days of years chinesecalendar does not know yet, or the office's own days off),
and the scheduling settings (day periods, travel gap, days between lessons of a class)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from sqlalchemy import select

from trainer.db.models import CalendarOverride
from trainer.errors import NotFoundError, ValidationError
from trainer.texts import ENTITIES
from trainer.rules import fields
from trainer.rules.calendar import CalendarDay, DayPeriod, WorkingCalendar, day_periods
from trainer.services.common import check_version
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork

ENTITIES.setdefault("calendar_override", ("日历调整", "calendar override"))


@dataclass(frozen=True)
class CalendarOverrideRecord:
    id: int
    version: int
    date: dt.date
    is_working_day: bool
    name: str
    notice_year: int | None = None


@dataclass(frozen=True)
class ScheduleSettings:
    periods: tuple[DayPeriod, ...]
    travel_gap_minutes: int
    class_min_gap_days: int


def _record(row: CalendarOverride) -> CalendarOverrideRecord:
    return CalendarOverrideRecord(row.id, row.version, row.date, row.is_working_day, row.name,
                                  row.notice_year)


def list_overrides(uow: UnitOfWork, start: dt.date | None = None,
                   end: dt.date | None = None) -> list[CalendarOverrideRecord]:
    """The office's overrides, by date; only those from `start` to `end` when given."""
    with uow:
        stmt = select(CalendarOverride).where(
            CalendarOverride.organization_id == uow.organization_id)
        if start is not None:
            stmt = stmt.where(CalendarOverride.date >= start)
        if end is not None:
            stmt = stmt.where(CalendarOverride.date <= end)
        return [_record(r) for r in uow.session.scalars(stmt.order_by(CalendarOverride.date))]


def set_override(uow: UnitOfWork, date: dt.date | str, is_working_day: bool, name: str = "",
                 expected_version: int | None = None, *,
                 force: bool = False) -> CalendarOverrideRecord:
    """Creates the override of `date`, or changes it (optimistic locking on `expected_version`:
    None means the person saw no override of that day, so one another desk made meanwhile is
    not overwritten silently). `force`: the person chose to overwrite whatever is there."""
    check = fields.FieldCheck()
    day = check(fields.date, date, "date", required=True)
    label = check(fields.text, name, "name", max_len=50)
    check.raise_if_any()
    with uow:
        row = uow.session.scalar(select(CalendarOverride).where(
            CalendarOverride.organization_id == uow.organization_id, CalendarOverride.date == day))
        if row is None:
            row = CalendarOverride(organization_id=uow.organization_id, date=day,
                                   is_working_day=bool(is_working_day), name=label)
            uow.session.add(row)
        else:
            if not force:
                check_version(row, 0 if expected_version is None else expected_version,
                              "calendar_override", day.isoformat())
            row.is_working_day, row.name = bool(is_working_day), label
        uow.session.flush()
        return _record(row)


def _span(first: dt.date, last: dt.date | None) -> list[dt.date]:
    last = first if last is None else last
    if last < first:
        raise ValidationError("end_date", "date_order")
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def set_override_range(uow: UnitOfWork, first: dt.date, last: dt.date | None,
                       is_working_day: bool, name: str = "",
                       versions: Mapping[dt.date, int] | None = None, *,
                       force: bool = False) -> list[CalendarOverrideRecord]:
    """Every day from `first` to `last` (None: `first` alone) made a holiday or an adjusted
    working day, in one transaction: all of them or, on a day changed by another desk since
    the person saw it (`versions`: the version of each day they saw; a day missing: no
    override seen), none. `force`: the person chose to overwrite whatever is there."""
    versions = versions or {}
    with uow:
        return [set_override(uow, day, is_working_day, name, versions.get(day), force=force)
                for day in _span(first, last)]


def delete_override_range(uow: UnitOfWork, first: dt.date, last: dt.date | None = None) -> int:
    """The office's overrides from `first` to `last` removed, in one transaction (every day
    must have one); how many."""
    days = _span(first, last)
    with uow:
        for day in days:
            delete_override(uow, day)
    return len(days)


def delete_override(uow: UnitOfWork, date: dt.date | str) -> None:
    day = fields.date(date, "date", required=True)
    with uow:
        row = uow.session.scalar(select(CalendarOverride).where(
            CalendarOverride.organization_id == uow.organization_id, CalendarOverride.date == day))
        if row is None:
            raise NotFoundError("calendar_override", day.isoformat())
        uow.session.delete(row)


def load_calendar(uow: UnitOfWork) -> WorkingCalendar:
    """chinesecalendar (or the statutory days by law, provisional) with this office's
    overrides; the years read from a notice are confirmed."""
    with uow:
        rows = uow.session.execute(select(
            CalendarOverride.date, CalendarOverride.is_working_day, CalendarOverride.name,
            CalendarOverride.notice_year).where(
            CalendarOverride.organization_id == uow.organization_id)).all()
    return WorkingCalendar({d: (bool(w), n or "") for d, w, n, _y in rows},
                           {y for *_rest, y in rows if y is not None})


def provisional_years(uow: UnitOfWork, start: dt.date, end: dt.date) -> tuple[int, ...]:
    """Years from `start` to `end` whose holidays are only computed from the law (neither
    chinesecalendar nor a notice read by the office knows them)."""
    return load_calendar(uow).unknown_years(start, end)


def calendar_days(uow: UnitOfWork, start: dt.date, end: dt.date) -> list[CalendarDay]:
    """Each day from `start` to `end`: working or not, holiday name, year known — for the
    calendar's shading and for the planner's grid."""
    if end < start:
        raise ValidationError("end_date", "date_order")
    calendar = load_calendar(uow)
    return [calendar.day(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)]


def load_settings(uow: UnitOfWork) -> ScheduleSettings:
    with uow:
        return ScheduleSettings(day_periods(get_setting(uow, "schedule.periods")),
                                int(get_setting(uow, "schedule.travel_gap_minutes")),
                                int(get_setting(uow, "schedule.class_min_gap_days")))
