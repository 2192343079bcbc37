"""Opening databases: create, upgrade older ones (with a backup), refuse newer or foreign ones."""
import sqlite3

import pytest
from sqlalchemy import text

from trainer.db.engine import connect
from trainer.db.migrate import current_revision, head_revision, open_database, upgrade
from trainer.errors import DatabaseError
from trainer.services import trainees
from trainer.services.uow import UnitOfWork


def test_new_database_is_created_at_head(empty_db_url):
    db = open_database(empty_db_url)
    assert current_revision(db) == head_revision()
    db.dispose()


def test_first_revision_with_data_upgrades_to_head_intact(empty_db_url):
    """Schema at 0001 with an office, an enterprise and a trainee; upgrading keeps the rows and
    fills the pinyin initials that 0002 adds, so the old trainee is found by 'zs'."""
    db = connect(empty_db_url)
    upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO organizations (id, name, short_name, address, phone, "
                          "certificate_prefix, version) VALUES (1, '新余市总工会', '', '', '', '', 1)"))
        conn.execute(text("INSERT INTO enterprises (id, organization_id, name, district, park, "
                          "industry, address, contact_name, contact_phone, headcount, notes, version) "
                          "VALUES (1, 1, '新余恒达钢铁', '渝水区', '', '', '', '', '', 120, '', 1)"))
        conn.execute(text("INSERT INTO trainees (id, organization_id, name, gender, id_number, "
                          "mobile, enterprise_id, post, category, notes, version) VALUES "
                          "(1, 1, '张三', 'F', '11010519491231002X', '13800138000', 1, '焊工', "
                          "'regular', '', 1)"))
    db.dispose()

    db = open_database(empty_db_url)
    assert current_revision(db) == head_revision()
    uow = UnitOfWork(db)
    found = trainees.list_trainees(uow, "zs")
    assert [(t.name, t.id_number, t.enterprise_name, t.post) for t in found] == [
        ("张三", "11010519491231002X", "新余恒达钢铁", "焊工")]
    db.dispose()


def test_upgrade_of_a_sqlite_file_keeps_a_backup_copy(tmp_path):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    db = connect(url)
    upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO organizations (name, short_name, address, phone, "
                          "certificate_prefix, version) VALUES ('新余市总工会', '', '', '', '', 1)"))
    db.dispose()
    open_database(url).dispose()
    backups = list((tmp_path / "backups").glob("office-before-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name FROM organizations").fetchall() == [("新余市总工会",)]


def test_newer_database_is_refused_with_a_clear_message(empty_db_url):
    open_database(empty_db_url).dispose()
    db = connect(empty_db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseError) as info:
        open_database(empty_db_url)
    assert info.value.reason == "too_new"
    assert "更新版本" in info.value.message("zh") and "newer version" in info.value.message("en")


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}")
    assert info.value.reason == "not_ours"
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{garbage}")
    assert info.value.reason == "not_ours"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(empty_sqlite_url):
    db = open_database(empty_sqlite_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_unreachable_server_gives_a_clear_error():
    with pytest.raises(DatabaseError) as info:
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert info.value.reason == "unreachable"
    with pytest.raises(DatabaseError) as info:
        open_database("nosuchdb://x")
    assert info.value.reason == "bad_url"


def test_a_request_with_classes_upgrades_to_head(empty_db_url):
    """A real office's database: a class refers to its training request. On SQLite the batch
    migrations rebuild training_requests by copying it and dropping the old table, which the
    class's foreign key refused ("FOREIGN KEY constraint failed"): the upgrade must keep every
    row and every reference."""
    db = connect(empty_db_url)
    upgrade(db, "0005")
    rows = [
        "INSERT INTO organizations (id, name, short_name, address, phone, certificate_prefix) "
        "VALUES (1, '新余市总工会', '', '', '', '')",
        "INSERT INTO enterprises (id, organization_id, name, district, park, industry, address, "
        "contact_name, contact_phone, headcount, notes) "
        "VALUES (1, 1, '新余恒达钢铁', '渝水区', '', '', '', '', '', 120, '')",
        "INSERT INTO themes (id, organization_id, name, color, sort_order, description) "
        "VALUES (1, 1, '安全生产', '#cc0000', 1, '')",
        "INSERT INTO courses (id, theme_id, title, total_hours, lesson_count, lesson_minutes, "
        "theory_percent, min_attendance_percent, excused_counts_present, capacity, description) "
        "VALUES (1, 1, '安全生产基础', 8, 4, 120, 50, 80, true, 40, '')",
        "INSERT INTO training_requests (id, organization_id, enterprise_id, course_id, workers, "
        "window_start, window_end, weekdays, periods, blackout_dates, priority, status, notes) "
        "VALUES (1, 1, 1, 1, 30, '2026-09-01', '2026-11-30', '12345', 'morning', '', 1, "
        "'planned', '')",
        "INSERT INTO cohorts (id, organization_id, course_id, request_id, enterprise_id, code, "
        "name, capacity, open_enrolment, eligible_categories, status) "
        "VALUES (1, 1, 1, 1, 1, 'R1-1', '安全生产基础1班', 30, false, '', 'planned')",
    ]
    with db.engine.begin() as conn:
        for row in rows:
            conn.execute(text(row))
    db.dispose()

    db = open_database(empty_db_url)
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT request_id, code FROM cohorts")).all() == [(1, "R1-1")]
        assert conn.execute(text("SELECT id, workers FROM training_requests")).all() == [(1, 30)]
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    db.dispose()


def test_the_head_known_without_alembic_is_the_scripts_head():
    """HEAD_REVISION lets a database at head open without importing alembic: a new migration
    must move it (else every start would think the database current and skip the upgrade)."""
    from trainer.db.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


def test_a_database_at_head_opens_without_importing_alembic(db_url):
    """alembic, mako and pygments cost a good part of the start: only an upgrade needs them."""
    import subprocess
    import sys
    from pathlib import Path

    open_database(db_url).dispose()  # at head
    probe = ("import sys; from trainer.db.migrate import open_database; "
             f"db = open_database({db_url!r}, create=False); db.dispose(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('alembic', 'mako', 'pygments')))")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    from alembic import command

    from trainer.db.migrate import alembic_config

    behind = connect(db_url)  # one revision behind: alembic upgrades it
    with behind.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    behind.dispose()
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "alembic" in done.stdout
    db = connect(db_url)
    assert current_revision(db) == head_revision()
    db.dispose()
