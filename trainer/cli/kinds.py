"""The kinds of master data the command line lists, adds and edits: which service functions,
which options, which columns. One table so `list`, `add`, `edit`, `show` and `delete` agree."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from trainer.cli.common import UsageError
from trainer.errors import NotFoundError, ValidationError
from trainer.messages import GENDERS, LECTURER_CATEGORIES, TRAINEE_CATEGORIES, label, language
from trainer.rules import fields as F
from trainer.rules.id_number import mask_id_number
from trainer.rules.phone import mask_mobile

if TYPE_CHECKING:
    from trainer.services import lecturers
    from trainer.services.uow import UnitOfWork

# The kinds, in the order of the table below: known without importing the services (help texts)
KIND_NAMES = ("enterprises", "venues", "themes", "courses", "lecturers", "trainees", "requests")


@dataclass(frozen=True)
class Column:
    attr: str
    zh: str
    en: str
    show: Callable[[Any, bool], str] | None = None  # (value, reveal) → text


def headers(kind: "Kind", lang: str | None = None) -> list[str]:
    """The column headers of a kind's lists and exports, in the current language."""
    zh = (lang or language()) == "zh"
    return [column.zh if zh else column.en for column in kind.columns]


@dataclass(frozen=True)
class Kind:
    name: str
    entity: str
    form: type
    list: Callable
    get: Callable
    create: Callable
    update: Callable
    delete: Callable
    columns: tuple[Column, ...]
    # form field → (option, help, converter(uow, text) → value); other fields take text as is
    special: dict[str, tuple[str, str, Callable[[UnitOfWork, str], Any]]] = field(default_factory=dict)


def _enterprise_ref(uow: UnitOfWork, text: str) -> int | None:
    from trainer.services import enterprises

    if not text.strip():
        return None
    if text.strip().isdigit():
        return enterprises.get_enterprise(uow, int(text)).id
    found = enterprises.find_enterprise(uow, text)
    if found is None:
        raise ValidationError("enterprise", "unknown", value=text)
    return found.id


def _course_ref(uow: UnitOfWork, text: str) -> int:
    from trainer.services import courses

    for course in courses.list_courses(uow):
        if text.strip() in (str(course.id), course.title):
            return course.id
    raise ValidationError("course", "unknown", value=text)


def _theme_ref(uow: UnitOfWork, text: str) -> int:
    from trainer.services import courses

    items = courses.list_themes(uow)
    for theme in items:
        if text.strip() in (str(theme.id), theme.name):
            return theme.id
    raise ValidationError("theme", "unknown", value=text)


def _theme_refs(uow: UnitOfWork, text: str) -> tuple[int, ...]:
    parts = [p for p in text.replace(",", ",").replace("、", ",").split(",") if p.strip()]
    return tuple(_theme_ref(uow, p) for p in parts)


def _date_ranges(_uow: UnitOfWork, text: str) -> tuple[lecturers.DateRange, ...]:
    """'2026-12-01:2026-12-05:培训出差,2027-01-10' → ranges (a single date is a one-day range)."""
    from trainer.services import lecturers

    ranges = []
    for item in (p.strip() for p in text.split(",") if p.strip()):
        start, _, rest = item.partition(":")
        end, _, reason = rest.partition(":")
        first = F.date(start, "unavailable", required=True)
        ranges.append(lecturers.DateRange(first, F.date(end, "unavailable") or first, reason))
    return tuple(ranges)


def _yes_no(_uow: UnitOfWork, text: str) -> bool:
    return F.clean_text(text).lower() in ("1", "y", "yes", "true", "是")


def _masked_id(value: Any, reveal: bool) -> str:
    return value if reveal else mask_id_number(value)


def _masked_mobile(value: Any, reveal: bool) -> str:
    return value if reveal else mask_mobile(value)


def _labelled(table):
    return lambda value, _reveal: label(table, value) if value else ""


def _joined(value: Any, _reveal: bool) -> str:
    return "、".join(value)


def _periods(value: Any, _reveal: bool) -> str:
    from trainer.services import requests

    return "、".join(label(requests.DAY_PERIODS, p) for p in value)


