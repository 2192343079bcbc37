"""The trainee search index on SQLite (revision 0010): an FTS5 table with the trigram tokenizer
over trainees.name, id_number and mobile (external content: the text is not stored twice),
kept in step by three triggers.

A later migration that rebuilds the trainees table in SQLite's batch mode (copy, drop the old
table, rename) drops the triggers with the old table, and the index would silently go stale.
So after every upgrade and restore `keep_sqlite_index` makes any missing trigger again and
rebuilds the index from the rows; searches use the index only while all three are there
(services/trainee_search.has_fts)."""
from __future__ import annotations

import logging

from sqlalchemy import Connection

log = logging.getLogger(__name__)
FTS = "trainees_fts"
COLUMNS = ("name", "id_number", "mobile")
TRIGGERS = {  # name → body; the old row leaves the index with the 'delete' command
    "trainees_fts_insert": "AFTER INSERT ON trainees BEGIN "
        "INSERT INTO trainees_fts (rowid, name, id_number, mobile) "
        "VALUES (new.id, new.name, new.id_number, new.mobile); END",
    "trainees_fts_delete": "AFTER DELETE ON trainees BEGIN "
        "INSERT INTO trainees_fts (trainees_fts, rowid, name, id_number, mobile) "
        "VALUES ('delete', old.id, old.name, old.id_number, old.mobile); END",
    "trainees_fts_update": "AFTER UPDATE OF name, id_number, mobile ON trainees BEGIN "
        "INSERT INTO trainees_fts (trainees_fts, rowid, name, id_number, mobile) "
        "VALUES ('delete', old.id, old.name, old.id_number, old.mobile); "
        "INSERT INTO trainees_fts (rowid, name, id_number, mobile) "
        "VALUES (new.id, new.name, new.id_number, new.mobile); END",
}


def create_sqlite_index(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {FTS} USING fts5({', '.join(COLUMNS)}, "
                               "content='trainees', content_rowid='id', tokenize='trigram')")
    connection.exec_driver_sql(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def keep_sqlite_index(connection: Connection) -> None:
    """Missing triggers made again and the index rebuilt from the rows, when the index table
    exists (a database at revision 0010 or later on a SQLite with the trigram tokenizer)."""
    if connection.dialect.name != "sqlite":
        return
    names = set(connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name LIKE 'trainees_fts%'").scalars())
    missing = [n for n in TRIGGERS if n not in names]
    if FTS not in names or not missing:
        return
    for name in missing:
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {TRIGGERS[name]}")
    connection.exec_driver_sql(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")
    log.info("trainee search index: triggers %s made again, index rebuilt", ", ".join(missing))
