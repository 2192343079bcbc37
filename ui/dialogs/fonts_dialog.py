"""The fonts documents are printed in: automatic (the fonts shipped with the program: a Kai face
for certificates, a Hei face for tables), one of the Chinese TrueType fonts on this computer, or
a font file chosen by hand. Saved in the office's settings (trainer.pdf.fonts)."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QLabel, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.pdf.fonts import (available_fonts, document_font_version, document_fonts,
                               set_document_font)
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages

AUTOMATIC, OTHER = "", "<other>"


def _index_of(combo: QComboBox, data: tuple) -> int:
    """findData() compares Python objects by identity: look for an equal tuple instead."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == data), -1)


class FontsDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("fontsDialog")
        self.setWindowTitle(self.tr("Document fonts"))
        self.uow = uow
        # the versions of the choices shown: OK refuses when another desk chose since
        self.versions = {role: document_font_version(uow, role) for role in ("body", "certificate")}
        current = document_fonts(uow)
        fonts = available_fonts()
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role, label, choice in (("body", self.tr("Tables and reports:"), current.body),
                                    ("certificate", self.tr("Certificates:"),
                                     current.certificate)):
            combo = QComboBox(self)
            combo.setObjectName(f"{role}Font")
            combo.addItem(self.tr("Automatic (fonts shipped with the program)"), (AUTOMATIC, 0))
            for font in fonts:
                where = self.tr("shipped") if font.source == "shipped" else self.tr("this computer")
                combo.addItem(f"{font.face_name}({where})", (font.path, font.subfont_index))
            chosen = (choice.path, choice.subfont_index)
            if choice.source == "setting" and _index_of(combo, chosen) < 0:
                combo.addItem(choice.face_name, chosen)
            combo.addItem(self.tr("Another font file…"), (OTHER, 0))
            if choice.source == "setting":
                combo.setCurrentIndex(_index_of(combo, chosen))
            combo.activated.connect(lambda _i, c=combo: self._maybe_choose_file(c))
            self.combos[role] = combo
            form.addRow(label, combo)
        note = QLabel(self.tr("Characters a font lacks (rare characters in names) are taken from "
                              "another font that has them."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _maybe_choose_file(self, combo: QComboBox) -> None:
        if combo.currentData()[0] != OTHER:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a TrueType font"), "",
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if not path:
            combo.setCurrentIndex(0)
            return
        combo.insertItem(combo.count() - 1, path, (path, 0))
        combo.setCurrentIndex(combo.count() - 2)

    def save(self) -> None:
        try:
            with self.uow:  # both roles or neither
                for role, combo in self.combos.items():
                    path, index = combo.currentData()
                    set_document_font(self.uow, "" if path == OTHER else path, index, role=role,
                                      expected_version=self.versions[role])
        except TrainerError as exc:  # a CFF .otf, a file without Chinese…: said, not saved
            messages.show_refusal(self, str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> bool:
        dialog = cls(parent, uow)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted
