"""Saving the State Council's notice (read by trainer.io.holiday_notice) as the office's
calendar, and what a calendar change breaks: the lessons that now fall on a day off.

A notice is saved as one CalendarOverride per day (holiday or 调休上班, notice_year = the
notice's year), replacing what an earlier reading of the same year's notice saved; the year is
then confirmed (trainer.rules.calendar.WorkingCalendar.notice_years). Saving carries what the
user saw: the versions of the overrides the preview showed (`NoticePreview.seen`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from trainer.db.models import CalendarOverride
from trainer.errors import StaleEditError
from trainer.io.holiday_notice import Notice
from trainer.rules.calendar import CalendarDay
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class NoticePreview:
    notice: Notice
    days: tuple[CalendarDay, ...]  # the year (from the notice's first day) as it will be
    seen: dict[dt.date, int]  # overrides the save replaces: date → version shown
    replaced: int  # how many of them the notice changes


def _rows(uow: UnitOfWork, notice: Notice) -> list[CalendarOverride]:
    dates = [d.date for d in notice.days()]
    return list(uow.session.scalars(select(CalendarOverride).where(
        CalendarOverride.organization_id == uow.organization_id,
        or_(CalendarOverride.notice_year == notice.year, CalendarOverride.date.in_(dates)))
        .order_by(CalendarOverride.date)))


def preview_notice(uow: UnitOfWork, notice: Notice) -> NoticePreview:
    """The year as it will be once the notice is saved (nothing written)."""
    from trainer.rules.calendar import WorkingCalendar
    from trainer.services.schedule_calendar import load_calendar
    with uow:
        rows = _rows(uow, notice)
        seen = {r.date: r.version for r in rows}
        new = {d.date: (d.working, d.name) for d in notice.days()}
        replaced = sum(1 for r in rows if new.get(r.date) != (r.is_working_day, r.name))
    current = load_calendar(uow)
    overrides = {d: o for d, o in current.overrides.items() if d not in seen}
    overrides.update(new)
    calendar = WorkingCalendar(overrides, current.notice_years | {notice.year})
    start = min(dt.date(notice.year, 1, 1), notice.first)
    days = tuple(calendar.day(start + dt.timedelta(days=n))
                 for n in range((dt.date(notice.year, 12, 31) - start).days + 1))
    return NoticePreview(notice, days, seen, replaced)


def save_notice(uow: UnitOfWork, preview: NoticePreview) -> int:
    """Writes the previewed notice in one transaction; StaleEditError when the overrides it
    replaces changed since the preview (nothing written). Returns the number of days saved."""
    notice = preview.notice
    with uow:
        rows = _rows(uow, notice)
        now = {r.date: r.version for r in rows}
        if now != preview.seen:
            date = min(d for d in set(now) | set(preview.seen)
                       if now.get(d) != preview.seen.get(d))
            raise StaleEditError("calendar_override", date.isoformat(),
                                 preview.seen.get(date, 0), now.get(date, 0), None)
        by_date = {r.date: r for r in rows}
        days = notice.days()
        wanted = {d.date for d in days}
        for row in rows:
            if row.date not in wanted:
                uow.session.delete(row)
        for day in days:
            row = by_date.get(day.date)
            if row is None:
                uow.session.add(CalendarOverride(
                    organization_id=uow.organization_id, date=day.date,
                    is_working_day=day.working, name=day.name[:50], notice_year=notice.year))
            else:
                row.is_working_day, row.name = day.working, day.name[:50]
                row.notice_year = notice.year
        uow.session.flush()
    return len(days)


def lessons_on_days_off(uow: UnitOfWork, start: dt.date | None = None,
                        end: dt.date | None = None) -> list:
    """Lessons (LessonRecord, by date) from `start` to `end` that fall on a day off by the
    calendar as it is now — the rule non_working_day decides, so a request that allows
    weekends keeps its Saturday lessons."""
    from trainer.services.schedule import check_schedule, list_lessons
    ids = {i for c in check_schedule(uow, start, end) if c.code == "non_working_day"
           for i in c.lesson_ids}
    if not ids:
        return []
    return [x for x in list_lessons(uow, start, end) if x.id in ids]
