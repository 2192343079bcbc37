"""The current language of the core's texts ('zh' or 'en'): the locale's unless set (the GUI's
language setting, the CLI's --lang), and how a (Chinese, English) pair is chosen by it."""
from __future__ import annotations

import locale
import os

_language: str | None = None


def system_language() -> str:
    """'zh' for a Chinese locale, 'en' otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith(("zh", "chinese")) else "en"


def set_language(lang: str) -> None:
    """Accepts 'zh', 'zh_CN', 'en', 'en_US'…"""
    global _language
    _language = "zh" if lang.lower().startswith("zh") else "en"


def language() -> str:
    return _language or system_language()


def pick(pair: tuple[str, str], lang: str | None = None) -> str:
    return pair[0] if (lang or language()) == "zh" else pair[1]


def label(table: dict[str, tuple[str, str]], key: str, lang: str | None = None) -> str:
    pair = table.get(key)
    return pick(pair, lang) if pair else key
