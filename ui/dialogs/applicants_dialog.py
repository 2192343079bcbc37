"""The applicants' list (报名表) before it is enrolled: how many each level and class gets, and
every row with what happens to it — placed in a class, or refused with its row and reason (the
core's words, in the window's language). Confirm enrols them in one transaction, off the GUI
thread; nothing is written before."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services.applications import (ApplicationPreview, ApplicationResult,
                                           enrol_applications)
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.resources import app_icon
from ui.workers import Cancelled, run_with_progress, thread_uow

REFUSED_COLOUR = QColor("#c62828")


class ApplicantsDialog(QDialog):
    """After exec(), `result_` holds the ApplicationResult when the list was enrolled."""

    def __init__(self, parent: QWidget | None, uow: UnitOfWork, preview: ApplicationPreview,
                 class_codes: dict[int, str]) -> None:
        super().__init__(parent)
        self.setObjectName("applicantsDialog")
        self.setWindowIcon(app_icon())
        self.uow, self.preview = uow, preview
        self.result_: ApplicationResult | None = None
        self.setWindowTitle(self.tr("Applicants for %1").replace("%1", preview.programme_name))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setText(self._summary(class_codes))
        self.only_refused = QCheckBox(self.tr("Show only the refused rows"), self)
        self.only_refused.setObjectName("onlyRefused")
        self.only_refused.toggled.connect(self._filter)
        self.table = QTableWidget(len(preview.rows), 4, self)
        self.table.setObjectName("rows")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Class"),
                                              self.tr("Result")])
        for n, row in enumerate(preview.rows):
            texts = (str(row.row), row.name, row.class_code or "—", row.reason_text())
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(row.message())  # located: "第 6 行：刘芳娜，…"
                if not row.placed:
                    item.setForeground(REFUSED_COLOUR)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setText(self.tr("Enrol %1").replace("%1", str(len(preview.enrolled))))
        self.confirm_button.setEnabled(bool(preview.enrolled))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_refused)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(780, 540)

    def _summary(self, class_codes: dict[int, str]) -> str:
        p = self.preview
        lines = [self.tr("%1 rows: %2 to enrol (%3 new to the database), %4 refused.")
                 .replace("%1", str(len(p.rows))).replace("%2", str(len(p.enrolled)))
                 .replace("%3", str(p.new_people)).replace("%4", str(len(p.refused)))]
        separator = self.tr("; ")
        levels = separator.join(f"{level} {n}" for level, n in p.by_level().items())
        if levels:
            lines.append(self.tr("By level: %1").replace("%1", levels))
        classes = separator.join(f"{class_codes.get(c, c)} {n}" for c, n in p.by_class.items())
        if classes:
            lines.append(self.tr("By class: %1").replace("%1", classes))
        return "\n".join(lines + list(p.notes))

    def _filter(self, only_refused: bool) -> None:
        for n, row in enumerate(self.preview.rows):
            self.table.setRowHidden(n, only_refused and row.placed)

    def confirm(self) -> None:
        make_uow = thread_uow(self.uow)
        try:
            self.result_ = run_with_progress(
                self, self.tr("Enrolling the applicants…"),
                lambda p: enrol_applications(make_uow(), self.preview,
                                             progress=lambda d, t: (p.report(d, t), p.check())))
        except Cancelled:  # the core wrote nothing
            return
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent, uow, preview, class_codes) -> ApplicationResult | None:
        dialog = cls(parent, uow, preview, class_codes)
        dialog.exec()
        dialog.deleteLater()
        return dialog.result_
