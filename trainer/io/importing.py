"""Importing trainee, enterprise, lecturer and training-request lists in two steps, so a clerk
sees every problem before anything is written:

    preview = preview_import(uow, "trainees", path)          # reads, maps, validates; no writes
    result = run_import(uow, preview, progress=callback)     # one transaction, all or nothing

`progress(done, total)` is called per chunk of rows; if it raises (ImportCancelled, or anything)
the transaction is rolled back and nothing is written. Row numbers are spreadsheet row numbers,
as the clerk sees them in Excel."""
from __future__ import annotations

import dataclasses
import gc
import operator
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from trainer.errors import InvalidInput, ValidationError
from trainer.io.adapters import ADAPTERS, ERROR_FIELDS, Adapter
from trainer.io.columns import (HEADER_SEARCH_ROWS, field_spec, fields_of, find_header_row,
                                normalise_header, suggest_mapping)
from trainer.io.bounds import SheetInfo
from trainer.io.reading import Cell, ImportFileError, Table, cell_text, read_table
from trainer.io.values import UnknownValue, ValueMap
from trainer.texts import FIELDS, label, language, pick
from trainer.rules.fields import FieldCheck
from trainer.rules.text import clean_text
from trainer.services import enterprises as enterprise_service
from trainer.services.uow import UnitOfWork, WriteRefused
from trainer.texts import errors as error_texts

KINDS = tuple(ADAPTERS)
ON_DUPLICATE = ("skip", "update")
_TOTAL = re.compile(r"\s*(合\s*计|总\s*计|小\s*计|共\s*计|共\s*[0-9０-９]+\s*[人名条行]|total\s*$)",
                    re.IGNORECASE)
_FOOTNOTE = re.compile(r"(注[:：]|说明|填表说明|填表人|制表|审核|备注[:：])")


