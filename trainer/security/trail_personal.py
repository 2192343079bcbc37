"""Personal values in the audit trail, kept apart so they can be purged (issue 20).

An entry about a person (a trainee's name, gender, ID number, birth date, mobile, notes; an ID
number or mobile anywhere) keeps those values not in `summary`/`before`/`after` but in its
`personal` column, in groups: "e" the entry's own ({"summary", "before", "after"} → values),
and for a bulk statement (the trainee import) one group a row ("cols" names the columns, "rows"
holds one group a row). Each group is stored as [salt, values]; the hash chain covers each
group's digest, SHA-256(salt, values), not the values. Purging a group replaces it by its
digest: the values and the salt are gone, and the chain still verifies. A group changed in any
other way breaks the chain like any changed entry.

Kept free of ORM imports: the migration that moved the values here uses it."""
from __future__ import annotations

import hashlib
import json
import secrets
import threading
from typing import Any, Iterable

from trainer.security.personal import PERSONAL_FIELDS

# columns of a person's row that are personal (beside PERSONAL_FIELDS, personal everywhere)
PERSON_COLUMNS = {"trainees": frozenset({"name", "gender", "id_number", "birth_date", "mobile",
                                         "notes", "post"})}
PERSON_SUMMARY = frozenset({"trainees"})  # entities whose summary is the person's name
ENTRY, COLUMNS, ROWS = "e", "cols", "rows"
PURGED = "\u2026purged\u2026"  # what a purged value reads as (audit_text says it in words)


def personal_columns(entity: str) -> frozenset[str]:
    return PERSON_COLUMNS.get(entity, frozenset()) | PERSONAL_FIELDS.keys()


# one encoder for all (json.dumps with options builds a new one per call: 50,000 rows of an
# import spent 0.6 s there); its output is json.dumps(…, ensure_ascii=False, sort_keys=True,
# separators=(",", ":"))
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _dumps(values: Any) -> str:
    return _ENCODER.encode(values)


# the C encoder behind _ENCODER, made once (encode() makes one per call: a third of the time of
# a bulk entry's 100,000 small row groups); same output for the lists of values groups hold
_make = getattr(json.encoder, "c_make_encoder", None)
_ROW_ENCODER = _make(None, _ENCODER.default, json.encoder.c_encode_basestring, None, ":", ",",
                     True, False, True) if _make is not None else None


def _dumps_row(values: list) -> str:
    if _ROW_ENCODER is None or type(values) is not list:
        return _dumps(values)
    return "".join(_ROW_ENCODER(values, 0))


def _group(values: Any) -> list:
    return [secrets.token_hex(8), values]


def group_digest(group: Any) -> str:
    """A group's digest: SHA-256 of salt and values, or the digest a purge left in its place
    (a row's: the digest alone; the entry's own: {"purged": digest, "keys": which values})."""
    if isinstance(group, str):
        return group
    if isinstance(group, dict):
        return group["purged"]
    salt, values = group
    return hashlib.sha256(f"{salt}\n{_dumps(values)}".encode("utf-8")).hexdigest()


def split(entity: str, summary: str, before: Any, after: Any) -> tuple[str, Any, Any, str | None]:
    """(summary, before, after) without their personal values, and the `personal` JSON holding
    them (None: there were none). before/after: dicts of columns, or a bulk statement's
    {"columns": [...], "rows": [[...], ...]} (only in `after`)."""
    columns = personal_columns(entity)
    own: dict[str, Any] = {}
    if summary and entity in PERSON_SUMMARY:
        own["summary"], summary = summary, ""
    stored = {}
    bulk = None
    for side, values in (("before", before), ("after", after)):
        if isinstance(values, dict) and set(values) == {"columns", "rows"}:
            bulk, values = _split_rows(values, columns)
        elif isinstance(values, dict):
            taken = {k: v for k, v in values.items() if k in columns}
            if taken:
                own[side] = taken
                values = {k: v for k, v in values.items() if k not in columns}
        stored[side] = values
    personal: dict[str, Any] = {}
    if own:
        personal[ENTRY] = _group(own)
    if bulk is not None:
        personal.update(bulk)
    return summary, stored["before"], stored["after"], _encoded(personal) if personal else None


def _encoded(personal: dict[str, Any]) -> str:
    """_dumps(personal). A bulk statement's row groups (100,000 in an import) are encoded one
    by one, and each group's digest made from that same text on the way; what digests() will
    give for the whole is remembered, so the hash chain does not parse and encode them again."""
    groups = personal.get(ROWS)
    if groups is None:
        return _dumps(personal)
    encoded = [_dumps_row(values) for _salt, values in groups]
    rest = {k: v for k, v in personal.items() if k != ROWS}  # "cols", "e": before "rows"
    body = ",".join([f'["{salt}",{text}]' for (salt, _v), text in zip(groups, encoded)])
    text = f'{_dumps(rest)[:-1]},"rows":[{body}]}}'
    row_digests = "".join([hashlib.sha256(f"{salt}\n{text}".encode("utf-8")).hexdigest()
                           for (salt, _v), text in zip(groups, encoded)])
    found = {COLUMNS: personal[COLUMNS],
             ROWS: hashlib.sha256(row_digests.encode("ascii")).hexdigest()}
    if ENTRY in personal:
        found = {ENTRY: group_digest(personal[ENTRY]), **found}
    _remember(text, found)
    return text


