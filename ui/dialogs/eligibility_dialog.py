"""Who may join a class (招收范围): the enterprise's own workers, or open recruitment — anyone, or
only the trainee categories ticked. Saves through services.class_eligibility with the version
the clerk saw."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel,
                               QRadioButton, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.texts import TRAINEE_CATEGORIES, label
from trainer.services.class_eligibility import set_class_eligibility
from trainer.services.schedule import ClassRecord, get_class
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


class EligibilityDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, cohort_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("eligibilityDialog")
        self.setWindowIcon(app_icon())
        self.uow = uow
        self.info: ClassRecord = get_class(uow, cohort_id)
        self.setWindowTitle(self.tr("Who may join: %1").replace("%1", self.info.display_name))
        self.own = QRadioButton(self)
        self.own.setObjectName("ownWorkers")
        if self.info.enterprise_id is not None:
            self.own.setText(self.tr("Only the workers of %1")
                             .replace("%1", self.info.enterprise_name))
        else:
            self.own.setText(self.tr("Only one enterprise's workers (this class has none)"))
            self.own.setEnabled(False)
        self.open = QRadioButton(self.tr("Open recruitment"), self)
        self.open.setObjectName("open")
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)
        for n, code in enumerate(TRAINEE_CATEGORIES):
            box = QCheckBox(label(TRAINEE_CATEGORIES, code), self)
            box.setObjectName(f"category_{code}")
            box.setChecked(code in self.info.eligible_categories)
            self.boxes[code] = box
            grid.addWidget(box, n // 2, n % 2)
        self.hint = QLabel(self.tr("No category ticked: anyone may join."), self)
        self.hint.setStyleSheet("color: #555;")
        self.hint.setContentsMargins(24, 0, 0, 0)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.open)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        (self.open if self.info.open_enrolment or self.info.enterprise_id is None
         else self.own).setChecked(True)
        self.open.toggled.connect(lambda _on: self._enable())
        self._enable()
        self.resize(460, 300)

    def _enable(self) -> None:
        for box in self.boxes.values():
            box.setEnabled(self.open.isChecked())
        self.hint.setEnabled(self.open.isChecked())

    def categories(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def save(self) -> None:
        try:
            self.info = set_class_eligibility(
                self.uow, self.info.id, open_enrolment=self.open.isChecked(),
                categories=self.categories() if self.open.isChecked() else (),
                expected_version=self.info.version)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, cohort_id: int) -> ClassRecord | None:
        dialog = cls(parent, uow, cohort_id)
        try:
            return dialog.info if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
