"""Creating and editing a training request (培训需求): the enterprise's order from the survey."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from trainer.texts import label
from trainer.services import courses, enterprises, requests
from trainer.services.requests import DAY_PERIODS, REQUEST_STATUSES, WEEKDAY_NAMES
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class RequestDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: requests.TrainingRequestRecord | None = None) -> None:
        super().__init__(parent, self.tr("New training request") if record is None
                         else self.tr("Edit training request"))
        self.setObjectName("requestDialog")
        self._uow, self._record = uow, record
        self.enterprise = self.add_field("enterprise", self.tr("&Enterprise"), QComboBox())
        self.enterprise.addItem("", None)
        for firm in enterprises.list_enterprises(uow):
            self.enterprise.addItem(firm.name, firm.id)
        self.course = self.add_field("course", self.tr("&Course"), QComboBox())
        self.course.addItem("", None)
        for course in courses.list_courses(uow):
            self.course.addItem(f"{course.theme_name} · {course.title}", course.id)
        self.workers = self.add_field("workers", self.tr("&Workers"), QLineEdit())
        self.workers.setPlaceholderText("60")
        self.window_start = self.add_field("window_start", self.tr("&From"), _date_edit())
        self.window_end = self.add_field("window_end", self.tr("&To"), _date_edit())
        self.weekday_boxes = self._boxes(WEEKDAY_NAMES, "weekdays", self.tr("Week&days"))
        self.period_boxes = self._boxes(DAY_PERIODS, "periods", self.tr("&Half-days"))
        self.allow_weekends = self.add_field("allow_weekends", "", QCheckBox(
            self.tr("Ordinary weekends too (never statutory holidays)")))
        self.allow_weekends.setObjectName("allow_weekends")
        self.blackout = self.add_field("blackout_dates", self.tr("&Blackout dates"), QLineEdit())
        self.blackout.setPlaceholderText(self.tr("production peaks, e.g. 2026-10-12, 2026-10-19"))
        self.priority = self.add_field("priority", self.tr("&Priority (0–9)"), QSpinBox())
        self.priority.setRange(0, requests.MAX_PRIORITY)
        self.status = self.add_field("status", self.tr("&Status"), QComboBox())
        for code in REQUEST_STATUSES:
            self.status.addItem(label(REQUEST_STATUSES, code), code)
        self.notes = self.add_field("notes", self.tr("No&tes"), QPlainTextEdit())
        self.notes.setFixedHeight(50)
        self.resize(560, 560)
        self._fill(record)

    def _boxes(self, choices: dict, key: str, text: str) -> dict[str, QCheckBox]:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        boxes = {}
        for code in choices:
            box = QCheckBox(label(choices, code), holder)
            box.setObjectName(f"{key}_{code}")
            row.addWidget(box)
            boxes[code] = box
        row.addStretch(1)
        self.add_field(key, text, holder)
        return boxes

    def _fill(self, r: requests.TrainingRequestRecord | None) -> None:
        today = dt.date.today()
        start = r.window_start if r else today + dt.timedelta(days=14)
        end = r.window_end if r else start + dt.timedelta(days=30)
        self.window_start.setDate(QDate(start.year, start.month, start.day))
        self.window_end.setDate(QDate(end.year, end.month, end.day))
        weekdays = r.weekdays if r else "12345"
        periods = r.periods if r else ("morning", "afternoon")
        for code, box in self.weekday_boxes.items():
            box.setChecked(code in weekdays)
        for code, box in self.period_boxes.items():
            box.setChecked(code in periods)
        self.allow_weekends.setChecked(bool(r and r.allow_weekends))
        if r is None:
            return
        self.enterprise.setCurrentIndex(max(0, self.enterprise.findData(r.enterprise_id)))
        self.course.setCurrentIndex(max(0, self.course.findData(r.course_id)))
        self.workers.setText(str(r.workers))
        self.blackout.setText(", ".join(d.isoformat() for d in r.blackout_dates))
        self.priority.setValue(r.priority)
        self.status.setCurrentIndex(max(0, self.status.findData(r.status)))
        self.notes.setPlainText(r.notes)

    def to_form(self) -> requests.TrainingRequestForm:
        return requests.TrainingRequestForm(
            enterprise_id=self.enterprise.currentData(), course_id=self.course.currentData(),
            workers=self.workers.text(),
            window_start=self.window_start.date().toPython(),
            window_end=self.window_end.date().toPython(),
            weekdays="".join(c for c, b in self.weekday_boxes.items() if b.isChecked()),
            periods=tuple(c for c, b in self.period_boxes.items() if b.isChecked()),
            blackout_dates=self.blackout.text(), priority=self.priority.value(),
            status=self.status.currentData(), notes=self.notes.toPlainText(),
            allow_weekends=self.allow_weekends.isChecked())

    def save(self) -> requests.TrainingRequestRecord:
        if self._record is None:
            return requests.create_request(self._uow, self.to_form())
        return requests.update_request(self._uow, self._record.id, self.to_form(),
                                       self._record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: requests.TrainingRequestRecord | None = None):
        return cls.run(cls(parent, uow, record))
