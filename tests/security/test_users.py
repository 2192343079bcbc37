"""Users: the first administrator, roles, argon2 passwords, logging in with a lock after repeated
wrong passwords, tokens for the command line; and revision 0005 matching the models."""
import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import inspect, select, update

from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.db.migrate import current_revision, head_revision, open_database, upgrade
from trainer.db.models import Base, User, UserToken
from trainer.errors import AccountError, AuthenticationError, PermissionDenied
from trainer.security.audit import list_audit
from trainer.security.tokens import authenticate_token, issue_token, revoke_token
from trainer.security.users import (authenticate, create_first_admin, create_user, list_users,
                                    set_disabled, set_password, set_role, unlock, users_exist)
from trainer.services.settings import set_setting
from trainer.services.uow import UnitOfWork


def _set_user(database, username, **values):
    with database.engine.begin() as conn:
        conn.execute(update(User.__table__).where(User.username == username).values(**values))


def _user_row(database, username):
    with database.engine.connect() as conn:
        return conn.execute(select(User.__table__).where(User.username == username)).one()


def _utc_now():
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def test_the_first_user_is_an_administrator_made_without_logging_in(uow):
    assert not users_exist(uow.database)
    with pytest.raises(AccountError) as info:
        create_user(uow, "clerk", PASSWORD, "clerk")
    assert info.value.reason == "first_user_admin"
    admin = create_first_admin(uow.database, "  Admin ", PASSWORD, "王管理")
    assert (admin.username, admin.role, admin.name) == ("admin", "admin", "王管理")
    assert users_exist(uow.database)
    with pytest.raises(AccountError) as info:
        create_first_admin(uow.database, "other", PASSWORD)
    assert info.value.reason == "users_exist"
    stored = _user_row(uow.database, "admin").password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_account_rules(uow):
    staff = make_staff(uow.database)
    admin = staff.uow(staff.admin)
    for args, reason in ((("x y", PASSWORD, "clerk"), "username_invalid"),
                         (("clerk", PASSWORD, "clerk"), "username_taken"),
                         (("new", "short", "clerk"), "password_short"),
                         (("new", PASSWORD, "boss"), "unknown_role")):
        with pytest.raises(AccountError) as info:
            create_user(admin, *args)
        assert info.value.reason == reason
    assert [u.username for u in list_users(admin)] == ["admin", "clerk", "officer", "viewer"]
    with pytest.raises(PermissionDenied):
        list_users(staff.uow(staff.officer))
    for change in (lambda: set_disabled(admin, "admin"), lambda: set_role(admin, "admin", "clerk")):
        with pytest.raises(AccountError) as info:
            change()
        assert info.value.reason == "last_admin" and "最后一个" in info.value.message("zh")
    set_role(admin, "officer", "admin")
    assert set_disabled(admin, "admin").disabled  # another administrator is left


def test_login_locks_after_repeated_wrong_passwords(uow):
    staff = make_staff(uow.database)
    set_setting(staff.uow(staff.admin), "security.max_failed_logins", 3, force=True)
    for attempt in (1, 2):
        with pytest.raises(AuthenticationError) as info:
            authenticate(uow.database, "clerk", "wrong password")
        assert info.value.reason == "wrong_password"
        assert _user_row(uow.database, "clerk").failed_attempts == attempt
    with pytest.raises(AuthenticationError) as info:
        authenticate(uow.database, "clerk", "wrong password")
    assert info.value.reason == "wrong_password_locked"
    until = _user_row(uow.database, "clerk").locked_until
    assert dt.timedelta(minutes=14) < until - _utc_now() <= dt.timedelta(minutes=15)
    local = until.replace(tzinfo=dt.timezone.utc).astimezone()
    with pytest.raises(AuthenticationError) as info:  # even the right password, while locked
        authenticate(uow.database, "clerk", PASSWORD)
    assert info.value.reason == "locked"
    assert f"锁定到 {local:%H:%M}" in info.value.message("zh")
    assert f"locked until {local:%H:%M}" in info.value.message("en")
    _set_user(uow.database, "clerk", locked_until=_utc_now() - dt.timedelta(seconds=1))
    clerk = authenticate(uow.database, "clerk", PASSWORD)  # the lock has run out
    row = _user_row(uow.database, "clerk")
    assert row.failed_attempts == 0 and row.last_login_at is not None and clerk.role == "clerk"
    assert row.version == staff.clerk.version  # logging in is not an edit of the account
    actions = [e.action for e in list_audit(staff.uow(staff.admin), user="clerk")]
    assert actions[:5] == ["login", "login_failed", "login_failed", "login_failed", "login_failed"]


