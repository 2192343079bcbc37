"""Pinyin initials for search: 张三 → 'zs', so staff can type 'zs' to find 张三.

The rule is pypinyin's: lazy_pinyin(text, FIRST_LETTER), keeping ASCII letters and digits in
lower case (`_whole`). That costs ~30 µs a name, most of the per-row work of a 100,000-row
import, so names are put together from per-character initials instead, where that gives the
same: pypinyin reads a character alone by its first reading, and inside a phrase of its phrase
dictionary by the phrase's reading. So a character's initial is its own one unless the text
holds a phrase that reads it with another initial (长 is z, but c in 长江; 燵 is d, but t in
火燵). A text holding such a phrase, or a character pypinyin does not know, or a character read
differently in too many phrases to look for, goes through pypinyin whole (and is cached).
tests/unit/rules/test_text.py compares both on every phrase of the dictionary."""
from __future__ import annotations

from functools import lru_cache

MAX_PHRASES = 24  # a character read otherwise in more phrases than this: ask pypinyin

_CONTEXT = object()  # ask pypinyin for the whole text
# char → its initial ('' for ASCII that is dropped), or (initial, phrases that read it with
# another initial), or _CONTEXT. ASCII: letters and digits kept in lower case, the rest dropped.
_LETTERS: dict[str, object] = {chr(c): chr(c).lower() if chr(c).isalnum() else ""
                               for c in range(128)}


def _keep(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


@lru_cache(maxsize=1)
def _pypinyin():
    # pypinyin loads its dictionaries on import (~0.3 s): only when first needed.
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.style import convert

    def whole(text: str) -> str:
        return _keep("".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")))

    # char → initial → the phrases whose (first, as without heteronyms) reading of the char
    # starts with it. An initial depends only on a reading's first letter: memoised.
    initials: dict[str, str] = {}
    phrases: dict[str, dict[str, list[str]]] = {}
    for phrase, readings in PHRASES_DICT.items():
        aligned = len(phrase) == len(readings)  # else: cannot tell whose reading is whose
        for index, ch in enumerate(phrase):
            start = readings[index][0][:1] if aligned and readings[index] else ""
            letter = initials.get(start)
            if letter is None:
                letter = initials[start] = _keep(
                    convert(start, Style.FIRST_LETTER, True) or "") if start else "?"
            phrases.setdefault(ch, {}).setdefault(letter, []).append(phrase)
    return whole, PINYIN_DICT, phrases


def _letter(ch: str) -> object:
    """What _LETTERS holds for a character not yet in it."""
    whole, pinyin_dict, phrases = _pypinyin()
    if ord(ch) not in pinyin_dict:
        return _CONTEXT  # punctuation, other scripts, characters pypinyin does not know
    letter = whole(ch)
    if not letter:
        return _CONTEXT
    other = tuple(p for initial, found in phrases.get(ch, {}).items() if initial != letter
                  for p in found)
    if not other:
        return letter
    return (letter, other) if len(other) <= MAX_PHRASES else _CONTEXT


@lru_cache(maxsize=4096)
def _whole(text: str) -> str:
    return _pypinyin()[0](text)


def pinyin_initials(text: str) -> str:
    """Lower-case initials of the Chinese characters; Latin letters and digits kept, others dropped."""
    if not text:
        return ""
    letters = _LETTERS
    out = []
    for ch in text:
        letter = letters.get(ch)
        if letter is None:
            letter = letters[ch] = _letter(ch)
        if type(letter) is not str:
            if letter is _CONTEXT or any(p in text for p in letter[1]):
                return _whole(text)
            letter = letter[0]
        out.append(letter)
    return "".join(out)
