"""The one summary a bulk enrolment shows before anything is written: who gets a place, who does
not and why (services.bulk_enrolment.BulkEnrolment). Confirm enrols exactly that; Back returns
to the choice."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout,
                               QWidget)

from trainer.services.bulk_enrolment import BulkEnrolment
from ui.resources import app_icon


class EnrolSummaryDialog(QDialog):
    def __init__(self, parent: QWidget | None, check: BulkEnrolment) -> None:
        super().__init__(parent)
        self.setObjectName("enrolSummary")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Check the enrolment"))
        self.summary = QLabel(check.summary(), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.heading = QLabel(self.tr("Not enrolled, and why:") if check.not_enrolled
                              else self.tr("Everyone chosen gets a place."), self)
        self.reasons = QListWidget(self)
        self.reasons.setObjectName("reasons")
        self.reasons.addItems(check.reasons())
        self.reasons.setVisible(bool(check.not_enrolled))
        buttons = QDialogButtonBox(self)
        self.confirm_button = buttons.addButton(
            self.tr("Enrol %1").replace("%1", str(len(check.enrolled))),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setEnabled(bool(check.enrolled))
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("back")
        (self.confirm_button if check.enrolled else back).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.heading)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(buttons)
        self.resize(560, 420 if check.not_enrolled else 160)

    @classmethod
    def ask(cls, parent: QWidget | None, check: BulkEnrolment) -> bool:
        dialog = cls(parent, check)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
