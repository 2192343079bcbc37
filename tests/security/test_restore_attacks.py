"""Hostile restore files (issue 20, finding 4), written as the attacks: a SQLite copy carrying a
trigger that makes a clerk an administrator, a copy whose users table is empty, one without
users/audit_log, a PostgreSQL dump with a trigger and a CHECK constraint calling a function that
runs COPY … TO PROGRAM. Each is refused or restored as data only, with nothing lost."""
import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.db import backup as files
from trainer.db.migrate import open_database
from trainer.errors import BackupError
from trainer.security.backups import backup_now, list_backups, restore
from trainer.security.users import authenticate
from trainer.services import enterprises as ent
from trainer.services import trainees as tr
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

needs_pg_tools = pytest.mark.skipif(shutil.which("pg_dump") is None,
                                    reason="pg_dump/pg_restore are not installed")


def _office(url):
    db = open_database(url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    ent.create_enterprise(UnitOfWork(db), ent.EnterpriseForm("新余钢铁"))
    staff = make_staff(db)
    return db, staff


def _role_of(db, username):
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT role FROM users WHERE username = :u"),
                            {"u": username}).scalar_one()


def _first_trainee(staff):
    uow = staff.uow(staff.officer)
    enterprise = ent.list_enterprises(uow)[0]
    form = tr.TraineeForm(name="张三丽", gender="女", id_number="11010519491231002X",
                          mobile="13800138000", enterprise_id=enterprise.id)
    return tr.create_trainee(uow, form)


def _sqlite_copy_with(db, staff, tmp_path, *statements):
    copy = backup_now(staff.uow(staff.admin), tmp_path / "copy.db")
    with sqlite3.connect(copy) as conn:
        for statement in statements:
            conn.execute(statement)
    return copy


def test_a_trigger_in_a_sqlite_copy_does_not_come_back(sqlite_url, tmp_path):
    db, staff = _office(sqlite_url)
    trainee = _first_trainee(staff)
    copy = _sqlite_copy_with(db, staff, tmp_path, """
        CREATE TRIGGER promote AFTER UPDATE ON trainees BEGIN
            UPDATE users SET role = 'admin' WHERE username = 'clerk';
        END""", "CREATE VIEW everyone AS SELECT * FROM users")
    restore(staff.uow(staff.admin), copy)
    with sqlite3.connect(db.engine.url.database) as conn:
        extra = conn.execute("SELECT type, name FROM sqlite_master "
                             "WHERE type IN ('trigger', 'view')").fetchall()
    # only the search indexes' own triggers (migrations 0010, 0015), made by our migrations
    assert sorted(extra) == [("trigger", "trainees_fts_delete"), ("trigger", "trainees_fts_insert"),
                             ("trigger", "trainees_fts_update"),
                             ("trigger", "trainees_name_chars_delete"),
                             ("trigger", "trainees_name_chars_insert"),
                             ("trigger", "trainees_name_chars_update")]
    clerk = staff.uow(authenticate(db, "clerk", PASSWORD))
    tr.update_trainee(clerk, trainee.id, tr.TraineeForm(
        name="张三丽", gender="女", id_number="11010519491231002X", mobile="13900139000",
        enterprise_id=trainee.enterprise_id), expected_version=trainee.version)
    # the index came back with the rows, and follows the edit
    assert [r.id for r in tr.page_trainees(clerk, "9001390").records] == [trainee.id]
    assert tr.page_trainees(clerk, "8001380").records == ()
    assert [r.id for r in tr.page_trainees(clerk, "三丽").records] == [trainee.id]  # 1–2 chars
    assert _role_of(db, "clerk") == "clerk"  # the first edit no longer makes an administrator
    assert [e.name for e in ent.list_enterprises(clerk)] == ["新余钢铁"]  # the data came back