class ImportCancelled(ImportFileError):
    """Raise from a progress callback to stop an import; nothing is written."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class RowError(ValidationError):
    """A row-level problem the form rules do not know: a repeat of another row of the file."""

    TEXTS = error_texts.ROW_ERROR  # trainer/texts/errors.py

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(self.TEXTS[self.reason], lang).format(**self.params)
        name = label(FIELDS, self.field, lang)
        return f"{name}{text}" if lang == "zh" else f"{name[:1].upper()}{name[1:]} {text}"


@dataclass(frozen=True)
class Problem:
    """One bad cell (or a row-level problem, column None)."""

    row: int  # spreadsheet row number (1 = Excel's first row)
    column: int | None  # 0-based column index in the sheet
    header: str  # that column's header as written in the file ('' without a column)
    error: ValidationError  # field + reason code + params, for the GUI to show as it likes

    def message(self, lang: str | None = None) -> str:
        return self.error.message(lang)

    @property
    def reason(self) -> str:  # in the current language
        return self.message()


@dataclass(frozen=True)
class RejectedRow:
    row: int
    cells: tuple[Cell, ...]  # the row's original cells, for sending back
    problems: tuple[Problem, ...]  # every problem of the row, in column order

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        sep = "；" if lang == "zh" else "; "
        parts = [(f"{p.header}：" if lang == "zh" else f"{p.header}: ") + p.message(lang)
                 if p.header else p.message(lang) for p in self.problems]
        return sep.join(parts)


@dataclass(frozen=True, slots=True)
class AcceptedRow:
    row: int
    values: dict[str, Any]  # cleaned column values, as the service's rules made them
    given: frozenset[str]  # import fields the file gives a value for (an update sets only these)
    form: Any  # the service form the values came from
    existing_id: int | None = None  # set: updates this record (on_duplicate="update")


@dataclass(frozen=True)
class DuplicateRow:
    """A row not imported because it is already there: in the database (on_duplicate="skip")
    or, with identical values, earlier in the file."""

    row: int
    key: str  # what identifies it, e.g. the ID number
    existing_id: int | None  # the record in the database
    first_row: int | None  # the earlier row of the file

    def message(self, lang: str | None = None) -> str:
        zh = (lang or language()) == "zh"
        if self.first_row is not None:
            return (f"与第 {self.first_row} 行相同，已跳过" if zh
                    else f"same as row {self.first_row}; skipped")
        return (f"“{self.key}”已存在，已跳过" if zh else f"“{self.key}” already exists; skipped")


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    path: str
    sheet: str
    header_row: int  # spreadsheet row number of the header (0: no header row)
    headers: tuple[str, ...]  # the header cells as written
    mapping: dict[int, str]  # column index (0-based) → field (columns.KIND_FIELDS)
    unmapped: tuple[str, ...]  # headers that map to no field
    accepted: tuple[AcceptedRow, ...]
    rejected: tuple[RejectedRow, ...]
    duplicates: tuple[DuplicateRow, ...]
    on_duplicate: str
    enterprise_id: int | None
    organization_id: int
    encoding: str = ""  # CSV only: utf-8-sig, utf-8 or gb18030
    skipped_rows: tuple[int, ...] = field(default=())  # blank, total and note rows
    sheets: tuple[SheetInfo, ...] = field(default=())  # every sheet of the workbook
    hidden_rows: tuple[int, ...] = field(default=())  # hidden rows below the header
    hidden_imported: bool = False  # whether those were imported (else left out)
    merges: int = 0  # merged ranges whose value was given to every row under them
    unknown_values: tuple[UnknownValue, ...] = field(default=())  # kept, listed for the clerk
    value_map: dict = field(default_factory=dict)  # {field: {written: ours}} applied

    @property
    def numeric_identifiers(self) -> int:
        """Rows refused because an ID (or credit code) was stored as a number."""
        return sum(1 for r in self.rejected
                   if any(p.error.reason == "numeric_identifier" for p in r.problems))

    @property
    def to_create(self) -> int:
        return sum(1 for r in self.accepted if r.existing_id is None)

    @property
    def to_update(self) -> int:
        return sum(1 for r in self.accepted if r.existing_id is not None)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int  # duplicates not written


Progress = Callable[[int, int], Any]


def preview_import(uow: UnitOfWork, kind: str, path: str | os.PathLike, *,
                   mapping: Mapping[int, str] | None = None, header_row: int | None = None,
                   enterprise: str | int | None = None, on_duplicate: str = "skip",
                   sheet: str | int | None = None, include_hidden: bool = False,
                   value_map: Mapping[str, Mapping[str, str]] | None = None) -> ImportPreview:
    """Reads and checks the file; writes nothing. `mapping` (column index → field) replaces the
    guessed one; `header_row` (spreadsheet row number, 0 for none) the found one; `enterprise`
    (name or id) is the enterprise of every row; `sheet` (name or index) the sheet, by default
    the first visible one with a header; hidden rows are left out unless `include_hidden`;
    `value_map` ({field: {written: ours or '' to keep}}) maps descriptive values the file writes
    in its own words. Raises UnreadableFileError / ImportFileError when the file cannot be
    imported at all."""
    if kind not in ADAPTERS:
        raise ImportFileError("bad_mapping", detail=kind)
    if on_duplicate not in ON_DUPLICATE:
        raise ImportFileError("bad_mapping", detail=f"on_duplicate={on_duplicate}")
    table, header_index, used = _table_with_header(kind, path, sheet, mapping, header_row)
    header = table.rows[header_index] if header_index is not None else ()
    # the rows move out of the table: _check_rows lets go of each once checked, so a big
    # file's cells and its accepted rows are not all in memory together
    rows, table = list(table.rows), dataclasses.replace(table, rows=())
    values = ValueMap(kind, value_map)
    start = header_index + 1 if header_index is not None else 0
    hidden = tuple(r for r in table.hidden_rows if r > start)
    with uow:
        enterprise_id = _enterprise_id(uow, enterprise)
        adapter = ADAPTERS[kind](uow, enterprise_id, values)
        _check_required(kind, used, enterprise_id)
        with collector_paused():
            accepted, rejected, duplicates, skipped, keys = _check_rows(
                adapter, rows, header, used, start, () if include_hidden else hidden)
            accepted, found = _against_database(uow, adapter, accepted, keys, on_duplicate)
        duplicates += found
        headers = tuple(cell_text(h) for h in header)
        return ImportPreview(
            kind, table.path, table.sheet, start if header_index is not None else 0, headers,
            dict(used), tuple(h for i, h in enumerate(headers) if h.strip() and i not in used),
            tuple(accepted), tuple(rejected), tuple(sorted(duplicates, key=lambda d: d.row)),
            on_duplicate, enterprise_id, uow.organization_id, table.encoding, tuple(skipped),
            table.sheets, hidden, include_hidden, table.merges, values.unknown_values(),
            {k: dict(v) for k, v in (value_map or {}).items()})


def run_import(uow: UnitOfWork, preview: ImportPreview,
               progress: Progress | None = None) -> ImportResult:
    """Writes the accepted rows in one transaction. If `progress` raises, or the database
    refuses a row, everything is rolled back and the exception propagates."""
    rows = list(preview.accepted)
    total = len(rows)

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    try:
        with uow:
            uow.use_organization(preview.organization_id)
            adapter = ADAPTERS[preview.kind](uow, preview.enterprise_id)
            report(0)
            created, updated, skipped = adapter.write(uow, rows, preview.on_duplicate, report)
            uow.session.flush()
    except WriteRefused as exc:  # rolled back by the unit of work already
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
        raise ImportFileError("write_failed", detail=detail) from exc
    return ImportResult(created, updated, skipped + len(preview.duplicates))


# --- steps -----------------------------------------------------------------------------------

_pause_lock = threading.Lock()
_pauses = 0  # collector_paused blocks running now, in any thread
_was_enabled = False  # whether automatic collection was on when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's automatic garbage collection off while the rows are checked. That loop keeps a
    few objects per row alive (form, accepted row, its fields), and every full collection walks
    all of them again: a sixth of the checking time of a 100,000-row file. What it makes is
    freed by reference counting (no cycles), so nothing waits for the collector; it is on again
    when the last such block in the process ends, however it ends. (Writing keeps little alive:
    the collector costs it nothing worth pausing for.)"""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def read_sheet_with_header(kind: str, path, sheet: str | int | None = None) -> Table:
    """The sheet asked for; by default the first visible sheet where a header is found (a
    workbook's first sheet is often a cover or an instruction page), else the first visible."""
    table = read_table(path, sheet)
    if sheet is not None or find_header_row(kind, table) is not None:
        return table
    for other in table.sheets:
        if not other.hidden and other.name != table.sheet:
            candidate = read_table(path, other.name)
            if find_header_row(kind, candidate) is not None:
                return candidate
    return table


