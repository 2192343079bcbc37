"""Is this certificate genuine? The number and the verification code printed on it (or the text
of its QR code, pasted or scanned) → genuine / revoked / not genuine, with what it certifies."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from trainer.services.certificate_proof import parse_verification_text
from trainer.services.certificate_verification import Verification, verify_certificate
from trainer.services.uow import UnitOfWork
from ui.resources import app_icon

LOOKS = {"genuine": "#c8e6c9", "legacy": "#e3f2fd", "revoked": "#fff3c4",
         "not_genuine": "#ffcdd2"}


class VerifyDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Check a certificate"))
        self.uow = uow
        self.verification: Verification | None = None
        self.number = QLineEdit(self)
        self.number.setObjectName("number")
        self.number.setPlaceholderText(self.tr("number, or scan the QR code here"))
        self.number.setMaxLength(1000)  # a scanned sentence is long
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.result = QLabel(self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(60)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        check = buttons.addButton(self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole)
        check.setObjectName("check")
        check.setDefault(True)
        check.clicked.connect(self.check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Certificate number:"), self.number)
        form.addRow(self.tr("Verification code:"), self.code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def check(self) -> None:
        number, code = self.number.text(), self.code.text()
        scanned = parse_verification_text(number) if not code.strip() else None
        if scanned is not None:  # the QR's text (sentence or address) landed in the number field
            number, code = scanned
            self.number.setText(number)
            self.code.setText(code)
        self.verification = verify_certificate(self.uow, number, code)
        self.result.setText(self.verification.message())
        self.result.setStyleSheet(f"background: {LOOKS[self.verification.status]}; padding: 6px;"
                                  " font-size: 12pt;")

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> None:
        dialog = cls(parent, uow)
        dialog.exec()
        dialog.deleteLater()
