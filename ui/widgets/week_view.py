"""A week of lessons: one column per day, time running down, lessons as coloured blocks.

Drag a lesson to move it, drag on empty time to create one, double-click to open. Drops snap to
the start of a day period (上午/下午/晚上), the convention the whole scheduler follows; the view only
asks (signals), the page decides through the core's conflict rules."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ui.widgets.calendar_entries import (CONFLICT_COLOR, HOLIDAY_TEXT, fill_day,
                                         CalendarEntry, DayInfo, Period, light, minutes)

GUTTER = 52  # hour labels
HEADER = 44  # day names, dates, holiday names
FOOTER = 10  # room for the last hour's label
DRAG_DISTANCE = 5


class WeekView(QWidget):
    move_requested = Signal(int, object, object)  # entry id, date, start time
    create_requested = Signal(object, object)  # date, start time
    open_requested = Signal(int)  # entry id
    menu_requested = Signal(int, object)  # entry id, global position (right click, menu key)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 300)
        self.first_day = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.entries: list[CalendarEntry] = []
        self.days: dict[dt.date, DayInfo] = {}
        self.periods: list[Period] = []
        self.weekday_names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        self.day_start, self.day_end = 8 * 60, 21 * 60 + 30
        self._rects: dict[int, QRectF] = {}
        self._press: QPointF | None = None
        self._pressed_entry: int | None = None
        self._ghost: tuple[dt.date, Period] | None = None

    # --- content ----------------------------------------------------------------------------
    def set_week(self, first_day: dt.date, entries: list[CalendarEntry],
                 days: dict[dt.date, DayInfo], periods: list[Period],
                 weekday_names: list[str]) -> None:
        self.first_day, self.entries, self.days = first_day, entries, days
        self.periods, self.weekday_names = periods, weekday_names
        if periods:  # the day runs over every period and every lesson shown, in whole hours
            starts = [minutes(p.start) for p in periods] + [minutes(e.start) for e in entries]
            ends = [minutes(p.end) for p in periods] + [minutes(e.end) for e in entries]
            self.day_start = min(starts) // 60 * 60
            self.day_end = -(-max(ends) // 60) * 60
        self._layout_entries()
        self.update()

    def dates(self) -> list[dt.date]:
        return [self.first_day + dt.timedelta(days=i) for i in range(7)]

    # --- geometry -----------------------------------------------------------------------------
    def _column_width(self) -> float:
        return (self.width() - GUTTER) / 7

    def _y(self, minute: int) -> float:
        span = max(self.day_end - self.day_start, 60)
        return HEADER + (minute - self.day_start) * (self.height() - HEADER - FOOTER) / span

    def _minute_at(self, y: float) -> int:
        span = max(self.day_end - self.day_start, 60)
        return self.day_start + round((y - HEADER) * span / max(self.height() - HEADER - FOOTER, 1))

    def day_rect(self, index: int) -> QRectF:
        w = self._column_width()
        return QRectF(GUTTER + index * w, HEADER, w, self.height() - HEADER)

    def entry_rect(self, entry_id: int) -> QRectF:
        return self._rects.get(entry_id, QRectF())

    def point_for(self, date: dt.date, time: dt.time) -> QPointF:
        """The middle of `date`'s column at `time` (for tests and keyboard use)."""
        index = (date - self.first_day).days
        return QPointF(GUTTER + (index + 0.5) * self._column_width(), self._y(minutes(time)) + 4)

    def slot_at(self, pos: QPointF) -> tuple[dt.date, Period] | None:
        """The day and period under a point; between periods, the nearest period."""
        if pos.x() < GUTTER or pos.y() < HEADER or not self.periods:
            return None
        index = int((pos.x() - GUTTER) // self._column_width())
        if not 0 <= index < 7:
            return None
        minute = self._minute_at(pos.y())

        def distance(p: Period) -> int:
            if minutes(p.start) <= minute < minutes(p.end):
                return 0
            return min(abs(minute - minutes(p.start)), abs(minute - minutes(p.end)))

        return self.first_day + dt.timedelta(days=index), min(self.periods, key=distance)

    def entry_at(self, pos: QPointF) -> CalendarEntry | None:
        for entry in reversed(self.entries):
            if self._rects.get(entry.id, QRectF()).contains(pos):
                return entry
        return None

    def _layout_entries(self) -> None:
        """Side by side where lessons overlap (a double booking must stay visible)."""
        self._rects.clear()
        w = self._column_width()
        for index, date in enumerate(self.dates()):
            todays = sorted((e for e in self.entries if e.date == date),
                            key=lambda e: (e.start, e.id))
            lanes: list[list[CalendarEntry]] = []
            for entry in todays:
                for lane in lanes:
                    if lane[-1].end <= entry.start:
                        lane.append(entry)
                        break
                else:
                    lanes.append([entry])
            for lane_no, lane in enumerate(lanes):
                lane_w = (w - 4) / len(lanes)
                for entry in lane:
                    top, bottom = self._y(minutes(entry.start)), self._y(minutes(entry.end))
                    self._rects[entry.id] = QRectF(GUTTER + index * w + 2 + lane_no * lane_w,
                                                   top, lane_w - 2, max(bottom - top, 18))

    def resizeEvent(self, event) -> None:
        self._layout_entries()
        super().resizeEvent(event)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        self._paint_grid(p)
        for entry in self.entries:
            self._paint_entry(p, entry, self._rects.get(entry.id))
        if self._ghost is not None:
            date, period = self._ghost
            index = (date - self.first_day).days
            w = self._column_width()
            rect = QRectF(GUTTER + index * w + 2, self._y(minutes(period.start)), w - 4,
                          self._y(minutes(period.end)) - self._y(minutes(period.start)))
            p.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
            p.setBrush(QColor(21, 101, 192, 40))
            p.drawRoundedRect(rect, 4, 4)
        p.end()

    def _paint_grid(self, p: QPainter) -> None:
        w = self._column_width()
        text_pen, line_pen = QPen(self.palette().text().color()), QPen(QColor("#cfd8dc"))
        for index, date in enumerate(self.dates()):
            info = self.days.get(date, DayInfo(date.weekday() < 5))
            column = self.day_rect(index)
            fill_day(p, column, info)
            for period in self.periods:  # working hours, lightly
                band = QRectF(column.x(), self._y(minutes(period.start)), w,
                              self._y(minutes(period.end)) - self._y(minutes(period.start)))
                p.fillRect(band, QColor(255, 255, 255, 0) if not info.working
                           else QColor("#f5f9fc"))
            header = QRectF(GUTTER + index * w, 0, w, HEADER)
            p.setPen(text_pen)
            bold = QFont(self.font())
            bold.setBold(date == dt.date.today())
            p.setFont(bold)
            p.drawText(header.adjusted(2, 2, -2, -HEADER / 2), Qt.AlignmentFlag.AlignCenter,
                       f"{self.weekday_names[date.weekday()]} {date.month}/{date.day}")
            p.setFont(self.font())
            if info.name:
                p.setPen(HOLIDAY_TEXT if not info.working else QColor("#2e7d32"))
                p.drawText(header.adjusted(2, HEADER / 2, -2, -2), Qt.AlignmentFlag.AlignCenter,
                           info.name)
            p.setPen(line_pen)
            p.drawLine(QPointF(column.x(), 0), QPointF(column.x(), self.height()))
        p.setPen(line_pen)
        p.drawLine(QPointF(0, HEADER), QPointF(self.width(), HEADER))
        for hour in range(self.day_start // 60, self.day_end // 60 + 1):
            y = self._y(hour * 60)
            p.setPen(line_pen)
            p.drawLine(QPointF(GUTTER - 4, y), QPointF(self.width(), y))
            p.setPen(text_pen)
            p.drawText(QRectF(0, y - 8, GUTTER - 8, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{hour:02d}:00")

    def _paint_entry(self, p: QPainter, entry: CalendarEntry, rect: QRectF | None) -> None:
        if rect is None or rect.isEmpty():
            return
        p.setBrush(light(entry.color))
        pen = QPen(CONFLICT_COLOR, 2.5) if entry.conflict else QPen(QColor(entry.color), 1)
        p.setPen(pen)
        p.drawRoundedRect(rect, 4, 4)
        p.fillRect(QRectF(rect.x(), rect.y(), 4, rect.height()), QColor(entry.color))
        p.setPen(QPen(QColor("#212121")))
        mark = ("⚠ " if entry.conflict else "") + ("🔒 " if entry.locked else "")
        text = f"{entry.start:%H:%M}–{entry.end:%H:%M}\n{mark}{entry.title}\n{entry.detail}"
        p.drawText(rect.adjusted(7, 2, -3, -2),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                   text)

    # --- mouse --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            entry = self.entry_at(event.position())
            self._pressed_entry = entry.id if entry and not entry.locked else None
            self._pressed_locked = bool(entry and entry.locked)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and (event.buttons() & Qt.MouseButton.LeftButton):
            if (event.position() - self._press).manhattanLength() >= DRAG_DISTANCE \
                    and not self._pressed_locked:
                self._ghost = self.slot_at(event.position())
                self.update()
        else:
            entry = self.entry_at(event.position())
            self.setToolTip("" if entry is None else
                            f"{entry.title}\n{entry.detail}" +
                            (f"\n\n{entry.conflict}" if entry.conflict else ""))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        ghost, pressed = self._ghost, self._pressed_entry
        self._press, self._pressed_entry, self._ghost = None, None, None
        self.update()
        if ghost is not None:
            date, period = ghost
            if pressed is not None:
                entry = next(e for e in self.entries if e.id == pressed)
                if (date, period.start) != (entry.date, entry.start):
                    self.move_requested.emit(pressed, date, period.start)
            elif not getattr(self, "_pressed_locked", False):
                self.create_requested.emit(date, period.start)
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
        super().mouseDoubleClickEvent(event)

    def show_tip(self, text: str) -> None:
        QToolTip.showText(self.mapToGlobal(self.rect().center()), text, self)
