"""Certificates: issue for everyone who qualifies in a class, revoke, reissue (history kept),
verify a number and code.

Two kinds: `completion` (结业证书) for trainees who meet the course's completion rule, and
`attendance` (培训证明) stating the hours actually attended, for anyone who attended a lesson.

Every certificate is signed (services.certificate_proof, certificate_keys): the issuing
officer's Ed25519 key — a passphrase-protected file outside the database — signs the facts it
states, the holder's name and ID number among them. The database holds the public key only, so
nobody who can open (or write) the database can make a certificate that verifies, and a holder
renamed after issue makes verification say so until the certificate is reissued. Numbers come
from services.certificate_numbers, race-free. Certificates issued before signatures (revision
0008) keep their stored code and verify as such ("issued before signatures")."""
from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from trainer.db.base import utcnow
from trainer.db.models import Certificate, Cohort, Course, Enterprise, Lesson, Theme, Trainee
from trainer.errors import CertificateError, NotFoundError, PdfError, ValidationError
from trainer.texts import language, pick
from trainer.rules.statuses import LessonStatus
from trainer.security import guard
from trainer.security.roles import CERTIFICATES
from trainer.services import certificate_keys as keys
from trainer.services.certificate_numbers import Numberer, lock_counter
from trainer.services.certificate_proof import (canonical, changed_facts, code_display,
                                                code_of_signature, facts_of, signed_message)
from trainer.services.common import get_row
from trainer.services.uow import UnitOfWork

KINDS: dict[str, tuple[str, str]] = {"completion": ("结业证书", "completion certificate"),
                                     "attendance": ("培训证明", "attendance certificate")}
PASSED = "passed"  # Certificate.assessment: the course assesses and the holder passed

TEXTS = {
    "genuine": ("真实有效", "genuine"),
    "revoked": ("已作废", "revoked"),
    "not_genuine": ("不是真实证书", "not genuine"),
    "legacy": ("与登记记录相符（启用数字签名前签发，未与持证人信息绑定，建议补发）",
               "matches the register (issued before signatures, not bound to the holder; "
               "reissue it to bind it)"),
    "unknown_number": ("没有这个编号的证书", "no certificate has this number"),
    "unreadable": ("扫描内容中没有证书编号和验证码", "the scanned text names no certificate number and code"),
    "code_mismatch": ("验证码不符", "the verification code does not match"),
    "bad_signature": ("签名无效，该证书记录不是用本单位的签名密钥签发的",
                      "the signature is invalid: this record was not signed with the office's key"),
    "unsigned": ("该证书记录没有签名，不是本程序签发的", "the record has no signature: the program did not issue it"),
    "changed": ("持证人信息已于 {when} 变更（{fields}），证书需补发",
                "the holder's record changed on {when} ({fields}); the certificate must be reissued"),
    "facts_changed": ("证书所载事项已于 {when} 变更（{fields}），证书需补发",
                      "what the certificate states changed on {when} ({fields}); it must be reissued"),
    "replaced": ("已补发新证 {number}", "reissued as {number}"),
    "no_attendance": ("未参加任何课次", "attended no lesson"),
    "signed_by": ("签名密钥指纹 {fingerprint}", "signing key fingerprint {fingerprint}"),
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
    assessment: str = ""          # "passed": the course assesses and the holder passed
    score: int | None = None
    signed: bool = True           # False: issued before signatures
    facts: str | None = None      # the signed facts (JSON)

    @property
    def current(self) -> bool:
        return self.revoked_at is None

    @property
    def code_display(self) -> str:
        """ABCD-EFGH: easier to read out and type."""
        return code_display(self.verification_code)

    @property
    def changed(self) -> list[str]:
        """The facts that differ now from what was signed ([] for an unsigned certificate)."""
        return changed_facts(self.facts, facts_of(self)) if self.facts else []


@dataclass(frozen=True)
class Outcome:
    """How a trainee did in a class: attended minutes and whether the completion rule is met,
    and if not, why (a sentence in the current language). `assessed`: the course assesses and
    the trainee passed (score when one was given)."""

    trainee_id: int
    name: str
    attended_lessons: int
    attended_minutes: int
    completes: bool
    reason: str = ""
    assessed: bool = False
    score: int | None = None


@dataclass(frozen=True)
class IssueResult:
    issued: tuple[CertificateRecord, ...]
    already: tuple[CertificateRecord, ...]     # held a current certificate of this kind
    not_eligible: tuple[Outcome, ...]


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
    assesses = completion.policy.assessment_required
    return [Outcome(t.trainee_id, t.name, t.result.present + t.result.late,
                    t.result.attended_minutes, t.completes,
                    "" if t.completes else t.reason(lang),
                    bool(assesses and t.passed), t.score if assesses and t.passed else None)
            for t in completion.trainees if t.enrolment_status == ACTIVE]


def _eligible(outcome: Outcome, kind: str, lang: str) -> tuple[bool, str]:
    if kind == "completion":
        return outcome.completes, outcome.reason
    if outcome.attended_lessons:
        return True, ""
    return False, pick(TEXTS["no_attendance"], lang)


# --- reading ---------------------------------------------------------------------------------

def _class_dates():
    return (select(Lesson.cohort_id, func.min(Lesson.date).label("start"),
                   func.max(Lesson.date).label("end"))
            .where(Lesson.status != LessonStatus.cancelled).group_by(Lesson.cohort_id).subquery())


def _select_records():
    first = _class_dates()
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
                             c.revoked_reason, c.replaced_by_id, c.assessment or "", c.score,
                             c.signature is not None, c.facts)


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


