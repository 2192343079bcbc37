"""A search field that reports what was typed once typing pauses briefly, so a fast typist
does not start one query per letter."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.resources import icon

DEBOUNCE_MS = 120


class SearchBox(QLineEdit):
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(170)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.textChanged.connect(self._cleared)
        self._last = ""

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(300)
        return hint

    def search_for(self, text: str) -> None:
        """Sets the text and reports it at once, even when unchanged (a fresh search)."""
        self._timer.stop()
        self.setText(text)
        self._last = text
        self.search_changed.emit(text)

    def flush(self) -> None:
        """Reports the text now (also what Enter does)."""
        self._timer.stop()
        if self.text() != self._last:
            self._last = self.text()
            self.search_changed.emit(self._last)

    def _cleared(self, text: str) -> None:
        if not text:  # the clear button: no need to wait
            self.flush()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
