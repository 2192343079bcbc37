"""A new programme (培训项目): one course, optionally a level-raising (等级提升) course, at a
venue or training centre, from a start month for some months, classes a month of a size, open
to the trainee categories ticked. Saving calls programmes.create_programme, which makes the
classes; the core's refusals appear beside their fields."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QLineEdit,
                               QSpinBox, QWidget)

from trainer.texts import TRAINEE_CATEGORIES, label
from trainer.services import programmes
from trainer.services.courses import list_courses
from trainer.services.enterprises import list_venues
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


class ProgrammeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent, "")
        self.setObjectName("programmeDialog")
        self.setWindowTitle(self.tr("New programme"))
        self.uow = uow
        self.name = self.add_field("name", self.tr("Name:"), QLineEdit(self))
        courses = list_courses(uow)
        self.course = self.add_field(("course", "levels", "level"), self.tr("Course:"), QComboBox(self))
        self.course.setObjectName("course")
        self.raising = self.add_field("raising", self.tr("Level-raising course:"),
                                      QComboBox(self))
        self.raising.addItem(self.tr("(none)"), None)
        for course in courses:
            self.course.addItem(course.title, course.id)
            self.raising.addItem(course.title, course.id)
        self.venue = self.add_field("venue_id", self.tr("Venue:"), QComboBox(self))
        centres = list_venues(uow, training_centres=True)
        others = [v for v in list_venues(uow) if v.enterprise_id is not None]
        for venue in centres + others:
            text = venue.name if not venue.enterprise_name else \
                f"{venue.name}（{venue.enterprise_name}）"
            self.venue.addItem(self.tr("%1, %2 seats").replace("%1", text)
                               .replace("%2", str(venue.capacity)), venue.id)
        self.start = self.add_field("start_month", self.tr("Start month:"), QDateEdit(self))
        self.start.setDisplayFormat("yyyy-MM")
        today = dt.date.today()
        self.start.setDate(QDate(today.year, today.month, 1).addMonths(1))
        self.months = self.add_field("months", self.tr("Months:"), self._spin(1, 36, 6))
        self.per_month = self.add_field("classes_per_month", self.tr("Classes a month:"),
                                        self._spin(1, 20, 3))
        self.class_size = self.add_field("class_size", self.tr("Class size:"), self._spin(1, 500, 60))
        boxes = QWidget(self)
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, code in enumerate(TRAINEE_CATEGORIES):
            box = QCheckBox(label(TRAINEE_CATEGORIES, code), boxes)
            box.setObjectName(f"category_{code}")
            self.boxes[code] = box
            grid.addWidget(box, n // 2, n % 2)
        boxes.setToolTip(self.tr("No category ticked: anyone may apply."))
        self.add_field("eligible_categories", self.tr("Open to:"), boxes)
        self.resize(560, 520)

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def form_values(self) -> programmes.ProgrammeForm:
        levels = [programmes.LevelForm(programmes.BEGINNER, self.course.currentData())]
        if self.raising.currentData() is not None:
            levels.append(programmes.LevelForm(programmes.RAISING, self.raising.currentData()))
        start = self.start.date()
        return programmes.ProgrammeForm(
            self.name.text(), self.venue.currentData(), dt.date(start.year(), start.month(), 1),
            self.months.value(), self.per_month.value(), self.class_size.value(),
            tuple(code for code, box in self.boxes.items() if box.isChecked()), tuple(levels))

    def save(self) -> programmes.ProgrammeRecord:
        return programmes.create_programme(self.uow, self.form_values())

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> programmes.ProgrammeRecord | None:
        return cls.run(cls(parent, uow))
