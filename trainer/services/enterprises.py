"""Enterprises and their venues (workshops), plus the union's own training centres."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from trainer.db.models import (Cohort, Course, Enterprise, Lesson, Trainee, TrainingRequest,
                                Venue)
from trainer.errors import TrainerError
from trainer.rules import fields
from trainer.rules.credit_code import normalise_credit_code
from trainer.rules.phone import normalise_phone
from trainer.rules.pinyin import pinyin_initials
from trainer.security.personal import shown
from trainer.services.common import (apply, check_version, count, ensure_unique, filtered,
                                     get_row, page, refuse_if_referenced, search_filter)
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class EnterpriseForm:
    name: str
    credit_code: str = ""
    district: str = ""
    park: str = ""
    industry: str = ""
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    headcount: int | str = 0
    notes: str = ""


@dataclass(frozen=True)
class EnterpriseRecord:
    id: int
    version: int
    name: str
    credit_code: str
    district: str
    park: str
    industry: str
    address: str
    contact_name: str
    contact_phone: str
    headcount: int
    notes: str


@dataclass(frozen=True)
class VenueForm:
    name: str
    enterprise_id: int | None = None  # None: a union training centre
    address: str = ""
    capacity: int | str = 0


@dataclass(frozen=True)
class VenueRecord:
    id: int
    version: int
    name: str
    enterprise_id: int | None
    enterprise_name: str
    address: str
    capacity: int


def _record(row: Enterprise) -> EnterpriseRecord:
    return EnterpriseRecord(row.id, row.version, row.name, row.credit_code or "", row.district,
                            row.park, row.industry, row.address, row.contact_name,
                            row.contact_phone, row.headcount, row.notes)


def clean_enterprise(form: EnterpriseForm) -> dict:
    check = fields.FieldCheck()
    values = {
        "name": check(fields.text, form.name, "name", required=True, max_len=100, name=True),
        "credit_code": check(fields.optional, normalise_credit_code, form.credit_code) or None,
        "district": check(fields.text, form.district, "district", max_len=50),
        "park": check(fields.text, form.park, "park", max_len=100),
        "industry": check(fields.text, form.industry, "industry", max_len=50),
        "address": check(fields.text, form.address, "address", max_len=200),
        "contact_name": check(fields.text, form.contact_name, "contact_name", max_len=50, name=True),
        "contact_phone": check(fields.optional, normalise_phone, form.contact_phone) or "",
        "headcount": check(fields.integer, form.headcount, "headcount", maximum=1_000_000) or 0,
        "notes": check(fields.text, form.notes, "notes", max_len=2000),
    }
    check.raise_if_any()
    values["name_initials"] = pinyin_initials(values["name"])[:100]
    return values


def _check_unique(session: Session, org: int, values: dict, own_id: int | None = None) -> None:
    def others(*conds):
        stmt = select(Enterprise.id).where(Enterprise.organization_id == org, *conds)
        return stmt if own_id is None else stmt.where(Enterprise.id != own_id)

    check = fields.FieldCheck()
    check(ensure_unique, session, others(Enterprise.name == values["name"]), "name", values["name"])
    if values["credit_code"]:
        check(ensure_unique, session, others(Enterprise.credit_code == values["credit_code"]),
              "credit_code", values["credit_code"])
    check.raise_if_any()


def _query(org: int, search: str, district: str | None = None):
    stmt = select(Enterprise).where(Enterprise.organization_id == org)
    if district:
        stmt = stmt.where(Enterprise.district == district)
    cond = search_filter(search, [Enterprise.name, Enterprise.district, Enterprise.park,
                                  Enterprise.contact_name], Enterprise.name_initials,
                         [Enterprise.credit_code])
    return filtered(stmt, cond)


def list_enterprises(uow: UnitOfWork, search: str = "", *, district: str | None = None,
                     limit: int | None = None, offset: int = 0,
                     reveal: bool = False) -> list[EnterpriseRecord]:
    """Contacts' phones masked unless `reveal` (and the acting user may reveal)."""
    with uow:
        stmt = _query(uow.organization_id, search, district).order_by(Enterprise.name_initials,
                                                                      Enterprise.id)
        return [shown(uow, _record(r), reveal)
                for r in uow.session.scalars(page(stmt, limit, offset))]


