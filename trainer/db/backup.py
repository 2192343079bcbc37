"""Copies of a SQLite database made with SQLite's online backup (consistent even while open),
checks of a copy before it is restored, and PostgreSQL's pg_dump / pg_restore.

Copies live in backups/ beside the database file, named <stem>-<label>-<YYYYMMDD-HHMMSS>.db:
label `daily` (the first open of a day), `before-<revision>` (before a migration), `manual`,
`replaced` (the database as it was before a restore)."""
from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from threading import Event

from sqlalchemy import Engine, make_url

from trainer.errors import BackupError
from trainer.files import STAGED_PREFIX, atomic_output, make_owner_only, output_error

SQLITE_HEADER = b"SQLite format 3\x00"
# tables every database of ours has had since revision 0001
REQUIRED_TABLES = frozenset({"alembic_version", "organizations", "enterprises", "trainees",
                             "courses", "cohorts", "lessons"})
AUTOMATIC_LABELS = re.compile(r"^(daily|before-.+)$")
STEP_PAGES = 4096  # pages copied between two looks at a stop request (16 MB at 4 KB a page)


class BackupStopped(Exception):
    """A copy given up because the program is quitting (nothing is left of it)."""


_NAME = re.compile(r"^(?P<label>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(-\d+)?\.(db|dump)$")


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind a SQLite engine, or None (memory, or not SQLite)."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


def backup_folder(source: Path) -> Path:
    return source.parent / "backups"


def _target(folder: Path, stem: str, label: str, suffix: str) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only or full disk
        raise output_error(exc, folder) from None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{label}-{stamp}{suffix}"
    n = 1
    while target.exists():  # two copies within one second keep both
        target = folder / f"{stem}-{label}-{stamp}-{n}{suffix}"
        n += 1
    return target


