"""The audit trail's hash chain: each entry stores SHA-256(previous entry's chain, its own
values), so changing or removing an entry afterwards breaks the chain there; verify_chain
finds the first break. Of the personal values (column `personal`) the chain covers each
group's digest (security/trail_personal.py), so a purge can blank them and the chain holds.

Appending takes the trail's write lock first (PostgreSQL: a transaction-level advisory lock;
SQLite: the database's write lock), so two desks writing at once cannot both chain onto the
same entry. Kept free of ORM imports: the migration that introduced the chain uses `link`."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import Connection, text

from trainer.security.trail_personal import digests

FIELDS = ("organization_id", "at", "user_id", "username", "action", "entity", "record_id",
          "summary", "before", "after")
PERSONAL = "personal"  # covered through its digests (revision 0012)
LOCK_KEY = 20_2012_0005  # pg_advisory_xact_lock: "appending to audit_log"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    return value


def link(previous: str | None, entry: Mapping[str, Any]) -> str:
    """The chain value of `entry` following an entry whose chain is `previous`."""
    values = json.dumps([_plain(entry.get(f)) for f in FIELDS]
                        + [digests(entry.get(PERSONAL))], ensure_ascii=False,
                        separators=(",", ":"))
    return hashlib.sha256(f"{previous or ''}\n{values}".encode("utf-8")).hexdigest()


def link_v1(previous: str | None, entry: Mapping[str, Any]) -> str:
    """The chain as revisions 0007–0011 made it (all values, none apart): for the migrations."""
    values = json.dumps([_plain(entry.get(f)) for f in FIELDS], ensure_ascii=False,
                        separators=(",", ":"))
    return hashlib.sha256(f"{previous or ''}\n{values}".encode("utf-8")).hexdigest()


def last_link(conn: Connection) -> str:
    """Takes the trail's write lock for this transaction and returns the newest chain value."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    else:  # a write statement takes SQLite's write lock (matching no row, it changes nothing)
        conn.execute(text("UPDATE audit_log SET chain = chain WHERE id IS NULL"))
    return conn.execute(text("SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1")).scalar() or ""


def chain_entries(conn: Connection, entries: list[dict]) -> None:
    """Sets each entry's `chain`, in order, after the newest entry of the trail."""
    previous = last_link(conn)
    for entry in entries:
        entry["chain"] = previous = link(previous, entry)


@dataclass(frozen=True)
class ChainReport:
    """The result of a verification: how many entries were checked, and the first entry whose
    stored chain does not follow from the one before (None: the chain is whole)."""

    checked: int
    first_break: int | None = None
    break_at: dt.datetime | None = None
    missing: Any = None  # anchor.Shortfall: the newest entries cut off (this desk's anchor)

    @property
    def intact(self) -> bool:
        return self.first_break is None and self.missing is None


def verify_rows(rows) -> ChainReport:
    """Walks (id, chain, *FIELDS, personal) rows in id order."""
    previous, checked = "", 0
    for row in rows:
        values = row._mapping
        checked += 1
        expected = link(previous, values)
        if values["chain"] != expected:
            return ChainReport(checked, values["id"], values["at"])
        previous = values["chain"]
    return ChainReport(checked)
