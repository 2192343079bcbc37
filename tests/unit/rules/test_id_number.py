"""Resident identity card numbers (GB 11643-1999): parse_id_number, check_character, mask_id_number."""
from __future__ import annotations

import datetime as dt

import pytest

from trainer.errors import ValidationError
from trainer.rules.id_number import IdInfo, check_character, mask_id_number, parse_id_number

TODAY = dt.date(2026, 3, 5)


def build(region: str, birth: str, seq: str) -> str:
    """An 18-character number with the correct MOD 11-2 check character."""
    first17 = region + birth + seq
    assert len(first17) == 17
    return first17 + check_character(first17)


def reason_of(raw, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_id_number(raw, today=kwargs.pop("today", TODAY), **kwargs)
    return info.value


# --- check_character -------------------------------------------------------------------------

@pytest.mark.parametrize("number", [
    "11010519491231002X",   # the example printed in GB 11643-1999
    "11010119900307803X",
    "440524188001010014",   # the standard's other example (born 1880: check char still right)
    "360502200002290020",
])
def test_check_character_of_known_numbers(number):
    assert check_character(number[:17]) == number[17]


def test_check_character_takes_every_value():
    # Over many prefixes every one of the 11 possible check characters turns up.
    seen = {check_character(f"1101051990010{n:04d}") for n in range(200)}
    assert seen == set("0123456789X")


# --- accepted numbers ------------------------------------------------------------------------

def test_standard_example_is_accepted():
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info == IdInfo("11010519491231002X", dt.date(1949, 12, 31), "F")


@pytest.mark.parametrize("region, birth, seq, gender", [
    ("110101", "19900307", "803", "M"),
    ("360502", "19851120", "124", "F"),   # Xinyu, Jiangxi
    ("130302", "20010101", "001", "M"),   # Qinhuangdao, Hebei
    ("650102", "19700615", "352", "F"),
    ("810000", "19991231", "017", "M"),   # Hong Kong residence permit
    ("830000", "19800101", "018", "F"),   # Taiwan residents' residence permit
    ("540102", "19000101", "001", "M"),   # earliest accepted year
])
def test_computed_numbers_are_accepted(region, birth, seq, gender):
    number = build(region, birth, seq)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    assert info.gender == gender


def test_lowercase_x_is_accepted_and_upper_cased():
    info = parse_id_number("11010519491231002x", today=TODAY)
    assert info.number == "11010519491231002X"


def test_full_width_digits_are_accepted():
    info = parse_id_number("１１０１０５１９４９１２３１００２Ｘ", today=TODAY)
    assert info.number == "11010519491231002X"


def test_full_width_lowercase_x_is_accepted():
    assert parse_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY).number == "11010519491231002X"


@pytest.mark.parametrize("raw", [
    "110105 19491231 002X",
    "110105-19491231-002X",
    " 11010519491231002X ",
    "110105\u300019491231\u3000002X",        # ideographic spaces
    "1101 0519 4912 3100 2X",
    "\ufeff11010519491231002X\u200b",          # BOM and zero-width space from a pasted cell
    "110105－19491231－002X",                   # full-width hyphen-minus
])
def test_spaces_and_hyphens_inside_are_ignored(raw):
    assert parse_id_number(raw, today=TODAY).number == "11010519491231002X"


def test_gender_given_and_matching():
    assert parse_id_number("11010519491231002X", gender="F", today=TODAY).gender == "F"
    assert parse_id_number("11010119900307803X", gender="M", today=TODAY).gender == "M"


def test_blank_gender_is_not_checked():
    assert parse_id_number("11010519491231002X", gender="", today=TODAY).gender == "F"
    assert parse_id_number("11010519491231002X", gender=None, today=TODAY).gender == "F"


@pytest.mark.parametrize("digit17, gender", [(str(d), "M" if d % 2 else "F") for d in range(10)])
def test_gender_follows_parity_of_digit_17(digit17, gender):
    number = build("110105", "19800101", "00" + digit17)
    assert parse_id_number(number, today=TODAY).gender == gender


def test_birth_date_today_is_accepted():
    number = build("110105", "20260305", "001")
    assert parse_id_number(number, today=TODAY).birth_date == TODAY


def test_leap_day_2000_is_accepted():
    number = build("110105", "20000229", "001")
    assert parse_id_number(number, today=TODAY).birth_date == dt.date(2000, 2, 29)


def test_leap_day_1996_is_accepted():
    assert parse_id_number(build("110105", "19960229", "002"), today=TODAY).birth_date.day == 29


def test_today_defaults_to_the_real_date():
    assert parse_id_number("11010519491231002X").birth_date == dt.date(1949, 12, 31)


def test_non_string_input_is_read_as_text():
    # An Excel cell may hold the number as an int when it has no X.
    number = build("110105", "19800101", "003")
    if number.endswith("X"):  # pragma: no cover - depends on the computed check char
        pytest.skip("needs a number without X")
    assert parse_id_number(int(number), today=TODAY).number == number


