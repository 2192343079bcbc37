"""One place that finds the files in resources/ (icons, translations), from a source checkout
or an installed package alike."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from PySide6.QtGui import QIcon


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    return Path(str(importlib_resources.files("resources")))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    return resource_path("translations")


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """resources/icons/<name>.svg as a QIcon (an empty icon when missing, never an error)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("app")
