"""Open-recruitment programmes (培训项目): a named plan of recurring classes of one course per
level (初级, 等级提升…) at a venue or training centre, with no enterprise — start month, number
of months, classes a month, class size, the trainee categories it takes.

Making a programme makes its classes (Cohorts with `programme_id`, open enrolment by the
programme's categories, each with its month as its date window and the programme's venue);
`plan_programme_lessons` then asks the planner for their lessons (a Proposal, accepted with
scheduling.proposal.accept_proposal). Classes of a month are split between the levels: a level
with its own `classes_per_month` takes those, the first level (the newcomers') the rest.
Changing, re-sizing and deleting a programme is services/programme_changes.py. Applicants are
placed by services/applications.py; levels and graded certificates are services/levels.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from trainer.db.models import Cohort, Course, Enrolment, Lesson, Programme, ProgrammeLevel, Venue
from trainer.errors import ProgrammeError, ValidationError
from trainer.texts import TRAINEE_CATEGORIES
from trainer.rules import fields
from trainer.rules.completion import ACTIVE, CANCELLED_LESSON
from trainer.rules.text import clean_text
from trainer.services.common import ensure_unique, get_row
from trainer.services.uow import UnitOfWork

BEGINNER, RAISING = "初级", "等级提升"  # the two levels of the Qinhuangdao plan (office data)
MAX_MONTHS, MAX_CLASSES_PER_MONTH, MAX_CLASS_SIZE = 36, 20, 500



@dataclass(frozen=True)
class LevelForm:
    level: str
    course_id: int
    classes_per_month: int | None = None  # None: the first level takes what the others leave
    pass_mark: int | None = None  # None: the course's
    grade: str = ""  # printed on the certificate when passed; "": the level's name


@dataclass(frozen=True)
class ProgrammeForm:
    name: str
    venue_id: int
    start_month: dt.date  # any day of the first month
    months: int
    classes_per_month: int  # all levels together
    class_size: int
    eligible_categories: tuple[str, ...] = ()  # codes of messages.TRAINEE_CATEGORIES; () anyone
    levels: tuple[LevelForm, ...] = ()  # the first is the newcomers' level; () → 初级 of ?
    notes: str = ""


@dataclass(frozen=True)
class LevelRecord:
    id: int
    version: int
    position: int
    level: str
    course_id: int
    course_title: str
    classes_per_month: int
    pass_mark: int | None  # the level's, else the course's
    grade: str  # what its certificates show


@dataclass(frozen=True)
class ProgrammeClass:
    id: int
    code: str
    name: str
    level: str
    month: dt.date  # the first day of its month
    capacity: int
    enrolled: int
    lessons: int  # not cancelled
    window_start: dt.date
    window_end: dt.date

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.enrolled)


@dataclass(frozen=True)
class ProgrammeRecord:
    id: int
    version: int
    name: str
    venue_id: int
    venue_name: str
    start_month: dt.date
    months: int
    classes_per_month: int
    class_size: int
    eligible_categories: tuple[str, ...]
    notes: str
    status: str
    levels: tuple[LevelRecord, ...] = ()
    classes: tuple[ProgrammeClass, ...] = field(default=())

    @property
    def places(self) -> int:
        return sum(c.capacity for c in self.classes)

    @property
    def enrolled(self) -> int:
        return sum(c.enrolled for c in self.classes)

    @property
    def end_month(self) -> dt.date:
        return add_months(self.start_month, self.months - 1)

    def level(self, name: str) -> LevelRecord | None:
        return next((lv for lv in self.levels if lv.level == name), None)


# --- rules (pure) ------------------------------------------------------------------------------

def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    return add_months(month, 1) - dt.timedelta(days=1)


def split_classes(total: int, wanted: list[int | None]) -> list[int]:
    """Classes a month per level: those given keep theirs; the rest go to the first level not
    given (the first level when all are given and some are left over is refused by the caller).
    Two levels, 3 a month, none given → [2, 1]."""
    if len(wanted) > 1 and all(w is None for w in wanted):
        wanted = [None] + [1] * (len(wanted) - 1)
    given = sum(w for w in wanted if w is not None)
    if given > total:
        raise ProgrammeError("too_many_classes", given=given, total=total)
    out = [w if w is not None else 0 for w in wanted]
    free = [i for i, w in enumerate(wanted) if w is None]
    if free:
        out[free[0]] = total - given
    return out


def parse_categories(value: object) -> tuple[str, ...]:
    """Category codes from codes or Chinese/English labels, separated by commas or 、."""
    import re
    out = []
    for part in re.split(r"[,，、;；\s]+", clean_text(value)):
        if part:
            out.append(fields.choice(part, "eligible_categories", TRAINEE_CATEGORIES))
    return tuple(dict.fromkeys(out))


def _clean(form: ProgrammeForm) -> tuple[dict, list[dict]]:
    check = fields.FieldCheck()
    values = {
        "name": check(fields.text, form.name, "name", required=True, max_len=100, name=True),
        "start_month": check(fields.date, form.start_month, "start_month", required=True),
        "months": check(fields.integer, form.months, "months", minimum=1, maximum=MAX_MONTHS,
                        required=True),
        "classes_per_month": check(fields.integer, form.classes_per_month, "classes_per_month",
                                   minimum=1, maximum=MAX_CLASSES_PER_MONTH, required=True),
        "class_size": check(fields.integer, form.class_size, "class_size", minimum=1,
                            maximum=MAX_CLASS_SIZE, required=True),
        "notes": check(fields.text, form.notes, "notes", max_len=2000),
    }
    cats = check(parse_categories, ",".join(form.eligible_categories))
    values["eligible_categories"] = ",".join(cats or ())
    levels = []
    for n, lv in enumerate(form.levels, 1):
        levels.append({
            "position": n,
            "level": check(fields.text, lv.level, "level", required=True, max_len=20),
            "course_id": lv.course_id,
            "classes_per_month": check(fields.integer, lv.classes_per_month, "classes_per_month",
                                       minimum=1, maximum=MAX_CLASSES_PER_MONTH),
            "pass_mark": check(fields.integer, lv.pass_mark, "pass_mark", maximum=1000),
            "grade": check(fields.text, lv.grade, "grade", max_len=20),
        })
    if not levels:
        check.add(ValidationError("levels", "required"))
    names = [lv["level"] for lv in levels]
    for name in names:
        if name and names.count(name) > 1:
            check.add(ValidationError("level", "duplicate", value=name))
            break
    check.raise_if_any()
    values["start_month"] = values["start_month"].replace(day=1)
    counts = split_classes(values["classes_per_month"], [lv["classes_per_month"] for lv in levels])
    for lv, n in zip(levels, counts):
        lv["classes_per_month"] = n
        if n < 1:
            raise ValidationError("classes_per_month", "out_of_range", min=len(levels),
                                  max=MAX_CLASSES_PER_MONTH)
    return values, levels


# --- reading -----------------------------------------------------------------------------------

def _record(uow: UnitOfWork, row: Programme) -> ProgrammeRecord:
    s = uow.session
    venue = s.get(Venue, row.venue_id)
    levels = []
    for lv, title, course_mark in s.execute(
            select(ProgrammeLevel, Course.title, Course.pass_mark)
            .join(Course, Course.id == ProgrammeLevel.course_id)
            .where(ProgrammeLevel.programme_id == row.id).order_by(ProgrammeLevel.position)):
        levels.append(LevelRecord(lv.id, lv.version, lv.position, lv.level, lv.course_id, title,
                                  lv.classes_per_month,
                                  lv.pass_mark if lv.pass_mark is not None else course_mark,
                                  lv.grade or lv.level))
    enrolled = (select(func.count()).where(Enrolment.cohort_id == Cohort.id,
                                           Enrolment.status == ACTIVE)
                .correlate(Cohort).scalar_subquery())
    lessons = (select(func.count()).where(Lesson.cohort_id == Cohort.id,
                                          Lesson.status != CANCELLED_LESSON)
               .correlate(Cohort).scalar_subquery())
    classes = tuple(
        ProgrammeClass(c.id, c.code, c.name, c.level, c.window_start.replace(day=1), c.capacity,
                       int(n), int(k), c.window_start, c.window_end)
        for c, n, k in s.execute(select(Cohort, enrolled, lessons)
                                 .where(Cohort.programme_id == row.id)
                                 .order_by(Cohort.window_start, Cohort.code, Cohort.id)))
    return ProgrammeRecord(row.id, row.version, row.name, row.venue_id,
                           venue.name if venue else "", row.start_month, row.months,
                           row.classes_per_month, row.class_size,
                           tuple(c for c in row.eligible_categories.split(",") if c), row.notes,
                           row.status, tuple(levels), classes)


def get_programme(uow: UnitOfWork, programme_id: int) -> ProgrammeRecord:
    with uow:
        return _record(uow, get_row(uow.session, Programme, programme_id, "programme",
                                    uow.organization_id))


def find_programme(uow: UnitOfWork, ref: str | int) -> ProgrammeRecord:
    """A programme by id or by name (as typed on the command line)."""
    from trainer.errors import NotFoundError
    text = clean_text(ref)
    with uow:
        row = uow.session.scalar(select(Programme).where(
            Programme.organization_id == uow.organization_id, Programme.name == text))
        if row is None and text.isdigit():
            row = uow.session.get(Programme, int(text))
            if row is not None and row.organization_id != uow.organization_id:
                row = None
        if row is None:
            raise NotFoundError("programme", text)
        return _record(uow, row)


def list_programmes(uow: UnitOfWork) -> list[ProgrammeRecord]:
    with uow:
        rows = uow.session.scalars(select(Programme).where(
            Programme.organization_id == uow.organization_id).order_by(
            Programme.start_month.desc(), Programme.id))
        return [_record(uow, r) for r in rows]


def programme_of_class(uow: UnitOfWork, cohort_id: int) -> int | None:
    with uow:
        return uow.session.scalar(select(Cohort.programme_id).where(
            Cohort.id == cohort_id, Cohort.organization_id == uow.organization_id))


# --- writing -----------------------------------------------------------------------------------

def _check_refs(uow: UnitOfWork, venue_id: int, levels: list[dict], class_size: int) -> None:
    from trainer.db.models import Theme
    s, org = uow.session, uow.organization_id
    venue = get_row(s, Venue, venue_id, "venue", org)
    if venue.capacity and class_size > venue.capacity:  # the planner could seat no lesson
        raise ValidationError("class_size", "out_of_range", min=1, max=venue.capacity)
    for lv in levels:
        course = s.get(Course, lv["course_id"]) if lv["course_id"] else None
        theme = s.get(Theme, course.theme_id) if course is not None else None
        if theme is None or theme.organization_id != org:
            raise ValidationError("course", "unknown", value=lv["course_id"])


def _make_classes(uow: UnitOfWork, row: Programme, levels: list[ProgrammeLevel]) -> None:
    """The programme's classes, month by month, each level's in turn: code
    P<id>-<YYYYMM>-<n>, name "<programme>（<level>）<YYYY年M月>第<n>期"."""
    s = uow.session
    for m in range(row.months):
        month = add_months(row.start_month, m)
        n = 0
        for lv in levels:
            for _ in range(lv.classes_per_month):
                n += 1
                name = f"{row.name}（{lv.level}）{month.year}年{month.month}月第{n}期"
                s.add(Cohort(organization_id=row.organization_id, course_id=lv.course_id,
                             programme_id=row.id, level=lv.level,
                             code=f"P{row.id}-{month:%Y%m}-{n}", name=name[:100],
                             capacity=row.class_size, open_enrolment=True,
                             eligible_categories=row.eligible_categories, status="planned",
                             window_start=month, window_end=month_end(month),
                             venue_id=row.venue_id))
    s.flush()


def create_programme(uow: UnitOfWork, form: ProgrammeForm) -> ProgrammeRecord:
    """Makes the programme, its levels and all its classes (no lessons yet:
    plan_programme_lessons)."""
    values, levels = _clean(form)
    with uow:
        s, org = uow.session, uow.organization_id
        _check_refs(uow, form.venue_id, levels, values["class_size"])
        ensure_unique(s, select(Programme.id).where(Programme.organization_id == org,
                                                    Programme.name == values["name"]),
                      "name", values["name"])
        row = Programme(organization_id=org, venue_id=form.venue_id, status="planned", **values)
        s.add(row)
        s.flush()
        level_rows = [ProgrammeLevel(programme_id=row.id, **lv) for lv in levels]
        s.add_all(level_rows)
        s.flush()
        _make_classes(uow, row, level_rows)
        return _record(uow, row)


def _enrolment_count(uow: UnitOfWork, programme_id: int) -> int:
    return uow.session.scalar(select(func.count()).select_from(Enrolment).join(
        Cohort, Cohort.id == Enrolment.cohort_id).where(Cohort.programme_id == programme_id)) or 0


# --- lessons: the planner ---------------------------------------------------------------------

def plan_programme_lessons(uow: UnitOfWork, programme_id: int, *,
                           time_limit: float | None = None, progress=None, cancel=None,
                           deliver=None):
    """The planner's proposal for the lessons the programme's classes do not have yet, each
    class within its month, offline in the programme's venue, lecturers of the course's theme.
    Accept it with scheduling.proposal.accept_proposal (one transaction)."""
    from trainer.scheduling.proposal import propose_class_lessons

    record = get_programme(uow, programme_id)
    ids = [c.id for c in record.classes]
    if not ids:
        raise ValidationError("programme", "required")
    return propose_class_lessons(uow, ids, record.start_month, month_end(record.end_month),
                                 time_limit=time_limit, progress=progress, cancel=cancel,
                                 deliver=deliver)
