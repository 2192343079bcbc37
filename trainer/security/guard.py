"""Permissions and the audit trail, held centrally in SQLAlchemy's session events, so every
service — whoever wrote it, whoever calls it — meets them without code of its own.

- before_flush: each new, changed or deleted object needs the permission of its table
  (roles.TABLE_PERMISSIONS) for the acting role, else PermissionDenied and the transaction rolls
  back; a user's name goes into `updated_by` of each versioned row they save.
- do_orm_execute: bulk INSERT/UPDATE/DELETE statements (the trainee import's executemany, the
  attendance grid) are held to the same rule, and written to the trail as one entry each.
- after_flush: one audit entry per created/updated/deleted row, with the values of the changed
  columns before and after, in the same transaction as the change (so both or neither are kept).

The acting user comes from the UnitOfWork (session.info[UOW_KEY]); a session made without one
acts as the system while the database has no user yet, and may only read afterwards."""
from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any, Callable, Iterable

from sqlalchemy import TextClause, event, inspect, select
from sqlalchemy.orm import Session

from trainer.db import server_roles  # noqa: F401 - its session event sets the server role
from trainer.db.base import Versioned, utcnow
from trainer.db.models import AuditLog, Organization, Setting, User
from trainer.errors import AuthenticationError, PermissionDenied
from trainer.security import anchor, trail_personal
from trainer.security.chain import chain_entries
from trainer.security.personal import PERSONAL_FIELDS, mask_personal
from trainer.security.sql_text import UnknownWrite, statement_writes
from trainer.security.roles import (ANONYMOUS_ACTOR, AUDIT_TABLE, SECRET_SETTINGS, SYSTEM,
                                    SYSTEM_ACTOR, Actor, table_permission)

UOW_KEY = "trainer.uow"  # session.info: the UnitOfWork the session belongs to
VERSIONED_KEY = "trainer.versioned"  # session.info: (class, id, version) of rows being saved
ACTOR_KEY = "trainer.actor"  # session.info: the actor of a session without a unit of work
PENDING_KEY = "trainer.audit"  # session.info: entries of this transaction's flushes, not yet written
ANCHOR_KEY = "trainer.anchor"  # session.info: the trail's head after this transaction's entries

SKIPPED_COLUMNS = frozenset({"created_at", "updated_at", "updated_by", "name_initials"})
SECRET_COLUMNS = frozenset({"password_hash", "token_hash"})
LONG_TEXT = 500  # longer values (a seal image in base64…) are shortened in the trail
NAME_COLUMNS = ("name", "title", "number", "code", "key", "username")
BULK_COLUMNS, BULK_ROWS = "columns", "rows"  # the shape of a bulk statement's values


def resolve_actor(session: Session, user: Any | None) -> Actor:
    """The actor for `user` (a UserRecord; role and state read again from the database, so a
    change by the administrator counts at once), or system/anonymous when no user is given."""
    with session.no_autoflush:
        if user is not None:
            row = session.execute(select(User.role, User.disabled, User.username,
                                         User.display_name, User.organization_id)
                                  .where(User.id == user.id)).first()
            if row is None or row.disabled:
                raise AuthenticationError("disabled", username=getattr(user, "username", "?"))
            return Actor(row.role, user.id, row.username, row.display_name, row.organization_id)
        exists = session.execute(select(User.id).limit(1)).first()
    return ANONYMOUS_ACTOR if exists is not None else SYSTEM_ACTOR


def actor_of(session: Session) -> Actor:
    uow = session.info.get(UOW_KEY)
    if uow is not None:
        return uow.actor
    actor = session.info.get(ACTOR_KEY)
    if actor is None:  # a bare session: decided once per transaction (after_transaction_end)
        actor = session.info[ACTOR_KEY] = resolve_actor(session, None)
    return actor


def _uow_organization(session: Session) -> int | None:
    uow = session.info.get(UOW_KEY)
    return uow.known_organization_id if uow is not None else None


# --- permissions -------------------------------------------------------------------------------

