"""Property-based tests (hypothesis) for the pure rules in trainer/rules/."""
from __future__ import annotations

import datetime as dt
import re
import string
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from trainer.errors import ValidationError
from trainer.texts import LECTURER_CATEGORIES, TRAINEE_CATEGORIES
from trainer.rules import fields
from trainer.rules.credit_code import credit_check_character, normalise_credit_code
from trainer.rules.id_number import _PROVINCES, check_character, mask_id_number, parse_id_number
from trainer.rules.phone import mask_mobile, normalise_mobile, normalise_phone
from trainer.rules.pinyin import pinyin_initials
from trainer.rules.text import clean_code, clean_name, clean_text, display_width, to_halfwidth

TODAY = dt.date(2026, 3, 5)
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# --- strategies ------------------------------------------------------------------------------

# Characters that matter to the rules: ASCII and full-width digits, X/x, separators, currency,
# date words, signs, exponent letters, other scripts' digits, combining marks, odd spaces.
_INTERESTING = (
    string.digits + "０１２３４５６７８９" + "Xxｘ＋+-－ .．/／#*()（）—–¥￥元年月日eEnNaIifs_,"
    "男女MmFf张三\u3000\u200b\ufeff\u00a0\t\n\u0301\u3099²٣١٢Ⅲ"
)
interesting_text = st.text(alphabet=st.sampled_from(_INTERESTING), max_size=30)
any_text = st.one_of(st.text(max_size=40), interesting_text)
cell_values = st.one_of(
    any_text,
    st.none(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.booleans(),
)

SPECIAL_STRINGS = ["NaN", "sNaN", "-sNaN", "Infinity", "-Infinity", "1e999999999", "1E-999999999",
                   "0x10", "1_000", "١٢٠", "²", "11010519491231²02X", "13٨٠٠١٣٨٠٠٠", "Ｅ\u0301",
                   "か \u3099", "e -\u0301", "2026-W10-1", "20260305", "+86", "0086"]


def _accepts_or_validation_error(func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except ValidationError:
        pass


VALIDATORS = [
    ("parse_id_number", lambda v: parse_id_number(v, today=TODAY)),
    ("parse_id_number gender", lambda v: parse_id_number(v, gender="M", today=TODAY)),
    ("normalise_mobile", normalise_mobile),
    ("normalise_phone", normalise_phone),
    ("normalise_credit_code", normalise_credit_code),
    ("text", lambda v: fields.text(v, "name", required=True, max_len=10)),
    ("text name", lambda v: fields.text(v, "person_name", name=True)),
    ("integer", lambda v: fields.integer(v, "capacity", minimum=-5, maximum=500)),
    ("integer required", lambda v: fields.integer(v, "capacity", required=True)),
    ("money_cents", lambda v: fields.money_cents(v, "hourly_fee")),
    ("gender", lambda v: fields.gender(v, required=True)),
    ("choice", lambda v: fields.choice(v, "category", TRAINEE_CATEGORIES)),
    ("choice default", lambda v: fields.choice(v, "category", LECTURER_CATEGORIES,
                                               default="model_trainer")),
    ("date", lambda v: fields.date(v, "start_date", required=True)),
    ("colour", lambda v: fields.colour(v)),
    ("optional phone", lambda v: fields.optional(normalise_phone, v)),
    ("optional integer", lambda v: fields.optional(fields.integer, v, "capacity")),
]


# --- everything returns or raises ValidationError ---------------------------------------------

@pytest.mark.parametrize("name, validator", VALIDATORS, ids=[n for n, _ in VALIDATORS])
@given(value=cell_values)
def test_validators_return_or_raise_validation_error(name, validator, value):
    _accepts_or_validation_error(validator, value)


@pytest.mark.parametrize("name, validator", VALIDATORS, ids=[n for n, _ in VALIDATORS])
@pytest.mark.parametrize("value", SPECIAL_STRINGS)
def test_validators_on_special_strings(name, validator, value):
    _accepts_or_validation_error(validator, value)


@pytest.mark.parametrize("name, validator", VALIDATORS, ids=[n for n, _ in VALIDATORS])
@given(value=any_text)
def test_validation_errors_render_in_both_languages(name, validator, value):
    try:
        validator(value)
    except ValidationError as err:
        assert err.message("zh") and err.message("en")


@given(value=cell_values)
def test_cleaners_never_raise(value):
    assert isinstance(clean_text(value), str)
    assert isinstance(clean_name(value), str)
    assert isinstance(clean_code(value), str)


@given(text=any_text)
def test_text_helpers_never_raise(text):
    assert isinstance(to_halfwidth(text), str)
    assert isinstance(display_width(text), int)
    assert isinstance(mask_id_number(text), str)
    assert isinstance(mask_mobile(text), str)


@given(text=st.one_of(any_text, st.text(alphabet=st.characters(min_codepoint=0x4E00,
                                                                max_codepoint=0x9FFF), max_size=8)))
@settings(deadline=None)  # the first call loads pypinyin's dictionaries (~0.5 s under load)
def test_pinyin_initials_are_lowercase_ascii_alnum(text):
    out = pinyin_initials(text)
    assert out == "" or (out.isascii() and out.isalnum() and out == out.lower())


# --- text cleaners ---------------------------------------------------------------------------

@given(text=any_text)
@example(text="Ｅ\u0301")
@example(text="e\u200b\u0301")
def test_clean_text_is_idempotent_and_tidy(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert not re.search(r"\s", once.replace(" ", ""))


@given(text=any_text)
@example(text="か \u3099")
def test_clean_name_is_idempotent(text):
    once = clean_name(text)
    assert clean_name(once) == once


@given(text=any_text)
@example(text="e -\u0301")
def test_clean_code_is_idempotent_and_has_no_spaces_or_hyphens(text):
    once = clean_code(text)
    assert clean_code(once) == once
    assert not re.search(r"[\s\-]", once)


@given(text=any_text)
def test_to_halfwidth_leaves_no_full_width_ascii(text):
    out = to_halfwidth(text)
    assert len(out) == len(text)
    assert not any(0xFF01 <= ord(c) <= 0xFF5E or c == "\u3000" for c in out)


@given(text=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=20))
def test_to_halfwidth_inverts_full_width(text):
    full = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert to_halfwidth(full) == text


@given(text=any_text)
def test_display_width_bounds(text):
    assert len(text) <= display_width(text) <= 2 * len(text)


@given(words=st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
                      min_size=1, max_size=4))
def test_clean_name_keeps_latin_words_apart(words):
    assert clean_name("  ".join(words)) == " ".join(words)


@given(chars=st.lists(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                      min_size=1, max_size=5))
def test_clean_name_joins_chinese_characters(chars):
    assert clean_name(" \u3000".join(chars)) == "".join(chars)


# --- resident ID numbers ---------------------------------------------------------------------

@st.composite
def valid_id_parts(draw):
    province = draw(st.sampled_from(sorted(_PROVINCES)))
    rest = draw(st.text(alphabet=string.digits, min_size=4, max_size=4))
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.text(alphabet=string.digits, min_size=3, max_size=3))
    return province + rest, birth, seq


