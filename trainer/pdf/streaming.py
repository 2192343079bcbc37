"""A ReportLab canvas that writes each finished page to the file as it goes, so a document of
10,800 pages takes the memory of a few dozen.

ReportLab keeps every page's content in memory until `save()` and then builds the whole file as
one bytes object: memory grows with the page count (389 MB at 10,800 certificates). A PDF's
objects may stand in any order in the file (the cross-reference table says where each one is),
so here every `flush_every` pages the finished pages and their content streams are formatted by
ReportLab's own code, written, and dropped; `save()` then writes what only the end can know —
the fonts (their subsets hold the glyphs of every page), images, the page tree, catalogue,
document information — the cross-reference table and the trailer. One font subset and one
seal image serve the whole document, as with ReportLab's canvas; the file is one PDF.

Uses ReportLab's document internals (PDFDocument's object tables and formatting, as its own
`format()` does); tests/unit/pdf/test_streaming.py checks the file against ReportLab's own."""
from __future__ import annotations

from typing import IO, Iterable

from reportlab.pdfbase.pdfdoc import (PDF_SUPPORT_VERSION, PDFCrossReferenceTable, PDFFile,
                                      PDFIndirectObject, PDFObjectReference, PDFTrailer)
from reportlab.pdfgen import canvas as pdfcanvas

from trainer.pdf.fonts import DocumentFonts
from trainer.pdf.layout import (PORTRAIT, Job, PageInfo, PdfResult, Target, _Document, draw_footer,
                                open_target, target_path)

FLUSH_EVERY = 25  # pages kept before they are written (one page of a certificate: ~4 kB zipped)


class StreamingCanvas(pdfcanvas.Canvas):
    """A Canvas over a binary stream (a file open for writing, or BytesIO) that writes pages as
    they are finished. Use it as a Canvas; `save()` ends the file (the stream stays open)."""

    def __init__(self, stream: IO[bytes], *args, flush_every: int = FLUSH_EVERY, **kwargs):
        super().__init__(stream, *args, **kwargs)
        self._out = stream
        self._offset = 0
        self._flush_every = max(1, flush_every)
        self._unwritten: list[str] = []   # names of finished pages not yet in the file
        self.pages_written = 0

    # --- pages --------------------------------------------------------------------------

    def showPage(self):
        super().showPage()
        self._unwritten.append(f"Page{self._doc.pageCounter - 1}")  # as PDFDocument.addPage
        if len(self._unwritten) >= self._flush_every:
            self._flush_pages()

    def _write(self, data: bytes) -> int:
        at = self._offset
        self._out.write(data)
        self._offset += len(data)
        return at

    def _write_object(self, name: str) -> None:
        doc = self._doc
        doc.idToOffset[name] = self._write(PDFIndirectObject(name, doc.idToObject[name]).format(doc))

    def _flush_pages(self) -> None:
        doc = self._doc
        if self._offset == 0:  # the header: PDF version and the binary-marker comment
            doc.encrypt.prepare(doc)
            # written before the pages it covers: 1.4 at least, the one transparency (a later
            # page's translucent mark) needs — ReportLab's only reason to raise its 1.3
            self._write(PDFFile(max(doc._pdfVersion, PDF_SUPPORT_VERSION["transparency"])
                                ).format(doc))
        kids = doc.Pages.pages  # the finished pages, the unwritten ones last
        first = len(kids) - len(self._unwritten)
        for i, name in enumerate(self._unwritten, first):
            page = doc.idToObject[name]
            self._write_object(name)  # formats the page: its content stream gets a number
            stream_name = page.Contents.__InternalName__
            self._write_object(stream_name)
            # keep the names (for references and the page tree), drop the content
            doc.idToObject[name] = doc.idToObject[stream_name] = None
            kids[i] = PDFObjectReference(name)
        self.pages_written += len(self._unwritten)
        self._unwritten.clear()

    # --- the end ------------------------------------------------------------------------

    def save(self):
        """Writes the pages left, then fonts, images, page tree, catalogue, document
        information, cross-reference table and trailer (PDFDocument.GetPDFData and format)."""
        if len(self._code):
            self.showPage()
        self._flush_pages()
        doc = self._doc
        for font in doc.delayedFonts:
            font.addObjects(doc)
        doc.info.invariant = doc.invariant
        doc.info.digest(doc.signature)
        catalog, info = doc.Reference(doc.Catalog), doc.Reference(doc.info)
        doc.Outlines.prepare(doc, self)
        if doc.Outlines.ready < 0:
            doc.Catalog.Outlines = None
        number = 1
        while number in doc.numberToId:  # formatting may number new objects: no range()
            name = doc.numberToId[number]
            if name not in doc.idToOffset:
                self._write_object(name)
            number += 1
        xref = PDFCrossReferenceTable()
        xref.addsection(0, [doc.numberToId[n] for n in range(1, number)])
        start = self._write(xref.format(doc))
        self._write(PDFTrailer(startxref=start, Size=number, Root=catalog, Info=info,
                               Encrypt=None, ID=doc.ID()).format(doc))


# --- long stories: a programme's sign-in sheets -----------------------------------------------

class _Parts(list):
    """The flowable list ReportLab's layout consumes from the front, refilled from `parts` (an
    iterable of flowable lists) only when it runs empty: one part in memory at a time."""

    def __init__(self, parts: Iterable[list]) -> None:
        super().__init__()
        self._parts = iter(parts)

    def _fill(self) -> None:
        while not list.__len__(self):
            part = next(self._parts, None)
            if part is None:
                return
            self.extend(part)

    def __len__(self) -> int:
        self._fill()
        return list.__len__(self)

    def __getitem__(self, index):
        self._fill()
        return list.__getitem__(self, index)


def write_parts(out: Target, parts: Iterable[list], info: PageInfo, fonts: DocumentFonts, *,
                pages: int, pagesize=PORTRAIT, job: Job | None = None) -> PdfResult:
    """layout.write_story for documents of thousands of pages: the parts' flowables are made
    when the layout reaches them and their pages written as they are finished (memory flat in
    the page count). `pages`, the page count known beforehand, goes in every footer
    (第 n 页 共 m 页), which layout.write_story learns only at the end by keeping every page."""
    info.font = fonts.body.name

    class NumberedStreamingCanvas(StreamingCanvas):
        def showPage(self):
            draw_footer(self, info, self.getPageNumber(), pages)
            super().showPage()

    with open_target(out) as stream:
        doc = _Document(stream, info, pagesize, job)
        doc.build(_Parts(parts), canvasmaker=NumberedStreamingCanvas)
    return PdfResult(target_path(out), doc.pages, fonts.body.face_name, fonts.body.embedded,
                     fonts.warnings)
