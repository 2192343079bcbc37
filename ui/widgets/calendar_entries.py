"""What the calendar views draw: lessons as entries, days with their working-day status, and the
day periods lessons snap to. The schedule page turns service records into these."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class CalendarEntry:
    id: int
    date: dt.date
    start: dt.time
    end: dt.time
    title: str  # course · class
    detail: str  # lecturer · venue
    color: str  # the theme's colour, #rrggbb
    conflict: str = ""  # the conflicts' sentences; empty when none
    locked: bool = False


@dataclass(frozen=True)
class DayInfo:
    working: bool
    name: str = ""  # holiday / weekend / adjusted working day, as a person says it
    provisional: bool = False  # a statutory day computed from the law, not confirmed yet


@dataclass(frozen=True)
class Period:
    code: str
    label: str
    start: dt.time
    end: dt.time


def minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def light(color: str, factor: int = 165) -> QColor:
    """A lighter tint of a theme colour, for the entry's fill (text stays readable)."""
    c = QColor(color)
    return c.lighter(factor) if c.isValid() else QColor("#dde7f3")


CONFLICT_COLOR = QColor("#c62828")
NON_WORKING_FILL = QColor("#eceff1")
PROVISIONAL_FILL = QColor("#ffe8b3")  # amber, hatched: by law, awaiting the State Council


def fill_day(p, rect, info: DayInfo) -> None:
    """The day's background: grey when not working; amber and hatched when provisional."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QBrush
    if info.provisional:
        p.fillRect(rect, PROVISIONAL_FILL)
        p.fillRect(rect, QBrush(QColor("#e0a526"), Qt.BrushStyle.BDiagPattern))
    elif not info.working:
        p.fillRect(rect, NON_WORKING_FILL)
HOLIDAY_TEXT = QColor("#c62828")
