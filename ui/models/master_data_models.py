"""The tables of the master-data pages: enterprises, lecturers, themes and courses, with the
columns of the one core table (trainer/io/list_columns.py) that `trainer list` and Export use."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.models.record_table_model import RecordTableModel, shared_columns


class EnterpriseColumn(IntEnum):
    NAME = 0
    DISTRICT = 1
    PARK = 2
    INDUSTRY = 3
    CONTACT = 4
    CONTACT_PHONE = 5
    HEADCOUNT = 6
    CREDIT_CODE = 7


class EnterpriseTableModel(RecordTableModel):
    COLUMNS = shared_columns("enterprises")


class LecturerColumn(IntEnum):
    NAME = 0
    CATEGORY = 1
    THEMES = 2
    HOURLY_FEE = 3
    GENDER = 4
    EMPLOYER = 5
    TITLE = 6
    MOBILE = 7


class LecturerTableModel(RecordTableModel):
    COLUMNS = shared_columns("lecturers")


class ThemeColumn(IntEnum):
    NAME = 0
    ORDER = 1


class ThemeTableModel(RecordTableModel):
    COLUMNS = shared_columns("themes")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DecorationRole and index.isValid()
                and index.column() == ThemeColumn.NAME):
            return QColor(self.record(index.row()).color)
        return super().data(index, role)


class CourseColumn(IntEnum):
    TITLE = 0
    THEME = 1
    TOTAL_HOURS = 2
    LESSONS = 3
    LESSON_MINUTES = 4
    THEORY_PERCENT = 5
    CAPACITY = 6
    PASS_MARK = 7


class CourseTableModel(RecordTableModel):
    COLUMNS = shared_columns("courses")
