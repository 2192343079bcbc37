"""One column table per kind of master data — what `trainer list` prints and what an export
writes (io/list_export.py, the GUI's Export button and `trainer export`): the columns, their
headers in Chinese and English, how a value shows, and how the records of a kind are read.
Personal values (ID numbers, mobiles, contact phones) are masked unless revealed, by the one
masking rule of security/personal.py."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Callable

from trainer.texts import GENDERS, LECTURER_CATEGORIES, TRAINEE_CATEGORIES, label, language
from trainer.texts import heading

# The kinds, in table order: known without importing the services (help texts)
KIND_NAMES = ("enterprises", "venues", "themes", "courses", "lecturers", "trainees", "requests")
ENTITIES = {"enterprises": "enterprise", "venues": "venue", "themes": "theme",
            "courses": "course", "lecturers": "lecturer", "trainees": "trainee",
            "requests": "training_request"}


@dataclass(frozen=True)
class Column:
    attr: str
    zh: str
    en: str
    show: Callable[[Any], str] | None = None  # value → text (personal values are masked first)


def headers(columns: tuple[Column, ...], lang: str | None = None) -> list[str]:
    """The headers of `columns` in the current language (or `lang`)."""
    zh = (lang or language()) == "zh"
    return [column.zh if zh else column.en for column in columns]


def cell(column: Column, record: Any, reveal: bool) -> str:
    """The value of `column` in `record` as text; a personal value masked unless `reveal`."""
    value = getattr(record, column.attr)
    if not reveal:
        from trainer.security.personal import mask_personal

        value = mask_personal(column.attr, value)
    if column.show:
        return column.show(value)
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _labelled(table):
    return lambda value: label(table, value) if value else ""


def _joined(value: Any) -> str:
    return "、".join(value)


def _periods(value: Any) -> str:
    from trainer.services import requests

    return "、".join(label(requests.DAY_PERIODS, p) for p in value)


def _ranges(value: Any) -> str:
    return ", ".join(f"{r.start}~{r.end}" for r in value)


def _statuses(value: Any) -> str:
    from trainer.services import requests

    return label(requests.REQUEST_STATUSES, value) if value else ""


C = Column
COLUMNS: dict[str, tuple[Column, ...]] = {
    "enterprises": (C("id", "编号", "ID"), C("name", "企业名称", "Name"),
                    C("district", "区县", "District"), C("park", "园区", "Park"),
                    C("industry", "行业", "Industry"), C("contact_name", "联系人", "Contact"),
                    C("contact_phone", "联系电话", "Phone"), C("headcount", "职工数", "Headcount")),
    "venues": (C("id", "编号", "ID"), C("name", "地点", "Venue"),
               C("enterprise_name", "所属企业", "Enterprise"), C("capacity", "容量", "Capacity"),
               C("address", "地址", "Address")),
    "themes": (C("id", "编号", "ID"), C("name", "主题", "Theme"), C("color", "颜色", "Colour"),
               C("description", "说明", "Description")),
    "courses": (C("id", "编号", "ID"), C("title", "课程", "Course"),
                C("theme_name", "主题", "Theme"), C("lesson_count", "课次", "Lessons"),
                C("lesson_minutes", "每课分钟", "Minutes"), C("total_hours", "学时", "Hours"),
                C("pass_mark", "合格分", "Pass mark"), C("capacity", "班额", "Capacity"),
                C("min_online_hours", "线上学时", "Online h")),
    "lecturers": (C("id", "编号", "ID"), C("name", "姓名", "Name"),
                  C("category", "类别", "Category", _labelled(LECTURER_CATEGORIES)),
                  C("theme_names", "授课主题", "Themes", _joined),
                  C("hourly_fee", "课时费", "Fee/h"), C("employer", "单位", "Employer"),
                  C("mobile", "手机", "Mobile"),
                  C("unavailable", "不可授课", "Unavailable", _ranges)),
    "trainees": (C("id", "编号", "ID"), C("name", "姓名", "Name"),
                 C("gender", "性别", "Gender", _labelled(GENDERS)),
                 C("id_number", "身份证号", "ID number"), C("mobile", "手机", "Mobile"),
                 C("enterprise_name", "企业", "Enterprise"), C("post", *heading("post")),
                 C("category", "类别", "Category", _labelled(TRAINEE_CATEGORIES))),
    "requests": (C("id", "编号", "ID"), C("enterprise_name", "企业", "Enterprise"),
                 C("course_title", "课程", "Course"), C("workers", "人数", "Workers"),
                 C("window_start", "开始", "From"), C("window_end", "结束", "To"),
                 C("weekdays", "星期", "Weekdays"), C("periods", "时段", "Times", _periods),
                 C("priority", "优先级", "Priority"),
                 C("status", "状态", "Status", _statuses)),
}
assert tuple(COLUMNS) == KIND_NAMES


@functools.cache
def reader(kind: str) -> Callable:
    """How the records of `kind` are read: (uow, search="", limit=None, offset=0) → records,
    personal values in full (cell() masks them unless revealed)."""
    from trainer.services import courses, enterprises, lecturers, requests, trainees

    return {
        "enterprises": functools.partial(enterprises.list_enterprises, reveal=True),
        "venues": lambda uow, search="", limit=None, offset=0: enterprises.list_venues(
            uow, search=search),
        "themes": lambda uow, search="", limit=None, offset=0: courses.list_themes(uow, search),
        "courses": lambda uow, search="", limit=None, offset=0: courses.list_courses(uow, search),
        "lecturers": functools.partial(lecturers.list_lecturers, reveal=True),
        "trainees": trainees.list_trainees,
        "requests": requests.list_requests,
    }[kind]
