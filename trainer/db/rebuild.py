"""Restore brings back data, never code: a backup's rows are copied into a schema our own
migrations build, so no trigger, view, function, constraint or owner in the file comes along.

SQLite: a new file gets our schema at the copy's revision, the copy is attached read-only and
each of our tables' rows copied column by column (only our columns), foreign keys checked, the
result upgraded to the program's schema. PostgreSQL: `pg_restore --data-only --file=-` turns the
archive into text without touching a database; only its `COPY <our table> (<our columns>) FROM
stdin` blocks are read, and their rows fed to a COPY statement we write ourselves, inside one
transaction that drops the old tables, runs our migrations, copies, upgrades and checks.

A copy that misses one of our tables or columns, breaks a foreign key, or has no user while the
current database has some, is refused (BackupError) before anything is kept."""
from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, String, inspect, text

from trainer.db import change_feed
from trainer.db.search_index import REBUILD, keep_sqlite_index
from trainer.errors import BackupError

VERSION_TABLE = "alembic_version"
USERS_TABLE = "users"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _upgrade(connection: Connection, revision: str) -> None:
    from trainer.db.migrate import alembic_config
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, revision)


def _our_tables(connection: Connection) -> dict[str, list[str]]:
    """The tables of the schema just built, with their columns, parents before children."""
    from trainer.db.models import Base

    inspector = inspect(connection)
    # the change feed's counters are not data: the restored database starts its own
    names = set(inspector.get_table_names()) - {VERSION_TABLE, change_feed.TABLE} \
        - index_tables(connection)
    order = [t.name for t in Base.metadata.sorted_tables if t.name in names]
    order += sorted(names - set(order))  # tables of older revisions the models no longer have
    return {t: [c["name"] for c in inspector.get_columns(t)] for t in order}


def index_tables(connection: Connection) -> set[str]:
    """SQLite's full-text tables (trainees_fts, migration 0010) and their shadow tables: an
    index, not data — the triggers fill it again from the rows copied into trainees."""
    if connection.dialect.name != "sqlite":
        return set()
    virtual = connection.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%'")).scalars().all()
    shadows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")
                                 ).scalars().all()
    return {n for n in shadows if any(n == v or n.startswith(v + "_") for v in virtual)}


def _missing(path: str, tables: dict[str, list[str]], found: dict[str, set[str]]) -> None:
    absent = sorted(t for t in tables if t not in found)
    if absent:
        raise BackupError("not_ours", path=path, detail="missing tables " + ", ".join(absent))
    for table, columns in tables.items():
        lacking = [c for c in columns if c not in found[table]]
        if lacking:
            raise BackupError("not_ours", path=path,
                              detail=f"table {table} lacks {', '.join(lacking)}")


# SQLite: GLOB classes of the characters rules.text.control_character refuses (NUL apart: it
# would end the pattern); PostgreSQL: the same as a regular expression (text holds no NUL)
_CONTROL_CODES = [*range(1, 9), 11, 12, *range(14, 32), *range(127, 160)]
_SQLITE_CONTROL = "'*[' || char({}) || ']*'".format(", ".join(map(str, _CONTROL_CODES)))
_PG_CONTROL = "'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]'"
_NOT_TEXT = frozenset({"audit_log", VERSION_TABLE})  # the trail is JSON, kept as it was
PERSON_TABLES = frozenset({"trainees", "lecturers"})  # their `name` is a person's 姓名


def refuse_control_characters(conn: Connection, path: str) -> None:
    """A copy whose names (or any text) hold control characters — which no form, command or
    import lets in — is refused, naming the record, the field and the character."""
    from trainer.db.models import Base
    from trainer.rules.text import control_character
    from trainer.texts.security import entity_label, field_label

    sqlite = conn.dialect.name == "sqlite"
    for table in Base.metadata.sorted_tables:
        if table.name in _NOT_TEXT or "id" not in table.c:
            continue
        for column in table.c:
            if not isinstance(column.type, String):
                continue
            name = _quoted(column.name)
            test = (f"({name} GLOB {_SQLITE_CONTROL} OR instr({name}, char(0)) > 0)" if sqlite
                    else f"{name} ~ {_PG_CONTROL}")
            found = conn.execute(text(f"SELECT id, {name} FROM {_quoted(table.name)} "
                                      f"WHERE {test} ORDER BY id LIMIT 1")).first()
            if found is None:
                continue
            place, code = control_character(found[1]) or (0, "?")
            field = ("person_name" if column.name == "name" and table.name in PERSON_TABLES
                     else column.name)
            what = {"zh": f"{entity_label(table.name, 'zh')} #{found[0]} 的"
                          f"{field_label(field, 'zh')}",
                    "en": f"{field_label(field, 'en')} of {entity_label(table.name, 'en')}"
                          f" #{found[0]}"}
            raise BackupError("control_character", path=path, place=place, code=code,
                              what_zh=what["zh"], what_en=what["en"])


