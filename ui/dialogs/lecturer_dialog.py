"""Creating and editing a lecturer: category, themes taught, hourly fee, unavailable dates."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QTableView, QWidget)

from trainer.texts import GENDERS, LECTURER_CATEGORIES, label
from trainer.services import courses, lecturers
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog
from ui.models.editable_lists import DateRangeColumn, DateRangeDraft, DateRangeDraftModel
from ui.resources import icon


class LecturerDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: lecturers.LecturerRecord | None = None) -> None:
        super().__init__(parent, self.tr("New lecturer") if record is None
                         else self.tr("Edit lecturer"))
        self.setObjectName("lecturerDialog")
        self._uow = uow
        self._record = record
        self.name = self.add_field(("person_name", "name"), self.tr("Full &name"), QLineEdit())
        self.category = self.add_field("category", self.tr("&Category"), QComboBox())
        for code in LECTURER_CATEGORIES:
            self.category.addItem(label(LECTURER_CATEGORIES, code), code)
        self.gender = self.add_field("gender", self.tr("&Gender"), QComboBox())
        self.gender.addItem("", "")
        for code in GENDERS:
            self.gender.addItem(label(GENDERS, code), code)
        self.employer = self.add_field("employer", self.tr("&Employer"), QLineEdit())
        self.title = self.add_field("title", self.tr("&Title"), QLineEdit())
        self.mobile = self.add_field("mobile", self.tr("&Mobile"), QLineEdit())
        self.hourly_fee = self.add_field("hourly_fee", self.tr("Hourly &fee (yuan)"), QLineEdit())
        self.hourly_fee.setPlaceholderText("300")
        self.themes = self.add_field("themes", self.tr("T&hemes taught"), QListWidget())
        self.themes.setFixedHeight(96)
        for theme in courses.list_themes(uow):
            item = QListWidgetItem(theme.name, self.themes)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.max_day = self.add_field("max_hours_per_day", self.tr("Hours a day, at most"),
                                      QLineEdit())
        self.max_week = self.add_field("max_hours_per_week", self.tr("Hours a week, at most"),
                                       QLineEdit())
        self.notes = self.add_field("notes", self.tr("No&tes"), QPlainTextEdit())
        self.notes.setFixedHeight(50)

        self.extra.addWidget(QLabel(self.tr("<b>Unavailable dates</b> (travel, illness, "
                                            "peak season at the lecturer's own factory)")))
        self.unavailable = DateRangeDraftModel(self)
        self.unavailable_view = QTableView(self)
        self.unavailable_view.setObjectName("unavailable")
        self.unavailable_view.setModel(self.unavailable)
        self.unavailable_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unavailable_view.horizontalHeader().setSectionResizeMode(
            DateRangeColumn.REASON, QHeaderView.ResizeMode.Stretch)
        self.unavailable_view.verticalHeader().hide()
        self.unavailable_view.setMinimumHeight(110)
        self.extra.addWidget(self.unavailable_view)
        row = QHBoxLayout()
        add = QPushButton(icon("add"), self.tr("Add dates"))
        add.setObjectName("addDates")
        remove = QPushButton(icon("delete"), self.tr("Remove dates"))
        add.clicked.connect(lambda: self.add_dates())
        remove.clicked.connect(self.remove_dates)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.extra.addLayout(row)
        self.add_error_place("unavailable", self.unavailable_view, self.extra)
        self._errors["unavailable_end"] = self._errors["unavailable"]  # a range ending too early
        self.resize(600, 680)
        if record is not None:
            self._fill(record)

    def _fill(self, r: lecturers.LecturerRecord) -> None:
        self.name.setText(r.name)
        self.category.setCurrentIndex(max(0, self.category.findData(r.category)))
        self.gender.setCurrentIndex(max(0, self.gender.findData(r.gender)))
        self.employer.setText(r.employer)
        self.title.setText(r.title)
        self.mobile.setText(r.mobile)
        self.hourly_fee.setText(f"{r.hourly_fee:.2f}" if r.hourly_fee else "")
        for i in range(self.themes.count()):
            item = self.themes.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in r.theme_ids:
                item.setCheckState(Qt.CheckState.Checked)
        self.max_day.setText("" if r.max_hours_per_day is None else str(r.max_hours_per_day))
        self.max_week.setText("" if r.max_hours_per_week is None else str(r.max_hours_per_week))
        self.notes.setPlainText(r.notes)
        self.unavailable.set_rows([DateRangeDraft(u.start, u.end, u.reason) for u in r.unavailable])

    def add_dates(self, start: dt.date | None = None, end: dt.date | None = None,
                  reason: str = "") -> None:
        start = start or dt.date.today()
        self.unavailable.append(DateRangeDraft(start, end or start, reason))

    def remove_dates(self) -> None:
        index = self.unavailable_view.currentIndex()
        if index.isValid():
            self.unavailable.remove(index.row())

    def set_theme_checked(self, name: str, checked: bool = True) -> None:
        for item in self.themes.findItems(name, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def to_form(self) -> lecturers.LecturerForm:
        theme_ids = tuple(self.themes.item(i).data(Qt.ItemDataRole.UserRole)
                          for i in range(self.themes.count())
                          if self.themes.item(i).checkState() == Qt.CheckState.Checked)
        return lecturers.LecturerForm(
            name=self.name.text(), category=self.category.currentData(),
            gender=self.gender.currentData(), employer=self.employer.text(),
            title=self.title.text(), mobile=self.mobile.text(), hourly_fee=self.hourly_fee.text(),
            theme_ids=theme_ids,
            unavailable=tuple(lecturers.DateRange(d.start, d.end, d.reason)
                              for d in self.unavailable.rows),
            max_hours_per_day=self.max_day.text(), max_hours_per_week=self.max_week.text(),
            notes=self.notes.toPlainText())

    def save(self) -> lecturers.LecturerRecord:
        self.unavailable_view.setCurrentIndex(self.unavailable.index(-1, -1))
        if self._record is None:
            return lecturers.create_lecturer(self._uow, self.to_form())
        return lecturers.update_lecturer(self._uow, self._record.id, self.to_form(),
                                         self._record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: lecturers.LecturerRecord | None = None) -> lecturers.LecturerRecord | None:
        return cls.run(cls(parent, uow, record))
