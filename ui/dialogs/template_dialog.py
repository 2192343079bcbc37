"""The certificate template editor: title, body with placeholders ({name} {course} {hours}…;
[optional parts] in brackets), orientation, border, colour, seal — with a live preview drawn
from the real PDF code on a sample certificate."""
from __future__ import annotations


import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.pdf.certificate_template import (BORDERS, BUILT_IN, ORIENTATIONS, PLACEHOLDERS,
                                              CertificateTemplate, load_template, save_template,
                                              seal_version, set_seal, templates_version)
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.dialogs.pdf_preview import render_page
from ui.resources import app_icon

PREVIEW_DELAY_MS = 400  # redraw once typing pauses


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, kind: str) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Certificate template"))
        self.uow, self.kind = uow, kind
        # what this screen shows: a save refuses when another desk saved since
        self.templates_version, self.seal_version = templates_version(uow), seal_version(uow)
        seal = self._build_fields()
        form = self._build_form(seal)
        buttons = self._build_buttons()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.problem)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self._redraw_on_change()
        self.resize(1100, 620)
        self.redraw()

    def _build_fields(self) -> QPushButton:
        """The template's fields, the problem line and the preview; returns the seal button."""
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.issuer = QLineEdit(self)
        self.signature = QLineEdit(self)
        self.note = QLineEdit(self)
        self.orientation = QComboBox(self)
        self.orientation.setObjectName("orientation")
        for code, text in zip(ORIENTATIONS, (self.tr("landscape"), self.tr("portrait"))):
            self.orientation.addItem(text, code)
        self.border = QComboBox(self)
        for code, text in zip(BORDERS, (self.tr("double"), self.tr("single"), self.tr("none"))):
            self.border.addItem(text, code)
        self.color = QLineEdit(self)
        self.show_qr = QCheckBox(self.tr("QR code with number and verification code"), self)
        seal = QPushButton(self.tr("Seal image (PNG)…"), self)
        seal.clicked.connect(self.choose_seal)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setMinimumSize(480, 360)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #78909c;")
        return seal

    def _build_form(self, seal: QPushButton) -> QFormLayout:
        hint = QLabel(self.tr("Placeholders: %1. Text in [brackets] is left out when its "
                              "placeholder is empty.").replace(
            "%1", " ".join("{%s}" % p for p in PLACEHOLDERS)), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Text:"), self.body)
        form.addRow("", hint)
        form.addRow(self.tr("Issued by:"), self.issuer)
        form.addRow(self.tr("Signature line:"), self.signature)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Paper:"), self.orientation)
        form.addRow(self.tr("Border:"), self.border)
        form.addRow(self.tr("Colour:"), self.color)
        form.addRow("", self.show_qr)
        form.addRow("", seal)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        reset = buttons.addButton(self.tr("Built-in text"), QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self.reset)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _redraw_on_change(self) -> None:
        """Fills the fields, then redraws the preview once typing pauses."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.redraw)
        self.fill(load_template(self.uow, self.kind))
        for edit in (self.title, self.issuer, self.signature, self.note, self.color):
            edit.textChanged.connect(self.timer.start)
        self.body.textChanged.connect(self.timer.start)
        for combo in (self.orientation, self.border):
            combo.currentIndexChanged.connect(self.timer.start)
        self.show_qr.toggled.connect(self.timer.start)

    def fill(self, t: CertificateTemplate) -> None:
        self.title.setText(t.title)
        self.body.setPlainText(t.body)
        self.issuer.setText(t.issuer)
        self.signature.setText(t.signature)
        self.note.setText(t.note)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(t.orientation)))
        self.border.setCurrentIndex(max(0, self.border.findData(t.border)))
        self.color.setText(t.color)
        self.show_qr.setChecked(t.show_qr)

    def template(self) -> CertificateTemplate:
        return CertificateTemplate(
            self.kind, self.title.text(), self.body.toPlainText(), self.orientation.currentData(),
            self.issuer.text(), self.signature.text(), self.note.text(), self.border.currentData(),
            self.color.text().strip(), self.show_qr.isChecked())

    def redraw(self) -> None:
        from trainer.pdf.certificates import build_certificate_preview

        buffer = io.BytesIO()
        try:
            build_certificate_preview(self.uow, self.template(), buffer)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        image = render_page(buffer.getvalue(), 0, 1.0)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.last_preview_pdf = buffer.getvalue()

    def choose_seal(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Seal image"), "", "PNG (*.png)")
        if not path:
            return
        try:
            set_seal(self.uow, path, self.seal_version)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.seal_version = seal_version(self.uow)
        self.redraw()

    def reset(self) -> None:
        """The built-in wording, in the form only: Save keeps it, Cancel keeps the office's."""
        self.fill(BUILT_IN[self.kind])

    def save(self) -> None:
        try:
            save_template(self.uow, self.template(), self.templates_version)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, kind: str) -> None:
        dialog = cls(parent, uow, kind)
        dialog.exec()
        dialog.deleteLater()


