"""Opening a database: create or upgrade its schema with Alembic, refuse one that is too new.

Alembic (with mako and pygments) takes a noticeable part of the start, and is needed only to
create or upgrade: a database whose alembic_version already reads HEAD_REVISION is opened
without importing it. HEAD_REVISION must name the newest migration (a test compares it with
the scripts' head)."""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import inspect, make_url, text
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from trainer.db.backup import backup_sqlite
from trainer.db.engine import Database, connect
from trainer.errors import DatabaseError

from trainer.db.search_index import keep_sqlite_index

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
HEAD_REVISION = "0015"  # the newest file in migrations/versions: change it with every migration


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(conn) -> str | None:
    """alembic_version's revision read with one SELECT (None: no such table or no row)."""
    found = conn.dialect.has_table(conn, "alembic_version")
    if not found:
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


def upgrade(db: Database, revision: str = "head") -> None:
    """Runs the migrations in one transaction. On SQLite, batch mode rebuilds a table by copying
    it and dropping the old one, which foreign keys from rows of other tables refuse: they are
    switched off for the migration (only possible outside a transaction) and every reference is
    checked before the commit, so a broken one rolls the whole upgrade back."""
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()  # ends the autobegun transaction: the pragma took effect outside one
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite:
                    keep_sqlite_index(conn)  # a table rebuilt in batch mode loses its triggers
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError("not_ours", detail=f"foreign keys: {broken[:3]}")
                else:
                    from trainer.db.server_roles import refresh_grants

                    refresh_grants(conn)  # new tables get the roles' grants
        finally:
            if sqlite:
                conn.rollback()  # nothing is open after the block; a failed one is rolled back
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def open_database(url: str, create: bool = True) -> Database:
    """Connects, then brings the schema to head: a new database is created (only with
    `create`: else DatabaseError no_database, and no file is made), an older one is backed up
    (SQLite) and upgraded, a newer or foreign one is refused with DatabaseError."""
    if not create:
        _refuse_missing_file(url)
    db = connect(url)
    try:
        with db.engine.connect() as conn:
            revision = _stored_revision(conn)
            if revision == HEAD_REVISION:  # the usual start: nothing to create or upgrade
                return db
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    except OperationalError as exc:
        from trainer.services.uow import connection_error, database_file  # busy, disk full…

        db.dispose()
        raise (connection_error(exc, database_file(db))
               or DatabaseError("unreachable", detail=_first_line(exc))) from exc
    except SQLAlchemyError as exc:  # e.g. a file that is not a database
        db.dispose()
        raise DatabaseError("not_ours", detail=_first_line(exc)) from exc
    _bring_to_head(db, revision, tables, create)
    return db


def _bring_to_head(db: Database, revision: str | None, tables: set[str], create: bool) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    scripts = ScriptDirectory.from_config(alembic_config())
    if revision is None and not tables and not create:
        db.dispose()
        raise DatabaseError("no_database", path=db.display_name())
    if revision is None and tables:
        db.dispose()
        raise DatabaseError("not_ours", detail=", ".join(sorted(tables)[:5]))
    if revision is not None:
        try:
            known = scripts.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            db.dispose()
            raise DatabaseError("too_new", revision=revision)
    head = scripts.get_current_head()
    if head is None:  # a broken installation would otherwise "open" an empty database
        db.dispose()
        raise DatabaseError("not_ours", detail=f"no migration scripts in {MIGRATIONS}")
    if revision != head:
        if revision is not None:
            copy = backup_sqlite(db.engine, f"before-{head}")
            log.info("backed up %s to %s before upgrading", db.display_name(), copy)
        upgrade(db)
        if revision is None:  # a new database: an anchor left by one of the same name goes
            from trainer.security import anchor

            anchor.reset(db.engine)


def _refuse_missing_file(url: str) -> None:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError("bad_url", detail=url) from exc
    name = parsed.database
    if parsed.get_backend_name() == "sqlite" and name and name != ":memory:" \
            and not name.startswith("file:") and not Path(name).is_file():
        raise DatabaseError("no_database", path=str(Path(name)))


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def in_models(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic's include_object for comparing the models with a migrated database: the search
    indexes of migrations 0010 and 0015 (SQLite's trainees_fts, trainees_name_chars and their
    shadow tables, PostgreSQL's ix_trainees_*_trgm and ix_trainees_name_chars) are made by SQL
    the models do not describe."""
    name = name or ""
    if type_ == "table":
        return not name.startswith(("trainees_fts", "trainees_name_chars"))
    if type_ == "index":
        return not name.endswith(("_trgm", "_name_chars"))
    return True
