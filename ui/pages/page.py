"""What every page of the main window offers it."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from ui.settings import AppSettings


class Page(QWidget):
    PAGE_ID = ""
    ICON = ""

    def push_button(self, name: str, slot) -> QPushButton:
        """A page's push button, named for tests and wired to its slot (text set in retranslate)."""
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def title(self) -> str:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the page is shown: load what it shows the first time."""

    def retranslate(self) -> None:
        """Re-read every visible text after a language switch."""

    # Edit-menu commands; pages without records ignore them.
    def new_record(self) -> None: ...
    def edit_record(self) -> None: ...
    def delete_record(self) -> None: ...
    def focus_search(self) -> None: ...

    @property
    def has_records(self) -> bool:
        return False

    def live_reload(self) -> None:
        """Another desk (or a dialog) changed what the page shows: show it again, keeping the
        selection, the scroll position and any unsaved edits (ui/live_views.py)."""

    def save_state(self, settings: AppSettings) -> None: ...
    def restore_state(self, settings: AppSettings) -> None: ...
