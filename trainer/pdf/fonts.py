"""Chinese fonts for every PDF: which file to use, and registering it with ReportLab.

Resolution order (issue 7): the font chosen in the office settings → a font shipped in
resources/fonts/ → the system's Chinese TrueType fonts (Windows, Linux, macOS names below) →
ReportLab's built-in STSong-Light, which is *not embedded* and so comes with a warning.

ReportLab embeds TrueType outlines only (a subset, as /FontFile2). An OpenType font with
PostScript (CFF) outlines — `.otf`, or a `.ttc` of them such as Noto Sans CJK — cannot be
embedded, so one chosen by the user is refused with a message saying why."""
from __future__ import annotations

import os
import struct
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from trainer.errors import PdfError

BUILTIN_FONT = "STSong-Light"
SAMPLE_HAN = "中文证书培训"  # a usable font must have these

# File names (lower case) of Chinese TrueType fonts, best first, with the subfont of a .ttc.
BODY_FONTS: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0), ("msyh.ttc", 0), ("msyh.ttf", 0), ("simhei.ttf", 0),      # Windows
    ("wqy-microhei.ttc", 0), ("wqy-zenhei.ttc", 0), ("uming.ttc", 0),           # Linux
    ("lxgwwenkai-regular.ttf", 0), ("notosanssc-regular.ttf", 0),
    ("notoserifsc-regular.ttf", 0),
    ("songti.ttc", 0), ("stheiti medium.ttc", 0), ("hiragino sans gb.ttc", 0),   # macOS
    ("droidsansfallbackfull.ttf", 0), ("droidsansfallback.ttf", 0),
)
# Certificates look best in a Kai (brush) face; otherwise the body list.
CERTIFICATE_FONTS: tuple[tuple[str, int], ...] = (
    ("simkai.ttf", 0), ("lxgwwenkai-regular.ttf", 0), ("ukai.ttc", 0), ("kaiti.ttc", 0),
    ("stkaiti.ttf", 0), ("simfang.ttf", 0),
) + BODY_FONTS


