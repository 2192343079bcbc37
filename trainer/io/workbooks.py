"""Excel files the office writes: rejected rows to send back (with a reason column), blank
import templates, and exports of any list (headers in the UI language, widths that fit Chinese
text, dates as real Excel dates, money as numbers with a format).

Every workbook goes out through _save, which makes sure nothing in it runs as a formula (a
name typed as `=HYPERLINK(…)` stays that text: OWASP's CSV/formula injection) and that it prints:
A4, landscape when wide, fitted to the page width, header row repeated on every page and frozen.
CSV output passes its cells through csv_cell."""
from __future__ import annotations

import datetime as dt
import io
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.utils import get_column_letter

from trainer.files import FirstErrorStream, OutputError, atomic_output
from trainer.io.columns import fields_of
from trainer.io.reading import cell_text
from trainer.texts import language
from trainer.rules.text import display_width, escape_controls

MAX_WIDTH = 60  # characters; longer text wraps in Excel rather than making a huge column
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
TEXT_FORMAT = "@"
PORTRAIT_WIDTH = 95  # characters of column width an A4 portrait page holds at 100 %
# columns that hold identifiers: typed as numbers, Excel keeps 15 digits and shows 3.60502E+17
TEXT_COLUMNS = ("id_number", "mobile", "credit_code", "contact_phone")
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REASON_FILL = PatternFill("solid", fgColor="FCE4D6")


def _save(book: Workbook, path: str | os.PathLike) -> Path:
    """Written to a temporary name beside `path`, renamed when complete (trainer.files): a full
    disk or a file open in Excel gives OutputError and leaves the old file as it was."""
    if not book.write_only:  # write-only sheets: _typed_cell and _print_setup as written
        for sheet in book.worksheets:
            _no_formulas(sheet)
            _print_setup(sheet)
    target = Path(path)
    sink = None
    try:
        with atomic_output(target, ".xlsx") as tmp, open(tmp, "r+b") as fh:
            sink = FirstErrorStream(fh)
            book.save(sink)
            if sink.error is not None:
                raise sink.error
    except OutputError:
        if sink is None and book.write_only:  # no file to write to: finish the sheets' writers
            book.save(io.BytesIO())           # here, not in a complaint at garbage collection
        raise
    return target


def _no_formulas(sheet) -> None:
    """openpyxl stores a string beginning with '=' as a formula: make every such cell text."""
    for cell in sheet._cells.values():
        if cell.data_type == "f":
            cell.data_type = "s"


def _print_setup(sheet) -> None:
    """A4, landscape when the columns are wider than a portrait page, fitted to the page
    width (as many pages down as needed), the header row on every page and frozen."""
    width = sum((d.width or 9) for d in sheet.column_dimensions.values())
    setup = sheet.page_setup
    setup.paperSize = "9"  # A4
    setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
    if not sheet.freeze_panes:
        sheet.freeze_panes = "A2"


def csv_cell(value: Any) -> str:
    """A cell for a CSV file that a spreadsheet will open: text beginning with =, +, -, @, tab
    or carriage return gets a leading apostrophe so it is never run as a formula (OWASP);
    numbers such as -12.5 stay numbers."""
    text = cell_text(value)
    if text[:1] in _FORMULA_STARTS and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_FORMULA_STARTS = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def _width(value: Any) -> int:
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    return max((display_width(line) for line in cell_text(value).splitlines()), default=0)


def _set_widths(sheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 4) + 2, MAX_WIDTH)


