"""Text clean-up for values typed or pasted by office staff.

These run for every cell of an imported file (a 100,000-row list is about a million calls), so
each has a fast path for what most cells are — plain ASCII, or text with nothing to change —
that gives exactly what the full rule gives (tests/unit/rules/test_text.py compares them)."""
from __future__ import annotations

import re
import unicodedata

# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space → ASCII, as one str.translate table.
_HALFWIDTH = {0x3000: " ", **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}}
# What the slow path changes besides whitespace: full-width ASCII, the ideographic space, and
# the zero-width space and byte-order mark that pasting from web pages and Excel leaves behind.
_ODD = re.compile("[\u3000\uff01-\uff5e\u200b\ufeff]")
# Chinese script and its punctuation (CJK blocks, middle dot of minority names, curly quotes,
# ellipsis, em dash): a space between two of these is dropped from names.
_CJK = r"[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f" \
       r"\uff00-\uffef\U00020000-\U0003ffff]"
_CJK_SPACE = re.compile(rf"(?<={_CJK}) (?={_CJK})")
_NFC = unicodedata.normalize
# Control characters: C0 but tab, line feed and carriage return; DEL; C1. In a name they are
# never meant; in a terminal ESC starts a command; a spreadsheet cannot hold them (openpyxl's
# IllegalCharacterError). Refused at input — the whitespace among them (vertical tab, form
# feed, U+001C-U+001F, U+0085) is harmless and the clean-up below makes it a space — and
# escaped on output.
_CONTROL = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, punctuation) and the ideographic space → ASCII.

    Chinese characters and Chinese punctuation such as ，。 stay as they are."""
    return text.translate(_HALFWIDTH)


def clean_text(value: object) -> str:
    """Any cell or field value → stripped single-spaced text; None → ''.

    Whitespace is what str.isspace() calls whitespace (the same set as re's \\s), so splitting
    and joining with one space is the same as collapsing runs and stripping."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if text.isascii():  # ASCII is its own NFC and has nothing full-width
        return " ".join(text.split())
    if _ODD.search(text) is not None:
        text = text.replace("\u200b", "").replace("\ufeff", "").translate(_HALFWIDTH)
    # NFC last, so that a mark left next to a letter by the steps before is composed too.
    return " ".join(_NFC("NFC", text).split())


def clean_name(value: object) -> str:
    """A person's or organisation's name: trimmed; spaces between Chinese characters removed
    (张 三 → 张三), a single space kept between Latin words."""
    text = clean_text(value)
    if " " not in text or text.isascii():  # nothing to remove; clean_text gave NFC already
        return text
    return _NFC("NFC", _CJK_SPACE.sub("", text))


def clean_code(value: object) -> str:
    """An identifier such as an ID number or credit code: half-width, no spaces, upper case."""
    # clean_text leaves no whitespace but single spaces, so removing ' ' and '-' is enough.
    text = clean_text(value).replace(" ", "").replace("-", "").upper()
    return text if text.isascii() else _NFC("NFC", text)


def control_character(text: str) -> tuple[int, str] | None:
    """(1-based position, U+XXXX) of the first control character in `text` (see _CONTROL), or
    None: the located reason a value is refused. Run it on cleaned text (clean_text), which
    has made the harmless ones spaces."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"


def escape_controls(text: str) -> str:
    """Control characters as visible \\xNN escapes: for terminals and spreadsheets, which must
    show a stored name however odd rather than obey or choke on it."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: wide (Chinese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def split_list(text: str) -> list[str]:
    """Items typed with commas, full-width commas or 、 between them (blank items dropped)."""
    return [p.strip() for p in re.split(r"[,，、]", text) if p.strip()]


NO_LINE_START = set("，。、；：？！）》」』”’…")  # Chinese punctuation that never begins a line
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—"


def wrap_columns(text: str, width: int) -> list[str]:
    """Lines of at most `width` terminal columns (a Chinese character takes two), broken at
    spaces or between Chinese characters, never inside an English word nor before a closing
    Chinese punctuation mark (which may hang one past the width)."""
    lines, line = [], ""
    for piece in re.findall(rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+", text):
        if line and display_width(line + piece.rstrip()) > width and piece not in NO_LINE_START:
            lines.append(line.rstrip())
            line = "" if piece.isspace() else piece
        else:
            line += piece
    return lines + ([line.rstrip()] if line.strip() else [])