def test_an_administrator_unlocks_and_sets_passwords(uow):
    staff = make_staff(uow.database)
    _set_user(uow.database, "clerk", locked_until=_utc_now() + dt.timedelta(minutes=10))
    unlock(staff.uow(staff.admin), "clerk")
    authenticate(uow.database, "clerk", PASSWORD)
    set_password(staff.uow(staff.admin), "clerk", "new password 22")
    with pytest.raises(AuthenticationError):
        authenticate(uow.database, "clerk", PASSWORD)
    set_password(staff.uow(staff.clerk), "clerk", "my own choice 33")  # one's own password
    assert authenticate(uow.database, "clerk", "my own choice 33").username == "clerk"
    with pytest.raises(PermissionDenied):  # but not someone else's
        set_password(staff.uow(staff.clerk), "viewer", "taken over 44")


def test_unknown_names_and_disabled_accounts(uow):
    staff = make_staff(uow.database)
    with pytest.raises(AuthenticationError) as unknown:
        authenticate(uow.database, "nobody", PASSWORD)
    with pytest.raises(AuthenticationError) as wrong:
        authenticate(uow.database, "clerk", "not it at all")
    assert unknown.value.message("en") == wrong.value.message("en")  # names are not told apart
    set_disabled(staff.uow(staff.admin), "clerk")
    with pytest.raises(AuthenticationError) as info:
        authenticate(uow.database, "clerk", PASSWORD)
    assert info.value.reason == "disabled" and "停用" in info.value.message("zh")
    failed = list_audit(staff.uow(staff.admin), action="login_failed")
    assert [e.username for e in failed] == ["clerk", "clerk", "anonymous"]
    assert "nobody" not in repr(failed)  # an unknown name is not kept (issue 20, finding 11)


def test_a_password_typed_as_the_user_name_is_not_stored(uow):
    """Issue 20, finding 11: the attack types the password into the user-name field."""
    staff = make_staff(uow.database)
    with pytest.raises(AuthenticationError):
        authenticate(uow.database, "Xinyu#2026secret", "")
    trail = list_audit(staff.uow(staff.admin), action="login_failed")
    assert len(trail) == 1 and "Xinyu#2026secret" not in repr(trail)
    with uow.database.engine.connect() as conn:  # nor anywhere in the stored rows
        rows = conn.exec_driver_sql("SELECT * FROM audit_log").all()
    assert "2026secret" not in repr(rows)


def test_old_hashes_are_upgraded_at_login(uow):
    make_staff(uow.database)
    _set_user(uow.database, "viewer", password_hash=PasswordHasher().hash(PASSWORD))
    authenticate(uow.database, "viewer", PASSWORD)
    assert "m=19456,t=2,p=1" in _user_row(uow.database, "viewer").password_hash


def test_tokens_for_the_command_line(uow):
    staff = make_staff(uow.database)
    token = issue_token(uow.database, staff.officer)
    assert authenticate_token(uow.database, token).username == "officer"
    with uow.database.engine.connect() as conn:
        stored = conn.execute(select(UserToken.token_hash)).scalars().all()
    assert len(stored) == 1 and stored[0] != token  # only its digest
    with pytest.raises(AuthenticationError) as info:
        authenticate_token(uow.database, token + "x")
    assert info.value.reason == "token_invalid"
    with uow.database.engine.begin() as conn:
        conn.execute(update(UserToken.__table__).values(
            expires_at=_utc_now() - dt.timedelta(minutes=1)))
    with pytest.raises(AuthenticationError) as info:
        authenticate_token(uow.database, token)
    assert info.value.reason == "token_expired"
    token = issue_token(uow.database, staff.officer, days=1)
    assert revoke_token(uow.database, token) and not revoke_token(uow.database, token)
    token = issue_token(uow.database, staff.clerk)
    set_disabled(staff.uow(staff.admin), "clerk")  # disabling revokes the token
    with pytest.raises(AuthenticationError) as info:
        authenticate_token(uow.database, token)
    assert info.value.reason == "token_invalid"


def test_revision_0005_matches_the_models_and_downgrades(empty_db_url):
    from alembic import command

    from trainer.db.migrate import alembic_config, in_models

    db = open_database(empty_db_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False,
                                                         "include_object": in_models})
        assert compare_metadata(context, Base.metadata) == []
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert current_revision(db) == "0004"
    with db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        columns = {c["name"] for c in inspect(conn).get_columns("trainees")}
    assert "users" not in names and "audit_log" not in names and "updated_by" not in columns
    upgrade(db)
    assert current_revision(db) == head_revision()
    db.dispose()


def test_the_unit_of_work_acts_as_the_user_in_their_office(uow):
    staff = make_staff(uow.database)
    unit = UnitOfWork(uow.database, user=staff.clerk)
    with unit:
        actor = unit.actor
    assert (actor.role, actor.username, actor.label, actor.organization_id) == (
        "clerk", "clerk", "张办事", staff.clerk.organization_id)
    assert unit.organization_id == staff.clerk.organization_id
