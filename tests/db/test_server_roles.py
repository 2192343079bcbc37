"""Roles enforced by PostgreSQL (issue 20, finding 5), written as the attacks: with the roles set
up, a raw UPDATE that bypasses the app's guard (on the session's own connection, as psql would)
is refused by the server for each app role that may not make it, the audit trail cannot be
changed or emptied by any role, and the app's ordinary work goes on under the roles."""
import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.db.migrate import open_database
from trainer.db.server_roles import role_names, setup_roles
from trainer.errors import AuthenticationError
from trainer.security.audit import list_audit, verify_trail
from trainer.security.tokens import authenticate_token, issue_token, revoke_token
from trainer.security.users import authenticate, create_user, set_password, unlock
from trainer.services.settings import set_setting
from trainer.services import enterprises as ent
from trainer.services import trainees as tr
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

pytestmark = pytest.mark.postgres


@pytest.fixture
def office(pg_owner_url):
    db = open_database(pg_owner_url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    staff = make_staff(db)
    with db.engine.begin() as conn:
        setup_roles(conn)
    yield db, staff
    db.dispose()


def _raw(unit, statement):
    """A statement on the session's connection: past the app's guard, as psql would send it."""
    with unit:
        return unit.session.connection().execute(text(statement))


def _refused(unit, statement):
    with pytest.raises(DBAPIError) as refused:
        _raw(unit, statement)
    assert "permission denied" in str(refused.value)


def _role_of(db, username):
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT role FROM users WHERE username = :u"),
                            {"u": username}).scalar_one()


def test_the_server_refuses_what_the_role_may_not_do(office):
    db, staff = office
    for who in (staff.viewer, staff.clerk, staff.officer):
        _refused(staff.uow(who), "UPDATE users SET role = 'admin'")
        _refused(staff.uow(who), "DELETE FROM users")
    assert _role_of(db, "clerk") == "clerk"
    _refused(staff.uow(staff.viewer), "UPDATE trainees SET name = 'x'")
    _refused(staff.uow(staff.viewer), "INSERT INTO enterprises (organization_id, name) "
                                      "VALUES (1, 'x')")
    _refused(staff.uow(staff.clerk), "UPDATE enterprises SET name = 'x'")
    _refused(staff.uow(staff.clerk), "DELETE FROM lessons")
    _refused(staff.uow(None), "UPDATE trainees SET name = 'x'")  # nobody logged in
    for who in (staff.viewer, staff.clerk, staff.officer, staff.admin):  # the trail: append only
        _refused(staff.uow(who), "DELETE FROM audit_log")
        _refused(staff.uow(who), "UPDATE audit_log SET summary = ''")
        _refused(staff.uow(who), "TRUNCATE audit_log")
    _raw(staff.uow(staff.clerk), "UPDATE trainees SET post = post")  # its own area: allowed
    _raw(staff.uow(staff.admin), "UPDATE users SET display_name = display_name")
    assert verify_trail(staff.uow(staff.admin)).intact


def test_the_app_works_as_before_under_the_roles(office):
    db, staff = office
    enterprise = ent.create_enterprise(staff.uow(staff.officer), ent.EnterpriseForm("新余钢铁"))
    trainee = tr.create_trainee(staff.uow(staff.clerk), tr.TraineeForm(
        name="张三丽", gender="女", id_number="11010519491231002X", mobile="13800138000",
        enterprise_id=enterprise.id))
    create_user(staff.uow(staff.admin), "limin", PASSWORD, "clerk", "李敏")
    viewer = authenticate(db, "viewer", PASSWORD)  # login bookkeeping as the viewer's role
    token = issue_token(db, viewer, desk="一楼")
    assert authenticate_token(db, token).username == "viewer"
    set_password(staff.uow(viewer), "viewer", "a new secret 2")  # their own password
    with pytest.raises(Exception):
        authenticate_token(db, token)
    assert [t.name for t in tr.list_trainees(staff.uow(staff.viewer))] == [trainee.name]
    assert list_audit(staff.uow(staff.admin), entity="trainees")
    assert verify_trail(staff.uow(staff.admin)).intact


def test_a_desk_login_without_rights_of_its_own(office, pg_owner_url):
    """A desk's account (NOINHERIT, member of the four roles) works through the app; in psql it
    has no rights at all until SET ROLE, and even as the admin role cannot touch the trail."""
    db, staff = office
    owner_url = make_url(pg_owner_url)
    desk = f"{owner_url.username}_desk"
    with db.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{desk}" LOGIN NOINHERIT'))
        setup_roles(conn, {desk: "admin"})
    desk_db = open_database(owner_url.set(username=desk).render_as_string(hide_password=False))
    try:
        clerk = authenticate(desk_db, "clerk", PASSWORD)
        ent_list = ent.list_enterprises(UnitOfWork(desk_db, user=clerk))
        assert ent_list == []
        psql = create_engine(desk_db.url)
        with psql.connect() as conn:
            with pytest.raises(DBAPIError):
                conn.execute(text("SELECT count(*) FROM users"))
        names = role_names(owner_url.database)
        with psql.begin() as conn:
            conn.execute(text(f'SET ROLE "{names["admin"]}"'))
            with pytest.raises(DBAPIError):
                conn.execute(text("DELETE FROM audit_log"))
        psql.dispose()
    finally:
        desk_db.dispose()


