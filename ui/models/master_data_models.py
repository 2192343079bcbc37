"""The tables of the master-data pages: enterprises, lecturers, themes and courses."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from trainer.texts import GENDERS, LECTURER_CATEGORIES, label
from ui.models.record_table_model import Column, RecordTableModel


def _money(value) -> str:
    return f"{value:,.2f}"


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
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Columns", "District"), lambda r: r.district),
        Column(QT_TRANSLATE_NOOP("Columns", "Industrial park"), lambda r: r.park),
        Column(QT_TRANSLATE_NOOP("Columns", "Industry"), lambda r: r.industry),
        Column(QT_TRANSLATE_NOOP("Columns", "Contact"), lambda r: r.contact_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Contact phone"), lambda r: r.contact_phone),
        Column(QT_TRANSLATE_NOOP("Columns", "Workers"), lambda r: r.headcount,
               lambda r: r.headcount, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Credit code"), lambda r: r.credit_code),
    )


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
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Full name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Category"),
               lambda r: label(LECTURER_CATEGORIES, r.category)),
        Column(QT_TRANSLATE_NOOP("Columns", "Themes taught"), lambda r: "、".join(r.theme_names)),
        Column(QT_TRANSLATE_NOOP("Columns", "Hourly fee (yuan)"), lambda r: _money(r.hourly_fee),
               lambda r: r.hourly_fee, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Gender"),
               lambda r: label(GENDERS, r.gender) if r.gender else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Employer"), lambda r: r.employer),
        Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Mobile"), lambda r: r.mobile),
    )


class ThemeColumn(IntEnum):
    NAME = 0
    ORDER = 1


class ThemeTableModel(RecordTableModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Theme"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Order"), lambda r: r.sort_order,
               lambda r: r.sort_order, align_right=True),
    )

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
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Course"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Theme"), lambda r: r.theme_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Hours"), lambda r: r.total_hours,
               lambda r: r.total_hours, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Lessons"), lambda r: r.lesson_count,
               lambda r: r.lesson_count, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Minutes per lesson"), lambda r: r.lesson_minutes,
               lambda r: r.lesson_minutes, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Theory %"), lambda r: r.theory_percent,
               lambda r: r.theory_percent, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Class size"), lambda r: r.capacity,
               lambda r: r.capacity, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Pass mark"), lambda r: r.pass_mark,
               lambda r: -1 if r.pass_mark is None else r.pass_mark, align_right=True),
    )
