"""Form-field validators in trainer.rules.fields and FieldCheck."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from trainer.errors import InvalidInput, ValidationError
from trainer.texts import LECTURER_CATEGORIES, TRAINEE_CATEGORIES
from trainer.rules import fields
from trainer.rules.phone import normalise_phone


def refused(func, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


# --- text ------------------------------------------------------------------------------------

def test_text_cleans():
    assert fields.text("  新余市   总工会 ", "name") == "新余市 总工会"
    assert fields.text("ＡＢＣ", "name") == "ABC"
    assert fields.text(None, "name") == ""


def test_text_as_name_removes_spaces_between_chinese():
    assert fields.text(" 张 三 ", "person_name", name=True) == "张三"
    assert fields.text("John  Smith", "person_name", name=True) == "John Smith"


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000"])
def test_text_required(raw):
    err = refused(fields.text, raw, "name", required=True)
    assert (err.field, err.reason) == ("name", "required")


def test_text_not_required_may_be_blank():
    assert fields.text("  ", "notes") == ""


def test_text_max_len():
    assert fields.text("a" * 100, "name") == "a" * 100
    err = refused(fields.text, "a" * 101, "name")
    assert (err.field, err.reason, err.params) == ("name", "too_long", {"max": 100})
    assert fields.text("张" * 5, "short_name", max_len=5) == "张" * 5
    assert refused(fields.text, "张" * 6, "short_name", max_len=5).params == {"max": 5}


def test_text_max_len_counts_after_cleaning():
    assert fields.text("  " + "a" * 10 + "  ", "name", max_len=10) == "a" * 10
    assert fields.text("张 三", "person_name", max_len=2, name=True) == "张三"


# --- integer ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("120", 120),
    ("１２０", 120),             # full-width digits
    (" 120 ", 120),
    (120, 120),
    ("0", 0),
    ("120.0", 120),             # what Excel gives for a whole number
    (120.0, 120),
    ("+5", 5),
    ("007", 7),
])
def test_integer_accepts(raw, expected):
    value = fields.integer(raw, "capacity")
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize("raw", ["1.5", "120.01", "0.1", "１２０.５", 12.5])
def test_integer_refuses_decimals(raw):
    err = refused(fields.integer, raw, "capacity")
    assert (err.field, err.reason) == ("capacity", "not_a_number")


@pytest.mark.parametrize("raw", ["abc", "12a", "一百二十", "12 0", "1,000", "--1", "½",
                                 "NaN", "nan", "sNaN", "-NaN", "Infinity", "-inf", "Inf"])
def test_integer_refuses_non_numbers(raw):
    err = refused(fields.integer, raw, "capacity")
    assert err.reason in ("not_a_number", "out_of_range")
    assert err.field == "capacity"


@pytest.mark.parametrize("raw", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_integer_refuses_special_decimal_values_as_not_a_number(raw):
    assert refused(fields.integer, raw, "capacity").reason == "not_a_number"


def test_integer_range():
    assert fields.integer("1", "lesson_count", minimum=1, maximum=100) == 1
    assert fields.integer("100", "lesson_count", minimum=1, maximum=100) == 100
    for raw in ["0", "101", "-1", "1e9"]:
        err = refused(fields.integer, raw, "lesson_count", minimum=1, maximum=100)
        assert err.reason == "out_of_range"
        assert err.params == {"min": 1, "max": 100}


def test_integer_default_range_refuses_negative():
    assert refused(fields.integer, "-5", "headcount").params == {"min": 0, "max": 10**9}
    assert fields.integer(str(10**9), "headcount") == 10**9
    assert refused(fields.integer, str(10**9 + 1), "headcount").reason == "out_of_range"


def test_integer_negative_minimum():
    assert fields.integer("-3", "sort_order", minimum=-10) == -3


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_integer_blank(raw):
    assert fields.integer(raw, "capacity") is None
    err = refused(fields.integer, raw, "capacity", required=True)
    assert err.reason == "required"


# --- money_cents -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, cents", [
    ("300", 30000),
    ("300.5", 30050),
    ("300.50", 30050),
    ("¥300.50", 30050),
    ("￥300.50", 30050),
    ("300元", 30000),
    ("300.5 元", 30050),
    ("¥ 1,200", 120000),
    ("１２００元", 120000),
    ("0", 0),
    ("0.01", 1),
    ("100000", 10000000),
    (300, 30000),
    (Decimal("300.50"), 30050),
    (None, 0),
    ("", 0),
    ("  ", 0),
    ("元", 0),
])
def test_money_cents(raw, cents):
    value = fields.money_cents(raw, "hourly_fee")
    assert value == cents
    assert type(value) is int


@pytest.mark.parametrize("raw", ["abc", "三百元", "300块", "$300", "3O0", "NaN", "sNaN", "Infinity"])
def test_money_refuses_non_numbers(raw):
    err = refused(fields.money_cents, raw, "hourly_fee")
    assert (err.field, err.reason) == ("hourly_fee", "not_a_number")


@pytest.mark.parametrize("raw", ["-1", "-0.01", "100000.01", "1e6"])
def test_money_out_of_range(raw):
    err = refused(fields.money_cents, raw, "hourly_fee")
    assert err.reason == "out_of_range"
    assert err.params == {"min": 0, "max": 100000}


# --- gender ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, code", [
    ("男", "M"), ("女", "F"),
    ("M", "M"), ("m", "M"), ("F", "F"), ("f", "F"),
    ("male", "M"), ("Male", "M"), ("MALE", "M"),
    ("female", "F"), ("Female", "F"),
    (" 男 ", "M"), ("Ｍ", "M"), ("ｆ", "F"),
])
def test_gender_accepts(raw, code):
    assert fields.gender(raw) == code


@pytest.mark.parametrize("raw", ["x", "男女", "man", "woman", "1", "0", "fe male", "MF"])
def test_gender_refuses(raw):
    err = refused(fields.gender, raw)
    assert (err.field, err.reason) == ("gender", "gender_value")


def test_gender_blank():
    assert fields.gender("") == ""
    assert fields.gender(None) == ""
    assert refused(fields.gender, " ", required=True).reason == "required"
    assert refused(fields.gender, "?", "sex").field == "sex"


# --- choice ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["national_senior", "NATIONAL_SENIOR", " national_senior ",
                                 "国家高级专业讲师", "national senior lecturer",
                                 "National Senior Lecturer"])
def test_choice_by_code_or_label(raw):
    assert fields.choice(raw, "category", LECTURER_CATEGORIES) == "national_senior"


@pytest.mark.parametrize("code, labels", list(TRAINEE_CATEGORIES.items()))
def test_choice_every_trainee_category(code, labels):
    for raw in (code, labels[0], labels[1], labels[1].upper()):
        assert fields.choice(raw, "category", TRAINEE_CATEGORIES) == code


def test_choice_refuses_unknown():
    err = refused(fields.choice, "讲师", "category", LECTURER_CATEGORIES)
    assert (err.field, err.reason) == ("category", "choice")
    assert err.message("zh").endswith("国家高级专业讲师/示范企业优秀培训师/高技能专业技术人才")
    assert err.message("en").endswith(
        "national senior lecturer/model-enterprise trainer/highly skilled technician")


def test_choice_blank():
    assert fields.choice("", "category", TRAINEE_CATEGORIES, default="regular") == "regular"
    assert fields.choice(None, "category", TRAINEE_CATEGORIES, default="regular") == "regular"
    assert refused(fields.choice, "", "category", TRAINEE_CATEGORIES).reason == "choice"


def test_choice_typed_value_wins_over_default():
    assert fields.choice("农民工", "category", TRAINEE_CATEGORIES, default="regular") == "migrant"


# --- date ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "2026-03-05", "2026-3-5", "2026/3/5", "2026/03/05", "2026.3.5",
    "2026年3月5日", "2026年03月05日", "2026年3月5", " 2026-03-05 ",
    "２０２６年３月５日", "２０２６－０３－０５",
    dt.date(2026, 3, 5), dt.datetime(2026, 3, 5, 14, 30),
])
def test_date_accepts(raw):
    value = fields.date(raw, "start_date")
    assert value == dt.date(2026, 3, 5)
    assert type(value) is dt.date


@pytest.mark.parametrize("raw", [
    "2026-02-30", "2026-02-29", "2025-13-01", "2026-00-10", "2026-04-31",
    "2026年2月30日", "2026/2/30", "tomorrow", "3/5/2026", "05.03.2026",
    "2026-03", "2026", "2026-03-05-01", "二〇二六年三月五日",
])
def test_date_refuses(raw):
    err = refused(fields.date, raw, "start_date")
    assert (err.field, err.reason) == ("start_date", "date_format")
    assert err.params == {"value": raw.strip()}


def test_date_leap_years():
    assert fields.date("2024-02-29", "start_date") == dt.date(2024, 2, 29)
    assert fields.date("2000年2月29日", "start_date") == dt.date(2000, 2, 29)
    assert refused(fields.date, "1900-02-29", "start_date").reason == "date_format"


def test_date_blank():
    assert fields.date("", "end_date") is None
    assert fields.date(None, "end_date") is None
    assert refused(fields.date, " ", "end_date", required=True).reason == "required"


# --- colour ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("#4A90D9", "#4a90d9"), ("#ffffff", "#ffffff"), (" #000000 ", "#000000"),
    ("＃ＦＦ００００", "#ff0000"),
])
def test_colour_accepts(raw, expected):
    assert fields.colour(raw) == expected


def test_colour_default():
    assert fields.colour("") == "#4a90d9"
    assert fields.colour(None, default="#123456") == "#123456"


@pytest.mark.parametrize("raw", ["4a90d9", "#4a90d", "#4a90d9f", "#ggg000", "red", "#FFF", "rgb(0,0,0)"])
def test_colour_refuses(raw):
    err = refused(fields.colour, raw)
    assert (err.field, err.reason) == ("color", "colour_format")


# --- optional --------------------------------------------------------------------------------

def test_optional_skips_blank():
    assert fields.optional(normalise_phone, "") == ""
    assert fields.optional(normalise_phone, None) == ""
    assert fields.optional(normalise_phone, " \u3000 ") == ""


def test_optional_runs_validator_when_typed():
    assert fields.optional(normalise_phone, "0790-6221234") == "07906221234"
    assert fields.optional(fields.integer, "１２", "capacity") == 12
    err = refused(fields.optional, normalise_phone, "abc", field="phone")
    assert (err.field, err.reason) == ("phone", "phone_format")


# --- FieldCheck ------------------------------------------------------------------------------

def test_field_check_returns_values_when_all_good():
    check = fields.FieldCheck()
    assert check(fields.integer, "１２０", "capacity") == 120
    assert check(fields.text, "张 三", "person_name", name=True) == "张三"
    assert check.errors == []
    check.raise_if_any()  # nothing to raise


def test_field_check_collects_every_error_in_order():
    check = fields.FieldCheck()
    assert check(fields.integer, "abc", "capacity") is None
    assert check(fields.text, "", "name", required=True) is None
    assert check(fields.gender, "男") == "M"
    assert check(fields.date, "2026-02-30", "start_date") is None
    check.add(ValidationError("end_date", "date_order"))
    assert [(e.field, e.reason) for e in check.errors] == [
        ("capacity", "not_a_number"), ("name", "required"),
        ("start_date", "date_format"), ("end_date", "date_order"),
    ]
    with pytest.raises(InvalidInput) as info:
        check.raise_if_any()
    assert info.value.errors == check.errors
    zh = info.value.message("zh")
    en = info.value.message("en")
    assert zh.count("；") == 3 and "容量" in zh and "名称" in zh and "开始日期" in zh
    assert en.count("; ") == 3 and "Capacity" in en and "Start date" in en


def test_field_check_does_not_swallow_other_exceptions():
    def broken(value):
        raise RuntimeError("bug")

    check = fields.FieldCheck()
    with pytest.raises(RuntimeError):
        check(broken, "x")
    assert check.errors == []
