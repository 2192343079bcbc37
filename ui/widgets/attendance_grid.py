"""The sign-in grid's view and its keyboard: arrows move, Space cycles the status, P / L / E / A
set present / late / excused / absent, Delete clears; the clerk types a signed sheet in without
touching the mouse."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.models.attendance_grid_model import FIXED, KEYS, AttendanceGridModel


class AttendanceGridView(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceGrid")
        self.grid_model = AttendanceGridModel(self)
        self.setModel(self.grid_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultSectionSize(46)
        self.verticalHeader().setDefaultSectionSize(24)

    def fit(self) -> None:
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(1)
        self.setColumnWidth(1, min(self.columnWidth(1), 200))
        for column in range(FIXED, self.grid_model.columnCount()):
            self.setColumnWidth(column, 46)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        handled = False
        if index.isValid() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if key == Qt.Key.Key_Space:
                handled = self.grid_model.cycle(index) or True
            elif key in KEYS:
                handled = self.grid_model.set_status(index, KEYS[key]) or True
                if handled:  # on to the next trainee, as down a paper sheet
                    below = index.siblingAtRow(min(index.row() + 1, self.grid_model.rowCount() - 1))
                    self.setCurrentIndex(below)
            elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                handled = self.grid_model.set_status(index, None) or True
        if not handled:
            super().keyPressEvent(event)
