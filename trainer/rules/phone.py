"""Mainland mobile numbers and other contact phone numbers."""
from __future__ import annotations

import re

from trainer.errors import ValidationError
from trainer.rules.text import clean_text

# re.ASCII: \d must not match other scripts' digits (٣, ８ already made half-width, …).
_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}(?:[#*]\d{1,6})?|[48]00\d{7}", re.ASCII)


def _digits(raw: object) -> str:
    text = re.sub(r"[\s\-()()—–]", "", clean_text(raw))
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def normalise_mobile(raw: object, field: str = "mobile") -> str:
    """'+86 138-0013-8000', '１３８ ００１３ ８０００' → '13800138000'; else ValidationError."""
    if type(raw) is str and len(raw) == 11 and raw.isascii() and raw.isdigit() \
            and raw[0] == "1" and raw[1] in "3456789":
        return raw  # already as stored: what most cells of a list hold
    text = _digits(raw)
    if not text:
        raise ValidationError(field, "required")
    if not _MOBILE.fullmatch(text):
        raise ValidationError(field, "mobile_format")
    return text


def normalise_phone(raw: object, field: str = "contact_phone") -> str:
    """A contact phone: a mobile, or a landline with area code (0790-6221234)."""
    text = _digits(raw)
    if not text:
        raise ValidationError(field, "required")
    if _MOBILE.fullmatch(text):
        return text
    if _LANDLINE.fullmatch(text):
        return text
    raise ValidationError(field, "phone_format")


def mask_mobile(number: str | None) -> str:
    if not number:
        return ""
    if len(number) <= 7:  # keeping 3 + 4 of 7 or fewer would show them all
        return "*" * len(number)
    return number[:3] + "****" + number[-4:]
