"""Bounded reading: a look at a spreadsheet's parts before anything parses them, so a file built
to exhaust memory — a lying <dimension>, one cell at XFD1048576, a shared-strings table that
inflates to gigabytes, a zip bomb — is refused with a sentence instead of taking the machine
down (calamine, the reader, allocates the sheet's whole cell area at once, and a failed
allocation in its Rust code ends the process).

The parts are streamed from the zip (never read whole) and counted: uncompressed bytes and the
compression ratio of each part, rows, the cell area (highest row × highest column), shared
strings, and the text those cells will hold once resolved. The same pass collects what the
reader does not give: the hidden rows of an .xlsx sheet and each sheet's part name. Within the
limits the importer's peak memory stays under 400 MB (bench/bench_import.py --memory)."""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from trainer.errors import ReasonError
from trainer.texts import errors as error_texts


@dataclass(frozen=True)
class Limits:
    rows: int = 150_000  # a city-wide roster is 100,000 people
    cells: int = 1_800_000  # highest row × highest column: 150,000 × 12 measured at 391 MB
    part_bytes: int = 400 * 2**20  # one uncompressed part (a sheet's XML)
    ratio: int = 100  # uncompressed / compressed, for parts larger than RATIO_FLOOR
    shared_strings: int = 1_000_000  # entries of the shared-strings table
    shared_bytes: int = 64 * 2**20  # the shared-strings table's XML
    text_bytes: int = 160 * 2**20  # the text of all cells once shared strings are resolved
    file_bytes: int = 200 * 2**20  # a .csv/.txt or .xls file


LIMITS = Limits()
RATIO_FLOOR = 2 * 2**20  # small parts compress as they like
CHUNK = 2**20


class FileTooBigError(ReasonError):
    """Beyond the import's limits (CLI exit code 2)."""

    TEXTS = error_texts.FILE_TOO_BIG_ERROR  # trainer/texts/errors.py


WHAT = {"rows": ("行数", "the number of rows"), "cells": ("单元格范围", "the cell area"),
        "part_bytes": ("工作表大小", "the sheet's size"),
        "shared_strings": ("文本条目数", "the number of shared texts"),
        "shared_bytes": ("文本表大小", "the shared-text table's size"),
        "text_bytes": ("文本总量", "the total text"), "file_bytes": ("文件大小", "the file size")}


def refuse(path: str, what: str, value: int, limit: int) -> FileTooBigError:
    from trainer.texts import language, pick

    return FileTooBigError("too_big", path=path, what=pick(WHAT[what], language()),
                           value=f"{value:,}", limit=f"{limit:,}")


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool
    part: str  # the sheet's XML part in the zip ('' when not known)


@dataclass(frozen=True)
class SheetScan:
    rows: int
    columns: int
    cells: int
    hidden_rows: tuple[int, ...]  # spreadsheet row numbers


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_WIDE = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')  # cells beyond column Z
# _BEYOND[n]: a cell in a column after the n-th (A = 1), when no cell is beyond Z
_BEYOND = [re.compile(b'<c r="([' + bytes([65 + n]) + b'-Z])') for n in range(26)]
_SHARED_REF = re.compile(rb't="s"[^>]*>\s*<v>(\d+)</v>')
_SI = re.compile(rb"<si\b.*?</si>", re.S)


def stream(archive: zipfile.ZipFile, name: str, path: str, limit: int, limits: Limits):
    """The chunks of a part, uncompressed, stopping at `limit` bytes or a bomb's ratio."""
    info = archive.getinfo(name)
    done = 0
    with archive.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                return
            done += len(chunk)
            if done > limit:
                raise refuse(path, "part_bytes" if limit == limits.part_bytes else
                             "shared_bytes", done, limit)
            if done > RATIO_FLOOR and done > limits.ratio * max(info.compress_size, 1):
                raise FileTooBigError("ratio", path=path, part=name, value=limits.ratio,
                                      limit=limits.ratio)
            yield chunk


def read_part(archive: zipfile.ZipFile, name: str, path: str, limits: Limits) -> bytes:
    return b"".join(stream(archive, name, path, limits.shared_bytes, limits))


def xlsx_sheets(archive: zipfile.ZipFile, path: str, limits: Limits = LIMITS) -> list[SheetInfo]:
    """The workbook's sheets in order: name, hidden or not, and XML part."""
    from xml.etree import ElementTree

    book = ElementTree.fromstring(read_part(archive, "xl/workbook.xml", path, limits))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets = {}
    if rels_name in archive.namelist():
        for rel in ElementTree.fromstring(read_part(archive, rels_name, path, limits)):
            target = rel.get("Target", "")
            targets[rel.get("Id")] = (target.lstrip("/") if target.startswith("/")
                                      else str(PurePosixPath("xl") / target))
    sheets = []
    for sheet in book.iter(f"{_NS}sheet"):
        sheets.append(SheetInfo(sheet.get("name", ""), sheet.get("state", "visible") != "visible",
                                targets.get(sheet.get(_REL), "")))
    return sheets


