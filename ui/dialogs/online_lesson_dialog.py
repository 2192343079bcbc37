"""A lesson given online (线上课) or in a room (线下课): the platform and the link or meeting
number trainees join with, or the venue. Opened from the lesson dialog; saves through
services.online_lessons with the version the page showed (a lesson changed meanwhile is refused
and says by whom), the conflict rules' sentences in the banner."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from trainer.errors import ConflictError
from trainer.services import enterprises
from trainer.services.online_lessons import (COMMON_PLATFORMS, LINK_MAX, PLATFORM_MAX,
                                             set_lesson_offline, set_lesson_online)
from trainer.services.schedule import LessonRecord
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


class OnlineLessonDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, record: LessonRecord) -> None:
        super().__init__(parent, self.tr("Online or in a room"))
        self.setObjectName("onlineLessonDialog")
        self._uow, self._record = uow, record
        choice = QWidget(self)
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        self.offline = QRadioButton(self.tr("In a room (offline)"), choice)
        self.offline.setObjectName("offline")
        self.online = QRadioButton(self.tr("Online"), choice)
        self.online.setObjectName("online")
        self._group = QButtonGroup(self)
        for button in (self.offline, self.online):
            self._group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.add_field("kind", self.tr("Lesson given"), choice)
        self.platform = self.add_field("online_platform", self.tr("&Platform"), QComboBox())
        self.platform.setObjectName("platform")
        self.platform.setEditable(True)
        self.platform.addItems(COMMON_PLATFORMS)
        self.platform.lineEdit().setMaxLength(PLATFORM_MAX)
        self.link = self.add_field("online_link", self.tr("&Link or meeting number"), QLineEdit())
        self.link.setObjectName("link")
        self.link.setMaxLength(LINK_MAX)
        self.link.setPlaceholderText(self.tr("https://… or the meeting number"))
        self.venue = self.add_field("venue", self.tr("&Venue"), QComboBox())
        self.venue.setObjectName("venue")
        self.venue.addItem("—", None)
        for v in enterprises.list_venues(uow):
            self.venue.addItem(f"{v.enterprise_name} {v.name}".strip() + f"({v.capacity})", v.id)
        self.online.toggled.connect(self._show_kind)
        meeting = record.online
        (self.online if meeting else self.offline).setChecked(True)
        self.platform.setCurrentText(meeting.platform if meeting else COMMON_PLATFORMS[0])
        self.link.setText(meeting.link if meeting else "")
        self.venue.setCurrentIndex(max(0, self.venue.findData(record.venue_id)))
        self._show_kind(self.online.isChecked())
        self.resize(520, 300)

    def _show_kind(self, online: bool) -> None:
        self.platform.setEnabled(online)
        self.link.setEnabled(online)
        self.venue.setEnabled(not online)

    def save(self) -> LessonRecord:
        r = self._record
        if self.online.isChecked():
            return set_lesson_online(self._uow, r.id, self.platform.currentText(),
                                     self.link.text(), r.version)
        return set_lesson_offline(self._uow, r.id, self.venue.currentData(), r.version)

    def show_error(self, exc, *, place=None) -> None:
        if isinstance(exc, ConflictError):  # a sentence per broken rule, above the buttons
            self.clear_errors()
            self.banner.show_message("\n".join("⚠ " + s for s in exc.sentences()))
            return
        super().show_error(exc, place=place)

    @classmethod
    def ask(cls, parent, uow: UnitOfWork, record: LessonRecord) -> LessonRecord | None:
        return cls.run(cls(parent, uow, record))
