"""Mobile and contact phone numbers: normalise_mobile, normalise_phone, mask_mobile."""
from __future__ import annotations

import pytest

from trainer.errors import ValidationError
from trainer.rules.phone import mask_mobile, normalise_mobile, normalise_phone


def refused(func, raw, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(raw, **kwargs)
    return info.value


# --- normalise_mobile ------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "13800138000",
    "+86 138-0013-8000",
    "+8613800138000",
    "+86-138-0013-8000",
    "0086 13800138000",
    "008613800138000",
    "１３８００１３８０００",              # full-width digits
    "１３８ ００１３ ８０００",
    "＋８６ １３８００１３８０００",        # full-width plus
    "138 0013 8000",
    "138-0013-8000",
    "138\u30000013\u30008000",          # ideographic spaces
    "(+86) 138 0013 8000",
    "(+86)13800138000",
    "138—0013—8000",                    # em dash
    "138–0013–8000",                    # en dash
    "  13800138000  ",
    "\ufeff13800138000",
    "138\t0013\n8000",
    13800138000,                         # an Excel cell holding a number
])
def test_good_mobiles(raw):
    assert normalise_mobile(raw) == "13800138000"


@pytest.mark.parametrize("prefix", list("3456789"))
def test_every_second_digit_3_to_9(prefix):
    number = f"1{prefix}912345678"
    assert normalise_mobile(number) == number


@pytest.mark.parametrize("raw", [None, "", "  ", "\u3000", "+86", "0086", "--", "()"])
def test_blank_mobile_is_required(raw):
    err = refused(normalise_mobile, raw)
    assert err.reason == "required"
    assert err.field == "mobile"


@pytest.mark.parametrize("raw", [
    "12800138000",       # second digit 2
    "11800138000",
    "10800138000",
    "23800138000",       # does not start with 1
    "1380013800",        # 10 digits
    "138001380001",      # 12 digits
    "1380013800a",       # a letter
    "138OO138000",       # letters O for zeros
    "1380013800O",
    "0790-6221234",      # a landline
    "07906221234",       # a landline with exactly 11 digits
    "010-12345678",
    "4008001234",        # a service number
    "86 13800138000",    # country code without + or 00
    "8613800138000",
    "+85 13800138000",
    "+86 +86 13800138000",
    "138.0013.8000",
    "138/0013/8000",
    "13800138000#12",
    "138 0013 8000 转 1",
    "1３８００１３８０００a",
    "13٨٠٠١٣٨٠٠٠",       # Arabic-Indic digits are not mainland phone digits
    "13８00138000٠",
    "13800138000.0",     # what float() of an Excel cell would look like
])
def test_bad_mobiles(raw):
    err = refused(normalise_mobile, raw)
    assert err.reason == "mobile_format"
    assert err.field == "mobile"


def test_mobile_field_name_can_be_chosen():
    assert refused(normalise_mobile, "123", field="contact_phone").field == "contact_phone"
    assert refused(normalise_mobile, "", field="contact_phone").field == "contact_phone"


def test_normalise_mobile_is_idempotent_on_examples():
    once = normalise_mobile("+86 138-0013-8000")
    assert normalise_mobile(once) == once


# --- normalise_phone -------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("13800138000", "13800138000"),
    ("+86 138-0013-8000", "13800138000"),
    ("0790-6221234", "07906221234"),        # Xinyu: 4-digit area code, 7-digit number
    ("0790 6221234", "07906221234"),
    ("(0790) 6221234", "07906221234"),
    ("（0790）6221234", "07906221234"),     # full-width brackets
    ("010-12345678", "01012345678"),        # Beijing: 3-digit area code, 8-digit number
    ("0335-1234567", "03351234567"),        # Qinhuangdao
    ("021 1234 5678", "02112345678"),
    ("0790-6221234#801", "07906221234#801"),  # extension after #
    ("0790-6221234*8", "07906221234*8"),
    ("400-800-1234", "4008001234"),
    ("800 800 1234", "8008001234"),
    ("０７９０－６２２１２３４", "07906221234"),
])
def test_good_contact_phones(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", [None, "", " ", "+86"])
def test_blank_contact_phone_is_required(raw):
    err = refused(normalise_phone, raw)
    assert err.reason == "required"
    assert err.field == "contact_phone"


@pytest.mark.parametrize("raw", [
    "6221234",            # no area code
    "12800138000",
    "0790-62212",         # too short
    "0790-622123456",     # too long
    "2790-6221234",
    "0790-6221234#",      # empty extension
    "0790-6221234#1234567",
    "500-800-1234",
    "400-800-123",
    "phone",
    "0790٦٢٢١٢٣٤",        # Arabic-Indic digits
])
def test_bad_contact_phones(raw):
    err = refused(normalise_phone, raw)
    assert err.reason == "phone_format"
    assert err.field == "contact_phone"


def test_phone_field_name_can_be_chosen():
    assert refused(normalise_phone, "x", field="phone").field == "phone"


# --- mask_mobile -----------------------------------------------------------------------------

def test_mask_mobile():
    assert mask_mobile("13800138000") == "138****8000"


@pytest.mark.parametrize("value", [None, ""])
def test_mask_mobile_blank(value):
    assert mask_mobile(value) == ""


@pytest.mark.parametrize("value", ["1", "123", "123456", "1234567"])
def test_mask_mobile_short_values_hide_everything(value):
    # Keeping the first 3 and last 4 of a value that has only 7 would show all of it.
    assert mask_mobile(value) == "*" * len(value)


def test_mask_mobile_eight_characters_hides_something():
    masked = mask_mobile("12345678")
    assert masked.startswith("123") and masked.endswith("5678")
    assert "4" not in masked
