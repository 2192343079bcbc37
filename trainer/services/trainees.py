"""Trainees (学员): the workers who attend. Lists are paged and filtered in SQL because a
province holds up to a million of them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Attendance, Certificate, Enrolment, Enterprise, Trainee
from trainer.messages import TRAINEE_CATEGORIES
from trainer.rules import fields
from trainer.rules.id_number import parse_id_number
from trainer.rules.phone import normalise_mobile
from trainer.rules.pinyin import pinyin_initials
from trainer.services.common import (apply, check_version, count, ensure_unique, filtered,
                                     get_row, page, refuse_if_referenced, search_filter)
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class TraineeForm:
    name: str
    id_number: str = ""
    gender: str = ""
    mobile: str = ""
    enterprise_id: int | None = None
    post: str = ""
    category: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TraineeRecord:
    id: int
    version: int
    name: str
    id_number: str
    gender: str
    birth_date: dt.date | None
    mobile: str
    enterprise_id: int | None
    enterprise_name: str
    post: str
    category: str
    notes: str


_COLUMNS = (Trainee, Enterprise.name)


def _record(row: Trainee, enterprise_name: str | None) -> TraineeRecord:
    return TraineeRecord(row.id, row.version, row.name, row.id_number or "", row.gender,
                         row.birth_date, row.mobile, row.enterprise_id, enterprise_name or "",
                         row.post, row.category, row.notes)


def clean_trainee(form: TraineeForm) -> dict:
    """Validated column values, or InvalidInput listing every bad field (used by imports too)."""
    check = fields.FieldCheck()
    gender = check(fields.gender, form.gender)
    values = {
        "name": check(fields.text, form.name, "person_name", required=True, max_len=50,
                      name=True),
        "gender": gender,
        "mobile": check(fields.optional, normalise_mobile, form.mobile) or "",
        "enterprise_id": form.enterprise_id,
        "post": check(fields.text, form.post, "post", max_len=50),
        "category": check(fields.choice, form.category, "category", TRAINEE_CATEGORIES,
                          default="regular"),
        "notes": check(fields.text, form.notes, "notes", max_len=2000),
        "id_number": None,
        "birth_date": None,
    }
    info = check(fields.optional, parse_id_number, form.id_number, gender or None)
    if info:
        values.update(id_number=info.number, birth_date=info.birth_date,
                      gender=gender or info.gender)
    check.raise_if_any()
    values["name_initials"] = pinyin_initials(values["name"])[:50]
    return values


def _check(uow: UnitOfWork, values: dict, own_id: int | None = None) -> None:
    if values["enterprise_id"] is not None:
        get_row(uow.session, Enterprise, values["enterprise_id"], "enterprise", uow.organization_id)
    if values["id_number"]:
        stmt = select(Trainee.id).where(Trainee.organization_id == uow.organization_id,
                                        Trainee.id_number == values["id_number"])
        ensure_unique(uow.session, stmt if own_id is None else stmt.where(Trainee.id != own_id),
                      "id_number", values["id_number"])


def _query(uow: UnitOfWork, search: str, enterprise_id: int | None):
    stmt = (select(*_COLUMNS).outerjoin(Enterprise, Trainee.enterprise_id == Enterprise.id)
            .where(Trainee.organization_id == uow.organization_id))
    if enterprise_id is not None:
        stmt = stmt.where(Trainee.enterprise_id == enterprise_id)
    return filtered(stmt, search_filter(search, [Trainee.name], Trainee.name_initials,
                                        [Trainee.id_number, Trainee.mobile]))


def list_trainees(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None,
                  limit: int | None = None, offset: int = 0) -> list[TraineeRecord]:
    """In the order of the name index, so a page of a million rows is read from the index."""
    with uow:
        stmt = _query(uow, search, enterprise_id).order_by(Trainee.name, Trainee.id)
        return [_record(t, e) for t, e in uow.session.execute(page(stmt, limit, offset))]


def count_trainees(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None) -> int:
    with uow:
        return count(uow.session, _query(uow, search, enterprise_id))


def get_trainee(uow: UnitOfWork, trainee_id: int) -> TraineeRecord:
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        return _record(row, row.enterprise.name if row.enterprise else None)


def find_trainee_by_id_number(uow: UnitOfWork, id_number: str) -> TraineeRecord | None:
    with uow:
        info = parse_id_number(id_number)
        row = uow.session.scalar(select(Trainee).where(
            Trainee.organization_id == uow.organization_id, Trainee.id_number == info.number))
        return _record(row, row.enterprise.name if row and row.enterprise else None) if row else None


def create_trainee(uow: UnitOfWork, form: TraineeForm) -> TraineeRecord:
    values = clean_trainee(form)
    with uow:
        _check(uow, values)
        row = Trainee(organization_id=uow.organization_id, **values)
        uow.session.add(row)
        uow.session.flush()
        return _record(row, row.enterprise.name if row.enterprise else None)


def update_trainee(uow: UnitOfWork, trainee_id: int, form: TraineeForm,
                   expected_version: int | None) -> TraineeRecord:
    values = clean_trainee(form)
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        check_version(row, expected_version, "trainee", row.name)
        _check(uow, values, row.id)
        apply(row, values)
        uow.session.flush()
        return _record(row, row.enterprise.name if row.enterprise else None)


def delete_trainee(uow: UnitOfWork, trainee_id: int) -> None:
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        refuse_if_referenced(uow.session, "trainee", row.name, [
            ("enrolment", select(Enrolment.id).where(Enrolment.trainee_id == row.id)),
            ("attendance", select(Attendance.id).where(Attendance.trainee_id == row.id)),
            ("certificate", select(Certificate.number).where(Certificate.trainee_id == row.id)),
        ])
        uow.session.delete(row)