def count_enterprises(uow: UnitOfWork, search: str = "") -> int:
    with uow:
        return count(uow.session, _query(uow.organization_id, search))


def get_enterprise(uow: UnitOfWork, enterprise_id: int, *,
                   reveal: bool = False) -> EnterpriseRecord:
    """The contact's phone masked unless `reveal` (and the acting user may reveal): a form
    that edits the enterprise asks for it in full."""
    with uow:
        row = get_row(uow.session, Enterprise, enterprise_id, "enterprise", uow.organization_id)
        return shown(uow, _record(row), reveal)


def find_enterprise(uow: UnitOfWork, name: str) -> EnterpriseRecord | None:
    """By exact name (after clean-up), for imports and the command line."""
    with uow:
        row = uow.session.scalar(select(Enterprise).where(
            Enterprise.organization_id == uow.organization_id,
            Enterprise.name == fields.text(name, "enterprise", name=True)))
        return _record(row) if row else None


def create_enterprise(uow: UnitOfWork, form: EnterpriseForm) -> EnterpriseRecord:
    values = clean_enterprise(form)
    with uow:
        org = uow.organization_id
        _check_unique(uow.session, org, values)
        row = Enterprise(organization_id=org, **values)
        uow.session.add(row)
        uow.session.flush()
        return _record(row)


def update_enterprise(uow: UnitOfWork, enterprise_id: int, form: EnterpriseForm,
                      expected_version: int | None, *, force: bool = False) -> EnterpriseRecord:
    values = clean_enterprise(form)
    with uow:
        row = get_row(uow.session, Enterprise, enterprise_id, "enterprise", uow.organization_id)
        check_version(row, expected_version, "enterprise", row.name, force=force)
        _check_unique(uow.session, row.organization_id, values, row.id)
        apply(row, values)
        uow.session.flush()
        return _record(row)


def delete_enterprise(uow: UnitOfWork, enterprise_id: int, expected_version: int | None, *, force: bool = False) -> None:
    """Deletes the enterprise with its unused venues; refused while trainees, requests, classes
    or lessons refer to it."""
    with uow:
        s = uow.session
        row = get_row(s, Enterprise, enterprise_id, "enterprise", uow.organization_id)
        check_version(row, expected_version, "enterprise", row.name, force=force)
        venue_ids = select(Venue.id).where(Venue.enterprise_id == row.id)
        refuse_if_referenced(s, "enterprise", row.name, [
            ("trainee", select(Trainee.name).where(Trainee.enterprise_id == row.id)),
            ("training_request", select(Course.title).join(TrainingRequest).where(
                TrainingRequest.enterprise_id == row.id)),
            ("cohort", select(Cohort.name).where(Cohort.enterprise_id == row.id)),
            ("lesson", select(Lesson.date).where(Lesson.venue_id.in_(venue_ids))),
        ])
        for venue in list(row.venues):
            s.delete(venue)
        s.delete(row)


# --- venues -------------------------------------------------------------------------------

def _venue_record(row: Venue) -> VenueRecord:
    return VenueRecord(row.id, row.version, row.name, row.enterprise_id,
                       row.enterprise.name if row.enterprise else "", row.address, row.capacity)


def _clean_venue(form: VenueForm) -> dict:
    check = fields.FieldCheck()
    values = {
        "name": check(fields.text, form.name, "name", required=True, max_len=100, name=True),
        "enterprise_id": form.enterprise_id,
        "address": check(fields.text, form.address, "address", max_len=200),
        "capacity": check(fields.integer, form.capacity, "capacity", maximum=100_000) or 0,
    }
    check.raise_if_any()
    return values


def _check_venue(session: Session, org: int, values: dict, own_id: int | None = None) -> None:
    if values["enterprise_id"] is not None:
        get_row(session, Enterprise, values["enterprise_id"], "enterprise", org)
    stmt = select(Venue.id).where(Venue.organization_id == org, Venue.name == values["name"],
                                  Venue.enterprise_id.is_(None) if values["enterprise_id"] is None
                                  else Venue.enterprise_id == values["enterprise_id"])
    if own_id is not None:
        stmt = stmt.where(Venue.id != own_id)
    ensure_unique(session, stmt, "name", values["name"])


