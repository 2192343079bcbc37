"""trainee search index: every keystroke answered from an index at a million trainees

A search box fragment of 3 or more characters (part of a name, of an ID number, of a mobile)
is a substring search, which no B-tree index answers. SQLite: an FTS5 table with the trigram
tokenizer over trainees.name, id_number and mobile (external content: the text is not stored
twice), kept in step by three triggers (trainer/db/search_index.py, which also makes them
again after any later migration that rebuilds the trainees table). PostgreSQL: pg_trgm GIN indexes on the same columns,
which answer LIKE '%…%'. CREATE EXTENSION needs rights the office's server may not give:
then the migration says so in the log and searching stays as it was (slower, same answers).
The extension goes into its own schema "extensions", not public, where our tables live.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
import logging
import sqlite3

from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

log = logging.getLogger("trainer.db.migrate")
COLUMNS = ("name", "id_number", "mobile")
PG_INDEXES = {f"ix_trainees_{c}_trgm": c for c in COLUMNS}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite()
    elif bind.dialect.name == "postgresql":
        _postgresql(bind)


def _sqlite() -> None:
    if sqlite3.sqlite_version_info < (3, 34, 0):  # the trigram tokenizer came with 3.34
        log.warning("SQLite %s has no trigram tokenizer: trainee search stays on table scans",
                    sqlite3.sqlite_version)
        return
    from trainer.db.search_index import create_sqlite_index

    create_sqlite_index(op.get_bind())


def _postgresql(bind) -> None:
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE SCHEMA IF NOT EXISTS extensions"))
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions"))
    except sa.exc.DBAPIError as exc:
        log.warning("PostgreSQL extension pg_trgm could not be created (%s): trainee search "
                    "gives the same answers from table scans, slower at hundreds of thousands "
                    "of trainees; a database superuser can create it",
                    str(getattr(exc, "orig", exc)).splitlines()[0])
        return
    schema = bind.execute(sa.text(
        "SELECT n.nspname FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace "
        "WHERE c.opcname = 'gin_trgm_ops'")).scalar_one()
    for index, column in PG_INDEXES.items():
        op.execute(f'CREATE INDEX {index} ON trainees USING gin ({column} "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from trainer.db.search_index import FTS, TRIGGERS

        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
    elif bind.dialect.name == "postgresql":
        for index in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {index}")
