"""Login tokens of the command line (`trainer login` → TRAINER_TOKEN): several a user, one a
desk, each valid at most `security.token_days` days; only their SHA-256 is stored (user_tokens).
A password change or reset and disabling the account end them all (revoke_all); the user or an
administrator lists them and revokes one. Written on the connection like the other login
bookkeeping (no version change of the account), recorded in the audit trail as logout."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from trainer.db import server_roles
from trainer.db.base import utcnow
from trainer.db.engine import Database
from trainer.db.models import User, UserToken
from trainer.errors import AccountError, AuthenticationError
from trainer.security import guard
from trainer.security.passwords import new_token, token_digest
from trainer.security.roles import USERS
from trainer.security.users import UserRecord, _actor, _get_row, _local_time, _record
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class TokenRecord:
    """A login token as lists show it (never the token itself). Times UTC without a zone."""

    id: int
    desk: str
    created_at: dt.datetime
    expires_at: dt.datetime

    @property
    def expired(self) -> bool:
        return self.expires_at <= utcnow()


def issue_token(database: Database, user: UserRecord, days: int | None = None,
                desk: str = "") -> str:
    """A token for `trainer` commands (TRAINER_TOKEN) acting as `user`, valid `days` — at most
    the setting security.token_days, which is also the default (AccountError token_days
    beyond). Each desk keeps its own token: a login elsewhere leaves it valid."""
    token = new_token()
    with UnitOfWork(database, user.organization_id, user=user) as uow:  # their role's rows
        longest = int(get_setting(uow, "security.token_days"))
        days = longest if days is None else days
        if not 1 <= days <= longest:
            raise AccountError("token_days", max=longest)
        now = utcnow()
        uow.session.connection().execute(insert(UserToken.__table__).values(
            user_id=user.id, token_hash=token_digest(token), desk=(desk or "")[:100],
            created_at=now, expires_at=now + dt.timedelta(days=days)))
    return token


def authenticate_token(database: Database, token: str) -> UserRecord:
    with UnitOfWork(database) as uow:
        found = uow.session.execute(select(User, UserToken.expires_at).join(
            UserToken, UserToken.user_id == User.id).where(
            UserToken.token_hash == token_digest(token))).first()
        if found is None:
            raise AuthenticationError("token_invalid")
        row, expires_at = found
        if expires_at <= utcnow():
            raise AuthenticationError("token_expired", when=_local_time(expires_at))
        if row.disabled:
            raise AuthenticationError("disabled", username=row.username)
        return _record(row)


def revoke_token(database: Database, token: str) -> bool:
    """Logs a token out; False when it was not (or no longer) valid."""
    with UnitOfWork(database) as uow:
        found = uow.session.execute(select(User, UserToken.id).join(
            UserToken, UserToken.user_id == User.id).where(
            UserToken.token_hash == token_digest(token))).first()
        if found is None:
            return False
        row, token_id = found
        server_roles.act_as(uow.session.connection(), row.role)  # the token's holder acts
        uow.session.connection().execute(delete(UserToken.__table__)
                                         .where(UserToken.id == token_id))
        guard.write_entries(uow.session, [guard.audit_entry(
            _actor(row), "logout", entity="users", record_id=row.id, summary=row.username)])
        return True


def _own_or_admin(uow: UnitOfWork, username: str) -> User:
    row = _get_row(uow, username)
    if row.id != getattr(uow.user, "id", None):
        guard.require(uow, USERS, "users")
    return row


def list_tokens(uow: UnitOfWork, username: str) -> list[TokenRecord]:
    """A user's tokens, newest first (their own, or anyone's for an administrator)."""
    with uow:
        row = _own_or_admin(uow, username)
        return [TokenRecord(t.id, t.desk, t.created_at, t.expires_at) for t in uow.session.scalars(
            select(UserToken).where(UserToken.user_id == row.id)
            .order_by(UserToken.created_at.desc(), UserToken.id.desc()))]


def revoke_token_id(uow: UnitOfWork, username: str, token_id: int) -> None:
    """Revokes one of a user's tokens (a desk's): their own, or anyone's as administrator."""
    with uow:
        row = _own_or_admin(uow, username)
        done = uow.session.connection().execute(delete(UserToken.__table__).where(
            UserToken.id == token_id, UserToken.user_id == row.id))
        if not done.rowcount:
            raise AccountError("unknown_token", username=row.username, id=token_id)
        guard.write_entries(uow.session, [guard.audit_entry(
            uow.actor, "logout", entity="users", record_id=row.id,
            summary=f"{row.username}: token {token_id} revoked")])


def revoke_all(uow: UnitOfWork, row: User) -> None:
    """Every token of the user ends (a password change or reset, disabling the account)."""
    done = uow.session.connection().execute(delete(UserToken.__table__)
                                            .where(UserToken.user_id == row.id))
    if done.rowcount:
        guard.write_entries(uow.session, [guard.audit_entry(
            uow.actor, "logout", entity="users", record_id=row.id,
            summary=f"{row.username}: {done.rowcount} tokens revoked")])
