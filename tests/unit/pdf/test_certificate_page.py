"""A certificate page drawn without a database (trainer.pdf.certificates.write_certificates): the
holder's name is underlined wherever the body's lines put it, in the fast plain-text path and in
the markup path a name in a fallback font takes; the QR code reads back; pages stream."""
import dataclasses
import io

import pypdfium2 as pdfium
import pytest

from tests.pdf_reading import all_fonts_embedded, decode_codes, page_count, text
from trainer.pdf.certificate_template import BUILT_IN
from trainer.pdf.certificates import CertificateAssets, sample_certificate, write_certificates
from trainer.pdf.fonts import document_fonts


@pytest.fixture(scope="module")
def assets():
    return CertificateAssets(BUILT_IN["completion"], document_fonts(), "秦皇岛市总工会")


def _underlined(data: bytes, name: str) -> bool:
    """Is there a dark rule just below the name's characters, across their width?"""
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0]
        scale = 3
        image = page.render(scale=scale).to_pil().convert("L")
        textpage = page.get_textpage()
        body = textpage.get_text_range()
        at = body.index(name)
        boxes = [textpage.get_charbox(i) for i in range(at, at + len(name))]
        height = page.get_height()
    finally:
        doc.close()
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom = min(b[1] for b in boxes)
    for dy in range(0, 9):  # a few points below the glyphs' lowest edge
        row = int((height - bottom + dy * 0.5) * scale)
        pixels = [image.getpixel((int(x * scale), row))
                  for x in range(int(left) + 1, int(right) - 1)]
        if pixels and max(pixels) < 128:
            return True
    return False


@pytest.mark.parametrize("name", ["王晓明", "欧阳晓明晓"])
def test_the_holders_name_is_underlined(assets, name):
    out = io.BytesIO()
    write_certificates(out, [sample_certificate("completion", trainee_name=name)], assets)
    data = out.getvalue()
    assert name in text(data)
    assert _underlined(data, name)


def test_a_name_wrapped_to_the_next_line_is_underlined_on_both(assets):
    """The body's first line is filled so that the name starts near its end."""
    template = dataclasses.replace(
        BUILT_IN["completion"],
        body="兹证明本培训班学员经过严格的考核与评议，现将结业证书颁发给学员{name}同志，以资鼓励。")
    out = io.BytesIO()
    write_certificates(out, [sample_certificate("completion", trainee_name="司马相如")],
                       dataclasses.replace(assets, template=template))
    assert _underlined(out.getvalue(), "司马")  # the end of the first line
    assert _underlined(out.getvalue(), "如")  # the start of the second


def test_a_thousand_pages_one_pdf_every_page_its_qr(assets, tmp_path):
    certs = [sample_certificate("completion", trainee_name=f"王晓明{i}", number=f"QHD-{i:05d}")
             for i in range(1000)]
    path = tmp_path / "many.pdf"
    assert write_certificates(path, certs, assets) == 1000
    data = path.read_bytes()
    assert page_count(data) == 1000
    assert all_fonts_embedded(data)
    for i in (0, 999):
        [qr] = decode_codes(data, i, scale=3)
        assert f"QHD-{i:05d}" in qr
