"""Every character of every name printed: per-character font fallback.

A document's font (the Kai face of certificates, the Song/Hei face of tables) rarely has the
characters of CJK Extension A/B that some names have (王䶮, 李𠮷祥). Text is cut into runs, each
drawn in the first font of the chain that has its characters: the document's font, the other
Chinese fonts shipped or installed, then faces made for the extensions (HanaMin A/B on Linux,
SimSun-ExtB on Windows). Those fonts are read only when a character needs them.

A character that no font has still leaves a document, with a warning naming the text it is in
(the person's name, in a name cell) and the character: `char_missing`, collected per document in
a context variable that `start_document()` opens (document_fonts() does it)."""
from __future__ import annotations

import contextvars
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from trainer.errors import PdfError

# Faces covering CJK Extension A (U+3400–4DBF) and B–F (U+20000–2EBEF), best first
EXTENSION_FONTS: tuple[tuple[str, int], ...] = (
    ("hanamina.ttf", 0), ("hanaminb.ttf", 0),                       # Linux: fonts-hanazono
    ("simsunb.ttf", 0), ("simsunextg.ttf", 0), ("mingliub.ttc", 0),  # Windows: SimSun-ExtB…
)


@dataclass
class _Chain:
    """The fallback fonts after a document's own font: files, loaded (and registered) on
    first need, each with the set of code points it covers."""

    files: list[tuple[str, int]]
    loaded: list[tuple[str, frozenset]] = field(default_factory=list)  # (font name, chars)
    next_file: int = 0


_chains: dict[str, _Chain] = {}
_covered: dict[str, frozenset] = {}    # font name → code points it has
_lock = threading.RLock()
_missing: contextvars.ContextVar[dict | None] = contextvars.ContextVar("missing_chars",
                                                                       default=None)


def set_chain(font_name: str, covered: frozenset | None, files: list[tuple[str, int]]) -> None:
    """Registers the fallback files tried after `font_name` (None coverage: a built-in font,
    taken to have every character)."""
    with _lock:
        if covered is not None:
            _covered[font_name] = covered
        else:
            _covered.pop(font_name, None)
        chain = _chains.get(font_name)
        if chain is None or chain.files != files:
            _chains[font_name] = _Chain(list(files))


def _fallback_for(font_name: str, char: int) -> str | None:
    with _lock:
        chain = _chains.get(font_name)
        if chain is None:
            return None
        for name, covered in chain.loaded:
            if char in covered:
                return name
        while chain.next_file < len(chain.files):
            path, index = chain.files[chain.next_file]
            chain.next_file += 1
            loaded = _load_fallback(path, index)
            if loaded is None:
                continue
            chain.loaded.append(loaded)
            if char in loaded[1]:
                return loaded[0]
        return None


def _load_fallback(path: str, index: int) -> tuple[str, frozenset] | None:
    from reportlab.pdfbase import pdfmetrics

    from trainer.pdf.fonts import _load, outline_kind

    try:
        if outline_kind(path, index) != "truetype":
            return None
        font = _load(path, index, require_chinese=False)
    except (PdfError, OSError):
        return None
    if font.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(font)
    covered = frozenset(font.face.charToGlyph)
    _covered[font.fontName] = covered
    return font.fontName, covered


def _needs_font(char: str) -> bool:
    return not char.isspace() and ord(char) >= 0x20


def runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """`text` cut into (run, font name) pieces; a character in no font stays in the document's
    font (it prints blank) and is noted for the document's warnings."""
    covered = _covered.get(font_name)
    if covered is None or all(ord(c) in covered or not _needs_font(c) for c in text):
        return [(text, font_name)] if text else []
    pieces: list[tuple[str, str]] = []
    missing = []
    for char in text:
        name = font_name
        if _needs_font(char) and ord(char) not in covered:
            name = _fallback_for(font_name, ord(char)) or font_name
            if name == font_name:
                missing.append(char)
        if pieces and pieces[-1][1] == name:
            pieces[-1] = (pieces[-1][0] + char, name)
        else:
            pieces.append((char, name))
    if missing:
        note_missing(text, missing)
    return pieces


def markup(escaped_runs: list[tuple[str, str]], font_name: str) -> str:
    """Paragraph markup of runs already escaped: <font> only around the borrowed ones."""
    return "".join(run if name == font_name else f'<font face="{name}">{run}</font>'
                   for run, name in escaped_runs)


def string_width(text: str, font_name: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, name, size) for run, name in runs(text, font_name))


def draw_string(canvas, x: float, y: float, text: str, font_name: str, size: float,
                align: str = "left") -> float:
    """canvas.drawString with fallback: `align` left, centre or right of x. Returns the width."""
    pieces = runs(text, font_name)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = sum(stringWidth(run, name, size) for run, name in pieces)
    x -= {"left": 0, "centre": width / 2, "right": width}[align]
    for run, name in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)
    canvas.setFont(font_name, size)
    return width


# --- characters no font has -------------------------------------------------------------------

def start_document() -> None:
    """A new document starts in this thread: its missing characters are collected anew."""
    _missing.set({})


def note_missing(text: str, chars: list[str]) -> None:
    found = _missing.get()
    if found is None:
        found = {}
        _missing.set(found)
    found.setdefault(text.strip(), set()).update(chars)


def missing_warnings() -> tuple[PdfError, ...]:
    """One warning per text (a name, usually) with characters that no font has. A longer text
    (a certificate's sentence) that holds a shorter one already named is left out."""
    found = _missing.get() or {}
    texts = sorted(found, key=len)
    kept: list[str] = []
    for text in texts:
        if any(short in text and found[text] <= found[short] for short in kept):
            continue
        kept.append(text)
    return tuple(PdfError("char_missing", text=text,
                          chars="、".join(f"{c}(U+{ord(c):04X})" for c in sorted(found[text])))
                 for text in kept)


def fallback_files(shipped: Path, search_dirs: list[Path], body_fonts) -> list[tuple[str, int]]:
    """Fallback files in the order they are tried: the fonts shipped with the program, the
    system's Chinese fonts, then the extension faces."""
    from trainer.pdf.fonts import find_installed

    files = [(str(f), 0) for f in sorted(shipped.iterdir())
             if f.suffix.lower() in (".ttf", ".ttc")] if shipped.is_dir() else []
    files += find_installed(tuple(body_fonts) + EXTENSION_FONTS, search_dirs)
    seen, ordered = set(), []
    for path, index in files:
        key = (os.path.abspath(path), index)
        if key not in seen:
            seen.add(key)
            ordered.append((path, index))
    return ordered


# --- ReportLab's ToUnicode map and characters beyond U+FFFF ------------------------------------

def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname, subset):
    """ReportLab 5's makeToUnicodeCMap writes 𠮷 as <20BB7> (odd-length, invalid), so the
    character cannot be found, copied or extracted from the PDF. The PDF standard wants UTF-16:
    <D842DFB7>. Same CMap otherwise."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
        *("<%02X> <%s>" % (i, _utf16_hex(v)) for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


def _patch_reportlab() -> None:
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


_patch_reportlab()
