"""Small editable tables inside edit dialogs: an enterprise's venues, a lecturer's unavailable
dates. Rows are drafts; the dialog turns them into service forms when the user saves."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate,
                            QModelIndex, QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass
class VenueDraft:
    name: str = ""
    address: str = ""
    capacity: int = 0
    id: int | None = None  # None: not saved yet
    version: int | None = None


@dataclass
class DateRangeDraft:
    start: dt.date = field(default_factory=dt.date.today)
    end: dt.date = field(default_factory=dt.date.today)
    reason: str = ""


class _DraftTableModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append(self, draft: Any) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(draft)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> Any:
        self.beginRemoveRows(QModelIndex(), row, row)
        draft = self.rows.pop(row)
        self.endRemoveRows()
        return draft

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate("Columns", self.HEADERS[section])
            return None
        return section + 1


class VenueColumn(IntEnum):
    NAME = 0
    CAPACITY = 1
    ADDRESS = 2


class VenueDraftModel(_DraftTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Venue (workshop)"),
               QT_TRANSLATE_NOOP("Columns", "Capacity"),
               QT_TRANSLATE_NOOP("Columns", "Address"))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        draft: VenueDraft = self.rows[index.row()]
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            if column == VenueColumn.NAME:
                return draft.name
            if column == VenueColumn.CAPACITY:
                return draft.capacity
            if column == VenueColumn.ADDRESS:
                return draft.address
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VenueColumn.CAPACITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or role != _EDIT:
            return False
        draft: VenueDraft = self.rows[index.row()]
        column = index.column()
        if column == VenueColumn.NAME:
            draft.name = str(value)
        elif column == VenueColumn.CAPACITY:
            try:
                draft.capacity = int(value)
            except (TypeError, ValueError):
                return False
        elif column == VenueColumn.ADDRESS:
            draft.address = str(value)
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True


class DateRangeColumn(IntEnum):
    START = 0
    END = 1
    REASON = 2


class DateRangeDraftModel(_DraftTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "From"),
               QT_TRANSLATE_NOOP("Columns", "To"),
               QT_TRANSLATE_NOOP("Columns", "Reason"))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        draft: DateRangeDraft = self.rows[index.row()]
        column = index.column()
        if role == _EDIT:
            if column == DateRangeColumn.START:
                return QDate(draft.start)
            if column == DateRangeColumn.END:
                return QDate(draft.end)
        if role in (_DISPLAY, _EDIT):
            if column == DateRangeColumn.START:
                return draft.start.isoformat()
            if column == DateRangeColumn.END:
                return draft.end.isoformat()
            if column == DateRangeColumn.REASON:
                return draft.reason
        if role == Qt.ItemDataRole.ForegroundRole and draft.end < draft.start:
            return QBrush(QColor("#c62828"))
        return None

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or role != _EDIT:
            return False
        draft: DateRangeDraft = self.rows[index.row()]
        column = index.column()
        if column in (DateRangeColumn.START, DateRangeColumn.END):
            if isinstance(value, QDate):
                value = value.toPython()
            elif isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    return False
            if not isinstance(value, dt.date):
                return False
            if column == DateRangeColumn.START:
                draft.start = value
            else:
                draft.end = value
        elif column == DateRangeColumn.REASON:
            draft.reason = str(value)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self.HEADERS) - 1))
        return True
