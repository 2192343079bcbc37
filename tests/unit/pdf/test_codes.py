"""QR codes drawn by trainer.pdf.codes decode back to their text at every size the documents use."""
import io

import pytest
from reportlab.pdfgen import canvas

from tests.pdf_reading import decode_codes
from trainer.pdf.codes import draw_qr, mask_penalty, qr_matrix


@pytest.mark.parametrize("value", ["T0000001", "CERT:XY-2026-AQ-00001:K7M2Q9XD",
                                   "CERT:XYZGH-2026-AQ-12345:ABCDEFGH",
                                   "https://example.org/verify?n=XY-2026-AQ-00001&c=K7M2Q9XD",
                                   "签到 张三 360502"])
def test_drawn_qr_codes_decode_to_their_value(value):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    draw_qr(c, value, 50, 600, 90)
    draw_qr(c, value, 300, 600, 40, border=2)
    c.showPage()
    c.save()
    assert decode_codes(buffer.getvalue(), 0, scale=4) == [value, value]


def test_the_mask_with_the_lowest_penalty_is_chosen():
    modules = qr_matrix("CERT:XY-2026-AQ-00001:K7M2Q9XD")
    assert len(modules) in (25, 29, 33)  # version 2-4 at level M
    blank = [[False] * 21 for _ in range(21)]
    striped = [[(r + c) % 2 == 0 for c in range(21)] for r in range(21)]
    assert mask_penalty(blank) > mask_penalty(striped)
