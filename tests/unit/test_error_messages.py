"""ValidationError messages: every reason renders in Chinese and English and names the field."""
from __future__ import annotations

import string

import pytest

from trainer.texts import current as messages
from trainer.errors import InvalidInput, ValidationError
from trainer.texts import FIELDS, GENDERS, REASONS

# Plausible parameters for every placeholder used by any reason.
PARAMS: dict[str, object] = {
    "max": 100,
    "min": 0,
    "length": 17,
    "value": "2026-02-30",
    "expected": "X",
    "actual": "1",
    "id_gender": "M",
    "gender": "F",
    "choices": "男/女",
    "position": 3,
    "code": "U+001B",
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def params_for(reason: str) -> dict[str, object]:
    zh, en = REASONS[reason]
    return {k: PARAMS[k] for k in placeholders(zh) | placeholders(en)}


@pytest.fixture(autouse=True)
def _restore_language():
    saved = messages._language
    yield
    messages._language = saved


def test_every_placeholder_has_a_plausible_value():
    used = set()
    for zh, en in REASONS.values():
        used |= placeholders(zh) | placeholders(en)
    assert used <= set(PARAMS)


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_zh_and_en_use_the_same_placeholders(reason):
    zh, en = REASONS[reason]
    assert placeholders(zh) == placeholders(en)


@pytest.mark.parametrize("reason", sorted(REASONS))
@pytest.mark.parametrize("field", ["id_number", "mobile", "credit_code", "capacity", "start_date"])
def test_every_reason_renders_in_both_languages_and_names_the_field(reason, field):
    err = ValidationError(field, reason, **params_for(reason))
    zh = err.message("zh")
    en = err.message("en")
    zh_label, en_label = FIELDS[field]
    assert zh.startswith(zh_label)
    assert en.startswith(en_label[:1].upper() + en_label[1:])
    for text in (zh, en):
        assert "{" not in text and "}" not in text
        assert text.strip() == text and len(text) > len(zh_label)


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_message_with_missing_params_fails_loudly(reason):
    # A reason with placeholders needs its params: a KeyError here means a caller forgot one.
    if not params_for(reason):
        ValidationError("name", reason).message("en")
        return
    with pytest.raises(KeyError):
        ValidationError("name", reason).message("en")


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_field_label_renders(field):
    err = ValidationError(field, "required")
    zh_label, en_label = FIELDS[field]
    assert err.message("zh") == f"{zh_label}不能为空"
    assert err.message("en") == f"{en_label[:1].upper()}{en_label[1:]} is required"


def test_unknown_field_falls_back_to_its_code():
    err = ValidationError("badge_no", "required")
    assert err.message("zh") == "badge_no不能为空"
    assert err.message("en") == "Badge_no is required"


def test_examples_read_naturally():
    assert ValidationError("id_number", "id_length", length=17).message("zh") == \
        "身份证号应为 18 位（当前 17 位）"
    assert ValidationError("id_number", "id_length", length=17).message("en") == \
        "Resident ID number must have 18 characters (has 17)"
    assert ValidationError("mobile", "mobile_format").message("en") == \
        "Mobile must be 11 digits starting 13–19"
    assert ValidationError("capacity", "out_of_range", min=1, max=60).message("zh") == \
        "容量应在 1 到 60 之间"


def test_gender_params_are_localised():
    err = ValidationError("id_number", "id_gender", id_gender="M", gender="F")
    assert err.message("zh") == "身份证号第 17 位表示男，与性别“女”不符"
    assert err.message("en") == "Resident ID number says male in digit 17, but gender is female"


def test_params_are_not_changed_by_rendering():
    err = ValidationError("id_number", "id_gender", id_gender="M", gender="F")
    err.message("zh")
    assert err.params == {"id_gender": "M", "gender": "F"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_credit_code_check_letters_m_and_f_are_not_read_as_genders(lang):
    err = ValidationError("credit_code", "credit_code_checksum", expected="M", actual="F")
    text = err.message(lang)
    assert "M" in text and "F" in text


def test_str_follows_the_current_language():
    err = ValidationError("mobile", "required")
    messages.set_language("zh_CN")
    assert str(err) == "手机号不能为空"
    messages.set_language("en_US")
    assert str(err) == "Mobile is required"


def test_message_without_lang_uses_the_current_language():
    messages.set_language("zh")
    assert ValidationError("mobile", "required").message() == "手机号不能为空"


def test_invalid_input_joins_messages():
    errors = [ValidationError("name", "required"), ValidationError("mobile", "mobile_format")]
    exc = InvalidInput(errors)
    assert exc.message("zh") == "名称不能为空；手机号应为 11 位手机号，以 13–19 开头"
    assert exc.message("en") == "Name is required; Mobile must be 11 digits starting 13–19"


def test_genders_table_covers_the_codes_the_rules_return():
    assert set(GENDERS) == {"M", "F"}


def test_every_reason_the_rules_raise_is_known():
    # Reasons written in trainer/rules/*.py must all exist in REASONS.
    import pathlib
    import re

    import trainer.rules

    root = pathlib.Path(trainer.rules.__file__).parent
    used = set()
    for path in root.glob("*.py"):
        used |= set(re.findall(r'ValidationError\(\s*\w+,\s*"(\w+)"', path.read_text("utf-8")))
    assert used, "found no ValidationError calls"
    assert used <= set(REASONS)
