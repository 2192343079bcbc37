"""Unified social credit codes (统一社会信用代码) per GB 32100-2015."""
from __future__ import annotations

from trainer.errors import ValidationError
from trainer.rules.text import clean_code

# The 31 characters in value order: digits and upper-case letters without I, O, Z, S, V.
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check_character(first17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS))
    return _ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(raw: object, field: str = "credit_code") -> str:
    code = clean_code(raw)
    if not code:
        raise ValidationError(field, "required")
    if len(code) != 18 or any(c not in _ALPHABET for c in code):
        raise ValidationError(field, "credit_code_format")
    expected = credit_check_character(code[:17])
    if code[17] != expected:
        raise ValidationError(field, "credit_code_checksum", expected=expected, actual=code[17])
    return code
