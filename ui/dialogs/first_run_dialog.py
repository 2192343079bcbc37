"""The very first start on an empty database: load the demo data, or start empty with the
union's own name."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QWidget

from trainer.services import organizations
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog


@dataclass(frozen=True)
class FirstRunChoice:
    demo: bool
    organization_name: str = ""


class FirstRunDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent, self.tr("Welcome to Factory Classroom"))
        self.setObjectName("firstRunDialog")
        self._uow = uow
        intro = QLabel(self.tr(
            "<h3>Welcome</h3><p>This database is empty. You can look around with the demo data "
            "of a city federation of trade unions (enterprises, lecturers, courses and trainees), "
            "or start with your own union's data.</p>"))
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.demo = QRadioButton(self.tr("&Load the demo data"))
        self.empty = QRadioButton(self.tr("&Start empty"))
        self.demo.setObjectName("demo")
        self.empty.setObjectName("empty")
        group = QButtonGroup(self)
        group.addButton(self.demo)
        group.addButton(self.empty)
        self.form.addRow(self.demo)
        self.form.addRow(self.empty)
        self.organization = self.add_field("name", self.tr("Your union's &name"), QLineEdit())
        self.organization.setPlaceholderText(self.tr("e.g. 新余市总工会"))
        self.empty.toggled.connect(self.organization.setEnabled)
        self.empty.setChecked(True)
        self.save_button.setText(self.tr("Start"))
        self.resize(520, 320)

    def save(self) -> FirstRunChoice:
        if self.demo.isChecked():
            return FirstRunChoice(demo=True)
        record = organizations.create_organization(self._uow, self.organization.text())
        return FirstRunChoice(demo=False, organization_name=record.name)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> FirstRunChoice | None:
        return cls.run(cls(parent, uow))