def _table_with_header(kind: str, path, sheet, mapping, header_row):
    table = read_sheet_with_header(kind, path, sheet) if mapping is None and header_row is None \
        else read_table(path, sheet)
    return (table, *_header_and_mapping(kind, table, mapping, header_row))


def _header_and_mapping(kind: str, table: Table, mapping: Mapping[int, str] | None,
                        header_row: int | None) -> tuple[int | None, dict[int, str]]:
    if not any(any(c is not None and cell_text(c).strip() for c in r) for r in table.rows):
        raise ImportFileError("empty", path=table.path)
    if header_row is not None:
        if not 0 <= header_row <= len(table.rows):
            raise ImportFileError("bad_mapping", detail=f"header_row={header_row}")
        index = header_row - 1 if header_row else None
    else:
        index = find_header_row(kind, table)
    if mapping is None:
        if index is None:
            raise ImportFileError("no_header", rows=HEADER_SEARCH_ROWS,
                                  example="、".join(s.zh for s in fields_of(kind)[:3]),
                                  sheets="、".join(table.sheet_names))
        return index, suggest_mapping(kind, table.rows[index])
    names = {s.name for s in fields_of(kind)}
    bad = [f"{c}→{f}" for c, f in mapping.items()
           if f not in names or not isinstance(c, int) or c < 0]
    if bad or len(set(mapping.values())) != len(mapping):
        raise ImportFileError("bad_mapping", detail=", ".join(bad) or "one field, two columns")
    return index, dict(mapping)


def _check_required(kind: str, used: Mapping[int, str], enterprise_id: int | None) -> None:
    present = set(used.values()) | ({"enterprise"} if enterprise_id is not None else set())
    missing = [s for s in fields_of(kind) if s.required and s.name not in present]
    if missing:
        raise ImportFileError("bad_mapping", detail="、".join(
            f"{s.zh} ({s.en})" for s in missing))


def _enterprise_id(uow: UnitOfWork, enterprise: str | int | None) -> int | None:
    if enterprise is None or (isinstance(enterprise, str) and not enterprise.strip()):
        return None
    if isinstance(enterprise, int):
        return enterprise_service.get_enterprise(uow, enterprise).id
    found = enterprise_service.find_enterprise(uow, enterprise)
    if found is None:
        raise ImportFileError("unknown_enterprise", name=clean_text(enterprise))
    return found.id


def _skippable(row: tuple[Cell, ...], header: tuple[Cell, ...]) -> bool:
    """Blank rows, 合计/总计 rows, a header repeated on each printed page, footnotes. Cheap
    tests on the raw cells first: this runs for every row of a 100,000-row file."""
    if header and row[:len(header)] == header[:len(row)]:
        return True  # (a blank row too: () == ())
    filled = [c for c in row if c is not None and (type(c) is not str or c.strip())]
    if not filled:
        return True
    for c in filled[:3]:
        if type(c) is str and _TOTAL.match(c):
            return True
    return len(filled) == 1 and type(filled[0]) is str and bool(_FOOTNOTE.match(filled[0].strip()))


