"""Printing a PDF the app made, page by page, as the document says.

Each page goes on a sheet of its own size and orientation (a landscape certificate on a landscape
A4 sheet, full size: the documents keep every mark 8 mm or more from the edge, so nothing is
scaled), the page range and copies of the print dialog are honoured, and the work runs off the
GUI thread (QPainter may paint on a QPrinter in another thread) with progress and Cancel.

Why raster: the Qt PDF module (vector pages on a QPainter) is not in the PySide6-Essentials
wheel, so each page is drawn by PDFium (pypdfium2) at the printer's resolution — in bands of
BAND_ROWS rows, so memory stays the same whatever the resolution or the page count. Measured
(bench/bench_printing.py): a table page in grey at 600 dpi spools 0.8 MB, in colour 3.2 MB; a
certificate (colour) at 300 dpi 0.76 MB, at 600 dpi 2.2 MB. So a job without colour is printed
in grey at up to 600 dpi, one with colour at up to 300 dpi."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

MAX_DPI = 600      # an office laser prints 600 dpi; more only makes the spool bigger
COLOUR_DPI = 300   # in colour, 600 dpi spools 3 × the bytes (certificates: type of 14 pt and up)
BAND_ROWS = 1024   # rows of pixels rendered at a time (600 dpi A4: 5,000 × 1,024 × 3 = 15 MB)


class PrintCancelled(Exception):
    """The user pressed Cancel: the printer job was aborted."""


@dataclass(frozen=True)
class PrintSummary:
    sheets: int          # pages sent, copies included
    pages: tuple[int, ...]  # 1-based page numbers of one copy
    copies: int          # copies made by us (1 when the driver makes them)
    dpi: int


def chosen_pages(printer, page_count: int) -> list[int]:
    """0-based indexes of the pages the print dialog asked for, in order: all, a range
    (from–to) or a list such as 1,3-5 (QPageRanges)."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(page_count) if ranges.contains(i + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            last = last if last > 0 else page_count
            return [i for i in range(page_count) if first <= i + 1 <= last]
    return list(range(page_count))


def sheet_order(pages: list[int], copies: int, collate: bool) -> list[int]:
    """Pages in the order they are sent: 1 2 3 1 2 3 collated, 1 1 2 2 3 3 not."""
    if collate:
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def page_layout(width_pt: float, height_pt: float):
    """A sheet for a PDF page of this size: the standard paper it is (A4, A5…) in the page's
    orientation, no margins (the document has its own)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize

    short, long_ = sorted((width_pt, height_pt))
    size = QPageSize(QSizeF(short, long_), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if width_pt > height_pt
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(path: str, printer, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> PrintSummary:
    """Prints the PDF at `path` on `printer` (set up by a QPrintDialog or in code). Runs in any
    thread; `progress(done, total)` after each sheet; `cancelled()` is asked between bands and
    raises PrintCancelled after aborting the job (nothing reaches the printer)."""
    import pypdfium2 as pdfium
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    document = pdfium.PdfDocument(path)
    try:
        pages = chosen_pages(printer, len(document))
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        order = sheet_order(pages, copies, printer.collateCopies())
        # Qt writes every image in colour unless the printer is in grey mode, which cannot
        # change within a job: a job without colour goes in grey (a quarter of the bytes)
        grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
        if not grey:
            grey = True
            for index in dict.fromkeys(pages):  # ~5 ms a page; stops at the first colour one
                if cancelled is not None and cancelled():
                    raise PrintCancelled()
                if has_colour(document[index]):
                    grey = False
                    break
        if grey:
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        dpi = min(printer.resolution(), MAX_DPI if grey else COLOUR_DPI)
        printer.setFullPage(True)
        painter = QPainter()
        for done, index in enumerate(order):
            page = document[index]
            width_pt, height_pt = page.get_size()
            printer.setPageLayout(page_layout(width_pt, height_pt))
            if done == 0:
                if not painter.begin(printer):
                    raise OSError("the printer cannot be used")
            elif not printer.newPage():
                raise OSError("the printer refused a new page")
            sheet = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.setViewport(sheet)
            painter.setWindow(sheet)
            _draw_page(painter, page, QRectF(sheet), dpi, grey, cancelled, printer)
            page.close()
            if progress is not None:
                progress(done + 1, len(order))
        if painter.isActive():
            painter.end()
    finally:
        document.close()
    return PrintSummary(len(order), tuple(i + 1 for i in pages), copies, dpi)


def has_colour(page, saturation: int = 40) -> bool:
    """Whether the page shows colour (a red seal, a coloured frame), judged on a thumbnail: the
    pale grey-blue of table headers (#e8edf3, saturation 12 of 255) does not count."""
    image = page.render(scale=0.15, rev_byteorder=True).to_pil().convert("RGB")
    return image.convert("HSV").getchannel("S").getextrema()[1] > saturation


def _draw_page(painter, page, target, dpi: int, grey: bool, cancelled, printer) -> None:
    """Renders the page band by band and draws each band where it belongs on the sheet."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage

    width_pt, height_pt = page.get_size()
    scale = dpi / 72
    band_pt = BAND_ROWS / scale
    top = 0.0
    while top < height_pt:
        if cancelled is not None and cancelled():
            printer.abort()
            if painter.isActive():
                painter.end()
            raise PrintCancelled()
        bottom = min(height_pt, top + band_pt)
        # crop = (left, bottom, right, top) in points cut away from the page's edges
        bitmap = page.render(scale=scale, crop=(0, height_pt - bottom, 0, top),
                             grayscale=grey, rev_byteorder=True)
        fmt = (QImage.Format.Format_Grayscale8 if bitmap.n_channels == 1 else
               QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else
               QImage.Format.Format_RGBX8888)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        y = target.y() + target.height() * top / height_pt
        h = target.height() * (bottom - top) / height_pt
        painter.drawImage(QRectF(target.x(), y, target.width(), h), image)
        del image
        bitmap.close()
        top = bottom
