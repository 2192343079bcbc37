"""trainee name characters: one or two characters of a name answered from an index

The trigram index of 0010 needs 3 characters; a search for 蒋 or 蒋芳 scanned the trainees in
name order. SQLite: a contentless FTS5 table trainees_name_chars over the name written one
character a token (unicode61 on "蒋 芳 怡"), filled by three triggers (trainer/db/search_index.py,
which also makes them again after a migration that rebuilds the trainees table); '蒋芳' is the
phrase "蒋 芳". PostgreSQL: a GIN index over the name's characters as an array
(string_to_array(name, NULL)), which answers "holds 蒋 and 芳"; the exact LIKE is kept beside
it. Answers stay those of the scan.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""
import logging

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

log = logging.getLogger("trainer.db.migrate")
PG_INDEX = "ix_trainees_name_chars"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from trainer.db.search_index import FTS, create_sqlite_char_index

        if not bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?",
                                    (FTS,)).first():  # no FTS5 / trigram here: scans, as before
            log.warning("no full-text index on this SQLite: name search stays on table scans")
            return
        create_sqlite_char_index(bind)
    elif bind.dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {PG_INDEX} ON trainees USING gin "
                   "((string_to_array(name, NULL)))")
        # the planner's statistics of the new expression: without them it guesses, and at a
        # million rows walks the name index instead (1.4 s against 10 ms for '芳怡')
        op.execute("ANALYZE trainees")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from trainer.db.search_index import CHAR_TRIGGERS, CHARS

        for name in CHAR_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {CHARS}")
    elif bind.dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