def _excel_value(value: Any) -> Any:
    """Dates stay dates; tuples become 、-joined text; control characters, which a workbook
    cannot hold, as visible \\xNN (a stored name however odd never fails an export)."""
    if isinstance(value, (list, tuple)):
        return escape_controls("、".join(cell_text(v) for v in value))
    if isinstance(value, str):
        return escape_controls(value)
    if value is None or isinstance(value, (int, float, bool, dt.date, dt.datetime)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def export_records(path: str | os.PathLike, headers: Sequence[str],
                   rows: Iterable[Sequence[Any]], *, title: str = "") -> Path:
    """A list as an .xlsx: bold header row frozen at the top, auto-filter, dates as dates.
    `rows` may be a generator: the file is written row by row (write-only mode)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "Sheet1")
    widths = [display_width(h) for h in headers]
    # write-only sheets need widths before the first row: collect rows first (a list export
    # is at most a few hundred thousand short rows), measuring as we go
    data = []
    for row in rows:
        values = [v if isinstance(v, Decimal) else _excel_value(v) for v in row]
        for i, v in enumerate(values[:len(widths)]):
            widths[i] = max(widths[i], _width(v))
        data.append(values)
    _set_widths(sheet, widths)
    _print_setup(sheet)  # before the first row: a write-only sheet writes its head then
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=h)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    for values in data:
        sheet.append([_typed_cell(sheet, v) for v in values])
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(data) + 1}"
    return _save(book, path)


def _typed_cell(sheet, value: Any) -> Any:
    """A write-only cell: dates and money with their formats, text as text (never a formula)."""
    if type(value) is str:
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT if not isinstance(value, dt.datetime) else \
            "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=float(value))
        cell.number_format = MONEY_FORMAT
        return cell
    return value


def write_template(kind: str, path: str | os.PathLike, lang: str | None = None) -> Path:
    """A blank import template: the header (required columns marked *) and one example row."""
    lang = lang or language()
    specs = fields_of(kind)
    book = Workbook()
    sheet = book.active
    sheet.title = {"zh": "导入模板"}.get(lang, "Import template")
    headers = [s.label(lang) + ("*" if s.required else "") for s in specs]
    sheet.append(headers)
    sheet.append([_example(s) for s in specs])
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    for index, spec in enumerate(specs, 1):
        if spec.name in TEXT_COLUMNS:
            # the whole column as text, the rows a clerk types below the example too (the
            # column's style is what Excel, WPS and LibreOffice give a newly typed cell)
            sheet.column_dimensions[get_column_letter(index)].number_format = TEXT_FORMAT
            sheet.cell(2, index).number_format = TEXT_FORMAT
        if spec.date:
            sheet.cell(2, index).number_format = DATE_FORMAT
    _set_widths(sheet, [max(display_width(h), _width(_example(s)))
                        for h, s in zip(headers, specs)])
    sheet.freeze_panes = "A2"
    return _save(book, path)


def _example(spec) -> Any:
    if spec.date and isinstance(spec.example, str) and spec.example:
        return dt.date.fromisoformat(spec.example)
    return spec.example


def write_rejects(preview, path: str | os.PathLike, lang: str | None = None) -> Path:
    """The rejected rows of an ImportPreview as they were in the file, with a first column for
    the row number and a last column for every reason, to send back to the enterprise."""
    lang = lang or language()
    zh = lang == "zh"
    book = Workbook()
    sheet = book.active
    sheet.title = "退回" if zh else "Rejected"
    width = max([len(preview.headers)] + [len(r.cells) for r in preview.rejected])
    headers = ["原行号" if zh else "Row"] + [
        preview.headers[i] if i < len(preview.headers) else "" for i in range(width)] + [
        "原因" if zh else "Reason"]
    headers = [_excel_value(h) for h in headers]
    sheet.append(headers)
    widths = [display_width(h) for h in headers]
    for rejected in preview.rejected:
        cells = list(rejected.cells) + [None] * (width - len(rejected.cells))
        values = [rejected.row] + [_excel_value(c) for c in cells] + [
            _excel_value(rejected.message(lang))]
        sheet.append(values)
        for i, v in enumerate(values):
            widths[i] = max(widths[i], _width(v))
        for problem in rejected.problems:  # mark the bad cells
            if problem.column is not None:
                sheet.cell(sheet.max_row, problem.column + 2).fill = _REASON_FILL
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    for row in sheet.iter_rows(min_row=2):  # keep ID numbers and mobiles as text
        for cell in row:
            if isinstance(cell.value, str):
                cell.number_format = "@"
            elif isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FORMAT
    reason = sheet.column_dimensions[get_column_letter(len(headers))]
    _set_widths(sheet, widths)
    reason.width = min(max(widths[-1], 10) + 2, 80)
    for row in sheet.iter_rows(min_row=2, min_col=len(headers), max_col=len(headers)):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    return _save(book, path)