def id_from(region: str, birth: dt.date, seq: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + check_character(first17)


@given(parts=valid_id_parts())
def test_every_well_formed_id_number_is_accepted(parts):
    region, birth, seq = parts
    number = id_from(region, birth, seq)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.gender == ("M" if int(seq[2]) % 2 else "F")
    assert parse_id_number(number, gender=info.gender, today=TODAY) == info


@given(parts=valid_id_parts(), sep=st.sampled_from([" ", "-", "\u3000", " - "]),
       full_width=st.booleans())
def test_id_number_typed_with_decorations_is_accepted(parts, sep, full_width):
    number = id_from(*parts)
    typed = sep.join([number[:6], number[6:14], number[14:]]).lower()
    if full_width:
        typed = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in typed)
    assert parse_id_number(typed, today=TODAY).number == number


@given(parts=valid_id_parts())
def test_wrong_gender_is_refused(parts):
    number = id_from(*parts)
    actual = parse_id_number(number, today=TODAY).gender
    with pytest.raises(ValidationError) as info:
        parse_id_number(number, gender="F" if actual == "M" else "M", today=TODAY)
    assert info.value.reason == "id_gender"


@given(parts=valid_id_parts(), position=st.integers(0, 17), data=st.data())
def test_any_single_changed_character_is_refused(parts, position, data):
    number = id_from(*parts)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    new = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + new + number[position + 1:]
    with pytest.raises(ValidationError) as info:
        parse_id_number(changed, today=TODAY)
    # Whatever else it breaks (region, date), a change that leaves them valid trips the checksum.
    assert info.value.reason in ("id_region", "id_birth_date", "id_birth_future", "id_checksum")
    if position >= 14:
        assert info.value.reason == "id_checksum"