def list_venues(uow: UnitOfWork, enterprise_id: int | None = None, search: str = "",
                *, training_centres: bool = False) -> list[VenueRecord]:
    """Venues of one enterprise, or the union's training centres, or (neither given) all."""
    with uow:
        stmt = select(Venue).where(Venue.organization_id == uow.organization_id)
        if enterprise_id is not None:
            stmt = stmt.where(Venue.enterprise_id == enterprise_id)
        elif training_centres:
            stmt = stmt.where(Venue.enterprise_id.is_(None))
        stmt = filtered(stmt, search_filter(search, [Venue.name, Venue.address]))
        return [_venue_record(r) for r in uow.session.scalars(stmt.order_by(Venue.name))]


def get_venue(uow: UnitOfWork, venue_id: int) -> VenueRecord:
    with uow:
        return _venue_record(get_row(uow.session, Venue, venue_id, "venue", uow.organization_id))


def create_venue(uow: UnitOfWork, form: VenueForm) -> VenueRecord:
    values = _clean_venue(form)
    with uow:
        _check_venue(uow.session, uow.organization_id, values)
        row = Venue(organization_id=uow.organization_id, **values)
        uow.session.add(row)
        uow.session.flush()
        return _venue_record(row)


def update_venue(uow: UnitOfWork, venue_id: int, form: VenueForm,
                 expected_version: int | None, *, force: bool = False) -> VenueRecord:
    values = _clean_venue(form)
    with uow:
        row = get_row(uow.session, Venue, venue_id, "venue", uow.organization_id)
        check_version(row, expected_version, "venue", row.name, force=force)
        _check_venue(uow.session, row.organization_id, values, row.id)
        apply(row, values)
        uow.session.flush()
        return _venue_record(row)


def delete_venue(uow: UnitOfWork, venue_id: int, expected_version: int | None, *, force: bool = False) -> None:
    with uow:
        row = get_row(uow.session, Venue, venue_id, "venue", uow.organization_id)
        check_version(row, expected_version, "venue", row.name, force=force)
        refuse_if_referenced(uow.session, "venue", row.name, [
            ("lesson", select(Lesson.date).where(Lesson.venue_id == row.id))])
        uow.session.delete(row)


# --- an enterprise saved with its venues, as its form edits them --------------------------------

@dataclass(frozen=True)
class VenueRow:
    """A venue as the enterprise's form lists it: `id` None for a new one; `version` the one
    the person saw."""
    name: str
    address: str = ""
    capacity: int | str = 0
    id: int | None = None
    version: int | None = None


class VenueRowError(TrainerError):
    """A venue row refused, named by its row (0: a venue being removed) so the person finds
    it; `cause` is the refusal."""

    def __init__(self, row: int, name: str, cause: TrainerError) -> None:
        super().__init__(row, name)
        self.row, self.name, self.cause = row, name, cause

    def message(self, lang: str | None = None) -> str:
        return f"{self.row}. {self.name or '—'}: {self.cause.message(lang)}"


def save_enterprise(uow: UnitOfWork, form: EnterpriseForm, venues: Sequence[VenueRow] = (),
                    removed: Sequence[VenueRow] = (), *, enterprise_id: int | None = None,
                    expected_version: int | None = None) -> EnterpriseRecord:
    """The enterprise (new when `enterprise_id` is None; else at `expected_version`, the version
    the form showed) and its venues in one transaction:
    `removed` deleted, then each of `venues` created or updated. A refused venue
    (VenueRowError) leaves the enterprise unchanged too."""
    with uow:
        if enterprise_id is None:
            record = create_enterprise(uow, form)
        else:
            record = update_enterprise(uow, enterprise_id, form, expected_version)
        current = (0, "")
        try:
            for venue in removed:
                current = (0, venue.name)
                delete_venue(uow, venue.id, venue.version)
            for row, venue in enumerate(venues, start=1):
                current = (row, venue.name)
                venue_form = VenueForm(venue.name, record.id, venue.address, venue.capacity)
                if venue.id is None:
                    create_venue(uow, venue_form)
                else:
                    update_venue(uow, venue.id, venue_form, venue.version)
        except TrainerError as exc:
            raise VenueRowError(*current, exc) from exc
        return record
