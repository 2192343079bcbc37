"""One column table per kind of master data, shared by the screen (ui/models: the master-data
pages' tables and the trainee list), `trainer list` (which puts the id first: ID_COLUMN) and the
export (io/list_export.py: the GUI's Export button and `trainer export` write the screen's
columns): per column the record's field, its heading in Chinese and English (the field's one
label, texts.heading), how a value shows, how it sorts and whether it aligns right. Personal
values (ID numbers, mobiles, contact phones) are masked unless revealed, by the one masking rule
of security/personal.py."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Callable

from trainer.texts import GENDERS, LECTURER_CATEGORIES, TRAINEE_CATEGORIES, label, language
from trainer.texts import heading, text

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
    numeric: bool = False  # sorts as a number, aligns right on the screen, a number in Excel


def field(attr: str, label: str | None = None, show: Callable[[Any], str] | None = None,
          numeric: bool = False) -> Column:
    """A column headed by a field's one label (texts.labels.FIELDS via texts.heading)."""
    return Column(attr, *heading(label or attr), show=show, numeric=numeric)


def sort_value(column: Column, record: Any) -> Any:
    """What the screen sorts the column by: numbers as numbers (none first), else its text."""
    if column.numeric:
        value = getattr(record, column.attr)
        return -1 if value is None else value
    return cell(column, record, reveal=True)


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
    return text("cli.separator").join(value)


def _money(value: Any) -> str:
    return f"{value:,.2f}"


def _periods(value: Any) -> str:
    from trainer.services import requests

    return " ".join(label(requests.DAY_PERIODS, p) for p in value)


def _weekdays(value: Any) -> str:
    from trainer.services import requests

    return " ".join(label(requests.WEEKDAY_NAMES, d) for d in value)


def _ranges(value: Any) -> str:
    return ", ".join(f"{r.start}~{r.end}" for r in value)


def _statuses(value: Any) -> str:
    from trainer.services import requests

    return label(requests.REQUEST_STATUSES, value) if value else ""


def _count(value: Any) -> str:
    return str(value) if value else ""


C = Column
ID_COLUMN = C("id", "编号", "ID", numeric=True)  # `trainer list` prints it first: show/edit take it
COLUMNS: dict[str, tuple[Column, ...]] = {  # the screen's columns, in its order
    "enterprises": (field("name"), field("district"), field("park"), field("industry"),
                    field("contact_name"), field("contact_phone"),
                    field("headcount", numeric=True), field("credit_code")),
    "venues": (C("name", "地点", "Venue"), C("enterprise_name", "所属企业", "Enterprise"),
               field("capacity", numeric=True), field("address")),
    "themes": (C("name", "课程主题", "Theme"), field("sort_order", numeric=True)),
    "courses": (C("title", "课程", "Course"), C("theme_name", *heading("theme")),
                field("total_hours", numeric=True), field("lesson_count", numeric=True),
                field("lesson_minutes", numeric=True), field("theory_percent", numeric=True),
                C("capacity", "班额", "Class size", numeric=True),
                field("pass_mark", numeric=True),
                field("min_online_hours", numeric=True)),
    "lecturers": (field("name", "person_name"),
                  field("category", show=_labelled(LECTURER_CATEGORIES)),
                  C("theme_names", *heading("themes"), _joined),
                  field("hourly_fee", show=_money, numeric=True),
                  field("gender", show=_labelled(GENDERS)), field("employer"),
                  C("title", "职称", "Title"), field("mobile"),
                  C("unavailable", *heading("unavailable"), _ranges)),
    "trainees": (field("name", "person_name"), field("gender", show=_labelled(GENDERS)),
                 field("id_number"), field("mobile"), C("enterprise_name", *heading("enterprise")),
                 field("post"), field("category", show=_labelled(TRAINEE_CATEGORIES))),
    "requests": (C("enterprise_name", *heading("enterprise")),
                 C("course_title", *heading("course")), C("theme_name", *heading("theme")),
                 field("workers", numeric=True), field("window_start"), field("window_end"),
                 field("weekdays", show=_weekdays), field("periods", show=_periods),
                 field("priority", numeric=True), field("status", show=_statuses),
                 C("classes", "培训班数", "Classes", _count, numeric=True)),
}


def cli_columns(kind: str) -> tuple[Column, ...]:
    """What `trainer list KIND` prints: the id, then the screen's columns."""
    return (ID_COLUMN, *COLUMNS[kind])


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
