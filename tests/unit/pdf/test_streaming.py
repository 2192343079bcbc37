"""The streaming canvas (trainer/pdf/streaming.py) writes pages while drawing, and the file is the
same PDF ReportLab's own canvas makes: the same objects under the same numbers, one font subset,
every page readable with its text, fonts embedded, the QR code decoding."""
import io
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib import colors
from reportlab.pdfgen import canvas as pdfcanvas

from pypdf import PdfReader

from tests.pdf_reading import all_fonts_embedded, decode_codes, page_count
from tests.scenarios.pdf_scenario import person_name, seal_png
from trainer.pdf.codes import draw_qr
from trainer.pdf.fonts import document_fonts
from trainer.pdf.streaming import StreamingCanvas

_OBJECT = re.compile(rb"(\d+) 0 obj\n(.*?)endobj\n", re.S)


def _draw(c, pages: int, font: str) -> None:
    from reportlab.lib.utils import ImageReader

    seal = ImageReader(io.BytesIO(seal_png()))
    c.setTitle("结业证书")
    c.setAuthor("秦皇岛市总工会")
    for i in range(pages):
        c.setFont(font, 16)
        c.drawString(72, 760, f"第{i + 1}页 {person_name(i)}")
        draw_qr(c, f"T{i + 1:07d}", 72, 500, 120)
        c.drawImage(seal, 300, 500, 100, 100, mask="auto")
        if i % 5 == 4:  # a translucent mark: an ExtGState resource
            c.setFillColor(colors.Color(0.8, 0, 0, alpha=0.35))
            c.drawString(300, 300, "已 作 废")
        c.showPage()


def _objects(data: bytes) -> list[bytes]:
    """The file's objects, references blanked (ours number content streams earlier)."""
    return sorted(re.sub(rb"\d+ 0 R", b"R", body) for _n, body in _OBJECT.findall(data))


def _pixels(data: bytes) -> list[bytes]:
    doc = pdfium.PdfDocument(data)
    try:
        return [page.render(scale=0.5).to_pil().tobytes() for page in doc]
    finally:
        doc.close()


@pytest.fixture(scope="module")
def font():
    return document_fonts().body.name


def test_same_objects_as_reportlabs_own_canvas(font):
    ours, theirs = io.BytesIO(), io.BytesIO()
    c = StreamingCanvas(ours, invariant=1, initialFontName=font, flush_every=4)
    _draw(c, 23, font)
    c.save()
    c = pdfcanvas.Canvas(theirs, invariant=1, initialFontName=font)
    _draw(c, 23, font)
    c.save()
    mine, reference = _objects(ours.getvalue()), _objects(theirs.getvalue())
    assert len(mine) > 2 * 23
    assert mine == reference
    assert _pixels(ours.getvalue()) == _pixels(theirs.getvalue())
    assert ours.getvalue().startswith(b"%PDF-1.4\n%\x93\x8c\x8b\x9e")  # and the binary marker
    assert page_count(ours.getvalue()) == 23


def test_pages_are_in_the_file_before_save(font):
    out = io.BytesIO()
    c = StreamingCanvas(out, initialFontName=font, flush_every=10)
    _draw(c, 95, font)
    assert c.pages_written == 90
    assert out.tell() > 90 * 1000  # written, not kept: ReportLab's canvas writes nothing yet
    c.save()
    assert c.pages_written == 95


def test_a_long_document_is_one_valid_pdf_with_every_page(font, tmp_path):
    path = tmp_path / "long.pdf"
    with open(path, "wb") as fh:
        c = StreamingCanvas(fh, initialFontName=font, flush_every=7)
        _draw(c, 250, font)
        c.save()
    data = path.read_bytes()
    pdf = PdfReader(io.BytesIO(data), strict=True)  # the cross-reference table must be right
    assert len(pdf.pages) == 250
    for i in (0, 6, 7, 123, 249):
        assert f"第{i + 1}页" in pdf.pages[i].extract_text()
    assert pdf.metadata.title == "结业证书" and pdf.metadata.author == "秦皇岛市总工会"
    assert all_fonts_embedded(data)
    assert decode_codes(data, 249) == ["T0000250"]
    doc = pdfium.PdfDocument(data)
    try:
        assert len(doc) == 250
    finally:
        doc.close()
