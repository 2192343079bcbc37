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
    """Writes cleaned trainee values in the caller's transaction (`with uow` around its use;
    `with TraineeWriter(uow) as writer` for many rows: the search index is then filled once).

    The INSERT is Core's (on the table, executemany) with the version and timestamps written
    into the statement: the ORM's bulk path would spend as long again on per-row mapper
    bookkeeping, and binding the timestamps per row converts them to text 200,000 times on
    SQLite. The office stays in each row's values, where the security guard's office check
    looks for it (trainer/security/guard.py, _bulk_statement)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._bulk = False  # inside `with`: the search index is filled once, at the end
        self._trigger: str | None = None  # the index's insert trigger, while set aside
        self._indexed_up_to = 0  # the trainees with a higher id are not indexed yet
        session = uow.session
        now = utcnow()  # once, not a default called per row
        self.statement = insert(Trainee.__table__).values(
            version=_constant(session, 1, Integer()),
            created_at=_constant(session, now, DateTime()),
            updated_at=_constant(session, now, DateTime()))

    # --- the search index (SQLite's trainees_fts, revision 0010) -------------------------
    # Its insert trigger costs ~140 µs a row in a bulk insert (FTS5 writes its pending terms
    # out at every statement's savepoint: a tiny segment per row, merged again and again), 10×
    # the row itself. So after the first chunk (which opens the transaction) the trigger is set
    # aside, and the later rows are indexed in one statement at the end — all in the import's
    # one transaction, so a failure anywhere rolls the trigger back in with everything else.

    def __enter__(self) -> TraineeWriter:
        self._bulk = True
        return self

    def __exit__(self, kind, error, _tb) -> None:
        self._bulk = False
        if kind is None and self._trigger is not None:
            connection = self.uow.session.connection()
            connection.exec_driver_sql(
                "INSERT INTO trainees_fts (rowid, name, id_number, mobile) "
                "SELECT id, name, id_number, mobile FROM trainees WHERE id > ?",
                (self._indexed_up_to,))
            connection.exec_driver_sql(self._trigger)
            self._trigger = None

    def _set_index_trigger_aside(self) -> None:
        if not self._bulk or self._trigger is not None:
            return
        connection = self.uow.session.connection()
        if connection.dialect.name != "sqlite" \
                or not connection.connection.dbapi_connection.in_transaction:
            return  # (PostgreSQL's GIN indexes take bulk inserts well: their pending list)
        trigger = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name = 'trainees_fts_insert'").scalar()
        if trigger is None:
            return
        self._indexed_up_to = connection.exec_driver_sql(
            "SELECT coalesce(max(id), 0) FROM trainees").scalar_one()
        connection.exec_driver_sql("DROP TRIGGER trainees_fts_insert")
        self._trigger = trigger

    def insert(self, rows: list[dict[str, Any]]) -> int:
        """New trainees from their column values; how many were written."""
        if not rows:
            return 0
        org = self.uow.organization_id
        self.uow.session.execute(self.statement, [{**r, "organization_id": org} for r in rows])
        self._set_index_trigger_aside()
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
