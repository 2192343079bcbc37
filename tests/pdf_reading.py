"""Reading PDFs back in tests: text (pypdf), the fonts and whether each is embedded, page count,
and QR codes decoded from the rendered page (pypdfium2 renders, zxing-cpp decodes)."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def reader(source) -> PdfReader:
    if isinstance(source, (bytes, bytearray)):
        return PdfReader(io.BytesIO(source))
    return PdfReader(str(source))


def page_texts(source) -> list[str]:
    return [page.extract_text() or "" for page in reader(source).pages]


def text(source) -> str:
    """All text with whitespace removed: a Chinese name split over a line still matches."""
    return re.sub(r"\s+", "", "".join(page_texts(source)))


@dataclass(frozen=True)
class FontInfo:
    name: str
    subtype: str
    embedded: bool      # FontFile/FontFile2/FontFile3 in its descriptor
    truetype_file: bool  # FontFile2 (TrueType outlines)


def fonts(source) -> dict[str, FontInfo]:
    """Every font any page (or form/pattern XObject on it) uses, by base name."""
    found: dict[str, FontInfo] = {}

    def visit_resources(res):
        if res is None:
            return
        res = res.get_object()
        for font in (res.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = str(font.get("/BaseFont"))
            found[name] = FontInfo(
                name, str(font.get("/Subtype")),
                any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                "/FontFile2" in descriptor)
        for xobject in (res.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit_resources(xobject.get("/Resources"))

    for page in reader(source).pages:
        visit_resources(page.get("/Resources"))
    return found


def all_fonts_embedded(source) -> bool:
    found = fonts(source)
    return bool(found) and all(f.embedded for f in found.values())


def page_count(source) -> int:
    return len(reader(source).pages)


def page_sizes(source) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader(source).pages]


def decode_codes(source, page_index: int = 0, scale: float = 4.0) -> list[str]:
    """Texts of the QR codes and barcodes on one page, rendered at 72 × scale dpi."""
    import pypdfium2 as pdfium
    import zxingcpp

    data = source if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    pdf = pdfium.PdfDocument(bytes(data))
    try:
        image = pdf[page_index].render(scale=scale).to_pil().convert("L")
    finally:
        pdf.close()
    return [r.text for r in zxingcpp.read_barcodes(image)]