def refuse_empty_users(path: str, restored_users: int, current_users: int) -> None:
    """A copy without users would lift every access control of a database that has them."""
    if restored_users == 0 and current_users > 0:
        raise BackupError("no_users", path=path, current=current_users)


# --- SQLite ------------------------------------------------------------------------------------

def rebuild_sqlite(copy: Path, target: Path, revision: str, shown_as: str,
                   current_users: int) -> Path:
    """Writes `target`: our schema at `revision` holding the rows of `copy` (checked before by
    check_sqlite_copy), upgraded to the program's schema. Removes it and raises BackupError
    when the copy is refused."""
    from trainer.db.engine import connect

    target.unlink(missing_ok=True)
    db = connect(f"sqlite:///{target.as_posix()}")
    try:
        with db.engine.begin() as conn:
            _upgrade(conn, revision)
            tables = _our_tables(conn)
        db.dispose()
        _copy_sqlite_rows(copy, target, tables, shown_as)
        with db.engine.begin() as conn:
            _upgrade(conn, "head")
            keep_sqlite_index(conn)  # a table rebuilt in batch mode loses its triggers
            users = conn.execute(text(f"SELECT count(*) FROM {USERS_TABLE}")).scalar_one()
            refuse_control_characters(conn, shown_as)
        refuse_empty_users(shown_as, users, current_users)
    except BaseException:
        db.dispose()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    db.dispose()
    return target


def _copy_sqlite_rows(copy: Path, target: Path, tables: dict[str, list[str]],
                      shown_as: str) -> None:
    conn = sqlite3.connect(target.resolve().as_uri(), uri=True)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")  # rows arrive table by table; checked after
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("ATTACH DATABASE ? AS src", (copy.resolve().as_uri() + "?mode=ro",))
        found = {}
        for (name,) in conn.execute("SELECT name FROM src.sqlite_master WHERE type='table'"):
            found[name] = {r[1] for r in conn.execute(f"PRAGMA src.table_info({_quoted(name)})")}
        _missing(shown_as, tables, found)
        with conn:
            conn.execute(f"DELETE FROM main.{VERSION_TABLE}")
            conn.execute(f"INSERT INTO main.{VERSION_TABLE} (version_num) "
                         f"SELECT version_num FROM src.{VERSION_TABLE}")
            # Our own triggers (the search index's) are set aside while the rows arrive:
            # with trusted_schema off a trigger may not write to a virtual table. The index
            # is rebuilt from the copied rows at once, then the triggers are made again.
            triggers = conn.execute("SELECT name, sql FROM main.sqlite_master "
                                    "WHERE type = 'trigger'").fetchall()
            for name, _sql in triggers:
                conn.execute(f"DROP TRIGGER main.{_quoted(name)}")
            for table, columns in tables.items():
                names = ", ".join(_quoted(c) for c in columns)
                conn.execute(f"INSERT INTO main.{_quoted(table)} ({names}) "
                             f"SELECT {names} FROM src.{_quoted(table)}")
            for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = "
                                        "'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
                                        ).fetchall():
                for statement in REBUILD.get(name, ()):  # only our own index tables
                    conn.execute(statement.replace("INSERT INTO ", "INSERT INTO main.", 1))
            for _name, sql in triggers:
                conn.execute(sql)
        broken = conn.execute("PRAGMA main.foreign_key_check").fetchall()
        conn.execute("DETACH DATABASE src")
    except sqlite3.DatabaseError as exc:
        raise BackupError("damaged", path=shown_as, detail=str(exc)) from exc
    finally:
        conn.close()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise BackupError("not_ours", path=shown_as,
                          detail=f"{len(broken)} rows refer to missing rows "
                                 f"(first: {table} row {rowid} → {parent})")


# --- PostgreSQL --------------------------------------------------------------------------------

_COPY = re.compile(r"^COPY (?:(?:public|\"public\")\.)?\"?(?P<table>[a-z_][a-z0-9_]*)\"? "
                   r"\((?P<columns>[a-z0-9_\", ]+)\) FROM stdin;$")
END_OF_DATA = "\\."