def copy_sqlite(source: Path, target: Path, standalone: bool = True,
                stop: Event | None = None) -> Path:
    """SQLite's online backup of `source` into `target` (a consistent copy while others write).
    `standalone`: the copy uses a rollback journal, not WAL, so opening it later (to check it)
    leaves no -wal/-shm files beside it and it can be carried around as one file. `stop`: set
    from another thread, it ends the copy (BackupStopped) at the next step of STEP_PAGES."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            if stop is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=STEP_PAGES, progress=partial(_check_stop, stop))
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError as exc:  # a full or read-only disk: an OSError to say so
            raise _os_error(exc, target) from exc
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _check_stop(stop: Event, _status: int, _remaining: int, _total: int) -> None:
    if stop.is_set():
        raise BackupStopped()


def _os_error(exc: sqlite3.OperationalError, target: Path) -> Exception:
    text = str(exc).lower()
    for words, code in (("full", errno.ENOSPC), ("readonly", errno.EROFS),
                        ("read-only", errno.EROFS), ("locked", errno.EBUSY),
                        ("disk i/o", errno.EIO)):
        if words in text:
            return OSError(code, str(exc), str(target))
    return exc


def backup_sqlite(engine: Engine, label: str, out: Path | None = None,
                  stop: Event | None = None) -> Path | None:
    """Writes <folder>/backups/<name>-<label>-<timestamp>.db (or `out`) and returns its path;
    None when the engine has no file (memory, PostgreSQL) or the file does not exist yet."""
    source = sqlite_file(engine)
    if source is None or not source.exists():
        return None
    target = Path(out) if out else _target(backup_folder(source), source.stem, label, ".db")
    if target.resolve() == source.resolve():
        raise BackupError("same_file", path=str(target))
    with atomic_output(target) as partial:  # a copy cut short is never taken for one
        copy_sqlite(source, partial, stop=stop)
    return target


@dataclass(frozen=True)
class BackupFile:
    path: Path
    label: str
    made_at: dt.datetime  # local time, from the name
    size: int

    @property
    def automatic(self) -> bool:
        return bool(AUTOMATIC_LABELS.match(self.label))


def list_backup_files(folder: Path, stem: str) -> list[BackupFile]:
    """The copies of database `stem` in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not path.name.startswith(f"{stem}-"):
            continue
        match = _NAME.match(path.name[len(stem) + 1:])
        if match is None or not path.is_file():
            continue
        made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupFile(path, match["label"], made, path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def prune_automatic(folder: Path, stem: str, keep: int) -> list[Path]:
    """Deletes all but the `keep` newest automatic copies (daily, before-…); manual copies and
    databases kept aside by a restore stay until the user deletes them."""
    automatic = [b for b in list_backup_files(folder, stem) if b.automatic]
    removed = []
    for old in automatic[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def staged_copy(path: Path, folder: Path) -> Path:
    """A private byte copy of a file the user chose, checked and restored from, so what was
    checked is what is restored and the user's file is never opened for writing."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("missing", path=str(path))
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f"{STAGED_PREFIX}{os.getpid()}.db"  # removed at the next start if left
    try:
        shutil.copyfile(path, staged)
    except OSError as exc:
        remove_staged(staged)
        raise output_error(exc, staged) from None
    make_owner_only(staged)
    return staged


def remove_staged(staged: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)


def check_sqlite_copy(path: Path, shown_as: Path | None = None) -> str:
    """Refuses (BackupError) a file that is missing, damaged (PRAGMA integrity_check) or not a
    database of ours; returns its schema revision. `shown_as`: the name in messages."""
    path = Path(path)
    name = str(shown_as or path)
    if not path.is_file():
        raise BackupError("missing", path=name)
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise BackupError("not_ours", path=name, detail="not a SQLite database file")
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError("damaged", path=name, detail=str(exc)) from exc
    try:
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise BackupError("damaged", path=name, detail=str(exc)) from exc
        if problems != ["ok"]:
            raise BackupError("damaged", path=name, detail="; ".join(problems[:3]))
        missing = REQUIRED_TABLES - tables
        if missing:
            raise BackupError("not_ours", path=name,
                              detail="missing tables " + ", ".join(sorted(missing)))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    if row is None:
        raise BackupError("not_ours", path=name, detail="no schema revision")
    return row[0]


def restore_sqlite(database_file: Path, copy: Path) -> Path:
    """Keeps the current database aside (backups/<stem>-replaced-<time>.db), then writes `copy`
    over it with the online backup API: in place, so a program that still has the file open
    sees the restored data rather than a renamed file. Returns the path kept aside."""
    if Path(copy).resolve() == Path(database_file).resolve():
        raise BackupError("same_file", path=str(copy))
    aside = _target(backup_folder(database_file), database_file.stem, "replaced", ".db")
    copy_sqlite(database_file, aside)
    copy_sqlite(Path(copy), database_file, standalone=False)
    conn = sqlite3.connect(database_file)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
    finally:
        conn.close()
    if result != ["ok"]:  # pragma: no cover - the copy was checked; a full disk could do this
        copy_sqlite(aside, database_file)
        raise BackupError("damaged", path=str(copy), detail="; ".join(result))
    return aside


# --- PostgreSQL ---------------------------------------------------------------------------------

def pg_tool(name: str) -> str:
    """The path of pg_dump / pg_restore, or BackupError saying how to install it."""
    found = shutil.which(name)
    if found is None:
        raise BackupError("pg_tools_missing", tool=name)
    return found


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection URI for a SQLAlchemy URL, with the password in PGPASSWORD (not on
    the command line, where other users of the machine could read it)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def pg_environment() -> dict[str, str]:
    """The environment for a pg_restore that reads an archive without connecting."""
    return dict(os.environ)


def _run(tool: str, args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([pg_tool(tool), *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError("pg_failed", tool=tool, detail=" ".join(detail[-3:])[:500])
    return done.stdout


def pg_backup_folder(data_dir: Path) -> Path:
    return data_dir / "backups"


def pg_database_name(url: str) -> str:
    return make_url(url).database or "postgres"


def pg_dump(url: str, out: Path | None, folder: Path, label: str = "manual") -> Path:
    """pg_dump in its custom format (compressed, for pg_restore) to `out` or the folder."""
    target = Path(out) if out else _target(folder, pg_database_name(url), label, ".dump")
    uri, env = _libpq(url)
    with atomic_output(target) as partial:
        _run("pg_dump", ["--format=custom", "--no-owner", f"--file={partial}", f"--dbname={uri}"],
             env)
    return target


def check_pg_archive(path: Path) -> None:
    """Refuses an archive pg_restore cannot read, or one without our tables."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("missing", path=str(path))
    try:
        listing = _run("pg_restore", ["--list", str(path)], pg_environment())
    except BackupError as exc:
        if exc.reason == "pg_tools_missing":
            raise
        raise BackupError("damaged", path=str(path), detail=exc.params.get("detail", "")) from exc
    tables = set(re.findall(r"TABLE DATA \S+ (\w+)\b", listing))
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError("not_ours", path=str(path),
                          detail="missing tables " + ", ".join(sorted(missing)))
