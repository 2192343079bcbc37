"""What a search box fragment becomes in SQL, so that each keystroke is answered from an index
at a million trainees (the Trainees page: trainees.page_trainees and count_trainees_capped).

- pinyin initials → a range of the (organization_id, name_initials) index;
- 12 or more digits, or an X → a range of the ID number index (only an ID number is so long);
- a fragment of 3 or more characters — part of a name, of an ID number or of a mobile — →
  the trigram index of migration 0010: on SQLite the FTS5 table trainees_fts, read in rowid
  order and stopped at the page's end; on PostgreSQL LIKE '%…%', which the pg_trgm GIN indexes
  answer (strpos cannot use them). The exact condition is kept beside the index's, so the
  answers are the same with the index or without it (an older SQLite, no pg_trgm);
- shorter fragments: scans in the order shown, stopped at the page's end, as before."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Integer, column, false, func, select, table
from sqlalchemy.sql import FromClause

from trainer.db.models import Organization, Trainee
from trainer.db.search_index import FTS as FTS_TABLE, TRIGGERS
from trainer.rules.text import clean_code, clean_text
from trainer.security.personal import may_reveal, visible_tail

TRIGRAM = 3  # the shortest fragment a trigram index answers
FTS = table("trainees_fts", column("rowid", Integer), column("trainees_fts"))
_SQLITE_MASTER = table("sqlite_master", column("type"), column("name"))


@dataclass
class SearchPlan:
    conds: list[Any]  # WHERE, all of them
    order: tuple  # ORDER BY; the last is the row's id (the keyset cursor's tie-break)
    source: FromClause | None = None  # FROM, when not the trainees table alone
    match: ColumnElement[bool] | None = field(default=None)  # the FTS condition alone
    kind: str = "all"


def search_kind(search: str) -> tuple[str, str]:
    """('all'|'initials'|'number'|'name', normalised query) for what was typed."""
    q = clean_text(search)
    if not q:
        return "all", ""
    code = clean_code(q)
    if re.fullmatch(r"[0-9]+X?", code):
        return "number", code
    if re.fullmatch(r"[A-Za-z]+", q):
        return "initials", q.lower()
    return "name", q


def has_fts(session) -> bool:
    """Whether this SQLite database has the trigram table and the three triggers that keep it
    in step (migration 0010 on SQLite ≥ 3.34; db/search_index.py)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.scalar(select(func.count()).select_from(_SQLITE_MASTER).where(
        _SQLITE_MASTER.c.name.in_((FTS_TABLE, *TRIGGERS))))
    return found == 1 + len(TRIGGERS)


def _phrase(columns: str, text: str) -> str:
    """An FTS5 query: `text` as one phrase (a substring, for the trigram tokenizer) in
    `columns`; a double quote inside is written twice, as FTS5 wants."""
    return f'{columns} : "{text.replace(chr(34), chr(34) * 2)}"'


def _match(query: str) -> ColumnElement[bool]:
    return FTS.c.trainees_fts.op("MATCH")(query)


def _contains(dialect: str, column, text: str) -> ColumnElement[bool]:
    if len(text) >= TRIGRAM:  # LIKE: what a trigram index answers
        return column.contains(text, autoescape=True)
    # instr/strpos do not need LIKE's escaping and case folding: on SQLite about a third faster.
    if dialect == "sqlite":
        return func.instr(column, text) > 0
    if dialect == "postgresql":
        return func.strpos(column, text) > 0
    return column.contains(text, autoescape=True)


def tail_matches(tail: str) -> ColumnElement[bool]:
    return Trainee.id_number.endswith(tail, autoescape=True) | \
        Trainee.mobile.endswith(tail, autoescape=True)


def search_plan(uow, search: str, enterprise_id: int | None) -> SearchPlan:
    session, organization_id = uow.session, uow.organization_id
    kind, q = search_kind(search)
    conds: list[Any] = [Trainee.organization_id == organization_id]
    if enterprise_id is not None:
        conds.append(Trainee.enterprise_id == enterprise_id)
    if kind == "initials":
        upper = q[:-1] + chr(ord(q[-1]) + 1)
        conds += [Trainee.name_initials >= q, Trainee.name_initials < upper]
        return SearchPlan(conds, (Trainee.name_initials, Trainee.id), kind=kind)
    if kind == "number" and not may_reveal(uow):  # masked: only the visible last four
        conds.append(tail_matches(q) if visible_tail(q) else false())
        return SearchPlan(conds, (Trainee.id,), kind=kind)
    dialect = session.get_bind().dialect.name
    if kind == "number":
        if "X" in q or len(q) > 11:  # only an ID number is that long: the start of one,
            # typed from the left, is a range of the (organization_id, id_number) index
            conds += [Trainee.id_number >= q, Trainee.id_number < q + "\x7f"]
            return SearchPlan(conds, (Trainee.id_number, Trainee.id), kind=kind)
        conds.append(_contains(dialect, Trainee.id_number, q) |
                     _contains(dialect, Trainee.mobile, q))
        if len(q) >= TRIGRAM and has_fts(session):
            # the index's rows in rowid (= id) order, each joined to its trainee: a page
            # stops after its rows however many match
            match = _match(_phrase("{id_number mobile}", q))
            return SearchPlan(conds + [match], (FTS.c.rowid,),
                              FTS.join(Trainee, Trainee.id == FTS.c.rowid), match, kind)
        return SearchPlan(conds, (Trainee.id,), kind=kind)
    if kind == "name":
        conds.append(Trainee.name.contains(q, autoescape=True))
        if len(q) >= TRIGRAM and has_fts(session):
            conds.append(Trainee.id.in_(select(FTS.c.rowid).where(
                _match(_phrase("name", q)))))
    return SearchPlan(conds, (Trainee.name, Trainee.id), kind=kind)


def fts_count_is_exact(uow, plan: SearchPlan, enterprise_id: int | None) -> bool:
    """Whether the FTS table alone counts the matches of `plan`: a trigram phrase of digits
    matches exactly the ID numbers and mobiles holding it, so only the office is left to
    check, and a database of one office needs no check."""
    return (plan.match is not None and enterprise_id is None
            and uow.session.scalar(select(func.count()).select_from(Organization)) == 1)
