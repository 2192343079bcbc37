"""Validators for form fields: each takes what a person typed and returns the clean value or
raises ValidationError naming the field. FieldCheck collects several errors at once."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Callable, TypeVar

from trainer.errors import InvalidInput, ValidationError
from trainer.rules.text import clean_name, clean_text, control_character

T = TypeVar("T")

_GENDERS = {"男": "M", "m": "M", "male": "M", "女": "F", "f": "F", "female": "F"}


class FieldCheck:
    """Runs validators and gathers their errors, so a form reports every bad field at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def __call__(self, validator: Callable[..., T], *args, **kwargs) -> T | None:
        try:
            return validator(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return None

    def add(self, error: ValidationError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)


def optional(validator: Callable[..., T], value: object, *args, **kwargs) -> T | str:
    """Runs `validator` only when something was typed; blank gives ''."""
    if type(value) is str and value.isascii():  # clean_text's ASCII case, without the join
        blank = not value or value.isspace()
    else:
        blank = not clean_text(value)
    return "" if blank else validator(value, *args, **kwargs)


def refuse_control_characters(value: str, field: str) -> str:
    """`value` when it holds no control character (rules.text.control_character: tabs and line
    breaks are cleaned to spaces before), else ValidationError naming where and which."""
    found = control_character(value)
    if found is not None:
        raise ValidationError(field, "control_char", position=found[0], code=found[1])
    return value


def text(value: object, field: str, *, required: bool = False, max_len: int = 100,
         name: bool = False) -> str:
    cleaned = clean_name(value) if name else clean_text(value)
    refuse_control_characters(cleaned, field)
    if required and not cleaned:
        raise ValidationError(field, "required")
    if len(cleaned) > max_len:
        raise ValidationError(field, "too_long", max=max_len)
    return cleaned


def integer(value: object, field: str, *, minimum: int = 0, maximum: int = 10**9,
            required: bool = False) -> int | None:
    cleaned = clean_text(value)
    if not cleaned:
        if required:
            raise ValidationError(field, "required")
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field, "not_a_number") from None
    if not number.is_finite() or number != number.to_integral_value():
        raise ValidationError(field, "not_a_number")
    if not minimum <= number <= maximum:
        raise ValidationError(field, "out_of_range", min=minimum, max=maximum)
    return int(number)


def money_cents(value: object, field: str) -> int:
    """'300', '300.5', '¥300.50', '300元' → cents."""
    cleaned = re.sub(r"[¥￥元,\s]", "", clean_text(value))
    if not cleaned:
        return 0
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field, "not_a_number") from None
    if not amount.is_finite():  # NaN, sNaN, Infinity: Decimal() accepts them
        raise ValidationError(field, "not_a_number")
    if not Decimal(0) <= amount <= Decimal(100000):
        raise ValidationError(field, "out_of_range", min=0, max=100000)
    return int((amount * 100).to_integral_value())


def gender(value: object, field: str = "gender", *, required: bool = False) -> str:
    cleaned = clean_text(value).lower()
    if not cleaned:
        if required:
            raise ValidationError(field, "required")
        return ""
    if cleaned.upper() in ("M", "F"):
        return cleaned.upper()
    if cleaned not in _GENDERS:
        raise ValidationError(field, "gender_value")
    return _GENDERS[cleaned]


def choice(value: object, field: str, choices: dict[str, tuple[str, str]], *,
           default: str | None = None) -> str:
    """A code from `choices`, given as the code or as its Chinese or English label."""
    cleaned = clean_text(value)
    if not cleaned and default is not None:
        return default
    for code, labels in choices.items():
        if cleaned.lower() in (code.lower(), labels[0], labels[1].lower()):
            return code
    raise ValidationError(field, "choice", choices=tuple(choices.values()))


def date(value: object, field: str, *, required: bool = False) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    cleaned = clean_text(value)
    if not cleaned:
        if required:
            raise ValidationError(field, "required")
        return None
    normal = re.sub(r"[年月./]", "-", cleaned).rstrip("日")
    try:
        return dt.date.fromisoformat("-".join(p.zfill(2) for p in normal.split("-")))
    except ValueError:
        raise ValidationError(field, "date_format", value=cleaned) from None


_YES = {"是", "有", "已持证", "持证", "已取得", "y", "yes", "true", "1", "√", "✓", "✔"}
_NO = {"否", "无", "没有", "未持证", "未取得", "n", "no", "false", "0", "×", "✗", "-", "—"}


def yes_no(value: object, field: str) -> bool | None:
    """A yes/no cell or box as clerks fill it: 是/否, 有/无, √/×, yes/no, 1/0, a checkbox;
    None when blank."""
    if value is None or isinstance(value, bool):
        return value
    cleaned = clean_text(value).lower()
    if not cleaned:
        return None
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    raise ValidationError(field, "choice", choices=(("是", "yes"), ("否", "no")))


def colour(value: object, field: str = "color", default: str = "#4a90d9") -> str:
    cleaned = clean_text(value)
    if not cleaned:
        return default
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", cleaned):
        raise ValidationError(field, "colour_format")
    return cleaned.lower()
