"""Verifying a certificate: by number and code, or by what its QR code says.

A certificate is genuine when its number exists, the code is the one of its signature, the
signature is the office's key's over the facts it states, those facts are still true of its
holder, and it has not been revoked. Anyone with a copy of the database — or only the office's
published public key (`public_key`) — can check this; nobody can make a row that passes it
without the private key."""
from __future__ import annotations

import base64
import datetime as dt
import hmac
from dataclasses import dataclass

from sqlalchemy import func, select

from trainer.db.models import Certificate, Cohort, Course, Lesson, Trainee
from trainer.texts import language, pick
from trainer.services import certificate_keys as keys
from trainer.services.certificate_proof import (FACT_LABELS, HOLDER_KEYS, code_of_signature,
                                                normalise_code, parse_verification_text,
                                                signed_message)
from trainer.services.certificates import (KINDS, TEXTS, CertificateRecord, _select_records,
                                           _to_record)
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class Verification:
    status: str                                  # genuine / legacy / revoked / not_genuine
    certificate: CertificateRecord | None
    detail: str = ""                             # code of TEXTS
    replaced_by: str = ""                        # the new number when it was reissued
    params: tuple[tuple[str, str], ...] = ()     # values for the detail's text
    fingerprint: str = ""                        # of the key that signed it
    changed: tuple[str, ...] = ()                # facts that differ from what was signed

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        zh = lang == "zh"
        text = pick(TEXTS[self.status], lang)
        parts = []
        if self.detail:
            parts.append(pick(TEXTS[self.detail], lang).format(
                fields=_labels(self.changed, lang), **dict(self.params)))
        if self.replaced_by:
            parts.append(pick(TEXTS["replaced"], lang).format(number=self.replaced_by))
        c = self.certificate
        if c is not None and self.status != "not_genuine":
            kind = pick(KINDS[c.kind], lang)
            if zh:
                parts.append(f"{kind} {c.number}：{c.trainee_name}，{c.course}，{c.issued_on.isoformat()} 发证")
            else:
                parts.append(f"{kind} {c.number}: {c.trainee_name}, {c.course}, issued {c.issued_on.isoformat()}")
            if c.revoked_reason and self.status == "revoked":
                parts.append(("作废原因：" if zh else "reason: ") + c.revoked_reason)
        if self.fingerprint and self.status != "not_genuine":
            parts.append(pick(TEXTS["signed_by"], lang).format(fingerprint=self.fingerprint))
        sep = ";" if zh else "; "
        return text + (("——" if zh and self.status == "not_genuine" else "。" if zh else ". ")
                       + sep.join(parts) if parts else "")


# --- verifying -------------------------------------------------------------------------------

def _changed_on(uow: UnitOfWork, cert: Certificate, changed: list[str]) -> str:
    """The day the records a changed fact comes from were last saved (local date)."""
    s = uow.session
    changed = set(changed)
    when = []
    if HOLDER_KEYS & changed:
        when.append(s.scalar(select(Trainee.updated_at).where(Trainee.id == cert.trainee_id)))
    if changed & {"course", "hours"}:
        when.append(s.scalar(select(Course.updated_at).join(Cohort, Cohort.course_id == Course.id)
                             .where(Cohort.id == cert.cohort_id)))
    if changed & {"start", "end"}:  # a lesson moved or cancelled after issue
        when.append(s.scalar(select(func.max(Lesson.updated_at))
                             .where(Lesson.cohort_id == cert.cohort_id)))
    moments = [w for w in when if w is not None]
    if not moments:
        return "—"
    moment = max(moments).replace(tzinfo=dt.timezone.utc).astimezone()
    return moment.date().isoformat()


def _labels(changed, lang: str) -> str:
    seen = []
    for key in changed:
        text = pick(FACT_LABELS[key], lang)
        if text not in seen:
            seen.append(text)
    return ("、" if lang == "zh" else ", ").join(seen)


def verify_certificate(uow: UnitOfWork, number: str, code: str, *,
                       public_key: bytes | None = None) -> Verification:
    """genuine: the number exists, the code is the one of its signature, the signature is the
    office's key's over the facts it states, those facts are still the holder's, and it is not
    revoked. revoked: the same but revoked (or replaced by a reissue). legacy: issued before
    signatures, number and code match the register. not_genuine: otherwise — an unknown number,
    a wrong code, a row not signed with the key (forged in the database), or a holder whose
    record changed since. `public_key`: check against a published key instead of the database's."""
    number = (number or "").strip().upper()
    code = normalise_code(code)
    with uow:
        row = uow.session.execute(_select_records().where(
            Certificate.number == number, Cohort.organization_id == uow.organization_id)).first()
        if row is None:
            return Verification("not_genuine", None, "unknown_number")
        record, cert = _to_record(row), row[0]
        if not hmac.compare_digest(cert.verification_code.encode(), code.encode()):
            return Verification("not_genuine", None, "code_mismatch")
        fingerprint = ""
        if cert.signature is None:
            began = keys.first_key_made_at(uow)
            if public_key is not None or (began is not None and cert.created_at >= began):
                return Verification("not_genuine", record, "unsigned")
            status = "legacy"
        else:
            key = keys.key_by_id(uow, cert.key_id) if cert.key_id is not None else None
            signature = base64.b64decode(cert.signature)
            valid = (key is not None and cert.facts is not None
                     and code_of_signature(signature) == cert.verification_code
                     and keys.verify_signature(public_key or key.public_key, signature,
                                               signed_message(cert.facts)))
            if not valid:
                return Verification("not_genuine", record, "bad_signature")
            fingerprint = keys.fingerprint_display(keys.fingerprint_of(public_key)
                                                   if public_key else key.fingerprint)
            status = "genuine"
        if cert.revoked_at is not None:
            newer = ""
            if cert.replaced_by_id is not None:
                newer = uow.session.scalar(select(Certificate.number).where(
                    Certificate.id == cert.replaced_by_id)) or ""
            return Verification("revoked", record, "", newer, fingerprint=fingerprint)
        changed = record.changed
        if changed:
            detail = "changed" if HOLDER_KEYS & set(changed) else "facts_changed"
            return Verification("not_genuine", record, detail, changed=tuple(changed),
                                params=(("when", _changed_on(uow, cert, changed)),))
        return Verification(status, record, fingerprint=fingerprint)


def verify_text(uow: UnitOfWork, text: str, code: str | None = None, *,
                public_key: bytes | None = None) -> Verification:
    """Verifies what a person has: a number and a code, or the QR code's text as scanned (the
    sentence, the verification address, or CERT:number:code)."""
    if code is None:
        parsed = parse_verification_text(text)
        if parsed is None:
            return Verification("not_genuine", None, "unreadable")
        text, code = parsed
    return verify_certificate(uow, text, code, public_key=public_key)
