"""Reading the audit trail, and the entries services add themselves: a reveal of personal
data, a full export, a backup or restore. (Creates, updates and deletes are recorded by the
session events in guard.py.) The trail is read by administrators; ID numbers and mobiles in it
stay masked unless the reader reveals them, which is recorded too."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from trainer.db.engine import Database
from trainer.db.models import AuditLog, User
from trainer.errors import FieldChange, PermissionDenied, StaleEditError
from trainer.security import anchor, guard
from trainer.security.chain import FIELDS as CHAIN_FIELDS, ChainReport, verify_rows
from trainer.security.personal import PERSONAL_FIELDS
from trainer.security.trail_personal import PURGED, merged
from trainer.security.roles import AUDIT, REVEAL
from trainer.texts.security import AUDIT_ACTIONS, TABLE_ENTITIES
from trainer.texts import label
from trainer.services.uow import UnitOfWork

CHANGES_LOOKED_AT = 50  # audit entries read to tell what another user changed


@dataclass(frozen=True)
class AuditRecord:
    """One entry of the trail. `at` is UTC without a zone; before/after are the changed
    columns (a dict; a list of rows for a bulk statement), None when there are none."""

    id: int
    at: dt.datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    record_id: int | None
    summary: str
    before: Any
    after: Any

    def action_label(self, lang: str | None = None) -> str:
        return label(AUDIT_ACTIONS, self.action, lang)


def can_reveal(uow: UnitOfWork) -> bool:
    """May the acting user see full ID numbers and mobiles?"""
    with uow:
        return uow.actor.holds(REVEAL)


def record_reveal(uow: UnitOfWork, what: str, *, entity: str = "", export: bool = False,
                  record_id: int | None = None) -> None:
    """Checks the reveal permission (PermissionDenied) and records that `what` (e.g.
    "list trainees --search 张") was shown — or exported in full (export=True) — unmasked.
    Call it before showing the data."""
    action = "export" if export else "reveal"
    with uow:
        actor = uow.actor
        if not actor.holds(REVEAL):
            raise PermissionDenied(actor.role, action)
        guard.write_entries(uow.session, [guard.audit_entry(
            actor, action, entity=entity, record_id=record_id, summary=what,
            organization_id=uow.organization_id)])


def record_event(uow: UnitOfWork, action: str, *, entity: str = "", record_id: int | None = None,
                 summary: str = "", before: Any = None, after: Any = None) -> None:
    """An entry for an act that is no row change (backup, restore…), as the acting user."""
    with uow:
        guard.write_entries(uow.session, [guard.audit_entry(
            uow.actor, action, entity=entity, record_id=record_id, summary=summary,
            before=before, after=after, organization_id=uow.known_organization_id)])


def _utc(moment: dt.date | dt.datetime, end: bool = False) -> dt.datetime:
    """A local date (its first moment, or the next day's with end=True) or a local / aware
    datetime, as UTC without a zone."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment + dt.timedelta(days=1 if end else 0), dt.time())
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive = local time, as the user typed it
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _filtered(uow: UnitOfWork, user: str | None, entity: str | None, record_id: int | None,
              action: str | None, since, until) -> Select:
    org = uow.organization_id
    stmt = select(AuditLog).where((AuditLog.organization_id == org)
                                  | AuditLog.organization_id.is_(None))
    if user:
        stmt = stmt.where(AuditLog.username == user.strip().lower())
    if entity:
        tables = [t for t, e in TABLE_ENTITIES.items() if e == entity] or [entity]
        stmt = stmt.where(AuditLog.entity.in_(tables))
    if record_id is not None:
        stmt = stmt.where(AuditLog.record_id == record_id)
    if action:
        stmt = stmt.where(AuditLog.action == action)
    if since is not None:
        stmt = stmt.where(AuditLog.at >= _utc(since))
    if until is not None:
        stmt = stmt.where(AuditLog.at < _utc(until, end=not isinstance(until, dt.datetime)))
    return stmt


def list_audit(uow: UnitOfWork, *, user: str | None = None, entity: str | None = None,
               record_id: int | None = None, action: str | None = None,
               since: dt.date | dt.datetime | None = None,
               until: dt.date | dt.datetime | None = None, limit: int | None = 200,
               offset: int = 0, reveal: bool = False) -> list[AuditRecord]:
    """The office's trail, newest first, filtered by user name, entity (code like `trainee` or
    table like `trainees`), record id, action and a period (local dates: `until` counts whole
    days). Administrators only; personal data masked unless `reveal` (recorded)."""
    guard.require(uow, AUDIT, "audit")
    if reveal:
        record_reveal(uow, "audit" + (f" {entity}" if entity else "")
                      + (f" #{record_id}" if record_id is not None else ""), entity="audit_log")
    with uow:
        stmt = _filtered(uow, user, entity, record_id, action, since, until)
        stmt = stmt.order_by(AuditLog.at.desc(), AuditLog.id.desc()).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_to_record(r, reveal) for r in uow.session.scalars(stmt)]


def verify_trail(uow: UnitOfWork) -> ChainReport:
    """Walks the whole trail (every office: the chain is one) in order and reports the first
    entry that does not follow from the one before — changed, or after a removed one — and
    then whether it still reaches this desk's anchor (entries cut off at the end).
    Administrators only."""
    guard.require(uow, AUDIT, "audit")
    columns = [AuditLog.id, AuditLog.chain, AuditLog.personal] + [getattr(AuditLog, f)
                                                                  for f in CHAIN_FIELDS]
    with uow:
        rows = uow.session.execute(select(*columns).order_by(AuditLog.id)
                                   .execution_options(yield_per=2000))
        try:
            report = verify_rows(rows)
        finally:
            rows.close()  # a break found early leaves the streamed (server-side) cursor open
        if report.first_break is not None:
            return report
        missing = anchor.check(uow.database.engine, uow.session.connection())
        return dataclasses.replace(report, missing=missing) if missing else report


