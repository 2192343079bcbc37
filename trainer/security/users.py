"""Users of an office: create, list, disable, change role or password; log in with a password
or a token; lock after repeated wrong passwords.

The first user of a database must be an administrator and may be created without logging in
(create_first_admin, or create_user while the database has no user: the system acts). After
that, managing users needs the administrator (the guard checks every write to `users`).

The bookkeeping of a login (failed attempts, lock, last login, the token) is written on the
connection, outside the ORM: it is not an edit of the account, must not change its version (an
administrator's open form would turn stale at every login) and is recorded in the audit trail as
login / login_failed / logout instead."""
from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from trainer.db import server_roles
from trainer.db.base import utcnow
from trainer.db.engine import Database
from trainer.db.models import User
from trainer.errors import AccountError, AuthenticationError, DatabaseError
from trainer.rules.fields import text
from trainer.rules.text import control_character
from trainer.security import guard
from trainer.security.passwords import (hash_password, new_token, token_digest,
                                        verify_password)
from trainer.security.roles import ADMIN_ROLE, ROLES, USERS, Actor
from trainer.texts.security import role_label
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserRecord:
    """A user as the services and the GUI see them; `UnitOfWork(database, user=record)` acts
    as them. Times are UTC without a zone."""

    id: int
    organization_id: int
    username: str
    display_name: str
    role: str
    disabled: bool
    failed_attempts: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    version: int

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def role_label(self, lang: str | None = None) -> str:
        return role_label(self.role, lang)


def _record(row: User) -> UserRecord:
    return UserRecord(row.id, row.organization_id, row.username, row.display_name, row.role,
                      bool(row.disabled), row.failed_attempts or 0, row.locked_until,
                      row.last_login_at, row.version)


def normalise_username(username: str) -> str:
    """Trimmed, Latin letters in lower case (Wang = wang); no spaces inside."""
    name = (username or "").strip().lower()
    if not name or len(name) > 50 or any(c.isspace() for c in name) \
            or control_character(name) is not None:
        raise AccountError("username_invalid")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError("unknown_role", roles=", ".join(ROLES))
    return role


def users_exist(database: Database) -> bool:
    """True once any office of the database has a user: from then on logging in is needed to
    change anything."""
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(User.id).limit(1)) is not None


def create_user(uow: UnitOfWork, username: str, password: str, role: str,
                display_name: str = "") -> UserRecord:
    """A user of the unit's office. The first user of the database must be an administrator."""
    name = normalise_username(username)
    _check_role(role)
    display_name = text(display_name, "display_name", max_len=100)
    password_hash = hash_password(password)
    with uow:
        s = uow.session
        if role != ADMIN_ROLE and s.scalar(select(User.id).limit(1)) is None:
            raise AccountError("first_user_admin")
        org = uow.organization_id
        if s.scalar(select(User.id).where(User.organization_id == org,
                                          User.username == name)) is not None:
            raise AccountError("username_taken", username=name)
        row = User(organization_id=org, username=name, display_name=display_name, role=role,
                   password_hash=password_hash, disabled=False, failed_attempts=0)
        s.add(row)
        s.flush()
        return _record(row)


def create_first_admin(database: Database, username: str, password: str,
                       display_name: str = "", organization_id: int | None = None) -> UserRecord:
    """The first start: the administrator of a database that has no user yet."""
    uow = UnitOfWork(database, organization_id)
    with uow:
        if uow.session.scalar(select(User.id).limit(1)) is not None:
            raise AccountError("users_exist")
        return create_user(uow, username, password, ADMIN_ROLE, display_name)


def list_users(uow: UnitOfWork) -> list[UserRecord]:
    """The office's users (administrators only)."""
    guard.require(uow, USERS, "users")
    with uow:
        return [_record(r) for r in uow.session.scalars(
            select(User).where(User.organization_id == uow.organization_id)
            .order_by(User.username))]


def _get_row(uow: UnitOfWork, username: str) -> User:
    name = normalise_username(username)
    row = uow.session.scalar(select(User).where(User.organization_id == uow.organization_id,
                                                User.username == name))
    if row is None:
        raise AccountError("unknown_user", username=name)
    return row


def get_user(uow: UnitOfWork, username: str) -> UserRecord:
    with uow:
        row = _get_row(uow, username)
        if row.id != getattr(uow.user, "id", None):
            guard.require(uow, USERS, "users")
        return _record(row)


