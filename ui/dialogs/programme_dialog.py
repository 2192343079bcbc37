"""A programme (培训项目), new or changed: one course, optionally a level-raising (等级提升)
course, each with its exam's pass mark, at a venue or training centre, from a start month for
some months, classes a month of a size, open to the trainee categories ticked. Saving calls
programmes.create_programme (which makes the classes) or programme_changes.update_programme
with the version the dialog was opened on; the core's refusals appear beside their fields, a
change made meanwhile at another desk in the banner. Once people are enrolled, the fields that
would make the classes again are disabled and say why; the class size stays open (down to the
fullest class)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QSpinBox, QWidget)

from trainer.texts import TRAINEE_CATEGORIES, label
from trainer.services import programme_changes, programmes
from trainer.services.courses import list_courses
from trainer.services.enterprises import list_venues
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


class ProgrammeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: programmes.ProgrammeRecord | None = None) -> None:
        super().__init__(parent, "")
        self.setObjectName("programmeDialog")
        self.setWindowTitle(self.tr("Programme %1").replace("%1", record.name) if record
                            else self.tr("New programme"))
        self.uow, self.record = uow, record
        self.name = self.add_field("name", self.tr("Name:"), QLineEdit(self))
        courses = list_courses(uow)
        self.course, self.mark = self._level_row(("course", "levels", "level", "pass_mark"),
                                                 self.tr("Course:"), "course")
        self.raising, self.raising_mark = self._level_row(
            ("raising",), self.tr("Level-raising course:"), "raising")
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
        self.fixed_note = QLabel(self)
        self.fixed_note.setObjectName("fixedNote")
        self.fixed_note.setWordWrap(True)
        self.body.insertWidget(0, self.fixed_note)
        self.fixed_note.hide()
        if record is not None:
            self._show(record)
        self.resize(600, 560)

    def _level_row(self, keys: tuple[str, ...], label: str, name: str):
        """A level's course and, beside it, its exam's pass mark (0: the course's own)."""
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        combo = QComboBox(row)
        combo.setObjectName(name)
        mark = QSpinBox(row)
        mark.setObjectName(f"{name}Mark")
        mark.setRange(0, 1000)
        mark.setSpecialValueText(self.tr("course's"))
        line.addWidget(combo, 1)
        line.addWidget(QLabel(self.tr("Pass mark:"), row))
        line.addWidget(mark)
        self.add_field(keys, label, row)
        return combo, mark

    def _show(self, record: programmes.ProgrammeRecord) -> None:
        """The programme as it is; the shape fixed once people are enrolled."""
        self.name.setText(record.name)
        for (combo, mark), level in zip(((self.course, self.mark),
                                         (self.raising, self.raising_mark)), record.levels):
            combo.setCurrentIndex(max(combo.findData(level.course_id), 0))
            mark.setValue(level.pass_mark or 0)
        self.venue.setCurrentIndex(max(self.venue.findData(record.venue_id), 0))
        self.start.setDate(QDate(record.start_month.year, record.start_month.month, 1))
        self.months.setValue(record.months)
        self.per_month.setValue(record.classes_per_month)
        self.class_size.setValue(record.class_size)
        for code, box in self.boxes.items():
            box.setChecked(code in record.eligible_categories)
        if record.enrolled:
            for widget in (self.course, self.raising, self.venue, self.start, self.months,
                           self.per_month):
                widget.setEnabled(False)
            self.fixed_note.setText(self.tr(
                "%1 people are enrolled: the courses, venue, start month, months and classes a "
                "month can no longer change. The class size can, down to the fullest class.")
                .replace("%1", str(record.enrolled)))
            self.fixed_note.show()

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def form_values(self) -> programmes.ProgrammeForm:
        kept = {lv.level: lv for lv in (self.record.levels if self.record else ())}
        levels = []
        for level, combo, mark in ((programmes.BEGINNER, self.course, self.mark),
                                   (programmes.RAISING, self.raising, self.raising_mark)):
            if combo.currentData() is None:
                continue
            old = kept.get(level)
            levels.append(programmes.LevelForm(
                level, combo.currentData(), old.classes_per_month if old else None,
                mark.value() or None, old.grade if old else ""))
        start = self.start.date()
        return programmes.ProgrammeForm(
            self.name.text(), self.venue.currentData(), dt.date(start.year(), start.month(), 1),
            self.months.value(), self.per_month.value(), self.class_size.value(),
            tuple(code for code, box in self.boxes.items() if box.isChecked()), tuple(levels))

    def show_error(self, exc, *, place: str | None = None) -> None:
        """A class holding more than the new size: said beside the class size."""
        if getattr(exc, "reason", "") == "over_size":
            place = "class_size"
        super().show_error(exc, place=place)

    def save(self) -> programmes.ProgrammeRecord:
        if self.record is None:
            return programmes.create_programme(self.uow, self.form_values())
        form = self.form_values()  # levels the dialog does not show (made by the CLI) kept:
        extra = programme_changes.form_of(self.record).levels[2:]
        form = dataclasses.replace(form, levels=form.levels + extra)
        return programme_changes.update_programme(self.uow, self.record.id, form,
                                                  self.record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: programmes.ProgrammeRecord | None = None) -> programmes.ProgrammeRecord | None:
        return cls.run(cls(parent, uow, record))