@dataclass(frozen=True)
class _Draft:
    """What a new certificate states, before it has a number (facts_of reads these names)."""

    number: str
    kind: str
    trainee_name: str
    id_number: str
    course: str
    course_hours: int
    grade: str
    assessment: str
    score: int | None
    attended_minutes: int
    start: dt.date | None
    end: dt.date | None
    issued_on: dt.date


def _class_facts(uow: UnitOfWork, cohort_id: int) -> tuple[str, str, int, dt.date | None,
                                                           dt.date | None]:
    """(theme, course title, course hours, first and last lesson day) of a class."""
    dates = _class_dates()
    return uow.session.execute(
        select(Theme.name, Course.title, Course.total_hours, dates.c.start, dates.c.end)
        .select_from(Cohort).join(Course, Course.id == Cohort.course_id)
        .join(Theme, Theme.id == Course.theme_id)
        .outerjoin(dates, dates.c.cohort_id == Cohort.id).where(Cohort.id == cohort_id)).one()


def _holders(uow: UnitOfWork, trainee_ids: list[int]) -> dict[int, tuple[str, str]]:
    """trainee id → (name, ID number), as they are now."""
    out = {}
    for start in range(0, len(trainee_ids), 500):
        out.update((r.id, (r.name, r.id_number or "")) for r in uow.session.execute(
            select(Trainee.id, Trainee.name, Trainee.id_number)
            .where(Trainee.id.in_(trainee_ids[start:start + 500]))))
    return out


def _new_certificate(uow: UnitOfWork, numberer: Numberer, signer: keys.Signer, cohort_id: int,
                     trainee_id: int, kind: str, attended_minutes: int, grade: str,
                     assessment: str, score: int | None, issued_on: dt.date, *,
                     class_facts: tuple | None = None, holder: tuple[str, str] | None = None
                     ) -> Certificate:
    """A numbered certificate row, its facts signed (class facts and holder read when not
    given)."""
    theme, course, hours, start, end = class_facts or _class_facts(uow, cohort_id)
    name, id_number = holder or _holders(uow, [trainee_id])[trainee_id]
    number, serial = numberer.next(theme, kind)
    facts = canonical(facts_of(_Draft(number, kind, name, id_number, course, hours or 0,
                                      grade, assessment, score, attended_minutes, start, end,
                                      issued_on)))
    signature = signer.sign(signed_message(facts))
    row = Certificate(number=number, cohort_id=cohort_id, trainee_id=trainee_id, kind=kind,
                      grade=grade, attended_minutes=attended_minutes, serial=serial,
                      issued_on=issued_on, revoked_reason="", assessment=assessment, score=score,
                      key_id=signer.key.id, facts=facts,
                      signature=base64.b64encode(signature).decode("ascii"),
                      verification_code=code_of_signature(signature))
    uow.session.add(row)
    return row


