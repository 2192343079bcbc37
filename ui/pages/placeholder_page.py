"""A page for an area that a later version fills: says what it will do, so the navigation
already shows the whole flow of the work."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.pages.page import Page
from ui.resources import icon


class PlaceholderPage(Page):
    def __init__(self, uow=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.picture.setPixmap(icon(self.ICON).pixmap(96, 96))
        self.heading = QLabel(self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.text = QLabel(self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(560)
        self.text.setStyleSheet("color: palette(mid); font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.picture)
        layout.addSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.retranslate()

    def description(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.text.setText(self.description())
