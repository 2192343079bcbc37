"""Reading the spreadsheets enterprises send: .xlsx/.xlsm and .ods (python-calamine), .xls
(xlrd, which also tells hidden rows) and CSV/TXT in UTF-8, UTF-8 with BOM, GB18030/GBK or
UTF-16. Gives the raw cells of one sheet, row by row, as a person sees them: a vertically merged
cell's value in every row under it; hidden rows and hidden sheets named so the importer can list
them. Every file is measured before it is parsed (bounds.py): beyond the limits it is refused
with a sentence. What cannot be read at all raises UnreadableFileError.

Why calamine: on the 100,000-row list (bench/bench_import.py) it reads the sheet in about a
ninth of openpyxl's time (1.0 s against 8.5 s of CPU), reads .ods and .xls as well, and gives
merged ranges and hidden sheets; the hidden rows of an .xlsx come from the scan bounds.py makes
of the sheet's XML anyway."""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from trainer.errors import ReasonError
from trainer.io.bounds import (LIMITS, FileTooBigError, Limits, SheetInfo, refuse, scan_ods,
                               scan_xlsx, xlsx_sheets)
from trainer.texts import errors as error_texts

Cell = Any  # None, str, int, float, bool, datetime.date or datetime.datetime
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class ImportFileError(ReasonError):
    """A file that cannot be imported as a whole: `reason` is a code of TEXTS, `params` fill it."""

    TEXTS = error_texts.IMPORT_FILE_ERROR  # trainer/texts/errors.py


class UnreadableFileError(ImportFileError):
    """The file is missing, not a spreadsheet, damaged or encrypted (CLI exit code 2)."""


@dataclass(frozen=True)
class Table:
    """The cells of one sheet. rows[i] is spreadsheet row i + 1 (as Excel numbers it); rows
    may differ in length. `encoding` is set for CSV files. `sheets` lists every sheet of the
    workbook (name, hidden); `hidden_rows` the spreadsheet row numbers hidden in this one;
    `merges` how many merged ranges gave their value to the rows under them."""

    path: str
    sheet: str
    rows: tuple[tuple[Cell, ...], ...]
    encoding: str = ""
    sheets: tuple[SheetInfo, ...] = field(default=())
    hidden_rows: tuple[int, ...] = field(default=())
    merges: int = 0

    @property
    def sheet_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sheets) or (self.sheet,)


def read_table(path: str | os.PathLike, sheet: str | int | None = None,
               limits: Limits = LIMITS) -> Table:
    """The first visible sheet (or `sheet`, a name or 0-based index) of an .xlsx/.xlsm/.ods/
    .xls/.csv/.txt file. The format is told by the file's first bytes, not its name: offices
    rename files freely. FileTooBigError when the file is beyond `limits`."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableFileError("not_found", path=str(p))
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFileError("unreadable", path=str(p), detail=exc.strerror or exc) from None
    if head.startswith(b"PK\x03\x04"):
        return _read_zip(p, sheet, limits)
    if p.stat().st_size > limits.file_bytes:
        raise refuse(str(p), "file_bytes", p.stat().st_size, limits.file_bytes)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls, or an encrypted .xlsx
        return _read_xls(p, sheet, limits)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") and head:
        raise UnreadableFileError("format", path=str(p))
    return _read_csv(p, limits)


# --- .xlsx, .xlsm and .ods (calamine) --------------------------------------------------------

def _read_zip(path: Path, sheet: str | int | None, limits: Limits) -> Table:
    scan = None
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                scan_ods(archive, str(path), limits)
                infos = None
            elif "xl/workbook.xml" in names:
                infos = xlsx_sheets(archive, str(path), limits)
                chosen = _pick_sheet(infos, sheet)
                if chosen.part not in names:
                    raise UnreadableFileError("unreadable", path=str(path), detail=chosen.part)
                scan = scan_xlsx(archive, chosen.part, str(path), limits)
            else:
                raise UnreadableFileError("format", path=str(path))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError,
            SyntaxError, EOFError) as exc:  # SyntaxError: ElementTree's ParseError
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    from python_calamine import CalamineWorkbook

    from trainer.io.ods_meta import ods_sheet_meta

    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            if scan is None:  # .ods: calamine names the sheets; merges and hidden rows are ours
                infos = [SheetInfo(m.name, not str(m.visible).endswith("Visible"), "")
                         for m in book.sheets_metadata]
                chosen = _pick_sheet(infos, sheet)
                merges, hidden = ods_sheet_meta(path, chosen.name, limits)
            ws = book.get_sheet_by_name(chosen.name)
            data = ws.to_python(skip_empty_area=False)
            if scan is not None:
                hidden = scan.hidden_rows
                merges = [(r0, c0, r1) for (r0, c0), (r1, _c1) in (ws.merged_cell_ranges or ())]
            del ws  # calamine's copy of the cells goes before ours are made
        finally:
            book.close()
    except (UnreadableFileError, FileTooBigError):
        raise
    except Exception as exc:  # calamine's errors are its own classes (CalamineError, …)
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    _fill_merges(data, merges)
    _to_rows(data)
    return Table(str(path), chosen.name, tuple(data), "", tuple(infos), tuple(hidden), len(merges))


def _to_rows(data: list[list[Cell]]) -> None:
    """Each row list → a tuple in place ('' → None), so the old and new rows never all exist at
    once; a text repeated down a column (单位, 性别, 岗位…) kept once, not once per cell."""
    texts: dict[str, str] = {}
    same = texts.setdefault
    for index, row in enumerate(data):
        data[index] = tuple([None if c == "" else same(c, c) if type(c) is str else c
                             for c in row])


def _fill_merges(data: list[list[Cell]], merges) -> None:
    """Every row of a merged range gets the range's value in its first column (a vertical merge
    as a person reads it: 单位 merged over an enterprise's rows names each of them)."""
    for first, column, last in merges:
        if first >= len(data) or column >= len(data[first]):
            continue
        value = data[first][column]
        for r in range(first + 1, min(last, len(data) - 1) + 1):
            row = data[r]
            if column < len(row):
                row[column] = value


