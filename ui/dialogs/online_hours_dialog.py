"""Importing the learning platform's export of online study time (线上学时) for one class: choose
the file, see per trainee the hours found (and what was recorded before) and per refused row why,
then record them. Reading and recording run off the GUI thread (ui/workers.py); the core is
trainer/io/online_hours.py."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.io.online_hours import OnlineHoursPreview, preview_online_hours, run_online_hours
from trainer.rules.completion import hours_text
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.workers import run_with_progress, thread_uow


class OnlineHoursDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, cohort_id: int,
                 class_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("onlineHoursDialog")
        self.setWindowTitle(self.tr("Import online study hours: %1").replace("%1", class_name))
        self.uow, self.cohort_id = uow, cohort_id
        self.preview: OnlineHoursPreview | None = None
        self.recorded = 0
        self.help = QLabel(self.tr(
            "The learning platform's export (.csv, .xlsx or .xls) with a name or ID number "
            "column and a study-time column, e.g. 学习时长（分钟）, 时长（小时）, 学时, or cells "
            "such as 1小时30分 or 01:30:00. The hours replace those recorded for this class."),
            self)
        self.help.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose file…"), self)
        self.choose.setObjectName("chooseFile")
        self.choose.clicked.connect(self.choose_file)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileLabel")
        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.file_label, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("accepted")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Trainee"),
                                              self.tr("Hours"), self.tr("Recorded before")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refused = QListWidget(self)
        self.refused.setObjectName("refused")
        self.refused.setMaximumHeight(140)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.record_button = self.buttons.addButton(self.tr("Record hours"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setObjectName("recordHours")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Refused rows:"), self))
        layout.addWidget(self.refused)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The platform's export"), "",
            self.tr("Spreadsheets and CSV (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)"))
        if path:
            self.load_file(path)

    def _background(self, label: str, function):
        make_uow = thread_uow(self.uow)
        try:
            return run_with_progress(self, label, lambda _p: function(make_uow()),
                                     cancellable=False)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return None

    def load_file(self, path: str) -> None:
        """Reads and matches the file (nothing recorded yet) and shows what it found."""
        self.file_label.setText(path)
        cohort = self.cohort_id
        preview = self._background(self.tr("Reading…"),
                                   lambda uow: preview_online_hours(uow, cohort, path))
        self.show_preview(preview)

    def show_preview(self, preview: OnlineHoursPreview | None) -> None:
        self.preview = preview
        entries = sorted(preview.entries, key=lambda e: e.rows[0]) if preview else []
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            before = "" if e.previous is None else hours_text(e.previous)
            for column, text in enumerate(("、".join(map(str, e.rows)), e.name,
                                           hours_text(e.minutes), before)):
                item = QTableWidgetItem(text)
                if column in (0, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.refused.clear()
        for r in preview.rejected if preview else ():
            self.refused.addItem(self.tr("Row %1: %2").replace("%1", str(r.row))
                                 .replace("%2", r.message()))
        self.summary.setText(self.tr("%1 trainee(s) found, %2 row(s) refused; study time in %3")
                             .replace("%1", str(len(entries)))
                             .replace("%2", str(len(preview.rejected) if preview else 0))
                             .replace("%3", preview.unit_note if preview else "—"))
        self.record_button.setEnabled(bool(entries))

    def record(self) -> None:
        preview = self.preview
        if preview is None:
            return
        written = self._background(self.tr("Recording…"),
                                   lambda uow: run_online_hours(uow, preview))
        if written is None:
            return
        self.recorded = written
        self.accept()

    @classmethod
    def ask(cls, parent, uow: UnitOfWork, cohort_id: int, class_name: str) -> int:
        """Rows recorded (0 when closed without recording)."""
        dialog = cls(parent, uow, cohort_id, class_name)
        dialog.exec()
        dialog.deleteLater()
        return dialog.recorded
