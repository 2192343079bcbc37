"""Typing a whole date into any date field (issue 17).

A QDateEdit takes typed digits into the section the cursor is in: clicking on the day and typing
2026-11-30 changed the day and kept the old year. On entering a date field the year section is
selected, so the digits typed flow from the year through month and day (Qt moves to the next
section when one is full) — what people expect from a field that shows 2026-11-30."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDateTimeEdit


class DateTyping(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QDateTimeEdit) \
                and watched.displayFormat().startswith("yyyy"):
            # after the click that gave the focus has placed the cursor
            QTimer.singleShot(0, watched, lambda: _select_year(watched))
        return False


def _select_year(edit: QDateTimeEdit) -> None:
    if edit.hasFocus():
        edit.setSelectedSection(QDateTimeEdit.Section.YearSection)


_installed: list[DateTyping] = []


def install(app) -> DateTyping:
    if not _installed:
        _installed.append(DateTyping())
        app.installEventFilter(_installed[0])
    return _installed[0]
