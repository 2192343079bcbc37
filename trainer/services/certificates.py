"""Certificates: issue for everyone who qualifies in a class, revoke, reissue (history kept),
verify a number and code.

Two kinds: `completion` (结业证书) for trainees who meet the course's completion rule, and
`attendance` (培训证明) stating the hours actually attended, for anyone who attended a lesson.

Numbers follow the setting certificate.number_format, by default
`{prefix}-{year}-{theme}-{serial:05d}` → XY-2026-AQ-00001: the office's certificate prefix, the
year of issue, the theme's code and a serial that runs through the office's year. The
verification code is an HMAC-SHA256 of the certificate's facts under a secret key held in the
database (setting certificate.secret_key, made with `secrets` on first use), 8 characters of an
alphabet without look-alikes: a forged or altered certificate does not have the right code, and
without the key nobody can make one."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import func, select

from trainer.db.base import utcnow
from trainer.db.models import (Certificate, Cohort, Course, Enterprise, Lesson, Organization,
                               Theme, Trainee)
from trainer.errors import CertificateError, NotFoundError, PdfError, ValidationError
from trainer.messages import language, pick
from trainer.rules.pinyin import pinyin_initials
from trainer.services.common import get_row
from trainer.services.settings import get_setting, set_setting
from trainer.services.uow import UnitOfWork

KINDS: dict[str, tuple[str, str]] = {"completion": ("结业证书", "completion certificate"),
                                     "attendance": ("培训证明", "attendance certificate")}
KIND_CODES = {"completion": "JY", "attendance": "PX"}
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
CODE_LENGTH = 8
QR_PREFIX = "CERT"
NUMBER_FIELDS = ("prefix", "year", "theme", "serial", "kind")

TEXTS = {
    "genuine": ("真实有效", "genuine"),
    "revoked": ("已作废", "revoked"),
    "not_genuine": ("不是真实证书", "not genuine"),
    "unknown_number": ("没有这个编号的证书", "no certificate has this number"),
    "code_mismatch": ("验证码不符", "the verification code does not match"),
    "replaced": ("已补发新证 {number}", "reissued as {number}"),
    "no_attendance": ("未参加任何课次", "attended no lesson"),
}


# --- records ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CertificateRecord:
    id: int
    number: str
    verification_code: str
    kind: str
    cohort_id: int
    cohort_code: str
    cohort_name: str
    trainee_id: int
    trainee_name: str
    id_number: str
    enterprise: str
    course: str
    theme: str
    course_hours: int
    attended_minutes: int
    grade: str
    start: dt.date | None
    end: dt.date | None
    issued_on: dt.date
    revoked_at: dt.datetime | None
    revoked_reason: str
    replaced_by_id: int | None

    @property
    def current(self) -> bool:
        return self.revoked_at is None

    @property
    def code_display(self) -> str:
        """ABCD-EFGH: easier to read out and type."""
        return f"{self.verification_code[:4]}-{self.verification_code[4:]}"

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number, self.verification_code)


@dataclass(frozen=True)
class Outcome:
    """How a trainee did in a class: attended minutes and whether the completion rule is met,
    and if not, why (a sentence in the current language)."""

    trainee_id: int
    name: str
    attended_lessons: int
    attended_minutes: int
    completes: bool
    reason: str = ""


@dataclass(frozen=True)
class IssueResult:
    issued: tuple[CertificateRecord, ...]
    already: tuple[CertificateRecord, ...]     # held a current certificate of this kind
    not_eligible: tuple[Outcome, ...]


@dataclass(frozen=True)
class Verification:
    status: str                                  # genuine / revoked / not_genuine
    certificate: CertificateRecord | None
    detail: str = ""                             # code of TEXTS
    replaced_by: str = ""                        # the new number when it was reissued

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(TEXTS[self.status], lang)
        parts = []
        if self.detail:
            parts.append(pick(TEXTS[self.detail], lang))
        if self.replaced_by:
            parts.append(pick(TEXTS["replaced"], lang).format(number=self.replaced_by))
        c = self.certificate
        if c is not None and self.status != "not_genuine":
            kind = pick(KINDS[c.kind], lang)
            if lang == "zh":
                parts.append(f"{kind} {c.number}:{c.trainee_name},{c.course},{c.issued_on.isoformat()} 发证")
            else:
                parts.append(f"{kind} {c.number}: {c.trainee_name}, {c.course}, issued {c.issued_on.isoformat()}")
            if c.revoked_reason and self.status == "revoked":
                parts.append(("作废原因：" if lang == "zh" else "reason: ") + c.revoked_reason)
        sep = "；" if lang == "zh" else "; "
        return text + (("。" if lang == "zh" else ". ") + sep.join(parts) if parts else "")


# --- keys, codes, numbers ----------------------------------------------------------------------

def secret_key(uow: UnitOfWork) -> bytes:
    """The office's HMAC key, made once with `secrets` and kept in the settings table."""
    with uow:
        key = get_setting(uow, "certificate.secret_key")
        if not key:
            key = secrets.token_hex(32)
            set_setting(uow, "certificate.secret_key", key)
        return bytes.fromhex(key)


