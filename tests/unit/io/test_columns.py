"""Header matching, header-row detection and cell conversion of the importer (no database)."""
import datetime as dt

import pytest

from trainer.io.columns import (KIND_FIELDS, find_header_row, match_header, normalise_header,
                                suggest_mapping)
from trainer.io.reading import Table, cell_text, decode_text, excel_serial_to_date


@pytest.mark.parametrize("raw, expected", [
    ("姓 名", "姓名"), ("*身份证号码(必填)", "身份证号码"), ("联系电话:", "联系电话"),
    ("手机号码（选填）", "手机号码"), ("＊姓　名", "姓名"), ("岗位/工种", "岗位工种"),
    ("Mobile Number", "mobilenumber"), (None, ""), (123, "123"),
])
def test_normalise_header(raw, expected):
    assert normalise_header(raw) == expected


@pytest.mark.parametrize("header, field", [
    ("姓名", "name"), ("姓 名", "name"), ("名字", "name"), ("身份证号", "id_number"),
    ("身份证号码", "id_number"), ("证件号码", "id_number"), ("公民身份号码", "id_number"),
    ("手机", "mobile"), ("手机号", "mobile"), ("手机号码", "mobile"), ("联系电话", "mobile"),
    ("电话", "mobile"), ("性别", "gender"), ("企业", "enterprise"), ("单位", "enterprise"),
    ("工作单位", "enterprise"), ("所在企业", "enterprise"), ("岗位", "post"), ("工种", "post"),
    ("职务", "post"), ("人员类别", "category"), ("类别", "category"), ("*姓名（必填）", "name"),
    ("ID number", "id_number"), ("序号", None), ("填报单位:新余钢铁", None), ("ID", None),
])
def test_trainee_synonyms(header, field):
    assert match_header("trainees", header) == field


def test_same_word_means_different_fields_per_kind():
    assert match_header("enterprises", "联系电话") == "contact_phone"
    assert match_header("enterprises", "企业") == "name"
    assert match_header("requests", "开始日期") == "window_start"


def test_more_exact_header_wins_a_field():
    assert suggest_mapping("trainees", ["姓名", "联系电话", "手机号码"]) == {0: "name", 2: "mobile"}


def test_header_row_found_below_title_rows():
    table = Table("x", "s", (
        ("新余恒达钢铁职工培训报名表", None, None),
        ("填报单位:新余恒达钢铁", None, "填报日期:2026年3月5日"),
        (None, None, None),
        ("序号", "姓 名", "身份证号码"),
        (1, "张三", "110105194912310029"),
    ))
    assert find_header_row("trainees", table) == 3
    assert find_header_row("trainees", Table("x", "s", (("1", "2"),))) is None


def test_every_kind_has_one_required_field_or_more_and_unique_synonyms():
    for kind, specs in KIND_FIELDS.items():
        assert any(s.required for s in specs), kind
        words = [normalise_header(w) for s in specs for w in (s.zh,) + s.synonyms]
        mapped = [match_header(kind, w) for w in words]
        assert None not in mapped, kind


@pytest.mark.parametrize("value, text", [
    (None, ""), ("x", "x"), (13800138000, "13800138000"), (13800138000.0, "13800138000"),
    (1.5, "1.5"), (True, "TRUE"), (dt.datetime(2026, 3, 5), "2026-03-05"),
    (dt.date(2026, 3, 5), "2026-03-05"), (dt.datetime(2026, 3, 5, 8, 30), "2026-03-05 08:30:00"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_excel_serial_dates():
    assert excel_serial_to_date(46447) == dt.date(2027, 3, 1)
    assert excel_serial_to_date(46447.75) == dt.date(2027, 3, 1)
    assert excel_serial_to_date(0) is None
    assert excel_serial_to_date(float("nan")) is None
    assert excel_serial_to_date(True) is None


def test_decode_text_detects_encodings():
    text = "姓名,身份证号\n张三,1\n"
    assert decode_text(text.encode("utf-8-sig")) == (text, "utf-8-sig")
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")
    assert decode_text(text.encode("gbk")) == (text, "gb18030")
    assert decode_text("𠀀,㐀".encode("gb18030")) == ("𠀀,㐀", "gb18030")
