"""Text clean-up for values typed or pasted by office staff."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Chinese script and its punctuation (CJK blocks, middle dot of minority names, curly quotes,
# ellipsis, em dash): a space between two of these is dropped from names.
_CJK = r"[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f" \
       r"\uff00-\uffef\U00020000-\U0003ffff]"
_CJK_SPACE = re.compile(rf"(?<={_CJK}) (?={_CJK})")


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
    text = str(value).replace("\u200b", "").replace("\ufeff", "")
    # NFC last, so that a mark left next to a letter by the steps before is composed too.
    text = unicodedata.normalize("NFC", to_halfwidth(text))
    return _SPACES.sub(" ", text).strip()


def clean_name(value: object) -> str:
    """A person's or organisation's name: trimmed; spaces between Chinese characters removed
    (张 三 → 张三), a single space kept between Latin words."""
    text = clean_text(value)
    return unicodedata.normalize("NFC", _CJK_SPACE.sub("", text))


def clean_code(value: object) -> str:
    """An identifier such as an ID number or credit code: half-width, no spaces, upper case."""
    return unicodedata.normalize("NFC", re.sub(r"[\s\-]", "", clean_text(value)).upper())


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: wide (Chinese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
