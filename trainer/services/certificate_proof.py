"""What a certificate proves, and how a person checks it.

- Facts: the canonical JSON of what the certificate states — number and kind, the holder's
  normalised name and ID number, course, hours, level (grade), assessment and score, hours
  attended, the class's dates and the date of issue. The issuing officer's private key signs it
  (Ed25519); the signature and facts are kept with the certificate. Verification reads the
  facts again from the records: any difference means the certificate no longer states the
  truth about its holder (renamed, another ID number…) and it is not genuine until reissued.
- The verification code printed on the paper is 8 characters of the SHA-256 of the signature,
  so the code is bound to the signature and the signature to the facts.
- The QR code holds a sentence a phone shows and a person can act on, or — when the office has
  a verification web page (setting certificate.verify_url) — that page's address with the
  number and code. `parse_verification_text` reads back either, and the older CERT:number:code."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from trainer.rules.text import clean_code, clean_name

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
CODE_LENGTH = 8
LEGACY_QR_PREFIX = "CERT"
SIGNED_PREFIX = b"Factory Classroom certificate v1\n"
FACT_KEYS = ("number", "kind", "name", "id_number", "course", "hours", "grade", "assessment",
             "score", "attended_minutes", "start", "end", "issued_on")
FACT_LABELS = {
    "name": ("姓名", "name"), "id_number": ("身份证号", "ID number"),
    "course": ("课程", "course"), "hours": ("学时", "hours"), "grade": ("等级", "level"),
    "assessment": ("考核结果", "assessment"), "score": ("成绩", "score"),
    "attended_minutes": ("参加学时", "hours attended"), "start": ("培训日期", "training dates"),
    "end": ("培训日期", "training dates"), "issued_on": ("发证日期", "date of issue"),
    "number": ("证书编号", "number"), "kind": ("证书类型", "kind"),
}
HOLDER_KEYS = frozenset({"name", "id_number"})


def normalise_name(name: str) -> str:
    """NFKC, spaces between Chinese characters removed: what a name is, however it was typed."""
    return clean_name(unicodedata.normalize("NFKC", name or ""))


def facts_of(record: Any) -> dict[str, Any]:
    """The facts a certificate states, from a CertificateRecord (the records as they are now)."""
    return {
        "number": record.number, "kind": record.kind,
        "name": normalise_name(record.trainee_name),
        "id_number": clean_code(record.id_number or ""),
        "course": normalise_name(record.course), "hours": int(record.course_hours or 0),
        "grade": (record.grade or "").strip(), "assessment": record.assessment or "",
        "score": record.score, "attended_minutes": int(record.attended_minutes or 0),
        "start": record.start.isoformat() if record.start else "",
        "end": record.end.isoformat() if record.end else "",
        "issued_on": record.issued_on.isoformat(),
    }


def canonical(facts: dict[str, Any]) -> str:
    return json.dumps({k: facts.get(k) for k in FACT_KEYS}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def signed_message(facts_json: str) -> bytes:
    return SIGNED_PREFIX + facts_json.encode("utf-8")


def changed_facts(stored_json: str, current: dict[str, Any]) -> list[str]:
    """The fact keys whose value now differs from what was signed."""
    stored = json.loads(stored_json)
    return [k for k in FACT_KEYS if stored.get(k) != current.get(k)]


def code_of_signature(signature: bytes) -> str:
    """8 characters (40 bits) of the SHA-256 of the signature."""
    value = int.from_bytes(hashlib.sha256(signature).digest()[:5], "big")
    return "".join(CODE_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH)))


def normalise_code(code: str) -> str:
    return re.sub(r"[\s\-]", "", code or "").upper().replace("O", "0").replace("I", "1")


def code_display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


# --- what the QR code says -------------------------------------------------------------------

def masked_name(name: str) -> str:
    """王晓明 → 王*明, 王明 → 王*, 欧阳晓明 → 欧**明: enough to recognise, not to copy."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def verify_address(url: str, number: str, code: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}n={quote(number, safe='')}&c={code}"


def qr_text(*, kind_title: str, number: str, code: str, name: str, course: str,
            issued_on, office: str, phone: str = "", url: str = "") -> str:
    """The QR code's content: the office's verification address with number and code when one
    is set, else a sentence saying what the certificate is and how to check it."""
    if url:
        return verify_address(url, number, code)
    date = f"{issued_on.year}年{issued_on.month}月{issued_on.day}日"
    how = (f"查验真伪请致电{office}{phone}，报证书编号和验证码" if phone else
           f"查验真伪请向{office}报证书编号和验证码")
    return (f"{kind_title}编号{number}，持证人{masked_name(name)}，{course}，{date}发证，"
            f"验证码{code_display(code)}。{how}。")


_NUMBER = re.compile(r"编号[:：]?\s*([^\s,，。;；、]+)")
_CODE = re.compile(r"验证码[:：]?\s*([0-9A-Za-z]{4}-?[0-9A-Za-z]{4})(?![0-9A-Za-z])")


def parse_verification_text(text: str) -> tuple[str, str] | None:
    """(number, code) from what a scanner or a phone gives for a certificate's QR code — the
    sentence, the verification address, or the older CERT:number:code — or from "NUMBER CODE"
    typed; None when it names no certificate."""
    found = _parse(text)
    return (found[0].strip(), normalise_code(found[1])) if found else None


def _parse(text: str) -> tuple[str, str] | None:
    text = (text or "").strip()
    if not text:
        return None
    if text.startswith(LEGACY_QR_PREFIX + ":"):
        number, sep, code = text[len(LEGACY_QR_PREFIX) + 1:].rpartition(":")
        return (number, code) if sep and number and code else None
    if re.match(r"https?://", text, re.I):
        query = parse_qs(urlsplit(text).query)
        number, code = query.get("n", [""])[0], query.get("c", [""])[0]
        return (number, code) if number and code else None
    number, code = _NUMBER.search(text), _CODE.search(text)
    if number and code:
        return number.group(1), code.group(1)
    parts = text.split()
    if len(parts) == 2 and len(normalise_code(parts[1])) == CODE_LENGTH:
        return parts[0], parts[1]
    return None
