"""The rules of open-recruitment programmes without a database (issue 16): how a month's classes
are split between levels, months, categories, the 已持证 column, which level a written level
means, and how each applicant row is decided, in file order, with its located reason."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from trainer.errors import ValidationError
from trainer.rules.fields import yes_no
from trainer.services.applications import ApplicantRow, _decide, level_for
from trainer.services.programmes import (LevelRecord, ProgrammeClass, ProgrammeError,
                                         ProgrammeRecord, add_months, month_end,
                                         parse_categories, split_classes)

D = dt.date


def test_classes_a_month_are_split_between_levels():
    assert split_classes(3, [None]) == [3]
    assert split_classes(3, [None, None]) == [2, 1]  # 初级 the rest, 等级提升 one
    assert split_classes(5, [None, 2]) == [3, 2]
    assert split_classes(4, [1, None, 1]) == [1, 2, 1]
    assert split_classes(1, [None, None]) == [0, 1]  # the caller refuses the empty level
    with pytest.raises(ProgrammeError) as info:
        split_classes(3, [None, 4])
    assert info.value.message("zh") == "各等级每月开班数之和（4）超过每月开班数（3）。"


def test_months():
    assert add_months(D(2027, 3, 1), 5) == D(2027, 8, 1)
    assert add_months(D(2026, 11, 1), 3) == D(2027, 2, 1)
    assert month_end(D(2028, 2, 1)) == D(2028, 2, 29)
    assert month_end(D(2027, 12, 1)) == D(2027, 12, 31)


def test_categories_by_label_code_or_english_any_separator():
    assert parse_categories("下岗失业人员，困难职工、migrant;school_leaver") == (
        "laid_off", "in_difficulty", "migrant", "school_leaver")
    assert parse_categories("") == ()
    assert parse_categories("农民工,农民工") == ("migrant",)
    with pytest.raises(ValidationError):
        parse_categories("个体户")


@pytest.mark.parametrize("cell, holds", [("是", True), ("有", True), ("√", True), (" YES ", True),
                                         (1, True), (True, True), ("否", False), ("无", False),
                                         (None, None), ("", None), (0, False), ("×", False)])
def test_holds_certificate_column(cell, holds):
    assert yes_no(cell, "holds_certificate") is holds


def test_holds_certificate_column_refuses_what_it_cannot_read():
    with pytest.raises(ValidationError) as info:
        yes_no("持有初级证", "holds_certificate")
    assert info.value.message("zh") == "已持证应为以下之一：是/否"


def programme(levels=("初级", "等级提升"), free=((2, 0), (1,)), eligible=("laid_off",)):
    lv = tuple(LevelRecord(i + 1, 1, i + 1, name, i + 1, name, 1, 60, name)
               for i, name in enumerate(levels))
    classes = tuple(ProgrammeClass(10 * i + k, f"P1-202703-{10 * i + k}", "", name,
                                   D(2027, 3, 1), 5, 5 - places, 0, D(2027, 3, 1), D(2027, 3, 31))
                    for i, (name, spaces) in enumerate(zip(levels, free))
                    for k, places in enumerate(spaces, 1))
    return ProgrammeRecord(1, 1, "秦皇岛计划", 1, "培训中心", D(2027, 3, 1), 1, 3, 5, eligible, "",
                           "planned", lv, classes)


def accepted(row, category="laid_off", level="", holds=False, existing=None, name="王芳"):
    return SimpleNamespace(row=row, existing_id=existing, values={
        "name": name, "id_number": f"13030219850312{row:04d}", "category": category,
        "level": level, "holds_certificate": holds})


def decide(rows, record=None, taken=None, holders=()):
    imported = SimpleNamespace(accepted=rows, rejected=[], duplicates=[])
    return {r.row: r for r in _decide(record or programme(), imported, taken or {},
                                      set(holders))}


def test_level_written_or_blank():
    record = programme()
    assert level_for(record, "") == "初级"
    assert level_for(record, " 等级提升 ") == "等级提升"
    assert level_for(record, "母婴护理师初级") == "初级"
    assert level_for(record, "高级") is None


def test_each_row_first_class_with_a_place_in_file_order():
    out = decide([accepted(3), accepted(4), accepted(5), accepted(6, level="等级提升"),
                  accepted(7, level="等级提升")])
    assert [out[r].class_code for r in (3, 4)] == ["P1-202703-1", "P1-202703-1"]
    assert out[5].reason == "no_place"  # class 2 of 初级 has no place left
    assert out[6].class_code == "P1-202703-11" and out[7].reason == "no_place"
    assert out[5].message("en") == "row 5: 王芳: no place left in any “初级” class"
    assert out[3].message("zh") == "第 3 行：王芳，编入P1-202703-1（初级）"


def test_refusals_in_order_of_the_rules():
    out = decide([accepted(3, existing=7), accepted(4, category="regular"),
                  accepted(5, level="高级"), accepted(6, category="个体户")],
                 taken={7: "秦皇岛计划（初级）2027年3月第1期"})
    assert out[3].reason == "already_enrolled" and "第1期" in out[3].message("zh")
    assert out[4].message("zh") == ("第 4 行：王芳，人员类别“在岗职工”不在本项目招收范围"
                                    "（下岗失业人员）内")
    assert out[5].message("en") == ("row 5: 王芳: level “高级” is not offered by this programme "
                                    "(初级, 等级提升)")
    assert "“个体户”" in out[6].message("zh")  # a word we do not know, as written


def test_a_certificate_holder_applying_for_the_first_level():
    out = decide([accepted(3, holds=True), accepted(4, existing=9)], holders={9})
    assert out[3].level == "等级提升" and out[3].moved_up
    assert out[3].message("zh") == "第 3 行：王芳，已持证，由“初级”改报“等级提升”，编入P1-202703-11"
    assert out[4].reason == "no_place"  # the one 等级提升 place is taken by row 3
    single = decide([accepted(3, holds=True)], programme(levels=("初级",), free=((2,),)))
    assert single[3].reason == "holder_no_raising"
    assert single[3].message("en").startswith("row 3: 王芳: already holds the certificate")


def test_anyone_when_the_programme_names_no_category():
    out = decide([accepted(3, category="regular")], programme(eligible=()))
    assert out[3].placed


def test_refused_rows_without_a_name_say_only_the_row():
    row = ApplicantRow(8, "", "", "", "", "", reason="duplicate_in_file", params={"row": 3})
    assert row.message("zh") == "第 8 行：与第 3 行是同一人，重复报名"
    assert row.message("en") == "row 8: is the same person as row 3 (applied twice)"
