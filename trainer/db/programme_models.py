"""Open-recruitment programmes (issue 16, revision 0011), in their own module to keep
models.py readable; imported by models.py, so `from trainer.db.models import Programme` works
as for every other table."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from trainer.db.base import Base, Versioned

Str = String


class Programme(Versioned, Base):
    """An open-recruitment plan (培训项目, revision 0011): recurring classes of one course per
    level at a venue, no enterprise — start month, months, classes a month, class size, who may
    apply. Its classes are Cohorts with `programme_id` set."""
    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(Str(100))
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    start_month: Mapped[dt.date] = mapped_column(Date)  # the first day of the first month
    months: Mapped[int] = mapped_column(Integer)
    classes_per_month: Mapped[int] = mapped_column(Integer)
    class_size: Mapped[int] = mapped_column(Integer)
    eligible_categories: Mapped[str] = mapped_column(Str(200), default="")
    status: Mapped[str] = mapped_column(Str(12), default="planned")
    notes: Mapped[str] = mapped_column(Text, default="")


class ProgrammeLevel(Versioned, Base):
    """A level a programme offers (初级, 等级提升…): its course, its classes a month, the
    exam's pass mark for it and the grade its certificate shows when passed."""
    __tablename__ = "programme_levels"
    __table_args__ = (UniqueConstraint("programme_id", "level"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"),
                                              index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)  # 1: the newcomers' level
    level: Mapped[str] = mapped_column(Str(20))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    classes_per_month: Mapped[int] = mapped_column(Integer)
    pass_mark: Mapped[int | None] = mapped_column(Integer)  # None: the course's
    grade: Mapped[str] = mapped_column(Str(20), default="")  # "": the level's name
