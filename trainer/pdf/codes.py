"""QR codes and Code 128 barcodes drawn with ReportLab's own vector graphics (no image files, so
they stay sharp at any printer resolution). The QR code's modules come from zxing-cpp's C++
encoder (ISO/IEC 18004, its mask chosen by the standard's penalty rules): 1,080 codes in ~0.3 s,
where ReportLab's pure-Python qrencoder took ~3.5 s (bench/qr_encoders.py)."""
from __future__ import annotations

import re

from reportlab.graphics.barcode import code128
from reportlab.platypus.flowables import Flowable

_LEVELS = "LMQH"
_DARK_RUN = re.compile(rb"\x00+")  # the encoder's image: 0 = a dark module, 255 = light


def qr_rows(value: str, level: str = "M") -> list[bytes]:
    """The QR code's rows, one byte a module (0 dark, 255 light), no quiet zone. Text is
    encoded as UTF-8 in byte mode with no ECI header, as phones' scanners expect."""
    import zxingcpp  # C++; imported when a code is first drawn

    if level not in _LEVELS:
        raise ValueError(f"QR error-correction level {level!r} is not one of {_LEVELS}")
    code = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    n = image.shape[1]
    data = image.tobytes()
    return [data[i:i + n] for i in range(0, len(data), n)]


def qr_matrix(value: str, level: str = "M") -> list[list[bool]]:
    """The QR code's modules (True = dark)."""
    return [[module == 0 for module in row] for row in qr_rows(value, level)]


def draw_qr(canv, value: str, x: float, y: float, size: float, *, border: int = 1,
            level: str = "M") -> None:
    """Draws a QR code `size` points wide with its lower left corner at (x, y): one filled
    path of the rows' dark runs, `border` light modules around (a quiet zone)."""
    rows = qr_rows(value, level)
    n = len(rows)
    unit = size / (n + 2 * border)
    # in module units, row 0 at the top: each dark run an integer rectangle, one fill
    runs = [f"{m.start()} {-1 - r} {m.end() - m.start()} 1 re"
            for r, row in enumerate(rows) for m in _DARK_RUN.finditer(row)]
    canv.saveState()
    canv.translate(x + border * unit, y + size - border * unit)
    canv.scale(unit, unit)
    canv.setFillColorRGB(0, 0, 0)
    canv.addLiteral("\n".join(runs) + "\nf")
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
