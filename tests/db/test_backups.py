"""Backups: SQLite online copies (daily on open, before migrations, manual), pruned to
backup.keep; restore after checking the copy, with the current database kept aside; damaged or
foreign files refused untouched; pg_dump / pg_restore on PostgreSQL."""
import datetime as dt
import shutil
import sqlite3

import pytest
from sqlalchemy import text

from tests.scenarios.trust_fixtures import make_staff
from trainer.db.backup import list_backup_files
from trainer.db.migrate import current_revision, head_revision, open_database, upgrade
from trainer.db.engine import connect
from trainer.errors import BackupError, PermissionDenied
from trainer.security.audit import list_audit
from trainer.security.backups import backup_now, daily_backup, list_backups, restore
from trainer.services import enterprises as ent
from trainer.services.settings import set_setting


@pytest.fixture
def office(sqlite_url):
    """A SQLite office (the file tests below are about SQLite's copies)."""
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(sqlite_url)
    unit = UnitOfWork(db)
    create_organization(unit, "新余市总工会", "新余总工会", "XYZGH")
    yield unit
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def uow(request):
    """An office on SQLite, or on a PostgreSQL database the app reaches as its owner (an
    ordinary account: restore refuses a superuser connection)."""
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_owner_url")
    db = open_database(url)
    unit = UnitOfWork(db)
    create_organization(unit, "新余市总工会", "新余总工会", "XYZGH")
    yield unit
    db.dispose()


def names(uow):
    return {e.name for e in ent.list_enterprises(uow)}


def test_backup_change_restore_round_trip(uow, tmp_path):
    """SQLite: online copies beside the file; PostgreSQL: pg_dump into the data folder."""
    if not uow.database.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    copy = backup_now(uow)
    folder = tmp_path / "backups" if uow.database.is_sqlite else tmp_path / "data" / "backups"
    assert copy.parent == folder and "-manual-" in copy.name
    ent.create_enterprise(uow, ent.EnterpriseForm("新余锂电"))
    result = restore(uow, copy)
    assert names(uow) == {"新余钢铁"}
    assert result.restored_from == copy and result.revision == head_revision()
    assert result.kept_aside.exists() and result.kept_aside.parent == folder
    if uow.database.is_sqlite:
        with sqlite3.connect(result.kept_aside) as kept:  # the database as it was
            assert {r[0] for r in kept.execute("SELECT name FROM enterprises")} == {
                "新余锂电", "新余钢铁"}
    entries = list_audit(uow, action="restore")
    assert len(entries) == 1 and str(copy) in entries[0].summary
    labels = sorted(b.label for b in list_backups(uow.database))
    assert labels == ["manual", "replaced"]
    ent.create_enterprise(uow, ent.EnterpriseForm("新余光伏"))  # the restored file works on
    assert names(uow) == {"新余光伏", "新余钢铁"}


