"""Trainees (学员): the workers who attend. Lists are paged and filtered in SQL because a
province holds up to a million of them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select, tuple_

from trainer.db.models import Attendance, Certificate, Enrolment, Enterprise, Trainee
from trainer.texts import TRAINEE_CATEGORIES
from trainer.rules import fields
from trainer.rules.id_number import parse_id_number
from trainer.rules.phone import normalise_mobile
from trainer.rules.pinyin import pinyin_initials
from trainer.rules.text import clean_code
from trainer.security.personal import may_reveal, require_reveal_for_lookup, visible_tail
from trainer.services.common import (apply, check_version, count, ensure_unique, filtered,
                                     get_row, page, refuse_if_referenced, search_filter)
from trainer.services.trainee_search import (SearchPlan, tail_matches,
                                             fts_count_is_exact, search_plan)
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class TraineeForm:
    name: str
    id_number: str = ""
    gender: str = ""
    mobile: str = ""
    enterprise_id: int | None = None
    post: str = ""
    category: str = ""
    notes: str = ""
    holds_certificate: bool | str | None = None  # already holds the certificate; None: as is


@dataclass(frozen=True)
class TraineeRecord:
    id: int
    version: int
    name: str
    id_number: str
    gender: str
    birth_date: dt.date | None
    mobile: str
    enterprise_id: int | None
    enterprise_name: str
    post: str
    category: str
    notes: str
    holds_certificate: bool = False


_COLUMNS = (Trainee, Enterprise.name)


def _record(row: Trainee, enterprise_name: str | None) -> TraineeRecord:
    return TraineeRecord(row.id, row.version, row.name, row.id_number or "", row.gender,
                         row.birth_date, row.mobile, row.enterprise_id, enterprise_name or "",
                         row.post, row.category, row.notes, bool(row.holds_certificate))


def clean_trainee(form: TraineeForm, *, keep_unknown_category: bool = False) -> dict:
    """Validated column values, or InvalidInput listing every bad field (used by imports too).
    `keep_unknown_category`: a category outside our list is kept as written (an import keeps
    an enterprise's own words, after telling the clerk) instead of refused."""
    return TraineeCleaner(keep_unknown_category=keep_unknown_category)(form)


class TraineeCleaner:
    """clean_trainee's rule, made once for the many rows of a list (io/adapters.py): the same
    values and errors, row after row, with today's date taken once and what each descriptive
    column (gender, post, category, notes, holds certificate) gave for a value remembered — a
    roster writes 男, 电工, 在岗职工 thousands of times, and each cell is cleaned once per
    distinct value, not once per row. A value that fails is checked again each time (its
    error names it; failures are rare)."""

    REMEMBER = 5000  # distinct values per column remembered (a notes column may differ per row)
    _MISSING = object()

    def __init__(self, *, keep_unknown_category: bool = False) -> None:
        self.today = dt.date.today()
        self.category = _category_as_written if keep_unknown_category else _category_listed
        self._seen: dict[str, dict[str, object]] = {
            "gender": {}, "post": {}, "category": {}, "notes": {}, "holds_certificate": {}}

    def _once(self, check: fields.FieldCheck, column: str, rule, value, *args, **kwargs):
        seen = self._seen[column]
        found = seen.get(value, self._MISSING) if type(value) is str else self._MISSING
        if found is self._MISSING:
            errors = len(check.errors)
            found = check(rule, value, *args, **kwargs)
            if len(check.errors) == errors and type(value) is str and len(seen) < self.REMEMBER:
                seen[value] = found
        return found

    def __call__(self, form: TraineeForm) -> dict:
        check = fields.FieldCheck()
        once = self._once
        gender = once(check, "gender", fields.gender, form.gender)
        values = {
            "name": check(fields.text, form.name, "person_name", required=True, max_len=50,
                          name=True),
            "gender": gender,
            "mobile": check(fields.optional, normalise_mobile, form.mobile) or "",
            "enterprise_id": form.enterprise_id,
            "post": once(check, "post", fields.text, form.post, "post", max_len=50),
            "category": once(check, "category", self.category, form.category),
            "notes": once(check, "notes", fields.text, form.notes, "notes", max_len=2000),
            "id_number": None,
            "birth_date": None,
        }
        info = check(fields.optional, parse_id_number, form.id_number, gender or None,
                     self.today)
        if info:
            values.update(id_number=info.number, birth_date=info.birth_date,
                          gender=gender or info.gender)
        if form.holds_certificate is not None:  # a form or a file column that says it
            values["holds_certificate"] = bool(once(check, "holds_certificate", fields.yes_no,
                                                    form.holds_certificate, "holds_certificate"))
        check.raise_if_any()
        values["name_initials"] = pinyin_initials(values["name"])[:50]
        return values


def _category_listed(value: str) -> str:
    return fields.choice(value, "category", TRAINEE_CATEGORIES, default="regular")


def _category_as_written(value: str) -> str:
    try:
        return _category_listed(value)
    except fields.ValidationError:
        return fields.text(value, "category", max_len=20)


def _check(uow: UnitOfWork, values: dict, own_id: int | None = None) -> None:
    if values["enterprise_id"] is not None:
        get_row(uow.session, Enterprise, values["enterprise_id"], "enterprise", uow.organization_id)
    if values["id_number"]:
        stmt = select(Trainee.id).where(Trainee.organization_id == uow.organization_id,
                                        Trainee.id_number == values["id_number"])
        ensure_unique(uow.session, stmt if own_id is None else stmt.where(Trainee.id != own_id),
                      "id_number", values["id_number"])


def _query(uow: UnitOfWork, search: str, enterprise_id: int | None):
    stmt = (select(*_COLUMNS).outerjoin(Enterprise, Trainee.enterprise_id == Enterprise.id)
            .where(Trainee.organization_id == uow.organization_id))
    if enterprise_id is not None:
        stmt = stmt.where(Trainee.enterprise_id == enterprise_id)
    if may_reveal(uow):
        return filtered(stmt, search_filter(search, [Trainee.name], Trainee.name_initials,
                                            [Trainee.id_number, Trainee.mobile]))
    # masked: digits match only the last four a mask shows (security.personal)
    condition = search_filter(search, [Trainee.name], Trainee.name_initials)
    tail = visible_tail(clean_code(search)) if search else None
    if tail and condition is not None:
        condition = or_(condition, tail_matches(tail))
    return filtered(stmt, condition)


def list_trainees(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None,
                  limit: int | None = None, offset: int = 0) -> list[TraineeRecord]:
    """In the order of the name index, so a page of a million rows is read from the index."""
    with uow:
        stmt = _query(uow, search, enterprise_id).order_by(Trainee.name, Trainee.id)
        return [_record(t, e) for t, e in uow.session.execute(page(stmt, limit, offset))]


def count_trainees(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None) -> int:
    with uow:
        return count(uow.session, _query(uow, search, enterprise_id))


def get_trainee(uow: UnitOfWork, trainee_id: int) -> TraineeRecord:
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        return _record(row, row.enterprise.name if row.enterprise else None)


def find_trainee_by_id_number(uow: UnitOfWork, id_number: str) -> TraineeRecord | None:
    with uow:
        require_reveal_for_lookup(uow)  # "not found" would confirm a guessed number
        info = parse_id_number(id_number)
        row = uow.session.scalar(select(Trainee).where(
            Trainee.organization_id == uow.organization_id, Trainee.id_number == info.number))
        return _record(row, row.enterprise.name if row and row.enterprise else None) if row else None


def create_trainee(uow: UnitOfWork, form: TraineeForm) -> TraineeRecord:
    values = clean_trainee(form)
    with uow:
        _check(uow, values)
        row = Trainee(organization_id=uow.organization_id, **values)
        uow.session.add(row)
        uow.session.flush()
        return _record(row, row.enterprise.name if row.enterprise else None)


def update_trainee(uow: UnitOfWork, trainee_id: int, form: TraineeForm,
                   expected_version: int | None, *, force: bool = False) -> TraineeRecord:
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        # a category an import kept as written stays valid while the form keeps it
        values = clean_trainee(form, keep_unknown_category=form.category == row.category)
        check_version(row, expected_version, "trainee", row.name, force=force)
        _check(uow, values, row.id)
        apply(row, values)
        uow.session.flush()
        return _record(row, row.enterprise.name if row.enterprise else None)


def delete_trainee(uow: UnitOfWork, trainee_id: int, expected_version: int | None, *, force: bool = False) -> None:
    with uow:
        row = get_row(uow.session, Trainee, trainee_id, "trainee", uow.organization_id)
        check_version(row, expected_version, "trainee", row.name, force=force)
        refuse_if_referenced(uow.session, "trainee", row.name, [
            ("enrolment", select(Enrolment.id).where(Enrolment.trainee_id == row.id)),
            ("attendance", select(Attendance.id).where(Attendance.trainee_id == row.id)),
            ("certificate", select(Certificate.number).where(Certificate.trainee_id == row.id)),
        ])
        uow.session.delete(row)


# --- fast paging for very long lists --------------------------------------------------------
# list_trainees/count_trainees OFFSET through one ORDER BY name and count every match: right for
# exports, too slow for a search box over a million rows. page_trainees reads one batch at a
# time after a cursor (keyset paging) and picks, from what was typed, a query that an index can
# answer (trainee_search.py: initials, ID number starts, trigram index for 3+ characters).

@dataclass(frozen=True)
class TraineePage:
    records: tuple[TraineeRecord, ...]
    cursor: tuple | None  # hand back to page_trainees for the next batch; None: no more rows


@dataclass(frozen=True)
class TraineeCount:
    count: int
    capped: bool  # True: there are more than `count` (the count stopped at the cap)


def page_trainees(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None,
                  limit: int = 200, cursor: tuple | None = None) -> TraineePage:
    """One batch of trainees matching `search` (pinyin initials, part of a name, or digits of an
    ID number or mobile), after `cursor` (from the previous page). Reads at most `limit` rows
    from an index however many trainees there are."""
    with uow:
        s = uow.session
        plan = search_plan(uow, search, enterprise_id)
        conds, order = plan.conds, plan.order
        if cursor is not None:
            conds.append(tuple_(*order) > tuple_(*cursor) if len(order) > 1
                         else order[0] > cursor[0])
        # First the ids (from the index alone), then the rows of just those ids.
        keys = s.execute(_from(select(Trainee.id, *order[:-1]), plan).where(*conds)
                         .order_by(*order).limit(limit + 1)).all()
        more = len(keys) > limit
        keys = keys[:limit]
        ids = [k[0] for k in keys]
        rows = {t.id: (t, e) for t, e in s.execute(
            select(*_COLUMNS).outerjoin(Enterprise, Trainee.enterprise_id == Enterprise.id)
            .where(Trainee.id.in_(ids)))} if ids else {}
        records = tuple(_record(*rows[i]) for i in ids if i in rows)
        last = keys[-1] if keys else None
        next_cursor = (tuple(last[1:]) + (last[0],)) if (more and last) else None
        return TraineePage(records, next_cursor)


def list_by_id_tail(uow: UnitOfWork, tail: str, *, limit: int = 20) -> list[TraineeRecord]:
    """Trainees whose ID number ends with `tail` (the last digits a clerk reads off a card or a
    masked list), in name order. A role that may not reveal asks only about what a mask shows
    (the last four): a longer tail finds nobody, whoever it belongs to."""
    tail = clean_code(tail)
    with uow:
        if not tail or (not may_reveal(uow) and not visible_tail(tail)):
            return []
        stmt = (select(*_COLUMNS).outerjoin(Enterprise, Trainee.enterprise_id == Enterprise.id)
                .where(Trainee.organization_id == uow.organization_id,
                       Trainee.id_number.endswith(tail, autoescape=True))
                .order_by(Trainee.name, Trainee.id).limit(limit))
        return [_record(t, e) for t, e in uow.session.execute(stmt)]


def count_trainees_capped(uow: UnitOfWork, search: str = "", *, enterprise_id: int | None = None,
                          cap: int = 10_000) -> TraineeCount:
    """How many trainees match, counting no further than `cap` (so a broad search over a million
    rows answers at once: "more than 10,000")."""
    with uow:
        s = uow.session
        plan = search_plan(uow, search, enterprise_id)
        conds = plan.conds
        if not search.strip() and enterprise_id is None:
            total = s.scalar(select(func.count()).select_from(Trainee).where(*conds)) or 0
            return TraineeCount(total, False)
        if fts_count_is_exact(uow, plan, enterprise_id):
            inner = select(plan.index.c.rowid).where(plan.match).limit(cap + 1).subquery()
        else:
            inner = _from(select(Trainee.id), plan).where(*conds).limit(cap + 1).subquery()
        total = s.scalar(select(func.count()).select_from(inner)) or 0
        return TraineeCount(min(total, cap), total > cap)


def _from(stmt, plan: SearchPlan):
    return stmt if plan.source is None else stmt.select_from(plan.source)
