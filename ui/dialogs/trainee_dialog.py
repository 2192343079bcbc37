"""Creating and editing a trainee (学员)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from trainer.texts import GENDERS, TRAINEE_CATEGORIES, label
from trainer.rules.id_number import mask_id_number
from trainer.rules.phone import mask_mobile
from trainer.security.audit import can_reveal
from trainer.services import enterprises, trainees
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


class TraineeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: trainees.TraineeRecord | None = None) -> None:
        super().__init__(parent, self.tr("New trainee") if record is None
                         else self.tr("Edit trainee"))
        self.setObjectName("traineeDialog")
        self._uow = uow
        self._record = record
        # a role that may not reveal sees the numbers masked here too, and cannot change them
        self._masked = record is not None and not can_reveal(uow)
        self.name = self.add_field(("person_name", "name"), self.tr("Full &name"), QLineEdit())
        self.gender = self.add_field("gender", self.tr("&Gender"), QComboBox())
        self.gender.addItem(self.tr("(from the ID number)"), "")
        for code in GENDERS:
            self.gender.addItem(label(GENDERS, code), code)
        self.id_number = self.add_field("id_number", self.tr("&ID number"), QLineEdit())
        self.mobile = self.add_field("mobile", self.tr("&Mobile"), QLineEdit())
        self.enterprise = self.add_field("enterprise", self.tr("&Enterprise"), QComboBox())
        self.enterprise.addItem(self.tr("(none)"), None)
        for ent in enterprises.list_enterprises(uow):
            self.enterprise.addItem(ent.name, ent.id)
        self.post = self.add_field("post", self.tr("&Post"), QLineEdit())
        self.category = self.add_field("category", self.tr("&Category"), QComboBox())
        for code in TRAINEE_CATEGORIES:
            self.category.addItem(label(TRAINEE_CATEGORIES, code), code)
        self.notes = self.add_field("notes", self.tr("No&tes"), QPlainTextEdit())
        self.notes.setFixedHeight(60)
        self.resize(480, 420)
        if record is not None:
            r = record
            self.name.setText(r.name)
            self.gender.setCurrentIndex(max(0, self.gender.findData(r.gender)))
            self.id_number.setText(mask_id_number(r.id_number) if self._masked else r.id_number)
            self.mobile.setText(mask_mobile(r.mobile) if self._masked else r.mobile)
            self.id_number.setReadOnly(self._masked)
            self.mobile.setReadOnly(self._masked)
            self.enterprise.setCurrentIndex(max(0, self.enterprise.findData(r.enterprise_id)))
            self.post.setText(r.post)
            if self.category.findData(r.category) < 0:  # kept as an enterprise wrote it
                self.category.addItem(r.category, r.category)
            self.category.setCurrentIndex(max(0, self.category.findData(r.category)))
            self.notes.setPlainText(r.notes)

    def save(self) -> trainees.TraineeRecord:
        form = trainees.TraineeForm(
            name=self.name.text(),
            id_number=self._record.id_number if self._masked else self.id_number.text(),
            gender=self.gender.currentData(),
            mobile=self._record.mobile if self._masked else self.mobile.text(),
            enterprise_id=self.enterprise.currentData(), post=self.post.text(),
            category=self.category.currentData(), notes=self.notes.toPlainText())
        if self._record is None:
            return trainees.create_trainee(self._uow, form)
        return trainees.update_trainee(self._uow, self._record.id, form, self._record.version)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: trainees.TraineeRecord | None = None) -> trainees.TraineeRecord | None:
        return cls.run(cls(parent, uow, record))
