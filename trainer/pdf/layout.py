"""Building blocks every document shares: styles in the Chinese font, paragraphs and tables that
wrap Chinese and mixed Chinese/Latin text, A4 page templates with a footer "第 n 页 共 m 页",
writing to a path atomically or to a file object, and progress/cancel.

A document module makes a *story* (a list of flowables) from plain data; `write_story` turns
stories into a PDF. The class archive puts several stories in one PDF the same way."""
from __future__ import annotations

import datetime as dt
import io
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Callable, Iterator, Sequence, Union

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Table, TableStyle)
from reportlab.platypus.flowables import Flowable

from trainer.errors import PdfError
from trainer.files import atomic_stream
from trainer.pdf import cjk_breaks  # noqa: F401 - Chinese punctuation never starts a line
from trainer.pdf import fallback
from trainer.pdf.fonts import DocumentFonts, document_fonts

Target = Union[str, os.PathLike, IO[bytes]]
ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 14 * mm
HEADER_SPACE = 10 * mm   # above the frame: office name and document title
FOOTER_SPACE = 9 * mm    # below the frame: page n of m, printed date
GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#e8edf3")
ZEBRA_FILL = colors.HexColor("#f7f7f7")


@dataclass(frozen=True)
class Styles:
    """Paragraph styles in the document's Chinese font. wordWrap='CJK' breaks between Chinese
    characters and keeps Latin words whole where the line has room (ReportLab's rule)."""

    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head_cell: ParagraphStyle


def make_styles(font: str, base_size: float = 10.5) -> Styles:
    def style(name: str, size: float, align=TA_LEFT, leading: float | None = None,
              space_after: float = 0, text_color=colors.black) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.35,
                              alignment=align, wordWrap="CJK", spaceAfter=space_after,
                              textColor=text_color, splitLongWords=True)

    cell = base_size - 1.5
    return Styles(
        font=font,
        title=style("title", 18, TA_CENTER, space_after=4),
        subtitle=style("subtitle", 11, TA_CENTER, space_after=6, text_color=colors.HexColor("#333333")),
        heading=style("heading", 13, leading=18, space_after=4),
        body=style("body", base_size, space_after=3),
        small=style("small", 8, text_color=colors.HexColor("#444444")),
        cell=style("cell", cell),
        cell_center=style("cell_center", cell, TA_CENTER),
        cell_right=style("cell_right", cell, TA_RIGHT),
        head_cell=style("head_cell", cell, TA_CENTER),
    )


def _escape(s: str) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


def escape(text: object, font: str | None = None) -> str:
    """Paragraph markup is XML: a name with & or < must not break it; newlines become <br/>.
    With the paragraph's `font`: characters it lacks go in <font> of a font that has them
    (pdf/fallback.py), so 王䶮 and 李𠮷祥 print whole."""
    s = "" if text is None else str(text)
    if font is None:
        return _escape(s)
    return fallback.markup([(_escape(run), name) for run, name in fallback.runs(s, font)], font)


def para(text: object, style: ParagraphStyle, markup: bool = False) -> Paragraph:
    return Paragraph(str(text) if markup else escape(text, style.fontName), style)


def fitted_para(text: object, style: ParagraphStyle, width: float, height: float,
                min_size: float = 5.5) -> Paragraph:
    """A paragraph made smaller until it fits width × height: fixed-height rows (sign-in sheet,
    timetable cells) never overflow whatever length a name has."""
    size = style.fontSize
    while True:
        st = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2)
        p = Paragraph(escape(text, style.fontName), st)
        _w, h = p.wrap(width, height * 10)
        if h <= height or size <= min_size:
            return p
        size = max(min_size, size - 0.5)


def one_line(text: object, style: ParagraphStyle, width: float) -> Paragraph:
    """A cell that never wraps (a masked ID number 3605**********123X): the type made smaller
    until the text fits `width` on one line."""
    value = "" if text is None else str(text)
    natural = fallback.string_width(value, style.fontName, style.fontSize)
    if natural <= width:
        return para(value, style)
    size = style.fontSize * width / natural
    return para(value, ParagraphStyle(f"{style.name}-{size:.2f}", parent=style, fontSize=size,
                                      leading=style.leading))


def text_width(text: str, font: str, size: float) -> float:
    return fallback.string_width(text, font, size)


