"""The table of training requests."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from trainer.texts import label
from trainer.services.requests import DAY_PERIODS, REQUEST_STATUSES, WEEKDAY_NAMES
from ui.models.record_table_model import Column, RecordTableModel


def weekdays_text(weekdays: str) -> str:
    return " ".join(label(WEEKDAY_NAMES, d) for d in weekdays)


def periods_text(periods) -> str:
    return " ".join(label(DAY_PERIODS, p) for p in periods)


class RequestTableModel(RecordTableModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Enterprise"), lambda r: r.enterprise_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Course"), lambda r: r.course_title),
        Column(QT_TRANSLATE_NOOP("Columns", "Theme"), lambda r: r.theme_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Workers"), lambda r: r.workers, lambda r: r.workers,
               align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda r: r.window_start.isoformat(),
               lambda r: r.window_start.toordinal()),
        Column(QT_TRANSLATE_NOOP("Columns", "To"), lambda r: r.window_end.isoformat(),
               lambda r: r.window_end.toordinal()),
        Column(QT_TRANSLATE_NOOP("Columns", "Weekdays"), lambda r: weekdays_text(r.weekdays)),
        Column(QT_TRANSLATE_NOOP("Columns", "Half-days"), lambda r: periods_text(r.periods)),
        Column(QT_TRANSLATE_NOOP("Columns", "Priority"), lambda r: r.priority,
               lambda r: r.priority, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: label(REQUEST_STATUSES, r.status)),
        Column(QT_TRANSLATE_NOOP("Columns", "Classes"), lambda r: r.classes or "",
               lambda r: r.classes, align_right=True),
    )
