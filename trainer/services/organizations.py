"""The union office (工会) whose name prints on certificates."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import Organization
from trainer.rules import fields
from trainer.services.common import ensure_unique
from trainer.services.courses import create_default_themes
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class OrganizationRecord:
    id: int
    version: int
    name: str
    short_name: str
    address: str
    phone: str
    certificate_prefix: str


def _record(row: Organization) -> OrganizationRecord:
    return OrganizationRecord(row.id, row.version, row.name, row.short_name, row.address,
                              row.phone, row.certificate_prefix)


def list_organizations(uow: UnitOfWork) -> list[OrganizationRecord]:
    with uow:
        return [_record(r) for r in uow.session.scalars(select(Organization).order_by(Organization.id))]


def create_organization(uow: UnitOfWork, name: str, short_name: str = "",
                        certificate_prefix: str = "") -> OrganizationRecord:
    """A union office with the four default themes."""
    check = fields.FieldCheck()
    name = check(fields.text, name, "name", required=True, max_len=100, name=True)
    short_name = check(fields.text, short_name, "short_name", max_len=50)
    prefix = check(fields.text, certificate_prefix, "certificate_prefix", max_len=20)
    check.raise_if_any()
    with uow:
        ensure_unique(uow.session, select(Organization.id).where(Organization.name == name),
                      "name", name)
        row = Organization(name=name, short_name=short_name, certificate_prefix=prefix)
        uow.session.add(row)
        uow.session.flush()
        uow.use_organization(row.id)
        create_default_themes(uow)
        return _record(row)


def is_empty(uow: UnitOfWork) -> bool:
    """True when no union office exists yet: the app's first start."""
    with uow:
        return uow.session.scalar(select(Organization.id).limit(1)) is None


def current_organization(uow: UnitOfWork) -> OrganizationRecord | None:
    """The acting office (its name heads every document), None before one exists."""
    with uow:
        row = uow.session.get(Organization, uow.organization_id)
        return _record(row) if row is not None else None


def office_name(uow: UnitOfWork) -> str:
    org = current_organization(uow)
    return org.name if org else ""
