"""Engine and session factory for SQLite (WAL, foreign keys) and PostgreSQL."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import sessionmaker

from trainer.db import change_feed
from trainer.errors import DatabaseError
from trainer.files import make_owner_only


@dataclass(frozen=True)
class Database:
    """An open database: the URL it came from, its engine and a session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def display_name(self) -> str:
        """The SQLite file's path, or the URL without its password, for status bars and messages."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return str(Path(url.database))
        return url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:  # a read-only file or folder: readable all the same
        pass
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 32 MB of page cache (SQLite's default is 2 MB): an import of 100,000 trainees updates
    # four indexes at random places, and with the default cache every insert rereads their
    # pages (1.65 → 0.93 s of CPU for the rows alone). Only pages read are held.
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def _owner_only(path: str):
    """The connect hook that keeps a SQLite file of personal data and its -wal/-shm files
    readable by their owner only (0600 on POSIX), however the file was made."""
    def hook(_dbapi_connection, _record) -> None:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                make_owner_only(path + suffix)
    return hook


def _on_read_only_media(database: str | None) -> bool:
    """A SQLite file in a folder nobody may write to (a CD, a read-only share or mount): SQLite
    cannot make the -shm file a WAL database needs even to read, so the file is opened read-only
    and immutable (nothing can change it there). Writes then fail as "read-only"."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return False
    path = Path(database)
    return path.is_file() and not os.access(path.parent, os.W_OK)


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError("bad_url", detail=url) from exc
    try:
        if parsed.get_backend_name() == "sqlite" and _on_read_only_media(parsed.database):
            path = Path(parsed.database).resolve()
            engine = create_engine(parsed, creator=lambda: sqlite3.connect(
                f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False))
            event.listen(engine, "connect", _sqlite_pragmas)
        elif parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed)
            event.listen(engine, "connect", _sqlite_pragmas)
            if parsed.database and parsed.database != ":memory:" \
                    and not parsed.database.startswith("file:"):
                event.listen(engine, "connect", _owner_only(parsed.database))
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseError("bad_url", detail=f"{parsed.drivername}: {exc}") from exc
    change_feed.install(engine)
    return engine


def connect(url: str) -> Database:
    """An engine and session factory, without touching the schema (see migrate.open_database)."""
    engine = make_engine(url)
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(url=url, engine=engine, session_factory=factory)
