"""Issue 20, findings 5, 7 and 12, written as the attacks: a raw text UPDATE through the
session, a changed audit entry, a token kept after a password reset, --days 2900000 and
3650000, a second desk's login, a mistyped --db, `user unlock` by anyone."""
import datetime as dt

import pytest
from sqlalchemy import text

from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.errors import AccountError, AuthenticationError, PermissionDenied
from trainer.security.audit import list_audit, verify_trail
from trainer.security.tokens import (authenticate_token, issue_token, list_tokens,
                                     revoke_token_id)
from trainer.security.users import authenticate, set_password
from trainer.services import enterprises as ent


def _role_of(database, username):
    with database.engine.connect() as conn:
        return conn.execute(text("SELECT role FROM users WHERE username = :u"),
                            {"u": username}).scalar_one()


def test_a_raw_text_update_through_the_session_is_refused_like_an_orm_write(uow):
    staff = make_staff(uow.database)
    for who in (staff.clerk, staff.officer, staff.viewer):
        unit = staff.uow(who)
        with pytest.raises(PermissionDenied):
            with unit:
                unit.session.execute(text("UPDATE users SET role='admin'"))
        with pytest.raises(PermissionDenied):
            with unit:
                unit.session.execute(text("/* hi */ delete from audit_log"))
        with pytest.raises(PermissionDenied):  # no way around: DDL, SET ROLE, CTEs
            with unit:
                unit.session.execute(text("DROP TABLE audit_log"))
        with pytest.raises(PermissionDenied):
            with unit:
                unit.session.execute(text(
                    "WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone"))
    assert {_role_of(uow.database, n) for n in ("clerk", "officer", "viewer")} == {
        "clerk", "officer", "viewer"}
    admin = staff.uow(staff.admin)
    with pytest.raises(PermissionDenied):  # nobody changes the trail
        with admin:
            admin.session.execute(text("UPDATE audit_log SET summary = 'nothing happened'"))
    clerk = staff.uow(staff.clerk)  # what the role may do, it may do in SQL too — recorded
    with clerk:
        clerk.session.execute(text("UPDATE trainees SET post = 'x' WHERE id = -1"))
        assert clerk.session.execute(text("SELECT count(*) FROM users")).scalar() == 4
    entries = list_audit(admin, user="clerk", entity="trainees")
    assert entries and "UPDATE trainees" in entries[0].summary