def _refuse_last_admin(uow: UnitOfWork, row: User) -> None:
    others = uow.session.scalar(select(func.count()).select_from(User).where(
        User.organization_id == row.organization_id, User.role == ADMIN_ROLE,
        User.disabled.is_(False), User.id != row.id))
    if not others:
        raise AccountError("last_admin", username=row.username)


def set_disabled(uow: UnitOfWork, username: str, disabled: bool = True) -> UserRecord:
    """Disables (or enables again) an account; a disabled account cannot log in, its token is
    revoked, and a unit of work acting as it refuses to write."""
    with uow:
        row = _get_row(uow, username)
        if disabled and row.role == ADMIN_ROLE and not row.disabled:
            _refuse_last_admin(uow, row)
        row.disabled = disabled
        uow.session.flush()
        if disabled:
            _end_tokens(uow, row)
        return _record(row)


def set_role(uow: UnitOfWork, username: str, role: str) -> UserRecord:
    _check_role(role)
    with uow:
        row = _get_row(uow, username)
        if row.role == ADMIN_ROLE and role != ADMIN_ROLE and not row.disabled:
            _refuse_last_admin(uow, row)
        row.role = role
        uow.session.flush()
        return _record(row)


def set_password(uow: UnitOfWork, username: str, password: str) -> UserRecord:
    """An administrator sets anyone's password (and unlocks the account); a user sets their
    own (the unit of work acts as them, so they have proved who they are)."""
    password_hash = hash_password(password)
    with uow:
        row = _get_row(uow, username)
        actor = uow.actor
        if actor.user_id == row.id and not actor.holds(USERS):
            _bookkeeping(uow, row.id, password_hash=password_hash)
            guard.write_entries(uow.session, [guard.audit_entry(
                actor, "update", entity="users", record_id=row.id, summary=row.username,
                before={"password_hash": "***"}, after={"password_hash": "***"})])
            _end_tokens(uow, row)
            uow.session.expire(row)
            return _record(row)
        row.password_hash = password_hash
        row.failed_attempts, row.locked_until = 0, None
        uow.session.flush()
        _end_tokens(uow, row)
        return _record(row)


def _end_tokens(uow: UnitOfWork, row: User) -> None:
    from trainer.security.tokens import revoke_all  # tokens.py builds on this module

    revoke_all(uow, row)


def unlock(uow: UnitOfWork, username: str) -> UserRecord:
    """Lifts a lock after wrong passwords before its time (administrators); AccountError
    not_locked when the account was not locked."""
    guard.require(uow, USERS, "users")
    with uow:
        row = _get_row(uow, username)
        if row.locked_until is None or row.locked_until <= utcnow():
            raise AccountError("not_locked", username=row.username)
        row.failed_attempts, row.locked_until = 0, None
        uow.session.flush()
        return _record(row)


# --- logging in --------------------------------------------------------------------------------

def _bookkeeping(uow: UnitOfWork, user_id: int, **values) -> None:
    uow.session.connection().execute(update(User.__table__).where(User.id == user_id)
                                     .values(**values))


def _actor(row: User) -> Actor:
    return Actor(row.role, row.id, row.username, row.display_name, row.organization_id)


def _local_time(moment: dt.datetime) -> str:
    local = moment.replace(tzinfo=dt.timezone.utc).astimezone()
    today = dt.datetime.now().astimezone().date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def _find(uow: UnitOfWork, username: str, organization_id: int | None) -> User | None:
    stmt = select(User).where(User.username == username)
    if organization_id is not None:
        stmt = stmt.where(User.organization_id == organization_id)
    rows = list(uow.session.scalars(stmt.limit(2)))
    if len(rows) > 1:
        raise AuthenticationError("choose_office", username=username)
    return rows[0] if rows else None


