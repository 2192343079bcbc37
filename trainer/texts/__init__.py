"""The core's text catalogue: every sentence the core and the command line print, in Chinese and
English, looked up by key with text("area.name", **params) in the current language (or `lang`).

Areas: errors (the typed errors' sentences, trainer/texts/errors.py, tables per error class),
cli (what the command line prints, trainer/texts/cli.py), security (roles, actions and tables
of the trust area, trainer/texts/security.py). Still apart: trainer/messages.py (field labels,
reasons, value labels, the language), trainer/rules/conflict_texts.py (conflict sentences).
Qt's own texts stay in resources/translations (tr())."""
from __future__ import annotations

from trainer.messages import FIELDS, pick
from trainer.texts import cli

AREAS: dict[str, dict[str, tuple[str, str]]] = {"cli": cli.TEXTS}


def heading(field: str) -> tuple[str, str]:
    """A field's column heading (Chinese, English with a capital), from its one label in
    messages.FIELDS: lists, exports, import templates and documents say what the forms say."""
    zh, en = FIELDS[field]
    return zh, en[:1].upper() + en[1:]


def text(key: str, lang: str | None = None, **params: object) -> str:
    """The sentence `key` ("area.name") in `lang` (default: the current language), its
    {placeholders} filled from `params`."""
    area, _, name = key.partition(".")
    template = pick(AREAS[area][name], lang)
    return template.format(**params) if params else template