@dataclass(frozen=True)
class FontChoice:
    """A font to draw Chinese with: `name` is what ReportLab knows it by once registered."""

    name: str
    path: str | None          # None for the built-in STSong-Light
    subfont_index: int
    source: str               # setting / shipped / system / builtin
    face_name: str = ""

    @property
    def embedded(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class DocumentFonts:
    """The fonts of one document, registered, and the warnings found choosing them; `warnings`
    adds the characters that no font had in the document made since (pdf/fallback.py)."""

    body: FontChoice
    certificate: FontChoice
    choice_warnings: tuple[PdfError, ...] = field(default=())

    @property
    def warnings(self) -> tuple[PdfError, ...]:
        from trainer.pdf.fallback import missing_warnings

        return self.choice_warnings + missing_warnings()


def font_dirs() -> list[Path]:
    """Where this operating system keeps fonts, the user's own folders included."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data_home / "fonts",
            home / ".fonts"]


def shipped_font_dir() -> Path:
    """resources/fonts/ of the installed program (the wheel ships `resources` beside `trainer`)."""
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def outline_kind(path: str | os.PathLike, subfont_index: int = 0) -> str:
    """'truetype', 'postscript' (CFF outlines) or 'unknown', read from the file's header; for a
    collection (.ttc) the header of the chosen subfont."""
    with open(path, "rb") as fh:
        head = fh.read(12)
        if head[:4] == b"ttcf" and len(head) == 12:
            count = struct.unpack(">I", head[8:12])[0]
            if not 0 <= subfont_index < count:
                return "unknown"
            fh.seek(12 + 4 * subfont_index)
            offset = struct.unpack(">I", fh.read(4))[0]
            fh.seek(offset)
            head = fh.read(4)
    tag = head[:4]
    if tag == b"OTTO":
        return "postscript"
    if tag in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    return "unknown"


def check_font_file(path: str | os.PathLike, subfont_index: int = 0) -> str:
    """Checks that ReportLab can embed this font and that it has Chinese characters; returns its
    face name. Raises PdfError (font_missing / font_postscript / font_unreadable / font_no_chinese)."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise PdfError("font_missing", path=path)
    try:
        kind = outline_kind(path, subfont_index)
    except OSError as exc:
        raise PdfError("font_unreadable", path=path, detail=str(exc)) from exc
    if kind == "postscript":
        raise PdfError("font_postscript", path=path)
    font = _load(path, subfont_index)
    return font.face.name.decode("latin-1") if isinstance(font.face.name, bytes) else str(font.face.name)


_lock = threading.Lock()  # ReportLab's font registry is a global dictionary


@lru_cache(maxsize=16)
def _load_cached(path: str, subfont_index: int, mtime: float):
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"CJK-{Path(path).stem}-{subfont_index}-{abs(hash((path, mtime))) % 10**8}"
    try:
        font = TTFont(name, path, subfontIndex=subfont_index)
    except (TTFError, OSError, struct.error, ValueError, IndexError) as exc:
        raise PdfError("font_unreadable", path=path, detail=str(exc).strip() or type(exc).__name__) \
            from exc
    return font


def _load(path: str, subfont_index: int, *, require_chinese: bool = True):
    """The font parsed (once); a document font must have common Chinese characters, a
    fallback face for the CJK extensions (HanaMinB) need not."""
    with _lock:
        font = _load_cached(os.path.abspath(path), subfont_index, os.path.getmtime(path))
    if require_chinese and any(ord(ch) not in font.face.charToGlyph for ch in SAMPLE_HAN):
        raise PdfError("font_no_chinese", path=path)
    return font


def register(choice: FontChoice) -> str:
    """Makes the font known to ReportLab (once) and returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    if choice.path is None:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        with _lock:
            if BUILTIN_FONT not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(BUILTIN_FONT))
        return BUILTIN_FONT
    font = _load(choice.path, choice.subfont_index)
    with _lock:
        if font.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
            # Chinese fonts have no bold or italic face: <b> and <i> in paragraphs use the same one
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(font.fontName, bold, italic, font.fontName)
    return font.fontName


def _from_file(path: str, index: int, source: str) -> FontChoice:
    face = check_font_file(path, index)
    return FontChoice(_load(path, index).fontName, os.path.abspath(path), index, source, face)


def find_installed(candidates: tuple[tuple[str, int], ...], dirs: list[Path]) -> list[tuple[str, int]]:
    """The candidate files present in `dirs` (searched recursively), in the candidates' order."""
    wanted = {name: rank for rank, (name, _i) in enumerate(candidates)}
    found: dict[str, str] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for file in files:
                key = file.lower()
                if key in wanted and key not in found:
                    found[key] = os.path.join(root, file)
    return [(found[name], index) for name, index in candidates if name in found]


def resolve_font(setting_path: str = "", setting_index: int = 0, *, role: str = "body",
                 search_dirs: list[Path] | None = None,
                 shipped_dir: Path | None = None) -> tuple[FontChoice, list[PdfError]]:
    """The font to use for `role` ('body' or 'certificate') and the warnings found on the way.

    A font in the settings that cannot be used (the file was chosen on another PC, say) does not
    stop printing: the next font in the order is used and a warning says why."""
    warnings: list[PdfError] = []
    setting_problem: PdfError | None = None
    if setting_path:
        try:
            return _from_file(setting_path, setting_index, "setting"), warnings
        except PdfError as exc:
            setting_problem = exc
    candidates = CERTIFICATE_FONTS if role == "certificate" else BODY_FONTS
    shipped = shipped_font_dir() if shipped_dir is None else shipped_dir
    ordered: list[tuple[str, int, str]] = []
    if shipped.is_dir():  # the role's face first (Kai for certificates, Hei/Song for tables)
        ranked = find_installed(candidates, [shipped])
        known = {os.path.abspath(p) for p, _i in ranked}
        ranked += [(str(f), 0) for f in sorted(shipped.iterdir())
                   if f.suffix.lower() in (".ttf", ".ttc") and str(f.resolve()) not in known]
        ordered += [(p, i, "shipped") for p, i in ranked]
    ordered += [(p, i, "system") for p, i in
                find_installed(candidates, font_dirs() if search_dirs is None else search_dirs)]
    choice = None
    for path, index, source in ordered:
        try:
            choice = _from_file(path, index, source)
            break
        except PdfError:
            continue  # a broken or CFF system font: try the next one
    if choice is None:
        choice = FontChoice(BUILTIN_FONT, None, 0, "builtin", BUILTIN_FONT)
        detail = setting_problem.message() if setting_problem else ""
        warnings.append(PdfError("font_fallback", detail=detail))
    elif setting_problem is not None:
        warnings.append(PdfError("font_setting_unusable", used=choice.face_name,
                                 detail=setting_problem.message()))
    return choice, warnings


def document_fonts(uow=None, *, search_dirs: list[Path] | None = None,
                   shipped_dir: Path | None = None) -> DocumentFonts:
    """Resolves and registers the body and certificate fonts for the office of `uow` (its
    settings pdf.font_path / pdf.certificate_font_path), or from the defaults without one."""
    body_path, body_index, cert_path, cert_index = "", 0, "", 0
    if uow is not None:
        from trainer.services.settings import get_setting

        with uow:
            body_path = get_setting(uow, "pdf.font_path") or ""
            body_index = int(get_setting(uow, "pdf.font_index") or 0)
            cert_path = get_setting(uow, "pdf.certificate_font_path") or ""
            cert_index = int(get_setting(uow, "pdf.certificate_font_index") or 0)
    body, warnings = resolve_font(body_path, body_index, role="body", search_dirs=search_dirs,
                                  shipped_dir=shipped_dir)
    if cert_path or not body_path:
        certificate, more = resolve_font(cert_path, cert_index, role="certificate",
                                         search_dirs=search_dirs, shipped_dir=shipped_dir)
        warnings += [w for w in more if w.reason != "font_fallback" or body.embedded]
    else:  # the office chose one font for everything
        certificate = body
    register(body)
    register(certificate)
    _set_fallbacks((body, certificate), search_dirs, shipped_dir)
    return DocumentFonts(body, certificate, tuple(warnings))


def _set_fallbacks(choices, search_dirs: list[Path] | None, shipped_dir: Path | None) -> None:
    """Per-character fallback after each document font (pdf/fallback.py), and a fresh list of
    the characters no font has for the document about to be made."""
    from trainer.pdf import fallback

    files = fallback.fallback_files(shipped_font_dir() if shipped_dir is None else shipped_dir,
                                    font_dirs() if search_dirs is None else search_dirs,
                                    CERTIFICATE_FONTS)
    for choice in choices:
        if choice.path is None:
            fallback.set_chain(choice.name, None, [])
            continue
        own = (os.path.abspath(choice.path), choice.subfont_index)
        covered = frozenset(_load(choice.path, choice.subfont_index).face.charToGlyph)
        fallback.set_chain(choice.name, covered,
                           [f for f in files if (os.path.abspath(f[0]), f[1]) != own])
    fallback.start_document()


def document_font_version(uow, role: str = "body") -> int:
    """The version of the stored font choice for `role` a screen shows (set_document_font's)."""
    from trainer.services.settings import read_setting

    return read_setting(uow, f"{_font_prefix(role)}_path")[1]


def _font_prefix(role: str) -> str:
    return "pdf.certificate_font" if role == "certificate" else "pdf.font"


def set_document_font(uow, path: str, subfont_index: int = 0, *, role: str = "body",
                      expected_version: int | None = None) -> FontChoice:
    """Stores the office's font for `role` after checking it (a CFF .otf is refused with
    PdfError font_postscript); an empty path goes back to the automatic choice. Refused
    (StaleEditError) when the choice changed since `expected_version` (document_font_version's);
    the subfont index is always written with its path, so the path's version stands for both."""
    from trainer.services.settings import set_setting

    prefix = _font_prefix(role)
    choice = None
    if path:
        choice = _from_file(path, subfont_index, "setting")
        path = choice.path or path
    with uow:
        set_setting(uow, f"{prefix}_path", path, expected_version)
        set_setting(uow, f"{prefix}_index", int(subfont_index), force=True)  # checked with path
    return choice or resolve_font(role=role)[0]


def available_fonts(search_dirs: list[Path] | None = None,
                    shipped_dir: Path | None = None) -> list[FontChoice]:
    """The Chinese TrueType fonts one can choose in the settings: those shipped with the program,
    then the system's (known names, best first), each checked to be usable."""
    shipped = shipped_font_dir() if shipped_dir is None else shipped_dir
    found = [(p, i, "shipped") for p, i in find_installed(CERTIFICATE_FONTS, [shipped])]
    found += [(p, i, "system") for p, i in find_installed(
        CERTIFICATE_FONTS, font_dirs() if search_dirs is None else search_dirs)]
    choices, seen = [], set()
    for path, index, source in found:
        key = (os.path.realpath(path), index)
        if key in seen:
            continue
        seen.add(key)
        try:
            choices.append(_from_file(path, index, source))
        except PdfError:
            continue
    return choices
