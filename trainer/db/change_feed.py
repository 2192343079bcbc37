"""The change feed: which kinds of data each committed transaction changed, for the live views
of every desk (issue 15).

Every write transaction, at its commit, raises the counter of each table it inserted into,
updated or deleted from (table `change_feed`: kind → counter), in the same transaction; on
PostgreSQL it also sends NOTIFY on the channel CHANNEL with those kinds, delivered to listening
desks when the transaction commits. A desk reads the counters (one small SELECT: `counters`)
every few seconds, or at once when notified, and refreshes the pages that show a kind whose
counter moved. Works for SQLite files shared by several processes and for PostgreSQL servers.

The tables touched are collected from the statements SQLAlchemy executes (ORM flushes and Core
inserts alike); the bump runs on the same connection just before the commit.
"""
from __future__ import annotations

import re

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.ddl import ExecutableDDLElement
from sqlalchemy.sql.dml import UpdateBase

TABLE = "change_feed"
CHANNEL = "trainer_changes"
_TOUCHED = "fc_touched_tables"
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_UPSERT = ("INSERT INTO change_feed (kind, counter) VALUES {rows} "
           "ON CONFLICT (kind) DO UPDATE SET counter = change_feed.counter + 1")


def _after_execute(conn: Connection, statement, *_args) -> None:
    if isinstance(statement, ExecutableDDLElement):  # a migration: look for the table again
        conn.engine.__dict__.pop("_fc_feed_exists", None)
    elif isinstance(statement, UpdateBase):
        table = getattr(statement, "table", None)
        touched(conn, getattr(table, "name", None))


def touched(conn: Connection, name: str | None) -> None:
    """`conn`'s transaction wrote table `name`: its counter goes up at the commit. Statements
    run as SQLAlchemy statements are seen by themselves; one run as SQL text on the connection
    (the trainee import's INSERT) says so here."""
    if name and name != TABLE and _NAME.match(name):
        conn.info.setdefault(_TOUCHED, set()).add(name)


def _feed_exists(conn: Connection) -> bool:
    """Looked up once, and again after any DDL statement on the engine (a migration may have made
    or dropped the table)."""
    engine = conn.engine
    if getattr(engine, "_fc_feed_exists", False):
        return True
    if conn.dialect.name == "sqlite":
        found = conn.exec_driver_sql(
            f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'").first()
    else:
        found = conn.exec_driver_sql(f"SELECT to_regclass('{TABLE}')").first()
    exists = bool(found and found[0])
    engine._fc_feed_exists = exists
    return exists


def _before_commit(conn: Connection) -> None:
    touched = conn.info.pop(_TOUCHED, None)
    if not touched:
        return
    kinds = sorted(touched)  # always the same order: two desks never wait on each other's rows
    try:  # through SQLAlchemy: a dropped server connection is recognised and replaced
        if not _feed_exists(conn):
            return
        # one statement a commit, whatever it touched (on PostgreSQL the notice goes with it)
        upsert = _UPSERT.format(rows=", ".join(f"('{kind}', 1)" for kind in kinds))
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"WITH bump AS ({upsert} RETURNING 1) "
                                 f"SELECT pg_notify('{CHANNEL}', '{','.join(kinds)}')")
        else:
            conn.exec_driver_sql(upsert)
    except DBAPIError:
        if conn.dialect.name != "sqlite":
            raise  # the transaction is lost: the commit must fail, and says why
        return  # SQLite: the COMMIT that follows names the real trouble (a full disk…)
    own = conn.engine.__dict__.setdefault("_fc_own_commits", {})
    for kind in kinds:  # what this desk committed itself (its pages already show it)
        own[kind] = own.get(kind, 0) + 1


def _forget(conn: Connection) -> None:
    if conn.invalidated:  # a dropped connection: its info went with it (reading it would raise)
        return
    conn.info.pop(_TOUCHED, None)


def install(engine: Engine) -> None:
    """Makes every commit on `engine` raise the counters of the tables it changed."""
    if not event.contains(engine, "after_execute", _after_execute):
        event.listen(engine, "after_execute", _after_execute)
        event.listen(engine, "commit", _before_commit)
        event.listen(engine, "rollback", _forget)


def own_commits(engine: Engine) -> dict[str, int]:
    """kind → how many of the counter's raises came from this engine (this desk)."""
    return dict(engine.__dict__.get("_fc_own_commits", {}))


def counters(conn: Connection) -> dict[str, int]:
    """kind → counter, as committed now (a database without the table yet: empty)."""
    try:
        rows = conn.execute(text(f"SELECT kind, counter FROM {TABLE}")).all()
    except Exception:  # noqa: BLE001 - not migrated yet: nothing to watch
        conn.rollback()
        return {}
    return {kind: counter for kind, counter in rows}
