"""What calamine does not give of an OpenDocument sheet: its vertically merged cells
(table:number-rows-spanned) and its hidden rows (table:visibility="collapse" or "filter"),
read from content.xml with a streaming parser after bounds.scan_ods has measured it."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

from trainer.io.bounds import LIMITS, Limits

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
T = "{%s}" % _TABLE
FILLER = 1000  # a repeat this long is the empty tail Calc writes, not rows a person sees


def ods_sheet_meta(path: str | Path, sheet: str, limits: Limits = LIMITS
                   ) -> tuple[list[tuple[int, int, int]], tuple[int, ...]]:
    """(merges as (first row, column, last row), 0-based; hidden spreadsheet row numbers)."""
    merges: list[tuple[int, int, int]] = []
    hidden: list[int] = []
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as fh:
        if not _mentions(archive):
            return merges, ()
        inside = False
        row = 0
        for event, elem in iterparse(fh, events=("start", "end")):
            tag = elem.tag
            if tag == f"{T}table":
                if event == "start":
                    inside = elem.get(f"{T}name") == sheet
                elif inside:
                    break
                continue
            if not inside or event != "end":
                continue
            if tag == f"{T}table-row":
                repeat = int(elem.get(f"{T}number-rows-repeated", "1"))
                if elem.get(f"{T}visibility", "visible") != "visible" and repeat < FILLER:
                    hidden.extend(range(row + 1, row + repeat + 1))
                column = 0
                for cell in elem:
                    span = cell.get(f"{T}number-rows-spanned")
                    if span and int(span) > 1:
                        merges.append((row, column, row + int(span) - 1))
                    column += int(cell.get(f"{T}number-columns-repeated", "1"))
                row += repeat
                elem.clear()
    return merges, tuple(hidden)


def _mentions(archive: zipfile.ZipFile) -> bool:
    """Whether content.xml has any merged or hidden row at all (most files: no parse needed)."""
    with archive.open("content.xml") as fh:
        tail = b""
        while chunk := fh.read(2**20):
            buf = tail + chunk
            if b"number-rows-spanned" in buf or b"table:visibility" in buf:
                return True
            tail = buf[-40:]
    return False
