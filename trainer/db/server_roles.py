"""Roles enforced by PostgreSQL itself, so a write that slips past the app's guard (a raw
statement, a bug, psql with a desk's account) meets the same rules in the server.

`setup_roles` (run once by the database's owner, `trainer server-roles`) makes four NOLOGIN
roles per database — fc_<database>_admin / _officer / _clerk / _viewer — with GRANTs that mirror
trainer.security.roles: every role reads every table; a role writes the tables its permissions
cover (the viewer none); user management (the users table, other than the login bookkeeping
columns) only the admin role; audit_log is SELECT and INSERT for all, DELETE for none, UPDATE
only of its `personal` column and only for the admin role (a purge; the chain covers digests).
The owner becomes a member of all four. Each unit of work then runs under `SET LOCAL ROLE` of
the acting user's role (anonymous: viewer; the system, before the first user: admin), chosen
when its transaction begins (session event after_begin).

A desk's login account is given a highest role (`--login ACCOUNT:ROLE`): it becomes a member of
that role and the ones below it only (viewer < clerk < officer < admin), without inheriting
their rights (NOINHERIT; on PostgreSQL 16+ the grant's INHERIT FALSE), so in psql it has no
rights until SET ROLE and cannot SET ROLE above its highest role; a user of a higher role at
that desk acts with the desk's highest role. The owner's URL is for init / upgrades / restore.

Rows the server guards itself (row-level security): a non-admin role updates only the login
columns of users of its own role, and their tokens only (so a clerk's account cannot set the
administrator's password hash, unlock them or plant a token for them); a failed login is
counted by a SECURITY DEFINER function that can only count up and lock (`fc_<db>_login_failed`),
and after a right password the transaction switches to the user's role for the bookkeeping;
the officer writes only settings of its areas (SETTING_PERMISSIONS)."""
from __future__ import annotations

import re
import weakref
from typing import Iterable

from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.orm import Session

from trainer.db.models import Base, User
from trainer.security.roles import (ADMIN_ROLE, AUDIT_TABLE, CHANGE_FEED_TABLE, ROLES,
                                    SETTING_PERMISSIONS, holds, table_permission)

# written at every login whatever the role (failed attempts, lock, last login, a rehash, the
# user's own new password), as trainer.security.users does on the connection
LOGIN_COLUMNS = ("failed_attempts", "locked_until", "last_login_at", "password_hash", "updated_at")
TOKENS_TABLE = "user_tokens"
_ENABLED_KEY = "trainer.server_roles"  # engine-wide cache: {app role: server role} or {}


def role_names(database_name: str) -> dict[str, str]:
    """The server role of each app role for one database (names are cluster-wide)."""
    stem = _stem(database_name)
    return {role: f"fc_{stem}_{role}" for role in ROLES}


RANK = {"viewer": 0, "clerk": 1, "officer": 2, "admin": 3}  # each holds what those below hold


def roles_up_to(top: str) -> list[str]:
    """The app roles a desk login with highest role `top` may take."""
    return [role for role in ROLES if RANK[role] <= RANK[top]]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_grants(role: str) -> dict[str, list[str]]:
    """table → privileges of `role`: the app's permissions, as the server keeps them."""
    grants: dict[str, list[str]] = {}
    for table in Base.metadata.tables:
        privileges = ["SELECT"]
        if table == AUDIT_TABLE:
            privileges.append("INSERT")
        elif table == TOKENS_TABLE:
            privileges += ["INSERT", "DELETE"]  # logging in and out, whatever the role
        elif table == CHANGE_FEED_TABLE:
            privileges += ["INSERT", "UPDATE"]  # every commit raises its counters
        elif holds(role, table_permission(table)) or (
                table == "settings" and role != "viewer" and holds(role, "planning")):
            privileges += ["INSERT", "UPDATE", "DELETE"]  # settings: the app checks each key
        grants[table] = privileges
    return grants


