"""A class's enrolment list with each trainee's level and the "already holds the certificate"
mark, both editable in the grid: the level from the levels the programme offers (double-click,
F2 or typing opens the list), the mark a check box. Each change is saved at once through
services/levels.py with the version this grid was showing; when another desk changed the row
meanwhile, the core's sentence (who changed what) is shown and the grid shows the rows as they
are now."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHeaderView, QStyledItemDelegate, QTableWidget,
                               QTableWidgetItem, QWidget)

from trainer.errors import TrainerError
from trainer.services import levels
from trainer.services.uow import UnitOfWork
from trainer.texts import TRAINEE_CATEGORIES, label
from ui.dialogs import messages

NAME, ID_TAIL, CATEGORY, LEVEL, HOLDS = range(5)
ROW = Qt.ItemDataRole.UserRole  # on the name item: the LevelRow shown


class LevelDelegate(QStyledItemDelegate):
    """The level column's editor: a list of the levels the programme offers."""

    def __init__(self, grid: ClassLevelsGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setObjectName("levelEditor")
        combo.addItems(list(self.grid.offered))
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(editor.findText(index.data() or ""), 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        if editor.currentText() and editor.currentText() != index.data():
            model.setData(index, editor.currentText())


class ClassLevelsGrid(QTableWidget):
    saved = Signal(str)  # what was saved, for the page's status line

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("classLevels")
        self.uow = uow
        self.cohort_id: int | None = None
        self.offered: tuple[str, ...] = ()
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.setEditTriggers(QTableWidget.EditTrigger.DoubleClicked
                             | QTableWidget.EditTrigger.EditKeyPressed
                             | QTableWidget.EditTrigger.AnyKeyPressed)
        self.setItemDelegateForColumn(LEVEL, LevelDelegate(self))
        self.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("ID (last 4)"),
                                        self.tr("Category"), self.tr("Level"),
                                        self.tr("Holds the certificate")])

    def load(self, cohort_id: int | None) -> None:
        """Shows the class's trainees as they are now (none when cohort_id is None)."""
        self.cohort_id = cohort_id
        self.offered, rows = levels.class_levels(self.uow, cohort_id) if cohort_id else ((), [])
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for n, row in enumerate(rows):
            self._show(n, row)
        self.resizeColumnsToContents()
        widest = max([self.fontMetrics().horizontalAdvance(t) for t in self.offered] + [0])
        self.setColumnWidth(LEVEL, max(self.columnWidth(LEVEL), widest + 44))  # the list's arrow
        self.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.blockSignals(False)

    def _show(self, n: int, row: levels.LevelRow) -> None:
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        texts = (row.trainee_name, row.id_tail, label(TRAINEE_CATEGORIES, row.category))
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setFlags(fixed)
            self.setItem(n, column, item)
        self.item(n, NAME).setData(ROW, row)
        level = QTableWidgetItem(row.level)
        level.setFlags(fixed | (Qt.ItemFlag.ItemIsEditable if self.offered else
                                Qt.ItemFlag.NoItemFlags))
        level.setToolTip(self.tr("Double-click to choose the level"))
        self.setItem(n, LEVEL, level)
        holds = QTableWidgetItem()
        holds.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
        holds.setCheckState(Qt.CheckState.Checked if row.holds_certificate
                            else Qt.CheckState.Unchecked)
        self.setItem(n, HOLDS, holds)

    def row_of(self, n: int) -> levels.LevelRow:
        return self.item(n, NAME).data(ROW)

    def _changed(self, item: QTableWidgetItem) -> None:
        n, row = item.row(), self.row_of(item.row())
        try:
            if item.column() == LEVEL:
                record = levels.set_enrolment_level(self.uow, self.cohort_id, row.trainee_id,
                                                    item.text(), row.version)
                row = levels.LevelRow(**{**row.__dict__, "level": record.level,
                                         "version": record.version})
                text = self.tr("%1: level %2.").replace("%1", row.trainee_name) \
                    .replace("%2", record.level)
            elif item.column() == HOLDS:
                holds = item.checkState() == Qt.CheckState.Checked
                version = levels.set_holds_certificate(self.uow, row.trainee_id, holds,
                                                       row.trainee_version)
                row = levels.LevelRow(**{**row.__dict__, "holds_certificate": holds,
                                         "trainee_version": version})
                text = (self.tr("%1 holds the certificate.") if holds else
                        self.tr("%1 does not hold the certificate.")).replace(
                    "%1", row.trainee_name)
            else:
                return
        except TrainerError as exc:  # stale, refused: say why, then show what is there now
            refusal = str(exc)
            QTimer.singleShot(0, lambda: self._refused(refusal))
            return
        self.blockSignals(True)
        self.item(n, NAME).setData(ROW, row)
        self.blockSignals(False)
        self.saved.emit(text)

    def _refused(self, text: str) -> None:
        messages.show_refusal(self, text)
        self.load(self.cohort_id)
