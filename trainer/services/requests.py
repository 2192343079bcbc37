"""Training requests (培训需求 / 订单): what an enterprise asked for in the survey — a course for
so many workers, within a date window, on the weekdays and half-days the shifts allow."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trainer.db.models import Cohort, Course, Enterprise, Theme, TrainingRequest
from trainer.errors import NotFoundError, ValidationError
from trainer.texts import FIELDS
from trainer.texts.labels import PERIODS, WEEKDAYS
from trainer.rules import fields
from trainer.rules.statuses import RequestStatus
from trainer.rules.text import clean_text
from trainer.services.common import (apply, check_version, count, filtered, page,
                                     refuse_if_referenced, search_filter)
from trainer.services.uow import UnitOfWork

# Codes stored in the database, with their (Chinese, English) labels for the UI and for
# fields.choice, which also accepts a label typed instead of the code.
REQUEST_STATUSES: dict[str, tuple[str, str]] = {
    RequestStatus.open: ("待安排", "open"),
    RequestStatus.planned: ("已排班", "planned"),
    RequestStatus.done: ("已完成", "done"),
    RequestStatus.cancelled: ("已取消", "cancelled"),
}
DAY_PERIODS = PERIODS  # in the order of the day (trainer/texts/labels.py)
WEEKDAY_NAMES = WEEKDAYS
MAX_WORKERS = 100_000
MAX_PRIORITY = 9  # 0 = normal … 9 = most urgent

_SEPARATORS = re.compile(r"[\s,;、|]+")  # not "/" nor ".": 2027/1/5 is one date


@dataclass(frozen=True)
class TrainingRequestForm:
    enterprise_id: int | None
    course_id: int | None
    workers: int | str
    window_start: dt.date | str
    window_end: dt.date | str
    weekdays: str = "12345"  # ISO weekday digits, 1 = Monday; "1,3,5" and "1 3 5" are accepted
    periods: tuple[str, ...] | str = ("morning", "afternoon")  # codes or labels; or "a,b"
    blackout_dates: tuple[dt.date | str, ...] | str = ()  # dates, or "2027-01-05,2027-01-12"
    priority: int | str = 0
    status: str = RequestStatus.open
    notes: str = ""
    allow_weekends: bool | str = False  # ordinary Saturdays/Sundays too (never holidays)


@dataclass(frozen=True)
class TrainingRequestRecord:
    id: int
    version: int
    enterprise_id: int
    enterprise_name: str
    course_id: int
    course_title: str
    theme_id: int
    theme_name: str
    workers: int
    window_start: dt.date
    window_end: dt.date
    weekdays: str
    periods: tuple[str, ...]
    blackout_dates: tuple[dt.date, ...]
    priority: int
    status: str
    notes: str
    allow_weekends: bool = False
    classes: int = 0  # classes split from it (分班)

    @property
    def display_name(self) -> str:
        return f"{self.enterprise_name} · {self.course_title}"


# --- parsing the multi-valued fields ---------------------------------------------------------

def _parts(value: object) -> list:
    """A text split at commas, spaces or 、; or the items of a tuple (dates kept as dates)."""
    if value is None or isinstance(value, str):
        return [p for p in _SEPARATORS.split(clean_text(value)) if p]
    items = [v if isinstance(v, dt.date) else clean_text(v) for v in value]
    return [v for v in items if v]


def parse_weekdays(value: object, field: str = "weekdays") -> str:
    """'135', '1,3,5', '5 3 1', (1, 3, 5) → '135' (sorted, once each). Only digits 1–7."""
    digits = "".join(str(p) for p in _parts(value))
    if not digits:
        raise ValidationError(field, "required")
    if not re.fullmatch(r"[1-7]+", digits):
        raise ValidationError(field, "choice", choices="1–7")
    return "".join(sorted(set(digits)))


def parse_periods(value: object, field: str = "periods") -> tuple[str, ...]:
    """('afternoon', 'morning'), 'morning,afternoon', '上午、下午' → ('morning', 'afternoon')."""
    codes = {fields.choice(part, field, DAY_PERIODS) for part in _parts(value)}
    if not codes:
        raise ValidationError(field, "required")
    return tuple(code for code in DAY_PERIODS if code in codes)


def parse_blackout_dates(value: object, field: str = "blackout_dates") -> tuple[dt.date, ...]:
    """Dates or ISO date texts, as a tuple or one comma-separated text → sorted, once each."""
    return tuple(sorted({fields.date(part, field, required=True) for part in _parts(value)}))


YES = {"1", "true", "yes", "y", "是", "允许", "可以", "√"}
NO = {"", "0", "false", "no", "n", "否", "不允许", "不可以", "×"}
FIELDS.setdefault("allow_weekends", ("可安排普通周末", "ordinary weekends allowed"))


def parse_yes_no(value: object, field: str = "allow_weekends") -> bool:
    """True/False, or yes/no, 是/否, 允许/不允许, 1/0 as typed."""
    if isinstance(value, bool):
        return value
    text = clean_text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(field, "choice", choices="是/否")


def _join_dates(dates: Iterable[dt.date]) -> str:
    return ",".join(d.isoformat() for d in dates)


def _split_dates(text: str) -> tuple[dt.date, ...]:
    return tuple(dt.date.fromisoformat(p) for p in text.split(",") if p)


# --- records and queries ----------------------------------------------------------------------

def _record(row: TrainingRequest, enterprise_name: str, course_title: str, theme_id: int,
            theme_name: str, classes: int = 0) -> TrainingRequestRecord:
    return TrainingRequestRecord(
        row.id, row.version, row.enterprise_id, enterprise_name, row.course_id, course_title,
        theme_id, theme_name, row.workers, row.window_start, row.window_end, row.weekdays,
        tuple(p for p in row.periods.split(",") if p), _split_dates(row.blackout_dates),
        row.priority, row.status, row.notes, bool(row.allow_weekends), classes or 0)


def _select(org: int):
    classes = (select(func.count(Cohort.id)).where(Cohort.request_id == TrainingRequest.id)
               .correlate(TrainingRequest).scalar_subquery())
    return (select(TrainingRequest, Enterprise.name, Course.title, Theme.id, Theme.name, classes)
            .join(Enterprise, TrainingRequest.enterprise_id == Enterprise.id)
            .join(Course, TrainingRequest.course_id == Course.id)
            .join(Theme, Course.theme_id == Theme.id)
            .where(TrainingRequest.organization_id == org))


def _query(org: int, search: str, status: str | Iterable[str] | None,
           enterprise_id: int | None, course_id: int | None):
    stmt = _select(org)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        stmt = stmt.where(TrainingRequest.status.in_(statuses))
    if enterprise_id is not None:
        stmt = stmt.where(TrainingRequest.enterprise_id == enterprise_id)
    if course_id is not None:
        stmt = stmt.where(TrainingRequest.course_id == course_id)
    return filtered(stmt, search_filter(search, [Enterprise.name, Course.title, Theme.name,
                                                 TrainingRequest.notes],
                                        Enterprise.name_initials))


def _load(session: Session, org: int, request_id: int) -> TrainingRequestRecord:
    found = session.execute(_select(org).where(TrainingRequest.id == request_id)).first()
    if found is None:
        raise NotFoundError("training_request", request_id)
    return _record(*found)


def list_requests(uow: UnitOfWork, search: str = "", status: str | Iterable[str] | None = None,
                  *, enterprise_id: int | None = None, course_id: int | None = None,
                  limit: int | None = None, offset: int = 0) -> list[TrainingRequestRecord]:
    """Earliest window first, then the most urgent. `status`: one code or several."""
    with uow:
        stmt = _query(uow.organization_id, search, status, enterprise_id, course_id).order_by(
            TrainingRequest.window_start, TrainingRequest.priority.desc(),
            Enterprise.name_initials, TrainingRequest.id)
        return [_record(*r) for r in uow.session.execute(page(stmt, limit, offset))]


def count_requests(uow: UnitOfWork, search: str = "", status: str | Iterable[str] | None = None,
                   *, enterprise_id: int | None = None, course_id: int | None = None) -> int:
    with uow:
        return count(uow.session, _query(uow.organization_id, search, status, enterprise_id,
                                         course_id))


def get_request(uow: UnitOfWork, request_id: int) -> TrainingRequestRecord:
    with uow:
        return _load(uow.session, uow.organization_id, request_id)


# --- changes ----------------------------------------------------------------------------------

def clean_request(form: TrainingRequestForm) -> dict:
    check = fields.FieldCheck()
    start = check(fields.date, form.window_start, "window_start", required=True)
    end = check(fields.date, form.window_end, "window_end", required=True)
    if start and end and end < start:
        check.add(ValidationError("window_end", "date_order"))
    periods = check(parse_periods, form.periods)
    blackout = check(parse_blackout_dates, form.blackout_dates)
    values = {
        "enterprise_id": form.enterprise_id,
        "course_id": form.course_id,
        "workers": check(fields.integer, form.workers, "workers", minimum=1,
                         maximum=MAX_WORKERS, required=True),
        "window_start": start,
        "window_end": end,
        "weekdays": check(parse_weekdays, form.weekdays),
        "periods": ",".join(periods or ()),
        "blackout_dates": _join_dates(blackout or ()),
        "priority": check(fields.integer, form.priority, "priority", maximum=MAX_PRIORITY) or 0,
        "status": check(fields.choice, form.status, "status", REQUEST_STATUSES,
                        default=RequestStatus.open),
        "notes": check(fields.text, form.notes, "notes", max_len=2000),
        "allow_weekends": bool(check(parse_yes_no, form.allow_weekends)),
    }
    if form.enterprise_id is None:
        check.add(ValidationError("enterprise", "required"))
    if form.course_id is None:
        check.add(ValidationError("course", "required"))
    check.raise_if_any()
    return values


def _check_refs(session: Session, org: int, values: dict) -> None:
    """The enterprise and the course must belong to this union office."""
    check = fields.FieldCheck()
    if session.scalar(select(Enterprise.id).where(Enterprise.id == values["enterprise_id"],
                                                  Enterprise.organization_id == org)) is None:
        check.add(ValidationError("enterprise", "unknown", value=values["enterprise_id"]))
    if session.scalar(select(Course.id).join(Theme).where(
            Course.id == values["course_id"], Theme.organization_id == org)) is None:
        check.add(ValidationError("course", "unknown", value=values["course_id"]))
    check.raise_if_any()


def create_request(uow: UnitOfWork, form: TrainingRequestForm) -> TrainingRequestRecord:
    values = clean_request(form)
    with uow:
        org = uow.organization_id
        _check_refs(uow.session, org, values)
        row = TrainingRequest(organization_id=org, **values)
        uow.session.add(row)
        uow.session.flush()
        return _load(uow.session, org, row.id)


def update_request(uow: UnitOfWork, request_id: int, form: TrainingRequestForm,
                   expected_version: int | None, *, force: bool = False) -> TrainingRequestRecord:
    values = clean_request(form)
    with uow:
        org = uow.organization_id
        current = _load(uow.session, org, request_id)
        row = uow.session.get(TrainingRequest, request_id)
        check_version(row, expected_version, "training_request", current.display_name,
                      force=force)
        _check_refs(uow.session, org, values)
        apply(row, values)
        uow.session.flush()
        return _load(uow.session, org, row.id)


def set_request_status(uow: UnitOfWork, request_id: int, status: str,
                       expected_version: int | None, *, force: bool = False) -> TrainingRequestRecord:
    """Only the status: what the planner does when it turns a request into a class."""
    check = fields.FieldCheck()
    code = check(fields.choice, status, "status", REQUEST_STATUSES)
    check.raise_if_any()
    with uow:
        current = _load(uow.session, uow.organization_id, request_id)
        row = uow.session.get(TrainingRequest, request_id)
        check_version(row, expected_version, "training_request", current.display_name,
                      force=force)
        row.status = code
        uow.session.flush()
        return _load(uow.session, uow.organization_id, row.id)


def delete_request(uow: UnitOfWork, request_id: int, expected_version: int | None, *, force: bool = False) -> None:
    """Refused while a class (Cohort) was made from the request."""
    with uow:
        current = _load(uow.session, uow.organization_id, request_id)
        check_version(uow.session.get(TrainingRequest, request_id), expected_version,
                      "training_request", current.display_name, force=force)
        refuse_if_referenced(uow.session, "training_request", current.display_name, [
            ("cohort", select(Cohort.name).where(Cohort.request_id == request_id)
             .order_by(Cohort.id))])
        uow.session.delete(uow.session.get(TrainingRequest, request_id))