def authenticate(database: Database, username: str, password: str,
                 organization_id: int | None = None) -> UserRecord:
    """The user whose name and password these are, or AuthenticationError: wrong_password,
    wrong_password_locked (this attempt locked the account), locked (until HH:MM), disabled.
    After security.max_failed_logins wrong passwords in a row the account locks for
    security.lock_minutes; while locked, no password is even tried. Every attempt is recorded
    in the audit trail (login / login_failed)."""
    try:
        name = normalise_username(username)
    except AccountError:
        verify_password(None, password)
        raise AuthenticationError("wrong_password") from None
    uow = UnitOfWork(database, organization_id)
    failure: AuthenticationError | None = None
    user_id: int | None = None
    try:
        with uow, _short_wait(uow):
            s = uow.session
            row = _find(uow, name, organization_id)
            now = utcnow()
            if row is None:
                verify_password(None, password)
                failure = AuthenticationError("wrong_password")
                # what was typed is not a user name (it may be a password typed in the wrong
                # field): the trail says that an unknown name was tried, never the text
                guard.write_entries(s, [guard.audit_entry(
                    Actor("anonymous", None, "", "", organization_id), "login_failed",
                    entity="users", summary="unknown user name")])
            else:
                user_id = row.id
                uow.use_organization(row.organization_id)
                failure = _check_login(uow, row, _actor(row), password, now)
    except DatabaseError as exc:
        # a read-only database, or another desk writing: the login cannot be recorded, but a
        # right password still lets the user read (a wrong one is refused all the same)
        if exc.reason not in ("read_only", "busy", "disk_full"):
            raise
        if failure is None and user_id is None:
            raise
        log.warning("login attempt for %s not recorded: %s", name, exc.message("en"))
    if failure is not None:
        raise failure
    with uow:
        return _record(uow.session.get(User, user_id))


@contextmanager
def _short_wait(uow: UnitOfWork) -> Iterator[None]:
    """On SQLite, a login waits at most a second for another desk's write lock (not the usual
    five): the login is then not recorded, and reading goes on (authenticate)."""
    conn = uow.session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.exec_driver_sql("PRAGMA busy_timeout=1000")
    try:
        yield
    finally:
        try:
            conn.exec_driver_sql("PRAGMA busy_timeout=5000")
        except DBAPIError:  # pragma: no cover - the connection is gone; it is not reused
            pass


def _count_failure(uow: UnitOfWork, row: User,
                   now: dt.datetime) -> tuple[int, dt.datetime | None]:
    """Counts a wrong password: (attempts in a row, the lock's end when this one locked the
    account). On a server with roles, its function counts (a desk's role may not write another
    user's row); otherwise the app."""
    counted = server_roles.count_failed_login(uow.session.connection(), row.id)
    if counted is not None:
        return counted
    attempts = (row.failed_attempts or 0) + 1
    if attempts >= int(get_setting(uow, "security.max_failed_logins")):
        until = now + dt.timedelta(minutes=int(get_setting(uow, "security.lock_minutes")))
        _bookkeeping(uow, row.id, failed_attempts=0, locked_until=until)
        return attempts, until
    _bookkeeping(uow, row.id, failed_attempts=attempts)
    return attempts, None


def _check_login(uow: UnitOfWork, row: User, actor: Actor, password: str,
                 now: dt.datetime) -> AuthenticationError | None:
    s = uow.session
    if row.locked_until is not None and row.locked_until > now:
        guard.write_entries(s, [guard.audit_entry(actor, "login_failed", entity="users",
                                                  record_id=row.id, summary="locked")])
        return AuthenticationError("locked", until=_local_time(row.locked_until))
    ok, rehash = verify_password(row.password_hash, password)
    if not ok:
        attempts, until = _count_failure(uow, row, now)
        if until is not None:
            guard.write_entries(s, [guard.audit_entry(
                actor, "login_failed", entity="users", record_id=row.id,
                summary=f"wrong password {attempts}×; locked until {until:%Y-%m-%d %H:%M} UTC")])
            return AuthenticationError("wrong_password_locked", attempts=attempts,
                                       until=_local_time(until))
        guard.write_entries(s, [guard.audit_entry(actor, "login_failed", entity="users",
                                                  record_id=row.id,
                                                  summary=f"wrong password {attempts}×")])
        return AuthenticationError("wrong_password")
    if row.disabled:
        guard.write_entries(s, [guard.audit_entry(actor, "login_failed", entity="users",
                                                  record_id=row.id, summary="disabled")])
        return AuthenticationError("disabled", username=row.username)
    values = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
    if rehash:
        values["password_hash"] = rehash
    # the right password: the bookkeeping as the user (on a server, their role's row policy)
    server_roles.act_as(s.connection(), row.role)
    _bookkeeping(uow, row.id, **values)
    guard.write_entries(s, [guard.audit_entry(actor, "login", entity="users", record_id=row.id,
                                              summary=row.username)])
    s.expire(row)
    return None
