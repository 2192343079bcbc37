"""Trainees written in bulk, for the import of a roster (up to 150,000 rows): the office's
trainees found by ID number, and accepted rows inserted a chunk at a time or changed in place.
The rows arrive cleaned by trainees.clean_trainee (the same rule as the form's); this module
only writes them, fast."""
from __future__ import annotations

from typing import Any, Hashable, Iterable

from sqlalchemy import ColumnElement, DateTime, Integer, func, insert, literal, literal_column, select
from sqlalchemy.types import TypeEngine

from trainer.db.base import utcnow
from trainer.db.models import Trainee
from trainer.security.personal import may_reveal
from trainer.services.uow import UnitOfWork

LOOKUP_CHUNK = 500  # keys per IN (…) query: well under every database's parameter limit
READ_ALL_FACTOR = 4  # read all ID numbers of the office while it holds ≤ 4 × the file's


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def trainee_ids_by_number(uow: UnitOfWork, id_numbers: Iterable[Hashable]) -> dict[Hashable, int]:
    """ID number → trainee id of the office's trainees among `id_numbers`. When the office holds
    not many more trainees than asked for (a first import, or a roster sent again), reading all
    its ID numbers once is cheaper than looking each up (~5 µs a key in IN lists). A role that
    may not reveal is told nothing (which numbers are "already in the database" would leak)."""
    wanted = {k for k in id_numbers if k}
    if not wanted or not may_reveal(uow):
        return {}
    org, session = uow.organization_id, uow.session
    stored = session.scalar(select(func.count()).select_from(Trainee).where(
        Trainee.organization_id == org, Trainee.id_number.is_not(None)))
    if not stored:
        return {}
    if stored <= READ_ALL_FACTOR * len(wanted):
        rows = session.execute(select(Trainee.id_number, Trainee.id).where(
            Trainee.organization_id == org, Trainee.id_number.is_not(None)))
        return {number: row_id for number, row_id in rows if number in wanted}
    found: dict[Hashable, int] = {}
    for part in _chunks(sorted(wanted), LOOKUP_CHUNK):
        found.update(session.execute(select(Trainee.id_number, Trainee.id).where(
            Trainee.organization_id == org, Trainee.id_number.in_(part))).all())
    return found


class TraineeWriter:
    """Writes cleaned trainee values in the caller's transaction (`with uow` around its use).

    The INSERT is Core's (on the table, executemany) with the version and timestamps written
    into the statement: the ORM's bulk path would spend as long again on per-row mapper
    bookkeeping, and binding the timestamps per row converts them to text 200,000 times on
    SQLite. The office stays in each row's values, where the security guard's office check
    looks for it (trainer/security/guard.py, _bulk_statement)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        session = uow.session
        now = utcnow()  # once, not a default called per row
        self.statement = insert(Trainee.__table__).values(
            version=_constant(session, 1, Integer()),
            created_at=_constant(session, now, DateTime()),
            updated_at=_constant(session, now, DateTime()))

    def insert(self, rows: list[dict[str, Any]]) -> int:
        """New trainees from their column values; how many were written."""
        if not rows:
            return 0
        org = self.uow.organization_id
        self.uow.session.execute(self.statement, [{**r, "organization_id": org} for r in rows])
        return len(rows)

    def update(self, changes: dict[int, dict[str, Any]]) -> int:
        """Existing trainees (by id) given new column values; how many were changed."""
        if not changes:
            return 0
        session = self.uow.session
        for trainee in session.scalars(select(Trainee).where(
                Trainee.id.in_(changes), Trainee.organization_id == self.uow.organization_id)):
            for column, value in changes[trainee.id].items():
                setattr(trainee, column, value)
        session.flush()
        return len(changes)


def _constant(session, value: Any, type_: TypeEngine) -> ColumnElement:
    """`value` as a literal in the SQL text, rendered as the session's database writes that
    type (so it is stored exactly as a bound value would be), instead of a parameter bound and
    converted again for each row of an executemany."""
    dialect = session.get_bind().dialect
    text = str(literal(value, type_).compile(dialect=dialect,
                                             compile_kwargs={"literal_binds": True}))
    return literal_column(text, type_)
