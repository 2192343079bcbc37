"""The audit trail (administrators): each entry a sentence in the interface's language — who
changed what, from which value to which (trainer/security/audit_text.py) — filtered by person,
kind of record, action, words and dates, and exported to Excel as shown. Read only: the app
offers no way to change it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.security.audit import verify_trail
from trainer.security.audit_text import AuditLine, audit_lines, entity_choices, export_audit
from trainer.texts.security import AUDIT_ACTIONS
from trainer.texts import label
from trainer.services.uow import UnitOfWork
from ui import save_location
from ui.dialogs import messages
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon

LIMIT = 500


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Audit trail"))
        self.uow = uow
        self.lines: list[AuditLine] = []
        self._build_filters()
        show = QPushButton(self.tr("Show"), self)
        show.setObjectName("show")
        show.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("Check the chain"), self)
        verify.setObjectName("verify")
        verify.setToolTip(self.tr("Each entry holds a fingerprint of the one before: checks that "
                                  "no entry was changed or removed"))
        verify.clicked.connect(self.verify)
        self._build_table()
        buttons = self._build_buttons()
        first, second = QHBoxLayout(), QHBoxLayout()
        for widget in (self.user, self.entity, self.action, self.words):
            first.addWidget(widget, 1)
        for widget in (QLabel(self.tr("From"), self), self.since, QLabel(self.tr("to"), self),
                       self.until, show, verify):
            second.addWidget(widget)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(1000, 600)
        self.refresh()

    def _build_filters(self) -> None:
        """Who, which kind of record, which action, which words, from and to."""
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("user name"))
        self.entity = QComboBox(self)
        self.entity.setObjectName("entity")
        self.entity.addItem(self.tr("All records"), None)
        for code, text in entity_choices().items():
            self.entity.addItem(text, code)
        self.action = QComboBox(self)
        self.action.setObjectName("action")
        self.action.addItem(self.tr("All actions"), None)
        for code in AUDIT_ACTIONS:
            self.action.addItem(label(AUDIT_ACTIONS, code), code)
        self.words = QLineEdit(self)
        self.words.setObjectName("words")
        self.words.setPlaceholderText(self.tr("words in the entry, e.g. 张三"))
        self.words.textChanged.connect(self.show_lines)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setObjectName("since")
        self.until = QDateEdit(today, self)
        self.until.setObjectName("until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")

    def _build_table(self) -> None:
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("entries")
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What happened")])
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.export_button = buttons.addButton(self.tr("Export to Excel…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(lambda: self.export())
        self.purge_button = buttons.addButton(self.tr("Purge deleted trainees…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button.setObjectName("purge")
        self.purge_button.setToolTip(self.tr(
            "Blanks the personal data of trainees deleted longer ago than the retention period "
            "in the audit trail; what was done, by whom and when stays."))
        self.purge_button.clicked.connect(lambda: self.purge())
        buttons.rejected.connect(self.reject)
        return buttons

    def refresh(self) -> None:
        try:
            self.lines = audit_lines(
                self.uow, user=self.user.text().strip() or None,
                entity=self.entity.currentData(), action=self.action.currentData(),
                since=self.since.date().toPython(), until=self.until.date().toPython(),
                limit=LIMIT)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText("" if len(self.lines) < LIMIT else
                             self.tr("The newest %1 entries are shown; narrow the filter to see "
                                     "older ones.").replace("%1", str(LIMIT)))
        self.show_lines()

    def shown_lines(self) -> list[AuditLine]:
        words = self.words.text().strip()
        return [line for line in self.lines if not words or words in line.sentence
                or words in line.who]

    def show_lines(self) -> None:
        lines = self.shown_lines()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((f"{line.at:%Y-%m-%d %H:%M:%S}", line.who,
                                           line.action, line.sentence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, max(self.table.columnWidth(3), 300))
        self.export_button.setEnabled(bool(lines))

    def export(self, path: str | None = None) -> str | None:
        if not path:
            path = save_location.ask_save_path(
                self, self.tr("Export to Excel"),
                save_location.file_name(self.windowTitle(), suffix=".xlsx"), "Excel (*.xlsx)")
        if not path:
            return None
        try:
            export_audit(self.shown_lines(), path)
        except (OSError, TrainerError) as exc:
            messages.show_refusal(self, str(exc))
            return None
        return path

    def verify(self) -> None:
        """Walks the whole trail in the background and says whether its chain is whole, or
        which entry is the first that was changed (or follows removed ones)."""
        from ui.workers import run_with_progress

        try:
            report = run_with_progress(self, self.tr("Checking the audit trail…"),
                                       lambda _progress: verify_trail(self.uow),
                                       cancellable=False)
        except TrainerError as exc:
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(str(exc))
            return
        if report.intact:
            self.verdict.setStyleSheet("color: #1b5e20;")
            self.verdict.setText(self.tr("The audit trail is whole: %1 entries checked, none "
                                         "changed or removed.").replace("%1", str(report.checked)))
            return
        if report.first_break is None:
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(self._cut_off(report.missing))
            return
        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
        when = f"{report.break_at + offset:%Y-%m-%d %H:%M:%S}" if report.break_at else "?"
        self.verdict.setStyleSheet(ERROR_STYLE)
        self.verdict.setText(self.tr("The audit trail was tampered with: entry %1 (%2) does not "
                                     "follow from the one before — it was changed, or entries "
                                     "before it were removed.")
                             .replace("%1", str(report.first_break)).replace("%2", when))

    def purge(self, confirm=None) -> bool:
        """Counts what a purge would blank, asks, then purges (audit.retention_days after a
        trainee's deletion). `confirm(question) -> bool` replaces the question box in tests."""
        from trainer.security.retention import purge_deleted_trainees

        try:
            counted = purge_deleted_trainees(self.uow, dry_run=True)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return False
        days = str(counted.retention_days)
        if not counted.entries:
            self.verdict.setStyleSheet("")
            self.verdict.setText(self.tr("No trainee deleted more than %1 days ago has personal "
                                         "data left in the audit trail.").replace("%1", days))
            return False
        question = (self.tr("Blank the personal data (name, ID number, mobile…) of %1 trainees "
                            "deleted more than %2 days ago in %3 audit entries? This cannot be "
                            "undone.").replace("%1", str(counted.trainees)).replace("%2", days)
                    .replace("%3", str(counted.entries)))
        if not (confirm or self._ask)(question):
            return False
        try:
            done = purge_deleted_trainees(self.uow)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return False
        self.verdict.setStyleSheet("color: #1b5e20;")
        self.verdict.setText(self.tr("Purged the personal data of %1 trainees from %2 audit "
                                     "entries; the chain still holds.")
                             .replace("%1", str(done.trainees)).replace("%2", str(done.entries)))
        self.refresh()
        return True

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Purge personal data"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _cut_off(self, missing) -> str:
        """Entries missing at the end of the trail (security.anchor.Shortfall)."""
        if missing.replaced:
            return self.tr("The audit trail was tampered with: entry %1, as this desk "
                           "recorded it, is no longer there — the newest entries were removed "
                           "and others written in their place.").replace("%1",
                                                                         str(missing.expected))
        return (self.tr("The audit trail was cut short: the entries after entry %1 are missing "
                        "(this desk recorded up to entry %2) — the newest entries were removed.")
                .replace("%1", str(missing.present)).replace("%2", str(missing.expected)))

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> None:
        dialog = cls(parent, uow)
        dialog.exec()
        dialog.deleteLater()
