"""Reading the spreadsheets enterprises send: .xlsx (openpyxl, read-only), .xls (xlrd) and CSV
in UTF-8, UTF-8 with BOM or GB18030/GBK. Gives the raw cells of one sheet, row by row, so the
importer sees every file the same way; what cannot be read at all raises UnreadableFileError."""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from trainer.errors import ReasonError

Cell = Any  # None, str, int, float, bool, datetime.date or datetime.datetime


class ImportFileError(ReasonError):
    """A file that cannot be imported as a whole: `reason` is a code of TEXTS, `params` fill it."""

    TEXTS = {
        "not_found": ("找不到文件“{path}”。", "File “{path}” not found."),
        "unreadable": ("无法读取文件“{path}”:{detail}", "Cannot read file “{path}”: {detail}"),
        "format": ("“{path}”不是 Excel(.xlsx/.xls)或 CSV 文件。",
                   "“{path}” is not an Excel (.xlsx/.xls) or CSV file."),
        "encrypted": ("文件“{path}”设有密码,请在 Excel 中取消密码后另存再导入。",
                      "File “{path}” is password-protected; remove the password in Excel, save "
                      "and import again."),
        "sheet": ("文件中没有工作表“{sheet}”。", "The file has no sheet “{sheet}”."),
        "empty": ("文件“{path}”中没有数据。", "File “{path}” holds no data."),
        "no_header": ("在前 {rows} 行中找不到表头(如“{example}”),请指定列的对应关系。",
                      "No header row (such as “{example}”) in the first {rows} rows; map the "
                      "columns by hand."),
        "bad_mapping": ("列对应关系无效:{detail}", "Invalid column mapping: {detail}"),
        "unknown_enterprise": ("企业“{name}”不存在,请先添加该企业。",
                               "Enterprise “{name}” does not exist; add it first."),
        "write_failed": ("写入数据库失败,未导入任何数据:{detail}",
                         "Writing to the database failed; nothing was imported: {detail}"),
        "cancelled": ("导入已取消,未写入任何数据。", "Import cancelled; nothing was written."),
    }


class UnreadableFileError(ImportFileError):
    """The file is missing, not a spreadsheet, damaged or encrypted (CLI exit code 2)."""


@dataclass(frozen=True)
class Table:
    """The cells of one sheet. rows[i] is spreadsheet row i + 1 (as Excel numbers it); rows
    may differ in length. `encoding` is set for CSV files."""

    path: str
    sheet: str
    rows: tuple[tuple[Cell, ...], ...]
    encoding: str = ""


def read_table(path: str | os.PathLike, sheet: str | int | None = None) -> Table:
    """The first sheet (or `sheet`, a name or 0-based index) of an .xlsx/.xls/.csv file. The
    format is told by the file's first bytes, not its name: offices rename files freely."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableFileError("not_found", path=str(p))
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFileError("unreadable", path=str(p), detail=exc.strerror or exc) from None
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(p, sheet)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls, or an encrypted .xlsx
        return _read_xls(p, sheet)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and head:
        raise UnreadableFileError("format", path=str(p))
    return _read_csv(p)


# --- .xlsx -----------------------------------------------------------------------------------

def _read_xlsx(path: Path, sheet: str | int | None) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            OSError) as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    try:
        ws = _pick_sheet(book.worksheets, [w.title for w in book.worksheets], sheet)
        try:
            rows = tuple(ws.iter_rows(min_row=1, values_only=True))
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError,
                SyntaxError) as exc:  # SyntaxError: ElementTree's ParseError
            raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
        return Table(str(path), ws.title, rows)
    finally:
        book.close()


# --- .xls ------------------------------------------------------------------------------------

def _read_xls(path: Path, sheet: str | int | None) -> Table:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower() or _is_ole_package(path):
            raise UnreadableFileError("encrypted", path=str(path)) from None
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    except Exception as exc:  # xlrd raises bare struct/assertion/index errors on damaged files
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    try:
        names = book.sheet_names()
        index = names.index(_pick_sheet(names, names, sheet))
        ws = book.sheet_by_index(index)
        rows = tuple(tuple(_xls_value(ws.cell(r, c), book.datemode) for c in range(ws.ncols))
                     for r in range(ws.nrows))
        return Table(str(path), ws.name, rows)
    except UnreadableFileError:
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


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=exc.strerror or exc) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFileError("format", path=str(path))
    text, encoding = decode_text(data)
    if text.lstrip()[:1] == "<":  # HTML saved as ".xls" by web systems
        raise UnreadableFileError("format", path=str(path))
    try:
        rows = tuple(tuple(c if c != "" else None for c in row)
                     for row in csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error as exc:
        raise UnreadableFileError("unreadable", path=str(path), detail=_detail(exc)) from None
    return Table(str(path), path.stem, rows, encoding)


def _dialect(text: str) -> type[csv.Dialect]:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        return csv.excel


# --- shared ----------------------------------------------------------------------------------

def _pick_sheet(sheets: list, names: list[str], sheet: str | int | None):
    if not sheets:
        raise UnreadableFileError("sheet", sheet=sheet if sheet is not None else "1")
    if sheet is None:
        return sheets[0]
    if isinstance(sheet, int):
        if 0 <= sheet < len(sheets):
            return sheets[sheet]
    elif sheet in names:
        return sheets[names.index(sheet)]
    raise UnreadableFileError("sheet", sheet=sheet)


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
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
