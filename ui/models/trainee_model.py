"""The trainee list: up to a million rows, so never all in memory.

Rows arrive in batches from trainees.page_trainees (searched and ordered in SQL, keyset-paged);
the view asks for the next batch through canFetchMore/fetchMore as the user scrolls. The total
is counted separately (capped, in the background) by the page."""
from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from trainer.io import list_columns
from trainer.texts import pick
from trainer.services import trainees
from trainer.services.uow import UnitOfWork
from ui.models.record_table_model import ID_ROLE, RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class TraineeColumn(IntEnum):
    NAME = 0
    GENDER = 1
    ID_NUMBER = 2
    MOBILE = 3
    ENTERPRISE = 4
    POST = 5
    CATEGORY = 6


COLUMNS = list_columns.COLUMNS["trainees"]  # the one core table, shared with `trainer list`


def _value(rec: trainees.TraineeRecord, column: int, reveal: bool = False) -> str:
    """The cell as `trainer list` shows it: ID numbers and mobiles masked unless revealed."""
    return list_columns.cell(COLUMNS[column], rec, reveal)


class TraineeTableModel(QAbstractTableModel):
    BATCH = 200

    def __init__(self, uow: UnitOfWork, parent=None) -> None:
        super().__init__(parent)
        self._uow = uow
        self._rows: list[trainees.TraineeRecord] = []
        self._cursor: tuple | None = None
        self._more = False
        self.search = ""
        self.reveal = False

    # --- loading -------------------------------------------------------------------------
    def set_search(self, search: str) -> None:
        """Starts over with the first batch of what matches `search`."""
        self.search = search
        self.reload()

    def reload(self) -> None:
        page = trainees.page_trainees(self._uow, self.search, limit=self.BATCH)
        self.beginResetModel()
        self._rows = list(page.records)
        self._cursor = page.cursor
        self._more = page.cursor is not None
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        page = trainees.page_trainees(self._uow, self.search, limit=self.BATCH,
                                      cursor=self._cursor)
        self._cursor = page.cursor
        self._more = page.cursor is not None
        if page.records:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.records) - 1)
            self._rows.extend(page.records)
            self.endInsertRows()

    @property
    def complete(self) -> bool:
        """True when every matching row is loaded (so their number is known without counting)."""
        return not self._more

    def record(self, row: int) -> trainees.TraineeRecord:
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        for row, rec in enumerate(self._rows):
            if rec.id == record_id:
                return row
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TraineeColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(TraineeColumn) - 1))

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(TraineeColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        rec = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return _value(rec, index.column(), self.reveal)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TraineeColumn.ID_NUMBER:
            # never a birth date beside a masked ID number (it narrows the mask to a few guesses)
            return f"{rec.birth_date:%Y-%m-%d}" if rec.birth_date and self.reveal else None
        if role == ID_ROLE:
            return rec.id
        if role == RECORD_ROLE:
            return rec
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(TraineeColumn):
                return pick((COLUMNS[section].zh, COLUMNS[section].en))
            return None
        return section + 1
