"""Backups and restore as the GUI and the command line use them.

SQLite: a copy on the first open of each day (daily_backup; the CLI calls it in every command,
the GUI when it opens a database) and before every migration (db/migrate.py), the newest
`backup.keep` automatic copies kept; manual copies (backup_now) and restore (checked with
PRAGMA integrity_check and our schema first; the current database is kept aside).
PostgreSQL: the same calls run pg_dump / pg_restore when they are on PATH, else say how to
install them. Backing up needs the backup permission (administrator, training officer);
restoring the administrator. Both are recorded in the audit trail."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from threading import Event

from filelock import FileLock, Timeout

from trainer.config import data_dir
from sqlalchemy import func, select, text

from trainer.db import backup as files
from trainer.db import rebuild, server_roles
from trainer.db.engine import Database
from trainer.db.models import User
from trainer.errors import BackupError, TrainerError
from trainer.files import OutputError, remove_leftovers
from trainer.security import anchor, guard
from trainer.security.roles import BACKUP, RESTORE, Actor
from trainer.services.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupRecord:
    path: Path
    label: str  # daily, before-<revision>, manual, replaced
    made_at: dt.datetime  # local time
    size: int
    automatic: bool


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path  # the database as it was, to go back to
    revision: str  # the schema revision of the copy (upgraded to the program's after restoring)


def _folder_and_stem(database: Database) -> tuple[Path, str] | None:
    source = files.sqlite_file(database.engine)
    if source is not None:
        return files.backup_folder(source), source.stem
    if database.engine.dialect.name == "postgresql":
        return files.pg_backup_folder(data_dir()), files.pg_database_name(database.url)
    return None


def _keep(database: Database) -> int:
    from trainer.services.settings import DEFAULTS, get_setting

    try:
        return int(get_setting(UnitOfWork(database), "backup.keep"))
    except TrainerError:  # no office yet
        return int(DEFAULTS["backup.keep"])


def daily_backup(database: Database, today: dt.date | None = None,
                 stop: Event | None = None) -> Path | None:
    """The first open of a day copies a SQLite database to backups/…-daily-….db and prunes the
    automatic copies to `backup.keep`. None when there is nothing to do (already today, not a
    SQLite file, another process making the day's copy right now, or a disk that is full or
    read-only: reading must still work there). Removes what a killed backup or restore left
    (*.partial, .restoring-*) first.

    Twenty desks opening the file at the same moment: the day's copy is claimed with a lock
    file (an OS lock, released when its process ends, however it ends); the process holding it
    looks again for the day's copy and makes it, the others do not wait for it.

    The app makes it in the background once its window is up; `stop`, set when the app quits,
    gives the copy up (nothing is left of it, and the next start makes it)."""
    source = files.sqlite_file(database.engine)
    if source is None or not source.exists():
        return None
    today = today or dt.date.today()
    folder = files.backup_folder(source)
    if _has_daily(folder, source.stem, today):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        claim = FileLock(folder / f".{source.stem}-daily.lock", timeout=0)
        claim.acquire()
    except Timeout:  # another process is making the day's copy
        return None
    except OSError as exc:  # a read-only or full disk
        log.warning("daily backup not made: %s", exc)
        return None
    try:
        if _has_daily(folder, source.stem, today):
            return None
        remove_leftovers(folder)  # backups/: ours alone
        remove_leftovers(source.parent, partial=False)  # the user's folder: restore copies only
        try:
            copy = files.backup_sqlite(database.engine, "daily", stop=stop)
        except files.BackupStopped:
            log.info("daily backup given up: the program is quitting")
            return None
        except OutputError as exc:
            log.warning("daily backup not made: %s", exc.message("en"))
            return None
        files.prune_automatic(folder, source.stem, _keep(database))
        return copy
    finally:
        claim.release()


def _has_daily(folder: Path, stem: str, today: dt.date) -> bool:
    return any(b.label == "daily" and b.made_at.date() == today
               for b in files.list_backup_files(folder, stem))


def list_backups(database: Database) -> list[BackupRecord]:
    """The copies of this database in its backups folder, newest first."""
    where = _folder_and_stem(database)
    if where is None:
        return []
    return [BackupRecord(b.path, b.label, b.made_at, b.size, b.automatic)
            for b in files.list_backup_files(*where)]


def backup_now(uow: UnitOfWork, out: str | Path | None = None) -> Path:
    """A manual copy to `out` or the backups folder (SQLite online backup, or pg_dump)."""
    actor = guard.require(uow, BACKUP, "backup")
    database = uow.database
    if files.sqlite_file(database.engine) is None and database.engine.dialect.name != "postgresql":
        raise BackupError("not_a_file", what=database.display_name())
    # recorded first, so the copy holds its own entry and a restored database still shows it
    org = uow.known_organization_id
    _record(database, actor, "backup", str(out or "backups/"), org)
    try:
        if files.sqlite_file(database.engine) is not None:
            path = files.backup_sqlite(database.engine, "manual", Path(out) if out else None)
            if path is None:
                raise BackupError("missing", path=database.display_name())
        else:
            path = files.pg_dump(database.url, Path(out) if out else None,
                                 files.pg_backup_folder(data_dir()))
    except TrainerError as exc:
        _record(database, actor, "backup", f"failed: {exc.message('en')}", org)
        raise
    return path


def _known_revision(revision: str, path: Path) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from trainer.db.migrate import alembic_config

    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise BackupError("too_new", path=str(path), revision=revision)


def restore(uow: UnitOfWork, file: str | Path) -> RestoreResult:
    """Replaces the database's data by the copy's after checking it (integrity, our tables and
    columns, users, not newer than the program): the rows are copied into a schema our own
    migrations build (db/rebuild.py), so nothing but data comes from the file. The current
    database is kept aside first. Refused copies leave the database untouched."""
    actor = guard.require(uow, RESTORE, "restore")
    database, path = uow.database, Path(file)
    with uow:
        current_users = uow.session.scalar(select(func.count()).select_from(User)) or 0
    source = files.sqlite_file(database.engine)
    if source is not None:
        folder = files.backup_folder(source)
        staged = files.staged_copy(path, folder)
        built = staged.with_name(staged.stem + "-rebuilt.db")
        try:
            revision = files.check_sqlite_copy(staged, shown_as=path)
            _known_revision(revision, path)
            rebuild.rebuild_sqlite(staged, built, revision, str(path), current_users)
            database.dispose()
            aside = files.restore_sqlite(source, built)
        finally:
            files.remove_staged(staged)
            files.remove_staged(built)
    elif database.engine.dialect.name == "postgresql":
        files.check_pg_archive(path)
        revision = rebuild.archive_revision(files.pg_tool("pg_restore"), path,
                                            files.pg_environment(), str(path))
        _known_revision(revision, path)
        _refuse_superuser(database)
        aside = files.pg_dump(database.url, None, files.pg_backup_folder(data_dir()), "replaced")
        with database.engine.begin() as conn:
            rebuild.rebuild_pg(conn, files.pg_tool("pg_restore"), path, files.pg_environment(),
                               revision, str(path))
            server_roles.refresh_grants(conn)  # the new tables, the roles' grants
        database.dispose()
    else:
        raise BackupError("not_a_file", what=database.display_name())
    from trainer.db.migrate import open_database

    open_database(database.url).dispose()  # an older copy is upgraded (after its own backup)
    _record(database, actor, "restore", f"{path} (kept aside: {aside})",
            uow.known_organization_id)
    anchor.reset(database.engine)  # the trail is the copy's now, plus the restore's entry
    return RestoreResult(path, aside, revision)


def _refuse_superuser(database: Database) -> None:
    """A restore never runs with superuser rights: whatever a file holds, it must not get the
    server's (COPY … TO PROGRAM, reading the server's files)."""
    with database.engine.connect() as conn:
        user, superuser = conn.execute(text(
            "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    if superuser:
        raise BackupError("superuser", user=user)


def _current_revision(database: Database) -> str:
    from trainer.db.migrate import current_revision

    return current_revision(database) or ""


def _record(database: Database, actor: Actor, action: str, summary: str,
            organization_id: int | None) -> None:
    """An entry in the trail of `database` as it is now (after a restore: the restored one,
    where the acting user may not exist — the entry keeps their name)."""
    with database.session_factory() as session:
        guard.write_entries(session, [guard.audit_entry(actor, action, summary=summary[:200],
                                                        organization_id=organization_id)])
        session.commit()
