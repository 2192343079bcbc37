"""The office's calendar: the State Council's yearly notice (国务院办公厅关于20XX年部分节假日安排的
通知) pasted or opened, read, previewed as a year calendar with each item's 共N天 checked, and saved
on confirmation; or single days (a local holiday, a day worked). Until a year is confirmed its
statutory days are computed from the law and shown amber (按法定节日推算，待国务院通知确认).
After a save, the lessons that now fall on a day off are listed with "Re-plan these"."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.io.holiday_notice import NoticeError, notice_text, parse_notice
from trainer.texts import language
from trainer.rules.calendar import ADJUSTED_WORKDAY, HOLIDAY, PROVISIONAL_NOTE, WEEKEND
from trainer.services.holiday_notices import (NoticePreview, lessons_on_days_off,
                                              preview_notice, save_notice)
from trainer.services.schedule_calendar import (calendar_days, delete_override, list_overrides,
                                                set_override_range)
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon
from ui.widgets.days_off_banner import DaysOffBanner
from ui.widgets.year_calendar import YearCalendar


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _states(days) -> dict[dt.date, tuple[str, str]]:
    out = {}
    for d in days:
        if d.provisional:
            state = "provisional"
        elif d.kind == HOLIDAY:
            state = "holiday"
        elif d.kind == ADJUSTED_WORKDAY:
            state = "working"
        elif d.kind == WEEKEND:
            state = "weekend"
        else:
            continue
        out[d.date] = (state, d.label())
    return out


class HolidaysDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, year: int) -> None:
        super().__init__(parent)
        self.setObjectName("holidaysDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Holidays and adjusted working days"))
        self.uow, self.year = uow, year
        self.changed = False
        self.replan_requested = False
        self.preview: NoticePreview | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._notice_tab(), self.tr("State Council notice"))
        self.tabs.addTab(self._days_tab(year), self.tr("Single days"))
        self.banner = DaysOffBanner(self)
        self.banner.replan_requested.connect(self._replan)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("closeButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setObjectName("close")
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.resize(980, 700)
        self.show_year(year)
        self.refresh()

    # --- the notice -----------------------------------------------------------------------------
    def _notice_tab(self) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(self.tr(
            "Paste the text of the State Council's notice on next year's holidays (or open a "
            ".txt, .docx or .pdf copy), then read it: every item is checked and shown on the "
            "calendar before anything is saved."), tab)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(tab)
        self.text.setObjectName("noticeText")
        self.text.setPlaceholderText(self.tr("国务院办公厅关于20XX年部分节假日安排的通知\n"
                                             "一、元旦：…\n二、春节：…"))
        open_file = QPushButton(self.tr("Open a file…"), tab)
        open_file.setObjectName("openNotice")
        open_file.setAutoDefault(False)
        open_file.clicked.connect(self.open_file)
        read = QPushButton(self.tr("Read the notice"), tab)
        read.setObjectName("readNotice")
        read.setAutoDefault(False)
        read.clicked.connect(self.read_notice)
        self.save_button = QPushButton(self.tr("Save the notice"), tab)
        self.save_button.setObjectName("saveNotice")
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_notice)
        self.calendar = YearCalendar(tab)
        self.calendar.set_labels([f"{m}月" if language() == "zh"
                                  else dt.date(2000, m, 1).strftime("%b") for m in range(1, 13)],
                                 list("一二三四五六日") if language() == "zh" else list("MTWTFSS"))
        self.caption = QLabel(tab)
        self.caption.setObjectName("calendarCaption")
        self.caption.setStyleSheet("font-weight: 600;")
        legend = QLabel(self.tr(
            "<span style='background:#f4b6b6'>&nbsp;holiday&nbsp;</span> "
            "<span style='background:#b9e3bf'>&nbsp;adjusted working day&nbsp;</span> "
            "<span style='background:#ffe8b3'>&nbsp;%1&nbsp;</span> "
            "<span style='color:#1565c0'>&nbsp;▢ blue outline: set by the notice</span>")
            .replace("%1", PROVISIONAL_NOTE[0] if language() == "zh" else PROVISIONAL_NOTE[1]),
            tab)
        legend.setObjectName("legend")
        legend.setWordWrap(True)
        self.items = QTableWidget(0, 4, tab)
        self.items.setObjectName("items")
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Days off"),
                                              self.tr("Days off, checked"), self.tr("Working days")])
        self.notice_problem = QLabel(tab)
        self.notice_problem.setObjectName("noticeProblem")
        self.notice_problem.setWordWrap(True)
        self.notice_problem.setStyleSheet(ERROR_STYLE)
        self.notice_problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(tab)
        self.status.setObjectName("noticeStatus")
        self.status.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.text, 1)
        row = QHBoxLayout()
        for button in (open_file, read, self.save_button):
            row.addWidget(button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.caption)
        right.addWidget(self.calendar, 3)
        right.addWidget(legend)
        right.addWidget(self.items, 2)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.notice_problem)
        layout.addWidget(self.status)
        return tab

    def show_year(self, year: int, preview: NoticePreview | None = None) -> None:
        """The year as saved now, or as the notice read will make it."""
        if preview is None:
            days = calendar_days(self.uow, dt.date(year, 1, 1), dt.date(year, 12, 31))
            marked: set[dt.date] = set()
            self.caption.setText(self.tr("%1 as the calendar has it now").replace("%1", str(year)))
        else:
            days = [d for d in preview.days if d.date.year == year]
            marked = {d.date for d in preview.notice.days()}
            self.caption.setText(self.tr("%1 as the notice makes it (not saved yet)")
                                 .replace("%1", str(year)))
        self.calendar.set_year(year, _states(days), marked)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the notice"), "",
            self.tr("Notice (*.txt *.docx *.pdf)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        try:
            self.text.setPlainText(notice_text(path))
        except NoticeError as exc:
            self.notice_problem.setText(exc.message())
            return
        self.read_notice()

    def read_notice(self) -> None:
        self.preview = None
        self.save_button.setEnabled(False)
        self.status.clear()
        try:
            notice = parse_notice(self.text.toPlainText())
            preview = preview_notice(self.uow, notice)
        except NoticeError as exc:
            self.notice_problem.setText("\n".join(p.message() for p in exc.problems))
            self.items.setRowCount(0)
            self.show_year(self.year)
            return
        except TrainerError as exc:
            self.notice_problem.setText(str(exc))
            return
        self.notice_problem.clear()
        self.preview = preview
        self.year = notice.year
        self.show_year(notice.year, preview)
        self._fill_items(preview)
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Read %1 items: %2 days off and %3 adjusted working days. "
                                    "Check them on the calendar, then save.")
                            .replace("%1", str(len(notice.items)))
                            .replace("%2", str(sum(len(i.holidays) for i in notice.items)))
                            .replace("%3", str(sum(len(i.working) for i in notice.items))))

    def _fill_items(self, preview: NoticePreview) -> None:
        items = preview.notice.items
        self.items.setRowCount(len(items))
        for row, item in enumerate(items):
            first, last = item.holidays[0], item.holidays[-1]
            span = first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
            if item.stated_days is not None:
                count = self.tr("%1 ✓ (the notice says %2)").replace(
                    "%1", str(len(item.holidays))).replace("%2", str(item.stated_days))
            else:
                count = self.tr("%1 (no count in the notice)").replace(
                    "%1", str(len(item.holidays)))
            working = "、".join(d.isoformat() for d in item.working)
            for column, text in enumerate((f"{item.number}、{item.name}", span, count, working)):
                self.items.setItem(row, column, QTableWidgetItem(text))
        self.items.resizeColumnsToContents()

    def save_notice(self) -> None:
        if self.preview is None:
            return
        notice = self.preview.notice
        try:
            saved = save_notice(self.uow, self.preview)
        except TrainerError as exc:
            self.notice_problem.setText(str(exc))
            return
        self.changed = True
        self.preview = None
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saved %1 days: the holidays of %2 are confirmed by the "
                                    "notice.").replace("%1", str(saved))
                            .replace("%2", str(notice.year)))
        self.show_year(notice.year)
        self.refresh()
        self.banner.show_lessons(lessons_on_days_off(self.uow, notice.first,
                                                     dt.date(notice.year, 12, 31)))

    def _replan(self) -> None:
        self.replan_requested = True
        self.accept()

    # --- single days ----------------------------------------------------------------------------
    def _days_tab(self, year: int) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(self.tr("A local holiday, or a day the office works: entered here it "
                               "wins over the notice and the statutory days."), tab)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, tab)
        self.table.setObjectName("days")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        start = dt.date(year, 1, 1)
        self.first = _date_edit(start)
        self.first.setObjectName("first")
        self.last = _date_edit(start)
        self.last.setObjectName("last")
        self.working = QCheckBox(self.tr("adjusted working day (调休上班), not a holiday"), tab)
        self.working.setObjectName("working")
        self.name = QLineEdit(tab)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        add = QPushButton(self.tr("Save these days"), tab)
        add.setObjectName("add")
        add.setAutoDefault(False)
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Remove the selected day"), tab)
        remove.setObjectName("remove")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove)
        self.problem = QLabel(tab)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("–", tab))
        dates.addWidget(self.last)
        form.addRow(self.tr("From – to:"), dates)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow("", self.working)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        return tab

    def refresh(self) -> None:
        days = list_overrides(self.uow)
        self.shown_versions = {o.date: o.version for o in days}  # saved with the change
        self.table.setRowCount(len(days))
        for row, o in enumerate(days):
            kind = self.tr("working day") if o.is_working_day else self.tr("holiday")
            if o.notice_year:
                kind += self.tr(" (notice %1)").replace("%1", str(o.notice_year))
            for column, text in enumerate((o.date.isoformat(), kind, o.name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.date)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            self.problem.setText(self.tr("The last day is before the first."))
            return
        try:
            set_override_range(self.uow, first, last, self.working.isChecked(),
                               self.name.text(), self.shown_versions)  # all days or none
        except TrainerError as exc:
            self.problem.setText(str(exc))
            self.refresh()  # another desk's days, as they are now
            return
        self.problem.clear()
        self.changed = True
        self.refresh()
        self.show_year(first.year)
        self.banner.show_lessons(lessons_on_days_off(self.uow, first, last))

    def remove(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        try:
            delete_override(self.uow, items[0].data(Qt.ItemDataRole.UserRole))
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.changed = True
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, year: int) -> tuple[bool, bool]:
        """(days were changed, the user asked to re-plan the lessons now on days off)."""
        dialog = cls(parent, uow, year)
        dialog.exec()
        result = dialog.changed, dialog.replan_requested
        dialog.deleteLater()
        return result
