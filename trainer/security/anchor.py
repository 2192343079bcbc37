"""The audit trail's anchor (issue 20): the hash chain shows an entry changed or removed in the
middle, but not the newest entries cut off — what remains still chains. So each desk keeps,
outside the database, where the trail had got to: after every transaction that wrote entries,
the newest entry's id and chain value (and the first entry's chain, which names the trail) go
to a small file in the user's data folder, one per database. `trainer audit verify` then
reports entries missing at the end when the trail no longer reaches that entry, or holds
another entry under its id.

The file only ever moves forward (a higher id of the same trail). It is set back explicitly by
what legitimately makes a trail shorter or new: a new database, a restore, a migration that
re-chains the trail (CHAIN_VERSION). Someone who cuts the trail and also edits every desk's
anchor file goes undetected; someone with the database alone does not."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

CHAIN_VERSION = 2  # raised by a migration that re-chains the trail: older anchors are void
_lock = threading.Lock()  # desks in threads of one process write the same file


@dataclass(frozen=True)
class Anchor:
    last_id: int  # the newest entry this desk has seen written
    last_chain: str
    origin: str  # the first entry's chain: which trail this is
    version: int = CHAIN_VERSION


def anchor_path(engine: Engine) -> Path:
    """The anchor file of the database behind `engine` (its URL without the password; a SQLite
    file by its absolute path)."""
    from trainer.config import data_dir

    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        name = "sqlite:" + os.path.abspath(url.database)
    else:
        name = url.render_as_string(hide_password=True)
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return data_dir() / "audit-anchors" / f"{digest}.json"


def head(conn: Connection) -> Anchor | None:
    """The trail's newest entry and its first entry's chain, or None for an empty trail."""
    last = conn.execute(text("SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    if last is None:
        return None
    origin = conn.execute(text("SELECT chain FROM audit_log ORDER BY id LIMIT 1")).scalar()
    return Anchor(last.id, last.chain or "", origin or "")


def after_writing(engine: Engine, conn: Connection) -> Anchor | None:
    """The anchor to move to once the transaction that just wrote entries on `conn` commits:
    the trail's head, unless the trail no longer reaches the anchor held (then the anchor stays
    where it is, so the cut stays visible however many entries are written after it)."""
    now = head(conn)
    held = read(engine)
    if now is None or (held is not None and held.version == CHAIN_VERSION
                       and _shortfall(conn, held, now) is not None):
        return None
    return now


def read(engine: Engine) -> Anchor | None:
    try:
        values = json.loads(anchor_path(engine).read_text(encoding="utf-8"))
        return Anchor(int(values["last_id"]), str(values["last_chain"]), str(values["origin"]),
                      int(values.get("version", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def advance(engine: Engine, anchor: Anchor) -> None:
    """Moves this desk's anchor to `anchor` (entries just committed) if it is further along the
    same trail, or the anchor held is void (none, damaged, an older chain version)."""
    with _lock:
        held = read(engine)
        if (held is not None and held.version == CHAIN_VERSION
                and (held.origin != anchor.origin or held.last_id >= anchor.last_id)):
            return  # another trail under this name: only reset() replaces it
        _write(engine, anchor)


def reset(engine: Engine) -> None:
    """Sets the anchor to the trail as it is now (a new database, a restore, a re-chain)."""
    with engine.connect() as conn:
        now = head(conn)
    with _lock:
        if now is None:
            anchor_path(engine).unlink(missing_ok=True)
        else:
            _write(engine, now)


def _write(engine: Engine, anchor: Anchor) -> None:
    path = anchor_path(engine)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".anchor.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"last_id": anchor.last_id, "last_chain": anchor.last_chain,
                       "origin": anchor.origin, "version": CHAIN_VERSION}, fh)
        os.replace(tmp, path)
    except OSError:  # a read-only profile: the anchor is a check, not a condition to work
        return


@dataclass(frozen=True)
class Shortfall:
    """The trail no longer reaches this desk's anchor: the entries after `present` (the newest
    one left, 0: none) up to at least `expected` were removed, or the entry under `expected`
    is another one (`replaced`)."""

    present: int
    expected: int
    replaced: bool = False


def check(engine: Engine, conn: Connection) -> Shortfall | None:
    """Compares the trail with this desk's anchor; None when it reaches it (or there is no
    valid anchor to compare with)."""
    anchor = read(engine)
    if anchor is None or anchor.version != CHAIN_VERSION:
        return None
    return _shortfall(conn, anchor, head(conn))


def _shortfall(conn: Connection, anchor: Anchor, now: Anchor | None) -> Shortfall | None:
    if now is None:
        return Shortfall(0, anchor.last_id)
    if now.origin != anchor.origin:
        return Shortfall(0, anchor.last_id, replaced=True)
    at_anchor = conn.execute(text("SELECT chain FROM audit_log WHERE id = :id"),
                             {"id": anchor.last_id}).first()
    if at_anchor is None:
        below = conn.execute(text("SELECT max(id) FROM audit_log WHERE id < :id"),
                             {"id": anchor.last_id}).scalar()
        return Shortfall(below or 0, anchor.last_id)
    if at_anchor.chain != anchor.last_chain:
        return Shortfall(anchor.last_id - 1, anchor.last_id, replaced=True)
    return None