def issue_certificates(uow: UnitOfWork, cohort_id: int, kind: str = "completion", *,
                       signer: keys.Signer, issued_on: dt.date | None = None, grade: str = "",
                       grades: Mapping[int, str] | None = None,
                       trainee_ids: Iterable[int] | None = None,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> IssueResult:
    """Issues a certificate of `kind` to every trainee of the class who qualifies and has no
    current one (or only to `trainee_ids`), each signed by `signer` (keys.load_signer); one
    transaction, all or nothing. `grade` (e.g. 初级) prints on completion certificates of
    courses that award one; `grades` (trainee id → grade) gives each holder theirs — by
    default, for a programme's class, the grade of the level each passed (services/levels.py).
    Another issuer at the same moment is waited for (the counter's
    lock); what still collides ends in CertificateError busy ("try again"), never a raw error."""
    _check_kind(kind)
    grade = (grade or "").strip()
    if len(grade) > 20:
        raise ValidationError("grade", "too_long", max=20)
    issued_on = issued_on or dt.date.today()
    lang = language()
    guard.require(uow, CERTIFICATES, "create", "certificates")
    try:
        with uow:
            s = uow.session
            get_row(s, Cohort, cohort_id, "cohort", uow.organization_id)
            if grades is None and not grade:
                from trainer.services.levels import grades_for
                grades = grades_for(uow, cohort_id)
            lock_counter(uow, issued_on.year)  # before reading who holds one
            wanted = set(trainee_ids) if trainee_ids is not None else None
            outcomes = [o for o in class_outcomes(uow, cohort_id, lang)
                        if wanted is None or o.trainee_id in wanted]
            holding = {c.trainee_id: c for c in list_certificates(
                uow, cohort_id=cohort_id, kind=kind, current_only=True)}
            todo, already, refused = [], [], []
            for outcome in outcomes:
                ok, reason = _eligible(outcome, kind, lang)
                if outcome.trainee_id in holding:
                    already.append(holding[outcome.trainee_id])
                elif not ok:
                    refused.append(Outcome(outcome.trainee_id, outcome.name,
                                           outcome.attended_lessons, outcome.attended_minutes,
                                           False, reason))
                else:
                    todo.append(outcome)
            numberer = Numberer(uow, issued_on.year, len(todo))
            class_facts = _class_facts(uow, cohort_id)
            holders = _holders(uow, [o.trainee_id for o in todo])
            new_rows = []
            for done, outcome in enumerate(todo, 1):
                completion = kind == "completion"
                new_rows.append(_new_certificate(
                    uow, numberer, signer, cohort_id, outcome.trainee_id, kind,
                    outcome.attended_minutes,
                    (grades or {}).get(outcome.trainee_id, grade) if completion else "",
                    PASSED if completion and outcome.assessed else "",
                    outcome.score if completion else None, issued_on,
                    class_facts=class_facts, holder=holders[outcome.trainee_id]))
                if progress is not None:
                    progress(done, len(todo))
                if cancel is not None and cancel():
                    raise PdfError("cancelled")
            s.flush()
            ids = {r.id for r in new_rows}
            issued = [c for c in list_certificates(uow, cohort_id=cohort_id, kind=kind,
                                                   current_only=True) if c.id in ids]
            return IssueResult(tuple(issued), tuple(already), tuple(refused))
    except IntegrityError as exc:
        raise CertificateError("busy") from exc


def revoke_certificate(uow: UnitOfWork, number: str, reason: str) -> CertificateRecord:
    """Marks a certificate revoked with a reason; the row stays (verification says revoked).
    Two desks revoking it at once: the claim below is one conditional UPDATE (… WHERE
    revoked_at IS NULL), so the later one is refused naming who revoked it and when, and the
    first reason stays."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("reason_required")
    if len(reason) > 200:
        raise ValidationError("reason", "too_long", max=200)
    with uow:
        record = get_certificate(uow, number)
        row = uow.session.get(Certificate, record.id)
        if row.revoked_at is not None:
            _refuse_revoked(uow, row)
        now = utcnow()
        # the claim: a lock, not the write (on the connection, not a second trail entry); the
        # flush below writes the same revoked_at with the reason, checked and audited as usual
        claimed = uow.session.connection().execute(
            update(Certificate).where(Certificate.id == row.id, Certificate.revoked_at.is_(None))
            .values(revoked_at=now)).rowcount
        if not claimed:  # another desk revoked it since we read it
            uow.session.refresh(row)
            _refuse_revoked(uow, row)
        row.revoked_at = now
        row.revoked_reason = reason
        uow.session.flush()
        return get_certificate(uow, row.number)


def _refuse_revoked(uow: UnitOfWork, row: Certificate) -> None:
    """CertificateError naming who revoked `row` (from the trail), when (local time) and why."""
    from trainer.security.audit import changes_since

    who, _ = changes_since(uow.session, Certificate.__tablename__, row.id, 0)
    when = f"{row.revoked_at.replace(tzinfo=dt.timezone.utc).astimezone():%Y-%m-%d %H:%M}"
    if not who:
        raise CertificateError("already_revoked", number=row.number, when=when)
    raise CertificateError("revoked_by", number=row.number, when=when, who=who,
                           why=row.revoked_reason)


def reissue_certificate(uow: UnitOfWork, number: str, reason: str = "", *,
                        signer: keys.Signer, issued_on: dt.date | None = None,
                        grade: str | None = None) -> CertificateRecord:
    """Replaces a certificate (lost, a name corrected, issued before signatures…): a new number
    and code stating the holder's record as it is now, signed; the old one is revoked and
    points to the new one (history kept). A revoked certificate that was not replaced can be
    reissued too (after a revocation found to be wrong)."""
    issued_on = issued_on or dt.date.today()
    guard.require(uow, CERTIFICATES, "create", "certificates")
    try:
        with uow:
            lock_counter(uow, issued_on.year)
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
            new = _new_certificate(uow, Numberer(uow, issued_on.year), signer, row.cohort_id,
                                   row.trainee_id, row.kind, row.attended_minutes,
                                   row.grade if grade is None else grade.strip(),
                                   row.assessment or "", row.score, issued_on)
            uow.session.flush()
            row.replaced_by_id = new.id
            uow.session.flush()
            return get_certificate(uow, new.number)
    except IntegrityError as exc:
        raise CertificateError("busy") from exc


def certificate_history(uow: UnitOfWork, cohort_id: int, trainee_id: int) -> list[CertificateRecord]:
    """Every certificate of a trainee in a class, oldest first (issued, revoked, reissued…)."""
    return sorted(list_certificates(uow, cohort_id=cohort_id, trainee_id=trainee_id),
                  key=lambda c: (c.issued_on, c.id))