@pytest.mark.parametrize("statements, reason, named", [
    (["DELETE FROM users"], "no_users", "no users"),
    (["DROP TABLE users", "DROP TABLE audit_log"], "not_ours", "audit_log, users"),
])
def test_an_empty_or_incomplete_sqlite_copy_is_refused_untouched(sqlite_url, tmp_path,
                                                                   statements, reason, named):
    db, staff = _office(sqlite_url)
    copy = _sqlite_copy_with(db, staff, tmp_path, *statements)
    ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余锂电"))
    before = Path(db.engine.url.database).read_bytes()
    with pytest.raises(BackupError) as refused:
        restore(staff.uow(staff.admin), copy)
    assert refused.value.reason == reason and named in refused.value.message("en")
    assert [b.label for b in list_backups(db)] == []  # nothing kept aside: nothing was replaced
    assert Path(db.engine.url.database).read_bytes() == before
    assert not list((tmp_path / "backups").glob(".restoring-*"))
    admin = authenticate(db, "admin", PASSWORD)  # everyone still logs in
    assert {e.name for e in ent.list_enterprises(UnitOfWork(db, user=admin))} == {
        "新余钢铁", "新余锂电"}


def test_the_command_line_refuses_a_copy_without_users_in_a_sentence(sqlite_url, tmp_path,
                                                                      monkeypatch, capsys):
    db, staff = _office(sqlite_url)
    copy = _sqlite_copy_with(db, staff, tmp_path, "DROP TABLE users", "DROP TABLE audit_log")
    db.dispose()
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    code = main(["restore", str(copy), "--db", sqlite_url, "--as", "admin", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "is not a Factory Classroom backup: missing tables audit_log, users" in err
    assert main(["user", "list", "--db", sqlite_url, "--as", "admin"]) == 0


# --- PostgreSQL ----------------------------------------------------------------------------------

@pytest.fixture
def scratch_url(pg_url):
    """A second database on the same server where a superuser prepares the hostile dumps."""
    name = f"trainer_scratch_{uuid.uuid4().hex[:10]}"
    admin = create_engine(os.environ["TRAINER_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _armed_dump(clean_dump: Path, scratch_url: str, out: Path, *statements: str) -> Path:
    """Our dump, restored on the scratch database by a superuser, changed by `statements`,
    dumped again."""
    uri, env = files._libpq(scratch_url)
    files._run("pg_restore", ["--no-owner", f"--dbname={uri}", str(clean_dump)], env)
    engine = create_engine(scratch_url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()
    return files.pg_dump(scratch_url, out, out.parent)


def _weapons(marker: str) -> tuple[str, ...]:
    """A CHECK constraint calling a function that runs a program on the server and promotes
    the clerk; a trigger promoting the clerk at the first trainee edit; a view."""
    return (f"""CREATE FUNCTION stamp(name text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                COPY (SELECT 1) TO PROGRAM 'touch {marker}';
                UPDATE users SET role = 'admin' WHERE username = 'clerk';
                RETURN true;
            END $$""",
            "ALTER TABLE enterprises ADD CONSTRAINT stamped CHECK (stamp(name))",
            """CREATE FUNCTION promote() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE users SET role = 'admin' WHERE username = 'clerk'; RETURN NEW; END $$""",
            "CREATE TRIGGER promote AFTER UPDATE ON trainees "
            "FOR EACH ROW EXECUTE FUNCTION promote()",
            "CREATE VIEW everyone AS SELECT * FROM users",
            "UPDATE users SET role = 'clerk' WHERE username = 'clerk'")  # adding the CHECK ran it


@needs_pg_tools
@pytest.mark.postgres
def test_a_postgresql_dump_brings_back_data_not_its_trigger_check_or_function(
        pg_owner_url, scratch_url, tmp_path):
    db, staff = _office(pg_owner_url)
    trainee = _first_trainee(staff)
    marker = f"/tmp/trainer-restore-attack-{uuid.uuid4().hex}"
    try:
        clean = backup_now(staff.uow(staff.admin), tmp_path / "clean.dump")
        hostile = _armed_dump(clean, scratch_url, tmp_path / "hostile.dump", *_weapons(marker))
        Path(marker).unlink(missing_ok=True)  # arming it ran the CHECK once, as the superuser
        listing = files._run("pg_restore", ["--list", str(hostile)], dict(os.environ))
        assert "stamp" in listing and "TRIGGER" in listing  # the file is armed
        restore(staff.uow(staff.admin), hostile)
        with db.engine.connect() as conn:
            functions = conn.execute(text(
                "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace")).all()
            triggers = conn.execute(text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).all()
            checks = conn.execute(text(
                "SELECT conname FROM pg_constraint WHERE conname = 'stamped'")).all()
            views = conn.execute(text("SELECT viewname FROM pg_views "
                                      "WHERE schemaname = 'public'")).all()
        assert (functions, triggers, checks, views) == ([], [], [], [])
        assert not Path(marker).exists()  # no program ran on the server
        clerk = staff.uow(authenticate(db, "clerk", PASSWORD))
        tr.update_trainee(clerk, trainee.id, tr.TraineeForm(
            name="张三丽", gender="女", id_number="11010519491231002X", mobile="13900139000",
            enterprise_id=trainee.enterprise_id), expected_version=trainee.version)
        assert _role_of(db, "clerk") == "clerk"
        assert [e.name for e in ent.list_enterprises(clerk)] == ["新余钢铁"]
        ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余锂电"))  # ids go on
    finally:
        db.dispose()
        Path(marker).unlink(missing_ok=True)


@needs_pg_tools
@pytest.mark.postgres
@pytest.mark.parametrize("statements, reason, named", [
    (["DELETE FROM users"], "no_users", "no users"),
    (["DROP TABLE users CASCADE", "DROP TABLE audit_log"], "not_ours", "audit_log, users"),
])
def test_a_postgresql_dump_without_users_is_refused_untouched(pg_owner_url, scratch_url,
                                                              tmp_path, statements, reason, named):
    db, staff = _office(pg_owner_url)
    clean = backup_now(staff.uow(staff.admin), tmp_path / "clean.dump")
    emptied = _armed_dump(clean, scratch_url, tmp_path / "emptied.dump", *statements)
    ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余锂电"))
    with pytest.raises(BackupError) as refused:
        restore(staff.uow(staff.admin), emptied)
    assert refused.value.reason == reason and named in refused.value.message("en")
    admin = authenticate(db, "admin", PASSWORD)  # everyone still logs in, nothing lost
    assert {e.name for e in ent.list_enterprises(UnitOfWork(db, user=admin))} == {
        "新余钢铁", "新余锂电"}
    db.dispose()


@needs_pg_tools
@pytest.mark.postgres
def test_restore_refuses_a_superuser_connection(pg_url, tmp_path):
    db, staff = _office(pg_url)  # the CI's postgres account
    copy = backup_now(staff.uow(staff.admin), tmp_path / "copy.dump")
    with pytest.raises(BackupError) as refused:
        restore(staff.uow(staff.admin), copy)
    assert refused.value.reason == "superuser"
    db.dispose()


def test_a_sqlite_copy_with_control_characters_in_a_name_is_refused_untouched(sqlite_url,
                                                                              tmp_path):
    """Names are text (issue 20, finding 6): an ESC sequence planted in a trainee's name in the
    copy — which no form, command or import would let in — is refused by restore too, naming
    the record, the field and the character; the current database stays as it was."""
    db, staff = _office(sqlite_url)
    trainee = _first_trainee(staff)
    copy = _sqlite_copy_with(db, staff, tmp_path, "UPDATE trainees SET name = "
                                                  "'张' || char(27) || '[2J三丽'")
    before = Path(db.engine.url.database).read_bytes()
    with pytest.raises(BackupError) as refused:
        restore(staff.uow(staff.admin), copy)
    assert refused.value.reason == "control_character"
    assert f"学员 #{trainee.id} 的姓名" in refused.value.message("zh")
    assert "U+001B" in refused.value.message("en") and "character 2" in refused.value.message("en")
    assert Path(db.engine.url.database).read_bytes() == before
    db.dispose()


@needs_pg_tools
@pytest.mark.postgres
def test_a_postgresql_dump_with_control_characters_in_a_name_is_refused_untouched(
        pg_owner_url, scratch_url, tmp_path):
    db, staff = _office(pg_owner_url)
    clean = backup_now(staff.uow(staff.admin), tmp_path / "clean.dump")
    hostile = _armed_dump(clean, scratch_url, tmp_path / "bell.dump",
                          "UPDATE enterprises SET name = '新余' || chr(7) || '钢铁'")
    with pytest.raises(BackupError) as refused:
        restore(staff.uow(staff.admin), hostile)
    assert refused.value.reason == "control_character" and "U+0007" in refused.value.message()
    admin = authenticate(db, "admin", PASSWORD)
    assert [e.name for e in ent.list_enterprises(UnitOfWork(db, user=admin))] == ["新余钢铁"]
    db.dispose()
