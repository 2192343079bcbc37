"""A month of lessons: six weeks of day cells, each listing its lessons as coloured lines.

Drag a lesson onto another day to move it there at the same time of day; double-click a lesson
to open it, double-click a day to see its week."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui.widgets.calendar_entries import (CONFLICT_COLOR, HOLIDAY_TEXT, fill_day,
                                         CalendarEntry, DayInfo, light)

HEADER = 24
LINE = 17
DRAG_DISTANCE = 5


class MonthView(QWidget):
    move_requested = Signal(int, object, object)  # entry id, date, start time
    open_requested = Signal(int)
    menu_requested = Signal(int, object)  # entry id, global position (right click, menu key)
    day_activated = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 300)
        self.setMouseTracking(True)
        today = dt.date.today()
        self.month = today.replace(day=1)
        self.entries: list[CalendarEntry] = []
        self.days: dict[dt.date, DayInfo] = {}
        self.weekday_names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        self._lines: dict[int, QRectF] = {}
        self._more: dict[dt.date, tuple[QRectF, int]] = {}
        self._press: QPointF | None = None
        self._pressed: int | None = None
        self._target: dt.date | None = None

    def set_month(self, month: dt.date, entries: list[CalendarEntry],
                  days: dict[dt.date, DayInfo], weekday_names: list[str]) -> None:
        self.month, self.entries, self.days = month.replace(day=1), entries, days
        self.weekday_names = weekday_names
        self._layout()
        self.update()

    def _layout(self) -> None:
        """Where each lesson's line goes; a day with more than fit ends in "+n …"."""
        self._lines.clear()
        self._more: dict[dt.date, tuple[QRectF, int]] = {}
        by_day: dict[dt.date, list[CalendarEntry]] = {}
        for entry in sorted(self.entries, key=lambda e: (e.date, e.start, e.id)):
            by_day.setdefault(entry.date, []).append(entry)
        for date, entries in by_day.items():
            if not self.first_shown() <= date <= self.last_shown():
                continue
            cell = self.cell_rect(date)
            room = max(int((cell.height() - 20) // LINE), 1)
            for n, entry in enumerate(entries):
                line = QRectF(cell.x() + 3, cell.y() + 20 + n * LINE, cell.width() - 6, LINE - 2)
                if n == room - 1 and len(entries) > room:
                    self._more[date] = (line, len(entries) - n)
                    break
                self._lines[entry.id] = line

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    def first_shown(self) -> dt.date:
        return self.month - dt.timedelta(days=self.month.weekday())

    def last_shown(self) -> dt.date:
        return self.first_shown() + dt.timedelta(days=41)

    def cell_rect(self, date: dt.date) -> QRectF:
        index = (date - self.first_shown()).days
        w, h = self.width() / 7, (self.height() - HEADER) / 6
        return QRectF((index % 7) * w, HEADER + (index // 7) * h, w, h)

    def date_at(self, pos: QPointF) -> dt.date | None:
        if pos.y() < HEADER:
            return None
        w, h = self.width() / 7, (self.height() - HEADER) / 6
        col, row = int(pos.x() // w), int((pos.y() - HEADER) // h)
        if not (0 <= col < 7 and 0 <= row < 6):
            return None
        return self.first_shown() + dt.timedelta(days=row * 7 + col)

    def entry_rect(self, entry_id: int) -> QRectF:
        return self._lines.get(entry_id, QRectF())

    def entry_at(self, pos: QPointF) -> CalendarEntry | None:
        for entry in self.entries:
            if self._lines.get(entry.id, QRectF()).contains(pos):
                return entry
        return None

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        w = self.width() / 7
        p.setPen(QPen(self.palette().text().color()))
        for i, name in enumerate(self.weekday_names):
            p.drawText(QRectF(i * w, 0, w, HEADER), Qt.AlignmentFlag.AlignCenter, name)
        for offset in range(42):
            self._paint_day(p, self.first_shown() + dt.timedelta(days=offset))
        for entry in self.entries:
            if entry.id in self._lines:
                self._paint_entry(p, entry, self._lines[entry.id])
        link = QFont(self.font())
        link.setUnderline(True)  # a link: clicking it opens the week with every lesson of the day
        p.setFont(link)
        p.setPen(QPen(self.palette().link().color()))
        for line, hidden in self._more.values():
            p.drawText(line.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, f"+{hidden} …")
        p.setFont(self.font())
        p.end()

    def _paint_day(self, p: QPainter, date: dt.date) -> None:
        cell = self.cell_rect(date)
        info = self.days.get(date, DayInfo(date.weekday() < 5))
        fill_day(p, cell, info)
        if date == self._target:
            p.fillRect(cell, QColor(21, 101, 192, 50))
        p.setPen(QPen(QColor("#cfd8dc")))
        p.drawRect(cell)
        font = QFont(self.font())
        font.setBold(date == dt.date.today())
        p.setFont(font)
        p.setPen(QPen(self.palette().text().color() if date.month == self.month.month
                      else QColor("#9e9e9e")))
        p.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, str(date.day))
        p.setFont(self.font())
        if info.name:  # right-aligned beside the day number, shortened to fit
            p.setPen(HOLIDAY_TEXT if not info.working else QColor("#2e7d32"))
            room = int(cell.width() - 14 - p.fontMetrics().horizontalAdvance(f"{date.day}  "))
            name = p.fontMetrics().elidedText(info.name, Qt.TextElideMode.ElideRight, room)
            p.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignRight, name)

    def _paint_entry(self, p: QPainter, entry: CalendarEntry, line: QRectF) -> None:
        p.fillRect(line, light(entry.color))
        p.fillRect(QRectF(line.x(), line.y(), 3, line.height()), QColor(entry.color))
        if entry.conflict:
            p.setPen(QPen(CONFLICT_COLOR, 1.5))
            p.drawRect(line)
        p.setPen(QPen(QColor("#212121")))
        text = f"{'⚠' if entry.conflict else ''}{entry.start:%H:%M} {entry.title}"
        p.drawText(line.adjusted(6, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                   p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                              int(line.width() - 8)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            entry = self.entry_at(event.position())
            self._pressed = entry.id if entry and not entry.locked else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None and self._press is not None and \
                (event.position() - self._press).manhattanLength() >= DRAG_DISTANCE:
            self._target = self.date_at(event.position())
            self.update()
        elif self._press is None:
            self.setCursor(Qt.CursorShape.PointingHandCursor if self.more_at(event.position())
                           else Qt.CursorShape.ArrowCursor)
            entry = self.entry_at(event.position())
            self.setToolTip("" if entry is None else f"{entry.title}\n{entry.detail}" +
                            (f"\n\n{entry.conflict}" if entry.conflict else ""))
        super().mouseMoveEvent(event)

    def more_at(self, position: QPointF) -> dt.date | None:
        """The day whose "+n …" line is under `position`."""
        return next((date for date, (line, _n) in self._more.items()
                     if line.contains(position)), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        target, pressed = self._target, self._pressed
        self._press, self._pressed, self._target = None, None, None
        self.update()
        more = self.more_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and target is None and more is not None:
            self.day_activated.emit(more)  # the week of that day shows all its lessons
        if pressed is not None and target is not None:
            entry = next(e for e in self.entries if e.id == pressed)
            if target != entry.date:
                self.move_requested.emit(pressed, target, entry.start)
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry = self.entry_at(QPointF(event.pos()))
        if entry is not None:
            self.menu_requested.emit(entry.id, event.globalPos())
            event.accept()
        else:
            super().contextMenuEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position())
        if entry is not None:
            self.open_requested.emit(entry.id)
        else:
            date = self.date_at(event.position())
            if date is not None:
                self.day_activated.emit(date)
        super().mouseDoubleClickEvent(event)
