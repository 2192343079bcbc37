"""Certificate templates: the wording and look of each kind, stored per office in the setting
certificate.templates (kind → the fields that differ from the built-in template), plus the seal
image (certificate.seal_png, a transparent PNG kept in the database so every PC prints it).

Text fields take placeholders {name} {enterprise} {course} {theme} {hours} {attended_hours}
{grade} {start} {end} {date} {number} {office} {code} {cohort} {result} {score}. A part in
square brackets is printed only when every placeholder in it has a value: "[,等级评定为{grade}]"
disappears for a course that awards no grade, "[,经考核{result}]" ({result} = 成绩合格) for a
course without an assessment or a holder who was not assessed — a certificate says only what is
true."""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass

from trainer.errors import CertificateError, ValidationError
from trainer.rules.fields import colour
from trainer.services.settings import get_setting, read_setting, set_setting
from trainer.services.uow import UnitOfWork

PLACEHOLDERS = ("name", "enterprise", "course", "theme", "hours", "attended_hours", "grade",
                "start", "end", "date", "number", "office", "code", "cohort", "result", "score")
ORIENTATIONS = ("landscape", "portrait")
BORDERS = ("double", "single", "none")
TEXT_FIELDS = ("title", "body", "issuer", "signature", "note")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class CertificateTemplate:
    kind: str
    title: str
    body: str                      # paragraphs separated by new lines
    orientation: str = "landscape"
    issuer: str = "{office}"       # above the date, under the seal
    signature: str = ""            # e.g. "负责人签字：" — a line to sign; "" for none
    note: str = "扫描二维码或凭证书编号和验证码查验真伪"
    border: str = "double"
    color: str = "#a61b1b"
    show_qr: bool = True


BUILT_IN = {
    "completion": CertificateTemplate(
        "completion", "结业证书",
        "{name}同志[（{enterprise}）]于{start}至{end}参加{office}举办的“{course}”培训[（{theme}）]，"
        "完成{hours}学时的学习任务[，经考核{result}][，等级评定为{grade}]，准予结业。\n特发此证。",
        signature="负责人签字："),
    "attendance": CertificateTemplate(
        "attendance", "培训证明",
        "兹证明{name}同志[（{enterprise}）]于{start}至{end}参加{office}举办的“{course}”培训"
        "[（{theme}）]，课程共{hours}学时，实际参加{attended_hours}学时。\n特此证明。",
        color="#1d4e89"),
}


def check_template(template: CertificateTemplate) -> CertificateTemplate:
    """Refuses unknown placeholders and bad choices, so a typo is found when saving, not when
    1,080 certificates are printed."""
    if template.kind not in BUILT_IN:
        raise ValidationError("kind", "choice", choices=", ".join(BUILT_IN))
    if template.orientation not in ORIENTATIONS:
        raise ValidationError("orientation", "choice", choices=", ".join(ORIENTATIONS))
    if template.border not in BORDERS:
        raise ValidationError("border", "choice", choices=", ".join(BORDERS))
    colour(template.color, "color")
    if not template.title.strip():
        raise ValidationError("title", "required")
    for name in TEXT_FIELDS:
        for found in _PLACEHOLDER.findall(getattr(template, name)):
            if found not in PLACEHOLDERS:
                raise CertificateError("template_placeholder", name=found,
                                       allowed=" ".join("{%s}" % p for p in PLACEHOLDERS))
    return template


def fill(text: str, values: dict[str, str]) -> str:
    """The text with its placeholders replaced; [optional parts] whose placeholders are all
    filled are kept (without brackets), the others dropped."""
    def optional(match: re.Match) -> str:
        inner = match.group(1)
        names = _PLACEHOLDER.findall(inner)
        return inner if all(values.get(n) for n in names) else ""

    text = _OPTIONAL.sub(optional, text)
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)


def load_template(uow: UnitOfWork, kind: str) -> CertificateTemplate:
    """The office's template for `kind`: the built-in one with the stored overrides."""
    if kind not in BUILT_IN:
        raise ValidationError("kind", "choice", choices=", ".join(BUILT_IN))
    stored = get_setting(uow, "certificate.templates").get(kind) or {}
    known = {f.name for f in dataclasses.fields(CertificateTemplate)} - {"kind"}
    return dataclasses.replace(BUILT_IN[kind], **{k: v for k, v in stored.items() if k in known})


def templates_version(uow: UnitOfWork) -> int:
    """The version of the stored templates (all kinds) a screen shows: save/reset pass it back."""
    return read_setting(uow, "certificate.templates")[1]


def save_template(uow: UnitOfWork, template: CertificateTemplate,
                  expected_version: int | None) -> CertificateTemplate:
    """Stores the fields that differ from the built-in template (so later improvements of the
    built-in wording reach offices that did not change it), if nobody saved the templates since
    `expected_version` (templates_version's); StaleEditError otherwise."""
    check_template(template)
    base = BUILT_IN[template.kind]
    changed = {f.name: getattr(template, f.name) for f in dataclasses.fields(template)
               if f.name != "kind" and getattr(template, f.name) != getattr(base, f.name)}
    with uow:
        stored = dict(get_setting(uow, "certificate.templates"))
        stored[template.kind] = changed
        set_setting(uow, "certificate.templates", stored, expected_version)
    return template


def reset_template(uow: UnitOfWork, kind: str, expected_version: int | None) -> CertificateTemplate:
    with uow:
        stored = dict(get_setting(uow, "certificate.templates"))
        stored.pop(kind, None)
        set_setting(uow, "certificate.templates", stored, expected_version)
    return BUILT_IN[kind]


# --- the seal --------------------------------------------------------------------------------

def check_seal_png(data: bytes) -> tuple[int, int, bool]:
    """(width, height, has transparency) of a PNG; CertificateError seal_not_png otherwise."""
    from PIL import Image, UnidentifiedImageError

    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise CertificateError("seal_not_png", detail="not a PNG file")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            return image.width, image.height, transparent
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CertificateError("seal_not_png", detail=str(exc)) from exc


def seal_version(uow: UnitOfWork) -> int:
    return read_setting(uow, "certificate.seal_png")[1]


def set_seal(uow: UnitOfWork, path_or_bytes: str | bytes | None,
             expected_version: int | None) -> tuple[int, int, bool] | None:
    """Stores the seal image (a path or the PNG's bytes); None removes it. `expected_version`:
    seal_version's when the screen showed the seal (StaleEditError if changed since)."""
    if path_or_bytes is None:
        with uow:
            set_setting(uow, "certificate.seal_png", "", expected_version)
        return None
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else open(path_or_bytes, "rb").read()
    info = check_seal_png(data)
    with uow:
        set_setting(uow, "certificate.seal_png", base64.b64encode(data).decode("ascii"),
                    expected_version)
    return info


def load_seal(uow: UnitOfWork) -> bytes | None:
    stored = get_setting(uow, "certificate.seal_png")
    return base64.b64decode(stored) if stored else None


# --- values ----------------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"


def chinese_numeral_date(day: dt.date) -> str:
    """二〇二六年十月九日, as official documents date a certificate."""
    def small(n: int) -> str:
        if n < 10:
            return _DIGITS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")

    year = "".join(_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def date_text(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def hours_value(minutes: int) -> str:
    hours = minutes / 60
    return f"{hours:.0f}" if abs(hours - round(hours)) < 1e-9 else f"{hours:.1f}"
