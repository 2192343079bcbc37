"""audit trail: personal values apart, so they can be purged

`audit_log.personal` holds a person's values (a trainee's name, gender, ID number, birth date,
mobile, notes, post; an ID number or mobile anywhere) in salted groups; the hash chain covers
each group's digest instead of the values (trainer.security.trail_personal), so a purge after
the retention period blanks them and the chain still verifies. Entries already there are
moved the same way — ID numbers and mobiles written in full before they were masked are masked
now — and the trail is chained again in id order. An entry where the old chain was already
broken stays broken under the new one, so `trainer audit verify` still names it.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
import json

from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

COLUMNS = ("id", "organization_id", "at", "user_id", "username", "action", "entity",
           "record_id", "summary", "before", "after", "chain")
BATCH = 500
BROKEN = "broken before revision 0012"  # what an entry that did not follow is chained to


def _log(*extra: str):
    return sa.table("audit_log", *(sa.column(c, sa.DateTime()) if c == "at" else sa.column(c)
                                   for c in COLUMNS + extra))


def _follows(old_link, previous: str, values: dict) -> bool:
    """Does the entry follow under the old chain? Revision 0007 chained the entries it found
    with `at` as SQLite had stored it (text), later entries with the datetime."""
    if values["chain"] == old_link(previous, values):
        return True
    at = values["at"]
    return at is not None and values["chain"] == old_link(
        previous, {**values, "at": at.strftime("%Y-%m-%d %H:%M:%S.%f")})


def _dumps(values):
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _masked(values):
    """ID numbers and mobiles written in full before the trail masked them, masked."""
    from trainer.security.personal import PERSONAL_FIELDS, mask_personal

    if isinstance(values, dict) and set(values) == {"columns", "rows"}:
        columns = values["columns"]
        rows = [[mask_personal(c, v) if isinstance(v, str) else v for c, v in zip(columns, line)]
                for line in values["rows"]]
        return {"columns": columns, "rows": rows}
    if isinstance(values, dict):
        return {k: (mask_personal(k, v) if k in PERSONAL_FIELDS and isinstance(v, str) else v)
                for k, v in values.items()}
    return values


def _rechain(conn, log, convert, old_link, new_link) -> None:
    """Walks the trail in id order: checks each entry against the old chain, converts it and
    chains it anew (an entry the old chain did not reach stays broken)."""
    ids = [r[0] for r in conn.execute(sa.select(log.c.id).order_by(log.c.id))]
    old_previous = new_previous = ""
    update = (log.update().where(log.c.id == sa.bindparam("_id"))
              .values(summary=sa.bindparam("_summary"), before=sa.bindparam("_before"),
                      after=sa.bindparam("_after"), chain=sa.bindparam("_chain"),
                      personal=sa.bindparam("_personal")))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = conn.execute(sa.select(*log.c).where(log.c.id.in_(chunk))
                            .order_by(log.c.id)).all()
        changes = []
        for row in rows:
            values = dict(row._mapping)
            broken = not _follows(old_link, old_previous, values)
            old_previous = values["chain"]
            values.update(convert(values))
            chain = new_link(BROKEN if broken else new_previous, values)
            new_previous = chain
            changes.append({"_id": values["id"], "_summary": values["summary"],
                            "_before": values["before"], "_after": values["after"],
                            "_chain": chain, "_personal": values.get("personal")})
        if changes:
            conn.execute(update, changes)


def _apart(values: dict) -> dict:
    from trainer.security.trail_personal import split

    before = _masked(json.loads(values["before"])) if values["before"] else None
    after = _masked(json.loads(values["after"])) if values["after"] else None
    summary, before, after, personal = split(values["entity"] or "", values["summary"] or "",
                                             before, after)
    return {"summary": summary, "before": _dumps(before), "after": _dumps(after),
            "personal": personal}


def _together(values: dict) -> dict:
    from trainer.security.trail_personal import merged

    summary, before, after = merged(
        values["summary"] or "", json.loads(values["before"]) if values["before"] else None,
        json.loads(values["after"]) if values["after"] else None, values.get("personal"))
    return {"summary": summary, "before": _dumps(before), "after": _dumps(after),
            "personal": None}


def upgrade() -> None:
    from trainer.security.chain import link, link_v1

    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("personal", sa.Text(), nullable=True))
    _rechain(op.get_bind(), _log("personal"), _apart, link_v1, link)


def downgrade() -> None:
    from trainer.security.chain import link, link_v1

    _rechain(op.get_bind(), _log("personal"), _together, link, link_v1)
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("personal")
