"""The core's text catalogue: every sentence the core and the command line print, in Chinese and
English, looked up by key with text("area.name", **params) in the current language (or `lang`).

Modules: current (the current language, pick, label), labels (fields, entities, validation
reasons, genders, categories: one label per field), errors (the typed errors' sentences, tables
per error class), cli and cli_trust (what the command line prints), security (roles, actions and tables of
the trust area). Import what you need from here: `from trainer.texts import FIELDS, language`.
Qt's own texts stay in resources/translations (tr())."""
from __future__ import annotations

from trainer.texts import cli, cli_trust
from trainer.texts.current import label, language, pick, set_language, system_language
from trainer.texts.labels import (ENTITIES, FIELDS, GENDERS, LECTURER_CATEGORIES, REASONS,
                                  TRAINEE_CATEGORIES)

__all__ = ["ENTITIES", "FIELDS", "GENDERS", "LECTURER_CATEGORIES", "REASONS",
           "TRAINEE_CATEGORIES", "heading", "label", "language", "pick", "set_language",
           "system_language", "text", "columns"]

AREAS: dict[str, dict[str, tuple[str, str]]] = {"cli": cli.TEXTS, "trust": cli_trust.TEXTS}


def heading(field: str) -> tuple[str, str]:
    """A field's column heading (Chinese, English with a capital), from its one label in
    texts.labels.FIELDS: lists, exports, import templates and documents say what the forms say."""
    zh, en = FIELDS[field]
    return zh, en[:1].upper() + en[1:]


def text(key: str, lang: str | None = None, **params: object) -> str:
    """The sentence `key` ("area.name") in `lang` (default: the current language), its
    {placeholders} filled from `params`."""
    area, _, name = key.partition(".")
    template = pick(AREAS[area][name], lang)
    return template.format(**params) if params else template


def columns(key: str, lang: str | None = None) -> list[str]:
    """A table's headings: the text `key` holds them separated by "|"."""
    return text(key, lang).split("|")
