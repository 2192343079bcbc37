"""Copies of a SQLite database made with SQLite's online backup (consistent even while open)."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind a SQLite engine, or None (memory, or not SQLite)."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


def backup_sqlite(engine: Engine, label: str) -> Path | None:
    """Writes <folder>/backups/<name>-<label>-<timestamp>.db and returns its path."""
    source = sqlite_file(engine)
    if source is None or not source.exists():
        return None
    folder = source.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{source.stem}-{label}-{stamp}.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target
