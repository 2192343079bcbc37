"""A list of people to enrol, as offices keep one: a spreadsheet (.xlsx/.xls/.ods/.csv) or a text
file of ID numbers and/or names, one person a row. With a header row (姓名, 身份证号… as the
trainee import knows them, below any title rows) those columns are read; without one each row's
cells are told apart by their look: an ID number (15 or 18 characters) or a name. Read with the
one reader of trainer.io.reading; who the entries are is services.bulk_enrolment's business."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from trainer.io.columns import HEADER_SEARCH_ROWS, suggest_mapping
from trainer.io.reading import Table, cell_text, iter_nonblank, read_table
from trainer.rules.text import clean_code, clean_text

_ID_LIKE = re.compile(r"[0-9]{15}|[0-9]{17}[0-9X]")
_NUMBERING = re.compile(r"[0-9]{1,4}")  # a 序号 column without a header


@dataclass(frozen=True)
class ListedPerson:
    row: int  # spreadsheet row number (1-based), as the clerk sees it
    id_number: str  # cleaned (half-width, upper case); "" when the row gives none
    name: str  # cleaned; "" when the row gives none

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.name, self.id_number) if p)


@dataclass(frozen=True)
class PersonList:
    path: str
    sheet: str
    entries: tuple[ListedPerson, ...]
    header_row: int | None  # spreadsheet row number of the header, None: a bare list


def _columns(table: Table) -> tuple[int | None, int | None, int | None]:
    """(header index, name column, ID number column) of the first row naming either."""
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapping = {field: col for col, field in suggest_mapping("trainees", row).items()}
        if "name" in mapping or "id_number" in mapping:
            return index, mapping.get("name"), mapping.get("id_number")
    return None, None, None


def _guess(cells) -> tuple[str, str]:
    """(ID number, name) of a row without a header: the first ID-like cell and the first cell
    that is neither an ID number nor a row number."""
    number = name = ""
    for cell in cells:
        text = clean_text(cell_text(cell))
        if not text:
            continue
        code = clean_code(text)
        if not number and _ID_LIKE.fullmatch(code):
            number = code
        elif not name and not _NUMBERING.fullmatch(code):
            name = text
    return number, name


def read_person_list(path: str | os.PathLike, sheet: str | int | None = None) -> PersonList:
    """The people a list file names, in file order (blank rows skipped). ImportFileError
    (UnreadableFileError, FileTooBigError) as every import, for a file that cannot be read."""
    table = read_table(path, sheet)
    header, name_col, id_col = _columns(table)
    entries = []
    start = 0 if header is None else header + 1
    for row_no, cells in iter_nonblank(table, start):
        if header is None:
            number, name = _guess(cells)
        else:
            def at(col):
                return clean_text(cell_text(cells[col])) if col is not None and col < len(
                    cells) else ""
            number, name = clean_code(at(id_col)), at(name_col)
        if number or name:
            entries.append(ListedPerson(row_no, number, name))
    return PersonList(table.path, table.sheet, tuple(entries),
                      None if header is None else header + 1)