# --- refused numbers -------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", "--", "\u200b"])
def test_blank_is_required(raw):
    err = reason_of(raw)
    assert err.reason == "required"
    assert err.field == "id_number"


def test_field_name_can_be_chosen():
    assert reason_of("", field="other").field == "other"
    assert reason_of("123", field="other").field == "other"


def test_wrong_check_character():
    err = reason_of("110105194912310021")
    assert err.reason == "id_checksum"
    assert err.params == {"expected": "X", "actual": "1"}


@pytest.mark.parametrize("wrong", [c for c in "0123456789X" if c != "X"])
def test_every_other_check_character_is_refused(wrong):
    assert reason_of("11010519491231002" + wrong).reason == "id_checksum"


@pytest.mark.parametrize("raw, length", [
    ("1101051949123100", 16),
    ("11010519491231002", 17),
    ("11010519491231002X0", 19),
    ("110105491231002", 15),       # the old 15-digit numbers are not accepted
    ("1", 1),
])
def test_wrong_length(raw, length):
    err = reason_of(raw)
    assert err.reason == "id_length"
    assert err.params == {"length": length}


@pytest.mark.parametrize("raw", [
    "1101051949123100AX",
    "11010519491231002Y",
    "11O10519491231002X",           # letter O for zero
    "110105l9491231002X",           # letter l for one
    "X1010519491231002X",
    "11010519491231002.",
    "1101051949.231002X",
    "11010519491231+02X",
])
def test_letters_or_symbols_inside(raw):
    assert reason_of(raw).reason == "id_characters"


def test_x_only_allowed_last():
    number = "1101051949123100X2"
    assert reason_of(number).reason == "id_characters"


@pytest.mark.parametrize("raw", [
    "11010519491231²02X",           # superscript two: str.isdigit() says True, int() refuses
    "11010519491231٢02X",           # Arabic-Indic digit
    "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",
])
def test_non_ascii_digits_are_refused(raw):
    assert reason_of(raw).reason == "id_characters"


@pytest.mark.parametrize("province", ["00", "10", "16", "20", "24", "30", "38", "40", "47", "55",
                                      "60", "66", "70", "72", "80", "84", "90", "91", "99"])
def test_invalid_province_code(province):
    number = build(province + "0105", "19800101", "001")
    assert reason_of(number).reason == "id_region"


@pytest.mark.parametrize("birth", [
    "19800230",  # 30 February
    "19800231",
    "19810229",  # 1981 is not a leap year
    "19000229",  # 1900 is not a leap year (divisible by 100, not by 400)
    "21000229",  # nor is 2100
    "19801301",  # month 13
    "19800001",  # month 0
    "19800100",  # day 0
    "19800132",  # day 32
    "19800431",  # 31 April
    "19809999",
    "00000000",
])
def test_impossible_birth_dates(birth):
    err = reason_of(build("110105", birth, "001"), today=dt.date(2200, 1, 1))
    assert err.reason == "id_birth_date"
    assert err.params == {"value": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"}


def test_birth_before_1900_is_refused():
    assert reason_of("440524188001010014").reason == "id_birth_date"
    assert reason_of(build("110105", "18991231", "001")).reason == "id_birth_date"


def test_future_birth_date():
    number = build("110105", "20260306", "001")
    err = reason_of(number, today=TODAY)
    assert err.reason == "id_birth_future"
    assert err.params == {"value": "2026-03-06"}
    # The same number is fine a day later.
    assert parse_id_number(number, today=dt.date(2026, 3, 6)).birth_date == dt.date(2026, 3, 6)


def test_far_future_birth_date():
    assert reason_of(build("110105", "20991231", "001")).reason == "id_birth_future"


def test_gender_mismatch_male_digit():
    # 17th digit 3 (odd) = male, but the form says female.
    err = reason_of("11010119900307803X", gender="F")
    assert err.reason == "id_gender"
    assert err.params == {"id_gender": "M", "gender": "F"}


def test_gender_mismatch_female_digit():
    err = reason_of("11010519491231002X", gender="M")
    assert err.reason == "id_gender"
    assert err.params == {"id_gender": "F", "gender": "M"}


def test_checks_run_in_order_length_first():
    # Too short and with letters: the length is reported (it is the first thing wrong).
    assert reason_of("ABC").reason == "id_length"


def test_checksum_is_checked_before_gender():
    err = reason_of("110105194912310021", gender="M")
    assert err.reason == "id_checksum"


def test_region_is_checked_before_date():
    assert reason_of(build("990105", "19800230", "001")).reason == "id_region"


# --- mask_id_number --------------------------------------------------------------------------

def test_mask_full_number():
    assert mask_id_number("36050219851120124X") == "3605**********124X"
    assert len(mask_id_number("36050219851120124X")) == 18


@pytest.mark.parametrize("value", [None, ""])
def test_mask_blank(value):
    assert mask_id_number(value) == ""


@pytest.mark.parametrize("value", ["1", "1234", "12345678"])
def test_mask_short_values_hide_everything(value):
    assert mask_id_number(value) == "*" * len(value)


def test_mask_nine_characters():
    assert mask_id_number("123456789") == "1234*6789"
