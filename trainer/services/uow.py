"""The unit of work: one database transaction that services run inside.

`with uow:` opens a session (or joins the one already open, so services compose into one
transaction), commits when the outermost block ends cleanly and rolls back when it raises.
One UnitOfWork per thread: the GUI makes a new one for each background task.

Who acts: `user` (a UserRecord from trainer.security.users.authenticate) — their role decides
what the services may write (trainer.security.guard checks every flush). Without a user, a
database that has no user yet runs unrestricted as the system (first start, tests, the demo);
once a user exists, a unit of work without one may only read. A logged-in user works on their
own office only."""
from __future__ import annotations

import os
import shutil

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from trainer.db.engine import Database
from trainer.db.models import Organization, User
from trainer.errors import DatabaseError, NotFoundError, PermissionDenied
from trainer.security import guard
from trainer.security.roles import Actor

# What the database refuses when asked to write (a constraint, a type it cannot store): callers
# outside services/ (io/importing.py) catch it by this name, without importing SQLAlchemy.
WriteRefused = SQLAlchemyError


class UnitOfWork:
    def __init__(self, database: Database, organization_id: int | None = None,
                 user: Any | None = None) -> None:
        self.database = database
        self.user = user
        self._depth = 0
        self._session: Session | None = None
        self._actor: Actor | None = None
        if user is not None and organization_id is None:
            organization_id = user.organization_id
        self._organization_id = organization_id
        self._organization_at_start: int | None = organization_id
        if user is not None and organization_id != user.organization_id:
            self._check_office(organization_id)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return self._session

    @property
    def actor(self) -> Actor:
        """Who acts in the current transaction (read from the database once per transaction)."""
        if self._actor is None:
            self._actor = guard.resolve_actor(self.session, self.user)
        return self._actor

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self._session = self.database.session_factory()
            self._session.info[guard.UOW_KEY] = self
            self._organization_at_start = self._organization_id
            self._actor = None
        self._depth += 1
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._depth -= 1
        if self._depth:
            return False
        session = self._session  # still reachable while committing: the guard asks who acts
        try:
            if exc_type is None:
                try:
                    session.commit()
                except (StaleDataError, DBAPIError) as failure:
                    _rollback_quietly(session)
                    translated = self._translated(failure, session)
                    if translated is None:
                        raise
                    raise translated from failure
            else:
                _rollback_quietly(session)
                # an office chosen inside the undone transaction may no longer exist
                self._organization_id = self._organization_at_start
                if isinstance(exc, (StaleDataError, DBAPIError)):
                    translated = self._translated(exc, session)
                    if translated is not None:
                        raise translated from exc
        finally:
            self._session, self._actor = None, None
            session.close()
        return False

    def _translated(self, exc: Exception, session: Session) -> Exception | None:
        """A core error for what SQLAlchemy reports: another user's save in between (the version
        column), a lost or busy connection."""
        if isinstance(exc, StaleDataError):
            from trainer.security.audit import stale_edit_error

            return stale_edit_error(self.database, session.info.get(guard.VERSIONED_KEY, ()))
        if isinstance(exc, OperationalError):
            return connection_error(exc, database_file(self.database))
        return None

    def use_organization(self, organization_id: int) -> None:
        if self.user is not None and organization_id != self.user.organization_id:
            self._check_office(organization_id)
        self._organization_id = organization_id

    def _check_office(self, organization_id: int | None) -> None:
        """A user may enter another office only as an administrator setting up an office that
        has no users of its own yet."""
        with self:
            role = self.actor.role
            has_users = self.session.scalar(select(User.id).where(
                User.organization_id == organization_id).limit(1)) is not None
        if role != "admin" or has_users:
            raise PermissionDenied(role, "other_office")

    @property
    def known_organization_id(self) -> int | None:
        """The office chosen so far, without asking the database."""
        return self._organization_id

    @property
    def organization_id(self) -> int:
        """The union office whose data this unit works on: the one given, else the first."""
        if self._organization_id is None:
            found = self.session.scalar(select(Organization.id).order_by(Organization.id).limit(1))
            if found is None:
                raise NotFoundError("organization", "—")
            self._organization_id = found
        return self._organization_id


def _rollback_quietly(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:  # the connection is gone; the server has dropped the transaction
        pass


def database_file(database) -> str | None:
    """The SQLite file of `database` (None for a server)."""
    url = database.engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return url.database
    return None


def _no_space_left(path: str | None) -> bool:
    """True when the filesystem of the SQLite file `path` has (almost) no byte free."""
    if not path:
        return False
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free < 64 * 1024
    except OSError:
        return False


def connection_error(exc: OperationalError, sqlite_file: str | None = None
                     ) -> DatabaseError | None:
    """DatabaseError for a connection that broke (connection_lost), could not be made
    (unreachable) or a SQLite file another program holds (busy); None for other errors.
    SQLite reports a full disk as "disk I/O error" where it fails to grow its shared-memory or
    WAL file: with the file's disk out of space, that is said as the full disk it is."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    detail = text[0] if text else type(exc).__name__
    if "disk I/O error" in detail and _no_space_left(sqlite_file):
        return DatabaseError("disk_full", detail=detail)
    if exc.connection_invalidated:
        return DatabaseError("connection_lost", detail=detail)
    if "database is locked" in detail:
        return DatabaseError("busy", detail=detail)
    if "readonly database" in detail or "read-only" in detail:
        return DatabaseError("read_only", detail=detail)
    if "disk is full" in detail or "No space left" in detail or "DiskFull" in detail:
        return DatabaseError("disk_full", detail=detail)
    # psycopg: errors the client raises itself (no connection) carry no SQLSTATE
    if getattr(exc.orig, "sqlstate", "") is None or "unable to open database" in detail:
        return DatabaseError("unreachable", detail=detail)
    return None