def _message(number: str, trainee_id: int, cohort_id: int, kind: str, issued_on: dt.date) -> bytes:
    return f"{number}|{trainee_id}|{cohort_id}|{kind}|{issued_on.isoformat()}".encode()


def verification_code(key: bytes, number: str, trainee_id: int, cohort_id: int, kind: str,
                      issued_on: dt.date) -> str:
    """8 characters (40 bits) of the HMAC-SHA256 of the certificate's facts."""
    digest = hmac.new(key, _message(number, trainee_id, cohort_id, kind, issued_on),
                      hashlib.sha256).digest()
    value = int.from_bytes(digest[:5], "big")
    return "".join(CODE_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH)))


def normalise_code(code: str) -> str:
    return re.sub(r"[\s\-]", "", code or "").upper().replace("O", "0").replace("I", "1")


def qr_payload(number: str, code: str) -> str:
    return f"{QR_PREFIX}:{number}:{code}"


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    """(number, code) from a scanned certificate QR code, None for anything else."""
    if not text or not text.startswith(QR_PREFIX + ":"):
        return None
    number, sep, code = text[len(QR_PREFIX) + 1:].rpartition(":")
    return (number, code) if sep and number and code else None


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
    if not number or len(number) > 40 or ":" in number:
        raise CertificateError("number_format", detail=f"{fmt} → {number!r}")
    return number


def check_number_format(fmt: str) -> str:
    """Validates a number format before it is stored (it must contain {serial})."""
    if "{serial" not in fmt:
        raise CertificateError("number_format", detail=f"{fmt}: {{serial}}")
    format_number(fmt, prefix="XY", year=2026, theme="AQ", serial=1, kind="completion")
    return fmt


# --- outcomes: who completes, hours attended --------------------------------------------------

def class_outcomes(uow: UnitOfWork, cohort_id: int, lang: str | None = None) -> list[Outcome]:
    """Every actively enrolled trainee's attendance and completion in the class, by the course's
    completion rule (services.completion: lessons held so far, late counts as present, excused
    leave when the course says so, lessons before joining not counted, transfers kept, the
    assessment when required)."""
    from trainer.rules.completion import ACTIVE
    from trainer.services.completion import class_completion

    lang = lang or language()
    with uow:
        get_row(uow.session, Cohort, cohort_id, "cohort", uow.organization_id)
        completion = class_completion(uow, cohort_id)
    return [Outcome(t.trainee_id, t.name, t.result.present + t.result.late,
                    t.result.attended_minutes, t.completes,
                    "" if t.completes else t.reason(lang))
            for t in completion.trainees if t.enrolment_status == ACTIVE]


def _eligible(outcome: Outcome, kind: str, lang: str) -> tuple[bool, str]:
    if kind == "completion":
        return outcome.completes, outcome.reason
    if outcome.attended_lessons:
        return True, ""
    return False, pick(TEXTS["no_attendance"], lang)


# --- reading ---------------------------------------------------------------------------------

def _select_records():
    first = (select(Lesson.cohort_id, func.min(Lesson.date).label("start"),
                    func.max(Lesson.date).label("end"))
             .where(Lesson.status != "cancelled").group_by(Lesson.cohort_id).subquery())
    return (select(Certificate, Cohort.code, Cohort.name, Trainee.name, Trainee.id_number,
                   Enterprise.name, Course.title, Theme.name, Course.total_hours,
                   first.c.start, first.c.end)
            .join(Cohort, Cohort.id == Certificate.cohort_id)
            .join(Course, Course.id == Cohort.course_id)
            .join(Theme, Theme.id == Course.theme_id)
            .join(Trainee, Trainee.id == Certificate.trainee_id)
            .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
            .outerjoin(first, first.c.cohort_id == Cohort.id))


def _to_record(row) -> CertificateRecord:
    (c, code, cname, tname, idn, ent, course, theme, hours, start, end) = row
    return CertificateRecord(c.id, c.number, c.verification_code, c.kind, c.cohort_id, code, cname,
                             c.trainee_id, tname, idn or "", ent or "", course, theme, hours or 0,
                             c.attended_minutes, c.grade, start, end, c.issued_on, c.revoked_at,
                             c.revoked_reason, c.replaced_by_id)


