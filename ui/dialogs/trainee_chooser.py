"""When what a clerk typed (a name, pinyin initials, the last digits of an ID number) fits
several trainees: the list of them, with enterprise and masked ID number, to pick one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from trainer.services.trainee_lookup import Lookup, TraineeRef
from ui.resources import app_icon


class TraineeChooser(QDialog):
    def __init__(self, parent: QWidget | None, found: Lookup) -> None:
        super().__init__(parent)
        self.setObjectName("traineeChooser")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Which trainee?"))
        self.found = found
        count, term = str(len(found.matches)), found.term
        text = (self.tr("More than %1 trainees match “%2”; the first %1 are shown (type more of "
                        "the name or ID number to narrow it). Choose one:") if found.more
                else self.tr("%1 trainees match “%2”. Choose one:"))
        text = text.replace("%1", count).replace("%2", term)
        self.heading = QLabel(text, self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(found.matches), 3, self)
        self.table.setObjectName("matches")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Enterprise"),
                                              self.tr("ID number")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, ref in enumerate(found.matches):
            for col, value in enumerate((ref.name, ref.enterprise_name, ref.masked_id)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 340)

    def chosen(self) -> TraineeRef | None:
        row = self.table.currentRow()
        return self.found.matches[row] if 0 <= row < len(self.found.matches) else None

    def choose(self, name: str) -> None:
        """Selects the row of `name` (the first such), as a click on it would."""
        for row, ref in enumerate(self.found.matches):
            if ref.name == name:
                self.table.selectRow(row)
                return

    @classmethod
    def ask(cls, parent: QWidget | None, found: Lookup) -> TraineeRef | None:
        dialog = cls(parent, found)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
