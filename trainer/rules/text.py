"""Text clean-up for values typed or pasted by office staff."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, punctuation) and the ideographic space → ASCII.

    Chinese characters and Chinese punctuation such as ，。 stay as they are."""
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def clean_text(value: object) -> str:
    """Any cell or field value → stripped single-spaced text; None → ''."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", to_halfwidth(text)).strip()


def clean_name(value: object) -> str:
    """A person's or organisation's name: trimmed; spaces between Chinese characters removed
    (张 三 → 张三), a single space kept between Latin words."""
    text = clean_text(value)
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


def clean_code(value: object) -> str:
    """An identifier such as an ID number or credit code: half-width, no spaces, upper case."""
    return re.sub(r"[\s\-]", "", clean_text(value)).upper()


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: wide (Chinese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