def list_certificates(uow: UnitOfWork, *, cohort_id: int | None = None,
                      trainee_id: int | None = None, kind: str | None = None,
                      current_only: bool = False) -> list[CertificateRecord]:
    """Certificates of the office (of one class / trainee / kind), in number order."""
    with uow:
        stmt = _select_records().where(Cohort.organization_id == uow.organization_id)
        if cohort_id is not None:
            stmt = stmt.where(Certificate.cohort_id == cohort_id)
        if trainee_id is not None:
            stmt = stmt.where(Certificate.trainee_id == trainee_id)
        if kind is not None:
            stmt = stmt.where(Certificate.kind == kind)
        if current_only:
            stmt = stmt.where(Certificate.revoked_at.is_(None))
        return [_to_record(r) for r in uow.session.execute(stmt.order_by(Certificate.number))]


def get_certificate(uow: UnitOfWork, number: str) -> CertificateRecord:
    number = (number or "").strip().upper()
    with uow:
        row = uow.session.execute(_select_records().where(
            Certificate.number == number, Cohort.organization_id == uow.organization_id)).first()
        if row is None:
            raise NotFoundError("certificate", number)
        return _to_record(row)


# --- issuing ---------------------------------------------------------------------------------

def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", "choice", choices=", ".join(KINDS))


def _next_serial(session, organization_id: int, year: int) -> int:
    last = session.scalar(
        select(func.max(Certificate.serial)).join(Cohort, Cohort.id == Certificate.cohort_id)
        .where(Cohort.organization_id == organization_id,
               Certificate.issued_on >= dt.date(year, 1, 1),
               Certificate.issued_on <= dt.date(year, 12, 31)))
    return (last or 0) + 1


class _Numberer:
    """Hands out numbers for one office and year in one transaction."""

    def __init__(self, uow: UnitOfWork, year: int) -> None:
        s = uow.session
        org = s.get(Organization, uow.organization_id)
        self.session = s
        self.prefix = office_prefix(org)
        self.year = year
        self.fmt = get_setting(uow, "certificate.number_format")
        self.codes = get_setting(uow, "certificate.theme_codes")
        self.serial = _next_serial(s, uow.organization_id, year) - 1

    def next(self, theme: str, kind: str) -> tuple[str, int]:
        while True:
            self.serial += 1
            number = format_number(self.fmt, prefix=self.prefix, year=self.year,
                                   theme=theme_code(theme, self.codes), serial=self.serial,
                                   kind=kind)
            taken = self.session.scalar(select(Certificate.id).where(Certificate.number == number))
            if taken is None:
                return number, self.serial


def _new_certificate(uow: UnitOfWork, numberer: _Numberer, key: bytes, cohort_id: int,
                     trainee_id: int, kind: str, theme: str, attended_minutes: int, grade: str,
                     issued_on: dt.date) -> Certificate:
    number, serial = numberer.next(theme, kind)
    row = Certificate(number=number, cohort_id=cohort_id, trainee_id=trainee_id, kind=kind,
                      grade=grade, attended_minutes=attended_minutes, serial=serial,
                      issued_on=issued_on, revoked_reason="",
                      verification_code=verification_code(key, number, trainee_id, cohort_id,
                                                          kind, issued_on))
    uow.session.add(row)
    return row