def test_audit_verify_finds_a_changed_entry(uow, monkeypatch, capsys, tmp_path):
    staff = make_staff(uow.database)
    for name in ("新余钢铁", "新余锂电", "新余光伏"):
        ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm(name))
    report = verify_trail(staff.uow(staff.admin))
    assert report.intact and report.checked >= 7
    target = list_audit(staff.uow(staff.admin), entity="enterprises")[1]  # 新余锂电's creation
    with uow.database.engine.begin() as conn:  # someone with the database's password
        conn.execute(text("UPDATE audit_log SET username = 'viewer' WHERE id = :id"),
                     {"id": target.id})
    report = verify_trail(staff.uow(staff.admin))
    assert report.first_break == target.id
    with pytest.raises(PermissionDenied):
        verify_trail(staff.uow(staff.officer))
    if uow.database.is_sqlite:  # the command: the first break, exit 1
        monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
        url = str(uow.database.url)
        assert main(["audit", "verify", "--db", url, "--as", "admin", "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert f"entry {target.id} " in err and "tampered" in err
        with uow.database.engine.begin() as conn:  # removing an entry breaks it at the next
            conn.execute(text("UPDATE audit_log SET username = 'officer' WHERE id = :id"),
                         {"id": target.id})
        assert main(["audit", "verify", "--db", url, "--as", "admin", "--lang", "en"]) == 0
        with uow.database.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": target.id})
        assert main(["audit", "verify", "--db", url, "--as", "admin", "--lang", "en"]) == 1
        assert f"entry {target.id + 1} " in capsys.readouterr().err


def test_a_token_dies_with_a_password_reset_or_change(uow):
    staff = make_staff(uow.database)
    stolen = issue_token(uow.database, staff.clerk, desk="前台")
    set_password(staff.uow(staff.admin), "clerk", "a new secret 2")  # the reset
    with pytest.raises(AuthenticationError) as refused:
        authenticate_token(uow.database, stolen)
    assert refused.value.reason == "token_invalid"
    clerk = authenticate(uow.database, "clerk", "a new secret 2")
    mine = issue_token(uow.database, clerk)
    set_password(staff.uow(clerk), "clerk", "another one 3")  # their own change
    with pytest.raises(AuthenticationError):
        authenticate_token(uow.database, mine)


def test_token_lifetime_is_capped_and_several_desks_keep_theirs(uow):
    staff = make_staff(uow.database)
    for days in (2_900_000, 3_650_000, 31, 0, -5):
        with pytest.raises(AccountError) as refused:
            issue_token(uow.database, staff.officer, days=days)
        assert refused.value.reason == "token_days"
    first = issue_token(uow.database, staff.officer, desk="一楼")
    second = issue_token(uow.database, staff.officer, days=2, desk="二楼")
    assert authenticate_token(uow.database, first).username == "officer"  # still logged in
    assert authenticate_token(uow.database, second).username == "officer"
    tokens = list_tokens(staff.uow(staff.officer), "officer")
    assert [t.desk for t in tokens] == ["二楼", "一楼"]
    longest = max(t.expires_at - t.created_at for t in tokens)
    assert longest == dt.timedelta(days=30)  # security.token_days
    with pytest.raises(PermissionDenied):  # another user's tokens: the administrator's
        list_tokens(staff.uow(staff.clerk), "officer")
    revoke_token_id(staff.uow(staff.admin), "officer", tokens[1].id)
    with pytest.raises(AuthenticationError):
        authenticate_token(uow.database, first)
    assert authenticate_token(uow.database, second).username == "officer"


def test_login_days_beyond_the_setting_is_a_bad_argument(sqlite_url, monkeypatch, capsys):
    main(["init", "--db", sqlite_url, "--org", "新余市总工会"])
    monkeypatch.setenv("TRAINER_NEW_PASSWORD", PASSWORD)
    assert main(["user", "add", "wangfang", "--role", "admin", "--db", sqlite_url]) == 0
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    capsys.readouterr()
    for days in ("2900000", "3650000"):
        code = main(["login", "wangfang", "--days", days, "--db", sqlite_url, "--lang", "en"])
        out, err = capsys.readouterr()
        assert code == 2 and out == "" and "Traceback" not in err
        assert "valid for 1–30 days" in err
    assert main(["login", "wangfang", "--desk", "一楼", "--db", sqlite_url]) == 0
    monkeypatch.setenv("TRAINER_TOKEN", capsys.readouterr().out.strip())
    assert main(["user", "tokens", "wangfang", "--db", sqlite_url]) == 0
    assert "一楼" in capsys.readouterr().out


def test_a_mistyped_db_path_is_refused_and_creates_nothing(sqlite_url, tmp_path, capsys):
    assert main(["init", "--db", sqlite_url]) == 0
    mistyped = tmp_path / "tset.db"
    for command in (["info"], ["list", "trainees"], ["user", "list"], ["backup"]):
        capsys.readouterr()
        assert main([*command, "--db", str(mistyped), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert f"There is no database at “{mistyped}”" in err and "Traceback" not in err
        assert not mistyped.exists()
    assert main(["info", "--db", str(mistyped), "--create"]) == 0 and mistyped.exists()
    fresh = tmp_path / "demo.db"
    assert main(["init", "--db", str(fresh)]) == 0 and fresh.exists()


def test_unlock_needs_the_permission_and_says_when_nothing_was_locked(uow, monkeypatch,
                                                                      capsys):
    from trainer.security.users import unlock

    staff = make_staff(uow.database)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            authenticate(uow.database, "clerk", "wrong password")
    with pytest.raises(PermissionDenied):
        unlock(staff.uow(staff.officer), "clerk")
    assert unlock(staff.uow(staff.admin), "clerk").locked_until is None
    with pytest.raises(AccountError) as nothing:
        unlock(staff.uow(staff.admin), "clerk")
    assert nothing.value.reason == "not_locked"
    if uow.database.is_sqlite:
        monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
        url = str(uow.database.url)
        capsys.readouterr()
        assert main(["user", "unlock", "clerk", "--db", url, "--as", "viewer", "--lang",
                     "en"]) == 1
        assert "Permission denied" in capsys.readouterr().err
        assert main(["user", "unlock", "clerk", "--db", url, "--as", "admin", "--lang",
                     "en"]) == 1
        assert "nothing to unlock" in capsys.readouterr().err


def test_the_chain_stays_whole_when_desks_write_at_once(uow):
    """Eight desks saving at the same moment: each entry chains onto the one before it, none
    onto the same predecessor (the trail's write lock)."""
    import threading

    from trainer.services.uow import UnitOfWork

    staff = make_staff(uow.database)
    errors = []

    def desk(n):
        try:
            for i in range(8):
                ent.create_enterprise(UnitOfWork(uow.database, user=staff.officer),
                                      ent.EnterpriseForm(f"企业{n}-{i}"))
        except Exception as exc:  # pragma: no cover - shown by the assertion
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_trail(staff.uow(staff.admin))
    assert report.intact and report.checked >= 64


def test_audit_verify_finds_the_newest_entries_cut_off(uow, monkeypatch, capsys):
    """Deleting the last entries leaves a chain that still verifies; this desk's anchor (where
    the trail had got to, kept outside the database) shows them missing — also after the app
    has written new entries under the freed ids."""
    staff = make_staff(uow.database)
    for name in ("新余钢铁", "新余锂电", "新余光伏"):
        ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm(name))
    assert verify_trail(staff.uow(staff.admin)).intact
    with uow.database.engine.begin() as conn:
        newest = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        conn.execute(text("DELETE FROM audit_log WHERE id > :id"), {"id": newest - 3})
    report = verify_trail(staff.uow(staff.admin))
    assert not report.intact and report.first_break is None
    assert (report.missing.present, report.missing.expected) == (newest - 3, newest)
    if uow.database.is_sqlite:
        monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
        url = str(uow.database.url)
        assert main(["audit", "verify", "--db", url, "--as", "admin", "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert "cut short" in err and f"up to entry {newest})" in err  # its login: one entry
    for name in ("新余焦化", "新余电厂", "新余水泥", "新余纺织"):  # ids reused on SQLite
        ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm(name))
    report = verify_trail(staff.uow(staff.admin))
    assert not report.intact and report.missing.expected == newest


def test_a_new_database_or_a_restore_sets_the_anchor_back(tmp_path):
    from trainer.db.migrate import open_database
    from trainer.security.backups import backup_now, restore
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    url = f"sqlite:///{(tmp_path / 'office.db').as_posix()}"
    db = open_database(url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    staff = make_staff(db)
    ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余钢铁"))
    copy = backup_now(staff.uow(staff.admin))
    ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余锂电"))
    restore(staff.uow(staff.admin), copy)  # shorter, legitimately
    assert verify_trail(staff.uow(staff.admin)).intact
    db.dispose()
    (tmp_path / "office.db").unlink()  # a new office under the same name
    db = open_database(url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    staff = make_staff(db)
    assert verify_trail(staff.uow(staff.admin)).intact
    db.dispose()