def scan_xlsx(archive: zipfile.ZipFile, part: str, path: str,
              limits: Limits = LIMITS) -> SheetScan:
    """Counts a sheet (and the shared strings it uses) against the limits; its hidden rows."""
    names = set(archive.namelist())
    lengths = _shared_lengths(archive, path, limits) if "xl/sharedStrings.xml" in names else []
    longest = max(lengths, default=0)
    rows = cells = columns = 0
    hidden: list[int] = []
    refs: Counter[bytes] = Counter()
    count_refs = False
    tail = b""
    for chunk in stream(archive, part, path, limits.part_bytes, limits):
        buf = tail + chunk
        cut = buf.rfind(b">") + 1
        buf, tail = buf[:cut], buf[cut:]
        if b'hidden="' in buf:
            for match in _HIDDEN_ROW.finditer(buf):
                number = _ROW_NUMBER.search(match.group())
                if number:
                    hidden.append(int(number.group(1)))
        last = buf.rfind(b"<row ")
        number = _ROW_NUMBER.search(buf, last, buf.find(b">", last)) if last >= 0 else None
        rows = int(number.group(1)) if number else rows + buf.count(b"<row")
        if rows > limits.rows:
            raise refuse(path, "rows", rows, limits.rows)
        cells += buf.count(b"<c ") + buf.count(b"<c>")
        wide = set(_WIDE.findall(buf))
        if wide:
            columns = max(columns, max(_column_number(c) for c in wide))
        elif columns < 26:  # one pass: each find raises the floor of the next
            found = _BEYOND[columns].search(buf)
            while found is not None:
                columns = found.group(1)[0] - 64
                found = _BEYOND[columns].search(buf, found.end()) if columns < 26 else None
        if not count_refs and longest * cells > limits.text_bytes:
            count_refs = True  # the cheap bound is not enough: count what the cells use
        if count_refs:
            refs.update(_SHARED_REF.findall(buf))
    columns = max(columns, 1 if cells else 0)
    area = rows * columns
    if area > limits.cells:
        raise refuse(path, "cells", area, limits.cells)
    if count_refs:
        text = sum(lengths[int(i)] * n for i, n in refs.items() if int(i) < len(lengths))
        if text > limits.text_bytes:
            raise refuse(path, "text_bytes", text, limits.text_bytes)
    return SheetScan(rows, columns, cells, tuple(hidden))


def _shared_lengths(archive: zipfile.ZipFile, path: str, limits: Limits) -> list[int]:
    """The XML length of each shared string (an upper bound of its text)."""
    lengths: list[int] = []
    tail = b""
    for chunk in stream(archive, "xl/sharedStrings.xml", path, limits.shared_bytes, limits):
        buf = tail + chunk
        cut = buf.rfind(b"</si>") + 5 if b"</si>" in buf else 0
        buf, tail = buf[:cut], buf[cut:]
        lengths.extend(len(m) for m in _SI.findall(buf))
        if len(lengths) > limits.shared_strings:
            raise refuse(path, "shared_strings", len(lengths), limits.shared_strings)
    return lengths


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


# --- .ods ------------------------------------------------------------------------------------

_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(/?)>")
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_COLS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')
_VALUE_CELL = re.compile(rb"<table:table-cell\b[^>]*office:value-type")
_COLLAPSED = re.compile(rb'table:visibility="(?:collapse|filter)')


def scan_ods(archive: zipfile.ZipFile, path: str, limits: Limits = LIMITS) -> None:
    """content.xml within the limits: its size and ratio, and the rows and cells that hold
    values once LibreOffice's repeat counts are expanded (a value repeated a million times
    down is refused; the repeated empty rows every .ods ends with are not counted)."""
    rows = cells = 0
    tail = b""
    for chunk in stream(archive, "content.xml", path, limits.part_bytes, limits):
        buf = tail + chunk
        cut = buf.rfind(b"</table:table-row>") + len(b"</table:table-row>") \
            if b"</table:table-row>" in buf else 0
        buf, tail = buf[:cut], buf[cut:]
        for row in buf.split(b"</table:table-row>"):
            start = row.find(b"<table:table-row")
            if start < 0:
                continue
            head = _ODS_ROW.match(row, start)
            repeat = _ROWS_REPEATED.search(head.group(1)) if head else None
            times = int(repeat.group(1)) if repeat else 1
            values = 0
            for cell in _VALUE_CELL.finditer(row):
                found = _COLS_REPEATED.search(row, cell.start(), row.find(b">", cell.start()))
                values += int(found.group(1)) if found else 1
            if values:
                rows += times
                cells += values * times
            elif times < 1000:
                rows += times  # blank rows between data rows count; the trailing filler not
            if rows > limits.rows:
                raise refuse(path, "rows", rows, limits.rows)
            if cells > limits.cells:
                raise refuse(path, "cells", cells, limits.cells)


def has_collapsed_rows(archive: zipfile.ZipFile, path: str, limits: Limits = LIMITS) -> bool:
    return any(_COLLAPSED.search(chunk) for chunk in
               stream(archive, "content.xml", path, limits.part_bytes, limits))
