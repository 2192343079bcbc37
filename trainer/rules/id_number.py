"""Resident identity card numbers (居民身份证号码) per GB 11643-1999."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from operator import mul

from trainer.errors import ValidationError
from trainer.rules.text import clean_code

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# First two digits: the province-level divisions (GB/T 2260).
_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83",
}


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: dt.date
    gender: str  # "M" or "F"


_ZERO = 48 * sum(_WEIGHTS)  # what the character codes of 17 zeros add up to, weighted


def check_character(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits (ASCII 0-9)."""
    # the digits' character codes weighted, less those of zeros: no int() per digit
    total = sum(map(mul, first17.encode("ascii"), _WEIGHTS)) - _ZERO
    return _CHECK[total % 11]


def parse_id_number(raw: object, gender: str | None = None, today: dt.date | None = None,
                    field: str = "id_number") -> IdInfo:
    """Normalise and validate; raises ValidationError naming what is wrong.

    Accepts full-width digits, lowercase x, spaces and hyphens. If `gender` ("M"/"F") is given,
    digit 17 must agree with it (odd = male)."""
    number = clean_code(raw)
    if not number:
        raise ValidationError(field, "required")
    if len(number) != 18:
        raise ValidationError(field, "id_length", length=len(number))
    if not (number[:17].isascii() and number[:17].isdigit()) or number[17] not in "0123456789X":
        raise ValidationError(field, "id_characters")
    if number[:2] not in _PROVINCES:
        raise ValidationError(field, "id_region")
    text_date = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(field, "id_birth_date", value=text_date) from None
    if birth.year < 1900:
        raise ValidationError(field, "id_birth_date", value=text_date)
    if birth > (today or dt.date.today()):
        raise ValidationError(field, "id_birth_future", value=text_date)
    expected = check_character(number[:17])
    if number[17] != expected:
        raise ValidationError(field, "id_checksum", expected=expected, actual=number[17])
    id_gender = "M" if int(number[16]) % 2 else "F"
    if gender and gender != id_gender:
        raise ValidationError(field, "id_gender", id_gender=id_gender, gender=gender)
    return IdInfo(number, birth, id_gender)


def mask_id_number(number: str | None) -> str:
    """Printed and listed by default as 3605**********123X: region prefix and last four kept."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
