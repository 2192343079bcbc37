"""A lesson (课次) opened from the calendar: class, date, half-day, lecturer, venue, locked.

The dialog does not save by itself: it hands the form to `apply`, which the schedule page makes
an undoable change; a refusal (conflict rules, stale edit) stays in the dialog beside its field."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QWidget

from trainer.errors import ConflictError, TrainerError
from trainer.texts import label
from trainer.rules.calendar import PERIOD_LABELS
from trainer.rules.statuses import CohortStatus
from trainer.services import enterprises, lecturers, schedule
from trainer.services.schedule import LessonForm, LessonRecord
from trainer.services.schedule_calendar import load_settings
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE, FormDialog


class LessonDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, record: LessonRecord | None,
                 apply: Callable[[LessonForm], LessonRecord], *, date: dt.date | None = None,
                 period: str = "", delete: Callable[[], None] | None = None) -> None:
        super().__init__(parent, self.tr("New lesson") if record is None else self.tr("Lesson"))
        self.setObjectName("lessonDialog")
        self._uow, self._record, self._apply = uow, record, apply
        self.deleted = False
        self.cohort = self.add_field(("class", "cohort"), self.tr("&Class"), QComboBox())
        for cls in schedule.list_classes(uow):
            if cls.status != CohortStatus.cancelled:
                self.cohort.addItem(f"{cls.code} {cls.name} ({cls.scheduled}/{cls.lesson_count})",
                                    cls.id)
        self.date = self.add_field("date", self.tr("&Date"), QDateEdit())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.period = self.add_field(("period", "start"), self.tr("&Half-day"), QComboBox())
        for p in load_settings(uow).periods:
            self.period.addItem(f"{label(PERIOD_LABELS, p.code)} {p.start:%H:%M}", p.code)
        self.lecturer = self.add_field("lecturer", self.tr("&Lecturer"), QComboBox())
        self.lecturer.addItem("—", None)
        for person in lecturers.list_lecturers(uow):
            self.lecturer.addItem(f"{person.name}({'、'.join(person.theme_names)})", person.id)
        self.venue = self.add_field("venue", self.tr("&Venue"), QComboBox())
        self.venue.addItem("—", None)
        for v in enterprises.list_venues(uow):
            self.venue.addItem(f"{v.enterprise_name} {v.name}".strip() + f"({v.capacity})", v.id)
        self.locked = self.add_field("locked", "", QCheckBox(self.tr("Locked: the planner "
                                                                     "leaves it where it is")))
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet(ERROR_STYLE)
        self.extra.addWidget(self.conflicts)
        if record is not None:  # online (platform, link) or in a room: a dialog of its own
            online = self.buttons.addButton(self.tr("Online or in a room…"),
                                            self.buttons.ButtonRole.ActionRole)
            online.setObjectName("onlineLesson")
            online.clicked.connect(self._online)
        if record is not None and delete is not None:
            remove = self.buttons.addButton(self.tr("Delete lesson"),
                                            self.buttons.ButtonRole.DestructiveRole)
            remove.setObjectName("deleteLesson")
            remove.clicked.connect(lambda: self._delete(delete))
        self._fill(record, date, period)
        self.resize(520, 420)

    def _fill(self, r: LessonRecord | None, date: dt.date | None, period: str) -> None:
        when = r.date if r else (date or dt.date.today())
        self.date.setDate(QDate(when.year, when.month, when.day))
        self.period.setCurrentIndex(max(0, self.period.findData(r.period if r else period)))
        if r is None:
            return
        self.cohort.setCurrentIndex(max(0, self.cohort.findData(r.class_id)))
        self.cohort.setEnabled(False)  # a lesson belongs to its class
        self.lecturer.setCurrentIndex(max(0, self.lecturer.findData(r.lecturer_id)))
        self.venue.setCurrentIndex(max(0, self.venue.findData(r.venue_id)))
        self.locked.setChecked(r.locked)
        if r.online is not None:  # an online lesson takes no room
            self.venue.setEnabled(False)
            self.venue.setToolTip(self.tr("Online: %1").replace("%1", r.online.text()))
        texts = r.conflict_texts()
        self.conflicts.setText("\n".join("⚠ " + t for t in texts))
        self.conflicts.setVisible(bool(texts))

    def to_form(self) -> LessonForm:
        r = self._record
        return LessonForm(self.cohort.currentData(), self.date.date().toPython(),
                          self.period.currentData() or "", None, self.lecturer.currentData(),
                          self.venue.currentData(), r.sequence if r else None,
                          self.locked.isChecked())

    def save(self) -> LessonRecord:
        return self._apply(self.to_form())

    def show_error(self, exc, *, place=None) -> None:
        if isinstance(exc, ConflictError):  # a sentence per broken rule, above the buttons
            self.clear_errors()
            self.banner.show_message("\n".join("⚠ " + s for s in exc.sentences()))
            return
        super().show_error(exc, place=place)

    def _online(self) -> None:
        from ui.dialogs.online_lesson_dialog import OnlineLessonDialog
        if OnlineLessonDialog.ask(self, self._uow, self._record) is not None:
            self.reject()  # the lesson changed (its version too): the page shows it again

    def _delete(self, delete: Callable[[], None]) -> None:
        try:
            delete()
        except TrainerError as exc:
            self.show_error(exc)
            return
        self.deleted = True
        self.reject()

    @classmethod
    def ask(cls, parent, uow, record, apply, **kwargs) -> LessonRecord | None:
        return cls.run(cls(parent, uow, record, apply, **kwargs))

