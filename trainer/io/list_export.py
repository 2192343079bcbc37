"""Export of any master-data list to Excel, as the screen shows it: the screen's columns (the one
table of io/list_columns.py), headers in the current language, ID numbers and mobiles masked
unless revealed, dates and numbers kept as dates and numbers. The GUI's Export button and
`trainer export` both call export_list."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from trainer.io.list_columns import ENTITIES as KIND_ENTITIES
from trainer.io.list_columns import COLUMNS, Column, cell, headers, reader
from trainer.io.workbooks import export_records
from trainer.texts import ENTITIES, label
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def export_rows(columns: tuple[Column, ...], records, reveal: bool) -> list[list]:
    """Cells as `list` shows them (masked unless `reveal`), but dates and numbers keep their type."""
    rows = []
    for record in records:
        row = []
        for column in columns:
            value = getattr(record, column.attr)
            if (column.show is None or column.numeric) and not isinstance(value, bool) \
                    and isinstance(value, (int, float, Decimal, dt.date)):
                row.append(value)
            else:
                row.append(cell(column, record, reveal))
        rows.append(row)
    return rows


def export_list(uow: UnitOfWork, kind: str, path: str | os.PathLike, *, search: str = "",
                reveal: bool = False) -> ExportResult:
    """Writes the records of `kind` (enterprises, lecturers, courses, trainees, …) matching
    `search` to an .xlsx file."""
    columns = COLUMNS[kind]
    records = reader(kind)(uow, search=search)
    written = export_records(path, headers(columns), export_rows(columns, records, reveal),
                             title=label(ENTITIES, KIND_ENTITIES[kind]))
    return ExportResult(written, len(records))