def issue_certificates(uow: UnitOfWork, cohort_id: int, kind: str = "completion", *,
                       issued_on: dt.date | None = None, grade: str = "",
                       trainee_ids: Iterable[int] | None = None,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> IssueResult:
    """Issues a certificate of `kind` to every trainee of the class who qualifies and has no
    current one (or only to `trainee_ids`); one transaction, all or nothing. `grade` (e.g. 初级)
    prints on completion certificates of courses that award one."""
    _check_kind(kind)
    grade = (grade or "").strip()
    if len(grade) > 20:
        raise ValidationError("grade", "too_long", max=20)
    issued_on = issued_on or dt.date.today()
    lang = language()
    with uow:
        s = uow.session
        cohort = get_row(s, Cohort, cohort_id, "cohort", uow.organization_id)
        theme = s.scalar(select(Theme.name).join(Course, Course.theme_id == Theme.id)
                         .where(Course.id == cohort.course_id))
        wanted = set(trainee_ids) if trainee_ids is not None else None
        outcomes = [o for o in class_outcomes(uow, cohort_id, lang)
                    if wanted is None or o.trainee_id in wanted]
        holding = {c.trainee_id: c for c in list_certificates(uow, cohort_id=cohort_id, kind=kind,
                                                               current_only=True)}
        key = secret_key(uow)
        numberer = _Numberer(uow, issued_on.year)
        new_ids, already, refused = [], [], []
        for done, outcome in enumerate(outcomes, 1):
            ok, reason = _eligible(outcome, kind, lang)
            if outcome.trainee_id in holding:
                already.append(holding[outcome.trainee_id])
            elif not ok:
                refused.append(Outcome(outcome.trainee_id, outcome.name, outcome.attended_lessons,
                                       outcome.attended_minutes, False, reason))
            else:
                row = _new_certificate(uow, numberer, key, cohort_id, outcome.trainee_id, kind,
                                       theme, outcome.attended_minutes,
                                       grade if kind == "completion" else "", issued_on)
                new_ids.append(row)
            if progress is not None:
                progress(done, len(outcomes))
            if cancel is not None and cancel():
                raise PdfError("cancelled")
        s.flush()
        ids = {r.id for r in new_ids}
        issued = [c for c in list_certificates(uow, cohort_id=cohort_id, kind=kind,
                                               current_only=True) if c.id in ids]
        return IssueResult(tuple(issued), tuple(already), tuple(refused))


def revoke_certificate(uow: UnitOfWork, number: str, reason: str) -> CertificateRecord:
    """Marks a certificate revoked with a reason; the row stays (verification says revoked)."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("reason_required")
    if len(reason) > 200:
        raise ValidationError("reason", "too_long", max=200)
    with uow:
        record = get_certificate(uow, number)
        row = uow.session.get(Certificate, record.id)
        if row.revoked_at is not None:
            raise CertificateError("already_revoked", number=row.number,
                                   when=f"{row.revoked_at:%Y-%m-%d}")
        row.revoked_at = utcnow()
        row.revoked_reason = reason
        uow.session.flush()
        return get_certificate(uow, row.number)


def reissue_certificate(uow: UnitOfWork, number: str, reason: str = "", *,
                        issued_on: dt.date | None = None, grade: str | None = None
                        ) -> CertificateRecord:
    """Replaces a certificate (lost, a misspelt name corrected…): a new number and code with the
    same facts; the old one is revoked and points to the new one. A revoked certificate that
    was not replaced can be reissued too (after a revocation found to be wrong)."""
    issued_on = issued_on or dt.date.today()
    with uow:
        old = get_certificate(uow, number)
        row = uow.session.get(Certificate, old.id)
        if row.replaced_by_id is not None:
            newer = uow.session.get(Certificate, row.replaced_by_id)
            raise CertificateError("already_revoked", number=row.number,
                                   when=f"{row.revoked_at:%Y-%m-%d} → {newer.number}")
        other = uow.session.scalar(select(Certificate.id).where(
            Certificate.cohort_id == row.cohort_id, Certificate.trainee_id == row.trainee_id,
            Certificate.kind == row.kind, Certificate.revoked_at.is_(None),
            Certificate.id != row.id))
        if other is not None:  # someone issued a new one after revoking this: reissue that one
            current = uow.session.get(Certificate, other)
            raise CertificateError("already_revoked", number=row.number,
                                   when=f"{row.revoked_at:%Y-%m-%d} → {current.number}")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            row.revoked_reason = (reason or "").strip()[:200] or (
                "补发" if language() == "zh" else "reissued")
        uow.session.flush()
        new = _new_certificate(uow, _Numberer(uow, issued_on.year), secret_key(uow),
                               row.cohort_id, row.trainee_id, row.kind, old.theme,
                               row.attended_minutes, row.grade if grade is None else grade.strip(),
                               issued_on)
        uow.session.flush()
        row.replaced_by_id = new.id
        uow.session.flush()
        return get_certificate(uow, new.number)


def certificate_history(uow: UnitOfWork, cohort_id: int, trainee_id: int) -> list[CertificateRecord]:
    """Every certificate of a trainee in a class, oldest first (issued, revoked, reissued…)."""
    return sorted(list_certificates(uow, cohort_id=cohort_id, trainee_id=trainee_id),
                  key=lambda c: (c.issued_on, c.id))


# --- verifying -------------------------------------------------------------------------------

def verify_certificate(uow: UnitOfWork, number: str, code: str) -> Verification:
    """genuine: the number exists, the code is the HMAC of its facts, it is not revoked;
    revoked: the same but revoked (or replaced by a reissue); not_genuine: otherwise — an
    unknown number, a wrong code, or a row whose facts were changed after issue."""
    number = (number or "").strip().upper()
    code = normalise_code(code)
    with uow:
        row = uow.session.execute(_select_records().where(
            Certificate.number == number, Cohort.organization_id == uow.organization_id)).first()
        if row is None:
            return Verification("not_genuine", None, "unknown_number")
        record = _to_record(row)
        cert = row[0]
        expected = verification_code(secret_key(uow), cert.number, cert.trainee_id,
                                     cert.cohort_id, cert.kind, cert.issued_on)
        if not (hmac.compare_digest(expected, code)
                and hmac.compare_digest(expected, cert.verification_code)):
            return Verification("not_genuine", record, "code_mismatch")
        if cert.revoked_at is not None:
            newer = ""
            if cert.replaced_by_id is not None:
                newer = uow.session.scalar(select(Certificate.number).where(
                    Certificate.id == cert.replaced_by_id)) or ""
            return Verification("revoked", record, "", newer)
        return Verification("genuine", record)
