"""The office's certificate signing key (Tools → Certificate signing key…): its fingerprint to
publish, whether this computer holds the key file, and the administrator's acts — make the key,
export a backup of the key file, import it on another desk, save the public key. Also
`unlock_signer`, which asks the issuing officer for the passphrase before certificates are
issued or reissued."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from trainer.errors import CertificateError, TrainerError
from trainer.security.roles import SETTINGS, SYSTEM, holds
from trainer.services import certificate_keys as keys
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.resources import app_icon


class PassphraseDialog(QDialog):
    """A passphrase typed once, or twice for a new key."""

    def __init__(self, parent: QWidget | None, title: str, text: str, confirm: bool) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("Passphrase again:"), self.repeat)
        else:
            self.repeat.hide()
        self.confirm = confirm
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 180)

    def _accept(self) -> None:
        if self.confirm and self.passphrase.text() != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm: bool = False) -> str | None:
        dialog = cls(parent, title, text, confirm)
        try:
            return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _import_key_file(parent: QWidget | None, uow: UnitOfWork, passphrase: str | None = None) -> bool:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("SigningKeyDialog", "Import the signing key file"), "",
        "*.pem")
    if not path:
        return False
    if passphrase is None:
        passphrase = PassphraseDialog.ask(
            parent, QCoreApplication.translate("SigningKeyDialog", "Signing key"),
            QCoreApplication.translate("SigningKeyDialog", "The key file's passphrase:"))
        if passphrase is None:
            return False
    try:
        keys.import_private_key(uow, path, passphrase)
    except TrainerError as exc:
        messages.show_refusal(parent, str(exc))
        return False
    return True


def unlock_signer(parent: QWidget, uow: UnitOfWork) -> keys.Signer | None:
    """The office's private key, opened with the passphrase the officer types (None: cancelled
    or refused, the reason shown). A desk without the key file is offered to import one."""
    while True:
        passphrase = PassphraseDialog.ask(
            parent, QCoreApplication.translate("SigningKeyDialog", "Sign certificates"),
            QCoreApplication.translate("SigningKeyDialog",
                                       "Certificates are signed with the office's key. "
                                       "Its passphrase:"))
        if passphrase is None:
            return None
        try:
            return keys.load_signer(uow, passphrase)
        except CertificateError as exc:
            if exc.reason == "key_file_missing":
                answer = QMessageBox.question(
                    parent, QCoreApplication.translate("SigningKeyDialog", "Signing key"),
                    str(exc) + "\n" + QCoreApplication.translate(
                        "SigningKeyDialog", "Import the key file now?"))
                if answer == QMessageBox.StandardButton.Yes and \
                        _import_key_file(parent, uow, passphrase):
                    continue
                return None
            messages.show_refusal(parent, str(exc))
            if exc.reason != "key_passphrase":
                return None
        except TrainerError as exc:
            messages.show_refusal(parent, str(exc))
            return None


class SigningKeyDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("signingKeyDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Certificate signing key"))
        self.uow = uow
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 12pt;")
        self.made = QLabel(self)
        self.file = QLabel(self)
        self.file.setObjectName("keyFile")
        self.file.setWordWrap(True)
        note = QLabel(self.tr("Certificates are signed with this key. The private key stays in a "
                              "passphrase-protected file on the issuing computer, never in the "
                              "database; publish the fingerprint (or the public key) so anyone "
                              "can check a certificate. Keep an exported copy of the key file in "
                              "a safe place."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Made:"), self.made)
        form.addRow(self.tr("Key file on this computer:"), self.file)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("create")
        self.create_button.clicked.connect(self.create)
        self.export_button = QPushButton(self.tr("Export a backup…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Import a key file…"), self)
        self.import_button.clicked.connect(lambda: _import_key_file(self, self.uow) and self.refresh())
        self.public_button = QPushButton(self.tr("Save the public key…"), self)
        self.public_button.setObjectName("public")
        self.public_button.clicked.connect(self.save_public)
        row = QHBoxLayout()
        for button in (self.create_button, self.export_button, self.import_button,
                       self.public_button):
            row.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 280)
        self.refresh()

    def refresh(self) -> None:
        user = getattr(self.uow, "user", None)
        admin = holds(user.role if user is not None else SYSTEM, SETTINGS)
        self.key = keys.current_key(self.uow)
        have = self.key is not None
        self.fingerprint.setText(self.key.fingerprint_display if have else self.tr("none yet"))
        self.made.setText(f"{self.key.created_at:%Y-%m-%d} {self.key.created_by}" if have else "—")
        file = keys.key_file(self.key.fingerprint) if have else None
        self.file.setText(str(file) if file is not None and file.exists() else self.tr("none"))
        self.create_button.setText(self.tr("Replace the key…") if have else self.tr("Make the key…"))
        self.create_button.setEnabled(admin)
        for button in (self.export_button, self.import_button, self.public_button):
            button.setEnabled(have)
        self.export_button.setEnabled(have and admin)

    def create(self) -> None:
        replace = self.key is not None
        if replace and QMessageBox.question(
                self, self.tr("Replace the key"),
                self.tr("Certificates signed so far keep verifying with the old key. New ones "
                        "will be signed with the new key. Replace it?")) != \
                QMessageBox.StandardButton.Yes:
            return
        passphrase = PassphraseDialog.ask(
            self, self.tr("Make the signing key"),
            self.tr("Choose a passphrase of at least 8 characters. Whoever issues certificates "
                    "needs it; nobody can recover it."), confirm=True)
        if passphrase is None:
            return
        try:
            _info, path = keys.create_key(self.uow, passphrase, replace=replace)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Signing key"), self.tr(
            "The key file is %1. Export a backup now and keep it safe.").replace("%1", str(path)))

    def export(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Export a backup of the key file"),
                                             "certificate-key.pem", "*.pem")
        if not out:
            return
        passphrase = PassphraseDialog.ask(self, self.tr("Signing key"),
                                          self.tr("The key's passphrase:"))
        if passphrase is None:
            return
        try:
            keys.export_private_key(self.uow, out, passphrase)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))

    def save_public(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Save the public key"),
                                             "certificate-public-key.pem", "*.pem")
        if out:
            with open(out, "w", encoding="ascii") as stream:
                stream.write(keys.public_key_pem(self.key))

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> None:
        dialog = cls(parent, uow)
        dialog.exec()
        dialog.deleteLater()
