"""What a textual SQL statement (`session.execute(text("…"))`) writes, so the guard holds it to
the same rules as ORM writes: `UPDATE users SET role='admin'` needs the permission to manage
users, `DELETE FROM audit_log` is refused to everyone, and a statement that is neither a read
nor a plain INSERT/UPDATE/DELETE (DDL, SET ROLE, COPY, PRAGMA, ATTACH…) only to the system
(a database without users yet)."""
from __future__ import annotations

import re

READS = frozenset({"SELECT", "VALUES", "SHOW", "EXPLAIN", "TABLE"})
_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_STRINGS = re.compile(r"'(?:[^']|'')*'|\$\$.*?\$\$", re.S)
_NAME = r"(?:ONLY\s+)?(?:\"?\w+\"?\.)?\"?(?P<table>\w+)\"?"
_WRITES = (
    ("create", re.compile(r"\b(?:INSERT|REPLACE|UPSERT)(?:\s+OR\s+\w+)?\s+INTO\s+" + _NAME, re.I)),
    # not SELECT … FOR [NO KEY] UPDATE, nor INSERT … ON CONFLICT DO UPDATE (the INSERT counts)
    ("update", re.compile(r"(?<!FOR )(?<!KEY )(?<!DO )\bUPDATE(?:\s+OR\s+\w+)?\s+" + _NAME,
                          re.I)),
    ("delete", re.compile(r"\bDELETE\s+FROM\s+" + _NAME, re.I)),
    ("delete", re.compile(r"\bTRUNCATE(?:\s+TABLE)?\s+" + _NAME, re.I)),
    ("update", re.compile(r"\bMERGE\s+INTO\s+" + _NAME, re.I)),
)
_FIRST_WORD = re.compile(r"^\s*\(*\s*(\w+)")


class UnknownWrite(Exception):
    """A statement that is not a read and not a plain INSERT/UPDATE/DELETE."""


def statement_writes(sql: str) -> list[tuple[str, str]]:
    """(action, table) for each write in `sql` ([] for reads); UnknownWrite for anything else.
    String literals and comments are blanked first, so a value cannot hide or fake a write."""
    plain = re.sub(r"\s+", " ", _STRINGS.sub("''", _COMMENTS.sub(" ", sql)))
    writes: list[tuple[str, str]] = []
    for part in plain.split(";"):
        match = _FIRST_WORD.match(part)
        if match is None:
            continue
        first = match.group(1).upper()
        found = [(action, m["table"].lower()) for action, pattern in _WRITES
                 for m in pattern.finditer(part)]
        if first in READS or first == "WITH":
            if first == "EXPLAIN" and re.search(r"\bANALY[SZ]E\b", part, re.I):
                raise UnknownWrite(first)
            writes += found  # a data-modifying CTE, or SELECT … none
        elif found and first in {"INSERT", "REPLACE", "UPSERT", "UPDATE", "DELETE", "TRUNCATE",
                                 "MERGE"}:
            writes += found
        else:
            raise UnknownWrite(first)
    return writes
