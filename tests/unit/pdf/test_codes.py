"""QR codes drawn by trainer.pdf.codes decode back to their text at every size the documents use."""
import io

import pytest
from reportlab.pdfgen import canvas

from tests.pdf_reading import decode_codes
from trainer.pdf.codes import draw_qr, qr_matrix


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


SENTENCE = ("结业证书编号QHD-2026-AQ-00001，持证人王*明，安全生产法与岗位安全责任，2026年9月30日发证，"
            "验证码K7M2-Q9XD。查验真伪请致电秦皇岛市总工会0335-3012345，报证书编号和验证码。")


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_a_certificate_sentence_reads_back_at_the_level_asked(level):
    """zxing-cpp encodes the Chinese sentence as UTF-8 bytes with no ECI header (symbology
    identifier ]Q1, which every phone scanner reads) at the error-correction level asked."""
    import zxingcpp
    from PIL import Image

    modules = qr_matrix(SENTENCE, level)
    n = len(modules)
    assert n == len(modules[0]) and (n - 17) % 4 == 0  # a QR version's size, no quiet zone
    image = Image.new("L", (n + 8, n + 8), 255)
    for r, row in enumerate(modules):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + 4, r + 4), 0)
    found = zxingcpp.read_barcode(image.resize(((n + 8) * 4, (n + 8) * 4), Image.NEAREST))
    assert found.text == SENTENCE
    assert found.ec_level == level
    assert found.symbology_identifier == "]Q1"


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level"):
        qr_matrix("T0000001", "X")