def _ranges(value: Any, _reveal: bool) -> str:
    return ", ".join(f"{r.start}~{r.end}" for r in value)


def __getattr__(name: str):
    """KINDS, the table, made on first use: it names the service functions, and importing the
    services (the database layer) would slow down `trainer --help`."""
    if name == "KINDS":
        return _kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _kinds() -> dict[str, Kind]:
    from trainer.services import courses, enterprises, lecturers, requests, trainees

    table = {k.name: k for k in (
    # records in full: the columns below mask them unless --reveal (checked and recorded)
    Kind("enterprises", "enterprise", enterprises.EnterpriseForm,
         functools.partial(enterprises.list_enterprises, reveal=True),
         functools.partial(enterprises.get_enterprise, reveal=True), enterprises.create_enterprise,
         enterprises.update_enterprise, enterprises.delete_enterprise,
         (Column("id", "编号", "ID"), Column("name", "企业名称", "Name"),
          Column("district", "区县", "District"), Column("park", "园区", "Park"),
          Column("industry", "行业", "Industry"), Column("contact_name", "联系人", "Contact"),
          Column("contact_phone", "联系电话", "Phone", _masked_mobile),
          Column("headcount", "职工数", "Headcount"))),
    Kind("venues", "venue", enterprises.VenueForm,
         lambda uow, search="", limit=None, offset=0: enterprises.list_venues(uow, search=search),
         enterprises.get_venue, enterprises.create_venue, enterprises.update_venue,
         enterprises.delete_venue,
         (Column("id", "编号", "ID"), Column("name", "地点", "Venue"),
          Column("enterprise_name", "所属企业", "Enterprise"),
          Column("capacity", "容量", "Capacity"), Column("address", "地址", "Address")),
         {"enterprise_id": ("--enterprise", "enterprise name or id (blank: union training centre)",
                            _enterprise_ref)}),
    Kind("themes", "theme", courses.ThemeForm,
         lambda uow, search="", limit=None, offset=0: courses.list_themes(uow, search),
         courses.get_theme, courses.create_theme, courses.update_theme, courses.delete_theme,
         (Column("id", "编号", "ID"), Column("name", "主题", "Theme"),
          Column("color", "颜色", "Colour"), Column("description", "说明", "Description"))),
    Kind("courses", "course", courses.CourseForm,
         lambda uow, search="", limit=None, offset=0: courses.list_courses(uow, search),
         courses.get_course, courses.create_course, courses.update_course, courses.delete_course,
         (Column("id", "编号", "ID"), Column("title", "课程", "Course"),
          Column("theme_name", "主题", "Theme"), Column("lesson_count", "课次", "Lessons"),
          Column("lesson_minutes", "每课分钟", "Minutes"), Column("total_hours", "学时", "Hours"),
          Column("pass_mark", "合格分", "Pass mark"), Column("capacity", "班额", "Capacity")),
         {"theme_id": ("--theme", "theme name or id", _theme_ref),
          "excused_counts_present": ("--excused-counts-present", "yes/no", _yes_no)}),
    Kind("lecturers", "lecturer", lecturers.LecturerForm,
         functools.partial(lecturers.list_lecturers, reveal=True),
         functools.partial(lecturers.get_lecturer, reveal=True), lecturers.create_lecturer,
         lecturers.update_lecturer,
         lecturers.delete_lecturer,
         (Column("id", "编号", "ID"), Column("name", "姓名", "Name"),
          Column("category", "类别", "Category", _labelled(LECTURER_CATEGORIES)),
          Column("theme_names", "授课主题", "Themes", _joined),
          Column("hourly_fee", "课时费", "Fee/h"), Column("employer", "单位", "Employer"),
          Column("mobile", "手机", "Mobile", _masked_mobile),
          Column("unavailable", "不可授课", "Unavailable", _ranges)),
         {"theme_ids": ("--themes", "themes taught: names or ids, comma-separated", _theme_refs),
          "unavailable": ("--unavailable", "dates: START[:END[:REASON]],… (replaces the list)",
                          _date_ranges)}),
    Kind("trainees", "trainee", trainees.TraineeForm, trainees.list_trainees,
         trainees.get_trainee, trainees.create_trainee, trainees.update_trainee,
         trainees.delete_trainee,
         (Column("id", "编号", "ID"), Column("name", "姓名", "Name"),
          Column("gender", "性别", "Gender", _labelled(GENDERS)),
          Column("id_number", "身份证号", "ID number", _masked_id),
          Column("mobile", "手机", "Mobile", _masked_mobile),
          Column("enterprise_name", "企业", "Enterprise"), Column("post", "岗位", "Post"),
          Column("category", "类别", "Category", _labelled(TRAINEE_CATEGORIES))),
         {"enterprise_id": ("--enterprise", "enterprise name or id", _enterprise_ref)}),
    Kind("requests", "training_request", requests.TrainingRequestForm, requests.list_requests,
         requests.get_request, requests.create_request, requests.update_request,
         requests.delete_request,
         (Column("id", "编号", "ID"), Column("enterprise_name", "企业", "Enterprise"),
          Column("course_title", "课程", "Course"), Column("workers", "人数", "Workers"),
          Column("window_start", "开始", "From"), Column("window_end", "结束", "To"),
          Column("weekdays", "星期", "Weekdays"), Column("periods", "时段", "Times", _periods),
          Column("priority", "优先级", "Priority"),
          Column("status", "状态", "Status", _labelled(requests.REQUEST_STATUSES))),
         {"enterprise_id": ("--enterprise", "enterprise name or id", _enterprise_ref),
          "course_id": ("--course", "course title or id", _course_ref),
          "weekdays": ("--weekdays", "ISO weekday digits, e.g. 135 = Mon, Wed, Fri", None),
          "periods": ("--periods", "morning,afternoon,evening (or 上午,下午,晚上)", None),
          "blackout_dates": ("--blackout-dates", "dates without training, comma-separated",
                             None),
          "allow_weekends": ("--allow-weekends", "yes/no (是/否): ordinary Saturdays and "
                             "Sundays too; never a statutory holiday", None)}),
)}
    assert tuple(table) == KIND_NAMES, "KIND_NAMES lists the kinds of the table, in its order"
    return table


