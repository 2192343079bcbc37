"""The trainee search index on SQLite (revision 0010): an FTS5 table with the trigram tokenizer
over trainees.name, id_number and mobile (external content: the text is not stored twice),
kept in step by three triggers. A trigram index answers fragments of 3 characters or more;
one or two characters of a name (蒋, 蒋芳) are answered by a second FTS5 table (revision 0015)
over the name written one character a token (unicode61 on "蒋 芳 怡"; contentless: the
triggers give it the text), where '蒋芳' is the phrase "蒋 芳"; three more triggers.

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


CHARS = "trainees_name_chars"
NAME_LENGTH = 50  # trainees.name's longest


SHORT_NAME = 4  # most names have this many characters or fewer


def spaced(name: str) -> str:
    """SQL writing the name `name` one character a token: '蒋芳怡' → '蒋 芳 怡 …' (the spaces
    left over at the end are no tokens). A name of up to SHORT_NAME characters, as most are,
    without the NAME_LENGTH substr() calls of the longest: the import's index fill took 0.9 s
    of CPU for 100,000 names with them all, 0.17 s so (the same tokens)."""
    return (f"(CASE WHEN length({name}) <= {SHORT_NAME} THEN {_characters(name, SHORT_NAME)} "
            f"ELSE {_characters(name, NAME_LENGTH)} END)")


def _characters(name: str, count: int) -> str:
    return " || ' ' || ".join(f"substr({name}, {i}, 1)" for i in range(1, count + 1))


CHAR_TRIGGERS = {
    "trainees_name_chars_insert": "AFTER INSERT ON trainees BEGIN "
        f"INSERT INTO {CHARS} (rowid, name) VALUES (new.id, {spaced('new.name')}); END",
    "trainees_name_chars_delete": "AFTER DELETE ON trainees BEGIN "
        f"INSERT INTO {CHARS} ({CHARS}, rowid, name) "
        f"VALUES ('delete', old.id, {spaced('old.name')}); END",
    "trainees_name_chars_update": "AFTER UPDATE OF name ON trainees BEGIN "
        f"INSERT INTO {CHARS} ({CHARS}, rowid, name) "
        f"VALUES ('delete', old.id, {spaced('old.name')}); "
        f"INSERT INTO {CHARS} (rowid, name) VALUES (new.id, {spaced('new.name')}); END",
}
INDEXES = {FTS: TRIGGERS, CHARS: CHAR_TRIGGERS}  # each table and the triggers keeping it
INSERT_TRIGGERS = {  # the insert trigger of each table → its work for the trainees after an id
    "trainees_fts_insert": f"INSERT INTO {FTS} (rowid, name, id_number, mobile) "
                           "SELECT id, name, id_number, mobile FROM trainees WHERE id > ?",
    "trainees_name_chars_insert": f"INSERT INTO {CHARS} (rowid, name) "
                                  f"SELECT id, {spaced('name')} FROM trainees WHERE id > ?",
}
REBUILD = {  # each table filled again from the rows
    FTS: (f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')",),
    CHARS: (f"INSERT INTO {CHARS} ({CHARS}) VALUES ('delete-all')",
            f"INSERT INTO {CHARS} (rowid, name) SELECT id, {spaced('name')} FROM trainees"),
}


def create_sqlite_char_index(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {CHARS} USING fts5(name, content='', "
                               "columnsize=0, tokenize='unicode61')")
    for statement in REBUILD[CHARS]:
        connection.exec_driver_sql(statement)
    for name, body in CHAR_TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def create_sqlite_index(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {FTS} USING fts5({', '.join(COLUMNS)}, "
                               "content='trainees', content_rowid='id', tokenize='trigram')")
    connection.exec_driver_sql(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def keep_sqlite_index(connection: Connection) -> None:
    """Missing triggers made again and the index rebuilt from the rows, for each index table
    that exists (revisions 0010 and 0015 on a SQLite with FTS5 and the trigram tokenizer)."""
    if connection.dialect.name != "sqlite":
        return
    names = set(connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name LIKE 'trainees_%'").scalars())
    for table, triggers in INDEXES.items():
        missing = [n for n in triggers if n not in names]
        if table not in names or not missing:
            continue
        for name in missing:
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {triggers[name]}")
        for statement in REBUILD[table]:
            connection.exec_driver_sql(statement)
        log.info("trainee search index %s: triggers %s made again, index rebuilt", table,
                 ", ".join(missing))
