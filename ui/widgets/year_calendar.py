"""A whole year on one page, twelve small months: holidays red, adjusted working days (调休上班)
green, provisional statutory days amber and hatched, weekends grey; the days a notice sets are
outlined. Hovering a day shows its date and name. The Holidays dialog previews a notice with it."""
from __future__ import annotations

import calendar as months
import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

HOLIDAY_FILL = QColor("#f4b6b6")
WORKING_FILL = QColor("#b9e3bf")
WEEKEND_FILL = QColor("#eceff1")
PROVISIONAL_FILL = QColor("#ffe8b3")
MARK_PEN = QColor("#1565c0")
COLUMNS, ROWS = 4, 3
TITLE = 18


class YearCalendar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearCalendar")
        self.setMinimumSize(560, 330)
        self.setMouseTracking(True)
        self.year = dt.date.today().year
        self.days: dict[dt.date, tuple[str, str]] = {}  # date → (state, name)
        self.marked: set[dt.date] = set()
        self.month_names = [f"{m}月" for m in range(1, 13)]
        self.weekday_letters = list("一二三四五六日")

    def set_year(self, year: int, days: dict[dt.date, tuple[str, str]],
                 marked: set[dt.date] | None = None) -> None:
        """`days`: state holiday / working (调休上班) / provisional / weekend, and the name."""
        self.year, self.days, self.marked = year, dict(days), set(marked or ())
        self.update()

    def set_labels(self, month_names: list[str], weekday_letters: list[str]) -> None:
        self.month_names, self.weekday_letters = month_names, weekday_letters
        self.update()

    def _month_rect(self, month: int) -> QRectF:
        w, h = self.width() / COLUMNS, self.height() / ROWS
        index = month - 1
        return QRectF((index % COLUMNS) * w, (index // COLUMNS) * h, w, h).adjusted(3, 3, -3, -3)

    def day_rect(self, date: dt.date) -> QRectF:
        box = self._month_rect(date.month)
        cell_w, cell_h = box.width() / 7, (box.height() - TITLE) / 7
        first = dt.date(date.year, date.month, 1).weekday()
        slot = first + date.day - 1
        return QRectF(box.x() + (slot % 7) * cell_w, box.y() + TITLE + (1 + slot // 7) * cell_h,
                      cell_w, cell_h)

    def date_at(self, x: float, y: float) -> dt.date | None:
        for month in range(1, 13):
            if not self._month_rect(month).contains(x, y):
                continue
            for day in range(1, months.monthrange(self.year, month)[1] + 1):
                date = dt.date(self.year, month, day)
                if self.day_rect(date).contains(x, y):
                    return date
        return None

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 2))
        for month in range(1, 13):
            box = self._month_rect(month)
            p.setPen(self.palette().text().color())
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(box.x(), box.y(), box.width(), TITLE),
                       Qt.AlignmentFlag.AlignCenter, self.month_names[month - 1])
            p.setFont(small)
            cell_w, cell_h = box.width() / 7, (box.height() - TITLE) / 7
            for i, letter in enumerate(self.weekday_letters):
                p.setPen(QColor("#607d8b"))
                p.drawText(QRectF(box.x() + i * cell_w, box.y() + TITLE, cell_w, cell_h),
                           Qt.AlignmentFlag.AlignCenter, letter)
            for day in range(1, months.monthrange(self.year, month)[1] + 1):
                self._paint_day(p, dt.date(self.year, month, day))
        p.end()

    def _paint_day(self, p: QPainter, date: dt.date) -> None:
        rect = self.day_rect(date).adjusted(0.5, 0.5, -0.5, -0.5)
        state = self.days.get(date, ("weekend" if date.weekday() >= 5 else "", ""))[0]
        if state == "holiday":
            p.fillRect(rect, HOLIDAY_FILL)
        elif state == "working":
            p.fillRect(rect, WORKING_FILL)
        elif state == "provisional":
            p.fillRect(rect, PROVISIONAL_FILL)
            p.fillRect(rect, QBrush(QColor("#e0a526"), Qt.BrushStyle.BDiagPattern))
        elif state == "weekend":
            p.fillRect(rect, WEEKEND_FILL)
        if date in self.marked:
            p.setPen(QPen(MARK_PEN, 1.5))
            p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        p.setPen(self.palette().text().color())
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(date.day))

    def mouseMoveEvent(self, event) -> None:
        date = self.date_at(event.position().x(), event.position().y())
        name = self.days.get(date, ("", ""))[1] if date else ""
        if date is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{date.isoformat()} {name}".strip(), self)
        super().mouseMoveEvent(event)
