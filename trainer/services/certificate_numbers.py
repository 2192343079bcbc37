"""Certificate numbers, handed out race-free.

Numbers follow the setting certificate.number_format, by default
`{prefix}-{year}-{theme}-{serial:05d}` → XY-2026-AQ-00001: the office's certificate prefix, the
year of issue, the theme's code and a serial that runs through the office's year.

The serial comes from the office's row in `certificate_counters` for that year. The issuing
transaction takes the row's lock first (an UPDATE), before it reads who already holds a
certificate: a second issuer — another desk, another process — waits for the first to commit
and then sees its certificates, so it neither hands out a serial twice nor issues a second
certificate to the same person. On SQLite the same UPDATE takes the database's write lock."""
from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

import datetime as dt

from trainer.db.models import Certificate, CertificateCounter, Cohort, Organization
from trainer.errors import CertificateError
from trainer.rules.pinyin import pinyin_initials
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork

KIND_CODES = {"completion": "JY", "attendance": "PX"}


def theme_code(theme: str, overrides: dict | None = None) -> str:
    """AQ for 安全生产: the setting certificate.theme_codes, else the first two pinyin initials."""
    if overrides and overrides.get(theme):
        return str(overrides[theme])
    initials = pinyin_initials(theme).upper()
    return initials[:2] or "XX"


def office_prefix(org: Organization) -> str:
    if org.certificate_prefix:
        return org.certificate_prefix
    return (pinyin_initials(org.short_name or org.name).upper() or "ZGH")[:6]


def format_number(fmt: str, *, prefix: str, year: int, theme: str, serial: int, kind: str) -> str:
    try:
        number = fmt.format(prefix=prefix, year=year, theme=theme, serial=serial,
                            kind=KIND_CODES.get(kind, kind))
    except (KeyError, IndexError, ValueError) as exc:
        raise CertificateError("number_format", detail=f"{fmt}: {exc}") from exc
    if not number or len(number) > 40 or ":" in number or "," in number or " " in number:
        raise CertificateError("number_format", detail=f"{fmt} → {number!r}")
    return number


def check_number_format(fmt: str) -> str:
    """Validates a number format before it is stored (it must contain {serial})."""
    if "{serial" not in fmt:
        raise CertificateError("number_format", detail=f"{fmt}: {{serial}}")
    format_number(fmt, prefix="XY", year=2026, theme="AQ", serial=1, kind="completion")
    return fmt


def _highest_serial(session, organization_id: int, year: int) -> int:
    return session.scalar(
        select(func.max(Certificate.serial)).join(Cohort, Cohort.id == Certificate.cohort_id)
        .where(Cohort.organization_id == organization_id,
               Certificate.issued_on >= dt.date(year, 1, 1),
               Certificate.issued_on <= dt.date(year, 12, 31))) or 0


def lock_counter(uow: UnitOfWork, year: int) -> None:
    """Takes the lock of the office's counter for `year` (made when missing) until the
    transaction ends. Call it first thing in an issuing transaction."""
    s = uow.session
    org = uow.organization_id
    row = {"organization_id": org, "year": year,
           "next_serial": _highest_serial(s, org, year) + 1}
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    s.execute(insert(CertificateCounter).values(**row).on_conflict_do_nothing())
    s.execute(update(CertificateCounter)
              .where(CertificateCounter.organization_id == org, CertificateCounter.year == year)
              .values(next_serial=CertificateCounter.next_serial))


def take_serials(uow: UnitOfWork, year: int, count: int) -> range:
    """`count` serials of the office's year, from its (locked) counter."""
    s = uow.session
    where = (CertificateCounter.organization_id == uow.organization_id,
             CertificateCounter.year == year)
    s.execute(update(CertificateCounter).where(*where)
              .values(next_serial=CertificateCounter.next_serial + count))
    end = s.scalar(select(CertificateCounter.next_serial).where(*where))
    return range(end - count, end)


class Numberer:
    """Hands out numbers for one office and year inside one issuing transaction (which has
    called lock_counter)."""

    def __init__(self, uow: UnitOfWork, year: int, expected: int = 1) -> None:
        s = uow.session
        org = s.get(Organization, uow.organization_id)
        self.uow = uow
        self.prefix = office_prefix(org)
        self.year = year
        self.fmt = get_setting(uow, "certificate.number_format")
        self.codes = get_setting(uow, "certificate.theme_codes")
        self.block = max(1, expected)
        self.serials: list[int] = []
        self.given: set[str] = set()  # numbers handed out in this transaction, not yet flushed

    def next(self, theme: str, kind: str) -> tuple[str, int]:
        while True:
            if not self.serials:
                self.serials = list(take_serials(self.uow, self.year, self.block))
                self.block = 1
            serial = self.serials.pop(0)
            number = format_number(self.fmt, prefix=self.prefix, year=self.year,
                                   theme=theme_code(theme, self.codes), serial=serial,
                                   kind=kind)
            with self.uow.session.no_autoflush:  # the new rows go in as one batch
                taken = number in self.given or self.uow.session.scalar(
                    select(Certificate.id).where(Certificate.number == number)) is not None
            if not taken:  # a format without {year} can meet an older number: skip it
                self.given.add(number)
                return number, serial
