"""QR codes and Code 128 barcodes drawn with ReportLab's own vector graphics (no image files, so
they stay sharp at any printer resolution)."""
from __future__ import annotations

import re

from reportlab.graphics.barcode import code128, qrencoder
from reportlab.platypus.flowables import Flowable


def qr_matrix(value: str, level: str = "M") -> list[list[bool]]:
    """The QR code's modules (True = dark), encoded by ReportLab's qrencoder.

    ReportLab's own mask choice scores the 8 masks with a slow pure-Python loop (15 ms a code);
    the same ISO 18004 penalty rules computed on strings here take a fraction of that, which
    matters for 1,080 certificates."""
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(value)
    qr.version = qr.calculate_version()
    best, best_score = 0, None
    for mask in range(8):
        qr.makeImpl(True, mask)
        score = mask_penalty(qr.modules)
        if best_score is None or score < best_score:
            best, best_score = mask, score
    qr.makeImpl(False, best)
    return qr.modules


_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER = ("10111010000", "00001011101")


def mask_penalty(modules: list[list[bool]]) -> int:
    """ISO/IEC 18004 §7.8.3: runs of five or more, 2×2 blocks, finder-like patterns, and the
    share of dark modules away from half."""
    rows = ["".join("1" if m else "0" for m in row) for row in modules]
    cols = ["".join(col) for col in zip(*rows)]
    score = 0
    for line in rows + cols:
        for run in _RUN.findall(line):
            score += len(run) - 2
        score += 40 * sum(line.count(p) for p in _FINDER)
    for upper, lower in zip(rows, rows[1:]):
        for i in range(len(upper) - 1):
            a = upper[i]
            if a == upper[i + 1] == lower[i] == lower[i + 1]:
                score += 3
    n = len(rows)
    dark = sum(r.count("1") for r in rows)
    score += 10 * (abs(dark * 100 // (n * n) - 50) // 5)
    return score


def draw_qr(canv, value: str, x: float, y: float, size: float, *, border: int = 1,
            level: str = "M") -> None:
    """Draws a QR code `size` points wide with its lower left corner at (x, y): one filled
    path of the dark runs of each row, `border` light modules around (a quiet zone)."""
    modules = qr_matrix(value, level)
    n = len(modules)
    unit = size / (n + 2 * border)
    path = canv.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (border + r + 1) * unit
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + (border + start) * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


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
