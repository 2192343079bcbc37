"""Lecturers (讲师): category, themes taught, fee and the dates they cannot teach."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from trainer.db.models import Lecturer, LecturerUnavailability, Lesson, Theme
from trainer.errors import ValidationError
from trainer.texts import LECTURER_CATEGORIES
from trainer.rules import fields
from trainer.rules.phone import normalise_mobile
from trainer.rules.pinyin import pinyin_initials
from trainer.security.personal import shown
from trainer.services.common import (apply, check_version, count, ensure_unique, filtered,
                                     get_row, page, refuse_if_referenced, search_filter)
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date
    reason: str = ""


@dataclass(frozen=True)
class LecturerForm:
    name: str
    category: str
    gender: str = ""
    employer: str = ""
    title: str = ""
    mobile: str = ""
    hourly_fee: str | int | Decimal = ""
    theme_ids: tuple[int, ...] = ()
    unavailable: tuple[DateRange, ...] = ()
    max_hours_per_day: int | str = ""
    max_hours_per_week: int | str = ""
    notes: str = ""


@dataclass(frozen=True)
class LecturerRecord:
    id: int
    version: int
    name: str
    category: str
    gender: str
    employer: str
    title: str
    mobile: str
    hourly_fee: Decimal
    theme_ids: tuple[int, ...]
    theme_names: tuple[str, ...]
    unavailable: tuple[DateRange, ...]
    max_hours_per_day: int | None
    max_hours_per_week: int | None
    notes: str


def _record(row: Lecturer) -> LecturerRecord:
    return LecturerRecord(
        row.id, row.version, row.name, row.category, row.gender, row.employer, row.title,
        row.mobile, Decimal(row.hourly_fee_cents) / 100,
        tuple(t.id for t in row.themes), tuple(t.name for t in row.themes),
        tuple(DateRange(u.start_date, u.end_date, u.reason) for u in row.unavailable),
        row.max_hours_per_day, row.max_hours_per_week, row.notes)


def clean_lecturer(form: LecturerForm) -> dict:
    check = fields.FieldCheck()
    values = {
        "name": check(fields.text, form.name, "person_name", required=True, max_len=50,
                      name=True),
        "category": check(fields.choice, form.category, "category", LECTURER_CATEGORIES),
        "gender": check(fields.gender, form.gender),
        "employer": check(fields.text, form.employer, "employer", max_len=100),
        "title": check(fields.text, form.title, "title", max_len=50),
        "mobile": check(fields.optional, normalise_mobile, form.mobile) or "",
        "hourly_fee_cents": check(fields.money_cents, form.hourly_fee, "hourly_fee"),
        "max_hours_per_day": check(fields.integer, form.max_hours_per_day, "max_hours_per_day",
                                   minimum=1, maximum=24),
        "max_hours_per_week": check(fields.integer, form.max_hours_per_week,
                                    "max_hours_per_week", minimum=1, maximum=168),
        "notes": check(fields.text, form.notes, "notes", max_len=2000),
    }
    for span in form.unavailable:
        if span.end < span.start:
            check.add(ValidationError("unavailable_end", "date_order"))
    check.raise_if_any()
    values["name_initials"] = pinyin_initials(values["name"])[:50]
    return values


def _set_children(uow: UnitOfWork, row: Lecturer, form: LecturerForm) -> None:
    themes = list(uow.session.scalars(select(Theme).where(
        Theme.id.in_(form.theme_ids), Theme.organization_id == uow.organization_id)))
    missing = set(form.theme_ids) - {t.id for t in themes}
    if missing:
        raise ValidationError("themes", "unknown", value=", ".join(map(str, sorted(missing))))
    row.themes = sorted(themes, key=lambda t: (t.sort_order, t.id))
    row.unavailable = [LecturerUnavailability(start_date=u.start, end_date=u.end,
                                              reason=fields.text(u.reason, "reason", max_len=200))
                       for u in sorted(form.unavailable, key=lambda u: u.start)]


def _unique(uow: UnitOfWork, values: dict, own_id: int | None = None) -> None:
    stmt = select(Lecturer.id).where(Lecturer.organization_id == uow.organization_id,
                                     Lecturer.name == values["name"],
                                     Lecturer.mobile == values["mobile"])
    ensure_unique(uow.session, stmt if own_id is None else stmt.where(Lecturer.id != own_id),
                  "name", values["name"])


def _query(uow: UnitOfWork, search: str, theme_id: int | None, category: str | None):
    stmt = select(Lecturer).where(Lecturer.organization_id == uow.organization_id)
    if theme_id is not None:
        stmt = stmt.where(Lecturer.themes.any(Theme.id == theme_id))
    if category:
        stmt = stmt.where(Lecturer.category == category)
    return filtered(stmt, search_filter(search, [Lecturer.name, Lecturer.employer,
                                                 Lecturer.title], Lecturer.name_initials,
                                        [Lecturer.mobile]))


def list_lecturers(uow: UnitOfWork, search: str = "", *, theme_id: int | None = None,
                   category: str | None = None, limit: int | None = None,
                   offset: int = 0, reveal: bool = False) -> list[LecturerRecord]:
    """Mobiles masked unless `reveal` (and the acting user may reveal)."""
    with uow:
        stmt = _query(uow, search, theme_id, category).order_by(Lecturer.name_initials, Lecturer.id)
        stmt = page(stmt, limit, offset).options(selectinload(Lecturer.themes),
                                                 selectinload(Lecturer.unavailable))
        return [shown(uow, _record(r), reveal) for r in uow.session.scalars(stmt)]


def count_lecturers(uow: UnitOfWork, search: str = "") -> int:
    with uow:
        return count(uow.session, _query(uow, search, None, None))


def get_lecturer(uow: UnitOfWork, lecturer_id: int, *, reveal: bool = False) -> LecturerRecord:
    """The mobile masked unless `reveal` (and the acting user may reveal): a form that edits
    the lecturer asks for it in full."""
    with uow:
        row = get_row(uow.session, Lecturer, lecturer_id, "lecturer", uow.organization_id)
        return shown(uow, _record(row), reveal)


def create_lecturer(uow: UnitOfWork, form: LecturerForm) -> LecturerRecord:
    values = clean_lecturer(form)
    with uow:
        _unique(uow, values)
        row = Lecturer(organization_id=uow.organization_id, **values)
        _set_children(uow, row, form)
        uow.session.add(row)
        uow.session.flush()
        return _record(row)


def update_lecturer(uow: UnitOfWork, lecturer_id: int, form: LecturerForm,
                    expected_version: int | None, *, force: bool = False) -> LecturerRecord:
    values = clean_lecturer(form)
    with uow:
        row = get_row(uow.session, Lecturer, lecturer_id, "lecturer", uow.organization_id)
        check_version(row, expected_version, "lecturer", row.name, force=force)
        _unique(uow, values, row.id)
        apply(row, values)
        _set_children(uow, row, form)
        uow.session.flush()
        return _record(row)


def delete_lecturer(uow: UnitOfWork, lecturer_id: int, expected_version: int | None, *, force: bool = False) -> None:
    with uow:
        row = get_row(uow.session, Lecturer, lecturer_id, "lecturer", uow.organization_id)
        check_version(row, expected_version, "lecturer", row.name, force=force)
        refuse_if_referenced(uow.session, "lecturer", row.name, [
            ("lesson", select(Lesson.date).where(Lesson.lecturer_id == row.id)
             .order_by(Lesson.date))])
        uow.session.delete(row)


def add_unavailability(uow: UnitOfWork, lecturer_id: int, start: dt.date, end: dt.date,
                       reason: str = "") -> None:
    """Records that the lecturer cannot teach from `start` to `end` (a re-plan around a
    lecturer who is away records why, so the next plan knows it too)."""
    if end < start:
        raise ValidationError("unavailable_end", "date_order")
    text = fields.text(reason, "reason", max_len=200)
    with uow:
        get_row(uow.session, Lecturer, lecturer_id, "lecturer", uow.organization_id)
        uow.session.add(LecturerUnavailability(lecturer_id=lecturer_id, start_date=start,
                                               end_date=end, reason=text))
        uow.session.flush()