@given(parts=valid_id_parts(), position=st.integers(0, 16))
def test_adjacent_transpositions_are_refused(parts, position):
    number = id_from(*parts)
    assume(number[position] != number[position + 1])
    swapped = (number[:position] + number[position + 1] + number[position]
               + number[position + 2:])
    with pytest.raises(ValidationError):
        parse_id_number(swapped, today=TODAY)


@given(parts=valid_id_parts(), days=st.integers(1, 365 * 80))
def test_birth_after_today_is_refused(parts, days):
    region, birth, seq = parts
    number = id_from(region, birth, seq)
    with pytest.raises(ValidationError) as info:
        parse_id_number(number, today=birth - dt.timedelta(days=days))
    assert info.value.reason == "id_birth_future"


@given(value=any_text)
def test_accepted_id_numbers_are_canonical(value):
    try:
        info = parse_id_number(value, today=TODAY)
    except ValidationError:
        return
    assert re.fullmatch(r"[0-9]{17}[0-9X]", info.number)
    assert parse_id_number(info.number, today=TODAY) == info


# --- mobiles ---------------------------------------------------------------------------------

mobiles = st.builds(lambda second, rest: f"1{second}{rest}",
                    st.sampled_from("3456789"), st.text(alphabet=string.digits, min_size=9,
                                                        max_size=9))


@given(value=st.one_of(any_text, mobiles, st.integers()))
def test_normalise_mobile_is_idempotent_and_ascii(value):
    try:
        once = normalise_mobile(value)
    except ValidationError:
        return
    assert re.fullmatch(r"1[3-9][0-9]{9}", once)
    assert normalise_mobile(once) == once
    assert normalise_phone(once) == once


@given(number=mobiles, prefix=st.sampled_from(["", "+86", "+86 ", "0086", "0086 ", "(+86)", "＋８６"]),
       sep=st.sampled_from(["", " ", "-", "\u3000", "—"]), full_width=st.booleans())
def test_decorated_mobiles_normalise_to_the_digits(number, prefix, sep, full_width):
    body = sep.join([number[:3], number[3:7], number[7:]])
    if full_width:
        body = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in body)
    assert normalise_mobile(prefix + body) == number


@given(number=mobiles, position=st.integers(0, 10), drop=st.booleans(), extra=st.sampled_from(string.digits))
def test_mobile_with_a_digit_missing_or_added_is_refused(number, position, drop, extra):
    bad = number[:position] + number[position + 1:] if drop else number[:position] + extra + number[position:]
    with pytest.raises(ValidationError) as info:
        normalise_mobile(bad)
    assert info.value.reason == "mobile_format"


@given(value=any_text)
def test_normalise_phone_is_idempotent_and_ascii(value):
    try:
        once = normalise_phone(value)
    except ValidationError:
        return
    assert once.isascii()
    assert normalise_phone(once) == once


# --- masks -----------------------------------------------------------------------------------

def _revealed(masked: str) -> int:
    return sum(c != "*" for c in masked)


@given(value=st.one_of(any_text, mobiles))
def test_mask_mobile_reveals_at_most_three_plus_four(value):
    masked = mask_mobile(value)
    assert _revealed(masked) <= 7
    if value:
        # Something is always hidden, and what is shown is the value's own start and end.
        assert _revealed(masked) < len(value)
    if len(value) <= 7:
        assert masked == "*" * len(value)
    else:
        # Only the first three and the last four are shown, with four stars between.
        assert masked == value[:3] + "****" + value[-4:]


@given(number=mobiles)
def test_mask_mobile_of_real_mobiles(number):
    masked = mask_mobile(number)
    assert masked == number[:3] + "****" + number[7:]
    assert masked[3:7] == "****" and len(masked) == 11


