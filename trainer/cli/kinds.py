"""The kinds of master data the command line lists, adds and edits: which service functions,
which options, which columns. One table so `list`, `add`, `edit`, `show` and `delete` agree."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from trainer.cli.common import UsageError
from trainer.errors import NotFoundError, ValidationError
from trainer.io.list_columns import KIND_NAMES, Column, cell, cli_columns, reader
from trainer.io.list_columns import headers as column_headers
from trainer.rules import fields as F
from trainer.rules.text import split_list
from trainer.texts import text as cli_text
from trainer.texts.cli import KIND_WORDS

if TYPE_CHECKING:
    from trainer.services import lecturers
    from trainer.services.uow import UnitOfWork

__all__ = ["KIND_NAMES", "Column", "cell", "headers"]  # the column table: io/list_columns.py


def headers(kind: "Kind", lang: str | None = None) -> list[str]:
    """The column headers of a kind's lists and exports, in the current language."""
    return column_headers(kind.columns, lang)


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
    return tuple(_theme_ref(uow, p) for p in split_list(text))


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
    return F.clean_text(text).lower() in ("1", "y", "yes", "true", cli_text("cli.yes", "zh"))


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
    # records in full: cell() masks them unless --reveal (checked and recorded)
    Kind("enterprises", "enterprise", enterprises.EnterpriseForm,
         reader("enterprises"), functools.partial(enterprises.get_enterprise, reveal=True), enterprises.create_enterprise,
         enterprises.update_enterprise, enterprises.delete_enterprise,
         cli_columns("enterprises")),
    Kind("venues", "venue", enterprises.VenueForm,
         reader("venues"),
         enterprises.get_venue, enterprises.create_venue, enterprises.update_venue,
         enterprises.delete_venue,
         cli_columns("venues"),
         {"enterprise_id": ("--enterprise", "enterprise name or id (blank: union training centre)",
                            _enterprise_ref)}),
    Kind("themes", "theme", courses.ThemeForm,
         reader("themes"),
         courses.get_theme, courses.create_theme, courses.update_theme, courses.delete_theme,
         cli_columns("themes")),
    Kind("courses", "course", courses.CourseForm,
         reader("courses"),
         courses.get_course, courses.create_course, courses.update_course, courses.delete_course,
         cli_columns("courses"),
         {"theme_id": ("--theme", "theme name or id", _theme_ref),
          "excused_counts_present": ("--excused-counts-present", "yes/no", _yes_no)}),
    Kind("lecturers", "lecturer", lecturers.LecturerForm,
         reader("lecturers"),
         functools.partial(lecturers.get_lecturer, reveal=True), lecturers.create_lecturer,
         lecturers.update_lecturer,
         lecturers.delete_lecturer,
         cli_columns("lecturers"),
         {"theme_ids": ("--themes", "themes taught: names or ids, comma-separated", _theme_refs),
          "unavailable": ("--unavailable", "dates: START[:END[:REASON]],… (replaces the list)",
                          _date_ranges)}),
    Kind("trainees", "trainee", trainees.TraineeForm, reader("trainees"),
         trainees.get_trainee, trainees.create_trainee, trainees.update_trainee,
         trainees.delete_trainee,
         cli_columns("trainees"),
         {"enterprise_id": ("--enterprise", "enterprise name or id", _enterprise_ref)}),
    Kind("requests", "training_request", requests.TrainingRequestForm, reader("requests"),
         requests.get_request, requests.create_request, requests.update_request,
         requests.delete_request,
         cli_columns("requests"),
         {"enterprise_id": ("--enterprise", "enterprise name or id", _enterprise_ref),
          "course_id": ("--course", "course title or id", _course_ref),
          "weekdays": ("--weekdays", "ISO weekday digits, e.g. 135 = Mon, Wed, Fri", None),
          "periods": ("--periods", "morning,afternoon,evening (or their Chinese names)", None),
          "blackout_dates": ("--blackout-dates", "dates without training, comma-separated",
                             None),
          "allow_weekends": ("--allow-weekends", "yes/no: ordinary Saturdays and "
                             "Sundays too; never a statutory holiday", None)}),
)}
    assert tuple(table) == KIND_NAMES, "KIND_NAMES lists the kinds of the table, in its order"
    return table


ALIASES = {k[:-1]: k for k in KIND_NAMES} | KIND_WORDS  # singular, or its Chinese name


def resolve_kind(name: str) -> Kind:
    key = ALIASES.get(name, name)
    if key not in KIND_NAMES:
        raise UsageError(cli_text("cli.unknown_kind", name=name, kinds=", ".join(KIND_NAMES)))
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


def not_found(kind: Kind, key: object) -> NotFoundError:
    return NotFoundError(kind.entity, key)