def data_table(header: Sequence[str] | None, rows: Sequence[Sequence[object]],
               col_widths: Sequence[float], styles: Styles, *,
               align: Sequence[str] | None = None, zebra: bool = True,
               row_heights: Sequence[float] | float | None = None,
               extra_style: Sequence[tuple] = ()) -> Table:
    """A ruled table in the document's font, every cell a wrapping paragraph (so long Chinese
    or mixed text wraps inside its column instead of running over the next), the header
    repeated on every page. `align` per column: 'l', 'c' or 'r'. A cell that is already a
    flowable is used as it is."""
    cell_style = {"l": styles.cell, "c": styles.cell_center, "r": styles.cell_right}
    aligns = list(align or ["l"] * len(col_widths))

    def cell(value, column):
        if isinstance(value, Flowable):
            return value
        return para(value, cell_style[aligns[column]])

    data = []
    if header:
        data.append([para(h, styles.head_cell) for h in header])
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    if isinstance(row_heights, (int, float)):
        row_heights = [row_heights] * len(data)
    table = Table(data, colWidths=list(col_widths), rowHeights=row_heights,
                  repeatRows=1 if header else 0)
    commands = [("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    if zebra and len(data) > 2:
        start = 1 if header else 0
        commands.append(("ROWBACKGROUNDS", (0, start), (-1, -1), [colors.white, ZEBRA_FILL]))
    table.setStyle(TableStyle(commands + list(extra_style)))
    return table



class KeepWithLastRows(Flowable):
    """A table and what closes it (the sign-off line 制表/审核/负责人): when the page ends, the
    table splits so that its last `rows` rows go on with the closing flowables — never the
    sign-off alone on a page, away from the table it signs."""

    def __init__(self, table: Table, closing: Sequence[Flowable], rows: int = 3) -> None:
        super().__init__()
        self.table, self.closing, self.rows = table, list(closing), rows

    def _closing_height(self, width: float, height: float) -> float:
        return sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in self.closing)

    def wrap(self, availWidth, availHeight):
        width, height = self.table.wrap(availWidth, availHeight)
        self.width, self.height = width, height + self._closing_height(availWidth, availHeight)
        return self.width, self.height

    def draw(self):  # fits: drawn as its parts
        y = self.height
        for flowable in [self.table] + self.closing:
            w, h = flowable.wrap(self.width, self.height)
            y -= flowable.getSpaceBefore() + h
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()

    def split(self, availWidth, availHeight):
        header = self.table.repeatRows if isinstance(self.table.repeatRows, int) else 0
        body_rows = len(self.table._cellvalues) - header
        room = availHeight
        while room > 0:
            parts = self.table.split(availWidth, room)
            if len(parts) < 2:
                return []  # not one row fits: the whole goes to the next page
            rest_rows = len(parts[1]._cellvalues) - header
            if rest_rows >= min(self.rows, body_rows):
                return [parts[0], KeepWithLastRows(parts[1], self.closing, self.rows)]
            room -= 12  # leave one more row for the closing part
        return []

# --- progress and cancel ----------------------------------------------------------------------

@dataclass
class Job:
    """Progress and cancel for a long document: `step()` reports and raises PdfError('cancelled')
    once `cancel()` returns True. The GUI passes `lambda d, t: p.report(d, t)` and
    `lambda: p.cancelled` from its worker."""

    progress: ProgressFn | None = None
    cancel: CancelFn | None = None
    total: int = 0
    done: int = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise PdfError("cancelled")

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)
        self.check()


# --- output -----------------------------------------------------------------------------------

@contextmanager
def open_target(out: Target) -> Iterator[IO[bytes]]:
    """A binary stream to write the PDF to. For a path: a temporary file in the same folder,
    renamed over the target only when writing succeeds, so a cancelled or failed document never
    leaves half a file (nor destroys the previous one)."""
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
        return
    with atomic_stream(out) as fh:
        yield fh


@dataclass(frozen=True)
class PdfResult:
    """What a build_… function made: the file (None when written to a stream), its page count,
    the font used and warnings (PdfError objects: str() gives the sentence)."""

    path: str | None
    pages: int
    font: str
    embedded: bool
    warnings: tuple[PdfError, ...] = ()
    files: tuple[str, ...] = ()   # one PDF per trainee: every file written

    def warning_texts(self, lang: str | None = None) -> list[str]:
        return [w.message(lang) for w in self.warnings]


def target_path(out: Target) -> str | None:
    return None if hasattr(out, "write") else os.path.abspath(os.fspath(out))


# --- pages ------------------------------------------------------------------------------------

@dataclass
class PageInfo:
    """Printed on every page: the office (top left), the document title (top right), the date it
    was printed (bottom left), the page count (bottom centre) and a note (bottom right: e.g.
    that the year's holidays are provisional)."""

    office: str = ""
    title: str = ""
    printed: dt.date = field(default_factory=dt.date.today)
    font: str = "Helvetica"
    note: str = ""