ALIASES = {k[:-1]: k for k in KIND_NAMES} | {
    "企业": "enterprises", "地点": "venues", "车间": "venues", "主题": "themes", "课程": "courses",
    "讲师": "lecturers", "学员": "trainees", "需求": "requests", "培训需求": "requests"}


def resolve_kind(name: str) -> Kind:
    key = ALIASES.get(name, name)
    if key not in KIND_NAMES:
        raise UsageError(f"unknown kind {name!r}; use one of {', '.join(KIND_NAMES)}")
    return _kinds()[key]


def form_fields(kind: Kind) -> list[dataclasses.Field]:
    return list(dataclasses.fields(kind.form))


def option_for(kind: Kind, fld: dataclasses.Field) -> str:
    if fld.name in kind.special:
        return kind.special[fld.name][0]
    return "--" + fld.name.replace("_", "-")


def build_form(kind: Kind, uow: UnitOfWork, given: dict[str, str], base: Any | None = None):
    """A Form from the options given, on top of `base` (the current record when editing)."""
    values: dict[str, Any] = {}
    if base is not None:
        values = {f.name: getattr(base, f.name) for f in form_fields(kind) if hasattr(base, f.name)}
    for name, text in given.items():
        convert = kind.special.get(name, (None, None, None))[2]  # None: the text as typed
        values[name] = convert(uow, text) if convert else text
    missing = [f.name for f in form_fields(kind)
               if f.name not in values and f.default is dataclasses.MISSING]
    if missing:
        raise ValidationError(missing[0], "required")
    return kind.form(**values)


def cell(column: Column, record: Any, reveal: bool) -> str:
    value = getattr(record, column.attr)
    if column.show:
        return column.show(value, reveal)
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def not_found(kind: Kind, key: object) -> NotFoundError:
    return NotFoundError(kind.entity, key)