# the digests of the last bulk entries made (an import makes one per 2,000 rows), by the
# SHA-256 of their personal JSON: digests() of the same text is the same, without the text kept
_REMEMBERED: dict[bytes, Any] = {}
_REMEMBER = 1024
_LOCK = threading.Lock()


def _key(personal: str) -> bytes:
    return hashlib.sha256(personal.encode("utf-8")).digest()


def _remember(personal: str, found: Any) -> None:
    key = _key(personal)
    with _LOCK:  # imports run in worker threads
        _REMEMBERED[key] = found
        while len(_REMEMBERED) > _REMEMBER:
            del _REMEMBERED[next(iter(_REMEMBERED))]


def _split_rows(values: dict, columns: frozenset[str]) -> tuple[dict | None, dict]:
    names = values["columns"]
    taken = [i for i, c in enumerate(names) if c in columns]
    if not taken:
        return None, values
    kept = [i for i in range(len(names)) if i not in taken]
    rows = values["rows"]
    salts = secrets.token_hex(8 * len(rows))
    groups = [[salts[16 * n:16 * n + 16], [line[i] for i in taken]] for n, line in enumerate(rows)]
    left = {"columns": [names[i] for i in kept], "rows": [[line[i] for i in kept] for line in rows]}
    return {COLUMNS: [names[i] for i in taken], ROWS: groups}, left


def digests(personal: str | None) -> Any:
    """What the hash chain covers of an entry's personal values: each group's digest."""
    if not personal:
        return None
    known = _REMEMBERED.get(_key(personal)) if _REMEMBERED and ROWS in personal else None
    if known is not None:
        return dict(known)
    groups = json.loads(personal)
    out: dict[str, Any] = {}
    if ENTRY in groups:
        out[ENTRY] = group_digest(groups[ENTRY])
    if ROWS in groups:
        out[COLUMNS] = groups[COLUMNS]
        out[ROWS] = hashlib.sha256("".join(group_digest(g) for g in groups[ROWS])
                                   .encode("ascii")).hexdigest()
    return out


def merged(summary: str, before: Any, after: Any, personal: str | None) -> tuple[str, Any, Any]:
    """An entry as it was written: the personal values put back (PURGED where purged; a purged
    summary stays empty, the record id tells which record it was). before/after are parsed
    JSON; a bulk statement's as {"columns", "rows"}."""
    if not personal:
        return summary, before, after
    groups = json.loads(personal)
    own = groups.get(ENTRY)
    if isinstance(own, dict):  # purged
        own = {side: dict.fromkeys(keys, PURGED) for side, keys in own["keys"].items()
               if side != "summary"}
    elif own is not None:
        own = own[1]
    if own:
        summary = own.get("summary", summary)
        before = {**before, **own["before"]} if isinstance(before, dict) and "before" in own \
            else before
        after = {**after, **own["after"]} if isinstance(after, dict) and "after" in own else after
    if ROWS in groups:
        before, after = _rows_back(before, groups), _rows_back(after, groups)
    return summary, before, after


def _rows_back(values: Any, groups: dict) -> Any:
    if not (isinstance(values, dict) and set(values) == {"columns", "rows"}):
        return values
    width = len(groups[COLUMNS])
    rows = [list(line) + (list(g[1]) if isinstance(g, list) else [PURGED] * width)
            for line, g in zip(values["rows"], groups[ROWS])]
    return {"columns": values["columns"] + groups[COLUMNS], "rows": rows}


def purge(personal: str, rows: Iterable[int] | None = None) -> tuple[str, int]:
    """`personal` with the entry's own group (rows=None) or the given bulk rows purged, and how
    many groups were purged now."""
    groups = json.loads(personal)
    count = 0
    own = groups.get(ENTRY)
    if rows is None and isinstance(own, list):
        keys = {side: (sorted(v) if isinstance(v, dict) else True) for side, v in own[1].items()}
        groups[ENTRY] = {"purged": group_digest(own), "keys": keys}
        count += 1
    for n in rows or ():
        if n < len(groups.get(ROWS, ())) and isinstance(groups[ROWS][n], list):
            groups[ROWS][n] = group_digest(groups[ROWS][n])
            count += 1
    return _dumps(groups), count
