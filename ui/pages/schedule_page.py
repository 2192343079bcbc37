"""Schedule (排课): the lessons on a week or month calendar, for everyone or one lecturer,
enterprise or venue. Drag to move or create, double-click to open; every change goes through the
core's conflict rules and can be undone (Ctrl+Z) and redone (Ctrl+Y).

This module builds the page and shows the lessons; the changes are in schedule_changes.py, the
planner and holidays in schedule_planning.py, the Export menu in schedule_export.py."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMenu, QSplitter, QStackedWidget,
                               QToolButton, QVBoxLayout, QWidget)

from trainer.texts import language
from trainer.rules.calendar import PERIOD_LABELS, WEEKDAY_LABELS, provisional_warning
from trainer.services import enterprises, lecturers, schedule
from trainer.services.schedule import LessonRecord
from trainer.services.schedule_calendar import calendar_days, load_settings, provisional_years
from trainer.services.uow import UnitOfWork
from ui.pages.page import Page
from ui.pages.schedule_changes import LessonChanges
from ui.pages.schedule_export import ScheduleExport
from ui.pages.schedule_planning import SchedulePlanning
from ui.settings import AppSettings
from ui.widgets.calendar_entries import CalendarEntry, DayInfo, Period
from ui.widgets.days_off_banner import DaysOffBanner
from ui.widgets.month_view import MonthView
from ui.widgets.week_view import WeekView

FILTERS = ("all", "lecturer", "enterprise", "venue")


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class SchedulePage(LessonChanges, SchedulePlanning, ScheduleExport, Page):
    PAGE_ID = "schedule"
    ICON = "schedule"

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.loaded = False
        self.anchor = dt.date.today()
        self.records: dict[int, LessonRecord] = {}
        self.undo_stack = QUndoStack(self)
        self._build_views()
        self._build_navigation()
        self._build_tools()
        self._build_undo()
        self._build_notices()
        self._build_conflicts()
        self._lay_out()
        self.retranslate()

    def _build_views(self) -> None:
        """The week and the month calendar, one shown at a time."""
        self.week = WeekView(self)
        self.month = MonthView(self)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.week)
        self.views.addWidget(self.month)
        for view in (self.week, self.month):
            view.move_requested.connect(self.move_lesson)
            view.open_requested.connect(self.open_lesson)
            view.menu_requested.connect(self.show_lesson_menu)
        self.week.create_requested.connect(self.create_lesson)
        self.month.day_activated.connect(self.show_week_of)

    def _build_navigation(self) -> None:
        """Heading, ‹ Today ›, the range shown, week/month and the filter."""
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.range_label = QLabel(self)
        self.range_label.setObjectName("range")
        self.range_label.setStyleSheet("font-size: 12pt;")
        self.previous = self._tool("‹", lambda: self.step(-1), "previous")
        self.today = self._tool("", self.go_today, "today")
        self.next = self._tool("›", lambda: self.step(1), "next")
        self.week_button = self._tool("", lambda: self.set_mode(0), "weekMode", checkable=True)
        self.month_button = self._tool("", lambda: self.set_mode(1), "monthMode", checkable=True)
        modes = QButtonGroup(self)
        modes.addButton(self.week_button)
        modes.addButton(self.month_button)
        self.week_button.setChecked(True)
        self.filter_kind = QComboBox(self)
        self.filter_kind.setObjectName("filterKind")
        self.filter_kind.currentIndexChanged.connect(self._fill_filter_values)
        self.filter_value = QComboBox(self)
        self.filter_value.setObjectName("filterValue")
        self.filter_value.setMinimumWidth(180)
        self.filter_value.currentIndexChanged.connect(lambda _i: self.refresh())

    def _build_tools(self) -> None:
        """Plan, re-plan, holidays and the Export menu."""
        self.plan_button = self._tool("", self.plan, "plan")
        self.replan_button = self._tool("", lambda: self.plan(replan=True), "replan")
        self.holidays_button = self._tool("", self.edit_holidays, "holidays")
        self.export_button = self._tool("", lambda: None, "export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.excel_action = self.export_menu.addAction("", self.export_excel)
        self.ics_action = self.export_menu.addAction("", self.export_ics)
        self.export_button.setMenu(self.export_menu)

    def _build_undo(self) -> None:
        """Undo and Redo, as buttons and as Ctrl+Z / Ctrl+Y within the page."""
        self.undo_button = self._tool("", self.undo_stack.undo, "undo")
        self.redo_button = self._tool("", self.undo_stack.redo, "redo")
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_action = QAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        redo_keys = [QKeySequence("Ctrl+Y")]  # the Windows habit, on every platform
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if k not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _build_notices(self) -> None:
        """The provisional-year notice and the banner of lessons on days off."""
        self.year_notice = QLabel(self)
        self.year_notice.setObjectName("yearNotice")
        self.year_notice.setWordWrap(True)
        self.year_notice.setStyleSheet("background: #fff3c4; padding: 4px;")
        self.year_notice.hide()
        self.days_off = DaysOffBanner(self)
        self.days_off.replan_requested.connect(self.replan_days_off)

    def _build_conflicts(self) -> None:
        """The conflicts in view, beside the calendar in a splitter."""
        self.conflict_title = QLabel(self)
        self.conflict_title.setStyleSheet("font-weight: 600;")
        self.conflict_list = QListWidget(self)
        self.conflict_list.setObjectName("conflicts")
        self.conflict_list.setWordWrap(True)
        self.conflict_list.itemDoubleClicked.connect(
            lambda item: self.open_lesson(item.data(Qt.ItemDataRole.UserRole)))
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.conflict_title)
        side_layout.addWidget(self.conflict_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("scheduleSplitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 260])

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for widget in (self.plan_button, self.replan_button, self.holidays_button,
                       self.export_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)
        bar = QHBoxLayout()
        for widget in (self.previous, self.today, self.next, self.range_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.week_button, self.month_button, self.filter_kind, self.filter_value):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.year_notice)
        layout.addWidget(self.days_off)
        layout.addWidget(self.splitter, 1)

    def _tool(self, text: str, slot, name: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setCheckable(checkable)
        button.setAutoRaise(not checkable)
        button.clicked.connect(slot)
        return button

    # --- Page ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Schedule")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.today.setText(self.tr("Today"))
        self.week_button.setText(self.tr("Week"))
        self.month_button.setText(self.tr("Month"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_button.setText(self.tr("Redo"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Y)"))
        self.conflict_title.setText(self.tr("Conflicts in view"))
        self.plan_button.setText(self.tr("Plan automatically…"))
        self.plan_button.setToolTip(self.tr("Place the lessons of the open training requests"))
        self.replan_button.setText(self.tr("Lecturer absent…"))
        self.replan_button.setToolTip(self.tr("Re-plan only the lessons that must move"))
        self.export_button.setText(self.tr("Export"))
        self.holidays_button.setText(self.tr("Holidays…"))
        self.holidays_button.setToolTip(self.tr("Holidays and adjusted working days of a year "
                                                "chinesecalendar does not know yet"))
        self.excel_action.setText(self.tr("The lessons shown, as an Excel file…"))
        self.ics_action.setText(self.tr("The chosen lecturer's or enterprise's lessons as a "
                                        "calendar file (.ics)…"))
        kind = self.filter_kind.currentIndex()
        self.filter_kind.blockSignals(True)
        self.filter_kind.clear()
        for text in (self.tr("Everyone"), self.tr("Lecturer"), self.tr("Enterprise"),
                     self.tr("Venue")):
            self.filter_kind.addItem(text)
        self.filter_kind.setCurrentIndex(max(kind, 0))
        self.filter_kind.blockSignals(False)
        if self.loaded:
            self.refresh()

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self._fill_filter_values()

    def save_state(self, settings: AppSettings) -> None:
        settings.set_header_state(self.PAGE_ID, self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.header_state(self.PAGE_ID)
        if state is not None:
            self.splitter.restoreState(state)

    # --- navigation ---------------------------------------------------------------------------
    @property
    def mode(self) -> int:
        return self.views.currentIndex()

    def set_mode(self, mode: int) -> None:
        self.views.setCurrentIndex(mode)
        (self.week_button if mode == 0 else self.month_button).setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == 0:
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.refresh()

    def go_today(self) -> None:
        self.show_date(dt.date.today())

    def show_date(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def show_week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.set_mode(0)

    def shown_range(self) -> tuple[dt.date, dt.date]:
        if self.mode == 0:
            first = _monday(self.anchor)
            return first, first + dt.timedelta(days=6)
        first = self.anchor.replace(day=1)
        start = _monday(first)
        return start, start + dt.timedelta(days=41)

    # --- filter -------------------------------------------------------------------------------
    def _fill_filter_values(self) -> None:
        kind = FILTERS[max(self.filter_kind.currentIndex(), 0)]
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        if kind == "lecturer":
            for person in lecturers.list_lecturers(self.uow):
                self.filter_value.addItem(person.name, person.id)
        elif kind == "enterprise":
            for firm in enterprises.list_enterprises(self.uow):
                self.filter_value.addItem(firm.name, firm.id)
        elif kind == "venue":
            for venue in enterprises.list_venues(self.uow):
                self.filter_value.addItem(f"{venue.enterprise_name} {venue.name}".strip(), venue.id)
        self.filter_value.setVisible(kind != "all")
        self.filter_value.blockSignals(False)
        self.ics_action.setEnabled(kind in ("lecturer", "enterprise"))
        self.refresh()

    def set_filter(self, kind: str, value_id: int | None = None) -> None:
        self.filter_kind.setCurrentIndex(FILTERS.index(kind))
        if value_id is not None:
            self.filter_value.setCurrentIndex(self.filter_value.findData(value_id))

    def _filter_arguments(self) -> dict:
        kind = FILTERS[max(self.filter_kind.currentIndex(), 0)]
        value = self.filter_value.currentData()
        if kind == "all" or value is None:
            return {}
        return {f"{kind}_id": value}

    # --- showing ------------------------------------------------------------------------------
    def live_reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.loaded:
            return
        start, end = self.shown_range()
        lessons = schedule.list_lessons(self.uow, start, end, **self._filter_arguments())
        self.records = {r.id: r for r in lessons}
        entries = [self._entry(r) for r in lessons]
        calendar = calendar_days(self.uow, start, end)
        days = {d.date: DayInfo(d.working, "" if d.kind == "workday" else d.label(),
                                d.provisional) for d in calendar}
        years = provisional_years(self.uow, start, end)
        self.year_notice.setText(provisional_warning(years) + " " + self.tr(
            "Amber, hatched days: statutory holidays computed from the law, no lesson is "
            "placed on them."))
        self.year_notice.setVisible(bool(years))
        zh = language() == "zh"
        names = [pair[0] if zh else pair[1] for pair in WEEKDAY_LABELS]
        if self.mode == 0:
            periods = [Period(p.code, PERIOD_LABELS[p.code][0 if zh else 1], p.start, p.end)
                       for p in load_settings(self.uow).periods]
            self.week.set_week(start, entries, days, periods, names)
            self.range_label.setText(f"{start:%Y-%m-%d} – {end:%Y-%m-%d}")
        else:
            self.month.set_month(self.anchor, entries, days, names)
            self.range_label.setText(f"{self.anchor:%Y-%m}")
        self._show_conflicts(lessons)

    def _entry(self, r: LessonRecord) -> CalendarEntry:
        conflict = "\n".join(r.conflict_texts()) if r.has_conflicts else ""
        return CalendarEntry(
            r.id, r.date, r.start, r.end, f"{r.course_title} {r.sequence}/{r.lesson_count}",
            " · ".join(x for x in (r.lecturer_name, r.enterprise_name or r.venue_name) if x),
            r.theme_color or "#4a90d9", conflict, r.locked)

    def _show_conflicts(self, lessons: list[LessonRecord]) -> None:
        self.conflict_list.clear()
        seen = set()
        for r in lessons:
            for c in r.conflicts:
                text = c.text()
                if text in seen:
                    continue
                seen.add(text)
                item = QListWidgetItem(("⚠ " if c.blocking else "ℹ ") + text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.conflict_list.addItem(item)

    def lesson_conflict_texts(self) -> list[str]:
        return [self.conflict_list.item(i).text() for i in range(self.conflict_list.count())]

    @property
    def has_records(self) -> bool:
        return True

