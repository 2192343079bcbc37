"""Creating and editing themes (课程主题) and courses (课程)."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QHBoxLayout, QLineEdit,
                               QPlainTextEdit, QPushButton, QWidget)

from trainer.services import courses
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


class ThemeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: courses.ThemeRecord | None = None) -> None:
        super().__init__(parent, self.tr("New theme") if record is None else self.tr("Edit theme"))
        self.setObjectName("themeDialog")
        self._uow = uow
        self._record = record
        self.name = self.add_field("name", self.tr("&Name"), QLineEdit())
        colour_row = QWidget()
        row = QHBoxLayout(colour_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.color = QLineEdit()
        self.color.setPlaceholderText("#4a90d9")
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._pick_colour)
        row.addWidget(self.color)
        row.addWidget(pick)
        self.add_field("color", self.tr("&Colour"), colour_row)
        self._errors["color"] = (self.color, self._errors["color"][1])
        self.sort_order = self.add_field("sort_order", self.tr("&Order"), QLineEdit())
        self.description = self.add_field("description", self.tr("&Description"), QPlainTextEdit())
        self.resize(460, 340)
        if record is not None:
            self.name.setText(record.name)
            self.color.setText(record.color)
            self.sort_order.setText(str(record.sort_order))
            self.description.setPlainText(record.description)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.color.text() or "#4a90d9"), self)
        if colour.isValid():
            self.color.setText(colour.name())

    def save(self) -> courses.ThemeRecord:
        form = courses.ThemeForm(self.name.text(), self.color.text(), self.sort_order.text(),
                                 self.description.toPlainText())
        if self._record is None:
            return courses.create_theme(self._uow, form)
        return courses.update_theme(self._uow, self._record.id, form, self._record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: courses.ThemeRecord | None = None) -> courses.ThemeRecord | None:
        return cls.run(cls(parent, uow, record))


class CourseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: courses.CourseRecord | None = None, theme_id: int | None = None) -> None:
        super().__init__(parent, self.tr("New course") if record is None
                         else self.tr("Edit course"))
        self.setObjectName("courseDialog")
        self._uow = uow
        self._record = record
        self.theme = self.add_field("theme", self.tr("T&heme"), QComboBox())
        for theme in courses.list_themes(uow):
            self.theme.addItem(theme.name, theme.id)
        self.title = self.add_field("title", self.tr("&Title"), QLineEdit())
        self.lesson_count = self.add_field("lesson_count", self.tr("&Lessons"), QLineEdit("1"))
        self.lesson_minutes = self.add_field("lesson_minutes", self.tr("&Minutes per lesson"),
                                             QLineEdit("120"))
        self.total_hours = self.add_field("total_hours", self.tr("Total &hours"), QLineEdit())
        self.total_hours.setPlaceholderText(self.tr("from lessons × minutes when left blank"))
        self.theory = self.add_field("theory_percent", self.tr("Theory &share (%)"),
                                     QLineEdit("30"))
        self.capacity = self.add_field("capacity", self.tr("Class &size"), QLineEdit("60"))
        self.pass_mark = self.add_field("pass_mark", self.tr("&Pass mark"), QLineEdit())
        self.pass_mark.setPlaceholderText(self.tr("blank: no assessment"))
        self.attendance = self.add_field("min_attendance_percent",
                                         self.tr("Required &attendance (%)"), QLineEdit("80"))
        self.excused = QCheckBox(self.tr("Excused leave counts as present"))
        self.form.addRow("", self.excused)
        self.online_hours = self.add_field("min_online_hours",
                                           self.tr("Required &online study (hours)"), QLineEdit())
        self.online_hours.setObjectName("minOnlineHours")
        self.online_hours.setPlaceholderText(self.tr("blank: no online study required"))
        self.description = self.add_field("description", self.tr("&Description"),
                                          QPlainTextEdit())
        self.description.setFixedHeight(70)
        self.resize(500, 600)
        if theme_id is not None:
            self.theme.setCurrentIndex(max(0, self.theme.findData(theme_id)))
        if record is not None:
            r = record
            self.theme.setCurrentIndex(max(0, self.theme.findData(r.theme_id)))
            self.title.setText(r.title)
            self.lesson_count.setText(str(r.lesson_count))
            self.lesson_minutes.setText(str(r.lesson_minutes))
            self.total_hours.setText(str(r.total_hours))
            self.theory.setText(str(r.theory_percent))
            self.capacity.setText(str(r.capacity))
            self.pass_mark.setText("" if r.pass_mark is None else str(r.pass_mark))
            self.attendance.setText(str(r.min_attendance_percent))
            self.excused.setChecked(r.excused_counts_present)
            self.online_hours.setText("" if r.min_online_hours is None else str(r.min_online_hours))
            self.description.setPlainText(r.description)

    def save(self) -> courses.CourseRecord:
        form = courses.CourseForm(
            theme_id=self.theme.currentData(), title=self.title.text(),
            total_hours=self.total_hours.text(), lesson_count=self.lesson_count.text(),
            lesson_minutes=self.lesson_minutes.text(), theory_percent=self.theory.text(),
            pass_mark=self.pass_mark.text(), min_attendance_percent=self.attendance.text(),
            excused_counts_present=self.excused.isChecked(), capacity=self.capacity.text(),
            description=self.description.toPlainText(),
            min_online_hours=self.online_hours.text())
        if self._record is None:
            return courses.create_course(self._uow, form)
        return courses.update_course(self._uow, self._record.id, form, self._record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, record: courses.CourseRecord | None = None,
            theme_id: int | None = None) -> courses.CourseRecord | None:
        return cls.run(cls(parent, uow, record, theme_id))
