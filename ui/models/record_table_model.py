"""A read-only table of frozen service records, one row each, with named columns.

Subclasses list their COLUMNS (each a header text marked for translation, a function giving the
shown value and, when it differs, a sort key). The sort role gives proxies a value that sorts
right (numbers as numbers, names by pinyin initials)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from trainer.texts import pick

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str  # source text, translated in the model's translation context
    value: Callable[[Any], Any]
    sort_key: Callable[[Any], Any] | None = None
    align_right: bool = False
    heading: tuple[str, str] | None = None  # (Chinese, English) of the core's table, else tr()


def shared_columns(kind: str) -> tuple[Column, ...]:
    """A master-data kind's columns from the one core table (trainer/io/list_columns.py): the
    headings, values and order `trainer list` and the export use. The records shown are the
    services' (personal values already masked as the user's permission says)."""
    from trainer.io.list_columns import COLUMNS, cell, sort_value

    return tuple(Column(c.en, functools.partial(cell, c, reveal=True),
                        functools.partial(sort_value, c), align_right=c.numeric,
                        heading=(c.zh, c.en)) for c in COLUMNS[kind])


class RecordTableModel(QAbstractTableModel):
    COLUMNS: Sequence[Column] = ()
    CONTEXT = "Columns"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    # --- content -------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of(self, record_id: int) -> int:
        for row, rec in enumerate(self._records):
            if rec.id == record_id:
                return row
        return -1

    def retranslate(self) -> None:
        """Headers and translated values (categories, genders) after a language switch."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        rec = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(rec)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            key = column.sort_key or column.value
            value = key(rec)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole:
            value = column.value(rec)
            return str(value) if value not in (None, "") else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
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
            if 0 <= section < len(self.COLUMNS):
                column = self.COLUMNS[section]
                if column.heading:
                    return pick(column.heading)
                return QCoreApplication.translate(self.CONTEXT, column.title)
            return None
        return section + 1