def _data_script(pg_restore: str, archive: Path, env: dict[str, str],
                 tables: list[str] | None = None) -> subprocess.Popen:
    """pg_restore writing the archive's data as text to a pipe — no database is involved."""
    args = [pg_restore, "--data-only", "--file=-"]
    args += [f"--table={t}" for t in tables or ()]
    return subprocess.Popen([*args, str(archive)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)


def copy_blocks(lines: Iterator[str]) -> Iterator[tuple[str, list[str], Iterator[str]]]:
    """(table, columns, rows) for each `COPY … FROM stdin;` block of a data script; everything
    outside the blocks (SET, SELECT setval, comments — or anything a hostile file put there) is
    skipped. The rows iterator must be used up before the next block is asked for."""
    for line in lines:
        match = _COPY.match(line.rstrip("\n"))
        if match is None:
            continue
        columns = [c.strip().strip('"') for c in match["columns"].split(",")]

        def rows() -> Iterator[str]:
            for row in lines:
                if row.rstrip("\n") == END_OF_DATA:
                    return
                yield row
        block = rows()
        yield match["table"], columns, block
        for _rest in block:  # a block the caller did not read
            pass


def archive_revision(pg_restore: str, archive: Path, env: dict[str, str], shown_as: str) -> str:
    proc = _data_script(pg_restore, archive, env, [VERSION_TABLE])
    out, err = proc.communicate()
    revisions = [row.strip() for _t, _c, rows in copy_blocks(iter(out.splitlines(True)))
                 for row in rows]
    if proc.returncode != 0 or len(revisions) != 1:
        raise BackupError("not_ours", path=shown_as,
                          detail=(err.strip().splitlines() or ["no schema revision"])[-1][:300])
    return revisions[0]


def _drop_everything(conn: Connection) -> None:
    """The current schema's tables, views and functions (ours, or left by anything before)."""
    inspector = inspect(conn)
    for view in inspector.get_view_names():
        conn.execute(text(f"DROP VIEW IF EXISTS {_quoted(view)} CASCADE"))
    for table in inspector.get_table_names():
        conn.execute(text(f"DROP TABLE IF EXISTS {_quoted(table)} CASCADE"))
    functions = conn.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = "
        "p.pronamespace WHERE n.nspname = current_schema() AND pg_has_role(p.proowner, 'USAGE')"
    )).scalars().all()
    for function in functions:
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function} CASCADE"))


def rebuild_pg(conn: Connection, pg_restore: str, archive: Path, env: dict[str, str],
               revision: str, shown_as: str) -> None:
    """Inside the caller's transaction on `conn`: replaces every table by our schema at
    `revision`, fills it with the archive's rows, upgrades it to the program's schema. Raises
    BackupError (the caller rolls back) when the archive is refused."""
    current_users = conn.execute(text(f"SELECT count(*) FROM {USERS_TABLE}")).scalar_one() \
        if inspect(conn).has_table(USERS_TABLE) else 0
    _drop_everything(conn)
    _upgrade(conn, revision)
    tables = _our_tables(conn)
    staged = {t: f"restoring_{t}" for t in tables}
    for table, holder in staged.items():  # no constraints, no triggers: rows only
        conn.execute(text(f"CREATE TEMPORARY TABLE {_quoted(holder)} "
                          f"(LIKE {_quoted(table)} INCLUDING DEFAULTS) ON COMMIT DROP"))
    found: dict[str, set[str]] = {}
    cursor = conn.connection.dbapi_connection.cursor()
    with _data_script(pg_restore, archive, env) as proc:  # its pipes closed, however it ends
        for table, columns, rows in copy_blocks(proc.stdout):
            if table not in tables or table in found:
                continue
            unknown = [c for c in columns if c not in tables[table]]
            if unknown:
                proc.kill()
                raise BackupError("not_ours", path=shown_as,
                                  detail=f"table {table} has unknown columns {', '.join(unknown)}")
            found[table] = set(columns)
            names = ", ".join(_quoted(c) for c in columns)
            with cursor.copy(f"COPY {_quoted(staged[table])} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write(row)
        err = proc.stderr.read()
    if proc.returncode != 0:
        raise BackupError("damaged", path=shown_as, detail=err.strip()[-300:])
    _missing(shown_as, tables, found)
    for table, columns in tables.items():
        names = ", ".join(_quoted(c) for c in columns)
        conn.execute(text(f"INSERT INTO {_quoted(table)} ({names}) "
                          f"SELECT {names} FROM {_quoted(staged[table])}"))
        if "id" in columns:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {_quoted(table)}), false) "
                f"WHERE pg_get_serial_sequence(:t, 'id') IS NOT NULL"), {"t": table})
    for holder in staged.values():
        conn.execute(text(f"DROP TABLE {_quoted(holder)}"))
    _upgrade(conn, "head")
    users = conn.execute(text(f"SELECT count(*) FROM {USERS_TABLE}")).scalar_one()
    refuse_empty_users(shown_as, users, current_users)
    refuse_control_characters(conn, shown_as)