# --- .xls ------------------------------------------------------------------------------------

def _read_xls(path: Path, sheet: str | int | None, limits: Limits) -> Table:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower() or _is_ole_package(path):
            raise UnreadableFileError("encrypted", path=str(path)) from None
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    except Exception as exc:  # xlrd raises bare struct/assertion/index errors on damaged files
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    try:
        names = book.sheet_names()
        visible = getattr(book, "_sheet_visibility", None) or [0] * len(names)
        infos = [SheetInfo(name, bool(v), "") for name, v in zip(names, visible)]
        chosen = _pick_sheet(infos, sheet)
        ws = book.sheet_by_index(names.index(chosen.name))
        if ws.nrows > limits.rows:
            raise refuse(str(path), "rows", ws.nrows, limits.rows)
        if ws.nrows * ws.ncols > limits.cells:
            raise refuse(str(path), "cells", ws.nrows * ws.ncols, limits.cells)
        data = [[_xls_value(ws.cell(r, c), book.datemode) for c in range(ws.ncols)]
                for r in range(ws.nrows)]
        merges = [(rlo, clo, rhi - 1) for rlo, rhi, clo, _chi in ws.merged_cells]
        _fill_merges(data, merges)
        hidden = tuple(r + 1 for r, info in sorted(ws.rowinfo_map.items())
                       if info.hidden and r < ws.nrows)
        return Table(str(path), ws.name, tuple(map(tuple, data)), "", tuple(infos), hidden,
                     len(merges))
    except (UnreadableFileError, FileTooBigError):
        raise
    except Exception as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    finally:
        book.release_resources()


def _is_ole_package(path: Path) -> bool:
    """An encrypted .xlsx is an OLE file holding an 'EncryptedPackage' stream."""
    try:
        return b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P" in path.read_bytes()[:65536]
    except OSError:
        return False


def _xls_value(cell, datemode: int) -> Cell:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        return int(cell.value)
    return cell.value


# --- CSV -------------------------------------------------------------------------------------

def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with BOM, UTF-8, else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030", errors="replace"), "gb18030"


def _read_csv(path: Path, limits: Limits) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=exc.strerror or exc) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFileError("format", path=str(path))
    text, encoding = decode_text(data)
    del data
    lines = text.count("\n")
    if lines > limits.rows:
        raise refuse(str(path), "rows", lines, limits.rows)
    if text.lstrip()[:1] == "<":  # HTML saved as ".xls" by web systems
        raise UnreadableFileError("format", path=str(path))
    try:
        rows = tuple(tuple(c if c != "" else None for c in row)
                     for row in csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    width = max(map(len, rows), default=0)
    if width * len(rows) > limits.cells:
        raise refuse(str(path), "cells", width * len(rows), limits.cells)
    return Table(str(path), path.stem, rows, encoding)


def _dialect(text: str) -> type[csv.Dialect]:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        return csv.excel


# --- shared ----------------------------------------------------------------------------------

def _pick_sheet(sheets: list[SheetInfo], sheet: str | int | None) -> SheetInfo:
    """`sheet` by name or 0-based index; by default the first sheet not hidden."""
    names = "、".join(s.name for s in sheets)
    if sheet is None:
        for info in sheets:
            if not info.hidden:
                return info
        if sheets:
            return sheets[0]
    elif isinstance(sheet, int):
        if 0 <= sheet < len(sheets):
            return sheets[sheet]
    else:
        for info in sheets:
            if info.name == sheet:
                return info
    raise UnreadableFileError("sheet", sheet=sheet if sheet is not None else "1", sheets=names)


def _detail(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def iter_nonblank(table: Table, start: int = 0) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """(spreadsheet row number, cells) of the rows from index `start` that hold anything."""
    for index in range(start, len(table.rows)):
        row = table.rows[index]
        if any(c is not None and (not isinstance(c, str) or c.strip()) for c in row):
            yield index + 1, row


# --- cell values -----------------------------------------------------------------------------

EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def excel_serial_to_date(value: float) -> dt.date | None:
    """An Excel serial day number (1900 date system, as stored in .xlsx/.xls) → a date; None
    when the number cannot be a date a person would type (before 1900 or after 9999)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    if not 1 <= value < 2958466:
        return None
    return (EXCEL_EPOCH + dt.timedelta(days=int(value))).date()


def cell_text(value: Cell) -> str:
    """A cell as the text a person sees: 13800138000.0 → '13800138000', a date → '2026-03-05'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:  # a double holds 15 digits exactly
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