def setup_roles(conn: Connection, logins: dict[str, str] | None = None) -> dict[str, str]:
    """Creates (or brings up to date) the roles, grants and row policies on the database of
    `conn` — as its owner with CREATEROLE — and makes the owner a member of all roles and each
    login of `logins` ({account: highest app role}) a member up to its role. Idempotent."""
    logins = dict(logins or {})
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    names = role_names(database)
    tables = set(conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    owner = conn.execute(text("SELECT current_user")).scalar_one()
    for role, server_role in names.items():
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                        {"r": server_role}).first() is None:
            conn.execute(text(f"CREATE ROLE {_q(server_role)} NOLOGIN"))
        conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_q(server_role)}"))
        conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(server_role)}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {_q(server_role)}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public "
                          f"TO {_q(server_role)}"))
        for table, privileges in table_grants(role).items():
            if table in tables:
                conn.execute(text(f"GRANT {', '.join(privileges)} ON {_q(table)} "
                                  f"TO {_q(server_role)}"))
        if role == ADMIN_ROLE and AUDIT_TABLE in tables:  # a purge blanks personal values
            conn.execute(text(f"GRANT UPDATE (personal) ON {AUDIT_TABLE} TO {_q(server_role)}"))
        if role != ADMIN_ROLE and "users" in tables:
            conn.execute(text(f"GRANT UPDATE ({', '.join(LOGIN_COLUMNS)}) ON users "
                              f"TO {_q(server_role)}"))
        conn.execute(text(f"GRANT {_q(server_role)} TO {_q(owner)}"))
    _row_policies(conn, names, tables)
    _login_failed_function(conn, names, database, tables)
    for login, top in logins.items():
        _grant_login(conn, names, database, tables, login, top)
    forget(conn.engine)
    return names


def _grant_login(conn: Connection, names: dict[str, str], database: str, tables: set[str],
                 login: str, top: str) -> None:
    """`login` may SET ROLE to `top` and the roles below, inherits none of them, and loses any
    membership above `top` a run before gave it."""
    version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
    if version < 160000:
        conn.execute(text(f"ALTER ROLE {_q(login)} NOINHERIT"))
    option = " WITH INHERIT FALSE, SET TRUE" if version >= 160000 else ""
    allowed = roles_up_to(top)
    for role, server_role in names.items():
        if role in allowed:
            conn.execute(text(f"GRANT {_q(server_role)} TO {_q(login)}{option}"))
        else:
            conn.execute(text(f"REVOKE {_q(server_role)} FROM {_q(login)}"))
    # opening the database reads the schema revision before any role
    conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(login)}"))
    if "alembic_version" in tables:
        conn.execute(text(f"GRANT SELECT ON alembic_version TO {_q(login)}"))


def _policy(conn: Connection, table: str, name: str, body: str) -> None:
    conn.execute(text(f"DROP POLICY IF EXISTS {_q(name)} ON {_q(table)}"))
    conn.execute(text(f"CREATE POLICY {_q(name)} ON {_q(table)} {body}"))


def _row_policies(conn: Connection, names: dict[str, str], tables: set[str]) -> None:
    """Row-level security on users, user_tokens and settings (see the module's text)."""
    everyone = ", ".join(_q(n) for n in names.values())
    admin = _q(names[ADMIN_ROLE])
    officer_keys = ", ".join(f"'{prefix}%'" for prefix, permission in SETTING_PERMISSIONS
                             if holds("officer", permission))
    own_user = {"users": "role = '{role}'",
                TOKENS_TABLE: "EXISTS (SELECT 1 FROM users u WHERE u.id = user_id "
                              "AND u.role = '{role}')"}
    for table in ("users", TOKENS_TABLE, "settings"):
        if table not in tables:
            continue
        conn.execute(text(f"ALTER TABLE {_q(table)} ENABLE ROW LEVEL SECURITY"))
        _policy(conn, table, "fc_read", f"FOR SELECT TO {everyone} USING (true)")
        _policy(conn, table, "fc_admin", f"FOR ALL TO {admin} USING (true) WITH CHECK (true)")
        for role in ROLES:
            if role == ADMIN_ROLE:
                continue
            name, server_role = f"fc_{role}", _q(names[role])
            if table == "settings":
                if role != "officer":
                    conn.execute(text(f"DROP POLICY IF EXISTS {_q(name)} ON settings"))
                    continue
                rule = f"key LIKE ANY (ARRAY[{officer_keys}])"
                _policy(conn, table, name, f"FOR ALL TO {server_role} USING ({rule}) "
                                           f"WITH CHECK ({rule})")
                continue
            rule = own_user[table].format(role=role)
            _policy(conn, table, name, f"FOR ALL TO {server_role} USING ({rule}) "
                                       f"WITH CHECK ({rule})")


def _stem(database_name: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:40]


def login_failed_function(database_name: str) -> str:
    return f"fc_{_stem(database_name)}_login_failed"