def check_write(actor: Actor, action: str, table: str, values: dict[str, Any] | None = None,
                allowed_offices: Iterable[int | None] = ()) -> None:
    """Raises PermissionDenied unless `actor` may `action` (create/update/delete) a row of
    `table` (values: the row's, for settings and the office check)."""
    if table == AUDIT_TABLE:
        raise PermissionDenied(actor.role, action, table)
    if actor.role == SYSTEM:
        return
    permission = table_permission(table, values, action)
    if permission is not None and not actor.holds(permission):
        raise PermissionDenied(actor.role, action, table)
    if actor.is_user and values is not None:
        office = values.get("organization_id")
        if table == "organizations" and action != "create":
            office = values.get("id")
        offices = {actor.organization_id, *allowed_offices}
        if office is not None and office not in offices:
            raise PermissionDenied(actor.role, "other_office")


def require(uow: Any, permission: str, action: str, entity: str = "") -> Actor:
    """The acting actor of `uow`'s transaction if it holds `permission`, else PermissionDenied
    naming `action` — for service functions that read (audit trail) or act outside the tables
    (reveal, backup)."""
    with uow:
        actor = uow.actor
    if not actor.holds(permission):
        raise PermissionDenied(actor.role, action, entity)
    return actor


def _row_values(obj: Any) -> dict[str, Any]:
    return inspect(obj).dict


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    new, deleted = list(session.new), list(session.deleted)
    dirty = [o for o in session.dirty if session.is_modified(o)]
    if not (new or dirty or deleted):
        return
    actor = actor_of(session)
    offices = (_uow_organization(session),)
    for action, objects in (("create", new), ("update", dirty), ("delete", deleted)):
        for obj in objects:
            check_write(actor, action, obj.__table__.name, _row_values(obj), offices)
    saving = []
    for obj in dirty + deleted:
        if isinstance(obj, Versioned):
            saving.append((type(obj), inspect(obj).identity, obj.version))
    session.info[VERSIONED_KEY] = saving
    # only rows whose own columns change: a lecturer's themes alone (a link table) leave the
    # lecturer's row, and so its version, as they were
    label = actor.label
    for obj in new + [o for o in dirty if session.is_modified(o, include_collections=False)]:
        if isinstance(obj, Versioned) and inspect(obj).dict.get("updated_by") != label:
            obj.updated_by = label


@event.listens_for(Session, "after_transaction_end")
def _forget_actor(session: Session, transaction) -> None:
    if transaction.parent is None:  # committed or rolled back: entries not written are void
        session.info.pop(ACTOR_KEY, None)
        session.info.pop(PENDING_KEY, None)
        session.info.pop(ANCHOR_KEY, None)


# --- the audit trail ---------------------------------------------------------------------------

def jsonable(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(value)} bytes>"
    if isinstance(value, str) and len(value) > LONG_TEXT:
        return value[:200] + f"…({len(value)})"
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    identity = inspect(value, raiseerr=False)
    if identity is not None and getattr(identity, "identity", None):
        key = identity.identity
        return key[0] if len(key) == 1 else list(key)
    return str(value)


def _dumps(values: Any) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=_json_default)


def _json_default(value: Any) -> Any:
    converted = jsonable(value)
    return converted if not isinstance(converted, type(value)) else str(value)