def _check_rows(adapter: Adapter, rows: list, header: tuple[Cell, ...],
                used: dict[int, str], start: int, hidden: tuple[int, ...] = ()):
    """Every row through the adapter's form and the service's rule, once. Returns accepted,
    rejected, duplicates (repeats within the file), skipped row numbers, and each accepted
    row's key (None: it has none), for the look-up in the database."""
    accepted: list[AcceptedRow] = []
    keys: list[Any] = []
    rejected: list[RejectedRow] = []
    duplicates: list[DuplicateRow] = []
    skipped: list[int] = []
    first_of: dict[Any, AcceptedRow] = {}
    columns = {f: c for c, f in used.items()}
    headers = {c: cell_text(header[c]) if c < len(header) else "" for c in used}
    error_at = {**{f: f for f in columns}, **ERROR_FIELDS}
    enterprise_given = frozenset({"enterprise"}) if adapter.enterprise_id is not None else frozenset()
    pairs = sorted(used.items())
    names = tuple(f for _c, f in pairs)
    last = pairs[-1][0] if pairs else -1
    # the mapped cells of a row that has them all, in one C call (itemgetter of one index
    # gives the cell, not a 1-tuple)
    take = operator.itemgetter(*(c for c, _f in pairs)) if len(pairs) > 1 else None
    form, clean, row_errors, key_of = adapter.form, adapter.clean, adapter.row_errors, adapter.key
    leave_out = frozenset(hidden)
    sets: dict[frozenset, frozenset] = {}  # one `given` set per distinct set of fields
    keep_form = adapter.keeps_form
    for index in range(start, len(rows)):
        row_no, cells = index + 1, rows[index]
        rows[index] = None  # checked: the accepted row or the rejection keeps what it needs
        if _skippable(cells, header):
            skipped.append(row_no)
            continue
        if leave_out and row_no in leave_out:
            continue  # listed in the preview's hidden_rows
        adapter.row = row_no
        if take is not None and len(cells) > last:
            texts = dict(zip(names, take(cells)))
        else:
            width = len(cells)
            texts = {f: cells[c] for c, f in pairs if c < width}
        check = FieldCheck()
        row_form = form(texts, check)
        try:
            values = clean(row_form)
        except InvalidInput as exc:
            check.errors.extend(exc.errors)
            values = None
        if values is not None:
            check.errors.extend(row_errors(values))
        key = key_of(values) if values is not None and not check.errors else None
        if key is not None and key in first_of:
            first = first_of[key]
            if first.values == values:
                duplicates.append(DuplicateRow(row_no, adapter.key_text(values), None, first.row))
                continue
            check.add(RowError(adapter.key_field, "duplicate_in_file", row=first.row))
        if check.errors:
            rejected.append(_rejection(row_no, cells, check.errors, error_at, columns, headers))
            continue
        # the fields the file fills: cell_text(v).strip(), without converting strings
        given = frozenset([f for f, v in texts.items() if (
            v.strip() if type(v) is str else v is not None and cell_text(v).strip())])
        given = given | enterprise_given if enterprise_given else given
        row = AcceptedRow(row_no, values, sets.setdefault(given, given),
                          row_form if keep_form else None)
        accepted.append(row)
        keys.append(key)
        if key is not None:
            first_of[key] = row
    return accepted, rejected, duplicates, skipped, keys


def _rejection(row_no: int, cells: tuple[Cell, ...], errors: list[ValidationError],
               error_at: dict[str, str], columns: dict[str, int],
               headers: dict[int, str]) -> RejectedRow:
    problems = []
    unknown = {e.field for e in errors if e.reason == "unknown"}
    for error in errors:
        if error.reason == "required" and ERROR_FIELDS.get(error.field, error.field) in unknown:
            continue  # "course X does not exist" says it all
        column = columns.get(error_at.get(error.field, error.field))
        problems.append(Problem(row_no, column, headers.get(column, "") if column is not None
                                else "", error))
    problems.sort(key=lambda p: (p.column is None, p.column or 0))
    return RejectedRow(row_no, tuple(cells), tuple(problems))


def _against_database(uow: UnitOfWork, adapter: Adapter, accepted: list[AcceptedRow],
                      keys: list[Any], on_duplicate: str
                      ) -> tuple[list[AcceptedRow], list[DuplicateRow]]:
    found = adapter.existing(uow, [k for k in keys if k is not None])
    if not found:
        return accepted, []
    keep, duplicates = [], []
    for row, key in zip(accepted, keys):
        existing = found.get(key) if key is not None else None
        if existing is None:
            keep.append(row)
        elif on_duplicate == "update":
            keep.append(AcceptedRow(row.row, row.values, row.given, row.form, existing))
        else:
            duplicates.append(DuplicateRow(row.row, adapter.key_text(row.values), existing, None))
    return keep, duplicates


def field_label(kind: str, name: str, lang: str | None = None) -> str:
    """The template header of a field, for a mapping step in the GUI."""
    return field_spec(kind, name).label(lang or language())
