"""Trainees written in bulk, for the import of a roster (up to 150,000 rows): the office's
trainees found by ID number, and accepted rows inserted a chunk at a time or changed in place.
The rows arrive cleaned by trainees.clean_trainee (the same rule as the form's); this module
only writes them, fast."""
from __future__ import annotations

import operator
from functools import partial
from typing import Any, Hashable, Iterable

from sqlalchemy import ColumnElement, DateTime, Integer, func, insert, literal, literal_column, select
from sqlalchemy.types import TypeEngine

from trainer.db import change_feed
from trainer.db.base import utcnow
from trainer.db.models import Trainee
from trainer.db.search_index import INSERT_TRIGGERS
from trainer.security.guard import bulk_write
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

    The INSERT is Core's statement on the table, compiled once and run as an executemany on the
    DBAPI cursor, with the version and timestamps written into the statement: the ORM's bulk
    path would spend as long again on per-row mapper bookkeeping, Core's executemany on
    per-row parameter handling, and binding the timestamps per row converts them to text
    200,000 times on SQLite. The office stays in each row's values, where the security guard's
    office check looks for it (trainer/security/guard.py, bulk_write: the same check and trail
    entry as for a session.execute)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._bulk = False  # inside `with`: the search index is filled once, at the end
        self._triggers: dict[str, str] = {}  # the indexes' insert triggers set aside: name → SQL
        self._indexed_up_to = 0  # the trainees with a higher id are not indexed yet
        self._sql: tuple | None = None  # (row keys, SQL, parameter order, converters)
        self._positional = True
        dialect = uow.session.get_bind().dialect
        now = utcnow()  # once, not a default called per row
        self.statement = insert(Trainee.__table__).values(
            version=_constant(dialect, 1, Integer()),
            created_at=_constant(dialect, now, DateTime()),
            updated_at=_constant(dialect, now, DateTime()))

    # --- the search indexes (SQLite's trainees_fts and trainees_name_chars, 0010 and 0015) --
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
        if kind is None and self._triggers:
            connection = self.uow.session.connection()
            for name, sql in self._triggers.items():
                connection.exec_driver_sql(INSERT_TRIGGERS[name], (self._indexed_up_to,))
                connection.exec_driver_sql(sql)
            self._triggers = {}

    def _set_index_trigger_aside(self) -> None:
        if not self._bulk or self._triggers:
            return
        connection = self.uow.session.connection()
        if connection.dialect.name != "sqlite" \
                or not connection.connection.dbapi_connection.in_transaction:
            return  # (PostgreSQL's GIN indexes take bulk inserts well: their pending list)
        triggers = {name: connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (name,)).scalar() for name in INSERT_TRIGGERS}
        triggers = {name: sql for name, sql in triggers.items() if sql is not None}
        if not triggers:
            return
        self._indexed_up_to = connection.exec_driver_sql(
            "SELECT coalesce(max(id), 0) FROM trainees").scalar_one()
        for name in triggers:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        self._triggers = triggers

    def insert(self, rows: list[dict[str, Any]]) -> int:
        """New trainees from their column values; how many were written."""
        if not rows:
            return 0
        org = self.uow.organization_id
        values = [{**r, "organization_id": org} for r in rows]
        bulk_write(self.uow.session, "create", Trainee.__tablename__, values,
                   partial(self._execute, values))
        self._set_index_trigger_aside()
        return len(rows)

    def _execute(self, rows: list[dict[str, Any]]) -> None:
        """The INSERT on the DBAPI cursor (executemany), in the session's transaction: the
        values bound as SQLAlchemy would bind them (each column type's bind processor), without
        its per-row parameter bookkeeping, which took as long as SQLite's own insert. The
        security guard's check and trail entry come from bulk_write, as for session.execute;
        the change feed is told here."""
        connection = self.uow.session.connection()
        sql, order, converters = self._compiled(connection.dialect, tuple(rows[0]))
        take = operator.itemgetter(*order) if len(order) > 1 else lambda r: (r[order[0]],)
        if not converters:
            params = [take(r) for r in rows]
        else:
            params = []
            for row in rows:
                line = list(take(row))
                for index, convert in converters:
                    line[index] = convert(line[index])
                params.append(tuple(line))
        if not self._positional:
            params = [dict(zip(order, line)) for line in params]
        connection.exec_driver_sql(sql, params)
        change_feed.touched(connection, Trainee.__tablename__)

    def _compiled(self, dialect, keys: tuple[str, ...]):
        """(SQL, the row keys in the order of its parameters, (position, bind processor))."""
        if self._sql is None or self._sql[0] != keys:
            columns = Trainee.__table__.c
            # a column the rows leave out takes its default, written into the statement
            defaults = {c.key: _constant(dialect, c.default.arg, c.type) for c in columns
                        if c.key not in keys and c.default is not None and c.default.is_scalar
                        and c.key not in ("version", "created_at", "updated_at")}
            compiled = self.statement.values(**defaults).compile(dialect=dialect,
                                                                 column_keys=list(keys))
            self._positional = bool(compiled.positional)
            order = tuple(compiled.positiontup) if compiled.positional else tuple(compiled.binds)
            if not set(order) <= set(keys):  # a default computed per row: not here
                raise ValueError(f"no value for {sorted(set(order) - set(keys))}")
            converters = tuple((i, p) for i, key in enumerate(order)
                               if (p := columns[key].type.bind_processor(dialect)) is not None)
            self._sql = (keys, compiled.string, order, converters)
        return self._sql[1:]

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


def _constant(dialect, value: Any, type_: TypeEngine) -> ColumnElement:
    """`value` as a literal in the SQL text, rendered as the database writes that type (so it
    is stored exactly as a bound value would be), instead of a parameter bound and converted
    again for each row of an executemany."""
    text = str(literal(value, type_).compile(dialect=dialect,
                                             compile_kwargs={"literal_binds": True}))
    return literal_column(text, type_)
