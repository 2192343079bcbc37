"""Pieces every service uses: loading by id, optimistic locking, search filters, delete checks."""
from __future__ import annotations

import re
from typing import Any, Iterable, TypeVar

from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.orm import Session, object_session

from trainer.errors import InUseError, NotFoundError, Reference, ValidationError
from trainer.rules.text import clean_text

M = TypeVar("M")


def get_row(session: Session, model: type[M], row_id: int, entity: str,
            organization_id: int | None = None) -> M:
    row = session.get(model, row_id)
    if row is None or (organization_id is not None
                       and getattr(row, "organization_id", organization_id) != organization_id):
        raise NotFoundError(entity, row_id)
    return row


def check_version(row: Any, expected: int | None, entity: str, name: str, *,
                  force: bool = False) -> None:
    """Refuses the edit when the row changed since the user loaded version `expected`. Every
    change carries the version the person saw: only `force` (a person's explicit choice to
    overwrite) skips the check; None without it is a programming error (TypeError)."""
    if force:
        return
    if expected is None:
        raise TypeError(f"{entity} {name!r}: expected_version is required (or force=True)")
    if row.version != expected:
        from trainer.security.audit import stale_error_for_row  # who saved it, what changed

        raise stale_error_for_row(object_session(row), row, expected, entity, name)


def apply(row: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def search_filter(query: str, text_columns: Iterable[ColumnElement],
                  initials_column: ColumnElement | None = None,
                  code_columns: Iterable[ColumnElement] = ()) -> ColumnElement[bool] | None:
    """What union staff expect from a search box: a substring of any text column, the start of
    the pinyin initials (zs → 张三), or a substring of an ID/code column (typed in any case)."""
    q = clean_text(query)
    if not q:
        return None
    terms = [col.contains(q, autoescape=True) for col in text_columns]
    if initials_column is not None and re.fullmatch(r"[A-Za-z0-9]+", q):
        terms.append(initials_column.startswith(q.lower(), autoescape=True))
    code = re.sub(r"[\s\-]", "", q).upper()
    if code:
        terms.extend(col.contains(code, autoescape=True) for col in code_columns)
    return or_(*terms) if terms else false()


def filtered(stmt: Select, condition: ColumnElement[bool] | None) -> Select:
    return stmt if condition is None else stmt.where(condition)


def page(stmt: Select, limit: int | None, offset: int) -> Select:
    if offset:
        stmt = stmt.offset(offset)
    return stmt if limit is None else stmt.limit(limit)


def count(session: Session, stmt: Select) -> int:
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def refuse_if_referenced(session: Session, entity: str, name: str,
                         checks: list[tuple[str, Select]]) -> None:
    """`checks`: (entity, SELECT of display names of referring rows). Raises InUseError listing
    each kind of reference with its count and up to three names."""
    refs = []
    for ref_entity, stmt in checks:
        total = count(session, stmt)
        if total:
            examples = tuple(str(v) for v in session.scalars(stmt.limit(3)))
            refs.append(Reference(ref_entity, total, examples))
    if refs:
        raise InUseError(entity, name, refs)


def ensure_unique(session: Session, stmt: Select, field: str, value: str) -> None:
    """Raises ValidationError(field, duplicate) when `stmt` (a SELECT of ids) finds a row."""
    if value and session.scalar(stmt.limit(1)) is not None:
        raise ValidationError(field, "duplicate", value=value)


def id_by_name(session: Session, model: Any, organization_id: int, name: str, entity: str) -> int:
    """The id of the office's `model` row named `name` exactly, else the one whose name
    contains it; NotFoundError when none, ValidationError naming the choices when several."""
    base = select(model.id, model.name).where(model.organization_id == organization_id)
    exact = session.execute(base.where(model.name == name)).all()
    found = exact or session.execute(base.where(model.name.contains(name, autoescape=True))).all()
    if not found:
        raise NotFoundError(entity, name)
    if len(found) > 1:
        raise ValidationError(entity, "choice", choices="、".join(sorted(r.name for r in found)[:8]))
    return found[0].id