@given(value=any_text)
def test_mask_id_number_reveals_at_most_four_plus_four(value):
    masked = mask_id_number(value)
    assert _revealed(masked) <= 8
    if value:
        assert _revealed(masked) < len(value)
    assert len(masked) == len(value)


@given(parts=valid_id_parts())
def test_mask_id_number_of_real_numbers(parts):
    number = id_from(*parts)
    masked = mask_id_number(number)
    assert masked == number[:4] + "*" * 10 + number[14:]
    assert f"{parts[1]:%Y%m%d}" not in masked


# --- credit codes ----------------------------------------------------------------------------

credit_bodies = st.text(alphabet=CREDIT_ALPHABET, min_size=17, max_size=17)


@given(body=credit_bodies, lower=st.booleans(), sep=st.sampled_from(["", " ", "-"]))
def test_every_well_formed_credit_code_is_accepted(body, lower, sep):
    code = body + credit_check_character(body)
    typed = sep.join([code[:8], code[8:17], code[17:]])
    assert normalise_credit_code(typed.lower() if lower else typed) == code


@given(body=credit_bodies, position=st.integers(0, 17), data=st.data())
def test_credit_code_single_change_is_refused(body, position, data):
    code = body + credit_check_character(body)
    new = data.draw(st.sampled_from([c for c in CREDIT_ALPHABET if c != code[position]]))
    with pytest.raises(ValidationError) as info:
        normalise_credit_code(code[:position] + new + code[position + 1:])
    assert info.value.reason == "credit_code_checksum"


@given(value=any_text)
def test_accepted_credit_codes_are_canonical(value):
    try:
        code = normalise_credit_code(value)
    except ValidationError:
        return
    assert len(code) == 18 and all(c in CREDIT_ALPHABET for c in code)
    assert normalise_credit_code(code) == code


# --- form fields -----------------------------------------------------------------------------

@given(n=st.integers(-10**6, 10**6), full_width=st.booleans())
def test_integer_round_trip(n, full_width):
    typed = str(n)
    if full_width:
        typed = typed.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    result = fields.integer(typed, "capacity", minimum=-10**6, maximum=10**6)
    assert result == n and type(result) is int


@given(n=st.integers(-10**6, 10**6), lo=st.integers(-10**6, 10**6), hi=st.integers(-10**6, 10**6))
def test_integer_range_is_respected(n, lo, hi):
    try:
        result = fields.integer(str(n), "capacity", minimum=lo, maximum=hi)
    except ValidationError as err:
        assert err.reason == "out_of_range" and not lo <= n <= hi
    else:
        assert lo <= result <= hi


@given(cents=st.integers(0, 10_000_000), style=st.sampled_from(["{}", "¥{}", "￥{}", "{}元", "¥ {} 元"]))
def test_money_round_trip(cents, style):
    typed = style.format(f"{Decimal(cents) / 100:.2f}")
    assert fields.money_cents(typed, "hourly_fee") == cents


@given(value=any_text)
def test_money_is_never_negative_or_above_limit(value):
    try:
        cents = fields.money_cents(value, "hourly_fee")
    except ValidationError:
        return
    assert type(cents) is int and 0 <= cents <= 10_000_000


@given(day=st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
       style=st.sampled_from(["{d:%Y-%m-%d}", "{d.year}-{d.month}-{d.day}", "{d.year}/{d.month}/{d.day}",
                              "{d.year}年{d.month}月{d.day}日", "{d:%Y.%m.%d}", "{d:%Y年%m月%d日}"]))
def test_date_round_trip(day, style):
    assert fields.date(style.format(d=day), "start_date") == day


@given(value=any_text)
def test_gender_gives_m_f_or_blank(value):
    try:
        assert fields.gender(value) in ("M", "F", "")
    except ValidationError as err:
        assert err.reason == "gender_value"


@given(code=st.sampled_from(sorted(TRAINEE_CATEGORIES)), which=st.integers(0, 2),
       upper=st.booleans())
def test_choice_round_trip(code, which, upper):
    typed = (code, *TRAINEE_CATEGORIES[code])[which]
    assert fields.choice(typed.upper() if upper else typed, "category", TRAINEE_CATEGORIES) == code
