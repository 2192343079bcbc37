"""Retention of personal values in the audit trail (issue 20): a deleted trainee's name, ID
number, mobile and the rest do not stay in the trail for ever. `audit.retention_days` after a
trainee was deleted, `purge_deleted_trainees` blanks the personal values of every entry about
them up to the deletion, and of the rows of bulk imports that were theirs (same name and
masked ID number, and no trainee of the office has them now). What the entries say otherwise
(who, when, which record, which fields) stays, and the hash chain still verifies: it covers
the values' digests (security/trail_personal.py). Each purge is an entry of the trail itself.
Administrators only; `dry_run` counts without changing anything."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, and_, select, update

from trainer.db.base import utcnow
from trainer.db.models import AuditLog, Trainee
from trainer.security import guard, trail_personal
from trainer.security.personal import mask_personal
from trainer.security.roles import AUDIT
from trainer.services.uow import UnitOfWork

TRAINEES = "trainees"


@dataclass(frozen=True)
class PurgeReport:
    trainees: int  # deleted trainees whose values were (or would be) purged
    entries: int  # audit entries changed (or to change)
    values: int  # groups of values purged: an entry's own, or one row of an import
    retention_days: int
    dry_run: bool


def _identity(values: dict) -> tuple[str, str]:
    return (str(values.get("name") or ""), str(mask_personal("id_number",
                                                             values.get("id_number")) or ""))


def _deletions(conn: Connection, organization_id: int, cutoff: dt.datetime) -> dict[int, tuple]:
    """record id → (id of its delete entry, its identity) for trainees deleted before cutoff."""
    rows = conn.execute(select(AuditLog.id, AuditLog.record_id, AuditLog.personal).where(
        AuditLog.entity == TRAINEES, AuditLog.action == "delete",
        AuditLog.organization_id == organization_id, AuditLog.at < cutoff,
        AuditLog.record_id.is_not(None)).order_by(AuditLog.id))
    found = {}
    for entry_id, record_id, personal in rows:
        groups = json.loads(personal) if personal else {}
        own = groups.get(trail_personal.ENTRY)
        identity = _identity(own[1].get("before", {})) if isinstance(own, list) else None
        found[record_id] = (entry_id, identity)
    return found


def _own_entries(conn: Connection, deletions: dict[int, tuple]) -> tuple[list, set[int]]:
    """(entry id, new personal, 1) of each unpurged entry about a deleted trainee, up to its
    deletion (an id used again later belongs to someone else), and the trainees they were."""
    changed, trainees = [], set()
    for record_id, (last, _identity) in deletions.items():
        rows = conn.execute(select(AuditLog.id, AuditLog.personal).where(
            AuditLog.entity == TRAINEES, AuditLog.record_id == record_id,
            AuditLog.id <= last, AuditLog.personal.is_not(None)))
        for entry_id, personal in rows:
            purged, count = trail_personal.purge(personal)
            if count:
                changed.append((entry_id, purged, count))
                trainees.add(record_id)
    return changed, trainees


def _import_rows(conn: Connection, organization_id: int, gone: set[tuple[str, str]],
                 cutoff: dt.datetime) -> list[tuple[int, str, int]]:
    """(entry id, new personal, rows purged) of bulk entries holding rows of deleted trainees
    that no trainee of the office has now."""
    if not gone:
        return []
    current = {(name, str(mask_personal("id_number", number) or "")) for name, number in
               conn.execute(select(Trainee.name, Trainee.id_number).where(
                   Trainee.organization_id == organization_id))}
    gone = gone - current
    changed = []
    rows = conn.execute(select(AuditLog.id, AuditLog.personal).where(and_(
        AuditLog.entity == TRAINEES, AuditLog.record_id.is_(None),
        AuditLog.organization_id == organization_id, AuditLog.at < cutoff,
        AuditLog.personal.like(f'%"{trail_personal.ROWS}"%'))))
    for entry_id, personal in rows:
        groups = json.loads(personal)
        columns = groups[trail_personal.COLUMNS]
        hits = [n for n, group in enumerate(groups[trail_personal.ROWS])
                if isinstance(group, list) and _identity(dict(zip(columns, group[1]))) in gone]
        if hits:
            purged, count = trail_personal.purge(personal, hits)
            changed.append((entry_id, purged, count))
    return changed


def purge_deleted_trainees(uow: UnitOfWork, *, dry_run: bool = False,
                           now: dt.datetime | None = None) -> PurgeReport:
    """Blanks the personal values of trainees deleted more than `audit.retention_days` ago
    (0: all deleted trainees) in the trail, and records the purge."""
    from trainer.services.settings import get_setting

    actor = guard.require(uow, AUDIT, "audit")
    days = int(get_setting(uow, "audit.retention_days"))
    cutoff = (now or utcnow()) - dt.timedelta(days=max(days, 0))
    with uow:
        conn = uow.session.connection()
        org = uow.organization_id
        deletions = _deletions(conn, org, cutoff)
        own, touched = _own_entries(conn, deletions)
        gone = {identity for _last, identity in deletions.values()
                if identity is not None and identity[0]}
        rows = _import_rows(conn, org, gone, cutoff)
        report = PurgeReport(len(touched), len(own) + len(rows),
                             sum(c for _e, _p, c in own + rows), days, dry_run)
        if dry_run or not report.entries:
            return report
        for entry_id, personal, _count in own + rows:
            conn.execute(update(AuditLog.__table__).where(AuditLog.id == entry_id)
                         .values(personal=personal))
        guard.write_entries(uow.session, [guard.audit_entry(
            actor, "purge", entity="audit_log", organization_id=org,
            summary=f"{report.trainees} trainees, {report.entries} entries",
            after={"trainees": report.trainees, "entries": report.entries,
                   "values": report.values, "retention_days": days})])
    return report