def count_audit(uow: UnitOfWork, **filters) -> int:
    guard.require(uow, AUDIT, "audit")
    with uow:
        stmt = _filtered(uow, filters.get("user"), filters.get("entity"),
                         filters.get("record_id"), filters.get("action"), filters.get("since"),
                         filters.get("until"))
        return uow.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _masked(values: Any) -> Any:
    if isinstance(values, list):
        return [_masked(v) for v in values]
    if isinstance(values, dict):
        return {k: (PERSONAL_FIELDS[k](v) if k in PERSONAL_FIELDS and isinstance(v, str) and v
                    and v != PURGED else v) for k, v in values.items()}
    return values


def _entry_values(row) -> tuple[str, Any, Any]:
    """(summary, before, after) of a stored entry with its personal values put back (PURGED
    where purged); a bulk statement's rows as a list of dicts, one a row."""
    summary, before, after = merged(row.summary, json.loads(row.before) if row.before else None,
                                    json.loads(row.after) if row.after else None, row.personal)
    return summary, _loads(before), _loads(after)


def _loads(values: Any) -> Any:
    """A bulk statement's {"columns", "rows"} as a list of dicts, one a row."""
    if isinstance(values, dict) and values.keys() == {guard.BULK_COLUMNS, guard.BULK_ROWS}:
        columns = values[guard.BULK_COLUMNS]
        return [dict(zip(columns, line)) for line in values[guard.BULK_ROWS]]
    return values


def _to_record(row: AuditLog, reveal: bool) -> AuditRecord:
    summary, before, after = _entry_values(row)
    if not reveal:
        before, after = _masked(before), _masked(after)
    return AuditRecord(row.id, row.at, row.user_id, row.username, row.action, row.entity,
                       row.record_id, summary, before, after)


# --- "changed by <user> at <time>" -------------------------------------------------------------

def changes_since(session: Session, table: str, record_id: int,
                  expected_version: int) -> tuple[str, tuple[FieldChange, ...]]:
    """Who saved `table` row `record_id` last, and what changed since the user loaded
    `expected_version`: each field's value then and now, from the trail's update entries."""
    rows = session.execute(
        select(AuditLog.username, AuditLog.user_id, AuditLog.summary, AuditLog.before,
               AuditLog.after, AuditLog.personal)
        .where(and_(AuditLog.entity == table, AuditLog.record_id == record_id,
                    AuditLog.action == "update"))
        .order_by(AuditLog.id.desc()).limit(CHANGES_LOOKED_AT)).all()
    first: dict[str, Any] = {}
    last: dict[str, Any] = {}
    who = ""
    for row in rows:  # newest first
        username, user_id = row.username, row.user_id
        _summary, before, after = _entry_values(row)
        before, after = before or {}, after or {}
        version = after.get("version")
        if version is not None and version <= expected_version:
            break
        if not who:
            who = _display_name(session, user_id, username)
        for key, value in after.items():
            if key != "version":
                last.setdefault(key, value)
                first[key] = before.get(key)
    changes = tuple(FieldChange(k, _shown(session, k, first[k]), _shown(session, k, last[k]))
                    for k in sorted(last) if first.get(k) != last[k])
    return who, changes


def _shown(session: Session, key: str, value: Any) -> Any:
    """A reference as people know it: the lecturer's or venue's name, not its id."""
    from trainer.db.models import Course, Enterprise, Lecturer, Venue

    named = {"lecturer_id": Lecturer, "venue_id": Venue, "enterprise_id": Enterprise,
             "course_id": Course}
    if key not in named or not isinstance(value, int):
        return value
    model = named[key]
    column = model.title if model is Course else model.name
    return session.scalar(select(column).where(model.id == value)) or value


def _display_name(session: Session, user_id: int | None, username: str) -> str:
    if user_id is None:
        return ""
    shown = session.scalar(select(User.display_name).where(User.id == user_id))
    return shown or username


def stale_edit_error(database: Database, saving) -> StaleEditError:
    """The StaleEditError for a save the version column refused (two users saved the same row
    at the same moment): finds which of the rows being saved changed, and how."""
    with database.session_factory() as session:
        for model, identity, version in saving:
            row = session.get(model, identity)
            table = model.__table__.name
            entity = TABLE_ENTITIES.get(table, table)
            if row is None:
                return StaleEditError(entity, f"#{identity[0]}", version, 0, None)
            if row.version != version:
                return stale_error_for_row(session, row, version, entity, _name_of(row))
    return StaleEditError("", "?", 0, 0, None)


def stale_error_for_row(session: Session | None, row: Any, expected: int, entity: str,
                        name: str) -> StaleEditError:
    """StaleEditError for `row`, loaded at `expected` and now at row.version: who saved it last
    (its updated_by) and what they changed (the trail)."""
    who, changes = "", ()
    if session is not None:
        with session.no_autoflush:
            who, changes = changes_since(session, row.__table__.name, row.id, expected)
    return StaleEditError(entity, name, expected, row.version, row.updated_at,
                          updated_by=getattr(row, "updated_by", "") or who, changes=changes)


def _name_of(row: Any) -> str:
    for key in guard.NAME_COLUMNS:
        value = getattr(row, key, None)
        if value:
            return str(value)
    return f"#{row.id}"