def test_the_command_sets_up_the_roles_for_an_administrator(pg_owner_url, monkeypatch,
                                                            capsys):
    db = open_database(pg_owner_url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    make_staff(db)
    db.dispose()
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["server-roles", "--db", pg_owner_url, "--as", "officer", "--lang", "en"]) == 1
    assert "Permission denied" in capsys.readouterr().err
    assert main(["server-roles", "--db", pg_owner_url, "--as", "admin"]) == 0
    out = capsys.readouterr().out
    database = make_url(pg_owner_url).database
    assert f"viewer: {role_names(database)['viewer']}" in out


def _desk(db, pg_owner_url, top):
    """A desk's login account with highest role `top`, as `trainer server-roles --login
    ACCOUNT:ROLE` makes it; returns its URL."""
    owner_url = make_url(pg_owner_url)
    desk = f"{owner_url.username}_{top}"
    with db.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{desk}" LOGIN'))
        setup_roles(conn, {desk: top})
    return owner_url.set(username=desk).render_as_string(hide_password=False)


def test_a_clerks_desk_login_cannot_set_role_above_clerk_in_psql(office, pg_owner_url):
    """The attack: the clerk's desk URL in psql, SET ROLE to the admin role, then anything."""
    db, staff = office
    url = _desk(db, pg_owner_url, "clerk")
    names = role_names(make_url(pg_owner_url).database)
    psql = create_engine(url)
    try:
        for role in ("admin", "officer"):
            with psql.connect() as conn:
                with pytest.raises(DBAPIError) as refused:
                    conn.execute(text(f'SET ROLE "{names[role]}"'))
                assert "permission denied" in str(refused.value)
        with psql.begin() as conn:  # its own roles it may take, inheriting nothing
            with pytest.raises(DBAPIError):
                conn.execute(text("SELECT count(*) FROM trainees"))
        with psql.begin() as conn:
            conn.execute(text(f'SET ROLE "{names["clerk"]}"'))
            assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 4
    finally:
        psql.dispose()
    desk_db = open_database(url)  # the app at that desk: the clerk's work goes on
    try:
        clerk = authenticate(desk_db, "clerk", PASSWORD)
        tr.create_trainee(UnitOfWork(desk_db, user=clerk), tr.TraineeForm(name="张三丽"))
        assert verify_trail(staff.uow(staff.admin)).intact
    finally:
        desk_db.dispose()


def test_a_clerk_cannot_take_over_the_administrators_login_in_psql(office):
    """As the clerk's role: set the admin's password hash, unlock them, plant a token for
    them, change an administrator's setting — each refused or matching no row."""
    db, staff = office
    clerk = staff.uow(staff.clerk)
    with db.engine.connect() as conn:
        before = conn.execute(text("SELECT password_hash FROM users WHERE username = 'admin'"))\
            .scalar_one()
    done = _raw(clerk, "UPDATE users SET password_hash = 'known', failed_attempts = 0, "
                       "locked_until = NULL WHERE username = 'admin'")
    assert done.rowcount == 0
    with pytest.raises(DBAPIError) as refused:
        _raw(clerk, f"INSERT INTO user_tokens (user_id, token_hash, desk, created_at, "
                    f"expires_at) VALUES ({staff.admin.id}, 'x', '', now(), now() + "
                    f"interval '1 day')")
    assert "row-level security" in str(refused.value)
    officer = staff.uow(staff.officer)
    set_setting(staff.uow(staff.admin), "security.max_failed_logins", 5, force=True)
    assert _raw(officer, "UPDATE settings SET value = '1000' "
                         "WHERE key = 'security.max_failed_logins'").rowcount == 0
    _raw(officer, "UPDATE settings SET value = value WHERE key LIKE 'schedule.%'")  # its own
    with db.engine.connect() as conn:
        after = conn.execute(text("SELECT password_hash FROM users WHERE username = 'admin'"))\
            .scalar_one()
    assert after == before
    assert authenticate(db, "admin", PASSWORD).username == "admin"


def test_logins_are_still_counted_and_locked_under_the_policies(office):
    db, staff = office
    set_setting(staff.uow(staff.admin), "security.max_failed_logins", 3, force=True)
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            authenticate(db, "admin", "wrong")
    with pytest.raises(AuthenticationError) as locked:
        authenticate(db, "admin", "wrong")
    assert locked.value.reason == "wrong_password_locked"
    with pytest.raises(AuthenticationError) as still:
        authenticate(db, "admin", PASSWORD)
    assert still.value.reason == "locked"
    assert unlock(staff.uow(staff.admin), "admin")  # the session's admin role may
    for who in ("clerk", "viewer", "officer", "admin"):
        record = authenticate(db, who, PASSWORD)
        token = issue_token(db, record, desk="一楼")
        assert authenticate_token(db, token).username == who
        assert revoke_token(db, token)
        with pytest.raises(AuthenticationError):
            authenticate_token(db, token)
    with db.engine.connect() as conn:
        logged = conn.execute(text("SELECT count(*) FROM users WHERE last_login_at IS NOT NULL"))
        assert logged.scalar() == 4
