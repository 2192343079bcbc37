"""What a search box fragment becomes in SQL, so that each keystroke is answered from an index
at a million trainees (the Trainees page: trainees.page_trainees and count_trainees_capped).

- pinyin initials → a range of the (organization_id, name_initials) index;
- 12 or more digits, or an X → a range of the ID number index (only an ID number is so long);
- a fragment of 3 or more characters — part of a name, of an ID number or of a mobile — →
  the trigram index of migration 0010: on SQLite the FTS5 table trainees_fts, read in rowid
  order and stopped at the page's end; on PostgreSQL LIKE '%…%', which the pg_trgm GIN indexes
  answer (strpos cannot use them). The exact condition is kept beside the index's, so the
  answers are the same with the index or without it (an older SQLite, no pg_trgm);
- one or two characters of a name → the character index of migration 0015: on SQLite the
  FTS5 table trainees_name_chars ('蒋芳' the phrase "蒋 芳"), its rows joined to their trainees
  and sorted by name — unless the characters are so common (more than CHAR_INDEX_MOST rows)
  that the scan in name order finds a page sooner; on PostgreSQL the GIN index over the name's
  characters (string_to_array(name, NULL) @> the typed ones);
- other short fragments: scans in the order shown, stopped at the page's end, as before.
The exact condition stays beside every index's, so the answers are those of the scan."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Integer, Text, column, false, func, literal, select, table
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql import FromClause

from trainer.db.models import Organization, Trainee
from trainer.db.search_index import CHAR_TRIGGERS, CHARS as CHARS_TABLE, FTS as FTS_TABLE, TRIGGERS
from trainer.rules.text import clean_code, clean_text
from trainer.security.personal import may_reveal, visible_tail

TRIGRAM = 3  # the shortest fragment a trigram index answers
CHAR_INDEX_MOST = 20_000  # more rows hold the characters: the scan in name order is sooner
FTS = table("trainees_fts", column("rowid", Integer), column("trainees_fts"))
CHARS = table(CHARS_TABLE, column("rowid", Integer), column(CHARS_TABLE))
_SQLITE_MASTER = table("sqlite_master", column("type"), column("name"))


@dataclass
class SearchPlan:
    conds: list[Any]  # WHERE, all of them
    order: tuple  # ORDER BY; the last is the row's id (the keyset cursor's tie-break)
    source: FromClause | None = None  # FROM, when not the trainees table alone
    match: ColumnElement[bool] | None = field(default=None)  # the FTS condition alone
    kind: str = "all"
    index: Any = None  # the FTS table `match` reads (FTS or CHARS)


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


def has_char_index(session) -> bool:
    """Whether this SQLite database has the character table of migration 0015 and its three
    triggers."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.scalar(select(func.count()).select_from(_SQLITE_MASTER).where(
        _SQLITE_MASTER.c.name.in_((CHARS_TABLE, *CHAR_TRIGGERS))))
    return found == 1 + len(CHAR_TRIGGERS)


def _short_name(session, dialect: str, q: str
                ) -> tuple[Any, FromClause | None, ColumnElement[bool] | None] | None:
    """(condition, FROM, exact) answering a name fragment of 1–2 characters from the character
    index, or None (other characters, no index, or too common to be worth it). `exact`: the
    FTS condition when its rows alone are the answer — one caseless letter (a Chinese
    character), which no folding or separator can make match another name."""
    if len(q) >= TRIGRAM or not all(ch.isalnum() for ch in q):
        return None
    if dialect == "postgresql":
        chars = literal(list(q), ARRAY(Text))
        return func.string_to_array(Trainee.name, None).op("@>")(chars), None, None
    if dialect != "sqlite" or not has_char_index(session):
        return None
    match = CHARS.c[CHARS_TABLE].op("MATCH")(f'"{" ".join(q)}"')  # alnum: no quote inside
    hits = session.scalar(select(func.count()).select_from(
        select(CHARS.c.rowid).where(match).limit(CHAR_INDEX_MOST + 1).subquery()))
    if hits > CHAR_INDEX_MOST:
        return None
    exact = match if len(q) == 1 and unicodedata.category(q) == "Lo" else None
    return match, CHARS.join(Trainee, Trainee.id == CHARS.c.rowid), exact


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
                              FTS.join(Trainee, Trainee.id == FTS.c.rowid), match, kind, FTS)
        return SearchPlan(conds, (Trainee.id,), kind=kind)
    if kind == "name":
        conds.append(Trainee.name.contains(q, autoescape=True))
        if len(q) >= TRIGRAM and has_fts(session):
            conds.append(Trainee.id.in_(select(FTS.c.rowid).where(
                _match(_phrase("name", q)))))
        short = _short_name(session, dialect, q)
        if short is not None:
            conds.append(short[0])
            return SearchPlan(conds, (Trainee.name, Trainee.id), short[1], short[2], kind, CHARS)
    return SearchPlan(conds, (Trainee.name, Trainee.id), kind=kind)


def fts_count_is_exact(uow, plan: SearchPlan, enterprise_id: int | None) -> bool:
    """Whether the FTS table alone counts the matches of `plan`: a trigram phrase of digits
    matches exactly the ID numbers and mobiles holding it (and one Chinese character exactly
    the names holding it), so only the office is left to check, and a database of one office
    needs no check."""
    return (plan.match is not None and enterprise_id is None
            and uow.session.scalar(select(func.count()).select_from(Organization)) == 1)
