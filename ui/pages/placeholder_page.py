"""A page for an area that a later version fills: says what it will do, so the navigation
already shows the whole flow of the work."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

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
        self.text.setFixedWidth(560)
        self.text.setStyleSheet("color: #555; font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.picture)
        layout.addSpacing(8)
        layout.addWidget(self.heading)
        row = QHBoxLayout()  # a fixed-width label, centred, that wraps its lines
        row.addStretch(1)
        row.addWidget(self.text)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.retranslate()

    def description(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.text.setText(self.description())
