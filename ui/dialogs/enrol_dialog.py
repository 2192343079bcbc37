"""Enrol trainees into a class from an enterprise's roster: filter, tick, enrol. Those who cannot
join (another enterprise's worker, a category an open class does not take, no places) are shown
with the reason and cannot be ticked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.messages import TRAINEE_CATEGORIES, label
from trainer.services import enterprises
from trainer.services.enrolment import (EnrolmentResult, enrol_trainees, enrolment_candidates,
                                        get_class)
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, cohort_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowIcon(app_icon())
        self.uow, self.cohort_id = uow, cohort_id
        self.result_: EnrolmentResult | None = None
        info = get_class(uow, cohort_id)
        self.setWindowTitle(self.tr("Enrol trainees: %1").replace("%1", info.display_name))
        self.places = QLabel(self.tr("%1 of %2 places taken").replace("%1", str(info.enrolled))
                             .replace("%2", str(info.capacity)), self)
        self.enterprise = QComboBox(self)
        self.enterprise.setObjectName("enterprise")
        for firm in enterprises.list_enterprises(uow):
            self.enterprise.addItem(firm.name, firm.id)
        self.enterprise.setCurrentIndex(max(0, self.enterprise.findData(info.enterprise_id)))
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("name, pinyin initials, ID or mobile digits"))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("candidates")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 3605…123X keeps the last four
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("Trainee"), self.tr("ID"),
                                              self.tr("Category"), self.tr("Note")])
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.enrol_button = buttons.addButton(self.tr("Enrol ticked"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setObjectName("enrol")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.enrol)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.enterprise, 1)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.places)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.enterprise.currentIndexChanged.connect(lambda _i: self.fill())
        self.search.textChanged.connect(lambda _t: self.fill())
        self.resize(640, 520)
        self.fill()

    def fill(self) -> None:
        found = enrolment_candidates(self.uow, self.cohort_id,
                                     enterprise_id=self.enterprise.currentData(),
                                     search=self.search.text())
        self.table.setRowCount(len(found))
        for row, c in enumerate(found):
            name = QTableWidgetItem(c.name)
            name.setData(Qt.ItemDataRole.UserRole, c.trainee_id)
            can = not c.enrolled and c.refusal is None
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            name.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if can else flags)
            name.setCheckState(Qt.CheckState.Checked if c.enrolled else Qt.CheckState.Unchecked)
            note = (self.tr("in this class") if c.enrolled
                    else c.refusal.reason_text() if c.refusal else "")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(f"···{c.id_tail}" if c.id_tail else ""))
            self.table.setItem(row, 2, QTableWidgetItem(label(TRAINEE_CATEGORIES, c.category)))
            self.table.setItem(row, 3, QTableWidgetItem(note))
        self.table.resizeColumnsToContents()

    def tick(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.text() == name and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)

    def ticked(self) -> list[int]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.table.rowCount())
                if self.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable
                and self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def enrol(self) -> None:
        try:
            self.result_ = enrol_trainees(self.uow, self.cohort_id, self.ticked())
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        if self.result_.refused:
            self.problem.setText("\n".join(r.message() for r in self.result_.refused))
            self.fill()
            return
        self.accept()
