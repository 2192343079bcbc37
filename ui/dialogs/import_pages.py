"""Three pages of the import wizard (import_wizard.py): the values we do not know — each distinct
descriptive value the file writes in its own words (人员类别 技术骨干, 性别 男性…), how many rows
use it, and what it becomes: kept as written or one of ours, chosen once for the whole file —
the check before importing: counts, what the clerk should know about the file (sheet,
hidden rows, merges, IDs stored as numbers), and every rejected row with its reason — and the
last step, writing in the background with progress and Cancel."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizard, QWizardPage)

from trainer.errors import TrainerError
from trainer.io.importing import ImportCancelled
from trainer.io.preview_notes import preview_notes, row_count
from trainer.io.values import all_targets
from trainer.io.workbooks import write_rejects
from trainer.texts import FIELDS, label, language
from ui.dialogs import messages
from ui.workers import Task, thread_uow


class ValuesPage(QWizardPage):
    """One line per distinct value we do not know: field, value as written, rows, and a choice
    (kept as written — for gender: taken from the ID number — or one of our values)."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Values we do not know"))
        self.setSubTitle(self.tr("The file uses these words where we have a list of our own. No "
                                 "row is rejected for them: keep each as written, or choose one "
                                 "of ours. The choice applies to every row of this file."))
        self.values = QTableWidget(0, 4, self)
        self.values.setObjectName("unknownValues")
        self.values.verticalHeader().hide()
        self.values.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.values.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.values, 1)

    def initializePage(self) -> None:
        preview = self.wiz.preview
        lang = language()
        self.values.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Written in the file"),
                                               self.tr("Rows"), self.tr("Becomes")])
        self.values.setRowCount(len(preview.unknown_values))
        for i, unknown in enumerate(preview.unknown_values):
            self.values.setItem(i, 0, QTableWidgetItem(label(FIELDS, unknown.field, lang)))
            self.values.setItem(i, 1, QTableWidgetItem(unknown.value))
            self.values.setItem(i, 2, QTableWidgetItem(row_count(unknown.rows, lang)))
            combo = QComboBox(self.values)
            combo.addItem(self.tr("taken from the ID number") if unknown.field == "gender"
                          else self.tr("keep as written"), "")
            for code, labels in all_targets(unknown.field).items():
                combo.addItem(labels[0] if lang == "zh" else labels[1], code)
            chosen = preview.value_map.get(unknown.field, {}).get(unknown.value, "")
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            self.values.setCellWidget(i, 3, combo)
        self.values.resizeColumnToContents(0)
        self.values.resizeColumnToContents(2)
        self.values.setColumnWidth(3, 220)

    def value_map(self) -> dict[str, dict[str, str]]:
        chosen: dict[str, dict[str, str]] = {}
        for i, unknown in enumerate(self.wiz.preview.unknown_values):
            code = self.values.cellWidget(i, 3).currentData()
            if code:
                chosen.setdefault(unknown.field, {})[unknown.value] = code
        return chosen

    def validatePage(self) -> bool:
        value_map = self.value_map()
        if value_map == self.wiz.preview.value_map:
            return True
        wiz, args = self.wiz, dict(self.wiz.preview_args)
        preview = wiz.in_background(self.tr("Checking every row…"), lambda uow: wiz.check(
            uow, args, value_map))
        if preview is None:
            return False
        wiz.preview = preview
        return True


class PreviewPage(QWizardPage):
    """Counts, and every rejected or skipped row with its row number, column and reason."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. Rejected rows can be saved as an "
                                 "Excel file with the reasons, to send back."))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.notes = QLabel(self)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setObjectName("problems")
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.save_rejects = QPushButton(self.tr("Save rejected rows…"), self)
        self.save_rejects.setObjectName("saveRejects")
        self.save_rejects.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_rejects)
        layout.addLayout(bottom)

    def initializePage(self) -> None:
        preview = self.wiz.preview
        self.summary.setText(self.tr(
            "%1 rows will be imported (%2 new, %3 updated); %4 rejected; %5 already there and "
            "skipped; %6 blank or total rows ignored.")
            .replace("%1", f"{len(preview.accepted):,}").replace("%2", f"{preview.to_create:,}")
            .replace("%3", f"{preview.to_update:,}").replace("%4", f"{len(preview.rejected):,}")
            .replace("%5", f"{len(preview.duplicates):,}")
            .replace("%6", f"{len(preview.skipped_rows):,}"))
        notes = preview_notes(preview, language())
        self.notes.setText("\n".join(f"• {n}" for n in notes))
        self.notes.setVisible(bool(notes))
        lines = [(r.row, p.header or "", p.message()) for r in preview.rejected for p in r.problems]
        lines += [(d.row, "", d.message()) for d in preview.duplicates]
        lines.sort(key=lambda line: line[0])
        self.problems.setRowCount(len(lines))
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"),
                                                 self.tr("Reason")])
        for i, (row, column, reason) in enumerate(lines):
            number = QTableWidgetItem()
            number.setData(Qt.ItemDataRole.DisplayRole, row)
            self.problems.setItem(i, 0, number)
            self.problems.setItem(i, 1, QTableWidgetItem(column))
            self.problems.setItem(i, 2, QTableWidgetItem(reason))
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.save_rejects.setEnabled(bool(preview.rejected))
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

    def cleanupPage(self) -> None:
        self.wiz.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))

    def isComplete(self) -> bool:
        return self.wiz.preview is not None and bool(self.wiz.preview.accepted)

    def save(self) -> None:
        source = Path(self.wiz.preview.path)
        suggested = str(source.with_name(source.stem + self.tr("-rejected") + ".xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), suggested,
                                              "Excel (*.xlsx)")
        if path:
            try:
                write_rejects(self.wiz.preview, path, language())
            except (OSError, TrainerError) as exc:
                messages.show_error(self, self.tr("Save rejected rows"), str(exc))


class RunPage(QWizardPage):
    """Imports in the background: all rows or none."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.task: Task | None = None
        self.running = False
        self.setTitle(self.tr("Importing"))
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel import"), self)
        self.cancel.setObjectName("cancelImport")
        self.cancel.clicked.connect(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        preview = self.wiz.preview
        rows = len(self.wiz.to_write())
        self.bar.setRange(0, max(rows, 1))
        self.bar.setValue(0)
        self.status.setText(self.tr("Writing %1 rows in one transaction…")
                            .replace("%1", f"{rows:,}"))
        self.cancel.setEnabled(True)
        make_uow = thread_uow(self.wiz.uow)

        def work(progress):
            def report(done: int, total: int) -> None:
                if progress.cancelled:
                    raise ImportCancelled()
                progress.report(done, total)
            return self.wiz.write(make_uow(), preview, report)

        self.running = True
        self.task = Task(work, self)
        self.task.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self.task.succeeded.connect(self.finished_ok, Qt.ConnectionType.QueuedConnection)
        self.task.failed.connect(self.finished_failed, Qt.ConnectionType.QueuedConnection)
        self.task.start()

    def progressed(self, done: int, total: int, _text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def finished_ok(self, result) -> None:
        self.running = False
        self.wiz.result_ = result
        self.bar.setValue(self.bar.maximum())
        self.cancel.setEnabled(False)
        self.status.setText(self.wiz.done_text(result))
        self.completeChanged.emit()

    def finished_failed(self, error: BaseException) -> None:
        self.running = False
        self.cancel.setEnabled(False)
        self.status.setText(str(error) if isinstance(error, TrainerError) else
                            self.tr("The import failed; nothing was written: %1")
                            .replace("%1", repr(error)))
        self.status.setStyleSheet("color: #c62828;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.task is not None and not self.running
