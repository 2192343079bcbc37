"""The import wizard's kind "applicants" (报名表 → 培训项目): the applicants' list of a programme
read with every step of the wizard (sheet, header row, columns, hidden rows, the values we do
not know), then checked by applications.preview_applications and shown here before anything is
written — how many each level and class gets, and every row: the class and level it goes to, or
refused with its row number and reason, in the window's language. The wizard's last step enrols
them (applications.enrol_applications, one transaction, off the GUI thread). "Save refused
rows…" writes the refused rows as the applicant wrote them, with the reason, through the
trainee import's rejects workbook (io.workbooks.write_rejects)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizard,
                               QWizardPage)

from trainer.errors import TrainerError
from trainer.io.workbooks import write_rejects
from trainer.services.applications import (ApplicationPreview, ApplicationResult,
                                           enrol_applications, preview_applications,
                                           refused_rows)
from trainer.texts import language
from ui.dialogs import messages

REFUSED_COLOUR = QColor("#c62828")


def check(uow, programme_id: int, args: dict, value_map=None) -> ApplicationPreview:
    """The wizard's preview for this kind: the mapping page's choices (no enterprise and no
    "already in the database" choice: a person is matched by ID number and left as recorded)."""
    return preview_applications(uow, programme_id, args["path"], sheet=args.get("sheet"),
                                mapping=args.get("mapping"), header_row=args.get("header_row"),
                                include_hidden=args.get("include_hidden", False),
                                value_map=value_map)


def enrol(uow, preview: ApplicationPreview, report) -> ApplicationResult:
    return enrol_applications(uow, preview, progress=report)


def done_text(result: ApplicationResult) -> str:
    return QCoreApplication.translate("ApplicantsPreviewPage", "Enrolled %1, refused %2.") \
        .replace("%1", f"{result.enrolled:,}").replace("%2", f"{result.refused:,}")


class ApplicantsPreviewPage(QWizardPage):
    """Summary (rows, to enrol, new people, refused; by level; by class; what the reader noticed
    about the file) and one line per row: row number, name, level, class, what happens."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check before enrolling"))
        self.setSubTitle(self.tr("Nothing has been written yet. Each eligible applicant goes to "
                                 "the first class of their level with a free place, in the "
                                 "order of the list."))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.only_refused = QCheckBox(self.tr("Show only the refused rows"), self)
        self.only_refused.setObjectName("onlyRefused")
        self.only_refused.toggled.connect(self._filter)
        self.rows = QTableWidget(0, 5, self)
        self.rows.setObjectName("rows")
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.save_refused = QPushButton(self.tr("Save refused rows…"), self)
        self.save_refused.setObjectName("saveRefused")
        self.save_refused.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        above = QHBoxLayout()
        above.addWidget(self.only_refused)
        above.addStretch(1)
        above.addWidget(self.save_refused)
        layout.addLayout(above)
        layout.addWidget(self.rows, 1)

    def initializePage(self) -> None:
        preview: ApplicationPreview = self.wiz.preview
        self.summary.setText(self._summary(preview))
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Level"),
                                             self.tr("Class"), self.tr("Result")])
        self.rows.setRowCount(len(preview.rows))
        for n, row in enumerate(preview.rows):
            number = QTableWidgetItem()
            number.setData(Qt.ItemDataRole.DisplayRole, row.row)
            items = [number] + [QTableWidgetItem(text) for text in (
                row.name, row.level or row.applied_level, row.class_code or "—",
                row.reason_text())]
            for column, item in enumerate(items):
                item.setToolTip(row.message())  # located: "第 6 行：刘芳娜，…"
                if not row.placed:
                    item.setForeground(REFUSED_COLOUR)
                self.rows.setItem(n, column, item)
        self.rows.resizeColumnsToContents()
        self.rows.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.only_refused.setChecked(False)
        self._filter(False)
        self.save_refused.setEnabled(bool(preview.refused))
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, self.tr("Enrol %1").replace(
            "%1", f"{len(preview.enrolled):,}"))

    def _summary(self, p: ApplicationPreview) -> str:
        codes = {r.class_id: r.class_code for r in p.enrolled}
        lines = [self.tr("Programme: %1").replace("%1", p.programme_name),
                 self.tr("%1 rows: %2 to enrol (%3 new to the database), %4 refused.")
                 .replace("%1", f"{len(p.rows):,}").replace("%2", f"{len(p.enrolled):,}")
                 .replace("%3", f"{p.new_people:,}").replace("%4", f"{len(p.refused):,}")]
        separator = self.tr("; ")
        levels = separator.join(f"{level} {n}" for level, n in p.by_level().items())
        if levels:
            lines.append(self.tr("By level: %1").replace("%1", levels))
        classes = separator.join(f"{codes[c]} {n}" for c, n in p.by_class.items())
        if classes:
            lines.append(self.tr("By class: %1").replace("%1", classes))
        return "\n".join(lines + [f"• {note}" for note in p.notes])

    def _filter(self, only_refused: bool) -> None:
        for n, row in enumerate(self.wiz.preview.rows):
            self.rows.setRowHidden(n, only_refused and row.placed)

    def save(self) -> None:
        source = Path(self.wiz.preview.path)
        suggested = str(source.with_name(source.stem + self.tr("-refused") + ".xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save refused rows"), suggested,
                                              "Excel (*.xlsx)")
        if path:
            try:
                write_rejects(refused_rows(self.wiz.preview), path, language())
            except (OSError, TrainerError) as exc:
                messages.show_error(self, self.tr("Save refused rows"), str(exc))

    def cleanupPage(self) -> None:
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))

    def isComplete(self) -> bool:
        return self.wiz.preview is not None and bool(self.wiz.preview.enrolled)
