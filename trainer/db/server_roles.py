"""Roles enforced by PostgreSQL itself, so a write that slips past the app's guard (a raw
statement, a bug, psql with a desk's account) meets the same rules in the server.

`setup_roles` (run once by the database's owner, `trainer server-roles`) makes four NOLOGIN
roles per database — fc_<database>_admin / _officer / _clerk / _viewer — with GRANTs that mirror
trainer.security.roles: every role reads every table; a role writes the tables its permissions
cover (the viewer none); user management (the users table, other than the login bookkeeping
columns) only the admin role; audit_log is SELECT and INSERT for all, DELETE for none, UPDATE
only of its `personal` column and only for the admin role (a purge; the chain covers digests).
The owner and the desks' login accounts become members. Each unit of work then runs under
`SET LOCAL ROLE` of the acting user's role (anonymous: viewer; the system, before the first user:
admin), chosen when its transaction begins (session event after_begin).

A desk's login account should be an ordinary account made NOINHERIT (it has no rights of its own
outside SET ROLE), not the owner: the owner's URL is for `trainer init` / upgrades / restore."""
from __future__ import annotations

import re
import weakref
from typing import Iterable

from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.orm import Session

from trainer.db.models import Base, User
from trainer.security.roles import (ADMIN_ROLE, AUDIT_TABLE, CHANGE_FEED_TABLE, ROLES, holds,
                                    table_permission)

# written at every login whatever the role (failed attempts, lock, last login, a rehash, the
# user's own new password), as trainer.security.users does on the connection
LOGIN_COLUMNS = ("failed_attempts", "locked_until", "last_login_at", "password_hash", "updated_at")
TOKENS_TABLE = "user_tokens"
_ENABLED_KEY = "trainer.server_roles"  # engine-wide cache: {app role: server role} or {}


def role_names(database_name: str) -> dict[str, str]:
    """The server role of each app role for one database (names are cluster-wide)."""
    stem = re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:40]
    return {role: f"fc_{stem}_{role}" for role in ROLES}


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


def setup_roles(conn: Connection, logins: Iterable[str] = ()) -> dict[str, str]:
    """Creates (or brings up to date) the roles and grants on the database of `conn` — as its
    owner with CREATEROLE — and makes the owner and `logins` members. Idempotent."""
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
        for member in (owner, *logins):
            conn.execute(text(f"GRANT {_q(server_role)} TO {_q(member)}"))
    for login in logins:  # opening the database reads the schema revision before any role
        conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(login)}"))
        if "alembic_version" in tables:
            conn.execute(text(f"GRANT SELECT ON alembic_version TO {_q(login)}"))
    forget(conn.engine)
    return names


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
    """{app role: server role} when this database has its roles and our login may take them,
    else {} (asked once per engine)."""
    key = conn.engine
    if key not in _CACHE:
        names = role_names(conn.execute(text("SELECT current_database()")).scalar_one())
        ok = conn.execute(text(
            "SELECT bool_and(pg_has_role(current_user, rolname, 'MEMBER')) AND count(*) = :n "
            "FROM pg_roles WHERE rolname = ANY(:names)"),
            {"n": len(names), "names": list(names.values())}).scalar()
        _CACHE[key] = names if ok else {}
    return _CACHE[key]


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
    if role != "viewer" and role in names:
        conn.execute(text(f"SET LOCAL ROLE {_q(names[role])}"))