def _clean(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Values as the trail keeps them: no bookkeeping columns; secrets only as *** (that a
    password changed is kept, the hash is not)."""
    out = {k: ("***" if v is not None else None) if k in SECRET_COLUMNS
           else jsonable(mask_personal(k, v))
           for k, v in values.items() if k not in SKIPPED_COLUMNS and not k.startswith("_")}
    if table == "settings" and values.get("key") in SECRET_SETTINGS and "value" in out:
        out["value"] = "***"
    return out


def _snapshot(obj: Any) -> dict[str, Any]:
    """Every loaded column of `obj`, and the ids of loaded many-to-many collections."""
    state = inspect(obj)
    data = state.dict
    values = {a.key: data[a.key] for a in state.mapper.column_attrs if a.key in data}
    for rel in state.mapper.relationships:
        if rel.secondary is not None and rel.key in data:
            values[rel.key] = sorted(jsonable(v) for v in data[rel.key])
    if isinstance(obj, Setting):
        values.setdefault("key", obj.key)
    return _clean(obj.__table__.name, values)


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) of the columns and many-to-many collections that changed."""
    state = inspect(obj)
    before, after = {}, {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.added or history.deleted:
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                before[attr.key], after[attr.key] = old, new
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            kept = list(history.unchanged)
            before[rel.key] = sorted(jsonable(v) for v in kept + list(history.deleted))
            after[rel.key] = sorted(jsonable(v) for v in kept + list(history.added))
    table = obj.__table__.name
    before, after = _clean(table, before), _clean(table, after)
    if isinstance(obj, Setting) and obj.key in SECRET_SETTINGS:
        before = {k: ("***" if k == "value" else v) for k, v in before.items()}
    if (before or after) and isinstance(obj, Versioned):
        after["version"] = obj.version  # the version the change made, for "changed since"
    return before, after


def _summary(obj: Any, values: dict[str, Any]) -> str:
    for key in NAME_COLUMNS:
        if values.get(key):
            return str(values[key])[:200]
    data = inspect(obj).dict
    for key in NAME_COLUMNS:
        if data.get(key):
            return str(data[key])[:200]
    refs = [f"{k[:-3]} #{v}" for k, v in sorted(data.items())
            if k.endswith("_id") and k != "organization_id" and isinstance(v, int)]
    return ", ".join(refs)[:200]


def _organization(obj: Any, fallback: int | None) -> int | None:
    data = inspect(obj).dict
    if "organization_id" in data:
        return data["organization_id"]
    if isinstance(obj, Organization):
        return data.get("id")
    return fallback


def _record_id(obj: Any) -> int | None:
    """The row's id (a new row's identity is not set yet in after_flush; its dict has it)."""
    state = inspect(obj)
    columns = state.mapper.primary_key
    if len(columns) != 1:
        return None
    value = state.dict.get(state.mapper.get_property_by_column(columns[0]).key)
    return value if isinstance(value, int) else None


def audit_entry(actor: Actor, action: str, *, entity: str = "", record_id: int | None = None,
                summary: str = "", before: Any = None, after: Any = None,
                organization_id: int | None = None, at: dt.datetime | None = None) -> dict:
    """One row of audit_log, ready for an INSERT; a person's values apart in `personal`."""
    summary, before, after, personal = trail_personal.split(entity, (summary or "")[:200],
                                                            before, after)
    return {"organization_id": organization_id if organization_id is not None
            else actor.organization_id, "at": at or utcnow(), "user_id": actor.user_id,
            "username": actor.username or actor.role, "action": action, "entity": entity,
            "record_id": record_id, "summary": summary, "before": _dumps(before),
            "after": _dumps(after), "personal": personal}


def write_entries(session: Session, entries: list[dict]) -> None:
    """Appends to the trail on the session's connection (not through the ORM, so the guard's
    refusal of audit_log objects does not apply and nothing can later change them)."""
    if entries:
        connection = session.connection()
        chain_entries(connection, entries)
        connection.execute(AuditLog.__table__.insert(), entries)
        session.info[ANCHOR_KEY] = anchor.after_writing(session.get_bind(), connection)


@event.listens_for(Session, "after_commit")
def _advance_anchor(session: Session) -> None:
    written = session.info.pop(ANCHOR_KEY, None)  # this desk's anchor follows the trail
    if written is not None:
        anchor.advance(session.get_bind(), written)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    new, deleted = list(session.new), list(session.deleted)
    dirty = list(session.dirty)
    if not (new or dirty or deleted):
        return
    actor = actor_of(session)
    hint = _uow_organization(session)
    now = utcnow()
    entries = []
    for obj in new:
        values = _snapshot(obj)
        if isinstance(obj, Versioned):
            values["version"] = inspect(obj).dict.get("version", 1)
        entries.append(audit_entry(actor, "create", entity=obj.__table__.name,
                                   record_id=_record_id(obj), summary=_summary(obj, values),
                                   after=values, organization_id=_organization(obj, hint),
                                   at=now))
    for obj in dirty:
        before, after = _changes(obj)
        if before or after:
            entries.append(audit_entry(actor, "update", entity=obj.__table__.name,
                                       record_id=_record_id(obj), summary=_summary(obj, after),
                                       before=before, after=after,
                                       organization_id=_organization(obj, hint), at=now))
    for obj in deleted:
        values = _snapshot(obj)
        entries.append(audit_entry(actor, "delete", entity=obj.__table__.name,
                                   record_id=_record_id(obj), summary=_summary(obj, values),
                                   before=values, organization_id=_organization(obj, hint),
                                   at=now))
    _pending(session, entries)


def _pending(session: Session, entries: list[dict]) -> None:
    """Entries wait for the commit and are written in one INSERT then (a certificate issue
    flushes once per certificate; one INSERT per flush took a third of its time)."""
    session.info.setdefault(PENDING_KEY, []).extend(entries)


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    session.flush()  # the last changes' entries join the others
    entries = session.info.pop(PENDING_KEY, None)
    if entries:
        write_entries(session, entries)


# --- bulk statements ---------------------------------------------------------------------------

def _textual_statement(state) -> None:
    """A `text("…")` statement: each table it writes needs its permission like an ORM write
    (audit_log never); a statement of another kind (DDL, SET ROLE, COPY…) only the system may
    run. Writes are recorded in the trail."""
    session = state.session
    actor = actor_of(session)
    try:
        writes = statement_writes(str(state.statement))
    except UnknownWrite:
        if actor.role != SYSTEM:
            raise PermissionDenied(actor.role, "sql") from None
        return
    for action, table in writes:
        check_write(actor, action, table)
    if writes and actor.role != SYSTEM:
        _pending(session, [audit_entry(actor, action, entity=table,
                                       summary=str(state.statement)[:200],
                                       organization_id=_uow_organization(session))
                           for action, table in writes])


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state) -> Any:
    if isinstance(state.statement, TextClause):
        _textual_statement(state)
        return None
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(getattr(state.statement, "table", None), "name", "")
    action = "create" if state.is_insert else "update" if state.is_update else "delete"
    params = state.parameters
    rows = params if isinstance(params, list) else ([dict(params)] if params else [])
    return bulk_write(state.session, action, table, rows, state.invoke_statement,
                      state.statement)


def bulk_write(session: Session, action: str, table: str, rows: list[dict],
               execute: Callable[[], Any], statement: Any = None) -> Any:
    """A bulk statement writing `rows` to `table`: permission checked (and each office the rows
    name), `execute()` run, one trail entry pending with the rows. session.execute(insert(…),
    rows) comes here through do_orm_execute; a statement run on the connection itself (the
    trainee import's INSERT on the DBAPI cursor) calls it directly, to be held to the same."""
    actor = actor_of(session)
    hint = _uow_organization(session)
    if table == "settings":
        for values in rows or [{}]:
            check_write(actor, action, table, values, (hint,))
    else:
        check_write(actor, action, table)
        if actor.is_user:
            for office in {r.get("organization_id") for r in rows} - {None}:
                check_write(actor, action, table, {"organization_id": office}, (hint,))
    result = execute()
    after = _bulk_values(table, rows)
    if action == "create":
        summary = f"{len(rows)} rows"
    else:
        summary = f"{getattr(result, 'rowcount', -1)} rows: {statement}"[:200]
    _pending(session, [audit_entry(actor, action, entity=table, summary=summary, after=after,
                                   organization_id=hint)])
    return result


def _bulk_values(table: str, rows: list[dict]) -> dict | None:
    """The rows of a bulk statement for the trail, as {"columns": [...], "rows": [[...], ...]}
    (the trainee import sends 200,000 rows: written with their keys each, the trail would take
    as much room again as the trainees). audit.list_audit gives them back as dicts."""
    if not rows:
        return None
    if table == "settings":
        rows = [_clean(table, r) for r in rows]
    columns = [c for c in rows[0] if c not in SKIPPED_COLUMNS]
    secret = [i for i, c in enumerate(columns) if c in SECRET_COLUMNS]
    masks = [(i, PERSONAL_FIELDS[c]) for i, c in enumerate(columns) if c in PERSONAL_FIELDS]
    values = [[r.get(c) for c in columns] for r in rows]
    for line in values:
        for i in secret:
            line[i] = "***" if line[i] is not None else None
        for i, mask in masks:  # stored masked: security.personal.mask_personal, inlined
            if line[i]:
                line[i] = mask(line[i])
    return {BULK_COLUMNS: columns, BULK_ROWS: values}
