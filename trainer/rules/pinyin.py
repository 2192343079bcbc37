"""Pinyin initials for search: 张三 → 'zs', so staff can type 'zs' to find 张三."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    # pypinyin loads its dictionaries on import (~0.3 s): only when first needed.
    from pypinyin import Style, lazy_pinyin

    return lambda text: lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")


def pinyin_initials(text: str) -> str:
    """Lower-case initials of the Chinese characters; Latin letters and digits kept, others dropped."""
    if not text:
        return ""
    parts = _converter()(text)
    return "".join(ch for part in parts for ch in part.lower() if ch.isascii() and ch.isalnum())
