"""The sign-in grid: trainees down, lessons across, one attendance status per cell.

Edits stay in the model (shown in bold on a yellow ground) until save(), which writes them all in
one transaction with the versions they were loaded with, so a clerk never overwrites a colleague."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from trainer.texts import language, pick
from trainer.rules.completion import (ABSENT, ATTENDANCE_STATUSES, EXCUSED, LATE, PRESENT,
                                      STATUS_LABELS, STATUS_LETTERS)
from trainer.services.attendance import AttendanceGrid, CellChange, SaveResult, save_attendance
from trainer.services.uow import UnitOfWork

FIXED = 2  # name and enterprise columns before the lessons
COLOURS = {PRESENT: "#c8e6c9", LATE: "#fff3c4", EXCUSED: "#bbdefb", ABSENT: "#ffcdd2"}
KEYS = {Qt.Key.Key_P: PRESENT, Qt.Key.Key_L: LATE, Qt.Key.Key_E: EXCUSED, Qt.Key.Key_A: ABSENT}


class AttendanceGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid: AttendanceGrid | None = None
        self.edits: dict[tuple[int, int], str | None] = {}  # (lesson, trainee) → new status
        self.seen: dict[tuple[int, int], int] = {}  # the version each edit was made on
        self.conflicts: set[tuple[int, int]] = set()  # edits another desk overtook meanwhile

    # --- content ------------------------------------------------------------------------------
    def set_grid(self, grid: AttendanceGrid | None) -> None:
        self.beginResetModel()
        self.grid, self.edits, self.seen, self.conflicts = grid, {}, {}, set()
        self.endResetModel()

    def update_grid(self, grid: AttendanceGrid) -> None:
        """The same class as saved now by others, keeping this desk's unsaved edits: an edit
        whose cell changed since it was made is marked (and its save will be refused)."""
        self.beginResetModel()
        self.grid = grid
        self.conflicts = {key for key in self.edits if grid.version(*key) != self.seen[key]}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.trainees)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else FIXED + len(self.grid.lessons)

    def key(self, index: QModelIndex) -> tuple[int, int] | None:
        if self.grid is None or index.column() < FIXED:
            return None
        lesson = self.grid.lessons[index.column() - FIXED]
        return lesson.id, self.grid.trainees[index.row()].trainee_id

    def applicable(self, index: QModelIndex) -> bool:
        if self.grid is None or index.column() < FIXED:
            return False
        return self.grid.applicable(self.grid.lessons[index.column() - FIXED],
                                    self.grid.trainees[index.row()])

    def status(self, index: QModelIndex) -> str | None:
        key = self.key(index)
        if key is None:
            return None
        if key in self.edits:
            return self.edits[key]
        cell = self.grid.cell(*key)
        return cell.status if cell else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if self.grid is None or not index.isValid():
            return None
        trainee = self.grid.trainees[index.row()]
        zh = language() == "zh"
        if index.column() < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return trainee.name if index.column() == 0 else trainee.enterprise_name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{trainee.code} ···{trainee.id_tail}"
            return None
        status = self.status(index)
        key = self.key(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if not self.applicable(index):
                return "—"
            if status is None:
                return ""
            cell = self.grid.cell(*key)
            minutes = cell.late_minutes if cell and key not in self.edits else 0
            return pick(STATUS_LETTERS[status], "zh" if zh else "en") + (
                f"{minutes}" if status == LATE and minutes else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in self.conflicts:
                return QBrush(QColor("#f28b82"))
            if not self.applicable(index):
                return QBrush(QColor("#eeeeee"))
            return QBrush(QColor(COLOURS[status])) if status else None
        if role == Qt.ItemDataRole.FontRole and key in self.edits:
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and key in self.conflicts:
            return QCoreApplication.translate(
                "AttendanceGridModel", "Changed on another computer after you edited it: "
                "saving will refuse this cell; reload the class to see the new entry.")
        if role == Qt.ItemDataRole.ToolTipRole and status:
            return pick(STATUS_LABELS[status], "zh" if zh else "en")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.grid is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section < FIXED:
            return (self.tr("Trainee"), self.tr("Enterprise"))[section]
        lesson = self.grid.lessons[section - FIXED]
        mark = "✕ " if lesson.cancelled else ""
        return f"{mark}{lesson.sequence}\n{lesson.date:%m-%d}"

    def flags(self, index: QModelIndex):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- editing --------------------------------------------------------------------------------
    def set_status(self, index: QModelIndex, status: str | None) -> bool:
        key = self.key(index)
        if key is None or not self.applicable(index):
            return False
        cell = self.grid.cell(*key)
        if (cell.status if cell else None) == status and key not in self.conflicts:
            self.edits.pop(key, None)
            self.seen.pop(key, None)
        else:
            self.seen.setdefault(key, self.grid.version(*key))
            self.edits[key] = status
        self.dataChanged.emit(index, index)
        return True

    def cycle(self, index: QModelIndex) -> bool:
        """Space: blank → present → late → excused → absent → blank."""
        order = (None, *ATTENDANCE_STATUSES)
        now = self.status(index)
        return self.set_status(index, order[(order.index(now) + 1) % len(order)])

    def mark_all_present(self, column: int) -> int:
        """Every applicable, still empty cell of a lesson column becomes present; returns how many."""
        if self.grid is None or column < FIXED:
            return 0
        count = 0
        for row in range(self.rowCount()):
            index = self.index(row, column)
            if self.applicable(index) and self.status(index) is None:
                self.set_status(index, PRESENT)
                count += 1
        return count

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def save(self, uow: UnitOfWork) -> SaveResult:
        changes = [CellChange(lesson, trainee, status, expected_version=self.seen.get(
                                  (lesson, trainee), self.grid.version(lesson, trainee)))
                   for (lesson, trainee), status in sorted(self.edits.items())]
        return save_attendance(uow, changes)
