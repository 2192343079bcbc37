"""The unit of work: one database transaction that services run inside.

`with uow:` opens a session (or joins the one already open, so services compose into one
transaction), commits when the outermost block ends cleanly and rolls back when it raises.
One UnitOfWork per thread: the GUI makes a new one for each background task."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from trainer.db.engine import Database
from trainer.db.models import Organization
from trainer.errors import NotFoundError


class UnitOfWork:
    def __init__(self, database: Database, organization_id: int | None = None) -> None:
        self.database = database
        self._organization_id = organization_id
        self._depth = 0
        self._session: Session | None = None
        self._organization_at_start: int | None = organization_id

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return self._session

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self._session = self.database.session_factory()
            self._organization_at_start = self._organization_id
        self._depth += 1
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._depth -= 1
        if self._depth:
            return False
        session, self._session = self._session, None
        try:
            if exc_type is None:
                session.commit()
            else:
                session.rollback()
                # an office chosen inside the undone transaction may no longer exist
                self._organization_id = self._organization_at_start
        finally:
            session.close()
        return False

    def use_organization(self, organization_id: int) -> None:
        self._organization_id = organization_id

    @property
    def organization_id(self) -> int:
        """The union office whose data this unit works on: the one given, else the first."""
        if self._organization_id is None:
            found = self.session.scalar(select(Organization.id).order_by(Organization.id).limit(1))
            if found is None:
                raise NotFoundError("organization", "—")
            self._organization_id = found
        return self._organization_id