def _damaged(copy, tmp_path):
    data = bytearray(copy.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\x5a" * 8192
    bad = tmp_path / "damaged.db"
    bad.write_bytes(bytes(data))
    return bad


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(office, tmp_path):
    uow = office
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    copy = backup_now(uow, tmp_path / "good.db")
    ent.create_enterprise(uow, ent.EnterpriseForm("新余锂电"))
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(copy.read_bytes()[:len(copy.read_bytes()) // 3])
    foreign = tmp_path / "invoices.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    newer = tmp_path / "newer.db"
    shutil.copyfile(copy, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    spreadsheet = tmp_path / "list.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    expected = {_damaged(copy, tmp_path): "damaged", truncated: "damaged", foreign: "not_ours",
                newer: "too_new", spreadsheet: "not_ours", tmp_path / "gone.db": "missing"}
    for path, reason in expected.items():
        with pytest.raises(BackupError) as info:
            restore(uow, path)
        assert info.value.reason == reason, path
        assert str(path) in info.value.message("en")
    damaged = BackupError("damaged", path="x.db", detail="malformed")
    assert "已损坏" in damaged.message("zh") and "not touched" in damaged.message("en")
    assert names(uow) == {"新余锂电", "新余钢铁"}
    assert not [b for b in list_backups(uow.database) if b.label == "replaced"]
    assert not list((tmp_path / "backups").glob(".restoring*"))


def test_an_older_copy_is_upgraded_after_restoring(tmp_path):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    old = tmp_path / "old.db"
    db = connect(f"sqlite:///{old}")
    upgrade(db, "0004")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO organizations (name, short_name, address, phone, "
                          "certificate_prefix, version) VALUES ('新余市总工会', '', '', '', '', 1)"))
    db.dispose()
    from trainer.services.uow import UnitOfWork

    current = open_database(url)
    result = restore(UnitOfWork(current), old)
    assert result.revision == "0004" and current_revision(current) == head_revision()
    current.dispose()


def test_a_daily_copy_on_the_first_open_of_a_day_pruned_to_backup_keep(office, tmp_path):
    uow = office
    set_setting(uow, "backup.keep", 3, force=True)
    folder = tmp_path / "backups"
    folder.mkdir()
    for days in range(1, 6):  # five older automatic copies, and a manual one
        stamp = (dt.datetime.now() - dt.timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
        shutil.copyfile(tmp_path / "test.db", folder / f"test-daily-{stamp}.db")
    shutil.copyfile(tmp_path / "test.db", folder / "test-manual-20200101-080000.db")
    first = daily_backup(uow.database)
    assert first is not None and first.exists()
    assert daily_backup(uow.database) is None  # once a day
    files = list_backup_files(folder, "test")
    assert [b.label for b in files if b.automatic] == ["daily"] * 3
    assert files[0].path == first and any(b.label == "manual" for b in files)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert daily_backup(uow.database, today=tomorrow) is not None


def test_migrations_back_up_first(tmp_path):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    db = connect(url)
    upgrade(db, "0004")
    db.dispose()
    open_database(url).dispose()
    assert [b.label for b in list_backup_files(tmp_path / "backups", "office")] == [
        f"before-{head_revision()}"]


def test_who_may_back_up_and_restore(uow, tmp_path):
    if not uow.database.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    staff = make_staff(uow.database)
    with pytest.raises(PermissionDenied) as info:
        backup_now(staff.uow(staff.clerk))
    assert info.value.message("zh") == "权限不足：办事员不能备份数据库。"
    copy = backup_now(staff.uow(staff.officer))
    with pytest.raises(PermissionDenied):
        restore(staff.uow(staff.officer), copy)
    restore(staff.uow(staff.admin), copy)
    entries = list_audit(staff.uow(staff.admin), action="backup")
    assert [e.username for e in entries] == ["officer"]


@pytest.mark.postgres
def test_a_damaged_postgresql_archive_is_refused(pg_url, tmp_path):
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(pg_url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会")
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    dump = backup_now(uow, tmp_path / "office.dump")
    assert dump.read_bytes()[:5] == b"PGDMP"
    bad = tmp_path / "bad.dump"
    bad.write_bytes(dump.read_bytes()[:200])
    sqlite_file = tmp_path / "office.db"
    with sqlite3.connect(sqlite_file) as conn:
        conn.execute("CREATE TABLE t (id INTEGER)")
    for path in (bad, sqlite_file):
        with pytest.raises(BackupError) as info:
            restore(uow, path)
        assert info.value.reason == "damaged"
    assert names(uow) == {"新余钢铁"}
    assert not list((tmp_path / "data" / "backups").glob("*-replaced-*"))
    db.dispose()


def test_missing_postgresql_tools_say_how_to_install_them(monkeypatch):
    from trainer.db import backup

    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(BackupError) as info:
        backup.pg_tool("pg_dump")
    assert "postgresql-client" in info.value.message("en")
    assert "PATH" in info.value.message("zh")
