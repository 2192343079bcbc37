"""Typed access to what the app remembers between runs (QSettings).

The organisation and application names set on the QApplication decide where QSettings stores
things; tests point them at a temporary folder so they never touch a real user's settings."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize

ORGANIZATION = "FactoryClassroom"
APPLICATION = "FactoryClassroom"


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()

    # language: "" = follow the system
    @property
    def language(self) -> str:
        return str(self._s.value("ui/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def last_page(self) -> str:
        return str(self._s.value("window/last_page", "") or "")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._s.setValue("window/last_page", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"splitters/{name}", value)

    def window_geometry(self, screen: str) -> QByteArray | None:
        """The main window's geometry on a screen of this size (ui/screen_fit.screen_key)."""
        return self._bytes(f"window/geometry/{screen}")

    def set_window_geometry(self, screen: str, value: QByteArray) -> None:
        self._s.setValue(f"window/geometry/{screen}", value)

    def dialog_size(self, key: str) -> QSize | None:
        value = self._s.value(f"dialogs/{key}")
        return value if isinstance(value, QSize) and value.isValid() else None

    def set_dialog_size(self, key: str, value: QSize) -> None:
        self._s.setValue(f"dialogs/{key}", value)

    def header_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"headers/{name}")

    def set_header_state(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"headers/{name}", value)

    @property
    def font_warning_shown(self) -> bool:
        return str(self._s.value("ui/font_warning_shown", "false")).lower() == "true"

    @font_warning_shown.setter
    def font_warning_shown(self, value: bool) -> None:
        self._s.setValue("ui/font_warning_shown", "true" if value else "false")

    def sync(self) -> None:
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
