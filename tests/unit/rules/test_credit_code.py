"""Unified social credit codes (GB 32100-2015): normalise_credit_code, credit_check_character."""
from __future__ import annotations

import pytest

from trainer.errors import ValidationError
from trainer.rules.credit_code import credit_check_character, normalise_credit_code

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# Codes of real, publicly registered organisations (printed on their business licences).
KNOWN_GOOD = [
    "91350100M000100Y43",   # the example commonly used to explain the standard
    "914403001922038216",
    "91110000802100433B",
    "9144030071526726XG",
    "91310000717866186P",
    "91110108551385082Q",
]


def refused(raw, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        normalise_credit_code(raw, **kwargs)
    return info.value


@pytest.mark.parametrize("code", KNOWN_GOOD)
def test_known_good_codes(code):
    assert credit_check_character(code[:17]) == code[17]
    assert normalise_credit_code(code) == code


@pytest.mark.parametrize("raw", [
    "91350100m000100y43",
    " 91350100M000100Y43 ",
    "9135 0100 M000 100Y 43",
    "91350100-M000100Y4-3",
    "９１３５０１００Ｍ０００１００Ｙ４３",
    "９１３５０１００ｍ０００１００ｙ４３",
    "91350100M000100Y43\u200b",
])
def test_typed_variants_are_normalised(raw):
    assert normalise_credit_code(raw) == "91350100M000100Y43"


def test_check_character_can_be_a_letter_or_zero():
    # (31 - total % 31) % 31: a total that is a multiple of 31 gives '0', not index 31.
    seen = {credit_check_character(f"91360500{n:09d}") for n in range(600)}
    assert seen == set(ALPHABET)


@pytest.mark.parametrize("raw", [None, "", "   ", "-"])
def test_blank_is_required(raw):
    err = refused(raw)
    assert err.reason == "required"
    assert err.field == "credit_code"


@pytest.mark.parametrize("raw", [
    "91350100M000100Y4",        # 17 characters
    "91350100M000100Y433",      # 19 characters
    "91350100M000100",
    "913501",
    "91350100I000100Y43",       # I, O, Z, S, V are not used
    "91350100O000100Y43",
    "91350100Z000100Y43",
    "91350100S000100Y43",
    "91350100V000100Y43",
    "91350100M000100Y4.",
    "91350100M00010_Y43",
    "91350100M000100Y4Ⅲ",
    "９１３５０１００Ｍ０００１００Ｙ４",
    "91350100M000100Y4٣",       # Arabic-Indic digit
])
def test_bad_format(raw):
    err = refused(raw)
    assert err.reason == "credit_code_format"
    assert err.field == "credit_code"


def test_wrong_check_character():
    err = refused("91350100M000100Y44")
    assert err.reason == "credit_code_checksum"
    assert err.params == {"expected": "3", "actual": "4"}


@pytest.mark.parametrize("code", KNOWN_GOOD)
def test_any_single_changed_character_is_detected(code):
    # MOD 31 with weights coprime to 31: every substitution of one character changes the sum.
    for pos in range(18):
        for c in ALPHABET:
            if c == code[pos]:
                continue
            changed = code[:pos] + c + code[pos + 1:]
            with pytest.raises(ValidationError) as info:
                normalise_credit_code(changed)
            assert info.value.reason == "credit_code_checksum"


def test_field_name_can_be_chosen():
    assert refused("x", field="employer").field == "employer"
