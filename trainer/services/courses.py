"""Themes (课程主题) and courses (课程)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import (Cohort, Course, Enterprise, Lecturer, Theme, TrainingRequest,
                                lecturer_themes)
from trainer.errors import NotFoundError
from trainer.rules import fields
from trainer.services.common import (apply, check_version, ensure_unique, filtered, get_row,
                                     refuse_if_referenced, search_filter)
from trainer.services.uow import UnitOfWork

DEFAULT_THEMES = (  # the four themes of the Xinyu survey, with their calendar colours
    ("职工心理健康", "#7e57c2"),
    ("安全生产", "#e53935"),
    ("班组建设与管理", "#1e88e5"),
    ("线上线下营销", "#43a047"),
)


@dataclass(frozen=True)
class ThemeForm:
    name: str
    color: str = ""
    sort_order: int | str = 0
    description: str = ""


@dataclass(frozen=True)
class ThemeRecord:
    id: int
    version: int
    name: str
    color: str
    sort_order: int
    description: str


@dataclass(frozen=True)
class CourseForm:
    theme_id: int
    title: str
    total_hours: int | str = ""
    lesson_count: int | str = 1
    lesson_minutes: int | str = 120
    theory_percent: int | str = 30
    pass_mark: int | str = ""
    min_attendance_percent: int | str = 80
    excused_counts_present: bool = False
    capacity: int | str = 60
    description: str = ""
    min_online_hours: int | str = ""  # online study needed to complete ("": no such rule)


@dataclass(frozen=True)
class CourseRecord:
    id: int
    version: int
    theme_id: int
    theme_name: str
    title: str
    total_hours: int
    lesson_count: int
    lesson_minutes: int
    theory_percent: int
    pass_mark: int | None
    min_attendance_percent: int
    excused_counts_present: bool
    capacity: int
    description: str
    min_online_hours: int | None = None


def _theme_record(row: Theme) -> ThemeRecord:
    return ThemeRecord(row.id, row.version, row.name, row.color, row.sort_order, row.description)


def _clean_theme(form: ThemeForm) -> dict:
    check = fields.FieldCheck()
    values = {
        "name": check(fields.text, form.name, "name", required=True, max_len=50, name=True),
        "color": check(fields.colour, form.color),
        "sort_order": check(fields.integer, form.sort_order, "sort_order", maximum=9999) or 0,
        "description": check(fields.text, form.description, "description", max_len=2000),
    }
    check.raise_if_any()
    return values


def _unique_theme(uow: UnitOfWork, name: str, own_id: int | None = None) -> None:
    stmt = select(Theme.id).where(Theme.organization_id == uow.organization_id, Theme.name == name)
    ensure_unique(uow.session, stmt if own_id is None else stmt.where(Theme.id != own_id),
                  "name", name)


def list_themes(uow: UnitOfWork, search: str = "") -> list[ThemeRecord]:
    with uow:
        stmt = select(Theme).where(Theme.organization_id == uow.organization_id)
        stmt = filtered(stmt, search_filter(search, [Theme.name, Theme.description]))
        return [_theme_record(r) for r in uow.session.scalars(stmt.order_by(Theme.sort_order,
                                                                            Theme.id))]


def get_theme(uow: UnitOfWork, theme_id: int) -> ThemeRecord:
    with uow:
        return _theme_record(get_row(uow.session, Theme, theme_id, "theme", uow.organization_id))


def create_theme(uow: UnitOfWork, form: ThemeForm) -> ThemeRecord:
    values = _clean_theme(form)
    with uow:
        _unique_theme(uow, values["name"])
        row = Theme(organization_id=uow.organization_id, **values)
        uow.session.add(row)
        uow.session.flush()
        return _theme_record(row)


def create_default_themes(uow: UnitOfWork) -> list[ThemeRecord]:
    """The four default themes, those missing only."""
    with uow:
        existing = {t.name for t in list_themes(uow)}
        for order, (name, colour) in enumerate(DEFAULT_THEMES, start=1):
            if name not in existing:
                create_theme(uow, ThemeForm(name, colour, order))
        return list_themes(uow)


def update_theme(uow: UnitOfWork, theme_id: int, form: ThemeForm,
                 expected_version: int | None, *, force: bool = False) -> ThemeRecord:
    values = _clean_theme(form)
    with uow:
        row = get_row(uow.session, Theme, theme_id, "theme", uow.organization_id)
        check_version(row, expected_version, "theme", row.name, force=force)
        _unique_theme(uow, values["name"], row.id)
        apply(row, values)
        uow.session.flush()
        return _theme_record(row)


def delete_theme(uow: UnitOfWork, theme_id: int, expected_version: int | None, *, force: bool = False) -> None:
    with uow:
        row = get_row(uow.session, Theme, theme_id, "theme", uow.organization_id)
        check_version(row, expected_version, "theme", row.name, force=force)
        refuse_if_referenced(uow.session, "theme", row.name, [
            ("course", select(Course.title).where(Course.theme_id == row.id)),
            ("lecturer", select(Lecturer.name).join(lecturer_themes).where(
                lecturer_themes.c.theme_id == row.id)),
        ])
        uow.session.delete(row)


# --- courses ------------------------------------------------------------------------------

def _course_record(row: Course) -> CourseRecord:
    return CourseRecord(row.id, row.version, row.theme_id, row.theme.name, row.title,
                        row.total_hours, row.lesson_count, row.lesson_minutes, row.theory_percent,
                        row.pass_mark, row.min_attendance_percent, row.excused_counts_present,
                        row.capacity, row.description, row.min_online_hours)


def _clean_course(form: CourseForm) -> dict:
    check = fields.FieldCheck()
    values = {
        "theme_id": form.theme_id,
        "title": check(fields.text, form.title, "title", required=True, max_len=100, name=True),
        "lesson_count": check(fields.integer, form.lesson_count, "lesson_count", minimum=1,
                              maximum=200, required=True),
        "lesson_minutes": check(fields.integer, form.lesson_minutes, "lesson_minutes",
                                minimum=15, maximum=600, required=True),
        "total_hours": check(fields.integer, form.total_hours, "total_hours", maximum=2000),
        "theory_percent": check(fields.integer, form.theory_percent, "theory_percent",
                                maximum=100) or 0,
        "pass_mark": check(fields.integer, form.pass_mark, "pass_mark", maximum=100),
        "min_attendance_percent": check(fields.integer, form.min_attendance_percent,
                                        "min_attendance_percent", maximum=100) or 0,
        "excused_counts_present": bool(form.excused_counts_present),
        "capacity": check(fields.integer, form.capacity, "capacity", minimum=1,
                          maximum=10_000, required=True),
        "description": check(fields.text, form.description, "description", max_len=4000),
        "min_online_hours": check(fields.integer, form.min_online_hours, "min_online_hours",
                                  maximum=2000),
    }
    check.raise_if_any()
    if values["total_hours"] is None:  # derived: lessons × length, in whole class hours
        values["total_hours"] = round(values["lesson_count"] * values["lesson_minutes"] / 60)
    return values


def _check_course(uow: UnitOfWork, values: dict, own_id: int | None = None) -> None:
    get_row(uow.session, Theme, values["theme_id"], "theme", uow.organization_id)
    stmt = select(Course.id).where(Course.theme_id == values["theme_id"],
                                   Course.title == values["title"])
    ensure_unique(uow.session, stmt if own_id is None else stmt.where(Course.id != own_id),
                  "title", values["title"])


def _course_query(uow: UnitOfWork, search: str, theme_id: int | None):
    stmt = select(Course).join(Theme).where(Theme.organization_id == uow.organization_id)
    if theme_id is not None:
        stmt = stmt.where(Course.theme_id == theme_id)
    return filtered(stmt, search_filter(search, [Course.title, Theme.name, Course.description]))


def list_courses(uow: UnitOfWork, search: str = "", theme_id: int | None = None) -> list[CourseRecord]:
    with uow:
        stmt = _course_query(uow, search, theme_id).order_by(Theme.sort_order, Course.title)
        return [_course_record(r) for r in uow.session.scalars(stmt)]


def get_course(uow: UnitOfWork, course_id: int) -> CourseRecord:
    with uow:
        row = get_row(uow.session, Course, course_id, "course")
        if row.theme.organization_id != uow.organization_id:
            raise NotFoundError("course", course_id)
        return _course_record(row)


def create_course(uow: UnitOfWork, form: CourseForm) -> CourseRecord:
    values = _clean_course(form)
    with uow:
        _check_course(uow, values)
        row = Course(**values)
        uow.session.add(row)
        uow.session.flush()
        return _course_record(row)


def update_course(uow: UnitOfWork, course_id: int, form: CourseForm,
                  expected_version: int | None, *, force: bool = False) -> CourseRecord:
    values = _clean_course(form)
    with uow:
        get_course(uow, course_id)
        row = uow.session.get(Course, course_id)
        check_version(row, expected_version, "course", row.title, force=force)
        _check_course(uow, values, row.id)
        apply(row, values)
        uow.session.flush()
        return _course_record(row)


def delete_course(uow: UnitOfWork, course_id: int, expected_version: int | None, *, force: bool = False) -> None:
    with uow:
        get_course(uow, course_id)
        row = uow.session.get(Course, course_id)
        check_version(row, expected_version, "course", row.title, force=force)
        refuse_if_referenced(uow.session, "course", row.title, [
            ("cohort", select(Cohort.name).where(Cohort.course_id == row.id)),
            ("training_request", select(Enterprise.name).join(TrainingRequest).where(
                TrainingRequest.course_id == row.id)),
        ])
        uow.session.delete(row)
