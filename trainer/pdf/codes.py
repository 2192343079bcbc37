"""QR codes and Code 128 barcodes drawn with ReportLab's own vector graphics (no image files, so
they stay sharp at any printer resolution)."""
from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus.flowables import Flowable


def qr_drawing(value: str, size: float, *, border: int = 1, level: str = "M",
               font: str | None = None) -> Drawing:
    """A square QR code `size` points wide carrying `value` (a quiet zone of `border` modules).
    `font`: the document's font, so rendering does not select (and list) Helvetica."""
    widget = QrCodeWidget(value, barLevel=level, barBorder=border)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    if font:
        drawing.initialFontName = font
    drawing.add(widget)
    return drawing


def draw_qr(canv, value: str, x: float, y: float, size: float, *, border: int = 1,
            level: str = "M") -> None:
    """Draws a QR code with its lower left corner at (x, y) straight onto a canvas."""
    renderPDF.draw(qr_drawing(value, size, border=border, level=level, font=canv._fontname),
                   canv, x, y)


class Code128(Flowable):
    """A Code 128 barcode fitted to `width` × `height`, quiet zones included (no human-readable
    line: the value is printed beside it by the caller when wanted)."""

    def __init__(self, value: str, width: float, height: float) -> None:
        super().__init__()
        self.value = value
        self.width, self.height = width, height
        probe = code128.Code128(value, barHeight=height, barWidth=1, quiet=True,
                                lquiet=10, rquiet=10)
        self._bar_width = width / probe.width

    def wrap(self, _aw, _ah):
        return self.width, self.height

    def draw(self):
        code128.Code128(self.value, barHeight=self.height, barWidth=self._bar_width, quiet=True,
                        lquiet=10 * self._bar_width, rquiet=10 * self._bar_width
                        ).drawOn(self.canv, 0, 0)


class QrFlowable(Flowable):
    """A QR code as a flowable, for table cells."""

    def __init__(self, value: str, size: float, border: int = 1) -> None:
        super().__init__()
        self.value, self.size, self.border = value, size, border

    def wrap(self, _aw, _ah):
        return self.size, self.size

    def draw(self):
        draw_qr(self.canv, self.value, 0, 0, self.size, border=self.border)
