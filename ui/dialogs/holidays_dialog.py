"""The office's own calendar days: the holidays and adjusted working days (调休上班) of a year
chinesecalendar does not know yet — announced each winter by the State Council — or a local
holiday. Every scheduling rule and the planner follow them."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services.schedule_calendar import delete_override, list_overrides, set_override
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class HolidaysDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, year: int) -> None:
        super().__init__(parent)
        self.setObjectName("holidaysDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Holidays and adjusted working days"))
        self.uow = uow
        self.changed = False
        intro = QLabel(self.tr("chinesecalendar knows the statutory holidays of the years "
                               "announced so far. Enter here a year it does not know yet, or a "
                               "local holiday; the calendar, the conflict check and the planner "
                               "follow these days."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
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
        self.working = QCheckBox(self.tr("adjusted working day (调休上班), not a holiday"), self)
        self.working.setObjectName("working")
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        add = QPushButton(self.tr("Save these days"), self)
        add.setObjectName("add")
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Remove the selected day"), self)
        remove.setObjectName("remove")
        remove.clicked.connect(self.remove)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.last)
        form.addRow(self.tr("From – to:"), dates)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow("", self.working)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self.resize(560, 560)
        self.refresh()

    def refresh(self) -> None:
        days = list_overrides(self.uow)
        self.table.setRowCount(len(days))
        for row, o in enumerate(days):
            kind = self.tr("working day") if o.is_working_day else self.tr("holiday")
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
            with self.uow:  # the whole range or nothing
                for n in range((last - first).days + 1):
                    set_override(self.uow, first + dt.timedelta(days=n), self.working.isChecked(),
                                 self.name.text())
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        self.changed = True
        self.refresh()

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
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, year: int) -> bool:
        """True when days were changed."""
        dialog = cls(parent, uow, year)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()
        return changed