def _login_failed_function(conn: Connection, names: dict[str, str], database: str,
                           tables: set[str]) -> None:
    """A failed login counted for any user, whatever role the desk acts with: it can only
    count up and lock for security.lock_minutes once security.max_failed_logins is reached
    (the office's settings, read by the function), never unlock or touch anything else."""
    if "users" not in tables or "settings" not in tables:
        return
    function = _q(login_failed_function(database))
    conn.execute(text(f"""
        CREATE OR REPLACE FUNCTION {function}(p_user integer,
                                              OUT attempts integer, OUT locked_at timestamp)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DECLARE
            v_limit integer;
            v_minutes integer;
            v_org integer;
            v_count integer;
            v_now timestamp := (now() AT TIME ZONE 'UTC');
        BEGIN
            SELECT u.organization_id, coalesce(u.failed_attempts, 0) + 1 INTO v_org, v_count
              FROM users u WHERE u.id = p_user FOR UPDATE;
            IF NOT FOUND THEN
                RETURN;
            END IF;
            SELECT greatest(s.value::integer, 1) INTO v_limit FROM settings s
             WHERE s.organization_id = v_org AND s.key = 'security.max_failed_logins';
            SELECT greatest(s.value::integer, 1) INTO v_minutes FROM settings s
             WHERE s.organization_id = v_org AND s.key = 'security.lock_minutes';
            v_limit := coalesce(v_limit, 5);
            v_minutes := coalesce(v_minutes, 15);
            attempts := v_count;
            IF v_count >= v_limit THEN
                UPDATE users u SET failed_attempts = 0,
                       locked_until = greatest(coalesce(u.locked_until, v_now),
                                               v_now + make_interval(mins => v_minutes))
                 WHERE u.id = p_user RETURNING u.locked_until INTO locked_at;
            ELSE
                UPDATE users u SET failed_attempts = v_count WHERE u.id = p_user;
            END IF;
        END $fn$"""))
    conn.execute(text(f"REVOKE ALL ON FUNCTION {function}(integer) FROM PUBLIC"))
    everyone = ", ".join(_q(n) for n in names.values())
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION {function}(integer) TO {everyone}"))


def refresh_grants(conn: Connection) -> None:
    """After a migration: the grants again (new tables), when the roles exist and we may."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    admin = role_names(database)[ADMIN_ROLE]
    may = conn.execute(text(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": admin}).first()
    if exists is not None and may:
        setup_roles(conn)


_CACHE: "weakref.WeakKeyDictionary[Engine, dict[str, str]]" = weakref.WeakKeyDictionary()


def forget(engine: Engine) -> None:
    _CACHE.pop(engine, None)


def enabled_roles(conn: Connection) -> dict[str, str]:
    """{app role: server role} of the roles this database has and our login may take (a desk
    login: up to its highest role), or {} when it may not even take the viewer's (asked once
    per engine)."""
    key = conn.engine
    if key not in _CACHE:
        names = role_names(conn.execute(text("SELECT current_database()")).scalar_one())
        taken = set(conn.execute(text(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names) "
            "AND pg_has_role(current_user, oid, 'MEMBER')"),
            {"names": list(names.values())}).scalars())
        _CACHE[key] = ({role: name for role, name in names.items() if name in taken}
                       if names["viewer"] in taken else {})
    return _CACHE[key]


def act_as(conn: Connection, role: str) -> None:
    """The rest of this transaction under the server role of app role `role` — or the highest
    one below it that our login may take (a desk login with a lower highest role)."""
    if conn.dialect.name != "postgresql":
        return
    names = enabled_roles(conn)
    if not names:
        return
    allowed = [r for r in roles_up_to(role if role in RANK else "viewer") if r in names]
    chosen = max(allowed, key=RANK.__getitem__, default="viewer")
    conn.execute(text(f"SET LOCAL ROLE {_q(names[chosen])}"))


def count_failed_login(conn: Connection, user_id: int):
    """(attempts, locked until or None) after counting a failed login of `user_id` through
    the server's function; None when this database has no server roles (the app counts)."""
    if conn.dialect.name != "postgresql" or not enabled_roles(conn):
        return None
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    row = conn.execute(text(f"SELECT attempts, locked_at FROM "
                            f"{_q(login_failed_function(database))}(:u)"), {"u": user_id}).one()
    return row.attempts, row.locked_at


@event.listens_for(Session, "after_begin")
def _set_role(session: Session, _transaction, conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    names = enabled_roles(conn)
    if not names:
        return
    from trainer.security.guard import UOW_KEY

    conn.execute(text(f"SET LOCAL ROLE {_q(names['viewer'])}"))
    uow = session.info.get(UOW_KEY)
    user = getattr(uow, "user", None)
    if user is not None:
        row = conn.execute(select(User.role, User.disabled).where(User.id == user.id)).first()
        role = row.role if row is not None and not row.disabled else "viewer"
    else:  # nobody logged in: the system while there is no user yet, else read only
        role = "viewer" if conn.execute(select(User.id).limit(1)).first() else ADMIN_ROLE
    if role != "viewer":
        act_as(conn, role)
