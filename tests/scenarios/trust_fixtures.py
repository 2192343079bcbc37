"""The office's staff for the trust tests: one user of each role, and a unit of work acting as
each (the database has no user until make_staff runs, so anything set up before is written by
the system)."""
from __future__ import annotations

from dataclasses import dataclass

from trainer.db.engine import Database
from trainer.security.users import UserRecord, create_first_admin, create_user
from trainer.services.uow import UnitOfWork

PASSWORD = "correct horse 1"


@dataclass(frozen=True)
class Staff:
    database: Database
    admin: UserRecord
    officer: UserRecord
    clerk: UserRecord
    viewer: UserRecord

    def uow(self, who: UserRecord | None) -> UnitOfWork:
        return UnitOfWork(self.database, user=who)


def make_staff(database: Database) -> Staff:
    admin = create_first_admin(database, "admin", PASSWORD, "王管理")
    as_admin = UnitOfWork(database, user=admin)
    officer = create_user(as_admin, "officer", PASSWORD, "officer", "李干事")
    clerk = create_user(as_admin, "clerk", PASSWORD, "clerk", "张办事")
    viewer = create_user(as_admin, "viewer", PASSWORD, "viewer", "赵主任")
    return Staff(database, admin, officer, clerk, viewer)