def _numbered_canvas(info: PageInfo):
    class NumberedCanvas(pdfcanvas.Canvas):
        """Keeps each page until the end so the footer can say 第 n 页 共 m 页."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, 1):
                self.__dict__.update(state)
                draw_footer(self, info, number, total)
                pdfcanvas.Canvas.showPage(self)
            pdfcanvas.Canvas.save(self)

    return NumberedCanvas


def draw_footer(canv, info: PageInfo, number: int, total: int) -> None:
    """The page's footer: the date printed, 第 n 页 共 m 页 and the note."""
    width, _height = canv._pagesize
    canv.saveState()
    canv.setFont(info.font, 8)
    canv.setFillColor(colors.HexColor("#444444"))
    canv.drawCentredString(width / 2, MARGIN - 2 * mm, f"第 {number} 页 共 {total} 页")
    canv.drawString(MARGIN, MARGIN - 2 * mm, f"打印日期 {info.printed.isoformat()}")
    if info.note:
        fallback.draw_string(canv, width - MARGIN, MARGIN - 2 * mm, info.note, info.font, 8,
                             "right")
    canv.restoreState()


def _decorate(info: PageInfo):
    def on_page(canv, doc):
        width, height = canv._pagesize
        canv.saveState()
        canv.setFont(info.font, 8.5)
        canv.setFillColor(colors.HexColor("#444444"))
        y = height - MARGIN + 2 * mm
        if info.office:
            fallback.draw_string(canv, MARGIN, y, info.office, info.font, 8.5)
        if info.title:
            fallback.draw_string(canv, width - MARGIN, y, info.title, info.font, 8.5, "right")
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.4)
        canv.line(MARGIN, y - 1.5 * mm, width - MARGIN, y - 1.5 * mm)
        canv.restoreState()
    return on_page


def frame_size(pagesize) -> tuple[float, float]:
    """Width and height a story has on one page of this size."""
    width, height = pagesize
    return (width - 2 * MARGIN - 12, height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE - 12)


class _Document(BaseDocTemplate):
    def __init__(self, stream, info: PageInfo, pagesize, job: Job | None, **kwargs):
        super().__init__(stream, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + HEADER_SPACE, bottomMargin=MARGIN + FOOTER_SPACE,
                         title=info.title, author=info.office, creator="Factory Classroom 课堂设在工厂",
                         initialFontName=info.font, initialFontSize=10, **kwargs)
        decorate = _decorate(info)
        templates = []
        for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
            w, h = size
            frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, w - 2 * MARGIN,
                          h - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE, id=name)
            templates.append(PageTemplate(id=name, frames=[frame], onPage=decorate, pagesize=size))
        if pagesize == LANDSCAPE:
            templates.reverse()  # the first template is the first page's
        self.addPageTemplates(templates)
        self._job = job
        self.pages = 0

    def afterPage(self):
        self.pages += 1
        if self._job is not None:
            self._job.check()


def page_template_name(pagesize) -> str:
    return "landscape" if pagesize == LANDSCAPE else "portrait"


def switch_page(pagesize) -> list[Flowable]:
    """Flowables that start a new page of this size (between parts of one PDF)."""
    return [NextPageTemplate(page_template_name(pagesize)), PageBreak()]


def write_story(out: Target, story: list[Flowable], info: PageInfo, fonts: DocumentFonts, *,
                pagesize=PORTRAIT, job: Job | None = None) -> PdfResult:
    """Lays out the story on A4 pages (portrait or landscape; NextPageTemplate switches) and
    writes the PDF to `out`."""
    info.font = fonts.body.name
    with open_target(out) as stream:
        buffer = io.BytesIO()
        doc = _Document(buffer, info, pagesize, job)
        doc.build(list(story), canvasmaker=_numbered_canvas(info))
        stream.write(buffer.getvalue())
    return PdfResult(target_path(out), doc.pages, fonts.body.face_name, fonts.body.embedded,
                     fonts.warnings)


def fonts_for(uow) -> DocumentFonts:
    return document_fonts(uow)


def hours_text(minutes: int) -> str:
    """Class hours (学时, 60 min here) as printed: 8, 7.5."""
    hours = minutes / 60
    return f"{hours:.0f}" if abs(hours - round(hours)) < 1e-9 else f"{hours:.1f}"


WEEKDAYS_ZH = "一二三四五六日"


def date_zh(day: dt.date, weekday: bool = False) -> str:
    text = f"{day.year}年{day.month}月{day.day}日"
    return text + f"（星期{WEEKDAYS_ZH[day.weekday()]}）" if weekday else text
