"""Lessons that left a calendar (revision 0014), in their own module to keep models.py readable;
imported by models.py, so `from trainer.db.models import LessonDeparture` works as for every
other table.

A lecturer's or an enterprise's calendar file (io/ics.py) must tell their calendar program about
a lesson it no longer holds — deleted, or given to another lecturer, or moved to another
enterprise's workshop — or the phone keeps showing it. The lesson row is gone or belongs to
someone else by then, so its last times are kept here, written in the same transaction as the
change (services/lesson_departures.py), and sent as STATUS:CANCELLED with the lesson's UID and a
SEQUENCE above any the holder was sent."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from trainer.db.base import Base, utcnow

Str = String


class LessonDeparture(Base):
    """Lesson `lesson_id` left the calendar of `holder_kind` ('lecturer' / 'enterprise')
    `holder_id` at `departed_at` because of `reason` ('deleted' / 'reassigned' / 'moved').
    One row per lesson and holder (a lesson that comes back to the holder drops its row)."""
    __tablename__ = "lesson_departures"
    __table_args__ = (UniqueConstraint("lesson_id", "holder_kind", "holder_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    lesson_id: Mapped[int] = mapped_column(Integer, index=True)  # no key: the lesson may be gone
    holder_kind: Mapped[str] = mapped_column(Str(12))
    holder_id: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    summary: Mapped[str] = mapped_column(Str(250), default="")
    sequence: Mapped[int] = mapped_column(Integer)  # the SEQUENCE the cancellation is sent with
    reason: Mapped[str] = mapped_column(Str(12))
    departed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
